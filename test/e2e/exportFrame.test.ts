// What an export's frame does to its text, read back from the downloaded SVG: place labels scale with the
// frame ("Current view" smaller than a slide) and never overlap; on A4 the document says its paper size and
// no place label prints under 7 pt; with the border inset open the SVG carries the inset and its places.
import { readFileSync } from "node:fs";
import { DOMParser } from "@xmldom/xmldom";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { decodePng } from "./harness";
import { pagePerTest } from "./pagePerTest";

// One server and browser for the file, a page of its own for each test.
const the = pagePerTest({ width: 1280, height: 800 });

async function download(page: Page, button: string): Promise<Buffer> {
  const [file] = await Promise.all([
    page.waitForEvent("download", { timeout: 90_000 }),
    page.getByRole("button", { name: button, exact: true }).click(),
  ]);
  const data = readFileSync(await file.path());
  await page.waitForFunction(() => document.documentElement.dataset.exporting === "false");
  return data;
}

async function exportSvg(page: Page): Promise<Document> {
  const data = (await download(page, "Export SVG")).toString("utf8");
  return new DOMParser().parseFromString(data, "image/svg+xml") as unknown as Document;
}

interface Label {
  text: string;
  x: number;
  y: number;
  size: number;
}

/** The place labels of the map, with the font size they are set in (their group's). */
function mapLabels(doc: Document): Label[] {
  const group = doc.getElementById("labels")!;
  const size = Number(group.getAttribute("font-size"));
  return Array.from(group.getElementsByTagName("text")).map((t) => ({
    text: t.textContent ?? "",
    x: Number(t.getAttribute("x")),
    y: Number(t.getAttribute("y")),
    size,
  }));
}

/** Pairs of labels whose text boxes overlap, the widths measured in the page with the labels' font. */
async function overlaps(page: Page, labels: Label[]): Promise<string[]> {
  const widths = await page.evaluate(
    (ls) => {
      const ctx = document.createElement("canvas").getContext("2d")!;
      return ls.map((l) => {
        ctx.font = `500 ${l.size}px system-ui, 'DejaVu Sans', Arial, sans-serif`;
        return ctx.measureText(l.text).width;
      });
    },
    labels.map(({ text, size }) => ({ text, size })),
  );
  const boxes = labels.map((l, i) => ({ l, x0: l.x, x1: l.x + widths[i]!, y0: l.y - l.size * 0.8, y1: l.y + l.size * 0.2 }));
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!,
        b = boxes[j]!;
      if (a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1) out.push(`${a.l.text} × ${b.l.text}`);
    }
  return out;
}

/** Typographic points per SVG user unit when the document prints at the size it states. */
function pointsPerUnit(doc: Document): number {
  const svg = doc.documentElement;
  const width = svg.getAttribute("width")!;
  const units = Number(svg.getAttribute("viewBox")!.split(" ")[2]);
  const mm = /^([\d.]+)mm$/.exec(width);
  // Unitless SVG lengths are CSS px: 96 to the inch.
  const inches = mm ? Number(mm[1]) / 25.4 : Number(width) / 96;
  return (inches * 72) / units;
}

describe("Labels in an export's frame", () => {
  it("shrink with a frame smaller than a slide ('Current view') and never overlap", async () => {
    const { page } = the.app;
    const slide = mapLabels(await exportSvg(page));
    expect(slide.length).toBeGreaterThan(10);
    expect(slide[0]!.size).toBe(12);
    expect(await overlaps(page, slide)).toEqual([]);

    await page.getByLabel("Image size", { exact: true }).selectOption("view");
    const doc = await exportSvg(page);
    const graph = await page.locator("#graph").evaluate((g) => ({ w: g.clientWidth, h: g.clientHeight }));
    expect(Number(doc.documentElement.getAttribute("width"))).toBe(graph.w);
    const view = mapLabels(doc);
    expect(view.length).toBeGreaterThan(10);
    // The frame's type scale, as the title and legend have it (not below 0.72 of a slide's).
    const scale = Math.max(0.72, Math.min(graph.w / 1920, graph.h / 1080));
    expect(view[0]!.size).toBeCloseTo(12 * scale, 1);
    expect(view[0]!.size).toBeLessThan(12);
    expect(await overlaps(page, view)).toEqual([]);
  });

  it("on A4 state the paper size and set every place label at 7 pt or more, none overlapping", async () => {
    const { page } = the.app;
    await page.getByLabel("Image size", { exact: true }).selectOption("a4");
    const doc = await exportSvg(page);
    expect(doc.documentElement.getAttribute("width")).toBe("297mm");
    expect(doc.documentElement.getAttribute("height")).toBe("210mm");
    const labels = mapLabels(doc);
    expect(labels.length).toBeGreaterThan(10);
    const pt = pointsPerUnit(doc);
    for (const l of labels) expect(l.size * pt, l.text).toBeGreaterThanOrEqual(7);
    // The legend and footer print at 7 pt or more too.
    const texts = Array.from(doc.getElementsByTagName("text")).filter((t) =>
      ["legend", "legend-heading", "sources", "caveat", "exported", "caption"].includes(t.getAttribute("data-role") ?? ""),
    );
    expect(texts.length).toBeGreaterThan(10);
    for (const t of texts) expect(Number(t.getAttribute("font-size")) * pt, t.textContent ?? "").toBeGreaterThanOrEqual(7);
    expect(await overlaps(page, labels)).toEqual([]);
  });
});

describe("The border inset in an SVG export", () => {
  it("is carried with its places, flows and labels when open", async () => {
    const { page } = the.app;
    expect((await exportSvg(page)).getElementById("border-inset")).toBeNull();
    await page.getByRole("button", { name: "Border inset", exact: true }).click();
    await page.waitForFunction(() => window.reroute!.app.renderer.inset() !== null);
    const doc = await exportSvg(page);
    const inset = doc.getElementById("border-inset");
    expect(inset).not.toBeNull();
    expect(inset!.getAttribute("data-title")).toMatch(/^Xinjiang–Central Asia border \(×\d/);
    const places = Array.from(inset!.getElementsByTagName("circle")).map((c) => c.getAttribute("data-inset-place-id"));
    for (const id of ["horgos", "alashankou", "kg"]) expect(places).toContain(id);
    const labels = Array.from(inset!.getElementsByTagName("text"))
      .filter((t) => t.getAttribute("data-role") === "inset-label")
      .map((t) => t.textContent);
    expect(labels).toContain("Horgos");
    expect(labels).toContain("Alashankou");
    expect(Array.from(inset!.getElementsByTagName("path")).filter((p) => p.getAttribute("data-inset-flow-id")).length).toBeGreaterThan(3);
    // Its places sit inside its frame, magnified: Horgos and Alashankou far apart, as on screen.
    const clip = inset!.getElementsByTagName("clipPath")[0]!.getElementsByTagName("rect")[0]!;
    const box = ["x", "y", "width", "height"].map((k) => Number(clip.getAttribute(k)));
    const at = (id: string) => {
      const c = Array.from(inset!.getElementsByTagName("circle")).find((e) => e.getAttribute("data-inset-place-id") === id)!;
      return { x: Number(c.getAttribute("cx")), y: Number(c.getAttribute("cy")) };
    };
    for (const id of ["horgos", "alashankou"]) {
      const p = at(id);
      expect(p.x > box[0]! && p.x < box[0]! + box[2]! && p.y > box[1]! && p.y < box[1]! + box[3]!).toBe(true);
    }
    const h = at("horgos"),
      a = at("alashankou");
    expect(Math.hypot(h.x - a.x, h.y - a.y)).toBeGreaterThan(40);
    expect(the.app.errors).toEqual([]);
  });
});

describe("Place dots on dark and transparent exports", () => {
  it("carry a light ring, so the dark-blue market dots stand out from a dark ground", async () => {
    const { page } = the.app;
    const ringLight: Record<string, number> = {};
    const ringed: Record<string, boolean> = {};
    const ground: Record<string, number> = {};
    for (const background of ["white", "dark", "transparent"]) {
      await page.getByLabel("Background", { exact: true }).selectOption(background);
      // Where Russia's dot is (the SVG and the PNG share their layout and camera).
      const doc = await exportSvg(page);
      const map = doc.getElementById("map")!;
      const [, tx, ty] = /translate\(([\d.]+) ([\d.]+)\)/.exec(map.getAttribute("transform")!)!.map(Number);
      const dot = Array.from(doc.getElementById("places")!.getElementsByTagName("circle")).find(
        (c) => c.getAttribute("data-place-id") === "ru",
      )!;
      const cx = tx! + Number(dot.getAttribute("cx")),
        cy = ty! + Number(dot.getAttribute("cy"));
      // The dot's own radius: the SVG's circle grows by half the ring when there is one.
      ringed[background] = dot.getAttribute("stroke") !== null;
      const r = Number(dot.getAttribute("r")) - (ringed[background] ? Number(dot.getAttribute("stroke-width")) / 2 : 0);
      const png = decodePng(await download(page, "Export PNG"));
      // Just outside the dot, all round, and a few px further out (the ground): how light each is, as the
      // median luminance × alpha (over black, as on a dark slide).
      const light = (d: number) => {
        const samples: number[] = [];
        for (let k = 0; k < 24; k++) {
          const a = (k / 24) * Math.PI * 2;
          const x = Math.round(cx + Math.cos(a) * d),
            y = Math.round(cy + Math.sin(a) * d);
          const i = (y * png.width + x) * 4;
          const lum = 0.3 * png.data[i]! + 0.59 * png.data[i + 1]! + 0.11 * png.data[i + 2]!;
          samples.push((lum * png.data[i + 3]!) / 255);
        }
        return samples.sort((p, q) => p - q)[12]!;
      };
      ringLight[background] = light(r + 1);
      ground[background] = light(r + 7);
      // The dot itself keeps its colour at its centre.
      const c = (Math.round(cy) * png.width + Math.round(cx)) * 4;
      expect(png.data[c + 2]!, background).toBeGreaterThan(png.data[c]!);
    }
    // Dark: a light ring all round (its median well above the dark ground); on white, the ground itself.
    const said = JSON.stringify({ ringLight, ground });
    expect(ground.dark, said).toBeLessThan(80);
    expect(ringLight.dark, said).toBeGreaterThan(ground.dark! + 80);
    expect(ringLight.white, said).toBeGreaterThan(150);
    // The SVG rings the dots on dark and transparent pages (a slide of any colour), not on white.
    expect(ringed).toEqual({ white: false, dark: true, transparent: true });
  });
});
