// Colours: node kinds and lanes. One place, so the legend, the canvas and exports agree.
import { profileOf } from "../datasets";
import type { Dataset, PlaceKind } from "../domain/types";

export const KIND_COLOURS: Record<PlaceKind, string> = {
  origin: "#c0392b",
  exit: "#e67e22",
  transit: "#7d3c98",
  market: "#1a5276",
};

/** Kind names for a dataset (its profile's words). */
export function kindLabels(dataset: Pick<Dataset, "id">): Record<PlaceKind, string> {
  return profileOf(dataset).kindWords;
}

/** The name of the "domestic" colour (origin → exit legs), in the dataset's words. */
export function domesticLaneLabel(dataset: Pick<Dataset, "id">): string {
  return profileOf(dataset).domesticLaneLabel;
}

/**
 * Lane colours for flows; "domestic" = legs inside China (origin → exit). No prototype: lanes come from
 * files, and a lane called "constructor" must find no colour (and get the default), not a function.
 */
export const LANE_COLOURS: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  domestic: "#5d6d7e",
  "central-asia": "#d4ac0d",
  "middle-east": "#148f77",
  "latin-america": "#c2185b",
  caucasus: "#229954",
  other: "#7f8c8d",
});

export const DIM_NODE = "#d5d8dc";
export const DIM_EDGE = "#e2e5e8";
export const HIGHLIGHT_EDGE_ALPHA = 0.95;

/**
 * How much lighter by basis: modelled estimates are drawn lighter than reported or derived figures.
 * Colours stay opaque: sigma 3 composites WebGL colours as premultiplied, so translucent colours glow.
 */
export const BASIS_TINT = { reported: 0, derived: 0, modelled: 0.55 } as const;

/** Mixes a #rrggbb colour with white; amount 0 keeps it, 1 gives white. */
export function tint(hex: string, amount: number): string {
  const h = hex.replace("#", "");
  const mix = (i: number) => Math.round(parseInt(h.slice(i, i + 2), 16) * (1 - amount) + 255 * amount);
  return `#${[0, 2, 4].map((i) => mix(i).toString(16).padStart(2, "0")).join("")}`;
}
