// Share and present, as a presenter does it: a link that reopens the same picture elsewhere, back/forward
// through changes, saved views that survive a reload, presentation by keyboard, and broken links.
import { readFileSync } from "node:fs";
import LZString from "lz-string";
import pixelmatch from "pixelmatch";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodePng, launchBrowser, openApp, openSection, serveDist, waitIdle, type Served } from "./harness";

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
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      permissions: ["clipboard-read", "clipboard-write"],
    });
    const { page, errors } = await openApp(browser, served.url, { context });
    // The real controls, as a researcher uses them: Year, a lane filter, then a traced route with a chosen chain.
    await page.getByLabel("Year", { exact: true }).selectOption("2023");
    await page.getByRole("checkbox", { name: "Show Caucasus lane" }).uncheck();
    const origin = page.getByRole("combobox", { name: "Origin" });
    await origin.click();
    await origin.pressSequentially("Sichu");
    await page.getByRole("listbox", { name: "Places to start from" }).getByRole("option").first().waitFor();
    await origin.press("Enter");
    const destination = page.getByRole("combobox", { name: "Destination" });
    await destination.click();
    await destination.pressSequentially("Russ");
    await page
      .getByRole("listbox", { name: "Places to end at" })
      .getByRole("option", { name: /Russia/ })
      .waitFor();
    await destination.press("Enter");
    await page.getByRole("button", { name: "Trace", exact: true }).click();
    const chains = page.getByRole("listbox", { name: "Chains found, best first" }).getByRole("option");
    await chains.first().click();
    await page.waitForFunction(() => window.reroute!.app.store.get().trace.chain === 0);
    await waitIdle(page);
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
    expect(state.trace).toMatchObject({ origin: "sichuan", destination: "ru", chain: 0 });
    const freshCamera = await fresh.page.evaluate(() => window.reroute!.app.renderer.getCamera());
    expect(freshCamera.ratio).toBeCloseTo(camera.ratio, 4);
    expect(freshCamera.x).toBeCloseTo(camera.x, 4);
    const after = await graphShot(fresh.page);
    expect([after.width, after.height]).toEqual([before.width, before.height]);
    const diff = pixelmatch(before.data, after.data, undefined, before.width, before.height, { threshold: 0.1 });
    expect(diff / (before.width * before.height)).toBeLessThan(0.02);
    expect(fresh.errors).toEqual([]);
    await fresh.context.close();

    // Back steps through the changes: the route (one or more steps), then the lane filter, then the year.
    const now = () =>
      page.evaluate(() => {
        const s = window.reroute!.app.store.get();
        return { year: s.year, lanes: s.filters.hiddenLanes, origin: s.trace.origin, chain: s.trace.chain };
      });
    let backs = 0;
    while ((await now()).origin !== null && backs < 5) {
      await page.goBack();
      backs++;
    }
    expect(backs).toBeGreaterThan(0);
    expect(await now()).toEqual({ year: 2023, lanes: ["caucasus"], origin: null, chain: null });
    expect(await page.getByRole("checkbox", { name: "Show Caucasus lane" }).isChecked()).toBe(false);
    await page.goBack();
    await expect.poll(now).toEqual({ year: 2023, lanes: [], origin: null, chain: null });
    expect(await page.getByRole("checkbox", { name: "Show Caucasus lane" }).isChecked()).toBe(true);
    await page.goBack();
    await expect.poll(() => page.getByLabel("Year", { exact: true }).inputValue()).toBe("2024");
    // Forward all the way: the shared picture again, camera included.
    for (let i = 0; i < backs + 2; i++) await page.goForward();
    await expect.poll(now).toEqual({ year: 2023, lanes: ["caucasus"], origin: "sichuan", chain: 0 });
    const again = await graphShot(page);
    const back = pixelmatch(before.data, again.data, undefined, before.width, before.height, { threshold: 0.1 });
    expect(back / (before.width * before.height)).toBeLessThan(0.02);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a link made after a force layout run shows the places where the run left them", async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      permissions: ["clipboard-read", "clipboard-write"],
    });
    const { page, errors } = await openApp(browser, served.url, { context });
    await page.getByLabel("Layout", { exact: true }).selectOption("force");
    await waitIdle(page);
    const start = (await page.evaluate(() => window.reroute!.nodeOnPage("horgos")))!;
    await page.getByRole("button", { name: "Run force layout" }).click();
    // Stopped part-way, as a user does once the picture reads well: the link must still hold that arrangement.
    await page.waitForFunction(
      ([x, y]) => {
        const p = window.reroute!.nodeOnPage("horgos");
        return !!p && Math.hypot(p.x - x!, p.y - y!) > 30;
      },
      [start.x, start.y],
      { timeout: 30_000 },
    );
    await page.getByRole("button", { name: "Stop force layout" }).click();
    await page.waitForFunction(
      () =>
        document.querySelector("#force-run")?.textContent === "Run force layout" && document.documentElement.dataset.animating === "false",
      undefined,
      { timeout: 30_000 },
    );
    const ran = await page.evaluate(() => window.reroute!.nodeOnPage("horgos"));
    await page.getByRole("button", { name: "Share link", exact: true }).click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    const before = await graphShot(page);
    // A saved view keeps the arrangement too: back on the map, presenting it puts the places where the run left them.
    await openSection(page, "Saved views");
    await page.getByLabel("View name", { exact: true }).fill("Arranged");
    await page.getByRole("button", { name: "Save view", exact: true }).click();
    await page.getByLabel("Layout", { exact: true }).selectOption("geo");
    await waitIdle(page);
    await page.getByRole("button", { name: "Present", exact: true }).click();
    await page.locator(".story-overlay").waitFor();
    await waitIdle(page);
    expect(await page.evaluate(() => window.reroute!.app.store.get().layout)).toBe("force");
    // The graph is narrower while presenting (a slim legend panel): compare graph coordinates, not pixels.
    const inRun = await page.evaluate(() => {
      const p = window.reroute!.app.positions().get("horgos")!;
      return [p.x, p.y];
    });
    await page.keyboard.press("Escape");
    await expect.poll(() => page.evaluate(() => window.reroute!.app.store.get().layout)).toBe("geo");
    await context.close();

    const fresh = await openApp(browser, link);
    expect(await fresh.page.evaluate(() => window.reroute!.app.store.get().layout)).toBe("force");
    const at = (await fresh.page.evaluate(() => window.reroute!.nodeOnPage("horgos")))!;
    expect(Math.hypot(at.x - ran!.x, at.y - ran!.y)).toBeLessThan(1);
    const linked = await fresh.page.evaluate(() => {
      const p = window.reroute!.app.positions().get("horgos")!;
      return [p.x, p.y];
    });
    expect(Math.hypot(inRun[0]! - linked[0]!, inRun[1]! - linked[1]!)).toBeLessThan(0.2);
    const after = await graphShot(fresh.page);
    const diff = pixelmatch(before.data, after.data, undefined, before.width, before.height, { threshold: 0.1 });
    expect(diff / (before.width * before.height)).toBeLessThan(0.02);
    expect(errors).toEqual([]);
    expect(fresh.errors).toEqual([]);
    await fresh.context.close();
  });

  it("the address bar follows a change after its frame: changes made in one task are one step back", async () => {
    const { page, context, errors } = await openApp(browser, served.url);
    const before = await page.evaluate(() => {
      const { store } = window.reroute!.app;
      const length = history.length;
      // Two changes in one task (as a script or a burst of events would make them): the address bar is
      // written once, after the frame they draw, not inside either change.
      store.dispatch((s) => ({ ...s, year: 2022 }));
      store.dispatch((s) => ({ ...s, filters: { ...s.filters, hiddenLanes: ["caucasus"] } }));
      return { length, hash: location.hash };
    });
    expect(before.hash).toBe("");
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#v=/);
    expect(await page.evaluate(() => history.length)).toBe(before.length + 1);
    const view = () => page.evaluate(() => [window.reroute!.app.store.get().year, window.reroute!.app.store.get().filters.hiddenLanes]);
    expect(await view()).toEqual([2022, ["caucasus"]]);
    await page.goBack();
    await expect.poll(view).toEqual([2024, []]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("playing through the years is one step back, not one per year", async () => {
    const { page, context, errors } = await openApp(browser, served.url);
    const year = () => page.getByLabel("Year", { exact: true }).inputValue();
    await page.getByLabel("Year", { exact: true }).selectOption("2022");
    const play = page.getByRole("button", { name: "Play through time" });
    await play.click();
    await page.waitForFunction(
      () =>
        document.querySelector("#play-years")?.textContent === "Play through time" &&
        document.documentElement.dataset.animating === "false",
      undefined,
      { timeout: 20_000 },
    );
    expect(await year()).toBe("2024");
    await page.goBack();
    await expect.poll(year).toBe("2022");
    await page.goBack();
    await expect.poll(year).toBe("2024");
    expect(await page.evaluate(() => location.hash)).toBe("");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a mangled link shows a clear message and the default view", async () => {
    const future = LZString.compressToEncodedURIComponent(JSON.stringify({ v: 99, year: 2023 }));
    const cases: [string, RegExp][] = [
      ["#v=N4IgdghgtgpiBcIDCB7ANgFwAQH0DiAjgK4AuAFgIyYA2GSmA", /could not be opened.*(damaged|cut short)/],
      ["#v=%3Cscript%3Ealert(1)%3C/script%3E", /could not be opened/],
      [`#v=${future}`, /could not be opened.*made by a newer version of Reroute/],
      ["#story=xyz", /story link could not be opened/],
    ];
    for (const [hash, message] of cases) {
      const { page, context, errors } = await openApp(browser, served.url + hash);
      await expect.poll(() => page.locator(".msg-error").count()).toBeGreaterThan(0);
      expect(await page.locator(".msg-error").first().textContent()).toMatch(message);
      expect(await page.evaluate(() => location.hash)).toBe("");
      expect(await page.getByLabel("Year", { exact: true }).inputValue()).toBe("2024");
      expect(await page.locator("script:not([src]), img").count()).toBe(0);
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it("saved views survive a reload and present step by step with the keyboard", async () => {
    const { page, context, errors } = await openApp(browser, served.url);
    await openSection(page, "Saved views");
    for (const [year, name] of [
      ["2022", "Before the opening"],
      ["2023", "First big year"],
      ["2024", "Nationwide"],
    ] as const) {
      await page.getByLabel("Year", { exact: true }).selectOption(year);
      await page.getByLabel("View name").fill(name);
      await page.getByRole("button", { name: "Save view" }).click();
    }
    await page.getByLabel("Caption (view 2)").fill("Horgos takes off");
    await page.getByLabel("Caption (view 2)").blur();
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.ready === "true");
    expect(await page.getByRole("button", { name: "Saved views", exact: true }).getAttribute("aria-expanded")).toBe("true");
    expect(await page.locator(".view-name").nth(2).textContent()).toBe("Nationwide");
    expect(await page.getByLabel("Caption (view 2)").inputValue()).toBe("Horgos takes off");

    await page.getByRole("button", { name: "Present" }).click();
    const overlay = page.locator(".story-overlay");
    await expect.poll(() => overlay.isVisible()).toBe(true);
    const step = async () => {
      await waitIdle(page);
      return [
        await overlay.locator(".story-title").textContent(),
        await overlay.locator(".story-counter").textContent(),
        await overlay.locator(".story-year").textContent(),
        await page.evaluate(() => window.reroute!.app.store.get().year),
      ];
    };
    expect(await step()).toEqual(["Before the opening", "Step 1 of 3", "Year 2022", 2022]);
    await page.keyboard.press("ArrowRight");
    expect(await step()).toEqual(["First big year", "Step 2 of 3", "Year 2023", 2023]);
    expect(await overlay.locator(".story-caption").textContent()).toBe("Horgos takes off");
    await page.keyboard.press("PageDown");
    expect(await step()).toEqual(["Nationwide", "Step 3 of 3", "Year 2024", 2024]);
    await page.keyboard.press("PageUp");
    expect(await step()).toEqual(["First big year", "Step 2 of 3", "Year 2023", 2023]);
    await page.keyboard.press("End");
    expect(await step()).toEqual(["Nationwide", "Step 3 of 3", "Year 2024", 2024]);
    await page.keyboard.press("Home");
    expect(await step()).toEqual(["Before the opening", "Step 1 of 3", "Year 2022", 2022]);
    // The audience sees the graph, the legend and the step; not the controls.
    expect(await page.locator("#section-legend").isVisible()).toBe(true);
    expect(await page.locator("#section-views").isVisible()).toBe(false);
    expect(await page.locator(".topbar").isVisible()).toBe(false);
    await page.screenshot({ path: "/tmp/share-presenting.png" });
    await page.keyboard.press("Escape");
    await expect.poll(() => overlay.isVisible()).toBe(false);
    // Leaving puts back the view from before the presentation.
    await expect.poll(() => page.evaluate(() => window.reroute!.app.store.get().year)).toBe(2024);
    // Showing a saved view is a step back can undo.
    await page.getByRole("button", { name: "Show view (view 1)" }).click();
    await expect.poll(() => page.getByLabel("Year", { exact: true }).inputValue()).toBe("2022");
    await page.goBack();
    await expect.poll(() => page.getByLabel("Year", { exact: true }).inputValue()).toBe("2024");
    // Forward (or Back) while presenting leaves the presentation for the view it goes to.
    await page.getByRole("button", { name: "Present" }).click();
    await page.keyboard.press("ArrowRight");
    expect(await step()).toEqual(["First big year", "Step 2 of 3", "Year 2023", 2023]);
    await page.goForward();
    await expect.poll(() => overlay.isVisible()).toBe(false);
    await expect.poll(() => page.getByLabel("Year", { exact: true }).inputValue()).toBe("2022");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a corrupt views file is refused and the saved views stay", async () => {
    const { page, context } = await openApp(browser, served.url);
    await openSection(page, "Saved views");
    await page.getByLabel("View name").fill("Keep me");
    await page.getByRole("button", { name: "Save view" }).click();
    await page.setInputFiles("#import-views", {
      name: "views.json",
      mimeType: "application/json",
      buffer: Buffer.from('{"format":"reroute-views","version":1,"views":['),
    });
    await expect.poll(() => page.locator(".msg-error").count()).toBeGreaterThan(0);
    expect(await page.locator(".msg-error").first().textContent()).toMatch(/views\.json could not be imported/);
    expect(await page.locator(".view-name").allTextContents()).toEqual(["Keep me"]);
    await context.close();
  });

  it("Export bundle carries the saved views, and importing the bundle elsewhere restores them", async () => {
    const { page, context } = await openApp(browser, served.url);
    await openSection(page, "Saved views");
    await page.getByLabel("Year", { exact: true }).selectOption("2023");
    await page.getByLabel("View name").fill("Carried along");
    await page.getByRole("button", { name: "Save view" }).click();
    await page.getByLabel("Caption (view 1)").fill("with its caption");
    await page.getByLabel("Caption (view 1)").blur();
    await page.getByRole("button", { name: "Data export", exact: true }).click();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export bundle" }).click()]);
    const bundle = readFileSync((await download.path())!);
    await context.close();

    const other = await openApp(browser, served.url);
    await other.page.setInputFiles("#import-data", { name: "work.reroute.json", mimeType: "application/json", buffer: bundle });
    await other.page.getByRole("button", { name: /^Import \d+ valid rows$/ }).click();
    await openSection(other.page, "Saved views");
    await expect.poll(() => other.page.locator(".view-name").first().textContent()).toBe("Carried along");
    expect(await other.page.getByLabel("Caption (view 1)").inputValue()).toBe("with its caption");
    await other.context.close();
  });

  it("a link made on imported data says the file is needed, and opens its view once that file is imported", async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      permissions: ["clipboard-read", "clipboard-write"],
      acceptDownloads: true,
    });
    const { page } = await openApp(browser, served.url, { context });
    await page.getByRole("button", { name: "Data export", exact: true }).click();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export bundle" }).click()]);
    const bundle = readFileSync((await download.path())!);
    const importBundle = async (p: import("playwright-core").Page) => {
      await p.setInputFiles("#import-data", { name: "work.reroute.json", mimeType: "application/json", buffer: bundle });
      await p.getByRole("button", { name: /^Import \d+ valid rows$/ }).click();
      await p.waitForFunction(() => window.reroute!.app.store.get().datasetId.startsWith("local:"));
    };
    await importBundle(page);
    await page.getByLabel("Year", { exact: true }).selectOption("2022");
    await page.getByRole("button", { name: "Share link", exact: true }).click();
    await expect.poll(() => page.locator(".msg-info").allTextContents()).toContainEqual(expect.stringMatching(/recipient needs the file/));
    const link = await page.evaluate(() => navigator.clipboard.readText());
    const localId = await page.evaluate(() => window.reroute!.app.store.get().datasetId);
    await context.close();

    const other = await openApp(browser, link);
    await expect
      .poll(() => other.page.locator(".msg-warning").allTextContents())
      .toContainEqual(expect.stringMatching(/made on imported data .*you need that file/));
    expect(await other.page.evaluate(() => window.reroute!.app.store.get().datasetId)).toBe("zero-mileage");
    await importBundle(other.page);
    await expect
      .poll(() =>
        other.page.evaluate(() => {
          const s = window.reroute!.app.store.get();
          return [s.datasetId, s.year];
        }),
      )
      .toEqual([localId, 2022]);
    expect(await other.page.getByLabel("Year", { exact: true }).inputValue()).toBe("2022");
    expect(await other.page.evaluate(() => location.href)).toBe(link);
    expect(other.errors).toEqual([]);
    await other.context.close();
  });

  it("a link made on another version of the data opens with a warning saying so", async () => {
    const link = served.url + "#v=" + LZString.compressToEncodedURIComponent(JSON.stringify({ v: 2, h: "0000000000000000", year: 2023 }));
    const { page, context, errors } = await openApp(browser, link);
    await expect
      .poll(() => page.locator(".msg-warning").allTextContents())
      .toContainEqual(expect.stringMatching(/made on another version of the data/));
    expect(await page.getByLabel("Year", { exact: true }).inputValue()).toBe("2023");
    expect(await page.locator(".msg-error").count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("embed mode shows the graph and legend without the controls, and links back to the same view in full", async () => {
    const view =
      "#v=" + LZString.compressToEncodedURIComponent(JSON.stringify({ v: 2, year: 2023, filters: { hiddenLanes: ["caucasus"] } }));
    const { page, context, errors } = await openApp(browser, served.url + "?embed" + view);
    expect(
      await page.evaluate(() => {
        const s = window.reroute!.app.store.get();
        return [s.year, s.filters.hiddenLanes];
      }),
    ).toEqual([2023, ["caucasus"]]);
    expect(await page.locator(".topbar").isVisible()).toBe(false);
    expect(await page.locator("#section-legend").isVisible()).toBe(true);
    expect(await page.locator("#section-views").isVisible()).toBe(false);
    expect(await page.locator("#graph").isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Share link" }).count()).toBe(0);
    const link = page.getByRole("link", { name: "Open in Reroute" });
    expect(await link.isVisible()).toBe(true);
    expect(await link.getAttribute("href")).toBe("/" + view);
    expect(await link.getAttribute("target")).toBe("_blank");
    // A caption says what the graph shows (the export's title, with the year) and the data's caveat, as text.
    const title = page.getByTestId("embed-title");
    expect(await title.isVisible()).toBe(true);
    expect(await title.textContent()).toBe("China's used-car exports, 2023");
    expect(await page.getByTestId("embed-caveat").textContent()).toMatch(
      /used-car exports.*~90%.*CADA consultant.*no source splits zero-mileage by route/,
    );
    expect(await page.getByTestId("embed-caption").evaluate((e) => e.querySelectorAll("*:not(p)").length)).toBe(0);
    // Followed (here in the same tab), it is the full app on the same view.
    await page.goto(new URL((await link.getAttribute("href"))!, served.url).href);
    await page.waitForFunction(() => document.documentElement.dataset.ready === "true");
    expect(await page.locator(".topbar").isVisible()).toBe(true);
    expect(await page.getByLabel("Year", { exact: true }).inputValue()).toBe("2023");
    expect(await page.getByRole("checkbox", { name: "Show Caucasus lane" }).isChecked()).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("embed mode's caption follows the view's year and shows a link's own title as text", async () => {
    const view = "#v=" + LZString.compressToEncodedURIComponent(JSON.stringify({ v: 2, year: 2023, title: "<b>Routes</b>" }));
    const { page, context, errors } = await openApp(browser, served.url + "?embed" + view);
    const title = page.getByTestId("embed-title");
    expect(await title.textContent()).toBe("<b>Routes</b> — 2023");
    expect(await page.getByTestId("embed-caption").locator("b").count()).toBe(0);
    // The year changes (as a history step or a host page driving the view would change it).
    await page.evaluate(() => window.reroute!.app.store.dispatch((s) => ({ ...s, year: 2024 })));
    await expect.poll(() => title.textContent()).toBe("<b>Routes</b> — 2024");
    await page.evaluate(() => window.reroute!.app.store.dispatch((s) => ({ ...s, title: "" })));
    await expect.poll(() => title.textContent()).toBe("China's used-car exports, 2024");
    expect(await page.getByTestId("embed-caveat").isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("every control has one clear name: none empty, none repeated, none inside another's; rename, move and delete by name", async () => {
    const { page, context, errors } = await openApp(browser, served.url);
    await openSection(page, "Saved views");
    for (const name of ["Alpha", "Beta", "Gamma"]) {
      await page.getByLabel("View name", { exact: true }).fill(name);
      await page.getByRole("button", { name: "Save view", exact: true }).click();
    }
    await page.evaluate(() =>
      document.querySelectorAll<HTMLButtonElement>(".section-toggle[aria-expanded=false]").forEach((b) => b.click()),
    );
    // The names of all visible controls, as the accessibility tree gives them (ariaSnapshot lines "- role \"name\"").
    const snapshot = await page.locator("body").ariaSnapshot();
    const roles = /^\s*- '?(button|textbox|combobox|checkbox|spinbutton|slider|radio|link|searchbox) "((?:[^"\\]|\\.)*)"/;
    const controls = snapshot
      .split("\n")
      .map((l) => l.match(roles))
      .filter((m): m is RegExpMatchArray => !!m)
      .map((m) => ({ role: m[1]!, name: m[2]!.replace(/\\"/g, '"') }));
    const mine = [
      "Share link",
      "Save view",
      "View name",
      "Present",
      "Share story link",
      "Export views",
      "Import views",
      "Year",
      "Export PNG",
      "Import data",
    ];
    for (const n of mine)
      expect(
        controls.filter((c) => c.name === n),
        n,
      ).toHaveLength(1);
    for (const n of ["Rename view", "Move view up", "Move view down", "Delete view", "Show view", "Update view", "Caption"]) {
      expect(
        controls.filter((c) => c.name.startsWith(n)).map((c) => c.name),
        n,
      ).toEqual([1, 2, 3].map((i) => `${n} (view ${i})`));
    }
    const named = controls.filter((c) => c.role !== "link"); // source links are citations, not controls
    expect(named.filter((c) => !c.name.trim())).toEqual([]);
    const lower = named.map((c) => c.name.toLowerCase());
    expect(lower.filter((a, i) => lower.indexOf(a) !== i)).toEqual([]); // no name twice, anywhere
    // No name of this feature's controls inside another name, nor another name inside one of them.
    const ours =
      /^(share link|link to this view|save view|view name|present|share story link|export views|import views|(rename view|move view up|move view down|delete view|show view|update view|caption) \(view \d+\))$/;
    const clashes: string[] = [];
    const elsewhere: string[] = [];
    lower.forEach((a, i) =>
      lower.forEach((b, j) => {
        if (i === j || !b.includes(a)) return;
        // The issue names the view "Compare years"; it holds "Year", which the Year control's exact name still finds alone.
        if (a === "year" && b === "compare years") return;
        (ours.test(a) || ours.test(b) ? clashes : elsewhere).push(`"${named[j]!.name}" contains "${named[i]!.name}"`);
      }),
    );
    expect(clashes).toEqual([]);
    // The whole page keeps the same rule: a user asking for a control by name finds exactly one.
    expect(elsewhere).toEqual([]);
    // The names people look for, with playwright's default (substring, case-insensitive) matching and every
    // section open: each finds exactly one control ("Year" not also "Over the years", "Reset" not two resets,
    // "Assumptions" not also "Reset assumptions", "Table" not also the graph's description).
    const byLabel = [
      "Origin",
      "Destination",
      "Year",
      "Scale",
      "Import data",
      "Import views",
      "Resolution",
      "Place kinds",
      "Find a place",
      "Layout",
    ];
    const byButton = [
      "Trace",
      "Table",
      "Share link",
      "Export PNG",
      "Import data",
      "Save view",
      "Export views",
      "Import views",
      "Export SVG",
      "Reset",
      "Play",
      "Assumptions",
      "Filters",
      "Present",
    ];
    const found: Record<string, number> = {};
    for (const n of byLabel) found[`label ${n}`] = await page.getByLabel(n).count();
    for (const n of byButton) found[`button ${n}`] = await page.getByRole("button", { name: n }).count();
    // As a word: a source's headline may say "notable" without naming a control.
    for (const n of ["Trace", "Table", "Assumptions"]) found[`text ${n}`] = await page.getByText(new RegExp(`\\b${n}\\b`, "i")).count();
    found["search box"] = await page.getByRole("search").getByRole("combobox").count();
    found["placeholder Search"] = await page.getByPlaceholder("Search").count();
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, 1])));
    expect(await page.getByLabel("Place kinds").getByRole("checkbox").count()).toBeGreaterThan(1);

    // Rename inline (no window.prompt), move, delete: each by its name.
    // A caption typed and then a button clicked straight away: the caption is kept and the click still acts.
    await page.getByLabel("Caption (view 2)").fill("Second caption");
    await page.getByRole("button", { name: "Rename view (view 2)" }).click();
    await page.getByLabel("New name (view 2)").fill("Beta, renamed");
    await page.keyboard.press("Enter");
    expect(await page.getByLabel("Caption (view 2)").inputValue()).toBe("Second caption");
    // Renaming twice in a row starts from the new name; clicking away keeps the edit.
    await page.getByRole("button", { name: "Rename view (view 2)" }).click();
    expect(await page.getByLabel("New name (view 2)").inputValue()).toBe("Beta, renamed");
    await page.getByLabel("New name (view 2)").fill("Beta, renamed");
    await page.getByLabel("Caption (view 3)").click();
    await page.getByRole("button", { name: "Move view up (view 2)" }).click();
    expect(await page.locator(".view-name").allTextContents()).toEqual(["Beta, renamed", "Alpha", "Gamma"]);
    await page.getByRole("button", { name: "Move view down (view 2)" }).click();
    await page.getByRole("button", { name: "Delete view (view 1)" }).click();
    expect(await page.locator(".view-name").allTextContents()).toEqual(["Gamma", "Alpha"]);
    // Deleting is one click, and so is getting the view back where it was.
    await page.getByRole("button", { name: "Undo delete", exact: true }).click();
    expect(await page.locator(".view-name").allTextContents()).toEqual(["Beta, renamed", "Gamma", "Alpha"]);
    await page.getByRole("button", { name: "Delete view (view 1)" }).click();
    expect(await page.locator(".view-name").allTextContents()).toEqual(["Gamma", "Alpha"]);
    // Update replaces a view with what is on screen, keeping its name.
    await page.getByLabel("Year", { exact: true }).selectOption("2021");
    await page.getByRole("button", { name: "Update view (view 2)" }).click();
    await page.getByLabel("Year", { exact: true }).selectOption("2024");
    await page.getByRole("button", { name: "Rename view (view 1)" }).click();
    await page.getByLabel("New name (view 1)").fill("Not kept");
    await page.keyboard.press("Escape");
    expect(await page.locator(".view-name").allTextContents()).toEqual(["Gamma", "Alpha"]);
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.ready === "true");
    expect(await page.locator(".view-name").allTextContents()).toEqual(["Gamma", "Alpha"]);
    await page.getByRole("button", { name: "Show view (view 2)" }).click();
    await expect.poll(() => page.getByLabel("Year", { exact: true }).inputValue()).toBe("2021");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("on a fresh page the share and export controls are in sight by name, and importing the views just exported adds nothing", async () => {
    const { page, context, errors } = await openApp(browser, served.url);
    // No view yet: said beside the list, not as a list item numbered 1.
    expect(await page.getByText("No saved views yet").isVisible()).toBe(true);
    expect(await page.getByRole("listitem").filter({ hasText: "No saved views" }).count()).toBe(0);
    // Nothing opened first: what a script (or a person) asks for by name is there to click.
    await page.getByLabel("View name").fill("Fresh");
    await page.getByRole("button", { name: "Save view" }).click();
    expect(await page.getByText("No saved views yet").isVisible()).toBe(false);
    await page.getByLabel("Resolution").selectOption("2");
    const [svg] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export SVG" }).click()]);
    expect(svg.suggestedFilename()).toMatch(/\.svg$/);
    const [views] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export views" }).click()]);
    await page.getByLabel("Import views").setInputFiles((await views.path())!);
    await expect.poll(() => page.getByText(/Imported 0 view\(s\).*1 already saved here was left out/).count()).toBe(1);
    expect(await page.locator(".view-name").allTextContents()).toEqual(["Fresh"]);
    // Sections that stay closed open by their names.
    for (const name of ["Table", "Assumptions"]) {
      const toggle = page.getByRole("button", { name });
      expect(await toggle.getAttribute("aria-expanded"), name).toBe("false");
      await toggle.click();
      expect(await toggle.getAttribute("aria-expanded"), name).toBe("true");
    }
    expect(await page.getByRole("table").locator("tbody tr").count()).toBeGreaterThan(10);
    expect(await page.getByRole("button", { name: "Restore default shares" }).isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("when the browser refuses the clipboard, Share link selects the link in a read-only field", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(() => {
      Object.defineProperty(navigator, "clipboard", {
        value: { writeText: () => Promise.reject(new DOMException("denied", "NotAllowedError")) },
      });
    });
    const { page, errors } = await openApp(browser, served.url, { context });
    await page.getByLabel("Year", { exact: true }).selectOption("2022");
    await page.getByRole("button", { name: "Share link", exact: true }).click();
    const field = page.getByLabel("Link to this view");
    await expect.poll(() => field.isVisible()).toBe(true);
    const link = await field.inputValue();
    expect(link).toBe(await page.evaluate(() => location.href));
    expect(link).toMatch(/#v=/);
    expect(await field.getAttribute("readonly")).not.toBeNull();
    expect(
      await page.evaluate(() => {
        const f = document.activeElement as HTMLInputElement;
        return f.value.slice(f.selectionStart ?? 0, f.selectionEnd ?? 0);
      }),
    ).toBe(link);
    const fresh = await openApp(browser, link);
    expect(await fresh.page.getByLabel("Year", { exact: true }).inputValue()).toBe("2022");
    await fresh.context.close();
    expect(errors).toEqual([]);
    await context.close();
  });

  it("Share story link opens all saved views as a presentation in another browser", async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      permissions: ["clipboard-read", "clipboard-write"],
    });
    const { page } = await openApp(browser, served.url, { context });
    await openSection(page, "Saved views");
    for (const [year, name] of [
      ["2021", "One"],
      ["2022", "Two"],
      ["2023", "Three"],
    ] as const) {
      await page.getByLabel("Year", { exact: true }).selectOption(year);
      await page.getByLabel("View name", { exact: true }).fill(name);
      await page.getByRole("button", { name: "Save view", exact: true }).click();
    }
    await page.getByLabel("Caption (view 1)").fill("<img src=x onerror=alert(1)>");
    await page.getByLabel("Caption (view 1)").blur();
    await page.getByRole("button", { name: "Share story link" }).click();
    await expect.poll(() => page.locator("#section-views [role=status]").textContent()).toMatch(/Story link copied/);
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/#story=/);
    await context.close();

    const other = await openApp(browser, link);
    const overlay = other.page.locator(".story-overlay");
    await expect.poll(() => overlay.isVisible()).toBe(true);
    await waitIdle(other.page);
    expect(await overlay.locator(".story-counter").textContent()).toBe("Step 1 of 3");
    expect(await overlay.locator(".story-caption").textContent()).toBe("<img src=x onerror=alert(1)>");
    expect(await other.page.locator(".story-overlay img").count()).toBe(0);
    expect(await other.page.locator(".topbar").isVisible()).toBe(false);
    expect(await other.page.evaluate(() => window.reroute!.app.store.get().year)).toBe(2021);
    await other.page.keyboard.press("Space");
    await waitIdle(other.page);
    expect(await overlay.locator(".story-title").textContent()).toBe("Two");
    expect(await other.page.evaluate(() => window.reroute!.app.store.get().year)).toBe(2022);
    await other.page.getByRole("button", { name: "Exit story", exact: true }).click();
    await expect.poll(() => overlay.isVisible()).toBe(false);
    expect(await other.page.locator(".topbar").isVisible()).toBe(true);
    expect(await other.page.evaluate(() => location.hash)).not.toMatch(/story/);
    expect(other.errors).toEqual([]);
    await other.context.close();
  });

  it("with the browser's storage full, saved views stay for the session, say so, and Export views still works", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    await context.addInitScript(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException("full", "QuotaExceededError");
      };
    });
    const { page } = await openApp(browser, served.url, { context });
    await openSection(page, "Saved views");
    await page.getByLabel("View name", { exact: true }).fill("In memory");
    await page.getByRole("button", { name: "Save view", exact: true }).click();
    await expect
      .poll(() => page.locator(".msg-warning").allTextContents())
      .toContainEqual(expect.stringMatching(/storage is full.*Export views/));
    expect(await page.locator(".view-name").allTextContents()).toEqual(["In memory"]);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export views" }).click()]);
    const exported = readFileSync((await download.path())!);
    const file = JSON.parse(exported.toString("utf8"));
    expect(file.format).toBe("reroute-views");
    expect(file.views.map((v: { name: string }) => v.name)).toEqual(["In memory"]);
    await context.close();

    // The exported file brings the views into another browser with Import views.
    const other = await openApp(browser, served.url);
    await other.page.setInputFiles("#import-views", { name: "reroute-views.json", mimeType: "application/json", buffer: exported });
    await expect.poll(() => other.page.locator(".view-name").allTextContents()).toEqual(["In memory"]);
    expect(await other.page.locator("#section-views [role=status]").textContent()).toMatch(/Imported 1 view\(s\) from reroute-views\.json/);
    expect(other.errors).toEqual([]);
    await other.context.close();
  });
});
