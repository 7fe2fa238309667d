// Data v2 as a researcher meets it: the app opens on 2024 with a context layer to switch on (reported
// all-vehicle figures, drawn apart from the used-car flows), a searchable Sources view whose facts carry
// their quotes and links, cards that link to their facts, and 2025 on the time axis with what is reported.
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { launchBrowser, openApp, openSection, serveDist, waitIdle, type OpenedPage, type Served } from "./harness";

let served: Served;
let browser: Browser;
let app: OpenedPage;

beforeAll(async () => {
  served = await serveDist();
  browser = await launchBrowser();
});

// Each test starts from a page of its own: nothing one test does is seen by the next.
beforeEach(async () => {
  app = await openApp(browser, served.url);
});

afterEach(async () => {
  await app?.context.close();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const contextEdges = () =>
  app.page.evaluate(() =>
    window
      .reroute!.app.scene()
      .edges.filter((e) => e.kind === "context")
      .map((e) => e.id)
      .sort(),
  );

describe("data v2 in the browser", () => {
  it("opens on 2024 with every route called a modelled estimate, and the context layer available but off", async () => {
    const { page } = app;
    expect(await page.locator("#year").inputValue()).toBe("2024");
    expect(await page.locator("#notice").textContent()).toMatch(
      /Every 2024 route is a modelled estimate: it splits the reported national used-car total \(436,000/,
    );
    const toggle = page.getByRole("checkbox", { name: "Context layer" });
    expect(await toggle.isChecked()).toBe(false);
    expect(await contextEdges()).toEqual([]);
    expect(await page.getByTestId("legend-context").count()).toBe(0);
    expect(await page.getByTestId("legend-basis").textContent()).toContain("Modelled estimate (lighter)");

    await toggle.check();
    await waitIdle(page);
    const edges = await contextEdges();
    // China → Russia and the UAE (vehicle exports, D4, D7), Jordan's bound (D14), Kyrgyzstan → Russia's transit (K14).
    for (const id of ["context:china>ru@2024", "context:china>ae@2024", "context:china>jo@2024", "context:kg>ru@2024"])
      expect(edges).toContain(id);
    expect(await page.getByTestId("legend-context").textContent()).toMatch(/not a used-car flow/);
    // Never summed: the flows' volumes are the same with the layer on.
    const flowTotal = await page.evaluate(() => window.reroute!.app.derived().visible.shown.reduce((s, f) => s + f.volume, 0));
    await toggle.uncheck();
    await waitIdle(page);
    expect(await contextEdges()).toEqual([]);
    expect(await page.evaluate(() => window.reroute!.app.derived().visible.shown.reduce((s, f) => s + f.volume, 0))).toBe(flowTotal);
  });

  it("the context layer travels in a share link: a fresh browser opens with it on and drawn", async () => {
    const { page } = app;
    const toggle = page.getByRole("checkbox", { name: "Context layer" });
    await toggle.check();
    await waitIdle(page);
    // The address is the share link (Share link copies it): it follows the view.
    await page.waitForFunction(() => location.hash.startsWith("#v="), undefined, { timeout: 10_000 });
    const link = await page.evaluate(() => location.href);
    await toggle.uncheck();
    const fresh = await openApp(browser, link);
    try {
      await waitIdle(fresh.page);
      expect(await fresh.page.getByRole("checkbox", { name: "Context layer" }).isChecked()).toBe(true);
      const drawn = await fresh.page.evaluate(() =>
        window
          .reroute!.app.scene()
          .edges.filter((e) => e.kind === "context")
          .map((e) => e.id),
      );
      expect(drawn).toContain("context:kg>ru@2024");
      expect(fresh.errors).toEqual([]);
    } finally {
      await fresh.context.close();
    }
  });

  it("the Sources view lists every fact and source, searches them, and shows a fact's quote, link and uses", async () => {
    const { page } = app;
    await openSection(page, "Sources");
    const search = page.getByLabel("Search facts and publications", { exact: true });
    const facts = page.locator("#section-sources .src-fact");
    expect(await facts.count()).toBe(122);
    await search.fill("K19");
    await expect.poll(() => facts.count()).toBe(1);
    const k19 = facts.first();
    expect(await k19.locator(".src-quote").textContent()).toBe("“China delivered 83,800 passenger cars to Uzbekistan”");
    expect(await k19.locator("a").first().getAttribute("href")).toBe("https://en.trend.az/casia/uzbekistan/3860848.html");
    expect(await k19.locator(".src-uses summary").textContent()).toBe("Used by 2 context figures");
    await search.fill("prohibe vehiculos");
    await expect.poll(() => facts.allTextContents()).toEqual([expect.stringMatching(/^LA5 /)]);
    await search.fill("");
    await expect.poll(() => facts.count()).toBe(122);
  });

  it("a flow's card links to its facts: the Chengdu rail flow opens RL1 in Sources", async () => {
    const { page } = app;
    await page.evaluate(() =>
      window.reroute!.app.store.dispatch((s) => ({ ...s, selection: { type: "edge", id: "chengdu-rail>kz@2024/rail" } })),
    );
    await waitIdle(page);
    const link = page.getByRole("button", { name: "Fact RL1: show it among the facts" });
    await link.click();
    expect(await page.getByLabel("Search facts and publications", { exact: true }).inputValue()).toBe("RL1");
    expect(await page.locator("#section-sources .src-fact").allTextContents()).toEqual([expect.stringMatching(/^RL1 .*Kazakhstan/)]);
    await page.evaluate(() => window.reroute!.app.store.dispatch((s) => ({ ...s, selection: null })));
  });

  it("2025 is on the time axis and in Year: no used-car routes, the reported figures drawn as context", async () => {
    const { page } = app;
    expect(await page.locator('.x-tick[data-year="2025"]').count()).toBe(1);
    await page.getByLabel("Year", { exact: true }).selectOption("2025");
    await waitIdle(page);
    expect(await page.locator("#notice").textContent()).toContain("Used-car routes for 2025 are not published, so none are drawn.");
    const kinds = await page.evaluate(() => [...new Set(window.reroute!.app.scene().edges.map((e) => e.kind ?? "flow"))]);
    expect(kinds).toEqual(["context"]);
    const edges = await contextEdges();
    for (const id of [
      "context:china>ae@2025",
      "context:china>mx@2025",
      "context:china>uz@2025",
      "context:jo>iq@2025",
      "context:kg>ru@2025",
    ]) {
      expect(edges).toContain(id);
    }
    expect(await page.getByTestId("legend-context").count()).toBe(1);
    expect(await page.getByTestId("legend-basis").textContent()).not.toMatch(/Modelled estimate/);
    // No used-car flows: the flow-width legend says so instead of widths for nothing.
    expect(await page.getByTestId("legend-widths").textContent()).toContain("No flows shown");
    await page.getByLabel("Year", { exact: true }).selectOption("2024");
    await waitIdle(page);
  });
});
