// Colours: node kinds and lanes. One place, so the legend, the canvas and exports agree.
import { schemeCategory10, schemeDark2, schemeObservable10, schemePaired, schemeSet2 } from "d3-scale-chromatic";
import { profileOf } from "../datasets";
import type { Basis, Dataset, PlaceKind } from "../domain/types";

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
 * Lane colours for flows; "domestic" = legs inside China (origin → exit). Six colours from d3-scale-chromatic's
 * categorical schemes, chosen so every pair stays apart (CIE76 ΔE ≥ 20) in full colour and in the lighter
 * modelled shade, for normal vision and simulated deuteranopia and protanopia (Machado et al. 2009), and
 * stays visible on the map's land (test/unit/view/palette.test.ts checks all of it). No prototype: lanes come
 * from files, and a lane called "constructor" must find no colour (and get the default), not a function.
 */
export const LANE_COLOURS: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  domestic: schemeCategory10[5] ?? "#8c564b", // brown
  "central-asia": schemeDark2[1] ?? "#d95f02", // dark orange
  "middle-east": schemeObservable10[0] ?? "#4269d0", // blue
  "latin-america": schemeCategory10[9] ?? "#17becf", // cyan
  caucasus: schemePaired[2] ?? "#b2df8a", // light green
  other: schemeSet2[5] ?? "#ffd92f", // yellow
});

/** Colour of a flow: its lane's colour, lighter when the figure is a modelled estimate. */
export function flowColour(lane: string, basis: Basis): string {
  // Asked once per flow drawn on every change: the few lane × basis colours are worked out once.
  const key = `${lane}\u0000${basis}`;
  let colour = flowColours.get(key);
  if (colour === undefined) {
    colour = tint(LANE_COLOURS[lane] ?? LANE_COLOURS.other ?? "#ffd92f", BASIS_TINT[basis]);
    if (flowColours.size < 256) flowColours.set(key, colour);
  }
  return colour;
}
const flowColours = new Map<string, string>();

/**
 * The basis legend's neutral sample (dark slate, no lane's colour): the legend shows what "lighter" means
 * without reusing a lane.
 */
export const BASIS_SAMPLE = "#34495e";

export const DIM_NODE = "#d5d8dc";
export const DIM_EDGE = "#e2e5e8";
export const HIGHLIGHT_EDGE_ALPHA = 0.95;

/**
 * How much lighter by basis: modelled estimates are drawn lighter than reported or derived figures.
 * Colours stay opaque: sigma 3 composites WebGL colours as premultiplied, so translucent colours glow.
 */
export const BASIS_TINT = { reported: 0, derived: 0, modelled: 0.4 } as const;

/** Mixes a #rrggbb colour with white; amount 0 keeps it, 1 gives white. */
export function tint(hex: string, amount: number): string {
  const h = hex.replace("#", "");
  // Thousands of flows are faded on every change (state/clusterScene): #rrggbb read as one number.
  if (h.length === 6 && /^[0-9a-f]{6}$/i.test(h)) {
    const n = parseInt(h, 16);
    const mix = (c: number) => HEX_BYTE[Math.min(255, Math.max(0, Math.round(c * (1 - amount) + 255 * amount)))]!;
    return `#${mix(n >>> 16)}${mix((n >>> 8) & 255)}${mix(n & 255)}`;
  }
  const mix = (i: number) => Math.round(parseInt(h.slice(i, i + 2), 16) * (1 - amount) + 255 * amount);
  return `#${[0, 2, 4].map((i) => mix(i).toString(16).padStart(2, "0")).join("")}`;
}
const HEX_BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
