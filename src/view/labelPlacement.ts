// Node labels without collisions: greedy placement, biggest places first. Each label tries the four spots
// beside its own dot (right, left, above, below), then spots further out (up to 84 px) joined to the dot by a leader
// line. A spot is taken only when the label covers no other label and no other place's dot, and — beside
// its dot — no other dot is as close to it as its own (a label never reads as another place's). A label
// that fits nowhere is left out. Pure (takes a text-measuring function), so the screen, the inset and the
// image export place labels the same way at any resolution.

import { SCREEN_LABEL_SIZE } from "../state/drawnGeometry";

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
  /** A line from the place's dot to a label set apart from it. */
  leader?: { x1: number; y1: number; x2: number; y2: number };
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A place's dot as drawn. */
export interface Dot {
  id: string;
  x: number;
  y: number;
  r: number;
}

export interface LabelPlacementOptions {
  fontSize: number;
  gap: number;
  padding: number;
  /** Area labels must stay inside. */
  bounds: Box;
  /** Every place's dot drawn (labelled or not): labels keep off them. Defaults to the candidates' dots. */
  dots?: Dot[];
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** Distance from a point to a box (0 inside). */
function pointBoxDistance(x: number, y: number, b: Box): number {
  const dx = Math.max(b.x0 - x, 0, x - b.x1);
  const dy = Math.max(b.y0 - y, 0, y - b.y1);
  return Math.hypot(dx, dy);
}

/** Buckets of a uniform grid, so each test looks only at what is near (thousands of places stay cheap). */
class Grid<T extends Box> {
  private cells = new Map<number, T[]>();
  constructor(private size: number) {}
  private keys(b: Box): number[] {
    const out: number[] = [];
    const s = this.size;
    for (let i = Math.floor(b.x0 / s); i <= Math.floor(b.x1 / s); i++)
      for (let j = Math.floor(b.y0 / s); j <= Math.floor(b.y1 / s); j++) out.push(i * 100_003 + j);
    return out;
  }
  add(item: T): void {
    for (const k of this.keys(item)) {
      const cell = this.cells.get(k);
      if (cell) cell.push(item);
      else this.cells.set(k, [item]);
    }
  }
  some(b: Box, pred: (item: T) => boolean): boolean {
    for (const k of this.keys(b)) for (const item of this.cells.get(k) ?? []) if (pred(item)) return true;
    return false;
  }
}

type DotBox = Box & { dot: Dot };

export function placeLabels(
  candidates: LabelCandidate[],
  measure: (text: string) => number,
  options: LabelPlacementOptions,
  /** Boxes to keep clear from the start (e.g. the discs of highlighted nodes). */
  obstacles: Box[] = [],
): PlacedLabel[] {
  const { fontSize: fs, gap, padding: pad, bounds } = options;
  const taken = new Grid<Box>(48);
  for (const o of obstacles) taken.add(o);
  const dots = new Grid<DotBox>(48);
  for (const d of options.dots ?? candidates)
    if (Number.isFinite(d.x) && Number.isFinite(d.y))
      dots.add({ x0: d.x - d.r, y0: d.y - d.r, x1: d.x + d.r, y1: d.y + d.r, dot: { id: d.id, x: d.x, y: d.y, r: d.r } });
  const placed: PlacedLabel[] = [];
  const sorted = [...candidates].sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
  const inBounds = (b: Box) => b.x0 >= bounds.x0 && b.y0 >= bounds.y0 && b.x1 <= bounds.x1 && b.y1 <= bounds.y1;
  for (const c of sorted) {
    if (!c.text) continue;
    const w = measure(c.text);
    const h = fs;
    const boxAt = (x: number, y: number): Box => ({ x0: x - pad, y0: y - h * 0.85 - pad, x1: x + w + pad, y1: y + h * 0.25 + pad });
    // Free of labels and of other dots; `clearance`: how far other dots must stay from the box.
    const free = (box: Box, clearance: number) => {
      if (!inBounds(box) || taken.some(box, (t) => overlaps(t, box))) return false;
      const near = { x0: box.x0 - clearance, y0: box.y0 - clearance, x1: box.x1 + clearance, y1: box.y1 + clearance };
      return !dots.some(near, (d) => d.dot.id !== c.id && pointBoxDistance(d.dot.x, d.dot.y, box) - d.dot.r < clearance);
    };
    const accept = (x: number, y: number, box: Box, leader?: PlacedLabel["leader"]) => {
      taken.add(box);
      placed.push({ id: c.id, text: c.text, x, y, box, ...(leader ? { leader } : {}) });
    };
    // Beside the dot: no other dot may be as close to the label as its own (gap + padding away).
    const own = gap + pad + 0.5;
    const beside = [
      { x: c.x + c.r + gap, y: c.y + h * 0.35 },
      { x: c.x - c.r - gap - w, y: c.y + h * 0.35 },
      { x: c.x - w / 2, y: c.y - c.r - gap },
      { x: c.x - w / 2, y: c.y + c.r + gap + h * 0.8 },
    ];
    const spot = beside.find((s) => free(boxAt(s.x, s.y), own));
    if (spot) {
      accept(spot.x, spot.y, boxAt(spot.x, spot.y));
      continue;
    }
    // Further out, with a leader line from the dot's rim to the label's nearest corner or side.
    let done = false;
    for (const dist of [16, 30, 46, 64, 84]) {
      for (const [ux, uy] of DIRECTIONS) {
        const px = c.x + ux * (c.r + dist),
          py = c.y + uy * (c.r + dist);
        // The label hangs off the point on the side facing away from the dot.
        const x = ux > 0.3 ? px : ux < -0.3 ? px - w : px - w / 2;
        const y = uy > 0.3 ? py + h * 0.85 : uy < -0.3 ? py - h * 0.25 : py + h * 0.35;
        const box = boxAt(x, y);
        // Far out, a label keeps well clear of other dots, or it would read as theirs.
        if (!free(box, dist >= 46 ? 10 : 3)) continue;
        // The leader itself crosses no other dot.
        const ex = Math.min(Math.max(c.x, box.x0), box.x1),
          ey = Math.min(Math.max(c.y, box.y0), box.y1);
        const len = Math.hypot(ex - c.x, ey - c.y) || 1;
        const leader = { x1: c.x + ((ex - c.x) / len) * c.r, y1: c.y + ((ey - c.y) / len) * c.r, x2: ex, y2: ey };
        const span = {
          x0: Math.min(leader.x1, ex),
          y0: Math.min(leader.y1, ey),
          x1: Math.max(leader.x1, ex),
          y1: Math.max(leader.y1, ey),
        };
        if (dots.some(span, (d) => d.dot.id !== c.id && segmentDistance(d.dot, leader) < d.dot.r + 1)) continue;
        accept(x, y, box, leader);
        done = true;
        break;
      }
      if (done) break;
    }
  }
  return placed;
}

const DIAG = Math.SQRT1_2;
const DIRECTIONS: [number, number][] = [
  [1, 0],
  [-1, 0],
  [DIAG, -DIAG],
  [-DIAG, -DIAG],
  [DIAG, DIAG],
  [-DIAG, DIAG],
  [0, -1],
  [0, 1],
];

function segmentDistance(p: { x: number; y: number }, s: { x1: number; y1: number; x2: number; y2: number }): number {
  const dx = s.x2 - s.x1,
    dy = s.y2 - s.y1;
  const l2 = dx * dx + dy * dy || 1;
  const t = Math.max(0, Math.min(1, ((p.x - s.x1) * dx + (p.y - s.y1) * dy) / l2));
  return Math.hypot(p.x - (s.x1 + t * dx), p.y - (s.y1 + t * dy));
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
  ctx.strokeStyle = options.color;
  ctx.lineWidth = 0.8 * s;
  for (const l of labels) {
    if (!l.leader) continue;
    ctx.beginPath();
    ctx.moveTo(l.leader.x1 * s, l.leader.y1 * s);
    ctx.lineTo(l.leader.x2 * s, l.leader.y2 * s);
    ctx.stroke();
  }
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
export const LABEL_SIZE = SCREEN_LABEL_SIZE;
