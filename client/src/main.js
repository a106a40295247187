import { h, show } from "./dom.js";
import { t, lang, setLanguage, onLanguageChange } from "./i18n.js";
import { refreshConnectionLabel } from "./connection.js";
import { startLearner } from "./play.js";
import { startHost } from "./host.js";

function home() {
  document.title = "LearnGame";
  const input = h("input", { id: "home-code", inputmode: "numeric", pattern: "[0-9]{6}", maxlength: 6, autocomplete: "off", required: true });
  show("home", h("h1", {}, t("home.title")), h("p", {}, t("home.intro")),
    h("section", { "aria-labelledby": "join-title", class: "card" },
      h("h2", { id: "join-title" }, t("home.joinTitle")),
      h("form", { class: "stack", action: "/play", method: "get", onsubmit: (e) => { e.preventDefault(); location.href = `/play?code=${encodeURIComponent(input.value.replace(/\D/g, ""))}`; } },
        h("label", { for: "home-code" }, t("play.codeLabel")), input,
        h("button", { type: "submit", class: "primary" }, t("home.join")))),
    h("section", { "aria-labelledby": "host-title", class: "card" },
      h("h2", { id: "host-title" }, t("home.hostTitle")), h("p", {}, t("home.hostIntro")),
      h("a", { href: "/host", class: "button secondary" }, t("home.host"))));
  return { rerender: home };
}

function languageButton(view) {
  const button = document.getElementById("language");
  const draw = () => {
    // The button names the other language in that language, so a person who cannot read the current one finds it.
    const other = lang() === "fr" ? "en" : "fr";
    button.textContent = t(`language.switchTo.${other}`);
    button.setAttribute("lang", other);
  };
  button.addEventListener("click", () => setLanguage(lang() === "fr" ? "en" : "fr"));
  onLanguageChange(() => { draw(); refreshConnectionLabel(); view.rerender(); });
  draw();
}

document.documentElement.lang = lang();
refreshConnectionLabel();
const path = location.pathname.replace(/\/+$/, "");
const view = path === "/play" ? startLearner() : path === "/host" ? startHost({ projector: false }) : path === "/screen" ? startHost({ projector: true }) : home();
languageButton(view);
