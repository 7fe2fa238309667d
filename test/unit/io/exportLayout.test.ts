import { describe, expect, it } from "vitest";
import {
  boxesOverlap,
  estimateText,
  labelScaleFor,
  layoutExport,
  pxPerPoint,
  sourcesText,
  wrapText,
  type Box,
} from "../../../src/io/exportLayout";
import type { ExportSpec } from "../../../src/io/exportSpec";

const spec = (patch: Partial<ExportSpec> = {}): ExportSpec => ({
  title: "China's used-car exports, 2024",
  caption: ["2024 · used-car exports, vehicles · 96 flows shown", "Filters: none (every flow of the year)"],
  legend: {
    widthTitle: "Flow width (vehicles, square-root scale)",
    widths: [
      { value: 400_000, label: "400k vehicles", width: 14 },
      { value: 200_000, label: "200k vehicles", width: 10 },
      { value: 40_000, label: "40k vehicles", width: 4 },
    ],
    kinds: ["Origin (province / city)", "Exit point (port / crossing)", "Transit country / hub", "Final market"].map((label) => ({
      label,
      colour: "#c0392b",
    })),
    lanes: ["Inside China", "Central Asia", "Middle East", "Latin America", "Caucasus", "Other"].map((label) => ({
      label,
      colour: "#d4ac0d",
    })),
    basis: [
      { label: "Reported or derived figure", colour: "#d4ac0d" },
      { label: "Modelled estimate (lighter)", colour: "#eedd99" },
    ],
  },
  sources: Array.from({ length: 40 }, (_, i) => `Publisher number ${i + 1}`),
  caveat: "Caveat: an estimated ~90% of 2024's used-car exports were zero-mileage new cars.",
  exported: "Exported 28 Nov 2026 with Reroute",
  fileBase: "x",
  ...patch,
});

const inside = (inner: Box, outer: { width: number; height: number }) =>
  inner.x >= 0 && inner.y >= 0 && inner.x + inner.width <= outer.width + 1e-6 && inner.y + inner.height <= outer.height + 1e-6;

describe("layoutExport(spec, size) places header, map, legend and footer", () => {
  for (const size of [
    { width: 1920, height: 1080 },
    { width: 1280, height: 740 },
    { width: 1754, height: 1240 },
    { width: 800, height: 600 },
  ]) {
    it(`keeps the four boxes apart and inside ${size.width}×${size.height}`, () => {
      const layout = layoutExport(spec(), size, estimateText);
      const { header, map, legend, footer } = layout.boxes;
      const boxes = [header, map, legend, footer];
      for (const b of boxes) expect(inside(b, size), JSON.stringify(b)).toBe(true);
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) expect(boxesOverlap(boxes[i]!, boxes[j]!), `${i} vs ${j}`).toBe(false);
      // The map keeps most of the picture.
      expect(map.width * map.height).toBeGreaterThan(0.35 * size.width * size.height);
    });
  }

  it("keeps every text run inside its box and the width of the page", () => {
    const layout = layoutExport(spec(), { width: 1920, height: 1080 }, estimateText);
    const boxOf = {
      title: "header",
      caption: "header",
      "legend-heading": "legend",
      legend: "legend",
      sources: "footer",
      caveat: "footer",
      exported: "footer",
    } as const;
    for (const t of layout.texts) {
      const b = layout.boxes[boxOf[t.role]];
      expect(t.x).toBeGreaterThanOrEqual(b.x - 1e-6);
      expect(t.x + estimateText(t.text, t.size, t.weight)).toBeLessThanOrEqual(b.x + b.width + 1e-6);
      expect(t.y).toBeGreaterThan(b.y);
      expect(t.y).toBeLessThanOrEqual(b.y + b.height + 1e-6);
    }
  });

  it("draws one legend line per width entry, with the scale's widths", () => {
    const layout = layoutExport(spec(), { width: 1920, height: 1080 }, estimateText);
    const samples = layout.marks.filter((m) => m.type === "line" && m.colour === "");
    expect(samples.map((m) => (m.type === "line" ? m.thickness : 0))).toEqual([14, 10, 4]);
    const labels = layout.texts.filter((t) => t.role === "legend").map((t) => t.text);
    expect(labels.slice(0, 3)).toEqual(["400k vehicles", "200k vehicles", "40k vehicles"]);
    expect(layout.marks.filter((m) => m.type === "dot")).toHaveLength(4);
  });

  it("wraps long sources onto at most four lines, ending with an ellipsis when even the smallest size does not fit", () => {
    const many = spec({ sources: Array.from({ length: 200 }, (_, i) => `A rather long publisher name ${i}`) });
    const layout = layoutExport(many, { width: 1920, height: 1080 }, estimateText);
    const lines = layout.texts.filter((t) => t.role === "sources");
    expect(lines.length).toBe(4);
    expect(lines[3]!.text.endsWith("…")).toBe(true);
    const few = layoutExport(spec({ sources: ["Reuters", "Xinhua"] }), { width: 1920, height: 1080 }, estimateText);
    expect(few.texts.filter((t) => t.role === "sources").map((t) => t.text)).toEqual(["Sources: Reuters; Xinhua."]);
  });

  it("scales type with the page: a 3840-wide layout has bigger text than a 1280-wide one", () => {
    const big = layoutExport(spec(), { width: 3000, height: 1700 }, estimateText);
    const small = layoutExport(spec(), { width: 1280, height: 720 }, estimateText);
    const title = (l: typeof big) => l.texts.find((t) => t.role === "title")!.size;
    expect(title(big)).toBeGreaterThan(title(small) * 2);
  });

  it("shrinks the legend to fit a short page", () => {
    const layout = layoutExport(spec(), { width: 1400, height: 500 }, estimateText);
    const { legend, footer } = layout.boxes;
    expect(legend.y + legend.height).toBeLessThanOrEqual(footer.y);
  });
});

describe("wrapText and sourcesText", () => {
  const m = (t: string) => t.length * 10;
  it("wraps by words and cuts words longer than a line", () => {
    expect(wrapText("aa bb cc", 50, m)).toEqual(["aa bb", "cc"]);
    expect(wrapText("abcdefghij", 40, m)).toEqual(["abcd", "efgh", "ij"]);
  });
  it("ends a cut text with an ellipsis", () => {
    expect(wrapText("aa bb cc dd", 50, m, 1)).toEqual(["aa …"]);
  });
  it("writes the sources sentence", () => {
    expect(sourcesText([])).toBe("Sources: none for the flows shown.");
    expect(sourcesText(["A", "B"])).toBe("Sources: A; B.");
  });
});

describe("type in print and labels in a frame", () => {
  it("converts layout px to points from the paper's width: 1754 px across A4's 297 mm is 2.08 px a point", () => {
    // 297 mm = 11.693 in = 841.9 pt.
    expect(pxPerPoint(1754, 297)).toBeCloseTo(1754 / 841.89, 3);
  });

  it("keeps every text of a print layout at or above its smallest size, sources included", () => {
    const minText = 7.5 * pxPerPoint(1754, 297);
    const l = layoutExport(spec(), { width: 1754, height: 1240, minText });
    for (const t of l.texts) expect(t.size, `${t.role}: ${t.text}`).toBeGreaterThanOrEqual(minText - 1e-9);
    // Forty publishers still all named (six lines in print, no ellipsis).
    const sources = l.texts.filter((t) => t.role === "sources").map((t) => t.text);
    expect(sources.join(" ")).toContain("Publisher number 40.");
    // Without a print minimum the same page sets its footer smaller.
    const screen = layoutExport(spec(), { width: 1754, height: 1240 });
    expect(Math.min(...screen.texts.map((t) => t.size))).toBeLessThan(minText);
  });

  it("scales place labels with the frame's type scale, never under a print minimum", () => {
    expect(labelScaleFor({ scale: 1 })).toBe(1);
    expect(labelScaleFor({ scale: 0.72 })).toBeCloseTo(0.72, 9);
    // A4: 7.5 pt = 15.6 layout px, more than 12 × 0.91.
    expect(labelScaleFor({ scale: 0.91 }, 15.6) * 12).toBeCloseTo(15.6, 9);
  });
});
