// The story's core region is readable: the map opens on the routes (not the whole world), the nearest
// place is picked, labels cover no other label or dot, the border inset opens from a labelled control
// (picking works in it, exports carry it), and a traced chain is drawn with its traced volume.
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { launchBrowser, openApp, serveDist, waitIdle, type Served } from "./harness";

let served: Served;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  served = await serveDist();
  browser = await launchBrowser();
});

// Each test starts from a page of its own: nothing one test does is seen by the next.
beforeEach(async () => {
  ({ page, errors } = await openApp(browser, served.url, { viewport: { width: 1280, height: 800 } }));
  await page.mouse.move(1, 1);
  await waitIdle(page);
});

afterEach(async () => {
  await page?.context().close();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const setPanels = (p: Page, borderInset: boolean) =>
  p.evaluate((on) => {
    const a = window.reroute!.app;
    if (a.store.data().panels.borderInset !== on) document.querySelector<HTMLButtonElement>(".x-border-inset")!.click();
  }, borderInset);

describe("readable where the story is", () => {
  it("opens framed on the routes: every place with a 2024 flow is on the canvas and together they span most of it", async () => {
    const r = await page.evaluate(() => {
      const a = window.reroute!.app;
      const ids = new Set(a.derived().visible.shown.flatMap((f) => [f.from, f.to]));
      const pts = [...ids].map((id) => a.renderer.nodeViewportPosition(id)).filter((p) => p !== null);
      const box = document.getElementById("graph")!.getBoundingClientRect();
      const xs = pts.map((p) => p.x),
        ys = pts.map((p) => p.y);
      return {
        n: ids.size,
        drawn: pts.length,
        w: box.width,
        h: box.height,
        xs: [Math.min(...xs), Math.max(...xs)],
        ys: [Math.min(...ys), Math.max(...ys)],
      };
    });
    expect(r.drawn).toBe(r.n);
    expect(r.xs[0]!).toBeGreaterThanOrEqual(0);
    expect(r.ys[0]!).toBeGreaterThanOrEqual(0);
    expect(r.xs[1]!).toBeLessThanOrEqual(r.w);
    expect(r.ys[1]!).toBeLessThanOrEqual(r.h);
    // The whole world at this size left the data a fifth of the frame; the routes now span most of it.
    expect(Math.max((r.xs[1]! - r.xs[0]!) / r.w, (r.ys[1]! - r.ys[0]!) / r.h)).toBeGreaterThan(0.7);
  });

  it("hovering the centre of Horgos shows Horgos, and of Alashankou shows Alashankou (the nearest place, not the one on top)", async () => {
    for (const id of ["horgos", "alashankou", "urumqi-port", "kg"]) {
      const at = await page.evaluate((i) => window.reroute!.nodeOnPage(i), id);
      if (!at) continue;
      await page.mouse.move(at.x, at.y);
      await page.waitForFunction((i) => window.reroute!.app.store.get().hover?.id === i, id, { timeout: 10_000 });
    }
    await page.mouse.move(1, 1);
    await page.waitForFunction(() => window.reroute!.app.store.get().hover === null);
  });

  it("names no place without a drawn flow (Mexico in the 2024 chain), until it is selected", async () => {
    await page.evaluate(() => window.reroute!.app.store.dispatch((s) => ({ ...s, layout: "chain" })));
    await waitIdle(page);
    const named = () =>
      page.evaluate(() => {
        const a = window.reroute!.app;
        const withFlows = new Set(a.scene().edges.flatMap((e) => [e.source, e.target]));
        const labels = a.renderer.placedLabels().map((l) => l.id);
        return {
          labels,
          empty: a
            .scene()
            .nodes.filter((n) => !withFlows.has(n.id))
            .map((n) => n.id),
        };
      });
    const r = await named();
    // The 2024 chain draws the markets of other years (Mexico, Chile, …) as faint dots: none is named.
    expect(r.empty).toContain("mx");
    expect(r.labels.length).toBeGreaterThan(15);
    expect(r.labels.filter((id) => r.empty.includes(id))).toEqual([]);
    await page.evaluate(() => window.reroute!.app.store.dispatch((s) => ({ ...s, selection: { type: "node", id: "mx" } })));
    await expect.poll(async () => (await named()).labels).toContain("mx");
  });

  it("places labels that cover no other label and no other place's dot", async () => {
    await waitIdle(page);
    const r = await page.evaluate(() => {
      const a = window.reroute!.app;
      const labels = a.renderer.placedLabels();
      const dots = a
        .scene()
        .nodes.map((n) => ({ id: n.id, ...a.renderer.nodeViewportPosition(n.id)! }))
        .filter((d) => d.x !== undefined);
      return { labels: labels.map((l) => ({ id: l.id, box: l.box })), dots };
    });
    expect(r.labels.length).toBeGreaterThan(15);
    // The story's core places are all named at 1280×800, however tight the border region is.
    for (const id of ["horgos", "alashankou", "torugart", "irkeshtam", "kz", "kg", "tj", "uz", "ru", "xinjiang"])
      expect(
        r.labels.map((l) => l.id),
        id,
      ).toContain(id);
    const overlaps = (a: { x0: number; y0: number; x1: number; y1: number }, b: typeof a) =>
      a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
    for (let i = 0; i < r.labels.length; i++)
      for (let j = i + 1; j < r.labels.length; j++)
        expect(overlaps(r.labels[i]!.box, r.labels[j]!.box), `${r.labels[i]!.id} / ${r.labels[j]!.id}`).toBe(false);
    for (const l of r.labels)
      for (const d of r.dots) {
        if (d.id === l.id) continue;
        const dist = Math.hypot(Math.max(l.box.x0 - d.x, 0, d.x - l.box.x1), Math.max(l.box.y0 - d.y, 0, d.y - l.box.y1));
        expect(dist, `label ${l.id} over ${d.id}`).toBeGreaterThanOrEqual(d.r - 0.5);
      }
  });

  it("opens the border inset from its labelled control: Horgos, Alashankou and the passes magnified, pickable, and carried by exports", async () => {
    const button = page.getByRole("button", { name: "Border inset", exact: true });
    expect(await button.count()).toBe(1);
    expect(await button.getAttribute("aria-pressed")).toBe("false");
    const before = await page.evaluate(() =>
      window
        .reroute!.app.renderer.capture({ width: 960, height: 540, pixelRatio: 1, camera: null, backdrop: null })
        .then((c) => c.layers.length),
    );
    await button.click();
    expect(await button.getAttribute("aria-pressed")).toBe("true");
    await page.waitForFunction(() => window.reroute!.app.renderer.inset() !== null);
    const inset = await page.evaluate(() => {
      const d = window.reroute!.app.renderer.inset()!;
      return { box: d.layout.box, zoom: d.layout.zoom, places: d.places, labels: d.labels.map((l) => l.id), title: d.title };
    });
    expect(inset.title).toContain("Xinjiang–Central Asia border");
    expect(inset.zoom).toBeGreaterThan(2);
    const ids = inset.places.map((p) => p.id);
    for (const id of ["horgos", "alashankou", "kg"]) expect(ids).toContain(id);
    expect(inset.labels).toContain("horgos");
    expect(inset.labels).toContain("alashankou");
    // In the inset, places that sat a few pixels apart on the map are far apart.
    const h = inset.places.find((p) => p.id === "horgos")!,
      al = inset.places.find((p) => p.id === "alashankou")!;
    expect(Math.hypot(h.x - al.x, h.y - al.y)).toBeGreaterThan(40);
    // Pointing at Alashankou in the inset shows Alashankou.
    const graph = (await page.locator("#graph").boundingBox())!;
    await page.mouse.move(graph.x + al.x, graph.y + al.y);
    await page.waitForFunction(() => window.reroute!.app.store.get().hover?.id === "alashankou", null, { timeout: 10_000 });
    await page.mouse.move(1, 1);
    // The image export draws it too: one more layer, with ink in the inset's corner.
    const after = await page.evaluate(() =>
      window
        .reroute!.app.renderer.capture({ width: 960, height: 540, pixelRatio: 1, camera: null, backdrop: null })
        .then((c) => c.layers.length),
    );
    expect(after).toBe(before + 1);
    await button.click();
    await page.waitForFunction(() => window.reroute!.app.renderer.inset() === null);
  });

  it("draws a traced chain with its traced volume, not the whole flow's width", async () => {
    await setPanels(page, false);
    await page.getByLabel("Origin").fill("Sichuan");
    await page.getByLabel("Origin").press("Enter");
    await page.getByLabel("Destination").fill("Russia");
    await page.getByLabel("Destination").press("Enter");
    await page.getByRole("button", { name: "Trace", exact: true }).click();
    const options = page.getByRole("listbox", { name: "Chains found, best first" }).getByRole("option");
    await options.first().waitFor();
    await options.first().click();
    await page.waitForFunction(() => window.reroute!.app.chosenChain() !== null);
    const r = await page.evaluate(() => {
      const a = window.reroute!.app;
      const c = a.chosenChain()!;
      const h = a.analysisHighlight()!;
      const last = c.edges[c.edges.length - 1]!;
      const flowVolume = last.reduce((s, id) => s + (a.derived().visible.shown.find((f) => f.id === id)?.volume ?? 0), 0);
      return { chain: c.volume, drawn: last.reduce((s, id) => s + (h.widths?.get(id) ?? NaN), 0), flowVolume };
    });
    expect(r.drawn).toBeCloseTo(r.chain, 6);
    expect(r.chain).toBeLessThan(r.flowVolume);
    await page.getByRole("button", { name: "Clear route" }).click();
    expect(errors).toEqual([]);
  });

  it("Tab from the timeline's marker goes on to a control (the note's source link), never to body", async () => {
    await page.locator(".x-event").first().focus();
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press("Tab");
      const active = await page.evaluate(() => ({ tag: document.activeElement?.tagName, body: document.activeElement === document.body }));
      expect(active.body, `Tab ${i + 1} after the marker`).toBe(false);
    }
  });

  it("walks the places on the map with the arrow keys, announcing each, and Enter selects", async () => {
    // The pointer off the map: a pointer resting on a place hovers it too (after Enter frames the selection).
    await page.mouse.move(2, 2);
    await page.locator("#graph").focus();
    await page.keyboard.press("ArrowRight");
    const first = await page.evaluate(() => window.reroute!.app.store.get().hover);
    expect(first?.type).toBe("node");
    const name = (id: string) => page.evaluate((i) => window.reroute!.app.dataset().places.find((p) => p.id === i)!.name, id);
    await expect.poll(() => page.getByTestId("map-announce").textContent()).toBe(await name(first!.id));
    const seen = new Set([first!.id]);
    for (const key of ["ArrowLeft", "ArrowUp", "ArrowDown", "ArrowLeft"]) {
      await page.keyboard.press(key);
      seen.add((await page.evaluate(() => window.reroute!.app.store.get().hover?.id))!);
    }
    expect(seen.size).toBeGreaterThan(2);
    const at = (await page.evaluate(() => window.reroute!.app.store.get().hover?.id))!;
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => window.reroute!.app.store.get().selection)).toEqual({ type: "node", id: at });
    await page.keyboard.press("Escape");
    expect(await page.evaluate(() => window.reroute!.app.store.get().hover)).toBeNull();
  });
});
