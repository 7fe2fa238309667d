// The unit a drawn volume is read in. The shipped data counts vehicles; an imported table may count
// US dollars (a Comtrade trade value) or plain units, and every number, legend and caption must say so.
import type { Dataset } from "../domain/types";
import type { Measure } from "./viewState";

/** "US$" for money (formatted as such) or a unit word after the number ("vehicles", "units"). */
export type VolumeUnit = string;

export const MONEY: VolumeUnit = "US$";

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
