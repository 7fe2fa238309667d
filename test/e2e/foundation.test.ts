// The foundation, as a user sees it: the app opens on the shipped dataset, draws the map and the graph,
// hovering Horgos tells its volumes, zooming keeps the map under the nodes, and nothing leaves the origin.
import Papa from "papaparse";
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { projectLonLat } from "../../src/state/projection";
import {
  countHue,
  decodePng,
  drawnShare,
  hsl,
  launchBrowser,
  openApp,
  readRepoFile,
  renders,
  serveDist,
  waitRendered,
  type OpenedPage,
  type Served,
} from "./harness";

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

const flows2024 = () =>
  Papa.parse<Record<string, string>>(readRepoFile("data/zero-mileage/flows.csv"), { header: true, skipEmptyLines: true }).data.filter(
    (r) => r.year === "2024",
  );

describe("the built app in headless Chromium", () => {
  it("opens on 2024 with the map and the graph drawn over at least 5% of the graph area", async () => {
    const { page } = app;
    expect(await page.locator("#year").inputValue()).toBe("2024");
    const graph = await page.locator("#graph").boundingBox();
    const png = decodePng(await page.screenshot({ clip: graph! }));
    // The water colour of the backdrop is the graph's background.
    const share = drawnShare(png, [0xf7, 0xf9, 0xfb], 10);
    expect(share).toBeGreaterThan(0.05);
    // Many colours, not one flat fill (the failure mode seen with sigma 4).
    const colours = new Set<number>();
    for (let i = 0; i < png.data.length; i += 4 * 7) colours.add((png.data[i]! << 16) | (png.data[i + 1]! << 8) | png.data[i + 2]!);
    expect(colours.size).toBeGreaterThan(200);
  });

  it("draws every lane with used-car flows in 2024 in its colour; Latin America has none (its countries bar used-vehicle imports)", async () => {
    const { page } = app;
    const lanes = await page.evaluate(() => {
      const a = window.reroute!.app;
      return [...new Set(a.scene().edges.map((e) => e.lane))];
    });
    for (const lane of ["central-asia", "middle-east", "caucasus"]) expect(lanes).toContain(lane);
    expect(lanes).not.toContain("latin-america");
    await page.mouse.move(1, 1);
    const graph = await page.locator("#graph").boundingBox();
    const png = decodePng(await page.screenshot({ clip: graph! }));
    // Each lane's colour as drawn (the full or the lighter modelled shade of its largest flow).
    const hues: Record<string, string> = await page.evaluate(() => {
      const out: Record<string, string> = {};
      const edges = [...window.reroute!.app.scene().edges].sort((a, b) => b.size - a.size);
      for (const lane of ["central-asia", "middle-east", "caucasus"]) out[lane] = edges.find((e) => e.lane === lane)!.color;
      return out;
    });
    for (const [lane, hex] of Object.entries(hues)) {
      const [h] = hsl(parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16));
      expect(countHue(png, h, 7, 0.25), `pixels of lane ${lane}`).toBeGreaterThan(15);
    }
  });

  it("hovering Horgos shows the in and out volumes the CSV sums to", async () => {
    const { page } = app;
    const rows = flows2024();
    const sum = (pred: (r: Record<string, string>) => boolean) => rows.filter(pred).reduce((s, r) => s + Number(r.vehicles), 0);
    const inflow = sum((r) => r.to === "horgos");
    const outflow = sum((r) => r.from === "horgos");
    expect(outflow).toBeGreaterThan(0);
    // Horgos sits among other places (Alashankou, Kyrgyzstan, Xinjiang): point at a part of its disc that no
    // other place covers, as a user would.
    const target = await page.evaluate(() => {
      const a = window.reroute!.app;
      const me = window.reroute!.nodeOnPage("horgos");
      if (!me) return null;
      const others = a
        .scene()
        .nodes.filter((n) => n.id !== "horgos")
        .map((n) => window.reroute!.nodeOnPage(n.id))
        .filter((p) => p !== null);
      for (let ring = 0; ring <= 0.8; ring += 0.2) {
        for (let k = 0; k < 16; k++) {
          const t = (k / 16) * 2 * Math.PI;
          const x = me.x + Math.cos(t) * me.r * ring,
            y = me.y + Math.sin(t) * me.r * ring;
          if (others.every((o) => Math.hypot(o!.x - x, o!.y - y) > o!.r + 1)) return { x, y };
        }
      }
      return null;
    });
    expect(target, "a visible part of the Horgos node").not.toBeNull();
    await page.mouse.move(target!.x, target!.y);
    const tooltip = page.locator("#tooltip");
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    const fmt = (v: number) => `${new Intl.NumberFormat("en-GB").format(v)} vehicles`;
    await expect.poll(() => tooltip.locator("[data-testid=place-out]").textContent()).toBe(fmt(outflow));
    expect(await tooltip.locator("[data-testid=place-in]").textContent()).toBe(inflow ? fmt(inflow) : "—");
    expect(await tooltip.textContent()).toContain("Horgos");
    expect(await tooltip.textContent()).toMatch(/Sources:/);
    await page.mouse.move(1, 1);
  });

  it("keeps the country outlines under the nodes after zooming and panning", async () => {
    const { page } = app;
    // Places sit on land; points in open sea are water. Read the backdrop canvas itself at those points.
    const probe = () =>
      page.evaluate(() => {
        const a = window.reroute!.app;
        const canvas = a.renderer.layers()[0]!;
        const ctx = canvas.getContext("2d")!;
        const ratio = canvas.width / canvas.getBoundingClientRect().width;
        const alphaAt = (p: { x: number; y: number }) => {
          if (p.x < 2 || p.y < 2 || p.x * ratio > canvas.width - 2 || p.y * ratio > canvas.height - 2) return -1;
          return ctx.getImageData(Math.round(p.x * ratio), Math.round(p.y * ratio), 1, 1).data[3]!;
        };
        const land = ["horgos", "kz", "ru", "kg"].map((id) => alphaAt(a.renderer.nodeViewportPosition(id) ?? { x: -1, y: -1 }));
        return { land };
      });
    const before = await probe();
    expect(before.land.every((a) => a > 200)).toBe(true);
    const box = (await page.locator("#graph").boundingBox())!;
    const horgos = (await page.evaluate(() => window.reroute!.nodeOnPage("horgos")))!;
    let n = await renders(page);
    await page.mouse.move(horgos.x, horgos.y);
    await page.mouse.wheel(0, -600);
    n = await waitRendered(page, n);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 30, { steps: 5 });
    await page.mouse.up();
    await waitRendered(page, n);
    const after = await probe();
    const visible = after.land.filter((a) => a !== -1);
    expect(visible.length).toBeGreaterThan(0);
    expect(visible.every((a) => a > 200)).toBe(true);
    // And open sea (Arabian Sea, Caspian Sea centre) stays water under the same camera.
    const seaPoints = [projectLonLat(62, 14)!, projectLonLat(50.5, 42)!];
    const seaAlpha = await page.evaluate((pts) => {
      const a = window.reroute!.app;
      const canvas = a.renderer.layers()[0]!;
      const ratio = canvas.width / canvas.getBoundingClientRect().width;
      const ctx = canvas.getContext("2d")!;
      return pts.map((g) => {
        const p = a.renderer.graphToViewport(g);
        if (p.x < 0 || p.y < 0 || p.x * ratio >= canvas.width || p.y * ratio >= canvas.height) return -1;
        return ctx.getImageData(Math.round(p.x * ratio), Math.round(p.y * ratio), 1, 1).data[3]!;
      });
    }, seaPoints);
    expect(seaAlpha.filter((x) => x !== -1).length).toBeGreaterThan(0);
    for (const a of seaAlpha) if (a !== -1) expect(a).toBeLessThan(30);
  });

  it("raised no console error and sent no request outside its origin", () => {
    expect(app.errors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  });
});
