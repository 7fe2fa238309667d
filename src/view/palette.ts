// Colours: node kinds and lanes. One place, so the legend, the canvas and exports agree.
import type { PlaceKind } from "../domain/types";

export const KIND_COLOURS: Record<PlaceKind, string> = {
  origin: "#c0392b",
  exit: "#e67e22",
  transit: "#7d3c98",
  market: "#1a5276",
};

export const KIND_LABELS: Record<PlaceKind, string> = {
  origin: "Origin (province / city)",
  exit: "Exit point (port / crossing)",
  transit: "Transit country / hub",
  market: "Final market",
};

/** Lane colours for flows; "domestic" = legs inside China (origin → exit). */
export const LANE_COLOURS: Record<string, string> = {
  domestic: "#5d6d7e",
  "central-asia": "#d4ac0d",
  "middle-east": "#148f77",
  "latin-america": "#c2185b",
  caucasus: "#229954",
  other: "#7f8c8d",
};

export const DIM_NODE = "#d5d8dc";
export const DIM_EDGE = "rgba(180,185,190,0.25)";
export const HIGHLIGHT_EDGE_ALPHA = 0.95;

/** Opacity by basis: modelled estimates are drawn lighter than reported or derived figures. */
export const BASIS_ALPHA = { reported: 0.9, derived: 0.9, modelled: 0.42 } as const;

export function withAlpha(hex: string, alpha: number): string {
  const h = hex.replace("#", "");
  const r = parseInt(h.slice(0, 2), 16);
  const g = parseInt(h.slice(2, 4), 16);
  const b = parseInt(h.slice(4, 6), 16);
  return `rgba(${r},${g},${b},${alpha})`;
}
