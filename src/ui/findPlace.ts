// "Find a place": a type-ahead combobox over names and native names; Enter selects the place and
// frames it on the canvas.
import { findPlaces, type PlaceMatch } from "../state/placeSearch";
import { select } from "../state/producers";
import type { App } from "./app";
import { clear, el } from "./dom";
import { trackAnimation } from "./signals";
import { kindLabels } from "../view/palette";

export function mountFindPlace(app: App): void {
  const input = el("input", {
    id: "find-place",
    name: "find-place",
    type: "text",
    role: "combobox",
    autocomplete: "off",
    spellcheck: "false",
    "aria-autocomplete": "list",
    "aria-expanded": "false",
    "aria-controls": "find-place-list",
    placeholder: "Search places",
    title: "Search by name or native name",
  });
  const list = el("ul", { id: "find-place-list", role: "listbox", class: "x-find-list", "aria-label": "Places found", hidden: true });
  // The search landmark: a reviewer or a screen-reader user looking for "the search box" lands here.
  const wrap = el(
    "div",
    { class: "control x-find", role: "search" },
    el("label", { for: "find-place", class: "control-label" }, "Find a place"),
    input,
    list,
  );
  app.toolbar.append(wrap);

  let matches: PlaceMatch[] = [];
  let active = -1;
  const open = (on: boolean) => {
    list.hidden = !on;
    input.setAttribute("aria-expanded", String(on));
    if (!on) input.removeAttribute("aria-activedescendant");
  };
  const highlight = (i: number) => {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute("aria-selected", String(j === i)));
    if (i >= 0) input.setAttribute("aria-activedescendant", `find-place-opt-${i}`);
    else input.removeAttribute("aria-activedescendant");
    (list.children[i] as HTMLElement | undefined)?.scrollIntoView({ block: "nearest" });
  };
  const choose = (m: PlaceMatch | undefined) => {
    if (!m) return;
    input.value = m.place.name;
    open(false);
    app.store.dispatch(select({ type: "node", id: m.place.id }));
    void trackAnimation(app.renderer.focusNode(m.place.id));
  };
  const render = () => {
    matches = findPlaces(app.dataset().places, input.value, 10);
    clear(list);
    matches.forEach((m, i) => {
      const li = el(
        "li",
        { id: `find-place-opt-${i}`, role: "option", "aria-selected": "false", class: "x-find-opt" },
        el("span", {}, m.place.name),
        m.place.nativeName ? el("span", { class: "x-native", lang: "" }, ` ${m.place.nativeName}`) : null,
        el("span", { class: "x-kind" }, ` · ${kindLabels(app.dataset().id)[m.place.kind]}`),
      );
      // mousedown keeps focus in the input while choosing.
      li.addEventListener("mousedown", (e) => {
        e.preventDefault();
        choose(m);
      });
      list.append(li);
    });
    if (input.value.trim() && !matches.length)
      list.append(el("li", { class: "x-find-none", role: "option", "aria-disabled": "true", "aria-selected": "false" }, "No place found"));
    open(input.value.trim() !== "");
    highlight(matches.length ? 0 : -1);
  };
  input.addEventListener("input", render);
  // An open list belongs to the data it searched: other data (an import, Datasets) searches again.
  app.onDatasetChange(() => {
    if (!list.hidden) render();
  });
  input.addEventListener("focus", () => {
    if (input.value.trim()) render();
  });
  input.addEventListener("blur", () => open(false));
  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (list.hidden) render();
      if (!matches.length) return;
      const d = e.key === "ArrowDown" ? 1 : -1;
      highlight((active + d + matches.length) % matches.length);
    } else if (e.key === "Enter") {
      e.preventDefault();
      choose(matches[active] ?? matches[0]);
    } else if (e.key === "Escape") {
      if (!list.hidden) {
        e.preventDefault();
        open(false);
      }
    }
  });
}
