// The words and the input rule of the flow budget control (pure, so they are unit-tested in Node).
import type { VisibleFlows } from "../state/visibleFlows";
import { formatInt } from "./format";

/** Smallest budget accepted from the input: fewer flows than this hardly make a picture. */
export const MIN_FLOW_BUDGET = 10;

/** Below this many flows in the year the control stays out of the way (the budget cannot bite). */
export const FLOW_BUDGET_UI_THRESHOLD = 1000;

/** "Showing the 2,000 largest of 84,213 flows", "Showing all 84,213 flows", or "" when nothing is cut. */
export function flowBudgetNote(visible: Pick<VisibleFlows, "shown" | "hiddenBy">, budget: number | null): string {
  const cut = visible.hiddenBy.budget ?? 0;
  const candidates = visible.shown.length + cut;
  if (cut > 0) return `Showing the ${formatInt(visible.shown.length)} largest of ${formatInt(candidates)} flows`;
  if (budget === null && candidates > 0) return `Showing all ${formatInt(candidates)} flows`;
  return "";
}

/** The budget typed in the input, or null when it is not a usable number (the old value is kept then). */
export function parseFlowBudget(text: string): number | null {
  const n = Number(text.replace(/[\s,_]/g, ""));
  if (!Number.isFinite(n) || n < MIN_FLOW_BUDGET) return null;
  return Math.round(n);
}
