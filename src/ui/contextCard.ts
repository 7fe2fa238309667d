// The card of a context-layer line or place: every reported figure, side by side, never added up, and
// what it is not (a used-car flow). Text only.
import type { ContextHop, ContextPlace } from "../state/contextLayer";
import { describeContextFigure } from "../state/contextLayer";
import { el } from "./dom";
import { factLinks } from "./factLinks";

export function contextCard(
  item: ContextHop | ContextPlace,
  placeName: (id: string) => string,
  full: boolean,
  onFact?: (id: string) => void,
): HTMLElement {
  const title = "from" in item ? `${placeName(item.from)} → ${placeName(item.to)}` : placeName(item.place);
  const figures = full ? item.figures : item.figures.slice(0, 3);
  return el(
    "div",
    { class: "card card-context-layer", "data-testid": "context-card" },
    el("div", { class: "card-title" }, title),
    el("div", { class: "card-sub" }, `${item.year} · reported figures (context layer)`),
    el(
      "ul",
      { class: "card-context" },
      figures.map((f) =>
        el("li", {}, describeContextFigure(f), f.note && full ? el("span", { class: "card-note" }, ` — ${f.note}`) : null),
      ),
    ),
    item.figures.length > figures.length
      ? el("p", { class: "hint" }, `… and ${item.figures.length - figures.length} more: click for all.`)
      : null,
    el("p", { class: "card-note" }, "Vehicles of all kinds as reported, not a used-car flow; never added to one or to each other."),
    full && onFact
      ? factLinks(
          item.figures.flatMap((f) => f.facts),
          onFact,
        )
      : null,
  );
}
