// Screenshots of a big import (770 flows between 250 places around the world, bench/worldFlows.ts) at
// 1280×800, from the built app (npm run screenshots:clusters): clustered at world zoom, zoomed in, with
// "Cluster places" off, and the PNG export of the clustered view, in docs/screenshots/clusters-*.png.
import { copyFileSync, mkdirSync } from "node:fs";
import { resolve } from "node:path";
import type { Page } from "playwright-core";
import { worldFlows } from "../bench/worldFlows";
import { launchBrowser, openApp, renders, serveDist, waitIdle, waitRendered } from "../test/e2e/harness";

const OUT = resolve(import.meta.dirname, "../docs/screenshots");
const data = worldFlows(250, 770, 7);
const csv = (name: string, text: string) => ({ name, mimeType: "text/csv", buffer: Buffer.from(text) });

/** The drawn picture's place count, once it has changed from `from` and the camera has rested. */
async function settledPlaces(page: Page, from: number): Promise<number> {
  await page.waitForFunction((n) => window.reroute!.app.drawn().nodes.length !== n, from, { timeout: 30_000 });
  await waitIdle(page);
  await page.mouse.move(1, 1);
  return page.evaluate(() => window.reroute!.app.drawn().nodes.length);
}

mkdirSync(OUT, { recursive: true });
const served = await serveDist();
const browser = await launchBrowser();
const written: string[] = [];
try {
  const { page, errors } = await openApp(browser, served.url, { viewport: { width: 1280, height: 800 } });
  const shipped = await page.evaluate(() => window.reroute!.app.drawn().nodes.length);
  const before = await page.evaluate(() => Number(document.documentElement.dataset.importCount ?? "0"));
  await page.getByLabel("Import data", { exact: true }).setInputFiles([csv("locations.csv", data.locations), csv("flows.csv", data.flows)]);
  await page.waitForFunction((n) => Number(document.documentElement.dataset.importCount ?? "0") > n, before, { timeout: 30_000 });
  const n = await renders(page);
  await page.getByRole("button", { name: /^Import [\d,]+ valid rows?$/ }).click();
  await waitRendered(page, n);
  await page.waitForFunction(() => !!window.reroute!.app.drawn().clustering, undefined, { timeout: 30_000 });
  const shot = async (name: string) => {
    const path = resolve(OUT, name);
    await page.screenshot({ path });
    written.push(
      `${path}: ${await page.evaluate(() => `${window.reroute!.app.drawn().nodes.length} places/clusters, ${window.reroute!.app.drawn().edges.length} lines`)}`,
    );
  };
  let places = await settledPlaces(page, shipped);
  await shot("clusters-770-world-1280x800.png");
  // The export of the clustered view.
  await page.getByRole("button", { name: "Image export", exact: true }).click();
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 120_000 }),
    page.getByRole("button", { name: "Export PNG", exact: true }).first().click(),
  ]);
  copyFileSync(await download.path(), resolve(OUT, "clusters-770-export.png"));
  written.push(resolve(OUT, "clusters-770-export.png"));
  await page.waitForFunction(() => document.documentElement.dataset.exporting === "false");
  await page.getByRole("button", { name: "Image export", exact: true }).click();
  await page.evaluate(() => document.getElementById("panel")?.scrollTo(0, 0));
  // Zoomed in 4× on Europe's cluster: clusters split.
  await page.evaluate(() => {
    const a = window.reroute!.app;
    const biggest = [...a.drawn().clustering!.byId.values()].sort((x, y) => y.members.length - x.members.length)[0]!;
    void a.renderer.focusNode(biggest.id, a.renderer.getCamera().ratio / 4, false);
  });
  places = await settledPlaces(page, places);
  await shot("clusters-770-zoomed-1280x800.png");
  await page.evaluate(() => window.reroute!.app.renderer.resetCamera(false));
  places = await settledPlaces(page, places);
  await page.getByLabel("Cluster places", { exact: true }).uncheck();
  await settledPlaces(page, places);
  await shot("clusters-770-off-1280x800.png");
  if (errors.length) console.log("console errors:", errors);
} finally {
  await browser.close();
  await served.close();
}
for (const w of written) console.log(w);
