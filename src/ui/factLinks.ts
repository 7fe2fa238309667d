// "Facts: U7 X2 …" under a card: each id a button that opens the Sources view on that fact.
import { el } from "./dom";

/** Facts a place is about (facts.csv `place`) or a flow cites, as a line of buttons; null when there are none. */
export function factLinks(ids: readonly string[], onFact: (id: string) => void): HTMLElement | null {
  const unique = [...new Set(ids)];
  if (!unique.length) return null;
  return el(
    "div",
    { class: "card-facts", "data-testid": "card-facts" },
    el("span", { class: "card-label" }, "Facts: "),
    unique.map((id) => {
      const button = el(
        "button",
        { type: "button", class: "fact-link", "aria-label": `Fact ${id}: show it among the facts`, "data-fact": id },
        id,
      );
      button.addEventListener("click", () => onFact(id));
      return button;
    }),
  );
}
