import { h, show, announce } from "./dom.js";
import { t, errorText, number } from "./i18n.js";
import { createConnection, setStorageRetrying } from "./connection.js";
import { Countdown, shapeOf, correctText, leaderboardList, podiumList, questionHeading, questionImage } from "./widgets.js";
import { extraText } from "./extra.js";
import { teamName, teamBoardSection, teamVotesList, peerSummary, answerText, teamSwatch, PeerStage, peerStageLine } from "./teams.js";
import { challengeBar, refreshChallengeBar, learnerToken, forgetLearnerToken, createProfile } from "./challenge.js";

// The seat (session id + seat token) stays in this browser so a reload or a dropped network brings the learner back.
const SEAT_KEY = "lg.seat";
const loadSeat = () => { try { return JSON.parse(localStorage.getItem(SEAT_KEY)); } catch { return null; } };

export function startLearner() {
  const g = {
    seat: loadSeat(), phase: null, question: null, countdown: new Countdown(), answer: null, answerId: null,
    reveal: null, result: null, leaderboard: null, standing: null, podium: null, learnerCount: 0, step: "code",
    code: new URLSearchParams(location.search).get("code") ?? "", error: null, sending: false,
    teams: [], teamId: null, teamVotes: null, options: null, firstVote: null, extraTime: null, extraMs: null,
    challenge: null, keepProgress: !!learnerToken(),
  };

  const conn = createConnection({
    handlers: {
      lobby: (p) => { g.learnerCount = p.count; g.teams = p.teams ?? g.teams; if (g.phase === "Lobby") render(); },
      discussion: (p) => { g.phase = "Discussion"; g.firstVote = g.answer; g.countdown.set(p, false); render(); },
      teamVotes: (p) => { g.teamVotes = p; if (g.phase === "QuestionOpen" && g.answer) render(); },
      question: (p) => { openQuestion(p, false); },
      // With extra time our own countdown runs past the common one: freeze it where it stands.
      paused: (p) => { g.countdown.pause(g.extraMs ? g.countdown.remainingMs() : p.remainingMs); g.countdown.tick(); announce(t("timer.pausedAnnounce")); },
      // Personal, right after `question` or `resumed`: this learner's own, later deadline.
      yourDeadline: (p) => { if (g.question?.index !== p.questionIndex) return; g.extraMs = p.extraMs; g.countdown.set(p, false); if (g.phase === "QuestionOpen") render(); },
      resumed: (p) => { g.question = p.question; g.countdown.set(p, false); g.countdown.tick(); announce(t("timer.resumedAnnounce")); },
      // A learner's reveal carries its own result (one message, not two).
      reveal: (p) => { g.phase = "Reveal"; g.reveal = p; g.result = p.result ?? null; render(); announceResult(); },
      // A server from before 2026-12-07 (a silo not yet upgraded) sends the result on its own, after the reveal.
      result: (p) => { g.result = p; g.phase = "Reveal"; render(); announceResult(); },
      // A learner's leaderboard, podium and end carry its own standing; a team given or changed comes on its own.
      leaderboard: (p) => { g.phase = "Leaderboard"; g.leaderboard = p; ownStanding(p.standing); render(); },
      standing: (p) => { ownStanding(p); render(); },
      podium: (p) => { g.phase = "Podium"; g.podium = p.podium; g.leaderboard = p.leaderboard; ownStanding(p.standing); render(); },
      ended: (p) => { g.phase = "Ended"; g.leaderboard = p.final; ownStanding(p.standing); render(); },
      // Mid-question only the bar is redrawn, so an answer being typed is not lost.
      challenge: (p) => { g.challenge = p; if (!refreshChallengeBar(p, false) && g.phase !== "QuestionOpen") render(); },
      kicked: () => { forget(); g.phase = null; g.step = "kicked"; render(); },
    },
    resume: () => (g.seat ? rejoin() : undefined),
  });

  function forget() { localStorage.removeItem(SEAT_KEY); g.seat = null; }

  function openQuestion(p, answered) {
    g.phase = "QuestionOpen"; g.question = p.question; g.countdown.set(p, p.paused ?? false);
    if (!answered) { g.answer = null; g.answerId = null; g.teamVotes = null; g.extraMs = null; }
    g.reveal = null; g.result = null; g.sending = false;
    render();
  }

  function applySnapshot(s) {
    setStorageRetrying(s.storageRetrying);
    g.phase = s.phase; g.learnerCount = s.learnerCount ?? s.learners?.length ?? 0;
    g.leaderboard = s.leaderboard; g.reveal = s.reveal; g.question = s.question;
    g.standing = s.you?.standing ?? g.standing; g.result = s.you?.result ?? null;
    g.answer = s.you?.answer ?? null; g.answerId = s.you?.answerId ?? null;
    g.extraTime = s.you?.extraTime ?? null;
    // A snapshot's deadline is already this learner's own; keep the note while its extra time applies.
    g.extraMs = s.phase === "QuestionOpen" && s.lastDeadline && g.extraTime ? g.extraMs ?? 1 : null;
    g.teams = s.teams ?? []; g.options = s.options; g.teamId = s.you?.standing?.teamId ?? g.teamId; g.teamVotes = s.you?.teamVotes ?? null;
    if (s.phase === "Discussion" && s.discussionDeadline) g.countdown.set({ deadline: s.discussionDeadline, serverNow: s.serverNow }, false);
    if (s.phase === "QuestionOpen" && s.question) g.countdown.set(s, s.paused);
    if (s.phase === "Podium" && s.leaderboard) g.podium = s.leaderboard.top.slice(0, 3);
    g.challenge = s.challenge ?? g.challenge;
    render();
  }

  async function rejoin() {
    const r = await conn.call("Rejoin", g.seat.sessionId, g.seat.seatToken);
    if (r.ok) { applySnapshot(r.snapshot); return; }
    if (r.error === "seat-not-found" || r.error === "session-not-found") { forget(); g.step = "code"; g.phase = null; render(); }
    else { g.error = r.error; render(); }
  }

  /** With a learner token (kept, or made now if the learner asked) the results go to its profile at the end. */
  async function join(nickname) {
    let token = learnerToken();
    if (!token && g.keepProgress) token = await createProfile(nickname);
    let r = token ? await conn.call("JoinWithProfile", g.code, nickname, token) : await conn.call("Join", g.code, nickname);
    if (!r.ok && (r.error === "learner-not-found" || r.error === "learner-token-invalid")) {
      forgetLearnerToken(); g.keepProgress = false;
      r = await conn.call("Join", g.code, nickname);
    }
    if (r.ok) {
      g.seat = { sessionId: r.snapshot.sessionId, seatToken: r.seatToken, seatId: r.seatId, nickname: r.snapshot.you?.nickname ?? nickname };
      localStorage.setItem(SEAT_KEY, JSON.stringify(g.seat));
      g.error = null;
      applySnapshot(r.snapshot);
    } else {
      g.error = r.error;
      if (r.error === "session-not-found") g.step = "code";
      render();
    }
  }

  async function chooseTeam(teamId) {
    const r = await conn.call("ChooseTeam", teamId);
    if (r.ok) { g.teamId = teamId; g.error = null; const team = g.teams.find(x => x.teamId === teamId); announce(t("teams.chosen", { team: team?.name ?? "" })); }
    else g.error = r.error;
    render();
  }

  async function sendAnswer(answer) {
    // In a team vote a member may change its vote; otherwise one answer is final.
    if (g.sending || (g.answer && !g.question?.collaborative)) return;
    g.sending = true;
    const index = g.question.index;
    // The same id on every retry, so an answer whose reply was lost is never counted twice.
    const answerId = crypto.randomUUID();
    // The server keeps an answer it could not store yet and judges it by its first arrival: while its storage is
    // down (storage-unavailable) we keep asking, every two seconds for up to five minutes, until it is stored.
    for (let attempt = 0, stored = 0; attempt < 6 && stored < 150;) {
      const r = await conn.call("Answer", index, answerId, answer);
      if (r.ok) { g.answer = answer; g.answerId = answerId; g.sending = false; g.changing = false; g.error = null; render(); announce(t("play.lockedIn")); return; }
      if (r.error === "storage-unavailable") {
        if (stored++ === 0) { g.error = r.error; render(); }
        await new Promise(resolve => setTimeout(resolve, 2000));
        continue;
      }
      if (r.error !== "unavailable") { g.sending = false; g.error = r.error; render(); return; }
      await new Promise(resolve => setTimeout(resolve, 500 * (++attempt)));
    }
    g.sending = false; g.error = "unavailable"; render();
  }

  function ownStanding(p) {
    if (!p) return;
    g.standing = p; g.teamId = p.teamId ?? g.teamId;
  }

  function announceResult() {
    const r = g.result;
    if (!r) return;
    if (!r.graded) announce(t("reveal.poll"));
    else announce(`${r.correct ? t("reveal.correct") : r.answered ? t("reveal.wrong") : t("reveal.none")} ${t("reveal.points", { points: r.points })}`);
  }

  function errorBox(id) {
    return g.error ? h("p", { class: "error", role: "alert", id }, errorText(g.error)) : null;
  }

  function render() {
    document.title = `${t("play.title")} – LearnGame`;
    if (g.step === "kicked") return show("kicked", h("h1", {}, t("play.kickedTitle")), h("p", {}, t("play.kicked")), h("a", { href: "/play", class: "button" }, t("play.joinAnother")));
    if (!g.seat) return g.step === "nickname" ? nicknameForm() : codeForm();
    const team = myTeam();
    const you = h("div", { class: "you-are" }, h("p", {}, t("play.youAre", { nickname: g.seat.nickname })),
      team ? h("p", {}, t("teams.yourTeam"), " ", teamName(team)) : null, challengeBar(g.challenge, false));
    switch (g.phase) {
      case "Lobby": return show(`lobby-${g.teamId ?? ""}-${g.error ?? ""}`, h("h1", {}, t("play.lobbyTitle")), you, h("p", {}, t("play.lobbyWait")),
        h("p", {}, t("play.lobbyCount", { count: g.learnerCount })), extraTimeNote(), teamPicker(), errorBox("team-error"));
      case "QuestionOpen": return g.answer && !g.changing ? lockedIn(you) : questionView(you);
      case "Discussion": return discussionView(you);
      case "Reveal": return revealView(you);
      case "Leaderboard": return rankView(you);
      case "Podium": case "Ended": return podiumView(you);
      default: return show("waiting", h("h1", {}, t("play.connecting")), you);
    }
  }

  /** Tells the learner it has extra time, in the lobby and on each question where it applies. */
  function extraTimeNote() {
    if (g.phase === "Lobby" && g.extraTime) return h("p", { class: "note" }, t("extra.youHave", { amount: extraText(g.extraTime) }));
    if (g.phase === "QuestionOpen" && g.extraMs) return h("p", { class: "note" }, t("extra.onThisQuestion"));
    return null;
  }

  function myTeam() {
    const id = g.standing?.teamId ?? g.result?.team?.teamId ?? g.teamVotes?.teamId ?? g.teamId;
    return id ? g.teams.find(x => x.teamId === id) ?? g.result?.team ?? null : null;
  }

  /** In a lobby where learners choose their team: one button per team, the chosen one pressed. */
  function teamPicker() {
    if (g.options?.teams?.formation !== "choose" || !g.teams.length) return null;
    return h("section", { "aria-labelledby": "choose-team-title" },
      h("h2", { id: "choose-team-title" }, t("teams.choose")),
      h("div", { class: "team-choices", role: "group", "aria-labelledby": "choose-team-title" }, g.teams.map(team => h("button", {
        type: "button", class: "secondary team-choice", dataset: { fid: `team-${team.teamId}` }, "aria-pressed": String(g.teamId === team.teamId),
        onclick: () => chooseTeam(team.teamId),
      }, teamSwatch(team), h("span", {}, team.name), h("span", { class: "hint" }, t("teams.members", { count: team.members }))))));
  }

  function discussionView(you) {
    keyHandler = null;
    const q = g.question;
    show(`discussion-${q?.index ?? ""}`, q ? questionHeading(q) : null, h("h1", {}, t("peer.discussionTitle")),
      q ? h("p", { class: "question-text" }, q.text) : null,
      g.countdown.element(),
      h("p", {}, t("peer.discussion")),
      g.firstVote && q ? h("p", {}, t("peer.yourFirstVote", { answer: answerText(q, g.firstVote) })) : null,
      you);
  }

  function codeForm() {
    const input = h("input", { id: "code", name: "code", inputmode: "numeric", autocomplete: "off", pattern: "[0-9]{6}", maxlength: 6, required: true, value: g.code, "aria-describedby": g.error ? "code-error" : "code-hint", "aria-invalid": g.error ? "true" : null });
    show(`code-${g.error ?? ""}`, h("h1", {}, t("play.codeTitle")),
      h("form", { class: "stack", novalidate: true, onsubmit: (e) => { e.preventDefault(); g.code = input.value.replace(/\D/g, ""); if (g.code.length !== 6) { g.error = "code-format"; render(); return; } g.error = null; g.step = "nickname"; render(); } },
        h("label", { for: "code" }, t("play.codeLabel")),
        h("p", { id: "code-hint", class: "hint" }, t("play.codeHint")),
        input, errorBox("code-error"),
        h("button", { type: "submit", class: "primary" }, t("play.next"))));
    if (g.error) input.focus();
  }

  function nicknameForm() {
    const input = h("input", { id: "nickname", name: "nickname", autocomplete: "nickname", maxlength: 20, required: true, "aria-describedby": g.error ? "nickname-error" : "nickname-hint", "aria-invalid": g.error ? "true" : null });
    show(`nickname-${g.error ?? ""}`, h("h1", {}, t("play.nicknameTitle")),
      h("p", {}, t("play.codeIs", { code: g.code })),
      h("form", { class: "stack", novalidate: true, onsubmit: (e) => { e.preventDefault(); join(input.value.trim()); } },
        h("label", { for: "nickname" }, t("play.nicknameLabel")),
        h("p", { id: "nickname-hint", class: "hint" }, t("play.nicknameHint")),
        input, errorBox("nickname-error"),
        learnerToken() ? null : h("label", { class: "check" },
          h("input", { type: "checkbox", id: "keep-progress", checked: g.keepProgress, onchange: (e) => { g.keepProgress = e.target.checked; } }),
          " ", t("play.keepProgress")),
        h("button", { type: "submit", class: "primary" }, t("play.join"))),
      h("button", { type: "button", class: "link", onclick: () => { g.step = "code"; g.error = null; render(); } }, t("play.changeCode")));
    if (g.error) input.focus();
  }

  function questionView(you) {
    const q = g.question;
    keyHandler = null;
    show(`question-${q.index}-${q.stage ?? PeerStage.none}`,
      questionHeading(q),
      peerStageLine(q),
      h("h1", { class: "question-text" }, q.text), questionImage(q),
      q.collaborative ? h("p", { class: "hint" }, t("teams.consensusHint")) : null,
      g.countdown.element(), extraTimeNote(), controls(q), errorBox("answer-error"),
      q.collaborative ? teamVotesList(q, g.teamVotes) : null, you);
  }

  function controls(q) {
    switch (q.type) {
      case "single": case "trueFalse": case "multiple": case "poll": return choiceControls(q);
      case "typed": return typedControl();
      case "numeric": return numericControl(q);
      case "ordering": return orderingControl(q);
      default: return null;
    }
  }

  function choiceControls(q) {
    const labels = q.type === "trueFalse" ? [t("answer.true"), t("answer.false")] : q.choices;
    const several = q.type === "multiple" || (q.type === "poll" && q.allowSeveral);
    const picked = new Set();
    const buttons = labels.map((label, i) => h("button", {
      type: "button", class: `choice c${i % 6}`, dataset: { fid: `choice-${i}` }, "aria-pressed": several ? "false" : null,
      "aria-keyshortcuts": i < 9 ? String(i + 1) : null,
      onclick: () => choose(i),
    }, h("span", { class: "shape", "aria-hidden": "true" }, shapeOf(i)), h("span", { class: "key", "aria-hidden": "true" }, String(i + 1)), h("span", { class: "label" }, label)));
    function choose(i) {
      if (!several) return sendAnswer(q.type === "trueFalse" ? { flag: i === 0 } : { choices: [i] });
      if (picked.has(i)) picked.delete(i); else picked.add(i);
      buttons[i].setAttribute("aria-pressed", String(picked.has(i)));
    }
    keyHandler = (e) => {
      if (e.target instanceof HTMLInputElement || e.altKey || e.ctrlKey || e.metaKey) return;
      const i = Number(e.key) - 1;
      if (i >= 0 && i < buttons.length) { e.preventDefault(); buttons[i].focus(); choose(i); }
    };
    return h("div", { class: "stack" },
      h("p", { class: "hint" }, several ? t("play.pickSeveral") : t("play.pickOne")),
      h("div", { class: "choices", role: "group", "aria-label": t("play.answers") }, buttons),
      several ? h("button", { type: "button", class: "primary", dataset: { fid: "submit" }, onclick: () => picked.size && sendAnswer({ choices: [...picked].sort((a, b) => a - b) }) }, t("play.submit")) : null);
  }

  function typedControl() {
    const input = h("input", { id: "typed", maxlength: 200, autocomplete: "off", required: true });
    return h("form", { class: "stack", onsubmit: (e) => { e.preventDefault(); if (input.value.trim()) sendAnswer({ text: input.value }); } },
      h("label", { for: "typed" }, t("play.typedLabel")), input, h("button", { type: "submit", class: "primary" }, t("play.submit")));
  }

  function numericControl(q) {
    const start = Math.round(((q.min + q.max) / 2) / (q.step || 1)) * (q.step || 1);
    const output = h("output", { for: "numeric", class: "numeric-value" });
    const show = (v) => { output.textContent = q.unit ? `${number(v)} ${q.unit}` : number(v); };
    const input = h("input", { id: "numeric", type: "range", min: q.min, max: q.max, step: q.step ?? "any", value: String(Math.min(q.max, Math.max(q.min, start))), oninput: () => show(Number(input.value)) });
    show(Number(input.value));
    return h("form", { class: "stack", onsubmit: (e) => { e.preventDefault(); sendAnswer({ number: Number(input.value) }); } },
      h("label", { for: "numeric" }, t("play.numericLabel", { min: number(q.min), max: number(q.max) })), input, output,
      h("button", { type: "submit", class: "primary" }, t("play.submit")));
  }

  function orderingControl(q) {
    const order = q.items.map(i => i.id);
    const list = h("ol", { class: "ordering" });
    let dragged = null;
    const move = (from, to, focusId) => {
      if (to < 0 || to >= order.length) return;
      const [id] = order.splice(from, 1);
      order.splice(to, 0, id);
      draw();
      // Keep the keyboard on the moved item; at the top or bottom its button is disabled, so take the other one.
      const wanted = list.querySelector(`[data-fid="${focusId}"]`);
      const other = list.querySelector(`[data-fid="${focusId.startsWith("up-") ? "down" : "up"}-${id}"]`);
      (wanted && !wanted.disabled ? wanted : other)?.focus();
      announce(t("play.moved", { item: q.items.find(i => i.id === id).text, position: to + 1 }));
    };
    function draw() {
      list.replaceChildren(...order.map((id, position) => {
        const text = q.items.find(i => i.id === id).text;
        return h("li", {
          draggable: "true", class: "order-item",
          ondragstart: (e) => { dragged = position; e.dataTransfer.effectAllowed = "move"; e.dataTransfer.setData("text/plain", String(position)); },
          ondragover: (e) => e.preventDefault(),
          ondrop: (e) => { e.preventDefault(); if (dragged !== null) move(dragged, position, `up-${id}`); dragged = null; },
        }, h("span", { class: "grip", "aria-hidden": "true" }, "⠿"), h("span", { class: "label" }, text),
        h("span", { class: "moves" },
          h("button", { type: "button", class: "small", dataset: { fid: `up-${id}` }, "aria-label": t("play.moveUp", { item: text }), disabled: position === 0, onclick: () => move(position, position - 1, `up-${id}`) }, "↑"),
          h("button", { type: "button", class: "small", dataset: { fid: `down-${id}` }, "aria-label": t("play.moveDown", { item: text }), disabled: position === order.length - 1, onclick: () => move(position, position + 1, `down-${id}`) }, "↓")));
      }));
    }
    draw();
    return h("div", { class: "stack" }, h("p", { class: "hint", id: "ordering-hint" }, t("play.orderingHint")), list,
      h("button", { type: "button", class: "primary", dataset: { fid: "submit" }, onclick: () => sendAnswer({ order: [...order] }) }, t("play.submit")));
  }

  function lockedIn(you) {
    keyHandler = null;
    const q = g.question;
    show(`locked-${q.index}-${q.stage ?? PeerStage.none}`, questionHeading(q), h("h1", {}, t("play.lockedIn")),
      h("p", { class: "question-text" }, q.text), g.countdown.element(), extraTimeNote(),
      q.collaborative ? h("p", {}, answerText(q, g.answer)) : null,
      q.collaborative ? h("button", { type: "button", class: "secondary", dataset: { fid: "change-vote" }, onclick: () => { g.changing = true; render(); } }, t("teams.changeVote")) : null,
      q.collaborative ? teamVotesList(q, g.teamVotes) : h("p", {}, t("play.waitOthers")), you);
  }

  function revealView(you) {
    keyHandler = null;
    const r = g.result, rev = g.reveal, q = g.question;
    const title = !r ? t("reveal.title") : !r.graded ? t("reveal.poll") : r.correct ? t("reveal.correct") : r.answered ? t("reveal.wrong") : t("reveal.none");
    const mark = !r || !r.graded ? "" : r.correct ? "✓ " : "✕ ";
    const right = correctText(q, rev);
    show(`reveal-${rev?.questionIndex ?? r?.questionIndex}-${r ? 1 : 0}`,
      q ? questionHeading(q) : null,
      h("h1", { class: r?.graded ? (r.correct ? "good" : "bad") : "" }, mark, title),
      rev?.skipped ? h("p", {}, t("reveal.skipped")) : null,
      right && rev && !rev.skipped ? h("p", {}, t("reveal.answerWas", { answer: right })) : null,
      rev?.explanation ? h("p", { class: "explanation" }, rev.explanation) : null,
      r ? h("dl", { class: "stats" },
        h("div", {}, h("dt", {}, t("reveal.pointsLabel")), h("dd", {}, `+${number(r.points)}`)),
        h("div", {}, h("dt", {}, t("reveal.streakLabel")), h("dd", {}, number(r.streak))),
        h("div", {}, h("dt", {}, t("reveal.scoreLabel")), h("dd", {}, number(r.score))),
        h("div", {}, h("dt", {}, t("reveal.rankLabel")), h("dd", {}, t("rank.of", { rank: r.rank, count: r.learnerCount })))) : null,
      r?.ownVoteCorrect !== undefined && r?.ownVoteCorrect !== null ? h("p", {}, t("teams.yourVote", { verdict: t(r.ownVoteCorrect ? "teams.voteRight" : "teams.voteWrong") })) : null,
      r?.team ? h("p", {}, t("teams.teamResult", { team: r.team.name, verdict: t(r.team.correct ? "teams.teamRight" : "teams.teamWrong"), points: number(r.team.points), rank: r.team.rank })) : null,
      rev && q ? peerSummary(q, rev) : null,
      you);
  }

  function rankView(you) {
    const s = g.standing;
    show("rank", h("h1", {}, s ? t("rank.title", { rank: s.rank }) : t("leaderboard.title")),
      s ? h("p", { class: "big" }, t("rank.detail", { score: number(s.score), correct: s.correctCount, count: s.questionCount })) : null,
      s?.teamRank ? h("p", {}, t("teams.standing", { team: myTeam()?.name ?? "", rank: s.teamRank, score: number(s.teamScore ?? 0) })) : null,
      g.leaderboard ? h("section", { "aria-labelledby": "top-title" }, h("h2", { id: "top-title" }, t("leaderboard.title")), leaderboardList(g.leaderboard.top, g.seat.seatId)) : null,
      teamBoardSection(g.leaderboard?.teams, s?.teamId),
      you);
  }

  function podiumView(you) {
    const s = g.standing;
    const podium = g.podium ?? g.leaderboard?.top?.slice(0, 3) ?? [];
    show(`podium-${g.phase}`, h("h1", {}, g.phase === "Ended" ? t("podium.ended") : t("podium.title")),
      s ? h("p", { class: "big" }, t("rank.final", { rank: s.rank, score: number(s.score) })) : null,
      podiumList(podium),
      s?.teamRank ? h("p", {}, t("teams.standing", { team: myTeam()?.name ?? "", rank: s.teamRank, score: number(s.teamScore ?? 0) })) : null,
      teamBoardSection(g.leaderboard?.teams, s?.teamId), you,
      g.phase === "Ended" ? h("button", { type: "button", class: "link", onclick: () => { forget(); g.step = "code"; g.code = ""; render(); } }, t("play.joinAnother")) : null);
  }

  let keyHandler = null;
  document.addEventListener("keydown", (e) => keyHandler?.(e));

  if (g.code && !g.seat) g.step = "nickname";
  render();
  if (g.seat) rejoin();
  return { rerender: render };
}
