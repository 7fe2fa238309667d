// Mirror statistics (docs/methods.md, "Mirror statistics"): figures on the same hop, year and measure
// reported by different sides. Values: exporters report FOB, importers CIF, so the gap is
// Δ = M/(1+c) − X with c = 0.06 (IMF's CIF/FOB factor); vehicle counts are compared directly.
// Every figure is kept and shown: nothing here picks one, and nothing is added into the graph.
import type { ContextFigure } from "../domain/types";

export interface MirrorGapsOptions {
  /** CIF/FOB factor c for values. */
  cifFob: number;
  /** Country (ISO alpha-2) of each place id, to recognise "CN" as the exporter on a hop from a Chinese place. */
  countryOf: Record<string, string>;
}

export const DEFAULT_MIRROR_GAPS_OPTIONS: MirrorGapsOptions = { cifFob: 0.06, countryOf: {} };

export type MirrorRole = "exporter" | "importer" | "unknown";

export interface MirrorFigure {
  id: string;
  reporter: string;
  role: MirrorRole;
  period: string;
  value: number;
  unit: string;
}

export interface MirrorComparison {
  /** Exporter side when known (else the first by id), and the other side. */
  a: MirrorFigure;
  b: MirrorFigure;
  /** b − a for counts; M/(1+c) − X for values with known sides; b − a otherwise. */
  gap: number;
  /** gap / mean of the two compared numbers (0 when the mean is 0). */
  relativeGap: number;
  /** True when the CIF/FOB factor was applied. */
  cifFobAdjusted: boolean;
  periodsDiffer: boolean;
  note: string;
}

export interface MirrorGap {
  from: string;
  to: string;
  year: number;
  measure: string;
  unit: string;
  kind: "count" | "value";
  figures: MirrorFigure[];
  comparisons: MirrorComparison[];
}

function roleOf(f: ContextFigure, countryOf: Record<string, string>): MirrorRole {
  const r = f.reporter.trim().toUpperCase();
  if (r === "") return "unknown";
  const matches = (place: string) => r === place.toUpperCase() || (countryOf[place] !== undefined && r === countryOf[place]!.toUpperCase());
  const ex = matches(f.from);
  const im = matches(f.to);
  return ex && !im ? "exporter" : im && !ex ? "importer" : "unknown";
}

export function mirrorGaps(figures: readonly ContextFigure[], options: Partial<MirrorGapsOptions> = {}): MirrorGap[] {
  const o = { ...DEFAULT_MIRROR_GAPS_OPTIONS, ...options };
  if (!(o.cifFob >= 0)) throw new Error("analysis/mirrorGaps: options.cifFob must be ≥ 0");
  const groups = new Map<string, ContextFigure[]>();
  for (const f of figures) {
    if (!f.from || !f.to || !Number.isFinite(f.value)) continue;
    const key = JSON.stringify([f.from, f.to, f.year, f.measure.trim().toLowerCase(), f.unit.trim().toUpperCase()]);
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  const out: MirrorGap[] = [];
  for (const list of groups.values()) {
    if (new Set(list.map((f) => f.reporter.trim().toUpperCase())).size < 2) continue;
    const first = list[0]!;
    const kind = first.unit.trim().toUpperCase() === "USD" ? "value" : "count";
    const rows: MirrorFigure[] = [...list]
      .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
      .map((f) => ({ id: f.id, reporter: f.reporter, role: roleOf(f, o.countryOf), period: f.period, value: f.value, unit: f.unit }));
    const comparisons: MirrorComparison[] = [];
    for (let i = 0; i < rows.length; i++) {
      for (let j = i + 1; j < rows.length; j++) {
        let a = rows[i]!;
        let b = rows[j]!;
        if (a.reporter.trim().toUpperCase() === b.reporter.trim().toUpperCase()) continue;
        if (b.role === "exporter" && a.role !== "exporter") [a, b] = [b, a];
        comparisons.push(compare(a, b, kind, o.cifFob));
      }
    }
    out.push({
      from: first.from,
      to: first.to,
      year: first.year,
      measure: first.measure,
      unit: first.unit,
      kind,
      figures: rows,
      comparisons,
    });
  }
  return out;
}

function compare(a: MirrorFigure, b: MirrorFigure, kind: "count" | "value", c: number): MirrorComparison {
  const periodsDiffer = a.period.trim() !== b.period.trim();
  const notes: string[] = [];
  const x = a.value;
  let y = b.value;
  let cifFobAdjusted = false;
  if (kind === "value") {
    if (a.role === "exporter" && b.role === "importer") {
      y = b.value / (1 + c);
      cifFobAdjusted = true;
      notes.push(`importer's CIF value divided by ${1 + c} to compare with the exporter's FOB value`);
    } else notes.push("reporting sides unknown: values compared without the CIF/FOB factor");
  }
  if (periodsDiffer) notes.push(`periods differ: "${a.period}" vs "${b.period}"`);
  const gap = y - x;
  const mean = (x + y) / 2;
  return { a, b, gap, relativeGap: mean !== 0 ? gap / mean : 0, cifFobAdjusted, periodsDiffer, note: notes.join("; ") };
}
