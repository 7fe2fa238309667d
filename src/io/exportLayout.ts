// Where everything goes on an exported image: header (title, caption), map, legend column, footer
// (sources, caveat, date). Pure: text is measured by a function handed in (canvas measureText in the
// browser, an estimate in tests). Units are layout px; the PNG multiplies them by its pixel ratio.
import type { ExportSpec } from "./exportSpec";
import { SCREEN_LABEL_SIZE } from "../state/drawnGeometry";

export const EXPORT_FONT_FAMILY = "system-ui, 'DejaVu Sans', Arial, sans-serif";

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type TextRole = "title" | "caption" | "legend-heading" | "legend" | "sources" | "caveat" | "exported";

export interface TextRun {
  role: TextRole;
  text: string;
  /** Left edge and alphabetic baseline. */
  x: number;
  y: number;
  size: number;
  weight: number;
}

export type LegendMark =
  | { type: "line"; x1: number; x2: number; y: number; thickness: number; colour: string }
  | { type: "dot"; cx: number; cy: number; r: number; colour: string };

export interface ExportLayout {
  width: number;
  height: number;
  /** Type scale relative to a 1920×1080 slide. */
  scale: number;
  boxes: { header: Box; map: Box; legend: Box; footer: Box };
  texts: TextRun[];
  marks: LegendMark[];
}

/** Width in layout px of `text` set at `size` px and `weight`. */
export type MeasureText = (text: string, size: number, weight: number) => number;

/** A rough measure for tests and Node: average glyph 0.56 em (0.6 em bold). */
export const estimateText: MeasureText = (text, size, weight) => text.length * size * (weight >= 600 ? 0.6 : 0.56);

/** Greedy word wrap; a word longer than the line is cut. At most `maxLines`; the last line ends with "…" when cut short. */
export function wrapText(text: string, maxWidth: number, measure: (t: string) => number, maxLines = Infinity): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate) <= maxWidth || !line) {
      line = candidate;
      // A single word wider than the line: cut it by characters.
      while (measure(line) > maxWidth && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && measure(line.slice(0, cut)) > maxWidth) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    } else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = `${kept[maxLines - 1]} …`;
  while (measure(last) > maxWidth && last.length > 2) last = `${last.slice(0, -3).trimEnd()} …`;
  kept[maxLines - 1] = last;
  return kept;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The text of the sources line: "Sources: A; B; C." */
export function sourcesText(sources: string[]): string {
  return sources.length ? `Sources: ${sources.join("; ")}.` : "Sources: none for the flows shown.";
}

/** The smallest type in print: place labels, legend and footer stay at or above it. */
export const MIN_PRINT_PT = 7.5;

/** Layout px per typographic point (1/72 in) when `widthPx` layout px print `widthMm` wide. */
export function pxPerPoint(widthPx: number, widthMm: number): number {
  return widthPx / ((widthMm / 25.4) * 72);
}

/** Size of an export in layout px; `minText` (print sizes): no text smaller than this many layout px. */
export interface LayoutSize {
  width: number;
  height: number;
  minText?: number;
}

/**
 * Place labels' size in an export, as a multiple of the screen's: with the frame's type scale (smaller in a
 * small frame, so they crowd no more than the map), and never under `minText` (print).
 */
export function labelScaleFor(layout: Pick<ExportLayout, "scale">, minText = 0): number {
  return Math.max(SCREEN_LABEL_SIZE * layout.scale, minText) / SCREEN_LABEL_SIZE;
}

export function layoutExport(spec: ExportSpec, size: LayoutSize, measure: MeasureText = estimateText): ExportLayout {
  const W = size.width;
  const H = size.height;
  const minText = size.minText ?? 0;
  // Not below 0.72: under it, 15 px legend text would drop under 11 px, too small to read on a slide. In
  // print, large enough that the footer's 13 px is at least `minText`.
  const s = Math.max(clamp(Math.min(W / 1920, H / 1080), 0.72, 1.6), minText / 13);
  const m = Math.round(28 * s);
  const gap = Math.round(14 * s);
  const texts: TextRun[] = [];
  const marks: LegendMark[] = [];
  const innerW = W - 2 * m;

  // Header: title (bold, at most 2 lines), caption (at most 4 lines).
  const titleSize = 34 * s;
  const captionSize = 16 * s;
  let y = m;
  for (const line of wrapText(spec.title, innerW, (t) => measure(t, titleSize, 700), 2)) {
    y += titleSize * 1.15;
    texts.push({ role: "title", text: line, x: m, y: y - titleSize * 0.22, size: titleSize, weight: 700 });
  }
  y += 4 * s;
  for (const part of spec.caption) {
    for (const line of wrapText(part, innerW, (t) => measure(t, captionSize, 400), 2)) {
      y += captionSize * 1.35;
      texts.push({ role: "caption", text: line, x: m, y: y - captionSize * 0.3, size: captionSize, weight: 400 });
    }
  }
  const header: Box = { x: m, y: m, width: innerW, height: y - m };

  // Footer, bottom up: exported line, caveat, sources. Shrink the sources until they fit in 4 lines (6 in
  // print, where they cannot shrink under the smallest print size).
  const footerBase = 13 * s;
  const src = sourcesText(spec.sources);
  const maxSrcLines = minText > 0 ? 6 : 4;
  let srcSize = footerBase;
  let srcLines = wrapText(src, innerW, (t) => measure(t, srcSize, 400));
  while (srcLines.length > maxSrcLines && srcSize > footerBase * 0.75 && srcSize * 0.92 >= minText) {
    srcSize *= 0.92;
    srcLines = wrapText(src, innerW, (t) => measure(t, srcSize, 400));
  }
  if (srcLines.length > maxSrcLines) srcLines = wrapText(src, innerW, (t) => measure(t, srcSize, 400), maxSrcLines);
  const caveatLines = spec.caveat ? wrapText(spec.caveat, innerW, (t) => measure(t, footerBase, 400), 2) : [];
  const footerRows: { role: TextRole; text: string; size: number }[] = [
    ...srcLines.map((text) => ({ role: "sources" as const, text, size: srcSize })),
    ...caveatLines.map((text) => ({ role: "caveat" as const, text, size: footerBase })),
    { role: "exported", text: spec.exported, size: footerBase },
  ];
  const footerHeight = footerRows.reduce((h, r) => h + r.size * 1.35, 0);
  // The map box ends above room for the most source lines (4, or 6 in print) however many there are, so it keeps its size (and the
  // drawn widths their scale) from year to year; the footer's text sits at the bottom of that room.
  const reserved = footerHeight + Math.max(0, maxSrcLines - srcLines.length) * footerBase * 1.35;
  const footerTop = H - m - reserved;
  let fy = H - m - footerHeight;
  for (const r of footerRows) {
    fy += r.size * 1.35;
    texts.push({ role: r.role, text: r.text, x: m, y: fy - r.size * 0.3, size: r.size, weight: 400 });
  }
  const footer: Box = { x: m, y: footerTop, width: innerW, height: reserved };

  // Legend column on the right, between header and footer; its font shrinks until it fits.
  const top = header.y + header.height + gap;
  const available = footerTop - gap - top;
  const legendRows = (ls: number) => {
    const rows: {
      kind: "heading" | "width" | "dot" | "line";
      text: string;
      colour?: string;
      light?: string;
      thickness?: number;
      height: number;
    }[] = [];
    const head = (text: string) => rows.push({ kind: "heading", text, height: ls * 1.7 });
    head(spec.legend.widthTitle);
    if (spec.legend.widthNote)
      rows.push({ kind: "line", text: spec.legend.widthNote, colour: "transparent", thickness: 0, height: ls * 1.45 });
    if (spec.legend.widths.length === 0)
      rows.push({ kind: "line", text: "No flows shown", colour: "transparent", thickness: 0, height: ls * 1.45 });
    for (const w of spec.legend.widths)
      rows.push({ kind: "width", text: w.label, thickness: w.width, height: Math.max(ls * 1.45, w.width + 6 * s) });
    head("Places");
    for (const k of spec.legend.kinds) rows.push({ kind: "dot", text: k.label, colour: k.colour, height: ls * 1.45 });
    if (spec.legend.lanes.length) head("Lanes");
    for (const l of spec.legend.lanes)
      rows.push({ kind: "line", text: l.label, colour: l.colour, light: l.light, thickness: 5, height: ls * 1.45 });
    head("Basis");
    for (const b of spec.legend.basis) rows.push({ kind: "line", text: b.label, colour: b.colour, thickness: 5, height: ls * 1.45 });
    return rows;
  };
  const sample = 46 * s;
  const pad = 12 * s;
  let ls = 15 * s;
  let rows = legendRows(ls);
  const contentHeight = () => rows.reduce((h, r) => h + r.height, 0) + 2 * pad;
  while (contentHeight() > available && ls > 7 * s && ls * 0.92 >= minText) {
    ls *= 0.92;
    rows = legendRows(ls);
  }
  const textWidth = Math.max(...rows.map((r) => measure(r.text, ls, r.kind === "heading" ? 700 : 400)));
  // At least 22% of the frame whatever the legend says, so the map box (and with it the drawn widths) stays
  // the same from year to year and view to view.
  const legendWidth = Math.min(W * 0.32, Math.max(200 * s, W * 0.22, textWidth + sample + 10 * s + 2 * pad));
  const legend: Box = { x: W - m - legendWidth, y: top, width: legendWidth, height: Math.min(available, contentHeight()) };
  let ly = legend.y + pad;
  const labelMax = legendWidth - 2 * pad;
  const fit = (text: string, weight: number, max: number) => wrapText(text, max, (t) => measure(t, ls, weight), 1)[0] ?? "";
  for (const r of rows) {
    const mid = ly + r.height / 2;
    const baseline = mid + ls * 0.35;
    if (r.kind === "heading") {
      texts.push({
        role: "legend-heading",
        text: fit(r.text, 700, labelMax),
        x: legend.x + pad,
        y: ly + r.height - ls * 0.45,
        size: ls,
        weight: 700,
      });
    } else {
      const tx = legend.x + pad + sample + 10 * s;
      if (r.kind === "dot") marks.push({ type: "dot", cx: legend.x + pad + sample / 2, cy: mid, r: 6 * s, colour: r.colour ?? "#999" });
      else if (r.kind === "width")
        marks.push({ type: "line", x1: legend.x + pad, x2: legend.x + pad + sample, y: mid, thickness: r.thickness ?? 1, colour: "" });
      else if ((r.thickness ?? 0) > 0) {
        // A lane drawn in both shades: full colour on the left half, the lighter modelled shade on the right.
        const split = r.light ? legend.x + pad + sample / 2 : legend.x + pad + sample;
        marks.push({ type: "line", x1: legend.x + pad, x2: split, y: mid, thickness: (r.thickness ?? 4) * s, colour: r.colour ?? "#999" });
        if (r.light)
          marks.push({ type: "line", x1: split, x2: legend.x + pad + sample, y: mid, thickness: (r.thickness ?? 4) * s, colour: r.light });
      }
      texts.push({
        role: "legend",
        text: fit(r.text, 400, legend.x + legendWidth - pad - tx),
        x: r.kind === "line" && !r.thickness ? legend.x + pad : tx,
        y: baseline,
        size: ls,
        weight: 400,
      });
    }
    ly += r.height;
  }

  const map: Box = { x: m, y: top, width: Math.max(1, legend.x - gap - m), height: Math.max(1, available) };
  return { width: W, height: H, scale: s, boxes: { header, map, legend, footer }, texts, marks };
}

export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
