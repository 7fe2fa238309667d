// Route tracing as a researcher uses it: Sichuan → Russia through the type-ahead, a chain through a
// Xinjiang exit and Central Asia, choosing it on the graph, the keyboard, and "Where it came from" for Russia.
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { decodePng, launchBrowser, openApp, serveDist, waitIdle, type OpenedPage, type Served } from "./harness";

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

async function graphShot(page: Page, path?: string) {
  const box = await page.locator("#graph").boundingBox();
  return decodePng(await page.screenshot({ clip: box!, ...(path ? { path } : {}) }));
}

const chainOptions = (page: Page) => page.getByRole("listbox", { name: "Chains found, best first" }).getByRole("option");

/** Sichuan → Russia traced (as a link carries it), with `chain` chosen; resolves when the chains are listed. */
async function traceSichuanRussia(page: Page, chain: number | null = null): Promise<void> {
  await page.evaluate((c) => {
    const a = window.reroute!.app;
    a.store.replace({ ...a.store.get(), trace: { origin: "sichuan", destination: "ru", chain: c, through: null } });
  }, chain);
  await chainOptions(page).first().waitFor();
  await waitIdle(page);
}

describe("route tracing", () => {
  it("names each control once: Origin, Destination, Trace", async () => {
    const { page } = app;
    await expect.poll(() => page.getByRole("combobox", { name: "Origin" }).count()).toBe(1);
    expect(await page.getByLabel("Origin").count()).toBe(1);
    expect(await page.getByLabel("Destination").count()).toBe(1);
    expect(await page.getByRole("button", { name: "Trace" }).count()).toBe(1);
    expect(await page.getByRole("button", { name: "Clear route" }).count()).toBe(1);
    expect(await page.getByRole("button", { name: "List all simple paths" }).count()).toBe(1);
  });

  it("traces Sichuan → Russia through the type-ahead and lists a chain via a Xinjiang exit and Central Asia", async () => {
    const { page } = app;
    const origin = page.getByRole("combobox", { name: "Origin" });
    await origin.click();
    await origin.pressSequentially("Sichu");
    await page.getByRole("listbox", { name: "Places to start from" }).getByRole("option").first().waitFor();
    await origin.press("Enter");
    expect(await origin.inputValue()).toMatch(/^Sichuan/);
    const destination = page.getByRole("combobox", { name: "Destination" });
    await destination.click();
    await destination.pressSequentially("Russ");
    await page
      .getByRole("listbox", { name: "Places to end at" })
      .getByRole("option", { name: /Russia/ })
      .waitFor();
    await destination.press("Enter");
    expect(await destination.inputValue()).toBe("Russia");
    await page.getByRole("button", { name: "Trace" }).click();

    await chainOptions(page).first().waitFor();
    const texts = await chainOptions(page).allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    const central = texts.filter((t) => /Horgos|Alashankou|Torugart|Irkeshtam/.test(t) && /Kazakhstan|Kyrgyzstan/.test(t));
    expect(central.length, texts.join("\n")).toBeGreaterThan(0);
    expect(central[0]).toMatch(/^Sichuan.*→.*Russia/);
    expect(central[0]).toMatch(/[1-9][\d,]* vehicles attributed/);
    const trace = page.locator("#trace-body");
    await expect.poll(() => trace.textContent()).toMatch(/cover \d+(\.\d)?% of the [\d,]+ vehicles Sichuan sends that end in Russia/);
    expect(await trace.textContent()).toContain("Proportional tracing: each place is assumed to mix what it receives");
    expect(await page.evaluate(() => window.reroute!.app.store.get().trace)).toMatchObject({
      origin: "sichuan",
      destination: "ru",
      chain: null,
    });
  });

  it("choosing a chain highlights it, frames it and shows each hop's volume", async () => {
    const { page } = app;
    await traceSichuanRussia(page);
    await waitIdle(page);
    const before = await graphShot(page);
    const texts = await chainOptions(page).allTextContents();
    const index = texts.findIndex((t) => /Horgos|Alashankou|Torugart|Irkeshtam/.test(t));
    // The camera's move is seen as it happens (a record of data-animating turning "true"), not by reading the
    // attribute after the click, which a loaded machine may read after the move has already ended.
    await page.evaluate(() => {
      const root = document.documentElement;
      const w = window as unknown as { __framed?: boolean };
      w.__framed = false;
      new MutationObserver((records) => {
        if (root.dataset.animating === "true" || records.some((r) => r.oldValue === "true")) w.__framed = true;
      }).observe(root, { attributes: true, attributeFilter: ["data-animating"], attributeOldValue: true });
    });
    await chainOptions(page).nth(index).click();
    await waitIdle(page);
    expect(await page.evaluate(() => (window as unknown as { __framed?: boolean }).__framed)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.dataset.animating)).toBe("false");
    const after = await graphShot(page, "/tmp/trace-chain.png");
    let changed = 0;
    for (let i = 0; i < before.data.length; i += 4) {
      if (
        Math.abs(before.data[i]! - after.data[i]!) +
          Math.abs(before.data[i + 1]! - after.data[i + 1]!) +
          Math.abs(before.data[i + 2]! - after.data[i + 2]!) >
        30
      )
        changed++;
    }
    expect(changed / (before.width * before.height)).toBeGreaterThan(0.01);
    const state = await page.evaluate(() => window.reroute!.app.store.get().trace.chain);
    expect(state).toBe(index);
    const chosen = chainOptions(page).nth(index);
    expect(await chosen.getAttribute("aria-selected")).toBe("true");
    const hops = await chosen.locator("ol li").allTextContents();
    expect(hops.length).toBeGreaterThanOrEqual(2);
    for (const h of hops) expect(h).toMatch(/→ .+: [1-9][\d,]* vehicles$/);
    const highlight = await page.evaluate(() => {
      const h = window.reroute!.app.analysisHighlight();
      return h ? [...h.nodes] : null;
    });
    expect(highlight).toContain("sichuan");
    expect(highlight).toContain("ru");
    // Framed with a margin: every place of the chain at least 8% inside the canvas on each side.
    const box = (await page.locator("#graph").boundingBox())!;
    for (const id of highlight!) {
      const p = (await page.evaluate((n) => window.reroute!.app.renderer.nodeViewportPosition(n), id))!;
      expect(p.x, id).toBeGreaterThan(box.width * 0.08);
      expect(p.x, id).toBeLessThan(box.width * 0.92);
      expect(p.y, id).toBeGreaterThan(box.height * 0.08);
      expect(p.y, id).toBeLessThan(box.height * 0.92);
    }
  });

  it("ArrowDown moves, Enter chooses, Escape clears the chosen chain", async () => {
    const { page } = app;
    await traceSichuanRussia(page, 0);
    const count = await chainOptions(page).count();
    const list = page.getByRole("listbox", { name: "Chains found, best first" });
    await list.focus();
    const start = (await page.evaluate(() => window.reroute!.app.store.get().trace.chain))!;
    await page.keyboard.press("ArrowDown");
    const next = (start + 1) % count;
    expect(await chainOptions(page).nth(next).getAttribute("aria-selected")).toBe("true");
    await page.keyboard.press("Enter");
    await waitIdle(page);
    expect(await page.evaluate(() => window.reroute!.app.store.get().trace.chain)).toBe(next);
    await page.keyboard.press("Escape");
    expect(await page.evaluate(() => window.reroute!.app.store.get().trace.chain)).toBeNull();
    expect(await list.locator('[aria-selected="true"]').count()).toBe(0);
  });

  it("lists the simple paths with bottlenecks", async () => {
    const { page } = app;
    await traceSichuanRussia(page);
    await page.getByRole("button", { name: "List all simple paths" }).click();
    const items = await page.locator(".rt-simple-list li").allTextContents();
    expect(items.length).toBeGreaterThan(0);
    for (const t of items) expect(t).toMatch(/^Sichuan.*Russia — bottleneck [1-9][\d,]* vehicles/);
  });

  it("selecting Russia shows where it came from, with Sichuan among the origins and the mass balance", async () => {
    const { page } = app;
    await page.evaluate(() => window.reroute!.app.store.dispatch((s) => ({ ...s, selection: { type: "node", id: "ru" } })));
    const section = page.locator("#origins-body");
    await expect.poll(() => section.textContent()).toContain("What reaches Russia");
    const names = await section.locator(".rt-bar-name").allTextContents();
    expect(names.some((n) => n.startsWith("Sichuan"))).toBe(true);
    const widths = await section.locator(".rt-bar").evaluateAll((bars) => bars.map((b) => parseFloat((b as HTMLElement).style.width)));
    expect(widths[0]).toBeCloseTo(100, 5);
    const balance = await section.locator("dl dt").allTextContents();
    expect(balance).toEqual(expect.arrayContaining(["Intake", "Onward", "Absorbed", "Unexplained residual"]));
    const values = await section.locator("dl dd").allTextContents();
    for (const v of values) expect(v).toMatch(/^[\d,]+ vehicles$/);
    expect(await section.textContent()).toContain("each place is assumed to mix what it receives");
  });

  it("clicking a place on the graph while Destination has focus fills Destination", async () => {
    const { page } = app;
    const destination = page.getByRole("combobox", { name: "Destination" });
    await destination.fill("");
    await destination.focus();
    await waitIdle(page);
    const at = await page.evaluate(() => window.reroute!.nodeOnPage("kz"));
    expect(at).not.toBeNull();
    await page.mouse.click(at!.x, at!.y);
    await expect.poll(() => destination.inputValue()).toBe("Kazakhstan");
    // Not armed any more once focus has moved to another control.
    await page.getByRole("button", { name: "List all simple paths" }).focus();
    const ru = await page.evaluate(() => window.reroute!.nodeOnPage("ru"));
    // Point at Russia first (hover), so the two clicks are not read as a double click.
    await page.mouse.move(ru!.x, ru!.y);
    await expect.poll(() => page.evaluate(() => JSON.stringify(window.reroute!.app.store.get().hover))).toContain('"ru"');
    // The hover tooltip names the place; its basis line speaks of its flows, not a figure of its own.
    const tip = page.getByRole("tooltip");
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toContain("Russia");
    expect(await tip.locator(".card-basis").textContent()).toMatch(/^Basis: .+ \(all its flows\)$|^Basis of its flows in and out: /);
    // The click on Kazakhstan must not pair with this one into a double click (a zoom).
    await page.waitForFunction(() => !window.reroute!.app.renderer.clickPending());
    await page.mouse.click(ru!.x, ru!.y);
    await expect.poll(() => page.evaluate(() => JSON.stringify(window.reroute!.app.store.get().selection))).toContain('"ru"');
    expect(await destination.inputValue()).toBe("Kazakhstan");
  });

  it("restores a trace from the view state (as a link or saved view carries it)", async () => {
    const { page } = app;
    await page.evaluate(() => {
      const a = window.reroute!.app;
      a.store.replace({ ...a.store.get(), trace: { origin: "guangdong", destination: "ru", chain: 0, through: null } });
    });
    expect(await page.getByRole("combobox", { name: "Origin" }).inputValue()).toBe("Guangdong");
    expect(await page.getByRole("combobox", { name: "Destination" }).inputValue()).toBe("Russia");
    expect(await chainOptions(page).first().getAttribute("aria-selected")).toBe("true");
    const first = await chainOptions(page).first().locator(".rt-chain-name").textContent();
    const highlighted = await page.evaluate(() => [...(window.reroute!.app.analysisHighlight()?.nodes ?? [])]);
    const names = await page.evaluate((ids) => ids.map((id) => window.reroute!.app.derived().placesById.get(id)!.name), highlighted);
    for (const n of first!.split(" → ")) expect(names).toContain(n);
  });

  it("tracing from an exit point (which starts no vehicles itself) says so and gives each route's share of what passes through it", async () => {
    const { page } = app;
    await page.getByRole("button", { name: "Clear route" }).click();
    // Typed and confirmed with Enter only, as from the keyboard.
    await page.getByLabel("Origin").fill("Horgos");
    await page.getByLabel("Origin").press("Enter");
    await page.getByLabel("Destination").fill("Russia");
    await page.getByLabel("Destination").press("Enter");
    await page.getByLabel("Destination").press("Enter");
    await chainOptions(page).first().waitFor();
    const text = await page.locator("#trace-body").innerText();
    expect(text).toContain("Horgos starts nothing of its own");
    expect(text).not.toMatch(/0 vehicles attributed|keeps none of it/);
    const first = await chainOptions(page).first().innerText();
    // The number of cars as well as the share: the share of what Horgos sends on in 2024.
    expect(first).toMatch(/^Horgos → Kazakhstan → Russia\n[\d,]+ vehicles \(\d+% of what passes through Horgos\) · bottleneck /);
    const sent = await page.evaluate(() =>
      window
        .reroute!.app.derived()
        .flows.filter((f) => f.from === "horgos" && f.year === 2024)
        .reduce((s, f) => s + f.volume, 0),
    );
    const shown = Number(first.split("\n")[1]!.split(" vehicles")[0]!.replace(/,/g, ""));
    const share = Number(first.match(/\((\d+)% of what passes/)![1]) / 100;
    expect(Math.abs(shown - share * sent)).toBeLessThanOrEqual(sent * 0.006 + 1);
  });

  it("in a year whose exports have no reported destinations, says so instead of 'no chain links them'", async () => {
    const { page } = app;
    await page.evaluate(() => {
      const a = window.reroute!.app;
      a.store.replace({ ...a.store.get(), year: 2021, trace: { origin: "sichuan", destination: "ru", chain: null, through: null } });
    });
    await expect
      .poll(() => page.locator("#trace-body").innerText())
      .toMatch(
        /No route from Sichuan to Russia in 2021: .*no flow in 2021 in this data\. That year's exports have no reported destinations \(“Destinations not reported”\)\./,
      );
    expect(await page.locator("#trace-body").innerText()).not.toContain("no chain of flows");
    await page.evaluate(() => {
      const a = window.reroute!.app;
      a.store.replace({ ...a.store.get(), year: 2024 });
    });
  });

  it("Clear route empties the fields and the results, with no console errors", async () => {
    const { page, errors } = app;
    await page.getByRole("button", { name: "Clear route" }).click();
    expect(await page.getByRole("combobox", { name: "Origin" }).inputValue()).toBe("");
    expect(await chainOptions(page).count()).toBe(0);
    expect(await page.evaluate(() => window.reroute!.app.store.get().trace)).toEqual({
      origin: null,
      destination: null,
      chain: null,
      through: null,
    });
    expect(errors).toEqual([]);
  });
});
