// The graph as drawn in a box (coordinates relative to the box, CSS/layout px): what the renderer
// captures from the screen and what the exports write. One type for both, so they cannot drift.
import type { InsetContent } from "./borderInset";

/** Font size (CSS px) of place labels on screen; exports scale it with their frame. */
export const SCREEN_LABEL_SIZE = 12;

/** Width (px) of the light ring round each place's dot in dark and transparent exports. */
export const DOT_HALO_WIDTH = 2;

/** Graph coordinates → box coordinates: x' = a·x + c·y + e, y' = b·x + d·y + f. */
export interface BoxAffine {
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
}

export interface DrawnGeometry {
  width: number;
  height: number;
  /** `cluster`: a cluster of that many nearby places, drawn with rings. */
  nodes: { id: string; x: number; y: number; r: number; colour: string; aggregate?: boolean; cluster?: number; label?: string }[];
  /** The aggregates' panel (box px, y down), drawn over the backdrop; null when none. */
  panel?: { x: number; y: number; width: number; height: number; title: string } | null;
  /** Node labels as placed on the map (baseline-left anchor), the same collision-free placement as on screen. */
  labels: { id: string; text: string; x: number; y: number; leader?: { x1: number; y1: number; x2: number; y2: number } }[];
  /** Curved edges: a quadratic curve from (x1,y1) to (x2,y2) through the control point (cx,cy). */
  edges: {
    id: string;
    x1: number;
    y1: number;
    x2: number;
    y2: number;
    cx: number;
    cy: number;
    width: number;
    colour: string;
    /** Arrow head length (0: none). */
    arrow: number;
  }[];
  /** Graph coordinates → box coordinates. */
  affine: BoxAffine;
  labelSize: number;
  /** The border inset as drawn over the map (exports with the inset open), or absent. */
  inset?: InsetContent | null;
}
