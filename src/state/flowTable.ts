// The Table view's rows: the flows shown, as plain sortable records. Pure.
import type { Flow, Place } from "../domain/types";

export const FLOW_TABLE_COLUMNS = ["from", "to", "year", "vehicles", "usd", "mode", "basis", "sources"] as const;
export type FlowTableColumn = (typeof FLOW_TABLE_COLUMNS)[number];
export type SortDirection = "ascending" | "descending";
export interface FlowTableSort {
  column: FlowTableColumn;
  direction: SortDirection;
}
export const DEFAULT_FLOW_TABLE_SORT: FlowTableSort = { column: "vehicles", direction: "descending" };

export interface FlowRow {
  id: string;
  from: string;
  to: string;
  year: number;
  vehicles: number;
  usd: number | null;
  mode: string;
  basis: string;
  sources: string;
}

export function flowRows(flows: readonly Flow[], placesById: ReadonlyMap<string, Place>): FlowRow[] {
  return flows.map((f) => ({
    id: f.id,
    from: placesById.get(f.from)?.name ?? f.from,
    to: placesById.get(f.to)?.name ?? f.to,
    year: f.year,
    vehicles: f.volume,
    usd: f.usd,
    mode: f.mode,
    basis: f.basis,
    sources: f.sources.join(", "),
  }));
}

/** Text columns sort by locale, numbers numerically; missing US$ always last; ties by id. */
export function sortFlowRows(rows: readonly FlowRow[], sort: FlowTableSort): FlowRow[] {
  const sign = sort.direction === "ascending" ? 1 : -1;
  const c = sort.column;
  return [...rows].sort((a, b) => {
    const va = a[c],
      vb = b[c];
    if (va === null || vb === null) {
      if (va === vb) return a.id.localeCompare(b.id);
      return va === null ? 1 : -1;
    }
    const d = typeof va === "number" && typeof vb === "number" ? va - vb : String(va).localeCompare(String(vb), "en");
    return d !== 0 ? sign * d : a.id.localeCompare(b.id);
  });
}

/** Clicking a column: a new column starts descending for numbers, ascending for text; the same column flips. */
export function nextSort(current: FlowTableSort, column: FlowTableColumn): FlowTableSort {
  if (current.column === column) return { column, direction: current.direction === "ascending" ? "descending" : "ascending" };
  const numeric = column === "vehicles" || column === "usd" || column === "year";
  return { column, direction: numeric ? "descending" : "ascending" };
}

/** The table's caption: how many flows, of which year (none for data without time), hidden ones, and the sort in words. */
export function flowTableCaption(
  rows: number,
  year: number | null,
  hidden: number,
  sort: FlowTableSort,
  columnName: (c: FlowTableColumn) => string,
): string {
  return `${rows} ${rows === 1 ? "flow" : "flows"} shown${year === null ? "" : ` in ${year}`}${hidden ? ` (${hidden} hidden by filters)` : ""}, sorted by ${columnName(sort.column)} ${sort.direction}`;
}
