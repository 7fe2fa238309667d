// The analysis views as a researcher uses them: "Over time", "Compare years", "Sankey", "Scenarios" and
// "Download CSV" — each opens by its visible name, draws (pixels checked), follows a year change, survives a
// share link into a fresh browser, and goes into an export (the view's own SVG/PNG, the map's PNG/SVG).
import { readFileSync, writeFileSync } from "node:fs";
import { DOMParser } from "@xmldom/xmldom";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAnalysisCsv } from "../../src/io/export/analysisCsv";
import { decodePng, drawnShare, launchBrowser, openApp, openSection, serveDist, waitIdle, type Served } from "./harness";

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

async function downloadOf(page: Page, name: string): Promise<{ file: string; text: string; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 60_000 }),
    page.getByRole("button", { name, exact: true }).click(),
  ]);
  const bytes = readFileSync(await download.path());
  return { file: download.suggestedFilename(), text: bytes.toString("utf8"), bytes };
}

async function shareLink(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Share link", exact: true }).click();
  return page.evaluate(() => navigator.clipboard.readText());
}

async function newPage(url = served.url) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    permissions: ["clipboard-read", "clipboard-write"],
    acceptDownloads: true,
  });
  return openApp(browser, url, { context });
}

const captionsOf = (doc: ReturnType<DOMParser["parseFromString"]>) =>
  Array.from(doc.getElementsByTagName("text"))
    .filter((t) => t.getAttribute("data-role") === "caption")
    .map((t) => t.textContent ?? "");

const chartShot = async (page: Page, testId: string) => decodePng(await page.getByTestId(testId).screenshot());

describe("Over time", () => {
  it("draws the whole dataset with axes, gaps and events; follows the year; reads values by keyboard; survives a link; saves SVG and PNG", async () => {
    const { page, errors, context } = await newPage();
    await openSection(page, "Over time");
    const chart = page.getByTestId("over-time-chart");
    await chart.waitFor();
    const png = await chartShot(page, "over-time-chart");
    expect(drawnShare(png, [255, 255, 255])).toBeGreaterThan(0.03);
    // Six data years plus 2025 (policy events only): seven ticks; 2025 is a gap.
    expect(await chart.locator(".chart-axis-x .tick").count()).toBe(7);
    expect(await chart.locator(".chart-gap").count()).toBeGreaterThanOrEqual(1);
    expect(await chart.locator(".chart-event").count()).toBeGreaterThan(5);
    expect(await chart.locator("circle[data-basis=reported]").count()).toBe(4);
    expect(await chart.locator("circle[data-basis=modelled]").count()).toBe(2);
    // The current year's band moves with the Year control.
    const bandX = () => chart.locator(".chart-year-band").getAttribute("x");
    const before = await bandX();
    await page.getByLabel("Year", { exact: true }).selectOption("2023");
    await expect.poll(bandX).not.toBe(before);
    // Keyboard: focus the chart, Home goes to 2019, End to 2025 (no data).
    await chart.focus();
    await page.keyboard.press("Home");
    await expect.poll(() => page.getByTestId("over-time-readout").textContent()).toMatch(/^2019: 3,000/);
    await page.keyboard.press("End");
    await expect.poll(() => page.getByTestId("over-time-readout").textContent()).toBe("2025: no data");
    // Stacked by lane: areas appear.
    await page.getByLabel("Stack", { exact: true }).selectOption("lane");
    await expect.poll(() => chart.locator(".chart-layer").count()).toBeGreaterThan(2);
    const link = await shareLink(page);
    const fresh = await openApp(browser, link, { context });
    await fresh.page.getByTestId("over-time-chart").waitFor();
    expect(await fresh.page.getByLabel("Stack", { exact: true }).inputValue()).toBe("lane");
    expect(await fresh.page.getByTestId("over-time-chart").locator(".chart-layer").count()).toBe(
      await chart.locator(".chart-layer").count(),
    );
    const svg = await downloadOf(fresh.page, "Save the time chart as SVG");
    const doc = new DOMParser().parseFromString(svg.text, "image/svg+xml");
    expect(doc.getElementsByTagName("path").length).toBeGreaterThan(5);
    expect(Array.from(doc.getElementsByTagName("text")).find((t) => t.getAttribute("data-role") === "title")?.textContent).toMatch(
      /whole dataset/i,
    );
    const png2 = await downloadOf(fresh.page, "Save the time chart as PNG");
    const image = decodePng(png2.bytes);
    expect(image.width).toBeGreaterThan(500);
    expect(drawnShare(image, [255, 255, 255])).toBeGreaterThan(0.03);
    expect(errors).toEqual([]);
    expect(fresh.errors).toEqual([]);
    await context.close();
  });
});

describe("Compare years", () => {
  it("colours the map by change, lists the changes, follows the year, survives a link and goes into the map's SVG", async () => {
    const { page, errors, context } = await newPage();
    await waitIdle(page);
    const plain = decodePng(await page.locator("#graph").screenshot());
    await openSection(page, "Compare years");
    await page.getByLabel("Compare with", { exact: true }).selectOption("2023");
    await expect
      .poll(() => page.getByTestId("compare-summary").textContent())
      .toMatch(/^2023 → 2024: 275,0\d\d vehicles → 436,0\d\d vehicles delivered/);
    const rows = page.locator("#compare-table tbody tr");
    expect(await rows.count()).toBeGreaterThan(10);
    // The table fits the side panel (the unit is in the headers, not in every cell): no column is cut off.
    const fit = await page.evaluate(() => {
      const table = document.getElementById("compare-table")!.getBoundingClientRect();
      const panel = document.getElementById("panel")!;
      return { right: table.right, panelRight: panel.getBoundingClientRect().right, scroll: panel.scrollWidth - panel.clientWidth };
    });
    expect(fit.right).toBeLessThanOrEqual(fit.panelRight);
    expect(fit.scroll).toBeLessThanOrEqual(0);
    expect(await page.locator("#compare-table thead th").allTextContents()).toEqual(["From", "To", "2023", "2024", "Change"]);
    expect(await page.locator("#compare-table caption").textContent()).toBe("Hops by size of change, in vehicles");
    // Numbers are whole in their cells (never broken across lines).
    const broken = await page.evaluate(
      () =>
        [...document.querySelectorAll<HTMLElement>("#compare-table td.num:not(:last-child)")].filter(
          (td) => td.scrollWidth > td.clientWidth + 1,
        ).length,
    );
    expect(broken).toBe(0);
    await waitIdle(page);
    const diff = decodePng(await page.locator("#graph").screenshot());
    // The map is drawn in the comparison colours (rose: blue #2166ac), which the plain map does not use.
    const blue = (png: ReturnType<typeof decodePng>) => {
      let n = 0;
      for (let i = 0; i < png.data.length; i += 4)
        if (Math.abs(png.data[i]! - 0x21) < 14 && Math.abs(png.data[i + 1]! - 0x66) < 14 && Math.abs(png.data[i + 2]! - 0xac) < 14) n++;
      return n;
    };
    expect(blue(diff)).toBeGreaterThan(blue(plain) + 200);
    // A year change compares the new year with 2023.
    await page.getByLabel("Year", { exact: true }).selectOption("2022");
    await expect.poll(() => page.getByTestId("compare-summary").textContent()).toMatch(/^2023 → 2022/);
    const link = await shareLink(page);
    const fresh = await openApp(browser, link, { context });
    expect(await fresh.page.evaluate(() => window.reroute!.app.store.get().compareYear)).toBe(2023);
    await openSection(fresh.page, "Compare years");
    await expect.poll(() => fresh.page.getByTestId("compare-summary").textContent()).toMatch(/^2023 → 2022/);
    const svg = await downloadOf(fresh.page, "Export SVG");
    writeFileSync("/tmp/reroute-compare.svg", svg.bytes);
    const doc = new DOMParser().parseFromString(svg.text, "image/svg+xml");
    // One path per changed hop, as on screen, in the comparison's colours (2022 has no routed hop: all new or vanished).
    const paths = Array.from(doc.getElementsByTagName("path")).filter((p) => p.getAttribute("data-flow-id"));
    const edges = await fresh.page.evaluate(() => window.reroute!.app.scene().edges.map((e) => e.id));
    expect(new Set(paths.map((p) => p.getAttribute("data-flow-id")))).toEqual(new Set(edges));
    const strokes = new Set(paths.map((p) => (p.getAttribute("stroke") ?? "").toLowerCase()));
    expect([...strokes].every((c) => ["#2166ac", "#d6604d", "#1b7837", "#762a83"].includes(c))).toBe(true);
    expect(strokes.has("#1b7837") && strokes.has("#762a83")).toBe(true);
    expect(captionsOf(doc).join(" ")).toMatch(/compared with 2023/);
    expect(errors).toEqual([]);
    expect(fresh.errors).toEqual([]);
    await context.close();
  });
});

describe("Sankey", () => {
  it("draws a place's origin mix, highlights a band's chain, follows the year, survives a link and saves SVG", async () => {
    const { page, errors, context } = await newPage();
    await page.evaluate(() => window.reroute!.app.store.dispatch((s) => ({ ...s, selection: { type: "node", id: "ru" } })));
    await openSection(page, "Sankey");
    await page.getByLabel("Bands of", { exact: true }).selectOption("place");
    const chart = page.getByTestId("sankey-chart");
    await expect.poll(() => chart.locator(".sankey-links path").count()).toBeGreaterThan(5);
    expect(drawnShare(await chartShot(page, "sankey-chart"), [255, 255, 255])).toBeGreaterThan(0.05);
    // Names are written only where they fit: no two overlap, none runs past the chart, and each is a node's
    // name or the start of it with "…".
    const labels = await chart.evaluate((svg) => {
      const box = svg.getBoundingClientRect();
      const names = [...svg.querySelectorAll(".sankey-nodes title")].map((t) => (t.textContent ?? "").replace(/: [^:]*$/, ""));
      return {
        names,
        chart: { left: box.left, right: box.right },
        texts: [...svg.querySelectorAll<SVGTextElement>(".sankey-label")].map((t) => {
          const r = t.getBoundingClientRect();
          return { text: t.textContent ?? "", left: r.left, right: r.right, top: r.top, bottom: r.bottom };
        }),
      };
    });
    expect(labels.texts.length).toBeGreaterThan(5);
    for (const [i, a] of labels.texts.entries()) {
      expect(a.left).toBeGreaterThanOrEqual(labels.chart.left - 1);
      expect(a.right).toBeLessThanOrEqual(labels.chart.right + 1);
      const full = a.text.endsWith("…") ? a.text.slice(0, -1) : a.text;
      expect(
        labels.names.some((n) => n.startsWith(full)),
        a.text,
      ).toBe(true);
      for (const b of labels.texts.slice(i + 1)) {
        const apart = a.right <= b.left + 0.5 || b.right <= a.left + 0.5 || a.bottom <= b.top + 0.5 || b.bottom <= a.top + 0.5;
        expect(apart, `${a.text} / ${b.text}`).toBe(true);
      }
    }
    const first = chart.locator(".sankey-links path").first();
    await first.focus();
    await expect.poll(() => page.locator(".sankey-groups li.emphasised").count()).toBe(1);
    const bands2024 = await chart.locator(".sankey-links path").count();
    await page.getByLabel("Year", { exact: true }).selectOption("2023");
    await expect.poll(() => page.locator(".chart-title").filter({ hasText: "2023" }).count()).toBeGreaterThan(0);
    expect(bands2024).toBeGreaterThan(0);
    const link = await shareLink(page);
    const fresh = await openApp(browser, link, { context });
    await fresh.page.getByTestId("sankey-chart").locator(".sankey-links path").first().waitFor({ state: "attached" });
    expect(await fresh.page.getByLabel("Bands of", { exact: true }).inputValue()).toBe("place");
    const svg = await downloadOf(fresh.page, "Save the band chart as SVG");
    expect(svg.text).toMatch(/Russia/);
    expect(errors).toEqual([]);
    expect(fresh.errors).toEqual([]);
    await context.close();
  });
});

describe("Scenarios", () => {
  it("Horgos closed: says what changes, conserves volume, empties Horgos on the map, survives a link and goes into the export", async () => {
    const { page, errors, context } = await newPage();
    await openSection(page, "Scenarios");
    await page.getByLabel("What-if scenario", { exact: true }).selectOption("horgos-closed");
    await expect.poll(() => page.getByTestId("scenario-effect").textContent()).toMatch(/2024: volume is conserved/);
    const horgosFlows = () =>
      page.evaluate(
        () => window.reroute!.app.derived().flows.filter((f) => f.year === 2024 && (f.from === "horgos" || f.to === "horgos")).length,
      );
    expect(await horgosFlows()).toBe(0);
    expect(await page.locator("#scenario-table tbody tr").count()).toBeGreaterThan(5);
    // The 180-day rule loses volume and says why, naming the broken reconciliation.
    await page.getByLabel("What-if scenario", { exact: true }).selectOption("p8-180-day-rule");
    await expect.poll(() => page.getByTestId("scenario-effect").textContent()).toMatch(/no longer enter the network/);
    expect(await page.getByTestId("scenario-effect").textContent()).toMatch(/flows crossing China's border add up to/);
    await page.getByLabel("Year", { exact: true }).selectOption("2023");
    await expect.poll(() => page.getByTestId("scenario-effect").textContent()).toMatch(/^2023: /);
    const link = await shareLink(page);
    const fresh = await openApp(browser, link, { context });
    expect(await fresh.page.evaluate(() => window.reroute!.app.store.get().scenario?.id)).toBe("p8-180-day-rule");
    const svg = await downloadOf(fresh.page, "Export SVG");
    const doc = new DOMParser().parseFromString(svg.text, "image/svg+xml");
    expect(captionsOf(doc).join(" ")).toMatch(/Scenario: China's 180-day rule ends zero-mileage exports/);
    expect(errors).toEqual([]);
    expect(fresh.errors).toEqual([]);
    await context.close();
  });
});

describe("Download CSV", () => {
  it("the Table downloads what it shows with a header; the analysis views download theirs", async () => {
    const { page, errors, context } = await newPage();
    await openSection(page, "Table");
    const table = await downloadOf(page, "Download CSV");
    const read = readAnalysisCsv(table.text, new Set(["year", "vehicles", "usd"]));
    expect(read.meta.view).toMatch(/^Table/);
    expect(read.meta.unit).toBe("vehicles");
    expect(read.meta.year).toBe("2024");
    expect(read.meta.sources.length).toBeGreaterThan(3);
    const shown = await page.evaluate(() => window.reroute!.app.derived().visible.shown.length);
    expect(read.table.rows.length).toBe(shown);
    await openSection(page, "Over time");
    const series = await downloadOf(page, "Time series as CSV");
    expect(series.text).toMatch(/^# Reroute: Over time — the whole dataset/);
    expect(series.text).toMatch(/\n2024,436\d{3}(\.\d+)?,modelled,/);
    expect(await page.getByRole("button", { name: "Download CSV" }).count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
