// Hostile input in the built app: ids that are reserved words, a corrupt stored record, two tabs saving
// views, broken story links, an address with "//" in its path, and the Content-Security-Policy that holds
// through imports, workers and exports. Each test opens its own page.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openApp, openSection, renders, ROOT, serveDist, waitRendered, type Served } from "./harness";

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

const upload = (name: string, text: string) => ({ name, mimeType: "text/csv", buffer: Buffer.from(text) });

async function importThrough(page: Page, files: ReturnType<typeof upload>[]): Promise<string> {
  const before = await page.evaluate(() => Number(document.documentElement.dataset.importCount ?? "0"));
  await page.getByLabel("Import data", { exact: true }).setInputFiles(files);
  await page.waitForFunction((n) => Number(document.documentElement.dataset.importCount ?? "0") > n, before, { timeout: 60_000 });
  return page.evaluate(() => document.documentElement.dataset.importState ?? "");
}

async function confirmImport(page: Page): Promise<void> {
  const before = await page.evaluate(() => Number(document.documentElement.dataset.importCount ?? "0"));
  await page.getByRole("button", { name: /^Import [\d,]+ valid rows?$/ }).click();
  await page.waitForFunction((n) => Number(document.documentElement.dataset.importCount ?? "0") > n, before, { timeout: 60_000 });
}

/** Records every CSP violation the page reports from now on. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

const prototypeKeys = (page: Page) =>
  page.evaluate(() => ({
    keys: Object.getOwnPropertyNames(Object.prototype).sort().join(","),
    previous: ({} as Record<string, unknown>).previous === undefined,
    toStringIsNative: String(Object.prototype.toString).includes("[native code]"),
  }));

describe("hostile input in headless Chromium", () => {
  it("the built page carries a strict Content-Security-Policy and a referrer policy, and nothing it does breaks them", async () => {
    const { page, context, errors } = await openApp(browser, served.url);
    const policy = await page.evaluate(
      () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content") ?? "",
    );
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(policy).toContain("worker-src 'self' blob:");
    expect(await page.evaluate(() => document.querySelector('meta[name="referrer"]')?.getAttribute("content"))).toBe("no-referrer");
    const violations = await watchCsp(page);
    // An inline script is refused.
    await page.evaluate(() => {
      const s = document.createElement("script");
      s.textContent = "window.inlineRan = true";
      document.head.appendChild(s);
    });
    expect(await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan)).toBeUndefined();
    expect((await violations()).some((v) => v.startsWith("script-src"))).toBe(true);
    await page.evaluate(() => ((window as unknown as { cspViolations: string[] }).cspViolations.length = 0));
    errors.length = 0;
    // An import (worker), the force layout (a blob: worker) and a PNG export all run under it.
    expect(await importThrough(page, [upload("e.csv", "origin,destination,volume\nAlmaty,Tashkent,5\nTashkent,Moscow,3\n")])).toBe(
      "summary",
    );
    await confirmImport(page);
    await page.getByLabel("Layout", { exact: true }).selectOption("force");
    await page.getByRole("button", { name: "Run force layout" }).click();
    await page.getByRole("button", { name: "Stop force layout" }).click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export PNG", exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.png$/);
    expect(await violations()).toEqual([]);
    expect(errors.filter((e) => !/Content Security Policy/.test(e))).toEqual([]);
    await context.close();
  });

  it("a place called __proto__ (and constructor, toString) imports, draws and switches layout; Object.prototype is untouched", async () => {
    const { page, context, errors } = await openApp(browser, served.url);
    const before = await prototypeKeys(page);
    const csv = "origin,destination,volume\nA,__proto__,1\n__proto__,constructor,2\nconstructor,toString,3\ntoString,hasOwnProperty,4\n";
    expect(await importThrough(page, [upload("proto.csv", csv)])).toBe("summary");
    await confirmImport(page);
    expect(await page.evaluate(() => document.documentElement.dataset.importState)).toBe("imported");
    expect(await prototypeKeys(page)).toEqual(before);
    const scene = await page.evaluate(() => {
      const a = window.reroute!.app;
      return {
        names: a
          .dataset()
          .places.map((p) => p.name)
          .sort(),
        edges: a.scene().edges.length,
      };
    });
    expect(scene).toEqual({ names: ["A", "__proto__", "constructor", "hasOwnProperty", "toString"], edges: 4 });
    // Redraws and layout switches (one threw on a place called "constructor") work. Data without
    // coordinates opens in the chain layout.
    const layout = page.getByLabel("Layout", { exact: true });
    for (const next of ["geo", "force", "chain"]) {
      const r = await renders(page);
      await layout.selectOption(next);
      await waitRendered(page, r);
    }
    expect(await prototypeKeys(page)).toEqual(before);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a corrupt stored dataset record is set aside with a message; the app starts and imports still work", async () => {
    const { page, context, errors } = await openApp(browser, served.url);
    await openSection(page, "Datasets");
    await page.waitForFunction(() => (document.querySelector("[data-testid=dataset-storage]")?.textContent ?? "") !== "");
    // What a broken record looks like: a number where the save time should be text, and data that is not JSON.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open("reroute-datasets");
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(["meta", "data"], "readwrite");
            tx.objectStore("meta").put({
              id: "local:bad",
              name: "Broken",
              savedAt: 17,
              format: "x",
              places: 1,
              flows: 1,
              years: [2024],
              views: 0,
            });
            tx.objectStore("data").put({ id: "local:bad", json: "{not json" });
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
          open.onerror = () => reject(open.error);
        }),
    );
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.ready === "true", undefined, { timeout: 30_000 });
    await expect
      .poll(() => page.locator(".msg-warning").allTextContents())
      .toContainEqual(expect.stringMatching(/could not be read and was set aside: its save time is not a date/));
    expect(await importThrough(page, [upload("ok.csv", "origin,destination,volume\nA,B,1\n")])).toBe("summary");
    await confirmImport(page);
    expect(await page.evaluate(() => document.documentElement.dataset.importState)).toBe("imported");
    await openSection(page, "Datasets");
    expect(await page.locator("#dataset-select option").allTextContents()).not.toContainEqual(expect.stringContaining("Broken"));
    expect(errors).toEqual([]);
    await context.close();
  });

  it("without IndexedDB an import says it is kept only for this session", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(() => Object.defineProperty(window, "indexedDB", { value: undefined }));
    const { page, errors } = await openApp(browser, served.url, { context });
    expect(await importThrough(page, [upload("s.csv", "origin,destination,volume\nA,B,1\n")])).toBe("summary");
    await confirmImport(page);
    await expect
      .poll(() => page.locator(".msg-warning").allTextContents())
      .toContainEqual(expect.stringMatching(/"s" is kept only for this session/));
    expect(errors).toEqual([]);
    await context.close();
  });

  it("two tabs saving views keep each other's views, and a view deleted in one tab does not come back", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const a = await openApp(browser, served.url, { context });
    const b = await openApp(browser, served.url, { context });
    const save = async (page: Page, name: string) => {
      await openSection(page, "Saved views");
      await page.getByLabel("View name", { exact: true }).fill(name);
      await page.getByRole("button", { name: "Save view", exact: true }).click();
    };
    const names = (page: Page) => page.locator(".view-name").allTextContents();
    await save(a.page, "From A");
    await save(b.page, "From B");
    // B's save kept A's view, and A hears of B's through the storage event.
    await expect.poll(() => names(b.page)).toEqual(["From A", "From B"]);
    await expect.poll(() => names(a.page)).toEqual(["From A", "From B"]);
    // A deletes B's view; B saves another without reloading: the deleted one stays deleted.
    await a.page.getByRole("button", { name: "Delete view (view 2)", exact: true }).click();
    await expect.poll(() => names(a.page)).toEqual(["From A"]);
    await save(b.page, "Later in B");
    await expect.poll(() => names(b.page)).toEqual(["From A", "Later in B"]);
    const fresh = await openApp(browser, served.url, { context });
    await openSection(fresh.page, "Saved views");
    expect(await names(fresh.page)).toEqual(["From A", "Later in B"]);
    expect([...a.errors, ...b.errors, ...fresh.errors]).toEqual([]);
    await context.close();
  });

  it("a broken story link resets the view it says it resets, and the address matches the screen", async () => {
    const { page, context } = await openApp(browser, served.url);
    await page.getByLabel("Year", { exact: true }).selectOption("2021");
    await page.evaluate(() => (location.hash = "#story=broken-story-link"));
    await expect
      .poll(() => page.locator(".msg-error").allTextContents())
      .toContainEqual(expect.stringMatching(/story link could not be opened.*default view/));
    await expect.poll(() => page.getByLabel("Year", { exact: true }).inputValue()).toBe("2024");
    expect(await page.evaluate(() => location.hash.startsWith("#story="))).toBe(false);
    await context.close();
  });

  it("on a path that starts with //, links and history stay on the app's own host", async () => {
    const origin = new URL(served.url).origin;
    // A host that serves the app whatever the path (the preview server answers such paths with index.html).
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.route(/.*/, (route) => {
      const path = new URL(route.request().url()).pathname;
      if (!path.startsWith("//")) return route.continue();
      return route.fulfill({ path: `${ROOT}/dist${path.replace(/^\/\/[^/]+/, "")}` });
    });
    const { page, errors } = await openApp(browser, `${origin}//evil.example/index.html?embed=1`, { context });
    expect(await page.evaluate(() => location.pathname)).toBe("//evil.example/index.html");
    const href = await page.getByRole("link", { name: /Open in Reroute/ }).getAttribute("href");
    expect(new URL(href!, page.url()).origin).toBe(origin);
    // A view change pushes history without a SecurityError.
    const full = await openApp(browser, `${origin}//evil.example/index.html`, { context });
    await full.page.getByLabel("Year", { exact: true }).selectOption("2022");
    await expect.poll(() => full.page.evaluate(() => location.hash)).toMatch(/^#v=/);
    expect(new URL(full.page.url()).origin).toBe(origin);
    expect([...errors, ...full.errors]).toEqual([]);
    await context.close();
  });

  it("switching data is all or nothing: data that cannot be drawn leaves the current data, scene and view as they were", async () => {
    const { page, context } = await openApp(browser, served.url);
    await page.getByLabel("Year", { exact: true }).selectOption("2022");
    const before = await page.evaluate(() => {
      const a = window.reroute!.app;
      return { id: a.dataset().id, edges: a.scene().edges.length, year: a.store.get().year };
    });
    const outcome = await page.evaluate(() => {
      const a = window.reroute!.app;
      const shipped = a.dataset();
      // Two places with one id: the graph cannot hold them (the renderer threw after the data was replaced).
      const broken = { ...shipped, id: "local:broken", places: [...shipped.places, { ...shipped.places[0]! }] };
      try {
        a.setDataset(broken);
        return "switched";
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    });
    expect(outcome).toMatch(/could not be drawn/);
    const after = await page.evaluate(() => {
      const a = window.reroute!.app;
      return { id: a.dataset().id, edges: a.scene().edges.length, year: a.store.get().year };
    });
    expect(after).toEqual(before);
    expect(await page.getByLabel("Year", { exact: true }).inputValue()).toBe("2022");
    await context.close();
  });
});
