// Explore, as a researcher does it: reweight and filter (pixels and legend change), play through the
// years, read the Table (the same flows as the canvas), find a place, switch layouts, edit an
// assumption, read policy events — all by name and keyboard, with axe finding nothing to fix.
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  decodePng,
  launchBrowser,
  openApp,
  openSection,
  renders,
  ROOT,
  serveDist,
  waitIdle,
  waitRendered,
  type OpenedPage,
  type Served,
} from "./harness";

let served: Served;
let browser: Browser;
let opened: OpenedPage;
let page: Page;

beforeAll(async () => {
  served = await serveDist();
  browser = await launchBrowser();
});

// Each test starts from a page of its own: nothing one test does is seen by the next.
beforeEach(async () => {
  opened = await openApp(browser, served.url);
  page = opened.page;
});

afterEach(async () => {
  await opened?.context.close();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const graphShot = async () => {
  await page.mouse.move(1, 1);
  const box = (await page.locator("#graph").boundingBox())!;
  return decodePng(await page.screenshot({ clip: box }));
};
/** Share of pixels whose colour differs by more than 24 in some channel. */
const changedShare = (a: ReturnType<typeof decodePng>, b: ReturnType<typeof decodePng>) => {
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if (
      Math.max(Math.abs(a.data[i]! - b.data[i]!), Math.abs(a.data[i + 1]! - b.data[i + 1]!), Math.abs(a.data[i + 2]! - b.data[i + 2]!)) > 24
    )
      n++;
  }
  return n / (a.width * a.height);
};
const legendWidths = () =>
  page.locator("[data-testid=legend-widths] .legend-line").evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.width));
const legendText = () => page.locator("[data-testid=legend-widths]").textContent();
const edgeCount = () => page.evaluate(() => window.reroute!.app.scene().edges.length);
const act = async (fn: () => Promise<unknown>) => {
  const n = await renders(page);
  await fn();
  await waitRendered(page, n);
};

describe("Explore in headless Chromium", () => {
  it("Scale changes the drawn widths and the legend; the threshold hides flows and says so, the legend stays on its scale", async () => {
    const before = await graphShot();
    const widthsBefore = await legendWidths();
    await act(() => page.getByLabel("Scale", { exact: true }).selectOption("linear"));
    const linear = await graphShot();
    expect(changedShare(before, linear)).toBeGreaterThan(0.002);
    expect(await legendText()).toContain("linear scale");
    expect(await legendWidths()).not.toEqual(widthsBefore);

    await act(() => page.getByLabel("Scale", { exact: true }).selectOption("log"));
    const logLegend = await legendText();
    const total = await edgeCount();
    const logShot = await graphShot();
    await act(() => page.getByLabel("Threshold", { exact: true }).fill("20000"));
    const shown = await edgeCount();
    expect(shown).toBeLessThan(total);
    expect(shown).toBeGreaterThan(0);
    // Every flow drawn is at least the threshold.
    expect(await page.evaluate(() => Math.min(...window.reroute!.app.scene().edges.map((e) => e.volume)))).toBeGreaterThanOrEqual(20000);
    expect(changedShare(logShot, await graphShot())).toBeGreaterThan(0.002);
    // One scale for every year and filter: hiding small flows leaves the legend's volumes and widths as they were.
    expect(await legendText()).toBe(logLegend);
    const status = page.getByTestId("hidden-status");
    expect(await status.textContent()).toContain(`${total - shown} flows hidden`);
    expect(await status.textContent()).toContain(`${total - shown} below the threshold`);
  });

  it("filters compose and Reset puts everything back", async () => {
    const thresholded = await edgeCount();
    await act(() => page.getByRole("checkbox", { name: "Modelled estimates" }).uncheck());
    // The shipped 2024 flows are all modelled: nothing is left, and the reasons say which filter hid what.
    expect(await edgeCount()).toBeLessThan(thresholded);
    expect(await page.getByTestId("hidden-status").textContent()).toMatch(/of a hidden basis/);
    await act(() => page.getByRole("button", { name: "Reset", exact: true }).click());
    expect(await page.getByLabel("Threshold", { exact: true }).inputValue()).toBe("");
    expect(await page.getByRole("checkbox", { name: "Modelled estimates" }).isChecked()).toBe(true);
    expect(await page.getByTestId("hidden-status").textContent()).toContain("No flows hidden");
    expect(await page.getByRole("button", { name: "Reset", exact: true }).isDisabled()).toBe(true);
    const kinds = page.getByRole("group", { name: "Place kinds" });
    await act(() => kinds.getByRole("checkbox", { name: "Markets" }).uncheck());
    expect(
      await page.evaluate(() =>
        window
          .reroute!.app.scene()
          .edges.every((e) => !["ru", "uz", "sa", "iq", "sy", "mx", "cl", "tj", "other-destinations"].includes(e.target)),
      ),
    ).toBe(true);
    await act(() => page.getByRole("button", { name: "Reset", exact: true }).click());
    await act(() => page.getByLabel("Scale", { exact: true }).selectOption("sqrt"));
  });

  it("the Table lists exactly the flows the canvas draws, follows filters, sorts by header and selects on Enter", async () => {
    // The section title is a button by its name (a <summary> has no role), and says whether it is open.
    const toggle = page.getByRole("button", { name: "Table" });
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    await toggle.click();
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    const table = page.getByRole("table");
    const rowCount = () => table.locator("tbody tr").count();
    expect(await rowCount()).toBe(await edgeCount());
    const ids = await table.locator("tbody tr").evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.flow).sort());
    expect(ids).toEqual(
      await page.evaluate(() =>
        window
          .reroute!.app.scene()
          .edges.map((e) => e.id)
          .sort(),
      ),
    );
    expect(await table.locator("caption").textContent()).toContain(`${await edgeCount()} flows shown in 2024`);
    await act(() => page.getByLabel("Top N flows").fill("5"));
    expect(await rowCount()).toBe(5);
    expect(await edgeCount()).toBe(5);
    // Sort: Vehicles is sorted descending by default; a click makes it ascending.
    const vehicles = table.getByRole("columnheader", { name: "Vehicles" });
    expect(await vehicles.getAttribute("aria-sort")).toBe("descending");
    await vehicles.click();
    expect(await vehicles.getAttribute("aria-sort")).toBe("ascending");
    const nums = await table.locator("tbody tr td:nth-child(4)").allTextContents();
    const values = nums.map((t) => Number(t.replace(/,/g, "")));
    expect(values).toEqual([...values].sort((a, b) => a - b));
    // Keyboard: focus the first row, Enter selects that flow.
    const first = table.locator("tbody tr").first();
    await first.focus();
    await page.keyboard.press("Enter");
    const id = await first.getAttribute("data-flow");
    expect(await page.evaluate(() => window.reroute!.app.store.get().selection)).toEqual({ type: "edge", id });
    expect(await first.getAttribute("aria-current")).toBe("true");
    // One row in the Tab order; arrow keys move between rows.
    expect(await table.locator('tbody tr[tabindex="0"]').count()).toBe(1);
    await page.keyboard.press("ArrowDown");
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.flow)).toBe(
      await table.locator("tbody tr").nth(1).getAttribute("data-flow"),
    );
    // Over time follows the selected flow: one point per year the hop is in the data (no point, not 0, in the others).
    await expect
      .poll(() => page.getByTestId("over-time-chart").locator("circle").count())
      .toBe(
        await page.evaluate((flowId) => {
          const a = window.reroute!.app;
          const f = a.dataset().flows.find((x) => x.id === flowId)!;
          return new Set(
            a
              .derived()
              .flows.filter((x) => x.from === f.from && x.to === f.to && x.mode === f.mode)
              .map((x) => x.year),
          ).size;
        }, id),
      );
    await act(() => page.getByLabel("Top N flows").fill(""));
    expect(await rowCount()).toBe(await edgeCount());
  });

  it("Play through time tweens through every year and stops at the last; Pause stops it", async () => {
    const years = await page.evaluate(() => window.reroute!.app.dataset().years);
    await page.evaluate(() => {
      const w = window as unknown as { visited: number[]; frames: number };
      w.visited = [];
      window.reroute!.app.store.subscribe((s, p) => {
        if (s.year !== p.year) w.visited.push(s.year);
      });
    });
    const play = page.getByRole("button", { name: "Play through time" });
    const r0 = await renders(page);
    await play.click();
    await page.waitForFunction(() => document.documentElement.dataset.animating === "true");
    expect(await page.getByRole("button", { name: "Pause" }).isVisible()).toBe(true);
    await waitIdle(page);
    expect(await page.evaluate(() => (window as unknown as { visited: number[] }).visited)).toEqual(years);
    expect(await page.getByLabel("Year", { exact: true }).inputValue()).toBe(String(years[years.length - 1]));
    expect(await play.textContent()).toBe("Play through time");
    // Tweened: many frames per year step, not one per year.
    expect((await renders(page)) - r0).toBeGreaterThan(years.length * 5);

    await page.evaluate(() => ((window as unknown as { visited: number[] }).visited = []));
    await play.click();
    await page.waitForFunction(() => (window as unknown as { visited: number[] }).visited.length >= 1);
    await page.getByRole("button", { name: "Pause" }).click();
    await waitIdle(page);
    const visited = await page.evaluate(() => (window as unknown as { visited: number[] }).visited);
    expect(visited.length).toBeLessThan(years.length);
    expect(await play.textContent()).toBe("Play through time");
    // Choosing a year while it plays stops the play on that year.
    await page.evaluate(() => ((window as unknown as { visited: number[] }).visited = []));
    await play.click();
    await page.waitForFunction(() => (window as unknown as { visited: number[] }).visited.length >= 1);
    await page.getByLabel("Year", { exact: true }).selectOption("2021");
    await waitIdle(page);
    expect(await page.getByLabel("Year", { exact: true }).inputValue()).toBe("2021");
    expect(await play.textContent()).toBe("Play through time");
    await act(() => page.getByLabel("Year", { exact: true }).selectOption("2024"));
  });

  it("policy events sit on the time axis as focusable markers with an explanation and a source", async () => {
    const markers = page.locator(".x-event");
    expect(await markers.count()).toBe(await page.evaluate(() => window.reroute!.app.dataset().events.length));
    const nationwide = page.getByRole("button", { name: "6 Feb 2024: Used-car export opened nationwide" });
    await nationwide.focus();
    const pop = page.locator("#event-popover");
    await expect.poll(() => pop.isVisible()).toBe(true);
    expect(await pop.textContent()).toContain("Announcement No. 6 of 2024");
    expect(await pop.textContent()).toContain("Sources:");
    expect(await nationwide.getAttribute("aria-describedby")).toBeTruthy();
    // Enter pins it and moves focus in (links reachable); Escape closes and returns to the marker.
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("event-popover");
    await page.keyboard.press("Escape");
    expect(await pop.isVisible()).toBe(false);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.event)).toBe("p4-nationwide");
    // Arrow keys walk the markers in date order; Home/End go to the ends; the focused one is the only Tab stop.
    await page.keyboard.press("ArrowRight");
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.event)).not.toBe("p4-nationwide");
    await page.keyboard.press("End");
    const ids = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>(".x-event")].map((e) => e.dataset.event));
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.event)).toBe(ids[ids.length - 1]);
    await page.keyboard.press("Home");
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.event)).toBe(ids[0]);
    expect(
      await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>(".x-event")].filter((e) => e.tabIndex === 0).map((e) => e.dataset.event),
      ),
    ).toEqual([ids[0]]);
    await page.keyboard.press("Escape");
  });

  it("Find a place finds by name and native name; Enter selects it and moves the camera to it", async () => {
    const find = page.getByRole("combobox", { name: "Find a place" });
    await find.fill("霍尔果");
    const found = page.getByRole("listbox", { name: "Places found" });
    expect(await found.getByRole("option").first().textContent()).toContain("Horgos");
    await find.fill("");
    const cam0 = await page.evaluate(() => window.reroute!.app.renderer.getCamera());
    await find.pressSequentially("horg");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Enter");
    await waitIdle(page);
    expect(await page.evaluate(() => window.reroute!.app.store.get().selection)).toEqual({ type: "node", id: "horgos" });
    const cam1 = await page.evaluate(() => window.reroute!.app.renderer.getCamera());
    expect(cam1.ratio).toBeLessThan(cam0.ratio);
    // Horgos is now near the centre of the canvas.
    const pos = (await page.evaluate(() => window.reroute!.app.renderer.nodeViewportPosition("horgos")))!;
    const box = (await page.locator("#graph").boundingBox())!;
    expect(Math.abs(pos.x - box.width / 2)).toBeLessThan(box.width * 0.3);
    expect(Math.abs(pos.y - box.height / 2)).toBeLessThan(box.height * 0.3);
    // Over time follows the selected place: Horgos has no flow before 2023 (gaps, not zeros).
    await expect.poll(() => page.getByTestId("over-time-chart").getAttribute("aria-label")).toMatch(/^Horgos over time, vehicles/);
    expect(await page.getByTestId("over-time-chart").locator("circle").count()).toBe(2);
    expect(await page.getByTestId("over-time-chart").locator(".chart-gap").count()).toBe(5);
    await page.evaluate(() => window.reroute!.app.renderer.resetCamera(false));
  });

  it("the chain layout tweens nodes into columns by kind and hides the map; Geographic brings it back", async () => {
    const backdropAlpha = () =>
      page.evaluate(() => {
        const c = window.reroute!.app.renderer.layers()[0]!;
        const d = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 3; i < d.length; i += 4 * 13) if (d[i]! > 0) n++;
        return n;
      });
    expect(await backdropAlpha()).toBeGreaterThan(1000);
    const r0 = await renders(page);
    await page.getByLabel("Layout", { exact: true }).selectOption("chain");
    await waitIdle(page);
    expect((await renders(page)) - r0).toBeGreaterThan(5);
    expect(await backdropAlpha()).toBe(0);
    const columns = await page.evaluate(() => {
      const a = window.reroute!.app;
      const xs: Record<string, number[]> = {};
      for (const n of a.scene().nodes) (xs[n.kind] ??= []).push(Math.round(n.x * 1000));
      return Object.fromEntries(Object.entries(xs).map(([k, v]) => [k, [...new Set(v)]]));
    });
    for (const k of ["origin", "exit", "transit", "market"]) expect(columns[k]).toHaveLength(1);
    expect(columns.origin![0]!).toBeLessThan(columns.exit![0]!);
    expect(columns.transit![0]!).toBeLessThan(columns.market![0]!);
    await page.getByLabel("Layout", { exact: true }).selectOption("geo");
    await waitIdle(page);
    expect(await backdropAlpha()).toBeGreaterThan(1000);
  });

  it("the force layout runs in its worker when started and stops on the button", async () => {
    // Its button appears without reflowing the header at 1280×800: same height, Share link on the same row.
    const headerHeight = () => page.locator(".topbar").evaluate((e) => e.getBoundingClientRect().height);
    const shareTop = () => page.getByRole("button", { name: "Share link" }).evaluate((e) => e.getBoundingClientRect().top);
    const [h0, s0] = [await headerHeight(), await shareTop()];
    await page.getByLabel("Layout", { exact: true }).selectOption("force");
    await waitIdle(page);
    expect(await page.getByRole("button", { name: "Run force layout" }).isVisible()).toBe(true);
    expect(await headerHeight()).toBe(h0);
    expect(await shareTop()).toBe(s0);
    const before = await page.evaluate(() => [...window.reroute!.app.positions()].find(([id]) => id === "horgos")![1]);
    await page.getByRole("button", { name: "Run force layout" }).click();
    const stop = page.getByRole("button", { name: "Stop force layout" });
    expect(await stop.getAttribute("aria-pressed")).toBe("true");
    await page.waitForFunction((b) => {
      const p = window.reroute!.app.positions().get("horgos")!;
      return Math.hypot(p.x - b.x, p.y - b.y) > 1;
    }, before);
    await stop.click();
    await waitIdle(page);
    expect(await page.getByRole("button", { name: "Run force layout" }).getAttribute("aria-pressed")).toBe("false");
    await page.getByLabel("Layout", { exact: true }).selectOption("geo");
    await waitIdle(page);
  });

  it("editing an assumption recomputes the flows, badges the view and re-checks; Restore default shares undoes it", async () => {
    await page.getByRole("button", { name: "Assumptions", exact: true }).click();
    const horgosOut = () =>
      page.evaluate(() =>
        window
          .reroute!.app.derived()
          .flows.filter((f) => f.year === 2024 && f.from === "horgos")
          .reduce((s, f) => s + f.volume, 0),
      );
    const base = await horgosOut();
    const input = page.getByLabel("Assumed Horgos share of the 2024 Central Asia lane", { exact: true });
    expect(await input.inputValue()).toBe("0.6");
    await act(() => input.fill("0.7"));
    // 436,000 × 0.5 × 0.7 / 0.9 × … : the group 0.7 + 0.15 + 0.1 + 0.05 sums to 1, so Alashankou gets 0 and Horgos 0.7.
    expect(await horgosOut()).toBeGreaterThan(base);
    const badge = page.getByTestId("edited-assumptions");
    expect(await badge.isVisible()).toBe(true);
    expect(await badge.textContent()).toBe("Edited assumptions (1)");
    expect(await page.getByTestId("assumption-checks").textContent()).toMatch(/reconcile|break/);
    // The Table shows the recomputed Horgos → Kazakhstan figure.
    await openSection(page, "Table");
    const hk = await page.evaluate(() => window.reroute!.app.derived().flows.find((f) => f.id === "horgos>kz@2024/road")!.volume);
    expect(await page.locator('#flow-table tr[data-flow="horgos>kz@2024/road"] td:nth-child(4)').textContent()).toBe(
      new Intl.NumberFormat("en-GB").format(hk),
    );
    // Push Torugart 2023 too high: the panel names the bound that breaks.
    await act(() => page.getByLabel("Assumed Torugart share of the 2023 Central Asia lane", { exact: true }).fill("0.3"));
    await act(() => page.getByLabel("Assumed Central Asia overland lane share of 2023 used-car exports", { exact: true }).fill("0.8"));
    expect(await page.getByTestId("assumption-checks").textContent()).toContain("Torugart (Kizilsu port) 2023");
    await act(() => page.getByRole("button", { name: "Restore default shares" }).click());
    expect(await badge.isVisible()).toBe(false);
    expect(await horgosOut()).toBe(base);
    expect(await page.getByTestId("assumption-checks").textContent()).toMatch(/reconcile/);
    await page.getByRole("button", { name: "Assumptions", exact: true }).click();
  });

  it("an assumption typed outside its range is clamped and the field says so, until the next valid edit", async () => {
    await page.getByRole("button", { name: "Assumptions", exact: true }).click();
    const input = page.getByLabel("Assumed Central Asia overland lane share of 2023 used-car exports", { exact: true });
    const [min, max] = (await Promise.all([input.getAttribute("min"), input.getAttribute("max")])).map(Number) as [number, number];
    const pct = (v: number) => `${Math.round(v * 100)}%`;
    const noteId = (await input.getAttribute("aria-describedby"))!.split(/\s+/).find((id) => id.endsWith("-clamp"))!;
    const note = page.locator(`#${noteId}`);
    expect(await note.getAttribute("role")).toBe("status");
    expect(await note.getAttribute("aria-live")).toBe("polite");
    const low = String(Math.round((min - 0.3) * 100) / 100);
    await act(() => input.fill(low));
    await expect.poll(() => note.textContent()).toBe(`${low} (${pct(Number(low))}) is outside ${pct(min)}–${pct(max)}: set to ${pct(min)}`);
    expect(await note.isVisible()).toBe(true);
    await input.blur();
    expect(await input.inputValue()).toBe(String(min));
    const declared = Number(
      await page.evaluate(
        () => window.reroute!.app.dataset().assumptions.find((a) => a.label.includes("Central Asia overland lane share of 2023"))!.value,
      ),
    );
    const mid = String(
      [(min + max) / 2, (min + (min + max) / 2) / 2].map((v) => Math.round(v * 100) / 100).find((v) => v !== declared && v !== min)!,
    );
    await act(() => input.fill(mid));
    expect(await note.textContent()).toBe("");
    expect(await note.isVisible()).toBe(false);
    await act(() => page.getByRole("button", { name: "Restore default shares" }).click());
    await page.getByRole("button", { name: "Assumptions", exact: true }).click();
  });

  it("every control is labelled with a unique name, reachable by Tab, and axe finds no violation", async () => {
    const report = await page.evaluate(() => {
      const controls = [...document.querySelectorAll<HTMLElement>("button, select, input, textarea, [role=combobox]")].filter(
        (e) =>
          e.getAttribute("aria-hidden") !== "true" &&
          !(e as HTMLInputElement).disabled &&
          e.getClientRects().length > 0 &&
          getComputedStyle(e).visibility !== "hidden",
      );
      const nameOf = (e: HTMLElement) => {
        const by = e.getAttribute("aria-labelledby");
        if (by)
          return by
            .split(/\s+/)
            .map((id) => document.getElementById(id)?.textContent ?? "")
            .join(" ")
            .trim();
        const aria = e.getAttribute("aria-label");
        if (aria) return aria.trim();
        const labels = (e as HTMLInputElement).labels;
        if (labels && labels.length)
          return [...labels]
            .map((l) => l.textContent ?? "")
            .join(" ")
            .replace(/\s+/g, " ")
            .trim();
        if (e.tagName === "BUTTON") return (e.textContent ?? "").replace(/\s+/g, " ").trim();
        return "";
      };
      // The event markers are one Tab stop (roving tabindex): the others are reached with the arrow keys.
      const named = controls.map((e) => ({
        id: e.id || e.outerHTML.slice(0, 60),
        name: nameOf(e),
        tab: e.classList.contains("x-event") ? 0 : e.tabIndex,
      }));
      const markerStops = [...document.querySelectorAll<HTMLElement>(".x-event")].filter((e) => e.tabIndex === 0).length;
      const counts = new Map<string, number>();
      for (const n of named) counts.set(n.name.toLowerCase(), (counts.get(n.name.toLowerCase()) ?? 0) + 1);
      return {
        unnamed: named.filter((n) => !n.name),
        duplicates: [...counts].filter(([, c]) => c > 1),
        untabbable: named.filter((n) => n.tab < 0),
        count: named.length,
        markerStops,
      };
    });
    expect(report.unnamed).toEqual([]);
    expect(report.duplicates).toEqual([]);
    expect(report.untabbable).toEqual([]);
    expect(report.markerStops).toBe(1);
    expect(report.count).toBeGreaterThan(30);

    // Tab through the page: each Explore control is reached.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const reached = new Set<string>();
    for (let i = 0; i < 160; i++) {
      await page.keyboard.press("Tab");
      const id = await page.evaluate(() => {
        const a = document.activeElement as HTMLElement | null;
        return a ? a.id || a.dataset.event || a.tagName : "";
      });
      reached.add(id);
    }
    for (const id of [
      "year",
      "layout",
      "find-place",
      "measure",
      "scale",
      "min-width",
      "max-width",
      "node-size-by",
      "filter-threshold",
      "filter-top-n",
      "play-years",
    ]) {
      expect(reached, id).toContain(id);
    }
    // Fifteen policy events, one Tab stop.
    const events = await page.evaluate(() => window.reroute!.app.dataset().events.map((e) => e.id));
    expect([...reached].filter((id) => events.includes(id))).toHaveLength(1);

    // Evaluated through the DevTools protocol: the page's Content-Security-Policy refuses inline scripts, as it should.
    await page.evaluate(readFileSync(`${ROOT}/node_modules/axe-core/axe.min.js`, "utf8"));
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as { axe: { run(ctx: Document): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }
      ).axe;
      const result = await axe.run(document);
      return result.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(" ")) }));
    });
    console.info(`axe violations: ${violations.length}`, JSON.stringify(violations));
    expect(violations).toEqual([]);
  });

  it("raised no console error and sent no request outside its origin", () => {
    expect(opened.errors).toEqual([]);
    expect(opened.foreignRequests).toEqual([]);
  });
});
