// Edge widths from volumes through a d3-scale scale; the legend reads its ticks back from the same scale.
import { scaleLinear, scaleLog, scaleSqrt } from "d3-scale";
import type { ScaleKind } from "./viewState";

export interface WidthScale {
  (value: number): number;
  /** Volumes to show in the legend, each with the width drawn for it. */
  legend(count?: number): { value: number; width: number }[];
  kind: ScaleKind;
  domain: [number, number];
}

/**
 * linear and sqrt map [0, max] → [minWidth, maxWidth]; log maps [max/1000 or min, max] → [minWidth, maxWidth]
 * (clamped), since log(0) is undefined.
 */
export function createWidthScale(kind: ScaleKind, values: number[], minWidth: number, maxWidth: number): WidthScale {
  // A loop, not Math.max(...values): spreading 100k values overflows the call stack.
  let max = 0;
  let minPositive = Infinity;
  let whole = true;
  for (const v of values) {
    if (!(v > 0)) continue;
    if (whole && !Number.isInteger(v)) whole = false;
    if (v > max) max = v;
    if (v < minPositive) minPositive = v;
  }
  return widthScaleFromExtent(kind, [minPositive, max], minWidth, maxWidth, whole);
}

/**
 * The same scale from a given extent [smallest positive volume, largest volume]: one extent for every
 * year keeps a flow of the same volume equally wide in each.
 */
export function widthScaleFromExtent(
  kind: ScaleKind,
  extent: [number, number],
  minWidth: number,
  maxWidth: number,
  /** Every volume a whole number: the legend shows whole numbers only. */
  whole = false,
): WidthScale {
  let [minPositive, max] = extent;
  if (!(max > 0)) [max, minPositive] = [1, 1];
  if (!(minPositive > 0) || minPositive > max) minPositive = max;
  let fn: (v: number) => number;
  let domain: [number, number];
  if (kind === "log") {
    const lo = Math.max(minPositive, max / 1000);
    domain = [lo, max];
    const s = scaleLog()
      .domain(lo === max ? [lo / 10, max] : domain)
      .range([minWidth, maxWidth])
      .clamp(true);
    fn = (v) => (v > 0 ? s(v) : minWidth);
  } else {
    domain = [0, max];
    const s = (kind === "sqrt" ? scaleSqrt() : scaleLinear()).domain(domain).range([minWidth, maxWidth]).clamp(true);
    fn = (v) => s(Math.max(0, v));
  }
  const scale = ((v: number) => fn(v)) as WidthScale;
  scale.kind = kind;
  scale.domain = domain;
  scale.legend = (count = 3) => legendValues(domain, kind, count, whole).map((value) => ({ value, width: fn(value) }));
  return scale;
}

/**
 * Round, readable legend values spread over the domain (largest first). With `whole` (every volume a whole
 * number: counts of edges or vehicles) only whole numbers: an unweighted graph's legend is "1", not 1 / 0.6 / 0.1.
 */
export function legendValues(domain: [number, number], kind: ScaleKind, count: number, whole = false): number[] {
  const max = domain[1];
  if (!(max > 0)) return [];
  const raw: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = i / Math.max(1, count - 1);
    raw.push(kind === "log" ? max / Math.pow(10, t * Math.log10(max / Math.max(domain[0], 1e-9))) : max * (1 - t * 0.9));
  }
  const nice = raw.map((v) => (whole ? Math.max(1, Math.round(niceRound(v))) : niceRound(v))).filter((v) => v > 0);
  return [...new Set(nice)].sort((a, b) => b - a);
}

export function niceRound(v: number): number {
  if (!(v > 0)) return 0;
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  // One significant digit: 436,000 → 400,000; 760 → 800.
  return Math.round(v / p) * p;
}
