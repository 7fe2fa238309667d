// Volumes over the years, for the sparkline: a place's throughput (or intake/outflow), a hop's volume. Pure.
import type { Flow } from "../domain/types";
import type { Measure, NodeSizeBy } from "./viewState";
import { volumeOf } from "./visibleFlows";

export interface SeriesPoint {
  year: number;
  /**
   * null when not known: "absent" — no flow of that year touches the place (or carries the hop), which in
   * trade data means not reported as often as zero (the shipped 2019–2022 have no destinations at all);
   * "unknown" — flows exist but none has the measure (no US$ figure).
   */
  value: number | null;
  missing?: "absent" | "unknown";
}

/** A place's volume per year: throughput = max(intake, outflow), as the node sizes. */
export function placeSeries(
  flows: readonly Flow[],
  placeId: string,
  years: readonly number[],
  measure: Measure,
  by: NodeSizeBy = "throughput",
): SeriesPoint[] {
  return years.map((year) => {
    let inflow = 0,
      outflow = 0,
      known = 0,
      touching = 0;
    for (const f of flows) {
      if (f.year !== year || (f.from !== placeId && f.to !== placeId)) continue;
      touching++;
      const v = volumeOf(f, measure);
      if (v === null) continue;
      known++;
      if (f.to === placeId) inflow += v;
      if (f.from === placeId) outflow += v;
    }
    if (touching === 0) return { year, value: null, missing: "absent" };
    if (known === 0) return { year, value: null, missing: "unknown" };
    const value = by === "intake" ? inflow : by === "outflow" ? outflow : Math.max(inflow, outflow);
    return { year, value };
  });
}

/** The hop of a flow (same from, to and mode) per year; absent (null) in years without it. */
export function flowSeries(
  flows: readonly Flow[],
  flow: Pick<Flow, "from" | "to" | "mode">,
  years: readonly number[],
  measure: Measure,
): SeriesPoint[] {
  return years.map((year) => {
    const same = flows.filter((f) => f.year === year && f.from === flow.from && f.to === flow.to && f.mode === flow.mode);
    if (same.length === 0) return { year, value: null, missing: "absent" };
    const vs = same.map((f) => volumeOf(f, measure));
    if (vs.every((v) => v === null)) return { year, value: null, missing: "unknown" };
    return { year, value: vs.reduce<number>((s, v) => s + (v ?? 0), 0) };
  });
}

/** SVG polyline points for a series in a w × h box (y up = larger), with `pad` px inside; unknown values break nothing (skipped). */
export function sparklinePoints(
  series: readonly SeriesPoint[],
  w: number,
  h: number,
  pad = 3,
): { x: number; y: number; year: number; value: number }[] {
  const known = series.filter((p): p is { year: number; value: number } => p.value !== null);
  if (!series.length) return [];
  const max = Math.max(0, ...known.map((p) => p.value));
  const n = series.length;
  const out: { x: number; y: number; year: number; value: number }[] = [];
  series.forEach((p, i) => {
    if (p.value === null) return;
    const x = n === 1 ? w / 2 : pad + (i / (n - 1)) * (w - 2 * pad);
    const y = max > 0 ? h - pad - (p.value / max) * (h - 2 * pad) : h - pad;
    out.push({ x, y, year: p.year, value: p.value });
  });
  return out;
}
