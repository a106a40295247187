import { h, show, announce } from "./dom.js";
import { t, errorText, number, lang } from "./i18n.js";
import { createConnection, setStorageRetrying } from "./connection.js";
import { qrCode, shapeOf, Countdown, distributionChart, leaderboardList, podiumList, questionHeading, correctText, questionImage, isOwnImage } from "./widgets.js";
import { extraTimeControl, extraText } from "./extra.js";
import { teamName, teamBoardSection, teamResults, peerSummary, peerStageLine } from "./teams.js";
import { challengeBar, refreshChallengeBar } from "./challenge.js";

const HOST_KEY = "lg.host";
const loadHost = () => { try { return JSON.parse(localStorage.getItem(HOST_KEY)); } catch { return null; } };

/**
 * The trainer's control panel, and (with `projector`) the room's big screen: both connect with Host and the host
 * token; the screen only shows, the panel also controls.
 */
export function startHost({ projector }) {
  const fromFragment = projector ? new URLSearchParams(location.hash.slice(1)) : null;
  const g = {
    session: projector ? (fromFragment.get("session") ? { sessionId: fromFragment.get("session"), hostToken: fromFragment.get("token") } : null) : loadHost(),
    snapshot: null, phase: null, question: null, countdown: new Countdown(), reveal: null,
    // While learners with extra time are still answering, after the common deadline.
    extraCountdown: new Countdown({ label: "extra.left", speak: false }), lastDeadline: null, leaderboard: null, podium: null,
    learners: [], teams: [], locked: false, answered: 0, learnerCount: 0, error: null, demos: null,
    // A trainer who reloads (or comes back) goes straight back to its running session.
    setup: !projector && !loadHost(),
  };

  const conn = createConnection({
    handlers: {
      lobby: (p) => { g.learners = p.learners; g.locked = p.locked; g.learnerCount = p.count; g.teams = p.teams ?? g.teams; render(); },
      discussion: (p) => { g.phase = "Discussion"; g.countdown.set(p, false); render(); },
      question: (p) => { g.phase = "QuestionOpen"; g.question = p.question; g.countdown.set(p, false); setLast(p); g.answered = 0; g.reveal = null; render(); },
      answerCount: (p) => { g.answered = p.answered; g.learnerCount = p.learners; const el = document.getElementById("answered"); if (el) el.textContent = answeredText(); },
      paused: (p) => { g.paused = true; g.countdown.pause(p.remainingMs); g.extraCountdown.pause(g.extraCountdown.remainingMs()); render(); },
      resumed: (p) => { g.paused = false; g.question = p.question; g.countdown.set(p, false); setLast(p); render(); },
      reveal: (p) => { g.phase = "Reveal"; g.reveal = p; g.paused = false; render(); },
      leaderboard: (p) => { g.phase = "Leaderboard"; g.leaderboard = p; render(); },
      podium: (p) => { g.phase = "Podium"; g.podium = p.podium; g.leaderboard = p.leaderboard; render(); },
      ended: (p) => { g.phase = "Ended"; g.leaderboard = p.final; render(); },
      challenge: (p) => { g.challenge = p; if (!refreshChallengeBar(p, projector)) render(); },
    },
    resume: () => (g.session ? host() : undefined),
  });

  function setLast(p) {
    g.lastDeadline = p.lastDeadline ?? null;
    if (g.lastDeadline) g.extraCountdown.set({ deadline: p.lastDeadline, serverNow: p.serverNow, remainingMs: Date.parse(p.lastDeadline) - Date.parse(p.serverNow) }, !!p.paused);
  }

  /** Shown with the question while some learners have extra time: how long the question may stay open for them. */
  const extraLine = () => g.lastDeadline ? [h("p", { class: "note" }, t("extra.someLearners")), g.extraCountdown.element()] : null;

  const answeredText = () => t("host.answered", { answered: g.answered, count: g.learnerCount });

  function apply(s) {
    setStorageRetrying(s.storageRetrying);
    g.snapshot = s; g.phase = s.phase; g.question = s.question; g.learners = s.learners ?? []; g.locked = s.locked;
    g.learnerCount = g.learners.filter(l => l.connected).length; g.answered = s.answeredCount ?? 0; g.paused = s.paused;
    g.reveal = s.reveal; g.leaderboard = s.leaderboard; g.teams = s.teams ?? [];
    if (s.phase === "Discussion" && s.discussionDeadline) g.countdown.set({ deadline: s.discussionDeadline, serverNow: s.serverNow }, false);
    if (s.phase === "QuestionOpen") { g.countdown.set(s, s.paused); setLast(s); } else g.lastDeadline = null;
    if (s.phase === "Podium" && s.leaderboard) g.podium = s.leaderboard.top.slice(0, 3);
    g.challenge = s.challenge ?? g.challenge;
    g.setup = false;
    render();
  }

  async function host() {
    const r = await conn.call("Host", g.session.sessionId, g.session.hostToken);
    if (r.ok) apply(r.snapshot);
    else {
      g.error = r.error;
      if (r.error === "forbidden" || r.error === "session-not-found") { if (!projector) localStorage.removeItem(HOST_KEY); g.session = null; g.setup = !projector; }
      render();
    }
  }

  async function control(method, ...args) {
    const r = await conn.call(method, ...args);
    g.error = r.ok ? null : r.error;
    if (!r.ok) { render(); announce(errorText(r.error)); }
  }

  async function create(form) {
    const data = new FormData(form);
    const options = { speedScoring: data.get("speedScoring") === "on", closeWhenAllAnswered: data.get("closeWhenAllAnswered") === "on" };
    const mode = data.get("teamMode");
    if (mode === "auto" || mode === "choose")
      options.teams = { formation: mode, size: Number(data.get("teamSize")), count: Number(data.get("teamCount")), tieBreak: data.get("tieBreak") };
    let body;
    const source = data.get("source");
    if (source === "file") {
      const file = data.get("quizFile");
      if (!(file instanceof File) || file.size === 0) { g.error = "file-missing"; return render(); }
      try { body = { quiz: JSON.parse(await file.text()), options }; } catch { g.error = "json-invalid"; g.details = null; return render(); }
    } else body = { demo: source, options };
    let response;
    try {
      response = await fetch("/api/sessions", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    } catch { g.error = "unavailable"; return render(); }
    const json = await response.json().catch(() => ({}));
    if (!response.ok) { g.error = json.error ?? "unavailable"; g.details = json.details; return render(); }
    g.session = { sessionId: json.sessionId, hostToken: json.hostToken, joinCode: json.joinCode };
    localStorage.setItem(HOST_KEY, JSON.stringify(g.session));
    g.error = null; g.details = null;
    await host();
  }

  async function download(path, filename) {
    // The host token goes in a header, never in the URL; the file is then handed to the browser as a blob.
    let response;
    try {
      response = await fetch(`/api/sessions/${g.session.sessionId}/report${path}`, { headers: { "X-Host-Token": g.session.hostToken } });
    } catch { response = null; }
    if (!response?.ok) { g.error = response?.status === 403 ? "forbidden" : "unavailable"; return render(); }
    const url = URL.createObjectURL(await response.blob());
    const a = h("a", { href: url, download: filename });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  const errorBox = () => g.error ? h("div", { class: "error", role: "alert" }, h("p", {}, errorText(g.error)),
    g.details?.length ? h("ul", {}, g.details.map(d => h("li", {}, `${d.path}: ${d.message}`))) : null) : null;

  function render() {
    document.title = `${projector ? t("screen.title") : t("host.title")} – LearnGame`;
    document.body.classList.toggle("projector", projector);
    if (projector && !g.session) return show("screen-missing", h("h1", {}, t("screen.title")), errorBox() ?? h("p", {}, t("screen.missing")));
    if (g.setup) return setupView();
    if (!g.phase) return show("connecting", h("h1", {}, t("play.connecting")), errorBox());
    return projector ? screenView() : panelView();
  }

  function setupView() {
    if (g.demos === null) {
      g.demos = [];
      fetch("/api/demo-quizzes").then(r => r.json()).then(list => { g.demos = list; render(); }).catch(() => {});
    }
    const saved = loadHost();
    const preferred = g.demos.find(d => d.language === lang())?.language ?? g.demos[0]?.language;
    show(`setup-${g.demos.length}-${g.error ?? ""}`, h("h1", {}, t("host.setupTitle")),
      saved ? h("p", {}, h("button", { type: "button", class: "secondary", onclick: () => { g.session = saved; g.setup = false; host(); } }, t("host.resume", { code: saved.joinCode ?? "" }))) : null,
      h("form", { class: "stack", onsubmit: (e) => { e.preventDefault(); create(e.target); } },
        h("fieldset", {}, h("legend", {}, t("host.quiz")),
          g.demos.map(d => h("div", { class: "option" },
            h("input", { type: "radio", name: "source", id: `demo-${d.language}`, value: d.language, checked: d.language === preferred }),
            h("label", { for: `demo-${d.language}` }, t("host.demo", { title: d.title, count: d.questionCount })))),
          h("div", { class: "option" },
            h("input", { type: "radio", name: "source", id: "source-file", value: "file", checked: g.demos.length === 0 }),
            h("label", { for: "source-file" }, t("host.upload"))),
          h("label", { for: "quiz-file", class: "file-label" }, t("host.fileLabel")),
          h("input", { type: "file", id: "quiz-file", name: "quizFile", accept: ".json,application/json", onchange: () => { document.getElementById("source-file").checked = true; } })),
        h("fieldset", {}, h("legend", {}, t("host.options")),
          h("div", { class: "option" }, h("input", { type: "checkbox", id: "speed", name: "speedScoring", checked: true }), h("label", { for: "speed" }, t("host.speedScoring"))),
          h("div", { class: "option" }, h("input", { type: "checkbox", id: "close-all", name: "closeWhenAllAnswered", checked: true }), h("label", { for: "close-all" }, t("host.closeWhenAll")))),
        h("fieldset", {}, h("legend", {}, t("host.mode")),
          [["individual", "host.modeIndividual"], ["auto", "host.modeAuto"], ["choose", "host.modeChoose"]].map(([value, key]) =>
            h("div", { class: "option" }, h("input", { type: "radio", name: "teamMode", id: `mode-${value}`, value, checked: value === "individual" }), h("label", { for: `mode-${value}` }, t(key)))),
          h("label", { for: "team-size" }, t("host.teamSize")),
          h("input", { type: "number", id: "team-size", name: "teamSize", min: 2, max: 50, value: "4" }),
          h("label", { for: "team-count" }, t("host.teamCount")),
          h("input", { type: "number", id: "team-count", name: "teamCount", min: 2, max: 100, value: "4" }),
          h("label", { for: "tie-break" }, t("host.tieBreak")),
          h("select", { id: "tie-break", name: "tieBreak" },
            h("option", { value: "firstVote" }, t("host.tieFirstVote")), h("option", { value: "captain" }, t("host.tieCaptain")))),
        errorBox(),
        h("button", { type: "submit", class: "primary" }, t("host.create"))));
  }

  const joinUrl = () => `${location.origin}/play`;
  const screenUrl = () => `/screen#session=${encodeURIComponent(g.session.sessionId)}&token=${encodeURIComponent(g.session.hostToken)}`;

  function panelView() {
    const s = g.snapshot;
    const btn = (label, method, cls, ...args) => h("button", { type: "button", class: cls ?? "secondary", dataset: { fid: `do-${method}` }, onclick: () => control(method, ...args) }, label);
    const actions = [];
    if (g.phase === "Lobby") actions.push(btn(t("host.start"), "Start", "primary"),
      h("button", { type: "button", class: "secondary", dataset: { fid: "add-bots" }, onclick: addBots }, t("host.addBots")));
    if (g.phase === "QuestionOpen") {
      actions.push(g.paused ? btn(t("host.resumeGame"), "Resume", "primary") : btn(t("host.pause"), "Pause"));
      actions.push(btn(t("host.reveal"), "Reveal", "primary"), btn(t("host.skip"), "Skip"));
    }
    if (["Reveal", "Leaderboard", "Podium"].includes(g.phase)) actions.push(btn(t("host.next"), "Next", "primary"));
    if (g.phase === "Discussion") actions.push(btn(t("host.openSecondVote"), "Next", "primary"), btn(t("host.skip"), "Skip"));
    if (g.phase !== "Ended") {
      actions.push(g.locked ? btn(t("host.unlock"), "Unlock") : btn(t("host.lock"), "Lock"));
      actions.push(btn(t("host.end"), "End", "danger"));
    }
    show(`panel-${g.phase}-${g.question?.index ?? ""}`,
      h("h1", {}, s.title),
      h("p", { class: "phase" }, t("host.phase", { phase: t(`phase.${g.phase}`) })),
      challengeBar(g.challenge, false),
      h("div", { class: "join-info" },
        h("p", {}, t("host.code"), " ", h("strong", { class: "code" }, s.joinCode)),
        h("p", {}, h("a", { href: screenUrl(), target: "_blank", rel: "noopener", class: "button secondary", dataset: { fid: "screen-link" } }, t("host.openScreen")))),
      h("div", { class: "actions", role: "group", "aria-label": t("host.controls") }, actions),
      errorBox(),
      g.phase === "QuestionOpen" && g.question ? h("section", { "aria-labelledby": "q-title" },
        questionHeading(g.question), peerStageLine(g.question), h("h2", { id: "q-title" }, g.question.text), imageFor(g.question), g.countdown.element(), extraLine(),
        h("p", { id: "answered", class: "big" }, answeredText())) : null,
      g.phase === "Discussion" ? h("section", { "aria-labelledby": "discussion-title" },
        h("h2", { id: "discussion-title" }, t("peer.discussionTitle")), g.countdown.element(), h("p", {}, t("peer.discussion"))) : null,
      g.phase === "Reveal" && g.reveal ? revealSection() : null,
      g.phase === "Leaderboard" && g.leaderboard ? h("section", { "aria-labelledby": "lb-title" }, h("h2", { id: "lb-title" }, t("leaderboard.title")), leaderboardList(g.leaderboard.top)) : null,
      ["Podium", "Ended"].includes(g.phase) ? h("section", { "aria-labelledby": "podium-title" }, h("h2", { id: "podium-title" }, t("podium.title")), podiumList(g.podium ?? g.leaderboard?.top?.slice(0, 3) ?? [])) : null,
      ["Leaderboard", "Podium", "Ended"].includes(g.phase) ? teamBoardSection(g.leaderboard?.teams) : null,
      teamsSection(),
      h("section", { "aria-labelledby": "learners-title" },
        h("h2", { id: "learners-title" }, t("host.learners", { count: g.learners.length })),
        g.learners.length === 0 ? h("p", {}, t("host.noLearners")) :
          h("ul", { class: "learners" }, g.learners.map(l => h("li", {},
            h("span", { class: "name" }, l.nickname),
            h("span", { class: "presence" }, l.connected ? t("host.online") : t("host.away")),
            moveControl(l),
            g.phase !== "Ended" ? extraTimeControl(l, (seatId, percent) => control("SetExtraTime", seatId, percent, 0)) : l.extraTime ? h("span", {}, extraText(l.extraTime)) : null,
            g.phase !== "Ended" ? h("button", { type: "button", class: "small", dataset: { fid: `kick-${l.seatId}` }, "aria-label": t("host.kickWho", { nickname: l.nickname }), onclick: () => control("Kick", l.seatId) }, t("host.kick")) : null)))),
      reportsSection(),
      g.phase === "Ended" ? h("p", {}, h("button", { type: "button", class: "link", onclick: () => { localStorage.removeItem(HOST_KEY); g.session = null; g.phase = null; g.setup = true; g.error = null; render(); } }, t("host.newSession"))) : null);
  }

  /** Five bot learners join, to rehearse alone before class (the host token goes in a header). */
  async function addBots() {
    let response;
    try {
      response = await fetch(`/api/sessions/${g.session.sessionId}/bots?count=5`, { method: "POST", headers: { "X-Host-Token": g.session.hostToken } });
    } catch { g.error = "unavailable"; return render(); }
    const json = await response.json().catch(() => ({}));
    g.error = response.ok ? null : json.error ?? "unavailable";
    if (response.ok) announce(t("host.botsAdded", { count: json.added })); else render();
  }

  /**
   * The session report's downloads: each CSV for French Excel (semicolons) and with commas, and the JSON. The host
   * token travels in a header of a fetch, never in a link's URL (URLs end up in logs and histories).
   */
  function reportsSection() {
    const files = [["learners", "host.learnersCsv"], ["questions", "host.questionsCsv"]];
    if (g.snapshot?.options?.teams) files.push(["teams", "host.teamsCsv"]);
    const button = (label, path, filename) => h("button", { type: "button", class: "secondary", dataset: { fid: `report-${filename}` }, onclick: () => download(path, filename) }, label);
    return h("section", { "aria-labelledby": "report-title" },
      h("h2", { id: "report-title" }, t("host.reports")),
      h("ul", { class: "reports" }, files.map(([name, key]) => h("li", {},
        button(t("host.csvSemicolon", { file: t(key) }), `/${name}.csv?separator=semicolon`, `${name}.csv`),
        button(t("host.csvComma", { file: t(key) }), `/${name}.csv`, `${name}-comma.csv`))),
        h("li", {}, button(t("host.reportJson"), "", "report.json"))));
  }

  /** The question's image; on the trainer's panel, a note when it is not shown because another site serves it. */
  function imageFor(q) {
    if (!q?.imageUrl || isOwnImage(q.imageUrl) || projector) return questionImage(q);
    return h("p", { class: "note" }, t("question.imageExternal"));
  }

  const teamOf = (id) => g.teams.find(x => x.teamId === id);

  /** Next to each learner once teams exist: its team, which the trainer can change. */
  function moveControl(l) {
    if (!g.teams.length || ["Podium", "Ended"].includes(g.phase) || !l.teamId && g.phase === "Lobby" && g.snapshot?.options?.teams?.formation === "auto") return null;
    const id = `move-${l.seatId}`;
    return h("span", { class: "move" },
      h("label", { for: id, class: "visually-hidden" }, t("teams.moveLabel", { nickname: l.nickname })),
      h("select", { id, dataset: { fid: id }, onchange: (e) => control("MoveToTeam", l.seatId, Number(e.target.value)) },
        l.teamId ? null : h("option", { value: "", selected: true }, "—"),
        g.teams.map(team => h("option", { value: String(team.teamId), selected: team.teamId === l.teamId }, team.name))));
  }

  /** The teams, each with a rename form. */
  function teamsSection() {
    if (!g.snapshot?.options?.teams || g.phase === "Ended") return null;
    return h("section", { "aria-labelledby": "teams-title" },
      h("h2", { id: "teams-title" }, t("teams.manage")),
      g.teams.length === 0 ? h("p", {}, t("teams.none")) : h("ul", { class: "teams-manage" }, g.teams.map(team => {
        const id = `rename-${team.teamId}`;
        const input = h("input", { id, maxlength: 30, value: team.name, dataset: { fid: id } });
        return h("li", {}, teamName(team), " ", t("teams.members", { count: team.members }),
          h("form", { class: "inline", onsubmit: (e) => { e.preventDefault(); control("RenameTeam", team.teamId, input.value); } },
            h("label", { for: id, class: "visually-hidden" }, t("teams.renameLabel", { team: team.name })), input,
            h("button", { type: "submit", class: "small", dataset: { fid: `${id}-go` } }, t("teams.rename"))));
      })));
  }

  function revealSection() {
    const right = correctText(g.question, g.reveal);
    return h("section", { "aria-labelledby": "reveal-title" },
      g.question ? questionHeading(g.question) : null,
      h("h2", { id: "reveal-title" }, g.question?.text ?? t("reveal.title")),
      g.reveal.skipped ? h("p", {}, t("reveal.skipped")) : null,
      right && !g.reveal.skipped ? h("p", { class: "big" }, t("reveal.answerWas", { answer: right })) : null,
      h("p", {}, t("reveal.summary", { correct: g.reveal.correctCount, answered: g.reveal.answeredCount, count: g.reveal.learnerCount })),
      g.reveal.skipped || g.reveal.firstDistribution ? null : distributionChart(g.question, g.reveal),
      g.reveal.skipped ? null : peerSummary(g.question, g.reveal),
      g.reveal.explanation ? h("p", { class: "explanation" }, g.reveal.explanation) : null,
      teamResults(g.question, g.reveal));
  }

  function screenView() {
    const s = g.snapshot;
    const playUrl = `${joinUrl()}?code=${s.joinCode}`;
    const joinBlock = (large) => h("div", { class: large ? "join-block large" : "join-block" },
      h("div", {},
        h("p", {}, t("screen.goTo"), " ", h("strong", { class: "url" }, joinUrl())),
        h("p", {}, t("screen.codeIs"), " ", h("strong", { class: "code" }, s.joinCode))),
      h("figure", {}, qrCode(playUrl, t("screen.qrLabel", { url: playUrl })), h("figcaption", {}, t("screen.scan"))));
    let body;
    switch (g.phase) {
      case "Lobby":
        body = [h("h1", {}, s.title), joinBlock(true),
          h("section", { "aria-labelledby": "lobby-title" }, h("h2", { id: "lobby-title" }, t("screen.waiting", { count: g.learners.length })),
            h("ul", { class: "names" }, g.learners.map(l => h("li", {}, l.nickname, l.teamId && teamOf(l.teamId) ? [" (", teamOf(l.teamId).name, ")"] : null))))];
        break;
      case "QuestionOpen":
        body = [questionHeading(g.question), peerStageLine(g.question), h("h1", { class: "question-text" }, g.question.text), questionImage(g.question), g.countdown.element(), extraLine(),
          g.question.choices || g.question.type === "trueFalse" ? h("ul", { class: "choices-display" },
            (g.question.type === "trueFalse" ? [t("answer.true"), t("answer.false")] : g.question.choices).map((c, i) =>
              h("li", { class: `choice c${i % 6}` }, h("span", { class: "shape", "aria-hidden": "true" }, shapeOf(i)), h("span", { class: "key", "aria-hidden": "true" }, String(i + 1)), h("span", { class: "label" }, c)))) : null,
          g.question.items ? h("ul", { class: "names" }, g.question.items.map(i => h("li", {}, i.text))) : null,
          h("p", { id: "answered", class: "big" }, answeredText())];
        break;
      case "Reveal":
        body = [revealSection()];
        body[0].querySelector("h2")?.replaceWith(h("h1", {}, g.question?.text ?? t("reveal.title")));
        break;
      case "Discussion":
        body = [g.question ? questionHeading(g.question) : null, h("h1", {}, t("peer.discussionTitle")),
          g.question ? h("p", { class: "question-text" }, g.question.text) : null, g.countdown.element(), h("p", { class: "big" }, t("peer.discussion"))];
        break;
      case "Leaderboard":
        body = [h("h1", {}, t("leaderboard.title")), leaderboardList(g.leaderboard?.top ?? []), teamBoardSection(g.leaderboard?.teams)];
        break;
      default:
        body = [h("h1", {}, g.phase === "Ended" ? t("podium.ended") : t("podium.title")), podiumList(g.podium ?? g.leaderboard?.top?.slice(0, 3) ?? []),
          teamBoardSection(g.leaderboard?.teams), errorBox(), g.phase === "Ended" ? reportsSection() : null];
    }
    show(`screen-${g.phase}-${g.question?.index ?? ""}`, body, challengeBar(g.challenge, true), g.phase !== "Lobby" && g.phase !== "Ended" ? h("footer", { class: "screen-footer" }, joinBlock(false)) : null);
  }

  render();
  if (g.session && !g.setup) host();
  return { rerender: render };
}

