// What the filters hide, in words: "42 flows hidden: 30 below the threshold, 12 outside the top 10". Pure.
import type { Filters, Measure } from "./viewState";
import type { VisibleFlows } from "./visibleFlows";

/** Reasons in the order visibleFlows applies them. */
export const HIDDEN_REASONS = ["measure", "basis", "mode", "lane", "kind", "region", "threshold", "topN"] as const;

export function reasonText(reason: string, count: number, filters: Filters, measure: Measure): string {
  switch (reason) {
    case "measure":
      return `${count} without a ${measure === "usd" ? "US$" : "vehicle"} figure`;
    case "basis":
      return `${count} of a hidden basis`;
    case "mode":
      return `${count} by a hidden transport mode`;
    case "lane":
      return `${count} in a hidden lane`;
    case "kind":
      return `${count} touching a hidden place kind`;
    case "region":
      return `${count} touching a hidden region`;
    case "threshold":
      return `${count} below the threshold`;
    case "topN":
      return `${count} outside the top ${filters.topN ?? 0}`;
    default:
      return `${count} (${reason})`;
  }
}

export interface HiddenSummary {
  /** "No flows hidden" or "42 flows hidden" (1 flow hidden). */
  headline: string;
  reasons: string[];
}

export function hiddenSummary(visible: VisibleFlows, filters: Filters, measure: Measure): HiddenSummary {
  const n = visible.hidden;
  const headline = n === 0 ? "No flows hidden" : `${n} ${n === 1 ? "flow" : "flows"} hidden`;
  const known = new Set<string>(HIDDEN_REASONS);
  const order = [...HIDDEN_REASONS, ...Object.keys(visible.hiddenBy).filter((r) => !known.has(r))];
  const reasons = order.filter((r) => (visible.hiddenBy[r] ?? 0) > 0).map((r) => reasonText(r, visible.hiddenBy[r] ?? 0, filters, measure));
  return { headline, reasons };
}

/** True when any filter differs from the defaults. */
export function filtersActive(filters: Filters): boolean {
  return (
    filters.minVolume > 0 ||
    filters.topN !== null ||
    filters.hiddenLanes.length > 0 ||
    filters.hiddenKinds.length > 0 ||
    filters.hiddenModes.length > 0 ||
    filters.hiddenBases.length > 0 ||
    filters.hiddenRegions.length > 0
  );
}
