import { h } from "./dom.js";
import { t } from "./i18n.js";

/** The amounts of extra time the trainer picks from (percent of each question's time limit); 33 % is the usual « tiers-temps ». */
export const EXTRA_PERCENTS = [0, 25, 33, 50, 100];

/** "+50 %", "+30 s" or "+25 % +30 s". */
export function extraText(extra) {
  const parts = [];
  if (extra?.percent) parts.push(t("extra.percent", { percent: extra.percent }));
  if (extra?.seconds) parts.push(t("extra.seconds", { seconds: extra.seconds }));
  return parts.join(" ");
}

/** The trainer's control for one learner: a labelled list of amounts; choosing one grants it (none removes it). */
export function extraTimeControl(learner, onChange) {
  const id = `extra-${learner.seatId}`;
  const current = learner.extraTime;
  const known = !current || (!current.seconds && EXTRA_PERCENTS.includes(current.percent));
  return h("span", { class: "extra" },
    h("label", { for: id, class: "visually-hidden" }, t("extra.label", { nickname: learner.nickname })),
    h("select", { id, dataset: { fid: id }, onchange: (e) => onChange(learner.seatId, Number(e.target.value)) },
      known ? null : h("option", { value: "-1", selected: true, disabled: true }, extraText(current)),
      EXTRA_PERCENTS.map(p => h("option", { value: String(p), selected: known && (current?.percent ?? 0) === p },
        p === 0 ? t("extra.none") : p === 33 ? t("extra.thirdTime") : t("extra.percent", { percent: p })))));
}
