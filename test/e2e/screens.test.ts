// Every screen: the graph gets most of a phone or tablet screen (the panels become a bottom sheet), nothing
// overlaps from 360 to 2560 px, the 640×400 embed shows its whole legend; focus is never left on body.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openApp, serveDist, type Served } from "./harness";

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

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;

/** Boxes of the visible toolbar controls, the graph canvas and the time axis. */
async function layoutBoxes(page: Page) {
  return page.evaluate(() => {
    const box = (e: Element) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const visible = (e: Element) => {
      const r = e.getBoundingClientRect();
      const s = getComputedStyle(e);
      return r.width > 0 && r.height > 0 && s.visibility !== "hidden" && s.display !== "none";
    };
    const controls = [...document.querySelectorAll("#toolbar > *, .brand")]
      .filter(visible)
      .map((e) => ({ name: e.textContent?.trim().slice(0, 20) ?? "", ...box(e) }));
    const graph = box(document.getElementById("graph")!);
    const axis = document.querySelector(".x-time-axis");
    const panel = document.getElementById("panel")!;
    return {
      controls,
      graph,
      axis: axis && visible(axis) ? box(axis) : null,
      panel: visible(panel) ? box(panel) : null,
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
      header: box(document.querySelector(".topbar")!),
    };
  });
}

/** Pairs of the time axis's year labels whose text boxes overlap (by the text itself, not the tick's line). */
function tickOverlaps(page: Page) {
  return page.evaluate(() => {
    const boxes = [...document.querySelectorAll(".x-tick")]
      .filter((t) => t.textContent)
      .map((t) => {
        const range = document.createRange();
        range.selectNodeContents(t);
        const r = range.getBoundingClientRect();
        return { text: t.textContent!, left: r.left, right: r.right };
      });
    const out: string[] = [];
    for (let i = 1; i < boxes.length; i++)
      if (boxes[i]!.left < boxes[i - 1]!.right + 2) out.push(`${boxes[i - 1]!.text} / ${boxes[i]!.text}`);
    return out;
  });
}

describe("every screen", () => {
  it("at 390×844 the graph's canvas is at least 350×350 px, with no horizontal scroll; Panels opens the sheet", async () => {
    const { page, errors } = await openApp(browser, served.url, { viewport: { width: 390, height: 844 } });
    const b = await layoutBoxes(page);
    expect(b.graph.width).toBeGreaterThanOrEqual(350);
    expect(b.graph.height).toBeGreaterThanOrEqual(350);
    expect(b.scrollWidth).toBeLessThanOrEqual(b.clientWidth);
    expect(b.panel).toBeNull();
    const panels = page.getByRole("button", { name: "Panels", exact: true });
    await panels.click();
    expect(await panels.getAttribute("aria-expanded")).toBe("true");
    await expect.poll(() => page.getByRole("button", { name: "Legend", exact: true }).isVisible()).toBe(true);
    await page.keyboard.press("Escape");
    await expect.poll(() => panels.getAttribute("aria-expanded")).toBe("false");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Panels");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("at 768×1024 the graph gets most of the screen (≥ 60% of its area)", async () => {
    const { page } = await openApp(browser, served.url, { viewport: { width: 768, height: 1024 } });
    const b = await layoutBoxes(page);
    expect(b.graph.width * b.graph.height).toBeGreaterThan(0.6 * 768 * 1024);
    await page.context().close();
  });

  it("from 360 to 2560 px wide nothing overlaps: toolbar controls, header, graph, time axis and panel", async () => {
    const page = (await openApp(browser, served.url, { viewport: { width: 1280, height: 800 } })).page;
    for (const width of [360, 390, 480, 640, 768, 820, 821, 1024, 1280, 1440, 1920, 2560]) {
      await page.setViewportSize({ width, height: width < 800 ? 800 : 1000 });
      // The width applied and the panel's slide (side panel ⇄ bottom sheet) finished.
      await page.waitForFunction(
        (w) => document.documentElement.clientWidth === w && document.getElementById("panel")!.getAnimations().length === 0,
        width,
      );
      const b = await layoutBoxes(page);
      expect(b.scrollWidth, `${width}: horizontal scroll`).toBeLessThanOrEqual(b.clientWidth);
      for (let i = 0; i < b.controls.length; i++)
        for (let j = i + 1; j < b.controls.length; j++)
          expect(overlap(b.controls[i]!, b.controls[j]!), `${width}: "${b.controls[i]!.name}" over "${b.controls[j]!.name}"`).toBe(false);
      expect(b.header.y + b.header.height, `${width}: header over the graph`).toBeLessThanOrEqual(b.graph.y + 0.5);
      if (b.axis) expect(overlap(b.graph, b.axis), `${width}: graph over the time axis`).toBe(false);
      if (b.panel) expect(overlap(b.graph, b.panel), `${width}: graph under the panel`).toBe(false);
      expect(b.graph.width, `${width}: graph width`).toBeGreaterThan(Math.min(340, width * 0.55));
      // The time axis's year labels: none touches another (short "’19" or fewer of them on a narrow axis).
      await expect.poll(() => tickOverlaps(page), { message: `${width}: year labels overlap` }).toEqual([]);
    }
    await page.context().close();
  });

  it("the 640×400 embed shows its whole legend (nothing cut off) beside a graph of at least 380 × 280 px, its caption above the graph", async () => {
    const { page } = await openApp(browser, `${served.url}?embed`, { viewport: { width: 640, height: 400 } });
    const fits = await page.evaluate(() => {
      const panel = document.getElementById("panel")!;
      const legend = document.getElementById("section-legend") ?? panel;
      const last = [...legend.querySelectorAll(".legend-row")].pop()!.getBoundingClientRect();
      return {
        bottom: last.bottom,
        height: window.innerHeight,
        overflow: panel.scrollHeight - panel.clientHeight,
        graph: document.getElementById("graph")!.getBoundingClientRect().width,
        graphTop: document.getElementById("graph")!.getBoundingClientRect().top,
        graphHeight: document.getElementById("graph")!.getBoundingClientRect().height,
        captionBottom: document.querySelector("[data-testid=embed-caption]")!.getBoundingClientRect().bottom,
        linkBottom: document.querySelector(".embed-link")!.getBoundingClientRect().bottom,
      };
    });
    // The caption and the link sit above the graph, not over the places they are about.
    expect(fits.captionBottom).toBeLessThanOrEqual(fits.graphTop);
    expect(fits.linkBottom).toBeLessThanOrEqual(fits.graphTop);
    expect(fits.graphHeight).toBeGreaterThanOrEqual(280);
    expect(fits.bottom).toBeLessThanOrEqual(fits.height);
    expect(fits.overflow).toBeLessThanOrEqual(1);
    expect(fits.graph).toBeGreaterThanOrEqual(380);
    await page.context().close();
  });
});

describe("keyboard", () => {
  it("after Export PNG the focused element is a control, not body", async () => {
    const { page } = await openApp(browser, served.url, { viewport: { width: 1280, height: 800 } });
    const button = page.getByRole("button", { name: "Export PNG", exact: true });
    await button.focus();
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.keyboard.press("Enter")]);
    await download.path();
    await page.waitForFunction(() => document.documentElement.dataset.exporting === "false");
    const focused = await page.evaluate(() => ({ tag: document.activeElement?.tagName, text: document.activeElement?.textContent }));
    expect(focused).toEqual({ tag: "BUTTON", text: "Export PNG" });
    await page.context().close();
  });
});
