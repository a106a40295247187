import fr from "./i18n/fr.json";
import en from "./i18n/en.json";

const catalogs = { fr, en };
const listeners = [];
let language = pick();

function pick() {
  const saved = localStorage.getItem("lg.language");
  if (saved && catalogs[saved]) return saved;
  const browser = (navigator.languages?.[0] ?? navigator.language ?? "en").toLowerCase();
  return browser.startsWith("fr") ? "fr" : "en";
}

export function lang() { return language; }

export function setLanguage(next) {
  language = catalogs[next] ? next : "en";
  localStorage.setItem("lg.language", language);
  document.documentElement.lang = language;
  for (const listener of listeners) listener();
}

export function onLanguageChange(listener) { listeners.push(listener); }

/** The message for a key, with {name} placeholders filled; an unknown key shows itself so a gap is easy to spot. */
export function t(key, values) {
  const text = catalogs[language][key] ?? catalogs.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (values && name in values ? String(values[name]) : `{${name}}`));
}

/** The translation of a protocol error code, falling back to a generic sentence for a code we do not know yet. */
export function errorText(code) {
  const key = `error.${code}`;
  return catalogs[language][key] ? t(key) : t("error.unknown");
}

export function number(value) {
  return new Intl.NumberFormat(language).format(value);
}
