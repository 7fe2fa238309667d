// What an exported image says, as plain data: title, caption, legend (with the real volumes of the
// width scale), sources, caveat, date and file name. Built purely from the view state and the flows
// shown; the PNG composer and the SVG writer both draw from it, so the two formats agree.
import type { Basis, Dataset, Flow, PlaceKind } from "../domain/types";
import { profileOf } from "../state/profile";
import type { ScaleKind, ViewState } from "../state/viewState";
import { yearStatus } from "../state/yearStatus";
import { formatCompact, formatVolume, MONEY, volumeUnit, type VolumeUnit } from "../state/volumeUnit";
import { CONTEXT_SWATCH } from "../state/contextEdges";
import type { TracedChains } from "../state/tracedChains";

export interface LegendWidth {
  value: number;
  /** The value as people read it: "436k vehicles". */
  label: string;
  /** Width drawn for the value on the canvas, in CSS px. */
  width: number;
}

export interface LegendSwatch {
  label: string;
  colour: string;
  /** A second, lighter shade drawn beside the first (a lane with modelled flows as well). */
  light?: string;
}

export interface ExportLegend {
  widthTitle: string;
  /** Which extent the widths map from ("One scale for every year (2019–2024)"); "" = not said. */
  widthNote?: string;
  widths: LegendWidth[];
  kinds: LegendSwatch[];
  lanes: LegendSwatch[];
  basis: LegendSwatch[];
}

export interface ExportSpec {
  title: string;
  /** Caption parts (year and measure, filters in force, traced route), one line each. */
  caption: string[];
  legend: ExportLegend;
  /** Publishers of the flows shown, short form, deduplicated, most cited first. */
  sources: string[];
  caveat: string | null;
  /** "Exported 28 Nov 2026 with Reroute". */
  exported: string;
  /** File name without extension: slug of the title, plus the year when the title lacks it. */
  fileBase: string;
}

/** Colours and labels handed in by the caller (they live with the renderer's palette). */
export interface ExportPalette {
  kinds: { kind: PlaceKind; label: string; colour: string }[];
  /** Every lane that can appear, in legend order, with "domestic" for legs inside China. */
  lanes: { id: string; label: string; colour: string; light?: string }[];
  basis: { reported: string; modelled: string };
}

export interface ExportSpecInput {
  state: ViewState;
  dataset: Dataset;
  /** The flows drawn (year and filters applied). */
  shown: Flow[];
  /** Lane of each flow for colour ("domestic" for legs inside China). */
  colourLaneOf: (flow: Flow) => string;
  /** The width scale's legend: real volumes and the widths drawn for them. */
  widthLegend: { value: number; width: number }[];
  scaleKind: ScaleKind;
  /** Which extent the scale spans, as the legend says it (state/scaleDomain scaleSpanNote). */
  scaleNote?: string;
  palette: ExportPalette;
  /** Names along the traced route (origin … destination), or null when none is traced. */
  route: string[] | null;
  /** The chains a trace draws with their volumes (state/tracedChains); named one a line in the caption. */
  traced?: TracedChains | null;
  /** The name the file takes its name from (a saved view's, the trace's); the title when absent. */
  fileName?: string;
  now: Date;
  /** The year's flow count before filters, and how many each filter hid (VisibleFlows). */
  counts?: { total: number; hiddenBy: Record<string, number> };
  /** Context-layer hops drawn (reported all-vehicle figures between places); 0 or absent when the layer is off. */
  contextHops?: number;
  /** Nearby places drawn as clusters (big graphs at low zoom): counts of what was merged; absent when not clustered. */
  clustered?: { places: number; clustered: number; clusters: number; flows: number; lines: number; internalFlows: number };
}

const SCALE_NAMES: Record<ScaleKind, string> = { linear: "linear", sqrt: "square-root", log: "logarithmic" };
const INT = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });

type TitledDataset = Pick<Dataset, "id" | "name"> & Partial<Pick<Dataset, "timeless">>;

/** The year to name in titles, captions and file names: none for data without time (its year is a placeholder). */
export function shownYear(dataset: Partial<Pick<Dataset, "timeless">>, year: number): number | null {
  return dataset.timeless ? null : year;
}

/** The caveat line of an exported picture, when the dataset has one. */
export function caveatOf(dataset: Pick<Dataset, "id">): string | null {
  const caveat = profileOf(dataset).caveat;
  return caveat ? `Caveat: ${caveat}` : null;
}

export function defaultTitle(dataset: TitledDataset, year: number): string {
  return profileOf(dataset).title(dataset, year);
}

export function effectiveTitle(state: Pick<ViewState, "title" | "year">, dataset: TitledDataset): string {
  const t = state.title.trim();
  return t || defaultTitle(dataset, state.year);
}

/** Compact volume with its unit: 436k vehicles, 1.2M units, US$3.4bn. */
export function formatLegendValue(v: number, unit: VolumeUnit): string {
  return unit === MONEY ? formatCompact(v, unit) : `${formatCompact(v, unit)} ${unit}`;
}

/** File-name slug: letters and digits of any script, lower case, joined by "-"; `fallback` when nothing is left. */
export function slugify(text: string, fallback = "reroute-view"): string {
  const slug = text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/['’`]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return slug || fallback;
}

export function exportFileBase(title: string, year: number | null): string {
  const slug = slugify(title);
  return year === null || slug.split("-").includes(String(year)) ? slug : `${slug}-${year}`;
}

/**
 * Short form of a publisher field: parentheses dropped, "A; B" split, trailing dates and "via …"
 * relays removed ("Reuters (copies: …)" → "Reuters"; "Xinhua via People's Daily Online" → "Xinhua").
 */
export function publisherShortForms(publisher: string): string[] {
  let depth = 0;
  let flat = "";
  for (const c of publisher) {
    if (c === "(") depth++;
    else if (c === ")") depth = Math.max(0, depth - 1);
    else if (depth === 0) flat += c;
  }
  return flat
    .split(";")
    .map((p) =>
      p
        .replace(/\s+via\s+.*$/i, "")
        .replace(/\s+\d{4}(-\d{2}){0,2}\s*$/, "")
        .replace(/\s+/g, " ")
        .trim(),
    )
    .filter((p) => p.length > 0);
}

/** Publishers behind the given flows, deduplicated (case-insensitive), most cited first, then A–Z. */
export function sourcesOf(flows: Flow[], dataset: Pick<Dataset, "sources">): string[] {
  const byId = new Map(dataset.sources.map((s) => [s.id, s]));
  const counts = new Map<string, { name: string; n: number }>();
  for (const f of flows) {
    const seen = new Set<string>();
    for (const id of f.sources) {
      const s = byId.get(id);
      for (const name of s ? publisherShortForms(s.publisher) : []) {
        const key = name.toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        const c = counts.get(key);
        if (c) c.n++;
        else counts.set(key, { name, n: 1 });
      }
    }
  }
  return [...counts.values()].sort((a, b) => b.n - a.n || a.name.localeCompare(b.name)).map((c) => c.name);
}

const KIND_PLURAL: Record<PlaceKind, string> = { origin: "origins", exit: "exit points", transit: "transit places", market: "markets" };
const BASIS_NAMES: Record<Basis, string> = { reported: "reported figures", derived: "derived figures", modelled: "modelled estimates" };

/** The filters in force, in words; [] when nothing is hidden. */
export function describeFilters(
  state: ViewState,
  laneLabel: (id: string) => string,
  unit: VolumeUnit = volumeUnit({}, state.weighting.measure),
): string[] {
  const f = state.filters;
  const parts: string[] = [];
  if (f.topN !== null) parts.push(`largest ${f.topN} flows only`);
  if (f.minVolume > 0) parts.push(`flows under ${INT.format(f.minVolume)} ${unit} hidden`);
  if (f.hiddenLanes.length) parts.push(`lanes hidden: ${f.hiddenLanes.map(laneLabel).join(", ")}`);
  if (f.hiddenKinds.length) parts.push(`hidden: ${f.hiddenKinds.map((k) => KIND_PLURAL[k]).join(", ")}`);
  if (f.hiddenModes.length) parts.push(`modes hidden: ${f.hiddenModes.join(", ")}`);
  if (f.hiddenBases.length) parts.push(`hidden: ${f.hiddenBases.map((b) => BASIS_NAMES[b]).join(", ")}`);
  if (f.hiddenRegions.length) parts.push(`regions hidden: ${f.hiddenRegions.join(", ")}`);
  return parts;
}

export function buildExportSpec(input: ExportSpecInput): ExportSpec {
  const { state, dataset, shown, palette } = input;
  const measure = state.weighting.measure;
  const unit = volumeUnit(dataset, measure);
  const title = effectiveTitle(state, dataset);
  const placeName = (id: string | null) => (id ? (dataset.places.find((p) => p.id === id)?.name ?? id) : "");
  const laneLabel = (id: string) => palette.lanes.find((l) => l.id === id)?.label ?? id;

  const caption: string[] = [];
  caption.push(
    `${dataset.timeless ? "" : `${state.year} · `}${profileOf(dataset).measureWords(measure) ?? (unit === MONEY ? "US dollars" : unit)} · ${shown.length}${input.counts && input.counts.total > shown.length ? ` of ${input.counts.total}` : ""} flow${shown.length === 1 ? "" : "s"} shown`,
  );
  // What the year's picture is, in plain words: modelled estimates on a reported total, or reported figures only.
  if (profileOf(dataset).model !== null) {
    const status = yearStatus(dataset, state.year);
    if (status.kind !== "empty") caption.push(status.statement);
  }
  if (input.contextHops) {
    caption.push(
      `Context layer: ${input.contextHops} reported all-vehicle figure${input.contextHops === 1 ? "" : "s"} between places, drawn as straight violet lines and never added to the used-car flows.`,
    );
  }
  const c = input.clustered;
  if (c)
    caption.push(
      `Places clustered: ${c.clustered} of ${c.places} places drawn as ${c.clusters} ringed clusters (“Name + N more”), ${c.flows} flows as ${c.lines} lines, smaller ones lighter${c.internalFlows ? `; ${c.internalFlows} flows inside clusters not drawn` : ""}.`,
    );
  const filters = describeFilters(state, laneLabel, unit);
  const budget = input.counts?.hiddenBy.budget ?? 0;
  if (budget > 0) filters.push(`largest flows only, ${budget} smaller hidden by the flow budget`);
  const edited = Object.keys(state.assumptions).length;
  if (edited) filters.push(`${edited} assumption${edited === 1 ? "" : "s"} edited`);
  caption.push(filters.length ? `Filters: ${filters.join("; ")}` : `Filters: none (every flow${dataset.timeless ? "" : " of the year"})`);
  if (input.traced) caption.push(...tracedCaption(input.traced, placeName, unit, state.year));
  else if (input.route && input.route.length >= 2) caption.push(`Traced route: ${input.route.join(" → ")}`);
  else if (state.trace.origin || state.trace.destination) {
    caption.push(`Traced: ${placeName(state.trace.origin) || "any origin"} → ${placeName(state.trace.destination) || "any destination"}`);
  } else if (state.trace.through) caption.push(`Flows through ${placeName(state.trace.through)}`);
  if (state.compareYear !== null && state.compareYear !== state.year)
    caption.push(
      `Change from ${state.compareYear} to ${state.year} (compared with ${state.compareYear}): width = size of the change; blue rose, red fell, green new, purple vanished`,
    );
  if (state.scenario)
    caption.push(
      `Scenario: ${state.scenario.name}${state.analysis.scenarioMap === "change" && state.compareYear === null ? " — the map shows the change it makes" : ""}`,
    );

  const lanesShown = new Set(shown.map(input.colourLaneOf));
  const legend: ExportLegend = {
    widthTitle: `Flow width (${unit}, ${SCALE_NAMES[input.scaleKind]} scale)`,
    widthNote: input.scaleNote ?? "",
    widths: input.widthLegend.map(({ value, width }) => ({ value, width, label: formatLegendValue(value, unit) })),
    kinds: palette.kinds.map((k) => ({ label: k.label, colour: k.colour })),
    lanes: palette.lanes
      .filter((l) => lanesShown.has(l.id))
      .map((l) => ({ label: l.label, colour: l.colour, ...(l.light ? { light: l.light } : {}) })),
    // Only the styles drawn: a year of reported totals has no modelled flows to explain, and the reverse.
    basis: [
      ...(shown.some((f) => f.basis !== "modelled") ? [{ label: "Reported or derived figure", colour: palette.basis.reported }] : []),
      ...(shown.some((f) => f.basis === "modelled") ? [{ label: "Modelled estimate (lighter)", colour: palette.basis.modelled }] : []),
      ...(input.contextHops ? [{ label: "Context: reported all-vehicle figure (not a used-car flow)", colour: CONTEXT_SWATCH }] : []),
    ],
  };
  const date = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(input.now);
  return {
    title,
    caption,
    legend,
    sources: sourcesOf(shown, dataset),
    caveat: caveatOf(dataset),
    exported: `Exported ${date} with Reroute · dataset ${dataset.name}`,
    fileBase: exportFileBase(input.fileName?.trim() || title, shownYear(dataset, state.year)),
  };
}

function percent(x: number): string {
  const p = x * 100;
  return `${p >= 10 || p === 0 ? INT.format(p) : p.toFixed(1)}%`;
}

/**
 * The caption lines of a trace: what the chains drawn carry of what (one line), then each chain with the
 * volume it is drawn with — "Sichuan → Horgos → Kazakhstan → Russia: 9,156 vehicles (modelled)".
 */
export function tracedCaption(t: TracedChains, placeName: (id: string) => string, unit: VolumeUnit, year: number): string[] {
  const a = placeName(t.origin),
    b = placeName(t.destination);
  const n = t.chains.length;
  const line = (c: TracedChains["chains"][number]) =>
    `${c.nodes.map(placeName).join(" → ")}: ${formatVolume(c.volume, unit)}${c.modelled ? " (modelled)" : ""}`;
  const carry = n === 1 ? "the one chain drawn carries" : `the ${n} chains drawn carry`;
  const of =
    t.basis === "attributed"
      ? `${percent(t.coverage)} of the ${formatVolume(t.whole, unit)} ${a} sends that end in ${b} (${year}; proportional tracing)`
      : t.basis === "arriving"
        ? `${percent(t.coverage)} of the ${formatVolume(t.whole, unit)} from ${a} that pass through ${b}, which keeps none (${year}; proportional tracing)`
        : `${percent(t.coverage)} of the ${formatVolume(t.whole, unit)} ${a} sends on, which it received from elsewhere (${year}; share of what passes through ${a})`;
  if (t.chosen) return [`Traced route: ${line(t.chains[0]!)}, ${of}`];
  return [`Traced ${a} → ${b}: ${carry} ${of}:`, ...t.chains.map(line)];
}
