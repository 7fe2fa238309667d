// Which Sankey nodes get a name, and how much of it: in a narrow panel the columns stand ~90 px apart and
// the small nodes of a column sit a few pixels apart, so every name written in full overlaps its
// neighbours. A name is written beside its node only where it clears every name already written (bigger
// places first), and cut (with "…") to the room between its node and the next column; the full name stays in
// the node's tooltip and in the list of chains.

/** A laid-out node: its column and box (SVG px, y down). */
export interface SankeyNodeBox {
  key: string;
  name: string;
  column: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export interface SankeyLabel {
  key: string;
  text: string;
  x: number;
  y: number;
  anchor: "start" | "end";
}

export interface SankeyLabelOptions {
  /** The chart's width (labels of the right half are written to the left of their node). */
  width: number;
  fontSize: number;
  /** Average advance of a character, in ems (DejaVu Sans / system-ui: ~0.6). */
  charWidth?: number;
}

/** The labels to draw, at most one per node, none overlapping another. */
export function sankeyLabels(nodes: readonly SankeyNodeBox[], options: SankeyLabelOptions): SankeyLabel[] {
  const { width, fontSize } = options;
  const em = (options.charWidth ?? 0.6) * fontSize;
  const lineHeight = fontSize * 1.2;
  // Each column's left and right edges, to know the room beside a node.
  const edges = new Map<number, { x0: number; x1: number }>();
  for (const n of nodes) {
    const e = edges.get(n.column);
    edges.set(n.column, e ? { x0: Math.min(e.x0, n.x0), x1: Math.max(e.x1, n.x1) } : { x0: n.x0, x1: n.x1 });
  }
  const columns = [...edges.keys()].sort((a, b) => a - b);
  const candidates: (SankeyLabel & { box: Box; size: number; order: number })[] = [];
  for (const [at, column] of columns.entries()) {
    const own = edges.get(column)!;
    const leftHalf = own.x0 < width / 2;
    // Room: from the node to the next column (left half), or from the previous column to the node (right half).
    const room = leftHalf
      ? (at + 1 < columns.length ? edges.get(columns[at + 1]!)!.x0 - 3 : width) - (own.x1 + 4)
      : own.x0 - 4 - (at > 0 ? edges.get(columns[at - 1]!)!.x1 + 3 : 0);
    for (const n of nodes) {
      if (n.column !== column) continue;
      const text = fit(n.name, room, em);
      if (!text) continue;
      const y = (n.y0 + n.y1) / 2;
      const x = leftHalf ? n.x1 + 4 : n.x0 - 4;
      const w = text.length * em;
      const box = { x0: leftHalf ? x : x - w, x1: leftHalf ? x + w : x, y0: y - lineHeight / 2, y1: y + lineHeight / 2 };
      candidates.push({ key: n.key, text, x, y, anchor: leftHalf ? "start" : "end", box, size: n.y1 - n.y0, order: y });
    }
  }
  // The biggest places first (then top to bottom); a name is written only where it overlaps no name written
  // before it, in its own column or in a neighbour's writing into the same gap.
  candidates.sort((a, b) => b.size - a.size || a.order - b.order);
  const out: SankeyLabel[] = [];
  const taken: Box[] = [];
  for (const { box, size: _size, order: _order, ...label } of candidates) {
    if (taken.some((t) => t.x0 < box.x1 && box.x0 < t.x1 && t.y0 < box.y1 && box.y0 < t.y1)) continue;
    taken.push(box);
    out.push(label);
  }
  return out;
}

interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** The name, or as much of it as fits with "…" (at least three characters), or "" when not even that fits. */
export function fit(name: string, room: number, em: number): string {
  const chars = Math.floor(room / em);
  if (name.length <= chars) return name;
  if (chars < 4) return "";
  return `${name.slice(0, chars - 1).trimEnd()}…`;
}
