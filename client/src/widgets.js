import qrcode from "qrcode-generator";
import { h, announce } from "./dom.js";
import { t, number } from "./i18n.js";

// Each choice has a colour, a shape and a number, so no choice is told apart by colour alone.
export const SHAPES = ["▲", "◆", "●", "■", "★", "⬟", "▼", "✚", "⬢"];

export function shapeOf(index) { return SHAPES[index % SHAPES.length]; }

/** A countdown to the server's deadline, corrected by the offset between the server's clock and ours. */
export class Countdown {
  /** `label` is the i18n key of the visible text; `speak` false keeps it out of the live region (a second timer). */
  constructor({ label = "timer.left", speak = true } = {}) { this.timer = null; this.el = null; this.announced = new Set(); this.label = label; this.speak = speak; }

  /** `payload` carries deadline and serverNow (server clock) and remainingMs; `paused` freezes it. */
  set(payload, paused) {
    const offset = Date.parse(payload.serverNow) - Date.now();
    this.localDeadline = Date.parse(payload.deadline) - offset;
    this.frozenMs = paused ? payload.remainingMs : null;
    this.announced = new Set();
  }

  pause(remainingMs) { this.frozenMs = remainingMs; }

  remainingMs() {
    if (this.frozenMs !== null && this.frozenMs !== undefined) return this.frozenMs;
    return Math.max(0, this.localDeadline - Date.now());
  }

  /** The visible countdown; the live region speaks only at a few moments, never every second. */
  element() {
    this.el = h("p", { class: "countdown", role: "timer" });
    this.tick();
    clearInterval(this.timer);
    this.timer = setInterval(() => this.tick(), 250);
    return this.el;
  }

  tick() {
    if (!this.el?.isConnected) { clearInterval(this.timer); return; }
    const seconds = Math.ceil(this.remainingMs() / 1000);
    const paused = this.frozenMs !== null && this.frozenMs !== undefined;
    this.el.textContent = paused ? t("timer.paused", { seconds }) : t(this.label, { seconds });
    this.el.dataset.low = seconds <= 5 ? "true" : "false";
    if (this.speak && !paused && [30, 10, 5].includes(seconds) && !this.announced.has(seconds)) {
      this.announced.add(seconds);
      announce(t("timer.announce", { seconds }));
    }
  }

  stop() { clearInterval(this.timer); }
}

/** The QR code as SVG rectangles built through the DOM (no inline markup, no data URL, allowed by our CSP). */
export function qrCode(text, label) {
  const qr = qrcode(0, "M");
  qr.addData(text);
  qr.make();
  const size = qr.getModuleCount();
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  const margin = 4;
  svg.setAttribute("viewBox", `0 0 ${size + 2 * margin} ${size + 2 * margin}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", label);
  svg.setAttribute("class", "qr");
  const background = document.createElementNS(ns, "rect");
  background.setAttribute("width", String(size + 2 * margin));
  background.setAttribute("height", String(size + 2 * margin));
  background.setAttribute("fill", "#fff");
  svg.append(background);
  const path = [];
  for (let row = 0; row < size; row++)
    for (let col = 0; col < size; col++)
      if (qr.isDark(row, col)) path.push(`M${col + margin} ${row + margin}h1v1h-1z`);
  const dark = document.createElementNS(ns, "path");
  dark.setAttribute("d", path.join(""));
  dark.setAttribute("fill", "#000");
  svg.append(dark);
  return svg;
}

/** How a distribution key or an answer reads for people, in the question's own words. */
export function keyLabel(question, key) {
  switch (question?.type) {
    case "single": case "multiple": case "poll": return question.choices?.[Number(key)] ?? key;
    case "trueFalse": return key === "true" ? t("answer.true") : t("answer.false");
    case "numeric": return question.unit ? `${number(Number(key))} ${question.unit}` : number(Number(key));
    case "ordering": return String(key).split("-").map(id => question.items?.find(i => i.id === Number(id))?.text ?? id).join(" → ");
    default: return key;
  }
}

export function correctText(question, reveal) {
  const answer = reveal?.correctAnswer;
  if (reveal?.acceptedAnswers?.length) return reveal.acceptedAnswers.join(" / ");
  if (!answer) return null;
  if (answer.choices) return answer.choices.map(c => keyLabel(question, String(c))).join(" + ");
  if (answer.flag !== undefined && answer.flag !== null) return keyLabel(question, String(answer.flag));
  if (answer.number !== undefined && answer.number !== null) {
    const text = keyLabel(question, String(answer.number));
    return reveal.tolerance ? t("answer.tolerance", { answer: text, tolerance: number(reveal.tolerance) }) : text;
  }
  if (answer.order) return keyLabel(question, answer.order.join("-"));
  if (answer.text) return answer.text;
  return null;
}

function isCorrectKey(question, reveal, key) {
  const answer = reveal?.correctAnswer;
  // Typed answers are keyed by the server's normalised text; comparing without case, spaces or accents is close enough
  // to mark the bar (the server, not this mark, decides each learner's points).
  const plain = (text) => String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/\s+/g, " ").trim().toLowerCase();
  if (reveal?.acceptedAnswers?.length) return reveal.acceptedAnswers.some(a => plain(a) === plain(key));
  if (!answer) return false;
  if (answer.text) return plain(answer.text) === plain(key);
  if (answer.choices) return answer.choices.map(String).includes(key);
  if (answer.flag !== undefined && answer.flag !== null) return String(answer.flag) === key;
  if (answer.order) return answer.order.join("-") === key;
  if (answer.number !== undefined && answer.number !== null) return Math.abs(Number(key) - answer.number) <= (reveal.tolerance ?? 0);
  return false;
}

/** The class's answers as horizontal bars; the right one is marked with a sign and a word, not only a colour. */
export function distributionChart(question, reveal) {
  let keys = Object.keys(reveal.distribution ?? {});
  if (question && ["single", "multiple", "poll"].includes(question.type)) keys = question.choices.map((_, i) => String(i));
  if (question?.type === "trueFalse") keys = ["true", "false"];
  const counts = keys.map(k => reveal.distribution?.[k] ?? 0);
  const max = Math.max(1, ...counts);
  return h("ul", { class: "chart", "aria-label": t("chart.label") },
    keys.map((key, i) => {
      const correct = isCorrectKey(question, reveal, key);
      const bar = h("span", { class: "chart-bar" });
      bar.style.width = `${Math.round((counts[i] / max) * 100)}%`;
      return h("li", { class: correct ? "correct" : "" },
        h("span", { class: "chart-label" },
          ["single", "multiple", "poll", "trueFalse"].includes(question?.type) ? h("span", { class: `shape c${i % 6}`, "aria-hidden": "true" }, shapeOf(i)) : null,
          keyLabel(question, key),
          correct ? h("strong", { class: "mark" }, ` ✓ ${t("reveal.correctMark")}`) : null),
        h("span", { class: "bar-track" }, bar),
        h("span", { class: "chart-count" }, t("chart.count", { count: counts[i] })));
    }));
}

export function leaderboardList(entries, youSeatId) {
  return h("ol", { class: "leaderboard" },
    entries.map(entry => h("li", { class: entry.seatId === youSeatId ? "you" : "" },
      h("span", { class: "rank" }, t("leaderboard.rank", { rank: entry.rank })),
      h("span", { class: "name" }, entry.nickname),
      h("span", { class: "score" }, t("leaderboard.points", { points: number(entry.score) })))));
}

export function podiumList(entries) {
  return h("ol", { class: "podium" },
    entries.map(entry => h("li", { class: `place place${entry.rank}` },
      h("span", { class: "medal", "aria-hidden": "true" }, ["🥇", "🥈", "🥉"][entry.rank - 1] ?? ""),
      h("span", { class: "rank" }, t("leaderboard.rank", { rank: entry.rank })),
      h("span", { class: "name" }, entry.nickname),
      h("span", { class: "score" }, t("leaderboard.points", { points: number(entry.score) })))));
}

/**
 * The question's image, only when our own server serves it (a path starting with one "/"): the app makes no request
 * to any other origin, so an image elsewhere is not shown (see docs/quiz-format.md).
 */
export function questionImage(question) {
  if (!isOwnImage(question?.imageUrl)) return null;
  return h("figure", { class: "question-image" }, h("img", { src: question.imageUrl, alt: question.imageAlt ?? t("question.imageNoAlt") }));
}

export function isOwnImage(url) { return typeof url === "string" && url.startsWith("/") && !url.startsWith("//"); }

export function questionHeading(question) {
  return h("p", { class: "question-number" }, t("question.number", { index: question.index + 1, count: question.count }));
}
