// The PNG export: composes the captured map layers (drawn by the renderer at the target pixel size)
// with the title, caption, legend and footer of an ExportLayout, drawn with the Canvas 2D API at the
// pixel ratio — text and lines are rasterised at full resolution, never an enlarged bitmap.
import { EXPORT_FONT_FAMILY, type ExportLayout, type MeasureText, type TextRun } from "./exportLayout";
import type { ExportTheme } from "./exportTheme";

export interface ComposeOptions {
  /** Image pixels per layout px. */
  pixelRatio: number;
  theme: ExportTheme;
}

/** The largest canvas this browser draws: per side and in total pixels. */
export interface CanvasLimits {
  maxSide: number;
  maxArea: number;
}

/** Chromium's caps for GPU-backed canvases here (8192 px a side); WebGL limits may lower them further. */
export const DEFAULT_CANVAS_LIMITS: CanvasLimits = { maxSide: 8192, maxArea: 8192 * 8192 };

/** Why a requested image cannot be drawn in one piece, or null when it can. */
export function sizeProblem(width: number, height: number, limits: CanvasLimits = DEFAULT_CANVAS_LIMITS): string | null {
  const w = Math.round(width),
    h = Math.round(height);
  if (!(w >= 1 && h >= 1)) return `The image size ${w} × ${h} px is empty.`;
  if (Math.max(w, h) > limits.maxSide || w * h > limits.maxArea) {
    return `${w} × ${h} px is larger than this browser can draw (at most ${limits.maxSide} px a side${limits.maxArea < limits.maxSide * limits.maxSide ? ` and ${(limits.maxArea / 1e6).toFixed(0)} million pixels` : ""}). Choose a lower resolution, or Export SVG to print at any size.`;
  }
  return null;
}

export function fontOf(size: number, weight: number): string {
  return `${weight} ${size}px ${EXPORT_FONT_FAMILY}`;
}

/** A text measure backed by a scratch 2D canvas (same fonts as the drawing). */
export function canvasMeasure(): MeasureText {
  const ctx = document.createElement("canvas").getContext("2d");
  if (!ctx) return (t, s, w) => t.length * s * (w >= 600 ? 0.6 : 0.56);
  return (text, size, weight) => {
    ctx.font = fontOf(size, weight);
    return ctx.measureText(text).width;
  };
}

function colourFor(t: TextRun, theme: ExportTheme): string {
  return t.role === "title" || t.role === "legend" || t.role === "legend-heading" ? theme.ink : theme.muted;
}

export function composeImage(layers: CanvasImageSource[], layout: ExportLayout, options: ComposeOptions): HTMLCanvasElement {
  const r = options.pixelRatio;
  const { theme } = options;
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(layout.width * r);
  canvas.height = Math.round(layout.height * r);
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error(`exportImage.composeImage: no 2D context for ${canvas.width} × ${canvas.height} px`);
  if (theme.page) {
    ctx.fillStyle = theme.page;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
  }
  const { map, legend } = layout.boxes;
  const mx = Math.round(map.x * r),
    my = Math.round(map.y * r),
    mw = Math.round(map.width * r),
    mh = Math.round(map.height * r);
  if (theme.water) {
    ctx.fillStyle = theme.water;
    ctx.fillRect(mx, my, mw, mh);
  }
  ctx.save();
  ctx.beginPath();
  ctx.rect(mx, my, mw, mh);
  ctx.clip();
  for (const layer of layers) ctx.drawImage(layer, mx, my);
  ctx.restore();

  ctx.setTransform(r, 0, 0, r, 0, 0);
  if (theme.panel) {
    ctx.fillStyle = theme.panel;
    ctx.fillRect(legend.x, legend.y, legend.width, legend.height);
  }
  ctx.strokeStyle = theme.panelBorder;
  ctx.lineWidth = 1;
  ctx.strokeRect(legend.x + 0.5, legend.y + 0.5, legend.width - 1, legend.height - 1);
  for (const mk of layout.marks) {
    if (mk.type === "dot") {
      ctx.fillStyle = mk.colour;
      ctx.beginPath();
      ctx.arc(mk.cx, mk.cy, mk.r, 0, Math.PI * 2);
      ctx.fill();
    } else {
      ctx.strokeStyle = mk.colour || theme.ink;
      ctx.lineWidth = mk.thickness;
      ctx.lineCap = "butt";
      ctx.beginPath();
      ctx.moveTo(mk.x1, mk.y);
      ctx.lineTo(mk.x2, mk.y);
      ctx.stroke();
    }
  }
  ctx.textBaseline = "alphabetic";
  ctx.textAlign = "left";
  for (const t of layout.texts) {
    ctx.font = fontOf(t.size, t.weight);
    if (theme.textHalo) {
      ctx.strokeStyle = theme.textHalo;
      ctx.lineWidth = Math.max(2, t.size * 0.22);
      ctx.lineJoin = "round";
      ctx.strokeText(t.text, t.x, t.y);
    }
    ctx.fillStyle = colourFor(t, theme);
    ctx.fillText(t.text, t.x, t.y);
  }
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  return canvas;
}

export function canvasToBlob(canvas: HTMLCanvasElement, type = "image/png"): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) =>
        blob
          ? resolve(blob)
          : reject(new Error(`exportImage.canvasToBlob: the browser returned no ${type} for ${canvas.width} × ${canvas.height} px`)),
      type,
    ),
  );
}
