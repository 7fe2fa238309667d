// Node positions per layout, in graph coordinates. Geographic: projected lat/lon.
// Places without coordinates (imported data) fall back to the chain layout's column for their kind.
import type { Flow, Place } from "../domain/types";
import { PLACE_KINDS } from "../domain/types";
import { aggregatePanel } from "./aggregatePanel";
import { projectLonLat } from "./projection";

export type Positions = Map<string, { x: number; y: number }>;

export function geoPositions(places: Place[]): Positions {
  const out: Positions = new Map();
  for (const p of places) {
    if (p.lat === null || p.lon === null) continue;
    const xy = projectLonLat(p.lon, p.lat);
    if (xy) out.set(p.id, xy);
  }
  return out;
}

/** Extent of a set of positions, padded, for a fixed camera frame. */
export function extentOf(positions: Positions, pad = 0.05): { x: [number, number]; y: [number, number] } | null {
  let x0 = Infinity,
    x1 = -Infinity,
    y0 = Infinity,
    y1 = -Infinity;
  for (const { x, y } of positions.values()) {
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x);
    y0 = Math.min(y0, y);
    y1 = Math.max(y1, y);
  }
  if (!Number.isFinite(x0)) return null;
  const dx = (x1 - x0 || 1) * pad,
    dy = (y1 - y0 || 1) * pad;
  return { x: [x0 - dx, x1 + dx], y: [y0 - dy, y1 + dy] };
}

/**
 * Layered layout: one column per place kind (origin → exit → transit → market), places ordered inside a
 * column by the barycentre of their neighbours in the previous column (a few sweeps), which reduces crossings.
 */
export function chainPositions(places: Place[], flows: Flow[], width = 600, height = 400): Positions {
  const columns = PLACE_KINDS.map((kind) => places.filter((p) => p.kind === kind).map((p) => p.id));
  const neighbours = new Map<string, Map<string, number>>();
  const link = (a: string, b: string, w: number) => {
    let m = neighbours.get(a);
    if (!m) neighbours.set(a, (m = new Map()));
    m.set(b, (m.get(b) ?? 0) + w);
  };
  for (const f of flows) {
    link(f.from, f.to, f.volume || 1);
    link(f.to, f.from, f.volume || 1);
  }
  const rank = new Map<string, number>();
  columns.forEach((col) => col.forEach((id, i) => rank.set(id, i / Math.max(1, col.length - 1))));
  const sweep = (order: number[]) => {
    for (const c of order) {
      const col = columns[c];
      if (!col) continue;
      const bary = new Map<string, number>();
      for (const id of col) {
        let sum = 0,
          weight = 0;
        for (const [other, w] of neighbours.get(id) ?? []) {
          const r = rank.get(other);
          if (r === undefined) continue;
          sum += r * w;
          weight += w;
        }
        bary.set(id, weight > 0 ? sum / weight : (rank.get(id) ?? 0.5));
      }
      col.sort((a, b) => (bary.get(a) ?? 0) - (bary.get(b) ?? 0) || a.localeCompare(b));
      col.forEach((id, i) => rank.set(id, i / Math.max(1, col.length - 1)));
    }
  };
  for (let i = 0; i < 4; i++) {
    sweep([1, 2, 3]);
    sweep([2, 1, 0]);
  }
  transposeColumns(columns, flows);
  const out: Positions = new Map();
  columns.forEach((col, c) => {
    const x = (c / (PLACE_KINDS.length - 1)) * width - width / 2;
    col.forEach((id, i) => {
      const y = col.length === 1 ? 0 : height / 2 - (i / (col.length - 1)) * height;
      out.set(id, { x, y });
    });
  });
  return out;
}

/**
 * Geographic positions. Aggregates without a location ("Other provinces", "Other destinations") are drawn
 * in a panel of their own over open ocean beside the places they trade with (aggregatePanel.ts); any other
 * place without coordinates is placed by the chain layout below the map.
 */
export function geoWithFallback(places: Place[], flows: Flow[]): Positions {
  const geo = geoPositions(places);
  const placed = new Map(geo);
  const panel = aggregatePanel(places, flows, geo);
  if (panel) for (const [id, q] of panel.positions) placed.set(id, q);
  // Places without coordinates (and aggregates the panel could not hold) go below the map.
  const rest = places.filter((p) => !placed.has(p.id));
  if (!rest.length) return placed;
  const ext = extentOf(geo) ?? { x: [-300, 300], y: [-150, 150] };
  const chain = chainPositions(rest, flows, ext.x[1] - ext.x[0], (ext.y[1] - ext.y[0]) * 0.3);
  const yOffset = ext.y[0] - (ext.y[1] - ext.y[0]) * 0.25;
  for (const [id, q] of chain) placed.set(id, { x: q.x + (ext.x[0] + ext.x[1]) / 2, y: q.y + yOffset });
  return placed;
}

/**
 * Greedy transposition after the barycentre sweeps (Gansner et al. 1993, "A technique for drawing
 * directed graphs", §3): swap neighbours inside a column while that removes crossings with the
 * adjacent columns. Counts distinct hops, not volumes.
 */
export function transposeColumns(columns: string[][], flows: readonly Pick<Flow, "from" | "to">[], maxPasses = 12): void {
  const colOf = new Map<string, number>();
  columns.forEach((col, c) => col.forEach((id) => colOf.set(id, c)));
  // Neighbours of each place in the column to its left (-1) and right (+1).
  const left = new Map<string, Set<string>>();
  const right = new Map<string, Set<string>>();
  const add = (m: Map<string, Set<string>>, a: string, b: string) => {
    let s = m.get(a);
    if (!s) m.set(a, (s = new Set()));
    s.add(b);
  };
  for (const f of flows) {
    const a = colOf.get(f.from),
      b = colOf.get(f.to);
    if (a === undefined || b === undefined) continue;
    if (b === a + 1) {
      add(right, f.from, f.to);
      add(left, f.to, f.from);
    } else if (a === b + 1) {
      add(left, f.from, f.to);
      add(right, f.to, f.from);
    }
  }
  const index = new Map<string, number>();
  const reindex = (col: string[]) => col.forEach((id, i) => index.set(id, i));
  columns.forEach(reindex);
  // Crossings between u's and v's hops to one side when u is above v.
  const pairCrossings = (u: string, v: string, side: Map<string, Set<string>>) => {
    let n = 0;
    for (const x of side.get(u) ?? []) for (const y of side.get(v) ?? []) if (index.get(x)! > index.get(y)!) n++;
    return n;
  };
  for (let pass = 0; pass < maxPasses; pass++) {
    let improved = false;
    for (const col of columns) {
      for (let i = 0; i + 1 < col.length; i++) {
        const u = col[i]!,
          v = col[i + 1]!;
        const now = pairCrossings(u, v, left) + pairCrossings(u, v, right);
        const swapped = pairCrossings(v, u, left) + pairCrossings(v, u, right);
        if (swapped < now) {
          col[i] = v;
          col[i + 1] = u;
          index.set(v, i);
          index.set(u, i + 1);
          improved = true;
        }
      }
    }
    if (!improved) break;
  }
}
