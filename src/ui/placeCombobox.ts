// A place combobox: type-ahead over names and native names (state/placeSearch), a listbox of
// suggestions with the place's kind in the dataset's words, arrow keys, Enter and Escape. Serves "Find a
// place" in the toolbar and the trace's Origin and Destination fields.
import "./placeCombobox.css";
import type { Place, PlaceKind } from "../domain/types";
import { findPlaces, type PlaceMatch } from "../state/placeSearch";
import { clear, el } from "./dom";

export interface PlaceComboboxOptions {
  /** The input's id; the list is `${id}-list`, options `${id}-opt-${i}`. */
  id: string;
  label: string;
  /** The listbox's accessible name. */
  listLabel: string;
  placeholder: string;
  title?: string;
  /** Class of the wrapper and of the list (placement differs between the toolbar and the panel). */
  wrapClass: string;
  listClass: string;
  places(): readonly Place[];
  kindWords(): Record<PlaceKind, string>;
  /** Show the native name beside the name. */
  showNative: boolean;
  /** A place was chosen from the list (click or Enter). */
  onChoose(place: Place): void;
  /** Enter with no list open (the trace fields run the trace). */
  onEnter?(): void;
  /** Escape with no list open. */
  onEscape?(): void;
  /** Search again when focused with text in the field. */
  searchOnFocus?: boolean;
}

export interface PlaceCombobox {
  input: HTMLInputElement;
  wrap: HTMLElement;
  /** The place chosen from the list (or set), until the text is edited. */
  chosen(): string | null;
  /** Shows a place in the field as chosen (null empties the field). */
  set(place: { id: string; name: string } | null): void;
  /** Searches again when the list is open (the data changed). */
  refresh(): void;
  close(): void;
}

export function createPlaceCombobox(o: PlaceComboboxOptions): PlaceCombobox {
  const input = el("input", {
    id: o.id,
    name: o.id,
    type: "text",
    role: "combobox",
    autocomplete: "off",
    spellcheck: "false",
    "aria-autocomplete": "list",
    "aria-expanded": "false",
    "aria-controls": `${o.id}-list`,
    placeholder: o.placeholder,
    ...(o.title ? { title: o.title } : {}),
  });
  const list = el("ul", { id: `${o.id}-list`, role: "listbox", class: `pc-list ${o.listClass}`, "aria-label": o.listLabel, hidden: true });
  const wrap = el("div", { class: o.wrapClass }, el("label", { for: o.id, class: "control-label" }, o.label), input, list);

  let matches: PlaceMatch[] = [];
  let active = -1;
  let chosen: string | null = null;
  const open = (on: boolean) => {
    list.hidden = !on;
    input.setAttribute("aria-expanded", String(on));
    if (!on) input.removeAttribute("aria-activedescendant");
  };
  const highlight = (i: number) => {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute("aria-selected", String(j === i)));
    if (i >= 0) input.setAttribute("aria-activedescendant", `${o.id}-opt-${i}`);
    else input.removeAttribute("aria-activedescendant");
    (list.children[i] as HTMLElement | undefined)?.scrollIntoView?.({ block: "nearest" });
  };
  const choose = (m: PlaceMatch | undefined) => {
    if (!m) return;
    input.value = m.place.name;
    chosen = m.place.id;
    open(false);
    o.onChoose(m.place);
  };
  const render = () => {
    matches = findPlaces(o.places(), input.value, 10);
    const words = o.kindWords();
    clear(list);
    matches.forEach((m, i) => {
      const li = el(
        "li",
        { id: `${o.id}-opt-${i}`, role: "option", "aria-selected": "false", class: "pc-opt" },
        el("span", {}, m.place.name),
        o.showNative && m.place.nativeName ? el("span", { class: "pc-native", lang: "" }, ` ${m.place.nativeName}`) : null,
        el("span", { class: "pc-kind" }, ` · ${words[m.place.kind]}`),
      );
      // mousedown keeps focus in the input while choosing.
      li.addEventListener("mousedown", (e) => {
        e.preventDefault();
        choose(m);
      });
      list.append(li);
    });
    if (input.value.trim() && !matches.length)
      list.append(el("li", { class: "pc-none", role: "option", "aria-disabled": "true", "aria-selected": "false" }, "No place found"));
    open(input.value.trim() !== "");
    highlight(matches.length ? 0 : -1);
  };
  input.addEventListener("input", () => {
    chosen = null;
    render();
  });
  if (o.searchOnFocus)
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
      if (!o.onEnter || (!list.hidden && matches.length)) choose(matches[active] ?? matches[0]);
      else o.onEnter();
    } else if (e.key === "Escape") {
      if (!list.hidden) {
        e.preventDefault();
        open(false);
      } else o.onEscape?.();
    }
  });
  return {
    input,
    wrap,
    chosen: () => chosen,
    set(place) {
      input.value = place?.name ?? "";
      chosen = place?.id ?? null;
      open(false);
    },
    refresh() {
      if (!list.hidden) render();
    },
    close: () => open(false),
  };
}
