// Renders a place or flow summary as DOM (text only). Used by the hover tooltip and the details panel.
import { isAggregatePlace, type PlaceKind } from "../domain/types";
import type { FlowSummary, PlaceSummary } from "../state/summaries";
import type { VolumeUnit } from "../state/volumeUnit";
import { el, safeLink } from "./dom";
import { BASIS_LABELS, formatInt, formatUsd, formatVolume } from "./format";

export function placeCard(s: PlaceSummary, unit: VolumeUnit, full: boolean, kindLabel: Record<PlaceKind, string>): HTMLElement {
  const p = s.place;
  const rows: HTMLElement[] = [
    el("div", { class: "card-title" }, p.name, p.nativeName ? el("span", { class: "native" }, ` ${p.nativeName}`) : null),
    el(
      "div",
      { class: "card-sub" },
      `${kindLabel[p.kind]} · ${isAggregatePlace(p) ? "aggregate" : p.country}${s.dated ? ` · ${s.year}` : ""}`,
    ),
    el(
      "dl",
      { class: "card-figures" },
      el("dt", {}, "In"),
      el("dd", { "data-testid": "place-in" }, s.inCount ? formatVolume(s.inflow, unit) : "—"),
      el("dt", {}, "Out"),
      el("dd", { "data-testid": "place-out" }, s.outCount ? formatVolume(s.outflow, unit) : "—"),
    ),
  ];
  const bases = Object.entries(s.byBasis).filter(([, v]) => v > 0);
  if (bases.length) {
    // The volumes are of its flows in and out together: a bare "modelled estimate 282,310" read as the place's own figure.
    const label = (b: string) => BASIS_LABELS[b as keyof typeof BASIS_LABELS] ?? b;
    rows.push(
      el(
        "div",
        { class: "card-basis" },
        bases.length === 1
          ? `Basis: ${label(bases[0]![0])} (all its flows)`
          : `Basis of its flows in and out: ${bases.map(([b, v]) => `${label(b)} ${formatVolume(v, unit)}`).join("; ")}`,
      ),
    );
  }
  if (s.context.length) {
    rows.push(
      el(
        "div",
        { class: "card-context" },
        el("div", { class: "card-label" }, "Context (other measures, not in the graph):"),
        el(
          "ul",
          {},
          s.context
            .slice(0, full ? 20 : 3)
            .map((c) => el("li", {}, `${c.measure}: ${formatInt(c.value)} ${c.unit} (${c.period}, ${c.reporter})`)),
        ),
      ),
    );
  }
  if (s.sources.length)
    rows.push(
      sourcesLine(
        s.sources.map((x) => ({ publisher: x.publisher, url: x.url, title: x.title })),
        full,
      ),
    );
  if (full && p.note) rows.push(el("p", { class: "card-note" }, p.note));
  return el("div", { class: "card" }, rows);
}

/** `unit`: what the flow's main volume counts (the dataset's unit, whatever the drawn measure). */
export function flowCard(s: FlowSummary, unit: VolumeUnit, full = false): HTMLElement {
  const f = s.flow;
  const rows: HTMLElement[] = [
    el("div", { class: "card-title" }, `${s.from?.name ?? f.from} ${s.undirected ? "–" : "→"} ${s.to?.name ?? f.to}`),
    el("div", { class: "card-sub" }, s.dated ? `${f.year} · ${f.mode}` : f.mode),
    el(
      "dl",
      { class: "card-figures" },
      el("dt", {}, "Volume"),
      el("dd", { "data-testid": "flow-vehicles" }, formatVolume(f.volume, unit)),
      f.usd !== null ? el("dt", {}, "Value") : null,
      f.usd !== null ? el("dd", {}, formatUsd(f.usd)) : null,
      el("dt", {}, "Basis"),
      el("dd", { class: `basis basis-${f.basis}` }, BASIS_LABELS[f.basis]),
    ),
  ];
  if (f.formula) rows.push(el("div", { class: "card-formula" }, el("span", { class: "card-label" }, "Formula: "), f.formula));
  if (f.facts.length) rows.push(el("div", { class: "card-facts" }, `Facts: ${f.facts.join(", ")}`));
  if (s.sources.length) rows.push(sourcesLine(s.sources, full));
  if (full && f.note) rows.push(el("p", { class: "card-note" }, f.note));
  if (s.context.length) {
    rows.push(
      el(
        "div",
        { class: "card-context" },
        el("div", { class: "card-label" }, "Same hop, other measures:"),
        el(
          "ul",
          {},
          s.context.map((c) => el("li", {}, `${c.reporter}: ${formatInt(c.value)} ${c.unit} — ${c.measure} (${c.period})`)),
        ),
      ),
    );
  }
  return el("div", { class: "card" }, rows);
}

function sourcesLine(sources: { publisher: string; url: string; title: string }[], full: boolean): HTMLElement {
  if (!full) {
    const publishers = [...new Set(sources.map((s) => s.publisher))];
    const more = publishers.length > 4 ? ` and ${publishers.length - 4} more (click for all)` : "";
    return el("div", { class: "card-sources" }, `Sources: ${publishers.slice(0, 4).join("; ")}${more}`);
  }
  return el(
    "div",
    { class: "card-sources" },
    el("div", { class: "card-label" }, "Sources:"),
    el(
      "ul",
      {},
      sources.map((s) => el("li", {}, safeLink(s.url, `${s.publisher}${s.title ? ` — ${s.title}` : ""}`))),
    ),
  );
}
