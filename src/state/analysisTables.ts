// Every analysis view as a plain table (columns and rows): what "Download CSV" writes, and what the
// view shows. Place ids ride beside place names so a table can be joined back to the data. Pure.
import type { ThroughNodeResult } from "../analysis/throughNode";
import type { MirrorGap } from "../analysis/mirrorGaps";
import type { YearComparison } from "./compareYears";
import type { FlowRow } from "./flowTable";
import type { PlaceMix, TraceResult } from "./routeTrace";
import type { SankeyModel } from "./sankeyBands";
import type { TimeSeries } from "./timeSeries";

export type Cell = string | number | null;

export interface AnalysisTable {
  columns: string[];
  rows: Cell[][];
}

/** Numeric columns of each table kind, for reading a file back. */
export function numericColumns(table: AnalysisTable): Set<string> {
  const out = new Set<string>();
  table.columns.forEach((c, i) => {
    const values = table.rows.map((r) => r[i]).filter((v) => v !== null && v !== undefined);
    if (values.length && values.every((v) => typeof v === "number")) out.add(c);
  });
  return out;
}

type NameOf = (id: string) => string;

export function flowTableTable(rows: readonly FlowRow[], unitColumn = "vehicles"): AnalysisTable {
  return {
    columns: ["flow_id", "from", "to", "year", unitColumn, "usd", "mode", "basis", "sources"],
    rows: rows.map((r) => [r.id, r.from, r.to, r.year, r.vehicles, r.usd, r.mode, r.basis, r.sources]),
  };
}

export function traceChainsTable(trace: TraceResult, nameOf: NameOf): AnalysisTable {
  const c = trace.chains;
  return {
    columns: [
      "rank",
      "chain",
      "place_ids",
      "hops",
      "attributed_volume",
      "share_of_total",
      "arriving",
      "bottleneck",
      "total_origin_to_destination",
    ],
    rows: c.chains.map((chain, i) => [
      i + 1,
      chain.nodes.map(nameOf).join(" → "),
      chain.nodes.join(">"),
      chain.nodes.length - 1,
      chain.volume,
      chain.share,
      chain.arriving,
      chain.bottleneck,
      c.total,
    ]),
  };
}

export function originMixTable(mix: PlaceMix, nameOf: NameOf): AnalysisTable {
  return {
    columns: ["origin_id", "origin", "volume", "share_of_throughput", "place_throughput"],
    rows: mix.origins.map((o) => [o.id, nameOf(o.id), o.volume, o.share, mix.balance.throughput]),
  };
}

export function throughNodeTable(r: ThroughNodeResult, nameOf: NameOf): AnalysisTable {
  const rows: Cell[][] = [];
  const add = (side: string, m: Map<string, number>) => {
    for (const [id, v] of [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])))
      rows.push([side, id, nameOf(id), v, r.T > 0 ? v / r.T : null]);
  };
  add("origin (upstream)", r.origins);
  add("absorbed at (downstream)", r.destinations);
  return { columns: ["side", "place_id", "place", "volume", "share_of_throughput"], rows };
}

export function mirrorPairsTable(gaps: readonly MirrorGap[], nameOf: NameOf): AnalysisTable {
  const rows: Cell[][] = [];
  for (const g of gaps) {
    for (const c of g.comparisons) {
      rows.push([
        g.year,
        nameOf(g.from),
        nameOf(g.to),
        g.measure,
        g.unit,
        c.a.reporter,
        c.a.role,
        c.a.period,
        c.a.value,
        c.b.reporter,
        c.b.role,
        c.b.period,
        c.b.value,
        c.gap,
        c.relativeGap,
        c.cifFobAdjusted ? "yes" : "no",
        c.note,
      ]);
    }
  }
  return {
    columns: [
      "year",
      "from",
      "to",
      "measure",
      "unit",
      "reporter_a",
      "role_a",
      "period_a",
      "value_a",
      "reporter_b",
      "role_b",
      "period_b",
      "value_b",
      "gap",
      "relative_gap",
      "cif_fob_adjusted",
      "note",
    ],
    rows,
  };
}

export function timeSeriesTable(series: TimeSeries, nameOfKey: NameOf): AnalysisTable {
  const keyColumns = series.stack === "none" ? [] : series.keys;
  return {
    columns: ["year", "total", "basis", "missing", ...keyColumns.map(nameOfKey)],
    rows: series.rows.map((r) => [
      r.year,
      r.total,
      r.basis,
      r.missing ?? null,
      ...keyColumns.map((k) => (r.total === null ? null : (r.parts[k] ?? 0))),
    ]),
  };
}

/** Hop-by-hop changes; `labels` names the two sides ("2023", "2024"; or "baseline", "scenario"). */
export function comparisonTable(
  cmp: YearComparison,
  nameOf: NameOf,
  labels: [string, string] = [String(cmp.before), String(cmp.after)],
): AnalysisTable {
  const [a, b] = labels.map((l) => l.toLowerCase().replace(/[^a-z0-9]+/g, "_"));
  return {
    columns: ["from_id", "from", "to_id", "to", "mode", a!, b!, "change", "relative_change", "status", `basis_${a}`, `basis_${b}`],
    rows: cmp.changes.map((c) => [
      c.from,
      nameOf(c.from),
      c.to,
      nameOf(c.to),
      c.mode,
      c.before,
      c.after,
      c.change,
      c.relative,
      c.status,
      c.basisBefore || null,
      c.basisAfter || null,
    ]),
  };
}

export function sankeyTable(model: SankeyModel, nameOf: NameOf): AnalysisTable {
  const placeOf = new Map(model.nodes.map((n) => [n.key, n.place]));
  return {
    columns: ["source_id", "source", "target_id", "target", model.kind === "trace" ? "chain" : "origin", "volume"],
    rows: model.bands.map((b) => [
      placeOf.get(b.source) ?? b.source,
      nameOf(placeOf.get(b.source) ?? b.source),
      placeOf.get(b.target) ?? b.target,
      nameOf(placeOf.get(b.target) ?? b.target),
      b.label,
      b.volume,
    ]),
  };
}
