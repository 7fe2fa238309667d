// Researchers' files through the real "Import data" input: an edge file with a node table and wide year
// columns, an undirected GEXF, and a flowmap.blue pair without time.
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { launchBrowser, openApp, renders, serveDist, waitRendered, type OpenedPage, type Served } from "./harness";

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

const upload = (name: string, content: string) => ({ name, mimeType: "text/plain", buffer: Buffer.from(content) });

async function importAndConfirm(page: Page, files: ReturnType<typeof upload>[]): Promise<string> {
  const before = await page.evaluate(() => Number(document.documentElement.dataset.importCount ?? "0"));
  await page.getByLabel("Import data", { exact: true }).setInputFiles(files);
  await page.waitForFunction((n) => Number(document.documentElement.dataset.importCount ?? "0") > n, before, { timeout: 60_000 });
  const dialog = page.getByRole("dialog");
  await expect.poll(() => dialog.isVisible(), { timeout: 30_000 }).toBe(true);
  const text = (await dialog.textContent()) ?? "";
  const n = await renders(page);
  await page.getByRole("button", { name: /^Import [\d,]+ valid rows?$/ }).click();
  await page.waitForFunction(() => document.documentElement.dataset.importState === "imported", undefined, { timeout: 30_000 });
  await waitRendered(page, n);
  return text;
}

/** Arrow-head lengths of the flows as drawn (0: no arrow head). */
const arrowHeads = (page: Page) =>
  page.evaluate(async () => {
    const a = window.reroute!.app;
    const g = (await a.renderer.capture({ width: 800, height: 500, pixelRatio: 1, camera: null, backdrop: null, pixels: false })).geometry;
    return g.edges.map((e) => e.arrow);
  });

// R: write.csv of a state-to-country export table (wide years) and of its node table.
const EDGES = `"","Origin","Dest","X2010","X2011","X2012","X2013","X2014","Average"
"1",13,268,5,6,NA,8,9,7
"2",6,124,100,110,120,130,140,120
"3",48,484,40,NA,NA,NA,50,45
`;
const NODES = `"","Code","Name","Lat","Lon"
"1","13","Georgia",32.68,-83.22
"2","06","California",36.78,-119.42
"3","48","Texas",31.97,-99.9
"4","268","Georgia",42.32,43.36
"5","124","Canada",56.13,-106.35
"6","484","Mexico",23.63,-102.55
`;

describe("researchers' files in headless Chromium", () => {
  it("an edge file plus a node file: named places at their coordinates, years from the wide columns, framed", async () => {
    const { page } = app;
    const text = await importAndConfirm(page, [upload("exports.csv", EDGES), upload("nodes.csv", NODES)]);
    expect(text).toContain("nodes.csv: 6 of 6 ids matched (column Code)");
    expect(text).toContain("5 year columns: 2010–2014 → years");
    expect(text).toMatch(/Attributes \(not summed\)\s*Average/);
    const year = page.getByLabel("Year", { exact: true });
    expect(await year.isVisible()).toBe(true);
    expect(await year.locator("option").allTextContents()).toEqual(["2010", "2011", "2012", "2013", "2014"]);
    const places = await page.evaluate(() =>
      window
        .reroute!.app.dataset()
        .places.map((p) => `${p.name}@${p.lat},${p.lon}`)
        .sort(),
    );
    expect(places).toEqual([
      "California@36.78,-119.42",
      "Canada@56.13,-106.35",
      "Georgia@32.68,-83.22",
      "Georgia@42.32,43.36",
      "Mexico@23.63,-102.55",
      "Texas@31.97,-99.9",
    ]);
    // On screen: the names, not the codes, and geography kept (California west of Texas, Canada north of Mexico).
    const onPage = await page.evaluate(() => {
      const r = window.reroute!;
      const labels = r.app.renderer.placedLabels().map((l) => l.text);
      const at = (id: string) => r.nodeOnPage(id)!;
      return {
        labels,
        ca: at("6"),
        tx: at("48"),
        can: at("124"),
        mx: at("484"),
        box: document.getElementById("graph")!.getBoundingClientRect().toJSON(),
      };
    });
    expect(onPage.labels.some((l) => /^\d+$/.test(l))).toBe(false);
    expect(onPage.labels).toContain("California");
    expect(onPage.ca.x).toBeLessThan(onPage.tx.x);
    expect(onPage.can.y).toBeLessThan(onPage.mx.y);
    // Fitted to the data: every place inside the graph, and the places span most of its width.
    const xs = await page.evaluate(() => window.reroute!.app.dataset().places.map((p) => window.reroute!.nodeOnPage(p.id)!.x));
    const { left, width } = onPage.box as { left: number; width: number };
    for (const x of xs) expect(x > left && x < left + width).toBe(true);
    expect((Math.max(...xs) - Math.min(...xs)) / width).toBeGreaterThan(0.5);
    // Directed data keeps its arrow heads.
    expect((await arrowHeads(page)).every((a) => a > 0)).toBe(true);
  });

  it("an undirected GEXF draws no arrows, and an unweighted one says its flows count edges", async () => {
    const { page } = app;
    const gexf = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3"><meta><creator>Gephi 0.10.1</creator></meta>
<graph defaultedgetype="undirected" mode="static"><nodes>
<node id="0" label="JFK"><attvalues/></node><node id="1" label="LHR"/><node id="2" label="CDG"/><node id="3" label="DXB"/>
</nodes><edges><edge id="0" source="0" target="1"/><edge id="1" source="1" target="2"/><edge id="2" source="2" target="3"/><edge id="3" source="3" target="1"/></edges></graph></gexf>`;
    const text = await importAndConfirm(page, [upload("airlines.gexf", gexf)]);
    expect(text).toMatch(/Edges\s*undirected \(no arrows\)/);
    expect(text).toMatch(/Weights\s*none: each flow counts its edges/);
    const heads = await arrowHeads(page);
    expect(heads.length).toBe(4);
    expect(heads.every((a) => a === 0)).toBe(true);
    const kinds = await page.evaluate(() => [...new Set(window.reroute!.app.dataset().places.map((p) => p.kind))]);
    expect(kinds).toEqual(["transit"]);
    const legend = (await page.getByTestId("legend-widths").textContent()) ?? "";
    expect(legend).toContain("edges");
    expect(legend).not.toMatch(/0\.\d/);
    // The SVG export has no arrow heads either, and no invented year in its name or title.
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 60_000 }),
      page.getByRole("button", { name: "Export SVG", exact: true }).click(),
    ]);
    const svg = readFileSync(await download.path()).toString("utf8");
    await page.waitForFunction(() => document.documentElement.dataset.exporting === "false");
    expect(download.suggestedFilename()).toBe("airlines.svg");
    expect(svg).not.toContain("data-arrow-of");
    // Title and caption name no year (the footer's export date is a real date).
    const texts = [...svg.matchAll(/data-role="(title|caption)"[^>]*>([^<]*)</g)].map((m) => m[2]);
    expect(texts[0]).toBe("airlines");
    expect(texts.join(" ")).not.toMatch(/\b(19|20)\d\d\b/);
  });

  it("a flowmap.blue pair without time has no Year control and no year in its title", async () => {
    const { page } = app;
    await importAndConfirm(page, [
      upload("locations.csv", "id,name,lat,lon\nb,Bremerhaven,53.55,8.58\nt,Tbilisi,41.7,44.8\nm,Almaty,43.2,76.9\n"),
      upload("flows.csv", "origin,dest,count\nb,t,10\nt,m,7\n"),
    ]);
    expect(await page.getByLabel("Year", { exact: true }).isVisible()).toBe(false);
    expect(await page.getByRole("group", { name: "Time axis and policy events" }).isVisible()).toBe(false);
    expect(await page.getByLabel("Image title", { exact: true }).getAttribute("placeholder")).toBe("locations + flows");
    expect(await page.getByText("This data has no time: nothing to show over time.").count()).toBe(1);
    // A dated import brings the Year control back.
    await importAndConfirm(page, [upload("dated.csv", "origin,destination,volume,year\nA,B,1,2021\nA,B,2,2022\n")]);
    expect(await page.getByLabel("Year", { exact: true }).isVisible()).toBe(true);
  });

  it("the column mapping offers a wide table's year columns as the time axis in one step", async () => {
    const { page } = app;
    const before = await page.evaluate(() => Number(document.documentElement.dataset.importCount ?? "0"));
    await page
      .getByLabel("Import data", { exact: true })
      .setInputFiles([upload("abgang.csv", "Abgang,Nach,2019,2020,Rang\nA,B,1,2,1\nB,C,3,,2\n")]);
    await page.waitForFunction((n) => Number(document.documentElement.dataset.importCount ?? "0") > n, before, { timeout: 60_000 });
    const wide = page.getByLabel("2 year columns: 2019–2020 → years", { exact: true });
    expect(await wide.isChecked()).toBe(true);
    expect(await page.getByLabel("Volume column", { exact: true }).isDisabled()).toBe(true);
    await page.getByLabel("Origin column", { exact: true }).selectOption("Abgang");
    await page.getByLabel("Destination column", { exact: true }).selectOption("Nach");
    const asked = await page.evaluate(() => Number(document.documentElement.dataset.importCount ?? "0"));
    await page.getByRole("button", { name: "Read with these columns" }).click();
    await page.waitForFunction((n) => Number(document.documentElement.dataset.importCount ?? "0") > n, asked, { timeout: 60_000 });
    const text = (await page.getByRole("dialog").textContent()) ?? "";
    expect(text).toContain("2 year columns: 2019–2020 → years");
    expect(text).toMatch(/Attributes \(not summed\)\s*Rang/);
    const n = await renders(page);
    await page.getByRole("button", { name: "Import 3 valid rows" }).click();
    await waitRendered(page, n);
    const flows = await page.evaluate(() =>
      window
        .reroute!.app.dataset()
        .flows.map((f) => `${f.from}>${f.to}@${f.year}=${f.volume}`)
        .sort(),
    );
    expect(flows).toEqual(["A>B@2019=1", "A>B@2020=2", "B>C@2019=3"]);
  });

  it("an import far from the previous data opens framed on its own places", async () => {
    const { page } = app;
    await importAndConfirm(page, [
      upload(
        "americas-places.csv",
        "id,name,lat,lon\nbog,Bogotá,4.71,-74.07\nmex,Mexico City,19.43,-99.13\ntor,Toronto,43.65,-79.38\nbue,Buenos Aires,-34.6,-58.38\n",
      ),
      upload("americas-flows.csv", "origin,dest,count\nbog,mex,5\nmex,tor,3\nbue,bog,2\n"),
    ]);
    const box = await page.evaluate(() => document.getElementById("graph")!.getBoundingClientRect().toJSON() as DOMRect);
    const at = await page.evaluate(() => window.reroute!.app.dataset().places.map((p) => window.reroute!.nodeOnPage(p.id)!));
    for (const p of at) {
      expect(p.x > box.left && p.x < box.left + box.width).toBe(true);
      expect(p.y > box.top && p.y < box.top + box.height).toBe(true);
    }
    // The places fill the frame's height (north–south data): no half-empty frame.
    const ys = at.map((p) => p.y);
    expect((Math.max(...ys) - Math.min(...ys)) / box.height).toBeGreaterThan(0.5);
  });
});
