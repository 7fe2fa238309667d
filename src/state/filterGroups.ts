// The checkbox groups of the Filters panel for a dataset: which lanes, place kinds, transport modes, bases
// and regions can be hidden, with the words each checkbox is named by.
import { LANES } from "../domain/lanes";
import { REGIONS } from "../domain/regions";
import { BASES, PLACE_KINDS, type Basis, type Dataset, type PlaceKind } from "../domain/types";

export type ListKey = "hiddenLanes" | "hiddenKinds" | "hiddenModes" | "hiddenBases" | "hiddenRegions";

export interface FilterItem {
  value: string;
  label: string;
  /** Hidden words that make the checkbox's name unique ("Show Central Asia lane" vs "… region"). */
  suffix?: string;
}

export interface FilterGroup {
  key: ListKey;
  legend: string;
  items: FilterItem[];
}

/** Checkbox names: unique across the page (e.g. a lane and a region are both "Central Asia"), never "Origin". */
export const KIND_FILTER_LABELS: Record<PlaceKind, string> = {
  origin: "Provinces and cities",
  exit: "Exit points",
  transit: "Transit places",
  market: "Markets",
};
const BASIS_FILTER_LABELS: Record<Basis, string> = {
  reported: "Reported figures",
  derived: "Derived figures",
  modelled: "Modelled estimates",
};
// No prototype: modes come from files ("constructor" is a mode like any other, shown as written).
const MODE_NAMES: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  road: "Road",
  rail: "Rail",
  sea: "Sea",
  mixed: "Mixed",
  unknown: "Unknown",
});

/** The groups in panel order: the lanes its places use (and "other"), every kind, its flows' modes (sorted), every basis and region. */
export function filterGroups(ds: Pick<Dataset, "places" | "flows">): FilterGroup[] {
  const placesLanes = new Set(ds.places.map((p) => p.lane).filter(Boolean));
  const modes = [...new Set(ds.flows.map((f) => f.mode))].sort();
  return [
    {
      key: "hiddenLanes",
      legend: "Lanes",
      items: LANES.filter((l) => placesLanes.has(l.id) || l.id === "other").map((l) => ({ value: l.id, label: l.label, suffix: " lane" })),
    },
    { key: "hiddenKinds", legend: "Place kinds", items: PLACE_KINDS.map((k) => ({ value: k, label: KIND_FILTER_LABELS[k] })) },
    {
      key: "hiddenModes",
      legend: "Transport modes",
      items: modes.map((m) => ({ value: m, label: MODE_NAMES[m] ?? m, suffix: " transport" })),
    },
    { key: "hiddenBases", legend: "Basis", items: BASES.map((b) => ({ value: b, label: BASIS_FILTER_LABELS[b] })) },
    { key: "hiddenRegions", legend: "Regions", items: REGIONS.map((r) => ({ value: r.id, label: r.label, suffix: " region" })) },
  ];
}
