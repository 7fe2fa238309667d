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

/** Radii (CSS px) of the two rings drawn round a cluster of drawn radius r: it reads as places stacked. */
export function clusterRingRadii(r: number): [number, number] {
  return [r + 2, r + 4.5];
}

/** Clusters of nearby places (state/clusterScene): two rings round the disc, the outer one fainter. */
export function drawClusterRings(
  ctx: CanvasRenderingContext2D,
  nodes: { x: number; y: number; r: number }[],
  pixelRatio: number,
  colour: string,
): void {
  if (!nodes.length) return;
  ctx.save();
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  ctx.strokeStyle = colour;
  for (const n of nodes) {
    const [inner, outer] = clusterRingRadii(n.r);
    ctx.globalAlpha = 1;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.arc(n.x, n.y, inner, 0, 2 * Math.PI);
    ctx.stroke();
    ctx.globalAlpha = 0.55;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.arc(n.x, n.y, outer, 0, 2 * Math.PI);
    ctx.stroke();
  }
  ctx.restore();
}
