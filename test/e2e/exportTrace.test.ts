// Exports of a traced route, made as a user makes them (Origin, Destination, Trace, Export PNG / SVG) and read
// back from the downloaded files: the caption names every chain drawn with the volume the app lists for it,
// the map is framed on the route's places, and the file is named after the trace.
import { readFileSync, writeFileSync } from "node:fs";
import { DOMParser } from "@xmldom/xmldom";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { readPngText } from "../../src/io/pngText";
import { decodePng } from "./harness";
import { pagePerTest } from "./pagePerTest";

// One server and browser for the file, a page of its own for each test.
const the = pagePerTest({ width: 1280, height: 800 });

async function exportFile(page: Page, button: string): Promise<{ name: string; data: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 90_000 }),
    page.getByRole("button", { name: button, exact: true }).click(),
  ]);
  const path = await download.path();
  await page.waitForFunction(() => document.documentElement.dataset.exporting === "false");
  return { name: download.suggestedFilename(), data: readFileSync(path) };
}

/** Origin Sichuan, Destination Russia, Trace; returns the chains as the panel lists them (name, volume text). */
async function traceSichuanRussia(page: Page): Promise<{ name: string; volume: string }[]> {
  for (const [field, place] of [
    ["Origin", "Sichuan"],
    ["Destination", "Russia"],
  ] as const) {
    await page.getByRole("combobox", { name: field }).fill(place);
    await page.getByRole("combobox", { name: field }).press("Enter");
  }
  await page.getByRole("button", { name: "Trace", exact: true }).click();
  const list = page.getByRole("listbox", { name: "Chains found, best first" });
  await list.waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => document.documentElement.dataset.animating !== "true");
  const rows = await list.getByRole("option").evaluateAll((lis) =>
    lis.map((li) => ({
      name: li.querySelector(".rt-chain-name")!.textContent!,
      figures: li.querySelector(".rt-chain-figures")!.textContent!,
    })),
  );
  return rows.map((r) => ({ name: r.name, volume: /^([\d,.]+ vehicles) attributed/.exec(r.figures)![1]! }));
}

interface SvgMap {
  captions: string[];
  /** Map box on the page (layout px). */
  box: { x: number; y: number; width: number; height: number };
  /** Dots by place id, in map-box coordinates. */
  dots: Map<string, { x: number; y: number; r: number; fill: string }>;
}

function readSvgMap(svg: string): SvgMap {
  const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
  const captions = Array.from(doc.getElementsByTagName("text"))
    .filter((t) => t.getAttribute("data-role") === "caption")
    .map((t) => t.textContent ?? "");
  const map = doc.getElementById("map")!;
  const [, tx, ty] = /translate\(([\d.]+) ([\d.]+)\)/.exec(map.getAttribute("transform")!)!.map(Number);
  const clip = doc.getElementById("map-clip")!.getElementsByTagName("rect")[0]!;
  const dots = new Map<string, { x: number; y: number; r: number; fill: string }>();
  for (const c of Array.from(doc.getElementById("places")!.getElementsByTagName("circle")))
    dots.set(c.getAttribute("data-place-id")!, {
      x: Number(c.getAttribute("cx")),
      y: Number(c.getAttribute("cy")),
      r: Number(c.getAttribute("r")),
      fill: c.getAttribute("fill")!,
    });
  return {
    captions,
    box: { x: tx!, y: ty!, width: Number(clip.getAttribute("width")), height: Number(clip.getAttribute("height")) },
    dots,
  };
}

const hex = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));

describe("A trace's export", () => {
  it("names every chain drawn with its volume and frames the route, in the SVG and the PNG", async () => {
    const { page } = the.app;
    const listed = await traceSichuanRussia(page);
    expect(listed.length).toBeGreaterThanOrEqual(2);
    // The places the map emphasises: every place on the chains drawn.
    const placeIds = await page.evaluate(() => [...(window.reroute!.app.analysisHighlight()?.nodes ?? [])]);
    expect(placeIds.length).toBeGreaterThanOrEqual(4);

    const svg = await exportFile(page, "Export SVG");
    writeFileSync("/tmp/reroute-trace.svg", svg.data);
    expect(svg.name).toBe("sichuan-to-russia-2024.svg");
    const m = readSvgMap(svg.data.toString("utf8"));
    const text = m.captions.join(" ");
    expect(text).toContain(`Traced Sichuan → Russia: the ${listed.length} chains drawn carry`);
    // Every chain the panel lists, one caption line each, with the volume the panel gives it.
    for (const c of listed) expect(m.captions).toContain(`${c.name}: ${c.volume} (modelled)`);

    // Framed: every place of the route inside the map box, clear of its edges, and spread over it.
    const pts = placeIds.map((id) => m.dots.get(id)!);
    for (const [i, p] of pts.entries()) {
      expect(p, placeIds[i]).toBeDefined();
      expect(p.x).toBeGreaterThan(m.box.width * 0.04);
      expect(p.x).toBeLessThan(m.box.width * 0.96);
      expect(p.y).toBeGreaterThan(m.box.height * 0.04);
      expect(p.y).toBeLessThan(m.box.height * 0.96);
    }
    const spanX = Math.max(...pts.map((p) => p.x)) - Math.min(...pts.map((p) => p.x));
    const spanY = Math.max(...pts.map((p) => p.y)) - Math.min(...pts.map((p) => p.y));
    expect(Math.max(spanX / m.box.width, spanY / m.box.height)).toBeGreaterThan(0.55);

    // The PNG: the same caption (in its text metadata too) and the same frame, read from its pixels.
    const png = await exportFile(page, "Export PNG");
    writeFileSync("/tmp/reroute-trace.png", png.data);
    expect(png.name).toBe("sichuan-to-russia-2024.png");
    const meta = readPngText(new Uint8Array(png.data));
    for (const c of listed) expect(meta.Description).toContain(`${c.name}: ${c.volume} (modelled)`);
    const image = decodePng(png.data);
    const ends = await page.evaluate(() => {
      const t = window.reroute!.app.store.get().trace;
      return [t.origin!, t.destination!];
    });
    for (const id of ends) {
      const dot = m.dots.get(id)!;
      expect(dot).toBeDefined();
      const x = Math.round(m.box.x + dot.x),
        y = Math.round(m.box.y + dot.y);
      const i = (y * image.width + x) * 4;
      const want = hex(dot.fill);
      const got = [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!];
      expect(Math.max(...got.map((v, k) => Math.abs(v - want[k]!))), `${id} at ${x},${y}: ${got} vs ${dot.fill}`).toBeLessThan(40);
    }
    expect(the.app.errors).toEqual([]);
  });

  it("with one chain chosen, names that chain alone and frames its places", async () => {
    const { page } = the.app;
    const listed = await traceSichuanRussia(page);
    await page.getByRole("listbox", { name: "Chains found, best first" }).getByRole("option").nth(1).click();
    await page.waitForFunction(
      () => window.reroute!.app.store.get().trace.chain === 1 && document.documentElement.dataset.animating !== "true",
    );
    const chosen = await page.evaluate(() => window.reroute!.app.chosenChain()!.nodes);
    const svg = await exportFile(page, "Export SVG");
    const m = readSvgMap(svg.data.toString("utf8"));
    const text = m.captions.join(" ");
    expect(text).toContain(`Traced route: ${listed[1]!.name}: ${listed[1]!.volume} (modelled), `);
    for (const other of [listed[0]!, ...listed.slice(2)]) expect(text).not.toContain(`${other.name}:`);
    const pts = chosen.map((id) => m.dots.get(id)!);
    const spanX = Math.max(...pts.map((p) => p.x)) - Math.min(...pts.map((p) => p.x));
    const spanY = Math.max(...pts.map((p) => p.y)) - Math.min(...pts.map((p) => p.y));
    expect(Math.max(spanX / m.box.width, spanY / m.box.height)).toBeGreaterThan(0.55);
    for (const p of pts) expect(p.x > 0 && p.x < m.box.width && p.y > 0 && p.y < m.box.height).toBe(true);
  });

  it("names the file after the saved view on screen, else the trace, else the title and year", async () => {
    const { page } = the.app;
    await traceSichuanRussia(page);
    await page.getByLabel("View name", { exact: true }).fill("Overland to Russia");
    await page.getByRole("button", { name: "Save view", exact: true }).click();
    await expect.poll(() => page.getByRole("button", { name: /^Show view/ }).count()).toBe(1);
    expect((await exportFile(page, "Export SVG")).name).toBe("overland-to-russia-2024.svg");
    // Another year is another view: named after the trace again.
    await page.evaluate(() => {
      const a = window.reroute!.app;
      a.store.replace({ ...a.store.get(), year: 2023 });
    });
    expect((await exportFile(page, "Export PNG")).name).toBe("sichuan-to-russia-2023.png");
    // Showing the saved view again names the file after it.
    await page
      .getByRole("button", { name: /^Show view/ })
      .first()
      .click();
    await page.waitForFunction(() => window.reroute!.app.store.get().year === 2024);
    expect((await exportFile(page, "Export PNG")).name).toBe("overland-to-russia-2024.png");
    await page.getByRole("button", { name: "Clear route" }).click();
    await page.waitForFunction(() => window.reroute!.app.store.get().trace.origin === null);
    expect((await exportFile(page, "Export SVG")).name).toBe("chinas-used-car-exports-2024.svg");
  });
});
