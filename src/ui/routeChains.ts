// The chains of a trace: the coverage line, the list (best first; ↑/↓ move, Enter chooses, Esc clears),
// the chosen chain's hops with their mirror figures, and the note when a chosen route is missing from
// the year in view. Rendered from what the selectors give; choosing dispatches through `events`.
import type { Chain, MirrorGap } from "../analysis";
import type { Dataset, Flow, Place } from "../domain/types";
import { noRouteText, type TraceResult } from "../state/routeTrace";
import { throughputOf } from "../state/traceWidths";
import type { ViewState } from "../state/viewState";
import type { VolumeUnit } from "../state/volumeUnit";
import { el } from "./dom";
import { formatShare, formatVolume } from "./format";
import { hopMirrorNote } from "./traceMirror";

export interface ChainListEvents {
  choose(index: number, chain: Chain): void;
  clearChoice(): void;
}

export interface ChainsInput {
  state: ViewState;
  result: TraceResult;
  /** The chosen route's names while the year in view lacks it. */
  lost: string[] | null;
  unit: VolumeUnit;
  placeName(id: string): string;
  flows: readonly Flow[];
  places: readonly Place[];
  dataset: Dataset;
  mirrors(from: string, to: string): MirrorGap[];
  events: ChainListEvents;
  /** The mixing assumption, stated next to attributed figures. */
  note: HTMLElement;
}

/** The coverage line: what the chains carry of what A sends to B, or of what passes through A. */
function coverageText(r: TraceResult["chains"], a: string, b: string, year: number, m: VolumeUnit): string {
  const n = r.chains.length;
  const shown = `the ${n === 1 ? "chain" : `${n} chains`} shown ${n === 1 ? "carries" : "carry"}`;
  if (r.total > 0)
    return `The ${n === 1 ? "chain" : `${n} chains`} shown ${n === 1 ? "covers" : "cover"} ${formatShare(r.coverage)} of the ${formatVolume(r.total, m)} ${a} sends that end in ${b} (${year}).`;
  // A place that starts nothing itself (an exit point, a hub) has no volume of its own to attribute: every
  // vehicle is traced from where it started. Its chains are still the routes on, each with its share of
  // what passes through it (the product of the hop shares), rather than "0 vehicles attributed".
  if (r.passing === 0)
    return `${a} starts nothing of its own in ${year}: all it sends arrived from elsewhere, and tracing follows each unit from where it started. Below, the routes from ${a} to ${b} with the share of what passes through ${a} that each takes; trace from a province or city for attributed volumes.`;
  return `${b} keeps none of it: ${shown} ${formatShare(r.coverage)} of the ${formatVolume(r.passing, m)} from ${a} that pass through ${b} (${year}).`;
}

export function renderChains(results: HTMLElement, input: ChainsInput): void {
  const { state, result, unit: m, placeName, events } = input;
  const { origin, destination } = result;
  const a = placeName(origin),
    b = placeName(destination);
  const r = result.chains;
  const chainText = (c: { nodes: string[] }) => c.nodes.map(placeName).join(" → ");
  const weakestHop = (c: { nodes: string[]; volumes: number[]; bottleneck: number }) => {
    const i = c.volumes.indexOf(c.bottleneck);
    return i >= 0 ? `${placeName(c.nodes[i]!)} → ${placeName(c.nodes[i + 1]!)}` : "";
  };
  const lostNote =
    input.lost &&
    el(
      "p",
      { class: "rt-warn" },
      `The route you chose, ${input.lost.join(" → ")}, carries nothing in ${state.year}; it is chosen again in a year that has it.`,
    );
  if (r.chains.length === 0) {
    results.append(
      el("p", { class: "rt-say" }, noRouteText(input.flows, input.places, origin, destination, a, b, state.year)),
      ...(lostNote ? [lostNote] : []),
    );
    return;
  }
  const n = r.chains.length;
  const startsNothing = r.total === 0 && r.passing === 0;
  results.append(el("p", { class: "rt-coverage" }, coverageText(r, a, b, state.year, m)), input.note);
  if (lostNote) results.append(lostNote);
  const list = el("ul", { role: "listbox", class: "rt-chains", tabindex: "0", "aria-label": "Chains found, best first" });
  const chosen = state.trace.chain !== null && state.trace.chain < n ? state.trace.chain : -1;
  /** The keyboard cursor in the list (moved with ↑/↓ before Enter chooses). */
  let active = chosen;
  // What the place sends on in the year: a chain from it carries its share of that (state/traceWidths).
  const through = throughputOf(input.flows, origin, state.year, state.weighting.measure);
  r.chains.forEach((c, i) => {
    const li = el(
      "li",
      { id: `trace-chain-${i}`, role: "option", class: "rt-chain", "aria-selected": String(i === chosen) },
      el("div", { class: "rt-chain-name" }, chainText(c)),
      el(
        "div",
        { class: "rt-chain-figures" },
        startsNothing
          ? `${formatVolume(c.product * through, m)} (${formatShare(c.product)} of what passes through ${a}) · bottleneck ${formatVolume(c.bottleneck, m)} (${weakestHop(c)})`
          : `${formatVolume(r.total > 0 ? c.volume : c.arriving, m)} attributed · ${formatShare(c.share)} of ${a} → ${b} · bottleneck ${formatVolume(c.bottleneck, m)} (${weakestHop(c)})`,
      ),
    );
    if (i === chosen) li.append(hopList(c, input));
    li.addEventListener("click", () => choose(i));
    list.append(li);
  });
  if (chosen >= 0) list.setAttribute("aria-activedescendant", `trace-chain-${chosen}`);
  const moveActive = (i: number) => {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute("aria-selected", String(j === i)));
    if (i >= 0) {
      list.setAttribute("aria-activedescendant", `trace-chain-${i}`);
      list.children[i]?.scrollIntoView({ block: "nearest" });
    } else list.removeAttribute("aria-activedescendant");
  };
  const refocus = () => document.querySelector<HTMLElement>(".rt-chains")?.focus();
  const choose = (i: number) => {
    const c = r.chains[i];
    if (!c) return;
    events.choose(i, c);
    refocus();
  };
  list.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const d = e.key === "ArrowDown" ? 1 : -1;
      moveActive(active < 0 ? (d > 0 ? 0 : n - 1) : (active + d + n) % n);
    } else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      if (active >= 0) choose(active);
    } else if (e.key === "Escape") {
      e.preventDefault();
      events.clearChoice();
      refocus();
    }
  });
  results.append(list, el("p", { class: "hint" }, "↑/↓ move through the chains, Enter shows one on the graph, Esc clears it."));
}

/** The chosen chain's hops and, where both sides published a figure for the year, both figures and the gap. */
function hopList(c: Chain, input: ChainsInput): HTMLElement {
  const { placeName, unit: m, state } = input;
  const ol = el("ol", { class: "rt-hops" });
  c.volumes.forEach((v, h) => ol.append(el("li", {}, `${placeName(c.nodes[h]!)} → ${placeName(c.nodes[h + 1]!)}: ${formatVolume(v, m)}`)));
  const notes = c.volumes
    .map((_, h) => {
      const note = hopMirrorNote(input.dataset, input.mirrors(c.nodes[h]!, c.nodes[h + 1]!), state.year);
      return note && el("div", {}, el("strong", {}, `${placeName(c.nodes[h]!)} → ${placeName(c.nodes[h + 1]!)}`), note);
    })
    .filter((x): x is HTMLDivElement => x !== null);
  return notes.length ? el("div", {}, ol, el("div", { class: "rt-hop-mirrors" }, notes)) : ol;
}
