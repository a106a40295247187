import { h } from "./dom.js";
import { t, number } from "./i18n.js";

/** The learner token of this browser's pseudonymous profile (a secret: it stays here and goes only to our server). */
export const LEARNER_KEY = "lg.learner";
export const learnerToken = () => localStorage.getItem(LEARNER_KEY);
export const forgetLearnerToken = () => localStorage.removeItem(LEARNER_KEY);

/** Creates a profile on the server and keeps its token; null when the server could not. */
export async function createProfile(displayName) {
  try {
    const response = await fetch("/api/learners", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ displayName }) });
    if (!response.ok) return null;
    const body = await response.json();
    localStorage.setItem(LEARNER_KEY, body.learnerToken);
    return body.learnerToken;
  } catch {
    return null;
  }
}

/** The shared challenge's goal bar: the goal in words, a progress bar and where the class stands. */
export function challengeBar(view, large) {
  if (!view) return null;
  const goal = view.kind === "questionPercent"
    ? t("challenge.goalPercent", { target: view.target, question: view.questionIndex + 1 })
    : view.kind === "teamsScored"
      ? t("challenge.goalTeams", { target: view.target })
      : t("challenge.goalCorrect", { target: number(view.target) });
  const status = view.reached
    ? t("challenge.reached")
    : view.kind === "questionPercent"
      ? t("challenge.progressPercent", { current: view.current, target: view.target })
      : view.kind === "teamsScored"
        ? t("challenge.progressTeams", { current: view.current, target: view.target })
        : t("challenge.progressCorrect", { current: number(view.current), target: number(view.target) });
  return h("section", { id: "challenge-bar", class: large ? "challenge large" : "challenge", "aria-label": t("challenge.label") },
    h("p", { class: "challenge-title" }, h("strong", {}, view.title), " — ", goal,
      view.sessions > 1 ? ` ${t("challenge.groups", { count: view.sessions })}` : ""),
    h("progress", { max: 100, value: view.percent, "aria-label": t("challenge.label") }),
    h("p", { class: view.reached ? "challenge-status reached" : "challenge-status" }, view.reached ? "★ " : "", status));
}

/** Redraws the bar in place (no full redraw mid-question); false when there is no bar on screen yet. */
export function refreshChallengeBar(view, large) {
  const old = document.getElementById("challenge-bar");
  if (!old) return false;
  old.replaceWith(challengeBar(view, large));
  return true;
}
