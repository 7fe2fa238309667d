// Node labels without collisions: greedy placement, biggest places first, trying right, left, above and
// below each node; a label that fits nowhere is left out. Pure (takes a text-measuring function), so the
// screen and the image export place labels the same way at any resolution.

export interface LabelCandidate {
  id: string;
  text: string;
  /** Viewport position and radius of the node, in the same units as the measure function. */
  x: number;
  y: number;
  r: number;
  /** Higher is placed first. */
  priority: number;
}

export interface PlacedLabel {
  id: string;
  text: string;
  /** Baseline-left anchor of the text. */
  x: number;
  y: number;
  box: Box;
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface LabelPlacementOptions {
  fontSize: number;
  gap: number;
  padding: number;
  /** Area labels must stay inside. */
  bounds: Box;
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

export function placeLabels(
  candidates: LabelCandidate[],
  measure: (text: string) => number,
  options: LabelPlacementOptions,
  /** Boxes to keep clear from the start (e.g. the discs of highlighted nodes). */
  obstacles: Box[] = [],
): PlacedLabel[] {
  const { fontSize: fs, gap, padding: pad, bounds } = options;
  const taken: Box[] = [...obstacles];
  const placed: PlacedLabel[] = [];
  const sorted = [...candidates].sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
  for (const c of sorted) {
    if (!c.text) continue;
    const w = measure(c.text);
    const h = fs;
    const spots = [
      { x: c.x + c.r + gap, y: c.y + h * 0.35 },
      { x: c.x - c.r - gap - w, y: c.y + h * 0.35 },
      { x: c.x - w / 2, y: c.y - c.r - gap },
      { x: c.x - w / 2, y: c.y + c.r + gap + h * 0.8 },
    ];
    for (const s of spots) {
      const box = { x0: s.x - pad, y0: s.y - h * 0.85 - pad, x1: s.x + w + pad, y1: s.y + h * 0.25 + pad };
      if (box.x0 < bounds.x0 || box.y0 < bounds.y0 || box.x1 > bounds.x1 || box.y1 > bounds.y1) continue;
      if (taken.some((t) => overlaps(t, box))) continue;
      taken.push(box);
      placed.push({ id: c.id, text: c.text, x: s.x, y: s.y, box });
      break;
    }
  }
  return placed;
}

/** Draws placed labels with a light halo so they stay readable over flows. `scale` multiplies every length. */
export function drawLabels(
  ctx: CanvasRenderingContext2D,
  labels: PlacedLabel[],
  options: { font: string; fontSize: number; color: string; halo: string; scale: number },
): void {
  const s = options.scale;
  ctx.save();
  ctx.font = `500 ${options.fontSize * s}px ${options.font}`;
  ctx.textBaseline = "alphabetic";
  ctx.lineJoin = "round";
  ctx.lineWidth = 3 * s;
  ctx.strokeStyle = options.halo;
  ctx.fillStyle = options.color;
  for (const l of labels) {
    ctx.strokeText(l.text, l.x * s, l.y * s);
    ctx.fillText(l.text, l.x * s, l.y * s);
  }
  ctx.restore();
}

export const LABEL_FONT = "system-ui, 'DejaVu Sans', Arial, sans-serif";
export const LABEL_SIZE = 12;
