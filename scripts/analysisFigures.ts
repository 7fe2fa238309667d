// Makes the figures and screenshots of docs/analysis.md from the built app (npm run docs:analysis):
// each analysis view opened as a user opens it, its figures printed (they are the ones the doc quotes)
// and a screenshot of the view beside the map written to docs/analysis/.
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import type { Page } from "playwright-core";
import { launchBrowser, openApp, openSection, serveDist, waitIdle } from "../test/e2e/harness";

const outDir = resolve(import.meta.dirname, "../docs/analysis");
mkdirSync(outDir, { recursive: true });

const served = await serveDist();
const browser = await launchBrowser();
const figures: string[] = [];

/** The whole page (the map and the open panel), as a reader of the doc would see it. */
async function shot(page: Page, name: string): Promise<void> {
  await waitIdle(page);
  const path = resolve(outDir, `${name}.png`);
  await page.screenshot({ path });
  figures.push(`  screenshot: docs/analysis/${name}.png`);
}

async function fresh(): Promise<Page> {
  const opened = await openApp(browser, served.url, { viewport: { width: 1440, height: 900 } });
  return opened.page;
}

const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).textContent()) ?? "").replace(/\s+/g, " ").trim();

try {
  {
    const page = await fresh();
    await openSection(page, "Over time");
    await page.getByTestId("over-time-chart").waitFor();
    // The keyboard readout, year by year (Home, then → through the years).
    await page.getByTestId("over-time-chart").focus();
    await page.keyboard.press("Home");
    const values: string[] = [];
    for (let i = 0; i < 12; i++) {
      const v = await text(page, "over-time-readout");
      if (values.includes(v)) break;
      values.push(v);
      await page.keyboard.press("ArrowRight");
    }
    figures.push("Over time (the whole dataset):", ...values.map((v) => `  ${v}`));
    await shot(page, "over-time");
    await page.context().close();
  }
  {
    const page = await fresh();
    await openSection(page, "Compare years");
    await page.getByLabel("Compare with", { exact: true }).selectOption("2023");
    await page.waitForFunction(() => /→/.test(document.querySelector('[data-testid="compare-summary"]')?.textContent ?? ""));
    figures.push("Compare years (2024 against 2023):", `  ${await text(page, "compare-summary")}`);
    const rows = await page
      .locator("#compare-table tbody tr")
      .evaluateAll((trs) => trs.slice(0, 5).map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent?.trim()).join(" | ")));
    figures.push(...rows.map((r) => `  ${r}`));
    await shot(page, "compare-years");
    await page.context().close();
  }
  {
    const page = await fresh();
    await page.evaluate(() => window.reroute!.app.store.dispatch((s) => ({ ...s, selection: { type: "node", id: "ru" } })));
    await openSection(page, "Sankey");
    await page.getByLabel("Bands of", { exact: true }).selectOption("place");
    await page.getByTestId("sankey-chart").locator(".sankey-links path").first().waitFor({ state: "attached" });
    const bands = await page
      .getByTestId("sankey-chart")
      .locator(".sankey-links path")
      .evaluateAll((ps) => ps.slice(0, 6).map((p) => p.getAttribute("aria-label") ?? p.querySelector("title")?.textContent ?? ""));
    figures.push("Sankey (what reaches Russia, 2024, by origin):", ...bands.map((b) => `  ${b}`));
    await shot(page, "sankey");
    await page.context().close();
  }
  {
    const page = await fresh();
    await openSection(page, "Scenarios");
    await page.getByLabel("What-if scenario", { exact: true }).selectOption("horgos-closed");
    await page.waitForFunction(() => /conserved/.test(document.querySelector('[data-testid="scenario-effect"]')?.textContent ?? ""));
    figures.push("Scenarios (Horgos closed, 2024):", `  ${await text(page, "scenario-effect")}`);
    await shot(page, "scenario-horgos-closed");
    await page.context().close();
  }
  console.log(figures.join("\n"));
} finally {
  await browser.close();
  await served.close();
}
