// The border inset on screen: its own canvas above the labels, repainted with them, and what it drew (for
// picking: a pointer over the inset picks the place drawn there, never a flow underneath).
import type Sigma from "sigma";
import { regionGraphBox } from "../state/borderInset";
import { drawnGeometry } from "./drawnGeometry";
import { drawInset, INSET_THEME_LIGHT, layoutInset, type DrawnInset } from "./insetDraw";
import { fitCanvas } from "./labelLayer";
import type { BackdropStyle } from "./worldBackdrop";

export interface InsetLayer {
  paint(on: boolean, backdrop: BackdropStyle | null): void;
  drawn(): DrawnInset | null;
  /** Whether a viewport point lies on the inset (frame and title included). */
  covers(x: number, y: number): boolean;
}

export function createInsetLayer(sigma: Sigma): InsetLayer {
  const canvas = sigma.createCanvas("borderInset", { beforeLayer: "hovers" });
  const ctx = canvas.getContext("2d");
  const region = regionGraphBox();
  let drawn: DrawnInset | null = null;
  return {
    paint(on, backdrop) {
      if (!ctx) return;
      const { width, height } = sigma.getDimensions();
      const ratio = window.devicePixelRatio || 1;
      fitCanvas(canvas, width, height, ratio);
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      drawn = null;
      if (!on) return;
      const geometry = drawnGeometry(sigma, width, height, null, false);
      const layout = layoutInset(geometry, region);
      if (layout) drawn = drawInset(ctx, geometry, layout, ratio, { ...INSET_THEME_LIGHT, backdrop });
    },
    drawn: () => drawn,
    covers(x, y) {
      const b = drawn?.layout.box;
      return !!b && x >= b.x0 && x <= b.x1 && y >= b.y0 - 18 && y <= b.y1;
    },
  };
}

/** The nearest place whose disc (at least `minR` px) holds the point; null when none does. */
export function nearestPlace(
  places: readonly { id: string; x: number; y: number; r: number }[],
  x: number,
  y: number,
  minR = 6,
): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  for (const p of places) {
    const d = Math.hypot(p.x - x, p.y - y);
    if (d <= Math.max(p.r, minR) + 1 && d < bestD) [best, bestD] = [p.id, d];
  }
  return best;
}
