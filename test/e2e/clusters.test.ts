// A big import stays legible: 770 flows between 250 places around the world, imported through the real
// "Import data" input, are drawn at world zoom as clusters of nearby places with merged flows; zooming in
// splits them; clicking a cluster zooms in on it; "Cluster places" unticked draws every place and flow.
// Counts are read from the renderer (what sigma holds) and from the drawn scene.
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { worldFlows } from "../../bench/worldFlows";
import { openSection, renders, waitIdle, waitRendered } from "./harness";
import { pagePerTest } from "./pagePerTest";

// One server and browser for the file, a page of its own for each test.
const the = pagePerTest();
const DATA = worldFlows(250, 770, 7);

const csv = (name: string, text: string) => ({ name, mimeType: "text/csv", buffer: Buffer.from(text) });

async function importWorld(page: Page): Promise<void> {
  const before = await page.evaluate(() => Number(document.documentElement.dataset.importCount ?? "0"));
  await page.getByLabel("Import data", { exact: true }).setInputFiles([csv("locations.csv", DATA.locations), csv("flows.csv", DATA.flows)]);
  await page.waitForFunction((n) => Number(document.documentElement.dataset.importCount ?? "0") > n, before, { timeout: 30_000 });
  expect(await page.evaluate(() => document.documentElement.dataset.importState)).toBe("summary");
  const n = await renders(page);
  await page.getByRole("button", { name: /^Import [\d,]+ valid rows?$/ }).click();
  await page.waitForFunction(() => document.documentElement.dataset.importState === "imported");
  await waitRendered(page, n);
  // The view reports the map's scale once the camera rests; the picture is clustered from it.
  await page.waitForFunction(
    () => window.reroute!.app.store.data().mapScale !== null && !!window.reroute!.app.drawn().clustering,
    undefined,
    {
      timeout: 20_000,
    },
  );
  await waitIdle(page);
}

/** What sigma holds now (nodes and edges with a drawn position), and the data's counts. */
const drawnCounts = (page: Page) =>
  page.evaluate(() => {
    const a = window.reroute!.app;
    const scene = a.drawn();
    const onCanvas = scene.nodes.filter((n) => a.renderer.nodeViewportPosition(n.id) !== null).length;
    return {
      nodes: scene.nodes.length,
      edges: scene.edges.length,
      onCanvas,
      places: a.scene().nodes.filter((n) => !n.aggregate).length,
      flows: a.derived().visible.shown.length,
      level: scene.clustering?.level ?? null,
    };
  });

/** Waits until the drawn picture has more places than `than` (after a zoom settles). */
const waitMorePlaces = (page: Page, than: number) =>
  page.waitForFunction((n) => window.reroute!.app.drawn().nodes.length > n, than, { timeout: 20_000 });

describe("clustering a 770-flow import", () => {
  it("draws clusters and merged flows at world zoom, splits them as the camera zooms in, and all places unclustered", async () => {
    const { page } = the.app;
    await importWorld(page);
    const world = await drawnCounts(page);
    // Every place with a flow (a couple of the 250 have none).
    expect(world.places).toBeGreaterThanOrEqual(240);
    expect(world.flows).toBe(770);
    // Far fewer places and lines than the data: clusters of nearby places, flows between them merged.
    expect(world.nodes).toBeLessThan(world.places / 4);
    expect(world.edges).toBeLessThan(world.flows / 2);
    // The renderer holds exactly the drawn scene: every drawn node has a position on the canvas, and a
    // place inside a cluster has none.
    expect(world.onCanvas).toBe(world.nodes);
    const inside = await page.evaluate(() => [...window.reroute!.app.drawn().clustering!.placeOf.keys()][0]!);
    expect(await page.evaluate((id) => window.reroute!.app.renderer.nodeViewportPosition(id), inside)).toBeNull();
    // The control and the legend say so.
    const box = page.getByLabel("Cluster places", { exact: true });
    expect(await box.isVisible()).toBe(true);
    expect(await box.isChecked()).toBe(true);
    const note = (await page.getByTestId("legend-clusters").textContent()) ?? "";
    expect(note).toMatch(new RegExp(`of ${world.places} places are drawn as ${world.nodes} clusters`));
    expect(note).toContain("770 flows as");
    // Labels name the largest member and how many more.
    const labels = await page.evaluate(() => window.reroute!.app.renderer.placedLabels().map((l) => l.text));
    expect(labels.some((t) => /^Place \d+ \+ \d+ more$/.test(t))).toBe(true);

    // Zooming in (the camera, as a wheel does) splits clusters: more places drawn, then more again.
    await page.evaluate(() => {
      const r = window.reroute!.app.renderer;
      void r.setCamera({ ...r.getCamera(), ratio: r.getCamera().ratio / 4 });
    });
    await waitMorePlaces(page, world.nodes);
    await waitIdle(page);
    const closer = await drawnCounts(page);
    expect(closer.level).toBeLessThan(world.level!);
    expect(closer.nodes).toBeGreaterThan(world.nodes);
    await page.screenshot({ path: "/tmp/reroute-clusters-zoomed.png" });

    // Unticked: every place and every flow, no clusters.
    const n = await renders(page);
    await box.uncheck();
    await waitRendered(page, n);
    const all = await drawnCounts(page);
    expect([all.nodes, all.edges, all.onCanvas, all.level]).toEqual([world.places, 770, world.places, null]);
    expect(await page.getByTestId("legend-clusters").count()).toBe(0);
    expect(the.app.errors).toEqual([]);
  });

  it("hovering a cluster lists its places and volume; clicking it zooms in until it splits", async () => {
    const { page } = the.app;
    await importWorld(page);
    const before = await drawnCounts(page);
    // The cluster with the most places, where it is on the page.
    const target = await page.evaluate(() => {
      const c = window.reroute!.app.drawn().clustering!;
      const biggest = [...c.byId.values()].sort((a, b) => b.members.length - a.members.length)[0]!;
      return { id: biggest.id, members: biggest.members.length, label: biggest.label, at: window.reroute!.nodeOnPage(biggest.id)! };
    });
    await page.mouse.move(target.at.x, target.at.y);
    const tooltip = page.getByTestId("cluster-card");
    await tooltip.waitFor({ state: "visible", timeout: 10_000 });
    const text = (await tooltip.textContent()) ?? "";
    expect(text).toContain(target.label);
    expect(text).toContain(`Cluster of ${target.members} nearby places`);
    expect(text).toMatch(/In[\d,]+ units/);
    await page.mouse.click(target.at.x, target.at.y);
    await waitMorePlaces(page, before.nodes);
    await waitIdle(page);
    const after = await drawnCounts(page);
    expect(after.nodes).toBeGreaterThan(before.nodes);
    // The cluster split: its largest place heads a smaller cluster, or is drawn alone.
    const rest = await page.evaluate((id) => window.reroute!.app.drawn().clustering?.byId.get(id)?.members.length ?? 1, target.id);
    expect(rest).toBeLessThan(target.members);
    // Its places are drawn apart now (as places or smaller clusters), not selected as one place.
    expect(await page.evaluate(() => window.reroute!.app.store.get().selection)).toBeNull();
    expect(the.app.errors).toEqual([]);
  });

  it("exports what the screen shows: the SVG draws the clusters with their rings", async () => {
    const { page } = the.app;
    await importWorld(page);
    const shown = await drawnCounts(page);
    await openSection(page, "Image export");
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 60_000 }),
      page.getByRole("button", { name: "Export SVG", exact: true }).click(),
    ]);
    const svg = readFileSync(await download.path(), "utf8");
    await page.waitForFunction(() => document.documentElement.dataset.exporting === "false");
    const places = svg.match(/<circle data-place-id="/g)?.length ?? 0;
    const rings = svg.match(/data-cluster-of="/g)?.length ?? 0;
    expect(places).toBe(shown.nodes);
    expect(rings).toBe(await page.evaluate(() => window.reroute!.app.drawn().clustering!.clusters));
    expect(rings).toBeGreaterThan(0);
    expect(svg.match(/data-flow-id="/g)?.length ?? 0).toBe(shown.edges);
    // The caption says so.
    expect(svg).toMatch(new RegExp(`Places clustered: \\d+ of ${shown.places} places drawn as ${rings} ringed clusters`));
  });
});
