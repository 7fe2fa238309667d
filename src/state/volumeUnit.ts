// The unit a drawn volume is read in, and volumes written in it. The shipped data counts vehicles; an imported table may count
// US dollars (a Comtrade trade value) or plain units, and every number, legend and caption must say so.
import type { Dataset } from "../domain/types";
import type { Measure } from "./viewState";

/** "US$" for money (formatted as such) or a unit word after the number ("vehicles", "units"). */
export type VolumeUnit = string;

export const MONEY: VolumeUnit = "US$";

const INT = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const ONE = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });
const SMALL = new Intl.NumberFormat("en-GB", { maximumSignificantDigits: 2 });

/** The unit of the dataset's main volume: its declared unit, else vehicles. */
export function datasetUnit(dataset: Pick<Dataset, "unit">): VolumeUnit {
  const u = dataset.unit?.trim();
  return u ? u : "vehicles";
}

/** The unit of what is drawn: US$ when weighting by the US$ figures, else the dataset's unit. */
export function volumeUnit(dataset: Pick<Dataset, "unit">, measure: Measure): VolumeUnit {
  return measure === "usd" ? MONEY : datasetUnit(dataset);
}

/** The name of the main measure in a menu or a column header: "Vehicles", or "Volume (US$)", "Volume (units)". */
export function unitTitle(unit: VolumeUnit): string {
  return unit === "vehicles" ? "Vehicles" : `Volume (${unit})`;
}

/** A number fit to print: -0 is 0; ∞ and NaN (which no data should give) are null, shown as "–". */
function printable(v: number): number | null {
  return Number.isFinite(v) ? (v === 0 ? 0 : v) : null;
}

/** Money, compact: US$3.4bn, US$12m, US$800. */
export function formatUsd(value: number): string {
  const v = printable(value);
  if (v === null) return "–";
  const a = Math.abs(v);
  if (a >= 1e9) return `US$${ONE.format(v / 1e9)}bn`;
  if (a >= 1e6) return `US$${ONE.format(v / 1e6)}m`;
  if (a >= 1e3) return `US$${ONE.format(v / 1e3)}k`;
  return `US$${INT.format(v)}`;
}

/** A volume in a column whose header names the unit: "1,234" (money keeps its sign: "US$3.4m"). */
export function formatAmount(value: number, unit: VolumeUnit): string {
  if (unit === MONEY) return formatUsd(value);
  const v = printable(value);
  return v === null ? "–" : INT.format(Math.round(v) || 0);
}

/** A volume with its unit: "1,234 vehicles", "US$3.4m". */
export function formatVolume(value: number, unit: VolumeUnit): string {
  const v = printable(value);
  if (v === null) return `– ${unit}`;
  return unit === MONEY ? formatUsd(v) : `${INT.format(Math.round(v) || 0)} ${unit}`;
}

/** Compact volume for legends and labels: 436k, 1.2M (money as US$3.4bn). */
export function formatCompact(value: number, unit: VolumeUnit): string {
  if (unit === MONEY) return formatUsd(value);
  const v = printable(value);
  if (v === null) return "–";
  const a = Math.abs(v);
  if (a >= 1e6) return `${ONE.format(v / 1e6)}M`;
  if (a >= 1e4) return `${INT.format(v / 1e3)}k`;
  if (a >= 1e3) return `${ONE.format(v / 1e3)}k`;
  // Legend steps below 10 (a table of 0/1 weights) keep two significant digits: 0.6, not 1.
  return a >= 10 ? INT.format(v) : SMALL.format(v);
}
