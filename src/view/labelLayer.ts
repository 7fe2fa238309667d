// The label layer: a plain canvas over sigma's nodes where our collision-free placement (labelPlacement.ts)
// writes place names, with the aggregates' square glyphs. It also keeps where each place was drawn in the
// last frame (viewport CSS px), which picking and keyboard walking read.
import type { MultiDirectedGraph } from "graphology";
import type Sigma from "sigma";
import type { Highlight } from "../state/highlight";
import { drawAggregateGlyphs, drawClusterRings, GLYPH_COLOUR } from "./aggregateGlyph";
import { drawLabels, LABEL_FONT, LABEL_SIZE, placeLabels, type LabelCandidate, type PlacedLabel } from "./labelPlacement";

/** At most this many places (the biggest drawn) are considered for a label in each frame. */
export const LABEL_CANDIDATE_LIMIT = 400;

/** A place as drawn in the last frame: viewport CSS px, drawn radius, and whether it is lit (or nothing is). */
export interface DrawnPlace {
  id: string;
  x: number;
  y: number;
  r: number;
  lit: boolean;
}

export interface LabelLayer {
  /** Repaints when the graph, camera, size or highlight changed since the last paint (`frameKey`: the camera and size); true when it did. */
  paint(frameKey: string, highlight: Highlight | null): boolean;
  placed(): PlacedLabel[];
  drawn(): DrawnPlace[];
}

/** sigma sizes only its own contexts' pixels; plain canvases we add are kept at device resolution here. */
export function fitCanvas(canvas: HTMLCanvasElement, width: number, height: number, ratio: number): void {
  const pw = Math.round(width * ratio),
    ph = Math.round(height * ratio);
  if (canvas.width !== pw || canvas.height !== ph) {
    canvas.width = pw;
    canvas.height = ph;
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
  }
}

/** The label size on screen: LABEL_SIZE on a graph at least 480 px each way, down to 10 px on a small one
 *  (an embed's 420 × 300 graph), so names keep to the places they name and more of them fit. */
export function screenLabelSize(width: number, height: number): number {
  const side = Math.min(width, height);
  return Math.max(10, Math.min(LABEL_SIZE, 10 + ((LABEL_SIZE - 10) * (side - 300)) / 180));
}

export function createLabelLayer(sigma: Sigma, graph: MultiDirectedGraph): LabelLayer {
  // Bumped on any change to the drawn graph, so the layer knows when its placement is stale.
  let graphVersion = 0;
  const bump = () => void graphVersion++;
  for (const event of [
    "nodeAdded",
    "edgeAdded",
    "nodeDropped",
    "edgeDropped",
    "cleared",
    "nodeAttributesUpdated",
    "eachNodeAttributesUpdated",
  ] as const) {
    graph.on(event, bump);
  }
  const canvas = sigma.createCanvas("placedLabels", { beforeLayer: "hovers" });
  const ctx = canvas.getContext("2d");
  let placed: PlacedLabel[] = [];
  let drawn: DrawnPlace[] = [];
  let lastKey = "";
  let lastHighlight: Highlight | null | undefined;

  const paint = (frameKey: string, highlight: Highlight | null) => {
    if (!ctx) return false;
    const { width, height } = sigma.getDimensions();
    const ratio = window.devicePixelRatio || 1;
    fitCanvas(canvas, width, height, ratio);
    const key = `${frameKey}|${graphVersion}|${width},${height},${ratio}`;
    if (key === lastKey && highlight === lastHighlight) return false;
    lastKey = key;
    lastHighlight = highlight;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    const candidates: LabelCandidate[] = [];
    const glyphs: { x: number; y: number; r: number }[] = [];
    const rings: { x: number; y: number; r: number }[] = [];
    const places: DrawnPlace[] = [];
    graph.forEachNode((id, attrs) => {
      const d = sigma.getNodeDisplayData(id);
      if (!d || d.hidden) return;
      const p = sigma.framedGraphToViewport({ x: d.x, y: d.y });
      const r = sigma.scaleSize(d.size);
      const lit = !highlight || highlight.nodes.has(id);
      places.push({ id, x: p.x, y: p.y, r, lit });
      if (attrs.aggregate) glyphs.push({ x: p.x, y: p.y, r });
      if (attrs.cluster) rings.push({ x: p.x, y: p.y, r });
      // The name as the renderer's reducer leaves it: blank for dimmed places and places without flows.
      if (!lit || !d.label) return;
      candidates.push({ id, text: String(d.label), x: p.x, y: p.y, r, priority: d.size });
    });
    drawn = places;
    // Only the biggest places compete for a label: placement measures and tests each one, and past a few
    // hundred almost none fit anyway (keeps this layer cheap with thousands of places).
    if (candidates.length > LABEL_CANDIDATE_LIMIT) {
      candidates.sort((a, b) => b.priority - a.priority);
      candidates.length = LABEL_CANDIDATE_LIMIT;
    }
    const fontSize = screenLabelSize(width, height);
    ctx.font = `500 ${fontSize}px ${LABEL_FONT}`;
    const measure = (t: string) => ctx.measureText(t).width;
    placed = placeLabels(candidates, measure, {
      fontSize,
      gap: 3,
      padding: 1.5,
      bounds: { x0: 0, y0: 0, x1: width, y1: height },
      dots: places,
    });
    drawLabels(ctx, placed, { font: LABEL_FONT, fontSize, color: "#1c2833", halo: "rgba(255,255,255,0.9)", scale: ratio });
    drawAggregateGlyphs(ctx, glyphs, ratio, GLYPH_COLOUR.light);
    drawClusterRings(ctx, rings, ratio, GLYPH_COLOUR.light);
    return true;
  };
  return { paint, placed: () => placed, drawn: () => drawn };
}
