// Share and present, as a presenter does it: a link that reopens the same picture elsewhere, back/forward
// through changes, saved views that survive a reload, presentation by keyboard, and broken links.
import { readFileSync } from "node:fs";
import pixelmatch from "pixelmatch";
import type { Browser } from "playwright-core";
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

const graphShot = async (page: import("playwright-core").Page) => {
  await page.mouse.move(1, 1);
  await waitIdle(page);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return decodePng(await page.locator("#graph").screenshot());
};

describe("share links and saved views", () => {
  it("a shared link opens the same picture in a fresh browser, and back restores the previous view", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, permissions: ["clipboard-read", "clipboard-write"] });
    const { page, errors } = await openApp(browser, served.url, { context });
    await page.getByLabel("Year", { exact: true }).selectOption("2023");
    await page.evaluate(() => {
      const { store } = window.reroute!.app;
      store.dispatch((s) => ({ ...s, filters: { ...s.filters, hiddenLanes: ["caucasus"] } }));
      store.dispatch((s) => ({ ...s, trace: { ...s.trace, origin: "sichuan", destination: "ru" } }));
    });
    // Zoom in on Central Asia: the camera travels in the link too.
    const horgos = (await page.evaluate(() => window.reroute!.nodeOnPage("horgos")))!;
    await page.mouse.move(horgos.x, horgos.y);
    await page.mouse.wheel(0, -400);
    await page.waitForFunction(() => window.reroute!.app.store.get().camera !== null, undefined, { timeout: 10_000 });
    await page.getByRole("button", { name: "Share link", exact: true }).click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/#v=/);
    const camera = await page.evaluate(() => window.reroute!.app.renderer.getCamera());
    expect(camera.ratio).toBeLessThan(1);
    const before = await graphShot(page);

    const fresh = await openApp(browser, link);
    expect(await fresh.page.getByLabel("Year", { exact: true }).inputValue()).toBe("2023");
    const state = await fresh.page.evaluate(() => window.reroute!.app.store.get());
    expect(state.filters.hiddenLanes).toEqual(["caucasus"]);
    expect(state.trace).toMatchObject({ origin: "sichuan", destination: "ru" });
    const freshCamera = await fresh.page.evaluate(() => window.reroute!.app.renderer.getCamera());
    expect(freshCamera.ratio).toBeCloseTo(camera.ratio, 4);
    expect(freshCamera.x).toBeCloseTo(camera.x, 4);
    const after = await graphShot(fresh.page);
    expect([after.width, after.height]).toEqual([before.width, before.height]);
    const diff = pixelmatch(before.data, after.data, undefined, before.width, before.height, { threshold: 0.1 });
    expect(diff / (before.width * before.height)).toBeLessThan(0.02);
    expect(fresh.errors).toEqual([]);
    await fresh.context.close();

    // Back steps through the changes: trace, lane filter, year.
    await page.goBack();
    await page.goBack();
    await page.goBack();
    await expect.poll(() => page.getByLabel("Year", { exact: true }).inputValue()).toBe("2024");
    await page.goForward();
    await expect.poll(() => page.getByLabel("Year", { exact: true }).inputValue()).toBe("2023");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a mangled link shows a clear message and the default view", async () => {
    for (const hash of ["#v=N4IgdghgtgpiBcIDCB7ANgFwAQH0DiAjgK4AuAFgIyYA2GSmA", "#v=%3Cscript%3Ealert(1)%3C/script%3E", "#story=xyz"]) {
      const { page, context, errors } = await openApp(browser, served.url + hash);
      await expect.poll(() => page.locator(".msg-error").count()).toBeGreaterThan(0);
      expect(await page.locator(".msg-error").first().textContent()).toMatch(/could not be opened/);
      expect(await page.getByLabel("Year", { exact: true }).inputValue()).toBe("2024");
      expect(await page.locator("script:not([src]), img").count()).toBe(0);
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it("saved views survive a reload and present step by step with the keyboard", async () => {
    const { page, context, errors } = await openApp(browser, served.url);
    await page.locator("#section-views summary").click();
    for (const [year, name] of [["2022", "Before the opening"], ["2023", "First big year"], ["2024", "Nationwide"]] as const) {
      await page.getByLabel("Year", { exact: true }).selectOption(year);
      await page.getByLabel("View name").fill(name);
      await page.getByRole("button", { name: "Save view" }).click();
    }
    await page.getByLabel("Caption of view 2").fill("Horgos takes off");
    await page.getByLabel("Caption of view 2").blur();
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.ready === "true");
    await page.locator("#section-views summary").click();
    expect(await page.getByLabel("Title of view 3").inputValue()).toBe("Nationwide");
    expect(await page.getByLabel("Caption of view 2").inputValue()).toBe("Horgos takes off");

    await page.getByRole("button", { name: "Present" }).click();
    const overlay = page.locator(".story-overlay");
    await expect.poll(() => overlay.isVisible()).toBe(true);
    const step = async () => {
      await waitIdle(page);
      return [await overlay.locator(".story-title").textContent(), await overlay.locator(".story-counter").textContent(), await page.evaluate(() => window.reroute!.app.store.get().year)];
    };
    expect(await step()).toEqual(["Before the opening", "Step 1 of 3", 2022]);
    await page.keyboard.press("ArrowRight");
    expect(await step()).toEqual(["First big year", "Step 2 of 3", 2023]);
    expect(await overlay.locator(".story-caption").textContent()).toBe("Horgos takes off");
    await page.keyboard.press("PageDown");
    expect(await step()).toEqual(["Nationwide", "Step 3 of 3", 2024]);
    await page.keyboard.press("PageUp");
    expect(await step()).toEqual(["First big year", "Step 2 of 3", 2023]);
    await page.keyboard.press("Escape");
    await expect.poll(() => overlay.isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a corrupt views file is refused and the saved views stay", async () => {
    const { page, context } = await openApp(browser, served.url);
    await page.locator("#section-views summary").click();
    await page.getByLabel("View name").fill("Keep me");
    await page.getByRole("button", { name: "Save view" }).click();
    await page.setInputFiles("#import-views", { name: "views.json", mimeType: "application/json", buffer: Buffer.from('{"format":"reroute-views","version":1,"views":[') });
    await expect.poll(() => page.locator(".msg-error").count()).toBeGreaterThan(0);
    expect(await page.locator(".msg-error").first().textContent()).toMatch(/views\.json could not be imported/);
    expect(await page.getByLabel("Title of view 1").inputValue()).toBe("Keep me");
    await context.close();
  });

  it("Export bundle carries the saved views, and importing the bundle elsewhere restores them", async () => {
    const { page, context } = await openApp(browser, served.url);
    await page.locator("#section-views summary").click();
    await page.getByLabel("Year", { exact: true }).selectOption("2023");
    await page.getByLabel("View name").fill("Carried along");
    await page.getByRole("button", { name: "Save view" }).click();
    await page.getByLabel("Caption of view 1").fill("with its caption");
    await page.getByLabel("Caption of view 1").blur();
    await page.locator("#section-data summary").click();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export bundle" }).click()]);
    const bundle = readFileSync((await download.path())!);
    await context.close();

    const other = await openApp(browser, served.url);
    await other.page.setInputFiles("#import-data", { name: "work.reroute.json", mimeType: "application/json", buffer: bundle });
    await other.page.getByRole("button", { name: /^Import \d+ valid rows$/ }).click();
    await other.page.locator("#section-views summary").click();
    await expect.poll(() => other.page.getByLabel("Title of view 1").inputValue()).toBe("Carried along");
    expect(await other.page.getByLabel("Caption of view 1").inputValue()).toBe("with its caption");
    await other.context.close();
  });

  it("embed mode shows the graph without the controls and links back to the full view", async () => {
    const { page, context, errors } = await openApp(browser, served.url + "?embed");
    expect(await page.locator(".topbar").isVisible()).toBe(false);
    const link = page.getByRole("link", { name: "Open in Reroute" });
    expect(await link.isVisible()).toBe(true);
    expect(await link.getAttribute("href")).not.toMatch(/embed/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
