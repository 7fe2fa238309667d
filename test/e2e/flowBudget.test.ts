// The flow budget on a large graph: only the largest flows are drawn, with a note of how many of how
// many; the "Flow budget" input and "Show all flows" change what is drawn. No timing is asserted here
// (frame times belong to `npm run bench`).
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { generateTradeDataset } from "../../bench/synthetic";
import { launchBrowser, openApp, renders, serveDist, waitRendered, type OpenedPage, type Served } from "./harness";

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
  const dataset = generateTradeDataset({ flows: 9_000, years: 3, seed: 5 });
  const before = await renders(app.page);
  await app.page.evaluate((json) => window.reroute!.app.setDataset(JSON.parse(json)), JSON.stringify(dataset));
  await waitRendered(app.page, before);
});

afterEach(async () => {
  await app?.context.close();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const edges = () => app.page.evaluate(() => window.reroute!.app.scene().edges.length);
const yearFlows = () => app.page.evaluate(() => window.reroute!.app.derived().visible.total);
const format = (n: number) => new Intl.NumberFormat("en-GB").format(n);

async function act(step: () => Promise<unknown>): Promise<void> {
  const before = await renders(app.page);
  await step();
  await waitRendered(app.page, before);
}

describe("flow budget", () => {
  it("draws the 2,000 largest flows of the year and says so", async () => {
    const { page } = app;
    const total = await yearFlows();
    expect(total).toBeGreaterThan(2000);
    expect(await edges()).toBe(2000);
    expect(await page.getByRole("status").filter({ hasText: "largest" }).textContent()).toBe(
      `Showing the 2,000 largest of ${format(total)} flows`,
    );
    const drawn = await page.evaluate(() => window.reroute!.app.scene().edges.map((e) => e.volume));
    const all = await page.evaluate(() =>
      window
        .reroute!.app.derived()
        .flows.filter((f) => f.year === window.reroute!.app.store.get().year)
        .map((f) => f.volume),
    );
    // Nothing left out is larger than the smallest drawn flow.
    const smallestDrawn = Math.min(...drawn);
    expect(all.filter((v) => v > smallestDrawn).length).toBeLessThan(2000);
  });

  it("follows the Flow budget input and the Show all flows toggle", async () => {
    const { page } = app;
    const total = await yearFlows();
    const input = page.getByLabel("Flow budget", { exact: true });
    await act(() => input.fill("500").then(() => input.press("Enter")));
    expect(await edges()).toBe(500);
    expect(await page.getByRole("status").filter({ hasText: "largest" }).textContent()).toBe(
      `Showing the 500 largest of ${format(total)} flows`,
    );
    await act(() => page.getByLabel("Show all flows").check());
    expect(await edges()).toBe(total);
    expect(await input.isDisabled()).toBe(true);
    expect(await page.getByRole("status").filter({ hasText: "Showing all" }).textContent()).toBe(`Showing all ${format(total)} flows`);
    await act(() => page.getByLabel("Show all flows").uncheck());
    expect(await edges()).toBe(500);
    expect(await input.inputValue()).toBe("500");
  });
});
