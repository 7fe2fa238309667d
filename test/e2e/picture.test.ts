// The picture tells the truth: one width scale for every year (SVG exports of two years agree on the
// width of a volume), the legend says which scale is in force.
import { readFileSync } from "node:fs";
import { DOMParser } from "@xmldom/xmldom";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodePng, launchBrowser, openApp, serveDist, waitIdle, type Served } from "./harness";

let served: Served;
let browser: Browser;

beforeAll(async () => {
  served = await serveDist();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

async function exportSvg(page: Page): Promise<Map<string, number>> {
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 60_000 }),
    page.getByRole("button", { name: "Export SVG", exact: true }).click(),
  ]);
  const data = readFileSync(await download.path());
  await page.waitForFunction(() => document.documentElement.dataset.exporting === "false");
  const doc = new DOMParser().parseFromString(data.toString("utf8"), "image/svg+xml");
  const widths = new Map<string, number>();
  for (const p of Array.from(doc.getElementsByTagName("path"))) {
    const id = p.getAttribute("data-flow-id");
    if (id) widths.set(id, Number(p.getAttribute("stroke-width")));
  }
  return widths;
}

async function chooseYear(page: Page, year: number): Promise<void> {
  await page.getByLabel("Year", { exact: true }).selectOption(String(year));
  await page.waitForFunction((y) => window.reroute!.app.store.get().year === y, year);
  await waitIdle(page);
}

describe("one scale for every year", () => {
  it("the SVG exports of 2021 and 2024 draw a volume with the same width (linear scale: one line through both)", async () => {
    const { page, errors } = await openApp(browser, served.url, { viewport: { width: 1280, height: 800 } });
    await page.getByLabel("Scale", { exact: true }).selectOption("linear");
    const volumes = new Map<string, number>(
      await page.evaluate(() => window.reroute!.app.derived().flows.map((f) => [f.id, f.volume] as [string, number])),
    );
    await chooseYear(page, 2021);
    const w2021 = await exportSvg(page);
    const note2021 = await page.getByTestId("legend-scale-note").textContent();
    await chooseYear(page, 2024);
    const w2024 = await exportSvg(page);
    expect(await page.getByTestId("legend-scale-note").textContent()).toBe(note2021);
    expect(note2021).toMatch(/^One scale for every year \(\d{4}–2024\)$/);
    expect(w2021.size).toBeGreaterThan(0);
    expect(w2024.size).toBeGreaterThan(2);
    // Fit width = a + b × volume on 2024's flows (a linear scale is exactly that); 2021's flows lie on it.
    const pts = [...w2024].map(([id, w]) => [volumes.get(id)!, w] as const);
    const [lo, hi] = [pts.reduce((a, b) => (b[0] < a[0] ? b : a)), pts.reduce((a, b) => (b[0] > a[0] ? b : a))];
    const b = (hi[1] - lo[1]) / (hi[0] - lo[0]);
    const a = lo[1] - b * lo[0];
    for (const [v, w] of pts) expect(Math.abs(a + b * v - w)).toBeLessThan(0.05);
    for (const [id, w] of w2021) {
      const v = volumes.get(id)!;
      expect(Math.abs(a + b * v - w), `${id} (${v} vehicles)`).toBeLessThan(0.05);
    }
    // 2021's largest flow is narrower than 2024's largest: the growth shows.
    expect(Math.max(...w2021.values())).toBeLessThan(Math.max(...w2024.values()) * 0.6);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("'Fit widths to the period shown' (a per-year scale) fits each year's largest flow to the widest line, and the legend says so", async () => {
    const { page } = await openApp(browser, served.url, { viewport: { width: 1280, height: 800 } });
    await page.getByLabel("Fit widths to the period shown", { exact: true }).check();
    await chooseYear(page, 2021);
    expect(await page.getByTestId("legend-scale-note").textContent()).toBe("Per-year scale: fitted to 2021 only");
    const w2021 = await exportSvg(page);
    await chooseYear(page, 2024);
    const w2024 = await exportSvg(page);
    expect(Math.max(...w2021.values())).toBeCloseTo(Math.max(...w2024.values()), 1);
    await page.context().close();
  });
});

describe("colours", () => {
  it("the legend's lane swatches are the colours of the flows drawn: each swatch's pixels match pixels on the map", async () => {
    const { page, errors } = await openApp(browser, served.url, { viewport: { width: 1280, height: 800 } });
    await page.mouse.move(1, 1);
    const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const swatches = await page
      .locator("[data-testid=legend-lanes] .legend-swatch[data-colour]")
      .evaluateAll((els) =>
        els.map((e) => ({ colour: (e as HTMLElement).dataset.colour!, lane: e.closest("[data-lane]")!.getAttribute("data-lane")! })),
      );
    expect(swatches.length).toBeGreaterThanOrEqual(5);
    // Pixels of the swatches as the browser painted them.
    const painted = await page.locator("[data-testid=legend-lanes] .legend-swatch[data-colour]").all();
    const graphBox = (await page.locator("#graph").boundingBox())!;
    const map = decodePng(await page.screenshot({ clip: graphBox }));
    const near = (a: number[], b: number[], tol: number) => a.every((v, i) => Math.abs(v - b[i]!) <= tol);
    // The lanes whose widest flow is drawn at least 2.5 px wide (thinner lines are all anti-aliased edge).
    const wide = new Set(
      await page.evaluate(() => {
        const a = window.reroute!.app;
        return a
          .scene()
          .edges.filter((e) => e.size >= 2.5)
          .map((e) => `${e.lane}|${e.color}`);
      }),
    );
    let checked = 0;
    for (let i = 0; i < swatches.length; i++) {
      const { colour, lane } = swatches[i]!;
      const shot = decodePng(await painted[i]!.screenshot());
      const mid = ((shot.height >> 1) * shot.width + (shot.width >> 1)) * 4;
      const swatchPixel = [shot.data[mid]!, shot.data[mid + 1]!, shot.data[mid + 2]!];
      expect(near(swatchPixel, rgb(colour), 2), `swatch of ${lane} painted ${swatchPixel} for ${colour}`).toBe(true);
      if (!wide.has(`${lane}|${colour}`)) continue;
      let matches = 0;
      for (let p = 0; p < map.data.length; p += 4) if (near([map.data[p]!, map.data[p + 1]!, map.data[p + 2]!], swatchPixel, 3)) matches++;
      expect(matches, `map pixels of ${lane}'s ${colour}`).toBeGreaterThan(20);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(4);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe("aggregates are not places", () => {
  it("draws the aggregates in a panel off the land, on screen and in the SVG export, each framed by a square", async () => {
    const { page, errors } = await openApp(browser, served.url, { viewport: { width: 1280, height: 800 } });
    await page.mouse.move(1, 1);
    const aggregates = ["other-provinces", "other-seaports", "other-destinations"];
    // The map layer's pixels under and around each aggregate: the panel's white, never the land's colour.
    const probe = await page.evaluate((ids) => {
      const a = window.reroute!.app;
      const backdrop = a.renderer.layers()[0]!;
      const ctx = backdrop.getContext("2d")!;
      const ratio = backdrop.width / backdrop.getBoundingClientRect().width;
      return ids.map((id) => {
        const p = a.renderer.nodeViewportPosition(id);
        if (!p) return { id, drawn: false, land: -1, panel: 0 };
        let land = 0,
          panel = 0;
        for (let dy = -p.r - 4; dy <= p.r + 4; dy++)
          for (let dx = -p.r - 4; dx <= p.r + 4; dx++) {
            const [r, g, b] = ctx.getImageData(Math.round((p.x + dx) * ratio), Math.round((p.y + dy) * ratio), 1, 1).data;
            if (Math.abs(r! - 0xec) <= 2 && Math.abs(g! - 0xea) <= 2 && Math.abs(b! - 0xe4) <= 2) land++;
            if (r === 255 && g === 255 && b === 255) panel++;
          }
        return { id, drawn: true, land, panel };
      });
    }, aggregates);
    for (const p of probe) {
      expect(p.drawn, p.id).toBe(true);
      expect(p.land, `land pixels around ${p.id}`).toBe(0);
      expect(p.panel, `panel pixels around ${p.id}`).toBeGreaterThan(20);
    }
    // And in the SVG: inside the panel's rectangle, with a square of their own.
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 60_000 }),
      page.getByRole("button", { name: "Export SVG", exact: true }).click(),
    ]);
    const doc = new DOMParser().parseFromString(readFileSync(await download.path(), "utf8"), "image/svg+xml");
    const panel = doc.getElementById("aggregates-panel")!.getElementsByTagName("rect")[0]!;
    const [px, py, pw, ph] = ["x", "y", "width", "height"].map((k) => Number(panel.getAttribute(k)));
    for (const id of aggregates) {
      const c = Array.from(doc.getElementsByTagName("circle")).find((e) => e.getAttribute("data-place-id") === id)!;
      const [cx, cy] = [Number(c.getAttribute("cx")), Number(c.getAttribute("cy"))];
      expect(cx > px! && cx < px! + pw! && cy > py! && cy < py! + ph!, `${id} inside the panel`).toBe(true);
      expect(Array.from(doc.getElementsByTagName("rect")).some((r) => r.getAttribute("data-aggregate-of") === id)).toBe(true);
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe("selection tells the chain", () => {
  it("clicking Russia lights the exits and provinces its cars came through, not only the last hop", async () => {
    const { page, errors } = await openApp(browser, served.url, { viewport: { width: 1280, height: 800 } });
    const at = await page.evaluate(() => window.reroute!.nodeOnPage("ru"));
    expect(at).not.toBeNull();
    const before = await page.evaluate(() => Number(document.documentElement.dataset.renders));
    await page.mouse.click(at!.x, at!.y);
    await page.waitForFunction(() => window.reroute!.app.store.get().selection?.type === "node");
    await page.mouse.move(1, 1);
    await page.waitForFunction((n) => Number(document.documentElement.dataset.renders) > n, before);
    await waitIdle(page);
    expect(await page.evaluate(() => window.reroute!.app.store.get().selection)).toEqual({ type: "node", id: "ru" });
    const labelled = await page.evaluate(() => window.reroute!.app.renderer.placedLabels().map((l) => l.id));
    // Russia's cars came via Kazakhstan and Horgos (Central Asia) and from the provinces behind them.
    for (const id of ["ru", "kz", "horgos"]) expect(labelled, id).toContain(id);
    expect(labelled.some((id) => ["guangdong", "sichuan", "chongqing", "zhejiang", "xinjiang", "other-provinces"].includes(id))).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
