// The aggregate glyph: a square frame around the node, so "Other destinations" never reads as a place.
export const GLYPH_COLOUR = { light: "#34495e", dark: "#c8d0d8" } as const;

/** Half the side of the glyph's square for a node of drawn radius r (CSS px). */
export function glyphHalfSide(r: number): number {
  return r + 3;
}

export function drawAggregateGlyphs(
  ctx: CanvasRenderingContext2D,
  nodes: { x: number; y: number; r: number }[],
  pixelRatio: number,
  colour: string,
): void {
  if (!nodes.length) return;
  ctx.save();
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  ctx.strokeStyle = colour;
  ctx.lineWidth = 1.5;
  for (const n of nodes) {
    const h = glyphHalfSide(n.r);
    ctx.strokeRect(n.x - h, n.y - h, 2 * h, 2 * h);
  }
  ctx.restore();
}
