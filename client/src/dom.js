// Small DOM helpers. Every string becomes a text node: nicknames, quiz text and server messages are data, never markup,
// so nothing here ever touches innerHTML.

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else if (key === "class") el.className = value;
    else if (key === "dataset") Object.assign(el.dataset, value);
    else if (key === "value") {
      // The page's own value, kept apart from what the person types (see show).
      if ("defaultValue" in el) el.defaultValue = value;
      el.value = value;
    }
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

/**
 * Replaces the content of the main area. On the same screen it keeps keyboard focus where the person was, and what they
 * were typing: a lobby update while a trainer types a team name must not wipe it (unless the value itself changed).
 */
export function show(viewKey, ...children) {
  const main = document.getElementById("main");
  const active = document.activeElement;
  const focused = active?.dataset?.fid;
  // Where the caret is in a text field (or what is selected there): a list that refreshes while someone types must
  // not move it (the trainer renaming a team while learners join; the new field would put the caret at its start).
  const caret = focused && typeof active.selectionStart === "number"
    ? [active.selectionStart, active.selectionEnd, active.selectionDirection] : null;
  const sameView = main.dataset.view === viewKey;
  const typed = sameView ? typedValues(main) : [];
  main.replaceChildren(...children.flat().filter(Boolean));
  main.dataset.view = viewKey;
  if (sameView) {
    for (const { fid, value, shown } of typed) {
      const field = main.querySelector(`[data-fid="${CSS.escape(fid)}"]`);
      if (field && "defaultValue" in field && field.defaultValue === shown) field.value = value;
    }
    const field = focused ? main.querySelector(`[data-fid="${CSS.escape(focused)}"]`) : null;
    field?.focus();
    if (field && caret && typeof field.selectionStart === "number") {
      try { field.setSelectionRange(...caret); } catch { /* a field kind without a caret */ }
    }
  } else {
    // A new phase: move focus to its heading so screen readers read the new screen from the top.
    const heading = main.querySelector("h1");
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus({ preventScroll: false });
    }
  }
}

/** Text fields whose content the person has changed from what the page showed. */
function typedValues(main) {
  return [...main.querySelectorAll("input[data-fid], textarea[data-fid]")]
    .filter(f => f.type !== "checkbox" && f.type !== "radio" && f.value !== f.defaultValue)
    .map(f => ({ fid: f.dataset.fid, value: f.value, shown: f.defaultValue }));
}

export function announce(text) {
  const region = document.getElementById("announcer");
  // Clearing first makes screen readers speak the same sentence again when it repeats.
  region.textContent = "";
  requestAnimationFrame(() => { region.textContent = text; });
}
