// Small DOM helpers. Every string becomes a text node: nicknames, quiz text and server messages are data, never markup,
// so nothing here ever touches innerHTML.

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else if (key === "class") el.className = value;
    else if (key === "dataset") Object.assign(el.dataset, value);
    else if (key === "value") el.value = value;
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the content of the main area, keeping keyboard focus where the person was when the screen is the same. */
export function show(viewKey, ...children) {
  const main = document.getElementById("main");
  const focused = document.activeElement?.dataset?.fid;
  const sameView = main.dataset.view === viewKey;
  main.replaceChildren(...children.flat().filter(Boolean));
  main.dataset.view = viewKey;
  if (sameView) {
    if (focused) main.querySelector(`[data-fid="${CSS.escape(focused)}"]`)?.focus();
  } else {
    // A new phase: move focus to its heading so screen readers read the new screen from the top.
    const heading = main.querySelector("h1");
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus({ preventScroll: false });
    }
  }
}

export function announce(text) {
  const region = document.getElementById("announcer");
  // Clearing first makes screen readers speak the same sentence again when it repeats.
  region.textContent = "";
  requestAnimationFrame(() => { region.textContent = text; });
}
