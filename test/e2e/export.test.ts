// Exports as a user makes them: click "Export PNG" / "Export SVG", read the downloaded file, and check
// its size, that the map, title, legend and footer are drawn, transparency, resolution (text twice as
// tall at 2×), a refused too-large request, and the SVG's vectors and text.
import { readFileSync, writeFileSync } from "node:fs";
import { DOMParser } from "@xmldom/xmldom";
import { unzipSync } from "fflate";
import type { Browser, Page } from "playwright-core";
import type { PNG } from "pngjs";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { readPngText } from "../../src/io/pngText";
import { decodePng, drawnShare, launchBrowser, openApp, openSection, type OpenedPage, type Served, serveDist } from "./harness";

let served: Served;
let browser: Browser;
let app: OpenedPage;
const figures: string[] = [];

beforeAll(async () => {
  served = await serveDist();
  browser = await launchBrowser();
});

// Each test starts from a page of its own: nothing one test does is seen by the next.
beforeEach(async () => {
  app = await openApp(browser, served.url, { viewport: { width: 1280, height: 800 } });
});

afterEach(async () => {
  await app?.context.close();
});

afterAll(async () => {
  if (figures.length) console.log(`export figures:\n${figures.join("\n")}`);
  await browser?.close();
  await served?.close();
});

async function exportFile(page: Page, button: string): Promise<{ name: string; data: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 60_000 }),
    page.getByRole("button", { name: button, exact: true }).click(),
  ]);
  const path = await download.path();
  await page.waitForFunction(() => document.documentElement.dataset.exporting === "false");
  return { name: download.suggestedFilename(), data: readFileSync(path) };
}

async function exportPng(page: Page, save: string): Promise<{ name: string; png: PNG; bytes: number }> {
  const { name, data } = await exportFile(page, "Export PNG");
  writeFileSync(save, data);
  const result = await page.evaluate(() => window.rerouteLastExport!);
  figures.push(`${save}: ${result.width}×${result.height}, ${result.ms} ms, ${(data.length / 1024).toFixed(0)} KiB`);
  return { name, png: decodePng(data), bytes: data.length };
}

/** Rows (from the top) of the first run of rows holding pixels darker than `level` in the box. */
function firstInkRun(
  png: PNG,
  box: { x0: number; y0: number; x1: number; y1: number },
  level = 110,
): { top: number; bottom: number } | null {
  let top = -1;
  for (let y = box.y0; y < box.y1; y++) {
    let ink = false;
    for (let x = box.x0; x < box.x1 && !ink; x++) {
      const i = (y * png.width + x) * 4;
      const lum = 0.3 * png.data[i]! + 0.59 * png.data[i + 1]! + 0.11 * png.data[i + 2]!;
      if (png.data[i + 3]! > 128 && lum < level) ink = true;
    }
    if (ink && top < 0) top = y;
    if (!ink && top >= 0) return { top, bottom: y };
  }
  return top >= 0 ? { top, bottom: box.y1 } : null;
}

/** Share of pixels in a box that differ from `bg` by more than 24 in some channel. */
function inkShare(png: PNG, box: { x0: number; y0: number; x1: number; y1: number }, bg: [number, number, number]): number {
  let n = 0;
  for (let y = box.y0; y < box.y1; y++) {
    for (let x = box.x0; x < box.x1; x++) {
      const i = (y * png.width + x) * 4;
      if (Math.max(Math.abs(png.data[i]! - bg[0]), Math.abs(png.data[i + 1]! - bg[1]), Math.abs(png.data[i + 2]! - bg[2])) > 24) n++;
    }
  }
  return n / ((box.x1 - box.x0) * (box.y1 - box.y0));
}

describe("Export PNG and SVG", () => {
  let titleHeight1x = 0;

  it("has one control per name: Export PNG in the toolbar, the options labelled in the Export section", async () => {
    const { page } = app;
    await openSection(page, "Image export");
    for (const name of ["Export PNG", "Export SVG", "Export story (ZIP)"])
      expect(await page.getByRole("button", { name, exact: true }).count()).toBe(1);
    expect(await page.locator("#toolbar").getByRole("button", { name: "Export PNG", exact: true }).count()).toBe(1);
    for (const name of ["Image title", "Image size", "Resolution", "Background"])
      expect(await page.getByLabel(name, { exact: true }).count()).toBe(1);
    expect(await page.getByLabel("Image title", { exact: true }).inputValue()).toBe("China's used-car exports, 2024");
    expect(await page.getByLabel("Image size", { exact: true }).inputValue()).toBe("slide");
  });

  it("saves a 1920×1080 slide with the map drawn like the screen, and title, legend and footer drawn", async () => {
    const { page } = app;
    const { name, png } = await exportPng(page, "/tmp/reroute-export-1x.png");
    expect(name).toBe("chinas-used-car-exports-2024.png");
    const meta = readPngText(new Uint8Array(readFileSync("/tmp/reroute-export-1x.png")));
    expect(meta.Title).toBe("China's used-car exports, 2024");
    expect(meta.Description).toMatch(/^2024 · used-car exports, vehicles[^]*\nSources: /);
    expect(meta.Disclaimer).toMatch(/~90%/);
    expect([png.width, png.height]).toEqual([1920, 1080]);
    // Map: centre of the picture, left of the legend; compare with the water colour as the screen test does.
    const map = { x0: 60, y0: 200, x1: 1450, y1: 950 };
    const mapPng = { ...png, width: png.width } as PNG;
    // (The slide keeps all the screen shows in frame, with the wider sides as margin: ~5% ink.)
    expect(inkShare(mapPng, map, [0xf7, 0xf9, 0xfb])).toBeGreaterThan(0.035);
    const screen = decodePng(await page.screenshot({ clip: (await page.locator("#graph").boundingBox())! }));
    const screenShare = drawnShare(screen, [0xf7, 0xf9, 0xfb], 24);
    const exportShare = inkShare(png, map, [0xf7, 0xf9, 0xfb]);
    expect(exportShare).toBeGreaterThan(screenShare * 0.4);
    expect(exportShare).toBeLessThan(Math.min(1, screenShare * 2.5));
    // Title (top left), legend (right column), footer (bottom) hold ink.
    expect(inkShare(png, { x0: 20, y0: 20, x1: 700, y1: 75 }, [255, 255, 255])).toBeGreaterThan(0.03);
    expect(inkShare(png, { x0: 1500, y0: 200, x1: 1900, y1: 700 }, [255, 255, 255])).toBeGreaterThan(0.02);
    expect(inkShare(png, { x0: 20, y0: 1000, x1: 1400, y1: 1060 }, [255, 255, 255])).toBeGreaterThan(0.01);
    const run = firstInkRun(png, { x0: 0, y0: 0, x1: 960, y1: 200 });
    expect(run).not.toBeNull();
    titleHeight1x = run!.bottom - run!.top;
    expect(titleHeight1x).toBeGreaterThan(20);
  });

  it("at 2× saves 3840×2160 with text drawn at twice the size, not enlarged", async () => {
    const { page } = app;
    await page.getByLabel("Resolution", { exact: true }).selectOption("2");
    await expect.poll(() => page.getByTestId("export-pixels").textContent()).toContain("3840 × 2160");
    const { png } = await exportPng(page, "/tmp/reroute-export-2x.png");
    expect([png.width, png.height]).toEqual([3840, 2160]);
    const run = firstInkRun(png, { x0: 0, y0: 0, x1: 1920, y1: 400 });
    const ratio = (run!.bottom - run!.top) / titleHeight1x;
    expect(ratio).toBeGreaterThan(1.85);
    expect(ratio).toBeLessThan(2.15);
    // Sharp, not a blown-up bitmap: the title's edges have few in-between grey levels relative to its size.
    expect(inkShare(png, { x0: 3000, y0: 400, x1: 3800, y1: 1400 }, [255, 255, 255])).toBeGreaterThan(0.02);
  });

  it("at 4× saves 7680×4320", async () => {
    const { page } = app;
    await page.getByLabel("Resolution", { exact: true }).selectOption("4");
    const { png } = await exportPng(page, "/tmp/reroute-export-4x.png");
    expect([png.width, png.height]).toEqual([7680, 4320]);
    // The map and the flows are drawn (~3.3% of the area is ink since no used-car flow crosses to Latin America).
    expect(inkShare(png, { x0: 240, y0: 800, x1: 5800, y1: 3800 }, [0xf7, 0xf9, 0xfb])).toBeGreaterThan(0.03);
  });

  it("refuses A4 at 4× (14032×9920) with a clear message and saves nothing", async () => {
    const { page } = app;
    await page.getByLabel("Image size", { exact: true }).selectOption("a4");
    await page.getByLabel("Resolution", { exact: true }).selectOption("4");
    await expect.poll(() => page.getByTestId("export-pixels").textContent()).toContain("14032 × 9920");
    let downloads = 0;
    page.on("download", () => downloads++);
    await page.getByRole("button", { name: "Export PNG", exact: true }).click();
    const alert = page.getByRole("alert").filter({ hasText: "14032 × 9920" });
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.textContent()).toMatch(/larger than this browser can draw.*lower resolution/);
    await page.waitForFunction(() => document.documentElement.dataset.exporting === "false");
    expect(downloads).toBe(0);
    await alert.getByRole("button", { name: /^Dismiss message/ }).click();
    // A4 at 1× is the 300 dpi print size.
    await page.getByLabel("Resolution", { exact: true }).selectOption("1");
    const { png } = await exportPng(page, "/tmp/reroute-export-a4.png");
    expect([png.width, png.height]).toEqual([3508, 2480]);
  });

  it("'Current view' saves the size of the graph on screen", async () => {
    const { page } = app;
    await page.getByLabel("Image size", { exact: true }).selectOption("view");
    const graph = await page.locator("#graph").evaluate((g) => ({ w: g.clientWidth, h: g.clientHeight }));
    const { png } = await exportPng(page, "/tmp/reroute-export-view.png");
    expect([png.width, png.height]).toEqual([graph.w, graph.h]);
  });

  it("with a transparent background leaves the corners clear (alpha 0) and the map opaque", async () => {
    const { page } = app;
    await page.getByLabel("Image size", { exact: true }).selectOption("slide");
    await page.getByLabel("Resolution", { exact: true }).selectOption("1");
    await page.getByLabel("Background", { exact: true }).selectOption("transparent");
    const { png } = await exportPng(page, "/tmp/reroute-export-transparent.png");
    const alpha = (x: number, y: number) => png.data[(y * png.width + x) * 4 + 3];
    for (const [x, y] of [
      [0, 0],
      [1919, 0],
      [0, 1079],
      [1919, 1079],
    ] as const)
      expect(alpha(x, y)).toBe(0);
    let opaque = 0;
    for (let i = 3; i < png.data.length; i += 4) if (png.data[i]! > 200) opaque++;
    expect(opaque / (png.width * png.height)).toBeGreaterThan(0.05);
  });

  it("with a dark background draws light text on a dark page", async () => {
    const { page } = app;
    await page.getByLabel("Background", { exact: true }).selectOption("dark");
    const { png } = await exportPng(page, "/tmp/reroute-export-dark.png");
    const corner = [png.data[0], png.data[1], png.data[2]];
    expect(Math.max(...(corner as number[]))).toBeLessThan(40);
    let bright = 0;
    for (let y = 20; y < 75; y++) for (let x = 20; x < 700; x++) if (png.data[(y * png.width + x) * 4]! > 200) bright++;
    expect(bright).toBeGreaterThan(500);
    await page.getByLabel("Background", { exact: true }).selectOption("white");
  });

  it("uses the edited title in the picture and the file name", async () => {
    const { page } = app;
    const input = page.getByLabel("Image title", { exact: true });
    await input.fill("Horgos and the overland lane");
    expect(await page.evaluate(() => window.reroute!.app.store.get().title)).toBe("Horgos and the overland lane");
    const { name } = await exportPng(page, "/tmp/reroute-export-titled.png");
    expect(name).toBe("horgos-and-the-overland-lane-2024.png");
    await input.fill("");
    await input.press("Tab");
    expect(await input.inputValue()).toBe("China's used-car exports, 2024");
  });

  it("saves an SVG with title and legend as text and one path per flow shown", async () => {
    const { page } = app;
    const { name, data } = await exportFile(page, "Export SVG");
    writeFileSync("/tmp/reroute-export.svg", data);
    expect(name).toBe("chinas-used-car-exports-2024.svg");
    const doc = new DOMParser().parseFromString(data.toString("utf8"), "image/svg+xml");
    const texts = Array.from(doc.getElementsByTagName("text"));
    const byRole = (role: string) => texts.filter((t) => t.getAttribute("data-role") === role).map((t) => t.textContent);
    expect(byRole("title").join(" ")).toBe("China's used-car exports, 2024");
    expect(byRole("legend-heading")[0]).toMatch(/^Flow width \(vehicles/);
    expect(byRole("legend").some((t) => /vehicles$/.test(t ?? ""))).toBe(true);
    expect(byRole("sources")[0]).toMatch(/^Sources: /);
    expect(byRole("label").length).toBeGreaterThan(3);
    const flows = Array.from(doc.getElementsByTagName("path")).filter((p) => p.getAttribute("data-flow-id"));
    const edges = await page.evaluate(() => window.reroute!.app.scene().edges.map((e) => e.id));
    expect(flows.length).toBe(edges.length);
    expect(new Set(flows.map((p) => p.getAttribute("data-flow-id")))).toEqual(new Set(edges));
    expect(doc.getElementById("backdrop")?.getElementsByTagName("path").length).toBe(2);
    expect(app.errors).toEqual([]);
  });

  it("captions a traced route and keeps its highlight (others dimmed) in the SVG", async () => {
    const { page } = app;
    const chain = await page.evaluate(() => {
      const a = window.reroute!.app;
      const edges = a.scene().edges;
      const kinds = new Map(a.scene().nodes.map((n) => [n.id, n.kind]));
      for (const e1 of edges) {
        if (kinds.get(e1.source) !== "origin") continue;
        const e2 = edges.find((e) => e.source === e1.target && e.target !== e1.source);
        if (!e2) continue;
        const s = a.store.get();
        // The trace chooses its best chain; that chain is the route the export names and draws.
        a.store.replace({ ...s, trace: { origin: e1.source, destination: e2.target, chain: 0, through: null } });
        const chosen = a.chosenChain();
        if (!chosen) continue;
        const name = (id: string) => a.dataset().places.find((p) => p.id === id)!.name;
        return { ids: chosen.edges.flat(), names: chosen.nodes.map(name) };
      }
      return null;
    });
    expect(chain).not.toBeNull();
    const { data } = await exportFile(page, "Export SVG");
    const doc = new DOMParser().parseFromString(data.toString("utf8"), "image/svg+xml");
    const captions = Array.from(doc.getElementsByTagName("text"))
      .filter((t) => t.getAttribute("data-role") === "caption")
      .map((t) => t.textContent);
    // The chosen chain with the volume it is drawn with (a caption part may wrap onto a second line).
    expect(captions.join(" ")).toMatch(new RegExp(`Traced route: ${chain!.names.join(" → ").replace(/[()]/g, "\\$&")}: [\\d,]+ vehicles`));
    const strokes = new Map(
      Array.from(doc.getElementsByTagName("path"))
        .filter((p) => p.getAttribute("data-flow-id"))
        .map((p) => [p.getAttribute("data-flow-id"), p.getAttribute("stroke")]),
    );
    const dim = [...strokes.entries()].filter(([id]) => !chain!.ids.includes(id!)).map(([, c]) => c);
    // Everything off the route shares one dimmed colour; the route keeps its lane colours.
    expect(new Set(dim).size).toBe(1);
    for (const id of chain!.ids) expect(strokes.get(id)).not.toBe(dim[0]);
    await page.evaluate(() => {
      const a = window.reroute!.app;
      a.store.replace({ ...a.store.get(), trace: { origin: null, destination: null, chain: null, through: null } });
    });
  });

  it("a slide of a focused chain keeps the whole chain in frame (a 16:9 slide from a squarer screen)", async () => {
    const { page } = app;
    await page.getByRole("combobox", { name: "Origin" }).fill("Sichuan");
    await page.getByRole("combobox", { name: "Origin" }).press("Enter");
    await page.getByRole("combobox", { name: "Destination" }).fill("Russia");
    await page.getByRole("combobox", { name: "Destination" }).press("Enter");
    await page.getByRole("button", { name: "Trace", exact: true }).click();
    const first = page.getByRole("listbox", { name: "Chains found, best first" }).getByRole("option").first();
    await first.click();
    await page.waitForFunction(
      () => window.reroute!.app.store.get().trace.chain !== null && document.documentElement.dataset.animating !== "true",
    );
    // The chain's places as drawn on screen, and in the map box of a 1920×1080 slide (and of a wider strip).
    const fits = await page.evaluate(async () => {
      const a = window.reroute!.app;
      const t = a.store.get().trace;
      const chainNodes = new Set([t.origin!, t.destination!]);
      const out: { w: number; h: number; outside: string[] }[] = [];
      for (const [w, h] of [
        [1600, 800],
        [1400, 600],
      ] as const) {
        const g = (await a.renderer.capture({ width: w, height: h, pixelRatio: 1, camera: null, backdrop: null, pixels: false })).geometry;
        const outside = g.nodes.filter((n) => chainNodes.has(n.id) && (n.x < 0 || n.x > w || n.y < 0 || n.y > h)).map((n) => n.id);
        out.push({ w, h, outside });
      }
      return out;
    });
    for (const f of fits) expect(f.outside, `${f.w}×${f.h}`).toEqual([]);
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Clear route" }).click();
  });

  it("exports a story as one ZIP with one PNG per saved view, and restores the view", async () => {
    const { page } = app;
    const story = page.getByRole("button", { name: "Export story (ZIP)", exact: true });
    expect(await story.isDisabled()).toBe(true);
    // The story is the saved views: save two, each from a view made for it, then put the view back.
    const original = await page.evaluate(() => window.reroute!.app.store.get());
    const saveAs = async (name: string) => {
      await page.getByLabel("View name", { exact: true }).fill(name);
      await page.getByRole("button", { name: "Save view", exact: true }).click();
    };
    await page.evaluate(() => {
      const a = window.reroute!.app;
      const years = a.dataset().years;
      a.store.replace({ ...a.store.get(), year: years.includes(2023) ? 2023 : years[0]! });
    });
    await saveAs("The year before");
    await page.evaluate((s) => window.reroute!.app.store.replace({ ...s, filters: { ...s.filters, topN: 5 } }), original);
    await saveAs("Only the largest flows");
    await page.evaluate((s) => window.reroute!.app.store.replace(s), original);
    const before = await page.evaluate(() => ({
      year: window.reroute!.app.store.get().year,
      edges: window.reroute!.app.scene().edges.length,
    }));
    expect(await story.isDisabled()).toBe(false);
    const { name, data } = await exportFile(page, "Export story (ZIP)");
    writeFileSync("/tmp/reroute-story.zip", data);
    expect(name).toBe("the-year-before-story.zip");
    const files = unzipSync(new Uint8Array(data));
    expect(Object.keys(files).sort()).toEqual(["01-the-year-before.png", "02-only-the-largest-flows.png", "README.txt"]);
    const a = decodePng(Buffer.from(files["01-the-year-before.png"]!));
    const b = decodePng(Buffer.from(files["02-only-the-largest-flows.png"]!));
    expect([a.width, a.height, b.width, b.height]).toEqual([1920, 1080, 1920, 1080]);
    const map = { x0: 60, y0: 200, x1: 1450, y1: 950 };
    // Five flows draw far less than the whole year.
    expect(inkShare(b, map, [0xf7, 0xf9, 0xfb])).toBeLessThan(inkShare(a, map, [0xf7, 0xf9, 0xfb]));
    const after = await page.evaluate(() => ({
      year: window.reroute!.app.store.get().year,
      edges: window.reroute!.app.scene().edges.length,
    }));
    expect(after).toEqual(before);
  });
});
