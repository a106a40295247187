import { h } from "./dom.js";
import { t, number } from "./i18n.js";
import { distributionChart, keyLabel } from "./widgets.js";

// Team widgets. A team is told apart by its name; its colour is only a swatch beside the name.

// Peer instruction's stages, as the question view's `stage` sends them (docs/protocol.md).
export const PeerStage = Object.freeze({ none: 0, firstVote: 1, secondVote: 2 });

const stageTitles = { [PeerStage.firstVote]: "peer.firstVoteTitle", [PeerStage.secondVote]: "peer.secondVoteTitle" };

// Which of peer instruction's two votes is open; nothing outside peer instruction.
export function peerStageLine(question) {
  const title = stageTitles[question?.stage ?? PeerStage.none];
  return title ? h("p", { class: "stage" }, t(title)) : null;
}

export function teamSwatch(team) {
  const swatch = h("span", { class: "team-swatch", "aria-hidden": "true" });
  if (team?.colour && /^#[0-9a-f]{6}$/i.test(team.colour)) swatch.style.backgroundColor = team.colour;
  return swatch;
}

export function teamName(team) {
  return team ? h("span", { class: "team-name" }, teamSwatch(team), team.name) : null;
}

/** The team leaderboard: every team, in rank order. */
export function teamBoard(entries, yourTeamId) {
  return h("ol", { class: "leaderboard teams" },
    entries.map(e => h("li", { class: e.teamId === yourTeamId ? "you" : "" },
      h("span", { class: "rank" }, t("leaderboard.rank", { rank: e.rank })),
      h("span", { class: "name" }, teamName(e)),
      h("span", { class: "score" }, t("leaderboard.points", { points: number(e.score) })))));
}

export function teamBoardSection(teams, yourTeamId, level = "h2") {
  if (!teams?.length) return null;
  return h("section", { "aria-labelledby": "teams-board-title" },
    h(level, { id: "teams-board-title" }, t("teams.board")), teamBoard(teams, yourTeamId));
}

/** Each team's answer and points for the round just revealed (consensus rounds show the team's answer). */
export function teamResults(question, reveal) {
  if (!reveal?.teams?.length) return null;
  return h("section", { "aria-labelledby": "team-results-title" },
    h("h2", { id: "team-results-title" }, t("teams.results")),
    h("ul", { class: "team-results" }, reveal.teams.map(r => h("li", {},
      teamName(r), " ",
      r.answer ? t("teams.answered", { answer: answerText(question, r.answer) }) + " " : "",
      r.correct ? `✓ ${t("teams.won")} ` : "",
      t("teams.points", { points: number(r.points) })))));
}

/** Peer instruction: both votes side by side, and how many moved toward the right answer. */
export function peerSummary(question, reveal) {
  if (!reveal?.firstDistribution) return null;
  return h("section", { "aria-labelledby": "peer-title" },
    h("h2", { id: "peer-title" }, t("peer.summaryTitle")),
    h("p", {}, t("peer.summary", { first: reveal.firstCorrectCount ?? 0, second: reveal.correctCount, changed: reveal.changedTowardCorrect ?? 0 })),
    h("h3", {}, t("peer.firstVote")), distributionChart(question, { ...reveal, distribution: reveal.firstDistribution }),
    h("h3", {}, t("peer.secondVote")), distributionChart(question, reveal));
}

/** The team's live votes in a consensus round, for its members. */
export function teamVotesList(question, votes) {
  if (!votes?.votes?.length) return null;
  return h("section", { "aria-labelledby": "votes-title" },
    h("h2", { id: "votes-title" }, t("teams.votes")),
    h("ul", { class: "team-votes" }, votes.votes.map(v => h("li", {},
      h("span", { class: "name" }, v.nickname), " ",
      v.answer ? answerText(question, v.answer) : t("teams.notVoted")))));
}

/** An answer as words: the choices' labels, true/false, the text, the number or the order of items. */
export function answerText(question, answer) {
  if (!answer) return "";
  if (answer.choices) return answer.choices.map(i => keyLabel(question, String(i))).join(", ");
  if (answer.flag !== undefined && answer.flag !== null) return answer.flag ? t("answer.true") : t("answer.false");
  if (answer.text !== undefined && answer.text !== null) return answer.text;
  if (answer.number !== undefined && answer.number !== null) return number(answer.number);
  if (answer.order) return answer.order.map(id => question?.items?.find(i => i.id === id)?.text ?? id).join(" → ");
  return "";
}
