// Screenshots of every layout at the screen sizes presenters and phones use, and of the exports, from the
// built app (npm run screenshots): docs/screenshots/<layout>-<width>x<height>.png and export-*.{png,svg}.
// Made to be looked at, as a presenter would, after a change to the picture.
import { copyFileSync, mkdirSync } from "node:fs";
import { resolve } from "node:path";
import type { Page } from "playwright-core";
import { launchBrowser, openApp, serveDist, waitIdle } from "../test/e2e/harness";

const OUT = resolve(import.meta.dirname, "../docs/screenshots");
const SIZES: [number, number][] = [
  [1280, 800],
  [1920, 1080],
  [768, 1024],
  [390, 844],
];
const LAYOUTS = [
  ["geo", "Geographic"],
  ["chain", "Chain"],
  ["force", "Force-directed"],
] as const;

async function chooseLayout(page: Page, layout: string): Promise<void> {
  const select = page.getByLabel("Layout", { exact: true });
  if ((await select.count()) === 1 && (await select.isVisible())) await select.selectOption(layout);
  else await page.evaluate((l) => window.reroute!.app.store.dispatch((s) => ({ ...s, layout: l as "geo" | "chain" | "force" })), layout);
  await page.waitForFunction((l) => window.reroute!.app.store.get().layout === l, layout);
  await waitIdle(page);
}

async function saveExport(page: Page, button: string, name: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 120_000 }),
    page.getByRole("button", { name: button, exact: true }).click(),
  ]);
  const path = resolve(OUT, name);
  copyFileSync(await download.path(), path);
  await page.waitForFunction(() => document.documentElement.dataset.exporting === "false");
  return path;
}

mkdirSync(OUT, { recursive: true });
const served = await serveDist();
const browser = await launchBrowser();
const written: string[] = [];
try {
  for (const [width, height] of SIZES) {
    const { page, errors, context } = await openApp(browser, served.url, { viewport: { width, height } });
    for (const [layout] of LAYOUTS) {
      await chooseLayout(page, layout);
      await page.mouse.move(1, 1);
      const path = resolve(OUT, `${layout}-${width}x${height}.png`);
      await page.screenshot({ path });
      written.push(path);
    }
    if (errors.length) console.log(`console errors at ${width}×${height}:`, errors);
    await context.close();
  }
  // Exports from the default view at 1280×800: slide PNG and SVG, 2021 and 2024, transparent and dark.
  const { page, context } = await openApp(browser, served.url, { viewport: { width: 1280, height: 800 } });
  written.push(await saveExport(page, "Export PNG", "export-2024-slide.png"));
  written.push(await saveExport(page, "Export SVG", "export-2024-slide.svg"));
  await page.getByLabel("Year", { exact: true }).selectOption("2021");
  await waitIdle(page);
  written.push(await saveExport(page, "Export PNG", "export-2021-slide.png"));
  await page.getByLabel("Year", { exact: true }).selectOption("2024");
  await waitIdle(page);
  const open = page.getByRole("button", { name: "Image export", exact: true });
  if ((await open.count()) === 1 && (await open.getAttribute("aria-expanded")) !== "true") await open.click();
  await page.getByLabel("Background", { exact: true }).selectOption("dark");
  written.push(await saveExport(page, "Export PNG", "export-2024-dark.png"));
  await page.getByLabel("Background", { exact: true }).selectOption("transparent");
  written.push(await saveExport(page, "Export PNG", "export-2024-transparent.png"));
  await page.getByLabel("Background", { exact: true }).selectOption("white");
  await page.getByLabel("Image size", { exact: true }).selectOption("a4");
  written.push(await saveExport(page, "Export PNG", "export-2024-a4.png"));
  written.push(await saveExport(page, "Export SVG", "export-2024-a4.svg"));
  // "Current view": the graph's size on screen, labels scaled with the smaller frame.
  await page.getByLabel("Image size", { exact: true }).selectOption("view");
  written.push(await saveExport(page, "Export PNG", "export-2024-view.png"));
  await page.getByLabel("Image size", { exact: true }).selectOption("slide");
  // A trace: every chain drawn named with its volume, the map framed on the route.
  for (const [field, place] of [
    ["Origin", "Sichuan"],
    ["Destination", "Russia"],
  ] as const) {
    await page.getByRole("combobox", { name: field }).fill(place);
    await page.getByRole("combobox", { name: field }).press("Enter");
  }
  await page.getByRole("button", { name: "Trace", exact: true }).click();
  await page.getByRole("listbox", { name: "Chains found, best first" }).waitFor();
  await waitIdle(page);
  written.push(await saveExport(page, "Export PNG", "export-2024-trace-sichuan-russia.png"));
  written.push(await saveExport(page, "Export SVG", "export-2024-trace-sichuan-russia.svg"));
  await context.close();
  // The border inset open, on screen and in the slide export.
  const inset = await openApp(browser, served.url, { viewport: { width: 1280, height: 800 } });
  await inset.page.getByRole("button", { name: "Border inset", exact: true }).click();
  await inset.page.waitForFunction(() => window.reroute!.app.renderer.inset() !== null);
  await inset.page.mouse.move(1, 1);
  await waitIdle(inset.page);
  const insetPath = resolve(OUT, "geo-inset-1280x800.png");
  await inset.page.screenshot({ path: insetPath });
  written.push(insetPath);
  written.push(await saveExport(inset.page, "Export PNG", "export-2024-inset.png"));
  written.push(await saveExport(inset.page, "Export SVG", "export-2024-inset.svg"));
  await inset.context.close();
  // The 640×400 embed.
  const embed = await openApp(browser, `${served.url}?embed=1`, { viewport: { width: 640, height: 400 } });
  const path = resolve(OUT, "embed-640x400.png");
  await embed.page.screenshot({ path });
  written.push(path);
  await embed.context.close();
} finally {
  await browser.close();
  await served.close();
}
for (const w of written) console.log(w);
