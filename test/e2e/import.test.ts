// "Bring your own data" in the built app: files go through the real "Import data" input; the summary comes
// before anything changes; failed, cancelled and malformed imports leave the graph as it was; imported data
// is kept (IndexedDB) and exported again to the same graph; text from files is never markup.
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { mulberry32 as rng } from "../../bench/seededRandom";
import { decodePng, launchBrowser, openApp, openSection, renders, serveDist, waitRendered, type OpenedPage, type Served } from "./harness";

let served: Served;
let browser: Browser;
let app: OpenedPage;
const dialogs: string[] = [];
const failedRequests: string[] = [];

beforeAll(async () => {
  served = await serveDist();
  browser = await launchBrowser();
});

// Each test starts from a page of its own: nothing one test does is seen by the next.
beforeEach(async () => {
  app = await openApp(browser, served.url);
  app.page.on("response", (r) => {
    if (r.status() >= 400) failedRequests.push(`${r.status()} ${r.url()}`);
  });
  app.page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
});

afterEach(async () => {
  await app?.context.close();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

interface Upload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}
const upload = (name: string, content: string | Uint8Array, mimeType = "text/plain"): Upload => ({
  name,
  mimeType,
  buffer: Buffer.from(content),
});

const importCount = (page: Page) => page.evaluate(() => Number(document.documentElement.dataset.importCount ?? "0"));

/** Sends files through the "Import data" input and waits until the import waits for the user or ends. */
async function importThrough(page: Page, files: Upload[]): Promise<string> {
  const before = await importCount(page);
  await page.getByLabel("Import data", { exact: true }).setInputFiles(files);
  await page.waitForFunction((n) => Number(document.documentElement.dataset.importCount ?? "0") > n, before, { timeout: 30_000 });
  return page.evaluate(() => document.documentElement.dataset.importState ?? "");
}

const scene = (page: Page) =>
  page.evaluate(() => {
    const a = window.reroute!.app;
    return { id: a.dataset().id, nodes: a.scene().nodes.length, edges: a.scene().edges.length };
  });

const graphShot = async (page: Page) => decodePng(await page.locator("#graph").screenshot());

function differingShare(a: ReturnType<typeof decodePng>, b: ReturnType<typeof decodePng>): number {
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if (Math.abs(a.data[i]! - b.data[i]!) + Math.abs(a.data[i + 1]! - b.data[i + 1]!) + Math.abs(a.data[i + 2]! - b.data[i + 2]!) > 30) n++;
  }
  return n / (a.width * a.height);
}

async function confirmSummary(page: Page): Promise<void> {
  const n = await renders(page);
  await page.getByRole("button", { name: /^Import [\d,]+ valid rows?$/ }).click();
  await page.waitForFunction(() => document.documentElement.dataset.importState === "imported");
  await waitRendered(page, n);
}

const LOCATIONS = "id,name,lat,lon\r\nalm,Almaty,43.24,76.89\r\ntas,Tashkent,41.30,69.24\r\nbog,Bogot\u00e1,4.71,-74.07\r\n";
const FLOWS = "origin,dest,count\r\nalm,tas,1200\r\ntas,bog,300\r\nbog,alm,45\r\nalm,bog,oops\r\n";
const latin1 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0) & 0xff));
const XSS = "<img src=x onerror=alert(1)>";
const GEXF = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3"><graph defaultedgetype="directed"><nodes>
<node id="a" label="${XSS.replace(/</g, "&lt;").replace(/>/g, "&gt;")}"><viz:position x="60" y="45"/></node>
<node id="b" label="Minsk"><viz:position x="27.5" y="53.9"/></node>
<node id="c" label="Riga"><viz:position x="24.1" y="56.9"/></node>
</nodes><edges><edge source="a" target="b" weight="50"/><edge source="b" target="c" weight="20"/><edge source="a" target="c" weight="5"/></edges></graph></gexf>`;

describe("Import data in headless Chromium", () => {
  let shipped: { id: string; nodes: number; edges: number };

  /** Imports and shows the flowmap.blue pair of the first test (for a test that starts from imported data). */
  async function importPair(page: Page): Promise<void> {
    shipped = await scene(page);
    expect(await importThrough(page, [upload("locations.csv", latin1(LOCATIONS)), upload("flows.csv", FLOWS)])).toBe("summary");
    await confirmSummary(page);
  }

  it("imports a flowmap.blue pair (Latin-1, CRLF) after a summary, redraws, and keeps the shipped data selectable", async () => {
    const { page } = app;
    shipped = await scene(page);
    const before = await graphShot(page);
    const state = await importThrough(page, [upload("locations.csv", latin1(LOCATIONS)), upload("flows.csv", FLOWS)]);
    expect(state).toBe("summary");
    const dialog = page.getByRole("dialog");
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const text = (await dialog.textContent()) ?? "";
    expect(text).toContain("flowmap.blue pair");
    expect(text).toMatch(/Places\s*3/);
    expect(text).toMatch(/Flows\s*3/);
    expect(text).toContain("Windows-1252");
    expect(text).toMatch(/flows\.csv,? line 5, column 3/); // the "oops" row, with its line
    // Focus is inside the dialog, on the confirm button.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Import 3 valid rows");
    expect(await scene(page)).toEqual(shipped); // nothing changed yet
    await page.screenshot({ path: "/tmp/import-summary.png" });
    await confirmSummary(page);
    const after = await scene(page);
    expect(after.id).toMatch(/^local:[0-9a-f]+$/);
    expect(after.edges).toBe(3);
    expect(after.nodes).toBe(3);
    expect(
      await page.evaluate(() =>
        window
          .reroute!.app.dataset()
          .places.map((p) => p.name)
          .sort(),
      ),
    ).toEqual(["Almaty", "Bogotá", "Tashkent"]);
    expect(differingShare(before, await graphShot(page))).toBeGreaterThan(0.01);
    await page.screenshot({ path: "/tmp/import-after.png" });
    // The shipped data is one choice away, and back.
    await page.getByRole("button", { name: "Datasets", exact: true }).click();
    const select = page.getByLabel("Shown dataset");
    const options = await select.locator("option").allTextContents();
    expect(options.some((o) => o.includes("(shipped)"))).toBe(true);
    expect(options.some((o) => o.startsWith("locations + flows"))).toBe(true);
    let n = await renders(page);
    expect(await page.locator("#dataset-name").textContent()).toBe("locations + flows");
    await select.selectOption(shipped.id);
    await waitRendered(page, n);
    expect(await scene(page)).toEqual(shipped);
    // Back on the shipped data, the header says what it said at the start.
    expect(await page.locator("#dataset-name").textContent()).toBe('China\'s used-car ("zero-mileage") exports');
    n = await renders(page);
    await select.selectOption(after.id);
    await waitRendered(page, n);
    expect(await scene(page)).toEqual(after);
  });

  it("keeps imported datasets in the browser: a new tab lists and opens them; Delete removes them", async () => {
    await importPair(app.page);
    const imported = await scene(app.page);
    const second = await openApp(browser, served.url, { context: app.context });
    const page = second.page;
    await page.getByRole("button", { name: "Datasets", exact: true }).click();
    const select = page.getByLabel("Shown dataset");
    await page.waitForFunction(
      (id) => [...document.querySelectorAll("#dataset-select option")].some((o) => (o as HTMLOptionElement).value === id),
      imported.id,
    );
    const n = await renders(page);
    await select.selectOption(imported.id);
    await waitRendered(page, n);
    expect(await scene(page)).toEqual(imported);
    await page.getByRole("button", { name: "Delete imported dataset" }).click();
    await page.waitForFunction(() => /this session only/.test(document.querySelector("#dataset-select")?.textContent ?? ""));
    expect(second.errors).toEqual([]);
    await page.close();
  });

  it("imports a GEXF whose label and file name are markup: shown as text everywhere, no script runs", async () => {
    const { page } = app;
    const state = await importThrough(page, [upload(`${XSS}.gexf`, GEXF, "application/xml")]);
    expect(state).toBe("summary");
    const dialog = page.getByRole("dialog");
    expect(await dialog.textContent()).toContain(XSS); // the name row: the file name, as text
    expect(await dialog.textContent()).toMatch(/GEXF/);
    await confirmSummary(page);
    const s = await scene(page);
    expect(s.edges).toBe(3);
    expect(await page.locator("#dataset-name").textContent()).toBe(XSS);
    expect(await page.locator("#notice").isVisible()).toBe(false); // the shipped data's notice does not describe this
    const nodeId = await page.evaluate((label) => window.reroute!.app.dataset().places.find((p) => p.name === label)!.id, XSS);
    const p = (await page.evaluate((id) => window.reroute!.nodeOnPage(id), nodeId))!;
    await page.mouse.move(p.x, p.y);
    const tooltip = page.locator("#tooltip");
    await expect.poll(() => tooltip.textContent()).toContain(XSS);
    await page.mouse.move(1, 1);
    expect(await page.evaluate(() => document.querySelectorAll("img[src='x']").length)).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it("exports the data (flows CSV zip, GEXF, view JSON, bundle) and a round trip gives the same graph", async () => {
    const { page } = app;
    await importPair(page);
    await page.getByRole("button", { name: "Data export", exact: true }).click();
    const grab = async (name: string) => {
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name, exact: true }).click()]);
      const path = await download.path();
      return { name: download.suggestedFilename(), bytes: readFileSync(path) };
    };
    const edgesOf = () =>
      page.evaluate(() =>
        window
          .reroute!.app.dataset()
          .flows.map((f) => `${f.from}>${f.to}@${f.year}=${f.volume}`)
          .sort(),
      );
    const names = () =>
      page.evaluate(() =>
        window
          .reroute!.app.dataset()
          .places.map((p) => `${p.name}@${p.lat},${p.lon}`)
          .sort(),
      );
    const original = { edges: await edgesOf(), names: await names(), scene: await scene(page) };

    const gexf = await grab("Export GEXF");
    expect(gexf.name).toMatch(/\.gexf$/);
    expect(gexf.bytes.toString()).toContain("<gexf");
    const view = await grab("Export view JSON");
    expect(JSON.parse(view.bytes.toString())).toMatchObject({ datasetId: original.scene.id, layout: expect.any(String) });
    const bundle = await grab("Export bundle");
    expect(JSON.parse(bundle.bytes.toString())).toMatchObject({ format: "reroute-bundle", version: 1 });
    const zip = await grab("Export flows CSV");
    expect(zip.bytes.subarray(0, 2).toString()).toBe("PK");

    // Back to the shipped data, then the bundle brings the graph back.
    await openSection(page, "Datasets");
    let n = await renders(page);
    await page.getByLabel("Shown dataset").selectOption(shipped.id);
    await waitRendered(page, n);
    expect(await importThrough(page, [upload(bundle.name, bundle.bytes, "application/json")])).toBe("summary");
    expect(await page.getByRole("dialog").textContent()).toMatch(/Saved views\s*1/);
    await confirmSummary(page);
    expect(await edgesOf()).toEqual(original.edges);
    expect(await names()).toEqual(original.names);
    expect(await scene(page)).toEqual(original.scene);

    // The flows CSV ZIP re-imports to the same flows and places.
    n = await renders(page);
    await page.getByLabel("Shown dataset").selectOption(shipped.id);
    await waitRendered(page, n);
    expect(await importThrough(page, [upload(zip.name, zip.bytes, "application/zip")])).toBe("summary");
    expect(await page.getByRole("dialog").textContent()).toContain("Reroute CSV");
    expect(await page.getByRole("dialog").textContent()).toContain(zip.name.replace(/\.zip$/, "")); // named after the ZIP
    await confirmSummary(page);
    const reread = await page.evaluate(() =>
      window
        .reroute!.app.dataset()
        .flows.map((f) => f.volume)
        .sort((a, b) => a - b),
    );
    expect(reread).toEqual(original.edges.map((e) => Number(e.split("=")[1])).sort((a, b) => a - b));
    expect(await names()).toEqual(original.names);
  });

  it("asks for the columns when the headers are not recognised, prefilled and named per role", async () => {
    const { page } = app;
    const state = await importThrough(page, [upload("trade.csv", "exporter;importer;tonnes;yr\nKZ;UZ;10;2022\nUZ;KG;4;2023\n")]);
    expect(state).toBe("needs-input");
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Origin column").selectOption("exporter");
    await dialog.getByLabel("Destination column").selectOption("importer");
    await dialog.getByLabel("Volume column").selectOption("tonnes");
    await dialog.getByLabel("Year column (optional)").selectOption("yr");
    const before = await importCount(page);
    await dialog.getByRole("button", { name: "Read with these columns" }).click();
    await page.waitForFunction((b) => Number(document.documentElement.dataset.importCount) > b, before);
    expect(await page.getByRole("dialog").textContent()).toMatch(/Years\s*2 \(2022, 2023\)/);
    await page.getByRole("button", { name: "Cancel import" }).click();
    await page.waitForFunction(() => document.documentElement.dataset.importState === "cancelled");
  });

  it("files dropped anywhere on the page show a drop overlay, then the same summary", async () => {
    const { page } = app;
    const before = await scene(page);
    const count = await importCount(page);
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(["from,to,volume\nOslo,Bergen,7\n"], "dropped.csv", { type: "text/csv" }));
      (window as unknown as { dropData: DataTransfer }).dropData = dt;
      document.getElementById("graph")!.dispatchEvent(new DragEvent("dragenter", { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    const overlay = page.locator(".import-drop-overlay");
    await overlay.waitFor({ state: "visible" });
    expect(await overlay.textContent()).toContain("Drop files to import");
    await page.screenshot({ path: "/tmp/import-drop.png" });
    await page.evaluate(() => {
      const dt = (window as unknown as { dropData: DataTransfer }).dropData;
      document.getElementById("graph")!.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await page.waitForFunction((n) => Number(document.documentElement.dataset.importCount) > n, count);
    expect(await overlay.isVisible()).toBe(false);
    expect(await page.getByRole("dialog").textContent()).toMatch(/Flows\s*1/);
    await page.getByRole("button", { name: "Cancel import" }).click();
    await page.waitForFunction(() => document.documentElement.dataset.importState === "cancelled");
    expect(await scene(page)).toEqual(before);
  });

  it("a garbage file ends in a clear error and the previous graph stays drawn", async () => {
    const { page } = app;
    const before = await scene(page);
    await page.evaluate(() => document.getElementById("messages")!.replaceChildren()); // toasts sit over the graph
    const shot = await graphShot(page);
    const { writeFileSync } = await import("node:fs");
    const { PNG } = await import("pngjs");
    writeFileSync("/tmp/import-garbage-before.png", PNG.sync.write(shot));
    const random = rng(7);
    const state = await importThrough(page, [
      upload(
        "garbage.csv",
        Uint8Array.from({ length: 3000 }, () => Math.floor(random() * 256)),
      ),
    ]);
    expect(["failed", "needs-input", "summary"]).toContain(state);
    if (state !== "failed") await page.keyboard.press("Escape");
    const bad = await importThrough(page, [
      upload("broken.gexf", "<gexf><graph><nodes><node id='a'></nodes></graph></gexf>", "application/xml"),
    ]);
    expect(bad).toBe("failed");
    const alert = page.getByRole("alert").last();
    expect(await alert.textContent()).toMatch(/Could not import broken\.gexf/);
    expect(await alert.textContent()).toMatch(/current data is unchanged/);
    expect(await scene(page)).toEqual(before);
    await page.evaluate(() => document.getElementById("messages")!.replaceChildren());
    const after = await graphShot(page);
    writeFileSync("/tmp/import-garbage-after.png", PNG.sync.write(after));
    expect(differingShare(shot, after)).toBeLessThan(0.002);
    await page.screenshot({ path: "/tmp/import-failed.png" });
  });

  it("says what a non-text file is (image, Excel workbook) and reads GraphML as yEd writes it", async () => {
    const { page } = app;
    const before = await scene(page);
    const { zipSync, strToU8 } = await import("fflate");
    const xlsx = zipSync({
      "[Content_Types].xml": strToU8("<Types/>"),
      "xl/workbook.xml": strToU8("<workbook/>"),
      "xl/worksheets/sheet1.xml": strToU8("<worksheet/>"),
    });
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489", "hex");
    for (const [name, bytes, expected] of [
      ["trade.xlsx", xlsx, /trade\.xlsx is an Excel workbook, not a CSV file: open it in Excel or LibreOffice and save the sheet as CSV/],
      ["chart.csv", png, /chart\.csv is a PNG image, not a table or a graph/],
    ] as const) {
      expect(await importThrough(page, [upload(name, bytes)])).toBe("failed");
      const alert = (await page.getByRole("alert").last().textContent()) ?? "";
      expect(alert).toMatch(expected);
      expect(alert).toMatch(/current data is unchanged/);
      expect(alert).not.toMatch(/Windows-1252|found 1 column|neither GEXF nor GraphML/);
      expect(await scene(page)).toEqual(before);
    }
    const yed = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
  <key for="port" id="d1" yfiles.type="portgraphics"/><key for="node" id="d6" yfiles.type="nodegraphics"/>
  <key for="graphml" id="d7" yfiles.type="resources"/><key for="edge" id="d10" yfiles.type="edgegraphics"/>
  <graph edgedefault="directed" id="G">
    <node id="n0"><data key="d6"><y:ShapeNode><y:Geometry x="392.0" y="221.0"/><y:NodeLabel>Kazakhstan</y:NodeLabel></y:ShapeNode></data></node>
    <node id="n1"><data key="d6"><y:ShapeNode><y:Geometry x="520.0" y="221.0"/><y:NodeLabel>Russia</y:NodeLabel></y:ShapeNode></data></node>
    <edge id="e0" source="n0" target="n1"><data key="d10"><y:PolyLineEdge><y:Arrows source="none" target="standard"/></y:PolyLineEdge></data></edge>
  </graph>
  <data key="d7"><y:Resources/></data>
</graphml>`;
    expect(await importThrough(page, [upload("yed.graphml", yed, "application/xml")])).toBe("summary");
    const text = (await page.getByRole("dialog").textContent()) ?? "";
    expect(text).toContain("GraphML");
    expect(text).toMatch(/Places\s*2/);
    expect(text).toMatch(/drawing-only keys/);
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => document.documentElement.dataset.importState === "cancelled");
    expect(await scene(page)).toEqual(before);
  });

  it("data without any coordinates opens in the chain layout, not as a strip under the map; node-link JSON is read and framed", async () => {
    const { page } = app;
    const state = await importThrough(page, [
      upload("flows.tsv", "origin\tdestination\tvolume\tyear\nShanghai\tRotterdam\t1500\t2021\nRotterdam\tHamburg\t600\t2021\n"),
    ]);
    expect(state).toBe("summary");
    expect(await page.getByRole("dialog").textContent()).toContain(
      "No place has coordinates or a country name or code that Reroute knows: the graph opens in the chain layout",
    );
    await confirmSummary(page);
    await page.waitForFunction(() => window.reroute!.app.store.get().layout === "chain");
    expect(await page.getByLabel("Layout").inputValue()).toBe("chain");
    expect((await scene(page)).edges).toBe(2);
    const nodeLink = {
      directed: true,
      multigraph: false,
      graph: {},
      nodes: [
        { id: "Shanghai", lat: 31.23, lon: 121.47 },
        { id: "Busan", lat: 35.1, lon: 129.04 },
      ],
      links: [{ source: "Shanghai", target: "Busan", weight: 300 }],
    };
    expect(await importThrough(page, [upload("networkx.json", JSON.stringify(nodeLink), "application/json")])).toBe("summary");
    expect(await page.getByRole("dialog").textContent()).toContain("node-link JSON (NetworkX, d3)");
    await confirmSummary(page);
    expect(await page.evaluate(() => window.reroute!.app.store.get().layout)).toBe("geo"); // located data opens on the map
    // Two ports 900 km apart are framed, not two dots on a world map; the whole map is one zoom-out away.
    expect(await page.evaluate(() => window.reroute!.app.renderer.getCamera().ratio)).toBeLessThan(0.5);
    expect(
      await page.evaluate(() =>
        window
          .reroute!.app.dataset()
          .places.map((p) => `${p.name}@${p.lat},${p.lon}`)
          .sort(),
      ),
    ).toEqual(["Busan@35.1,129.04", "Shanghai@31.23,121.47"]);
  });

  it("a Comtrade table of trade values reads in US$ everywhere: legend, hover card, Table, Weighting — never 'vehicles'", async () => {
    const { page } = app;
    const head =
      "typeCode,freqCode,refYear,reporterCode,reporterISO,reporterDesc,flowCode,partnerCode,partnerISO,partnerDesc,cmdCode,qty,primaryValue";
    const rows = [
      "C,A,2023,156,CHN,China,X,398,KAZ,Kazakhstan,8703,,1500000000",
      "C,A,2023,156,CHN,China,X,643,RUS,Russian Federation,8703,,9800000000",
      "C,A,2023,398,KAZ,Kazakhstan,X,643,RUS,Russian Federation,8703,,420000000",
    ];
    // A Find a place list left open on the shipped data searches the new data once it is in.
    await page.getByRole("combobox", { name: "Find a place" }).fill("Russ");
    expect(await importThrough(page, [upload("TradeData_values.csv", [head, ...rows].join("\n"))])).toBe("summary");
    await confirmSummary(page);
    const found = page.getByRole("listbox", { name: "Places found" }).getByRole("option");
    await expect.poll(() => found.allTextContents()).toEqual(["Russian Federation · Market (receives only)"]);
    await page.getByRole("combobox", { name: "Find a place" }).fill("");
    const legend = await page.getByTestId("legend-widths").textContent();
    expect(legend).toContain("Flow width (US$,");
    expect(legend).toMatch(/US\$\d/);
    expect(legend).not.toContain("vehicles");
    // Someone else's data: place kinds and lanes in generic words, nothing about Chinese provinces.
    const whole = await page.getByTestId("legend-widths").locator("..").textContent();
    expect(whole).toContain("Origin (sends only)");
    expect(whole).not.toMatch(/province|Inside China/);
    await openSection(page, "Weighting");
    expect(await page.getByLabel("Measure").locator("option").first().textContent()).toBe("Volume (US$)");
    await openSection(page, "Table");
    expect(await page.locator("#flow-table").getByRole("columnheader", { name: "Volume (US$)" }).count()).toBe(1);
    // The hover card of Russia: in 10.2 billion dollars, not "10,220,000,000 vehicles".
    await page.evaluate(() => window.reroute!.app.store.dispatch((s) => ({ ...s, hover: { type: "node", id: "RUS" } })));
    const card = page.locator('[data-testid="place-in"]').first();
    await expect.poll(() => card.textContent()).toBe("US$10.2bn");
    await page.evaluate(() => window.reroute!.app.store.dispatch((s) => ({ ...s, hover: null })));
  });

  it("Reroute CSV files with a javascript: source link import; the link is dropped with its line, only http(s) links are links", async () => {
    const { page } = app;
    const places = `id,name,kind,country,lat,lon,lane,native_name,note\nxian,Xi'an,origin,CN,34.27,108.95,,,\nhorgos,"${XSS}",exit,CN,44.21,80.41,,,\n`;
    const flows = "from,to,year,vehicles,usd,mode,basis,facts,sources,formula,note\nxian,horgos,2024,1000,,road,reported,,s1;s2,,\n";
    const sources =
      "id,publisher,title,date,url,reliability\ns1,Evil,Click me,2024-01-01,javascript:alert(1),H\ns2,Customs,Stats,2024-02-01,https://example.org/stats,H\n";
    const state = await importThrough(page, [upload("places.csv", places), upload("flows.csv", flows), upload("sources.csv", sources)]);
    expect(state).toBe("summary");
    const text = (await page.getByRole("dialog").textContent()) ?? "";
    expect(text).toContain("Reroute CSV (places, flows, sources)");
    expect(text).toMatch(/sources\.csv line 2, column 5 \("url"\): "javascript:alert\(1\)" is not a web address/);
    await confirmSummary(page);
    expect(await page.evaluate(() => window.reroute!.app.dataset().sources.map((s) => `${s.id}:${s.url}`))).toEqual([
      "s1:",
      "s2:https://example.org/stats",
    ]);
    expect(
      await page.evaluate(() =>
        [...document.querySelectorAll("a")]
          .filter(
            (a) =>
              !/^(https?:|blob:|$)/i.test(a.getAttribute("href") ?? "") &&
              !(a.getAttribute("href") ?? "").startsWith("/") &&
              !(a.getAttribute("href") ?? "").startsWith("?") &&
              !(a.getAttribute("href") ?? "").startsWith("#"),
          )
          .map((a) => a.getAttribute("href")),
      ),
    ).toEqual([]);
    expect(await page.locator('a[href="https://example.org/stats"]').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.querySelectorAll("img[src='x']").length)).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it("a dynamic GEXF (Gephi timeline: spells, weights per period) gives one flow per year, and the summary says so", async () => {
    const { page } = app;
    const gexf = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
  <meta lastmodifieddate="2024-03-01"><creator>Gephi 0.10.1</creator></meta>
  <graph mode="dynamic" defaultedgetype="directed" timeformat="date" timerepresentation="interval">
    <attributes class="node" mode="static"><attribute id="lat" title="lat" type="double"/><attribute id="lng" title="lng" type="double"/></attributes>
    <attributes class="edge" mode="dynamic"><attribute id="weight" title="Weight" type="double"/></attributes>
    <nodes>
      <node id="n0" label="Horgos"><attvalues><attvalue for="lat" value="44.21"/><attvalue for="lng" value="80.41"/></attvalues><viz:position x="-120.5" y="300.2"/></node>
      <node id="n1" label="Almaty"><attvalues><attvalue for="lat" value="43.24"/><attvalue for="lng" value="76.89"/></attvalues></node>
      <node id="n2" label="Moscow"><attvalues><attvalue for="lat" value="55.75"/><attvalue for="lng" value="37.62"/></attvalues></node>
    </nodes>
    <edges>
      <edge id="0" source="n0" target="n1"><attvalues><attvalue for="weight" value="1200" start="2023-01-01" end="2023-12-31"/><attvalue for="weight" value="2100" start="2024-01-01" end="2024-12-31"/></attvalues></edge>
      <edge id="1" source="n1" target="n2" weight="700"><spells><spell start="2024-01-01" end="2024-12-31"/></spells></edge>
    </edges>
  </graph>
</gexf>`;
    expect(await importThrough(page, [upload("timeline.gexf", gexf, "application/xml")])).toBe("summary");
    const text = (await page.getByRole("dialog").textContent()) ?? "";
    expect(text).toMatch(/Years\s*2 \(2023, 2024\)/);
    expect(text).toMatch(/Flows\s*3/);
    expect(text).toContain("1 dynamic edge with values per period read as one flow per year");
    await confirmSummary(page);
    expect(
      await page.evaluate(() =>
        window
          .reroute!.app.dataset()
          .flows.map((f) => `${f.from}>${f.to}@${f.year}=${f.volume}`)
          .sort(),
      ),
    ).toEqual(["n0>n1@2023=1200", "n0>n1@2024=2100", "n1>n2@2024=700"]);
  });

  it("≥ 200 malformed files through the real input each end in a summary, a question or an error — never a page error", async () => {
    const { page } = app;
    await page.evaluate(() => document.getElementById("messages")!.replaceChildren());
    const random = rng(20240601);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const bytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
    const valid = [
      FLOWS,
      LOCATIONS,
      GEXF,
      "from,to,volume,year\nA,B,3,2020\nB,C,1,2021\n",
      '{"format":"reroute-bundle","version":1,"dataset":{"places":[],"flows":[]}}',
    ];
    const makers: (() => Upload[])[] = [
      () => {
        const v = pick(valid);
        return [upload(pick(["t.csv", "t.gexf", "t.json", "t.txt"]), v.slice(0, Math.floor(random() * v.length)))];
      },
      () => [upload(pick(["r.csv", "r.gexf", "r.json", "r.zip", "r.graphml"]), bytes(1 + Math.floor(random() * 4000)))],
      () => [
        upload(
          "h.csv",
          `${pick(["foo,bar", "x", "a;b;c;d", "\uFEFF", "origin"])}\n${Array.from({ length: 5 }, () => `${random()},${random()}`).join("\n")}\n`,
        ),
      ],
      () => [
        upload(
          "n.csv",
          `from,to,volume,year\nA,B,${pick(["1e308", "99999999999999999999999", "-5", "NaN", "Infinity", "1,5", "0x10", ""])},${pick(["2024", "99999", "-1", "20.5", ""])}\n`,
        ),
      ],
      () => {
        const depth = 50 + Math.floor(random() * 3000);
        return [
          upload("deep.gexf", `<gexf><graph><nodes>${"<node id='a'>".repeat(depth)}${"</node>".repeat(depth)}</nodes></graph></gexf>`),
        ];
      },
      () => [
        upload(
          "b.json",
          JSON.stringify({
            format: "reroute-bundle",
            version: pick([1, 2, "1"]),
            dataset: pick([null, { places: 5 }, { places: [{ id: 1 }], flows: [{}] }, []]),
          }),
        ),
      ],
      () => [upload("locations.csv", LOCATIONS.slice(0, Math.floor(random() * LOCATIONS.length))), upload("flows.csv", bytes(200))],
      () => [upload("z.zip", Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...bytes(300)]))],
      () => [
        upload(
          "g.graphml",
          `<graphml><graph edgedefault="${pick(["directed", "undirected", "x"])}"><node id="a"/><edge source="a" target="${pick(["a", "b", ""])}"/></graph></graphml>`,
        ),
      ],
      () => [upload("e.csv", "")],
    ];
    const outcomes: Record<string, number> = {};
    const TOTAL = 220;
    for (let i = 0; i < TOTAL; i++) {
      const files = pick(makers)();
      const state = await importThrough(page, files);
      outcomes[state] = (outcomes[state] ?? 0) + 1;
      expect(["summary", "needs-input", "failed"], `file ${i} (${files.map((f) => f.name).join(", ")})`).toContain(state);
      if (state === "summary" || state === "needs-input") {
        await page.keyboard.press("Escape");
        await page.waitForFunction(() => document.documentElement.dataset.importState === "cancelled");
      }
      if (i % 20 === 0) await page.evaluate(() => document.getElementById("messages")!.replaceChildren());
    }
    console.log(`failed requests`, failedRequests);
    console.log(`malformed files through the input: ${TOTAL}`, outcomes);
    expect(Object.values(outcomes).reduce((a, b) => a + b, 0)).toBe(TOTAL);
    expect(outcomes.failed ?? 0).toBeGreaterThan(50);
    expect(app.errors).toEqual([]);
    expect(dialogs).toEqual([]);
  }, 120_000);

  it("a big GEXF (> 2 MB) is parsed in the import worker with xmldom, not on the page, and gives the same graph", async () => {
    const { page } = app;
    const random = rng(7);
    const n = 400;
    const nodes = Array.from(
      { length: n },
      (_, i) =>
        `<node id="n${i}" label="Port ${i}"><attvalues><attvalue for="lat" value="${(random() * 120 - 60).toFixed(3)}"/><attvalue for="lon" value="${(random() * 340 - 170).toFixed(3)}"/></attvalues></node>`,
    );
    const edges: string[] = [];
    const pairs = new Set<string>();
    while (edges.length < 40_000) {
      const a = Math.floor(random() * n),
        b = Math.floor(random() * n);
      if (a === b || pairs.has(`${a}>${b}`)) continue;
      pairs.add(`${a}>${b}`);
      edges.push(`<edge id="e${edges.length}" source="n${a}" target="n${b}" weight="${1 + Math.floor(random() * 1000)}"/>`);
    }
    const gexf = `<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="directed"><attributes class="node"><attribute id="lat" title="lat" type="double"/><attribute id="lon" title="lon" type="double"/></attributes><nodes>${nodes.join("")}</nodes><edges>${edges.join("\n")}</edges></graph></gexf>`;
    expect(gexf.length).toBeGreaterThan(2_000_000);
    // Count the import workers the page starts.
    await page.evaluate(() => {
      const w = window as unknown as { importWorkers: number; Worker: typeof Worker };
      w.importWorkers = 0;
      const Original = w.Worker;
      w.Worker = class extends Original {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          if (String(url).includes("import")) w.importWorkers++;
        }
      };
    });
    expect(await importThrough(page, [upload("big.gexf", gexf, "application/xml")])).toBe("summary");
    expect(await page.evaluate(() => (window as unknown as { importWorkers: number }).importWorkers)).toBe(1);
    const dialog = await page.getByRole("dialog").textContent();
    expect(dialog).toContain("GEXF");
    await confirmSummary(page);
    expect(
      await page.evaluate(() => ({
        places: window.reroute!.app.dataset().places.length,
        flows: window.reroute!.app.dataset().flows.length,
      })),
    ).toEqual({ places: n, flows: 40_000 });
    expect(app.errors).toEqual([]);
  });

  it("a 20 MB CSV shows a progress bar while read in the worker and can be stopped; the data stays", async () => {
    const { page } = app;
    const before = await scene(page);
    const random = rng(99);
    const rows: string[] = ["from,to,volume,year"];
    let size = 0;
    while (size < 20 * 1024 * 1024) {
      const row = `P${Math.floor(random() * 5000)},P${Math.floor(random() * 5000)},${Math.floor(random() * 100000)},${2015 + Math.floor(random() * 10)}`;
      rows.push(row);
      size += row.length + 1;
    }
    const before2 = await importCount(page);
    await page.getByLabel("Import data", { exact: true }).setInputFiles([upload("big.csv", rows.join("\n"))]);
    const progress = page.getByTestId("import-progress");
    await progress.waitFor({ state: "visible", timeout: 20_000 });
    await page.waitForFunction(
      () => Number((document.getElementById("import-progress") as HTMLProgressElement | null)?.value ?? 0) > 0,
      undefined,
      { timeout: 20_000 },
    );
    expect(await progress.textContent()).toMatch(/Reading big\.csv.*\d+%/);
    await page.screenshot({ path: "/tmp/import-progress.png" });
    await page.getByRole("button", { name: "Stop reading file" }).click();
    await page.waitForFunction((n) => Number(document.documentElement.dataset.importCount) > n, before2);
    expect(await page.evaluate(() => document.documentElement.dataset.importState)).toBe("cancelled");
    expect(await progress.count()).toBe(0);
    expect(await scene(page)).toEqual(before);
    expect(app.errors).toEqual([]);
  });
});

describe("a link made on imported data, opened again in the same browser", () => {
  const EDGES = "origin,destination,volume\nParis,Berlin,10\nBerlin,Warsaw,5\n";
  const neededFile = /made on imported data .*you need that file/;

  /** Imports the edge list through the real input (column mapping when asked), switches back to the shipped data; returns the link and the imported view. */
  async function linkOnImportedData(page: Page) {
    let state = await importThrough(page, [upload("edges.csv", EDGES)]);
    if (state === "needs-input") {
      const before = await importCount(page);
      await page.getByRole("button", { name: "Read with these columns" }).click();
      await page.waitForFunction((n) => Number(document.documentElement.dataset.importCount ?? "0") > n, before, { timeout: 30_000 });
      state = await page.evaluate(() => document.documentElement.dataset.importState ?? "");
    }
    expect(state).toBe("summary");
    await confirmSummary(page);
    const imported = await scene(page);
    expect(imported.id).toMatch(/^local:/);
    // Stored before going on (the library saves after the import is applied).
    await page.getByRole("button", { name: "Datasets", exact: true }).click();
    await page.waitForFunction(
      () =>
        !/this session only/.test(document.querySelector("#dataset-select")?.textContent ?? "") &&
        document.querySelectorAll("#dataset-select option").length > 1,
    );
    // A camera of its own, folded into the address (as the user's pan/zoom would be).
    const camera = { x: 0.42, y: 0.47, ratio: 0.3, angle: 0 };
    // The address is written after the frame: wait for the one that carries this camera, not an earlier one.
    const before = await page.evaluate(() => location.hash);
    await page.evaluate((c) => window.reroute!.app.store.dispatch((s) => ({ ...s, camera: c, year: s.year })), camera);
    await page.evaluate((c) => window.reroute!.app.renderer.setCamera(c, false), camera);
    await expect.poll(() => page.evaluate(() => location.hash), { timeout: 10_000 }).not.toBe(before);
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#v=/);
    const link = page.url();
    const view = await page.evaluate(() => {
      const s = window.reroute!.app.store.get();
      return { datasetId: s.datasetId, layout: s.layout, camera: s.camera };
    });
    expect(view.camera).toEqual(camera);
    // Back to the shipped data, then away.
    const n = await renders(page);
    await page.getByLabel("Shown dataset").selectOption("zero-mileage");
    await waitRendered(page, n);
    await page.goto("about:blank");
    return { link, imported, view };
  }

  it("opens the stored dataset with the link's view (camera included), without saying the file is needed", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const first = await openApp(browser, served.url, { context });
    const { link, imported, view } = await linkOnImportedData(first.page);
    // A fresh page of the same browser (same IndexedDB) opens the link.
    const again = await openApp(browser, link, { context });
    const page = again.page;
    await page.waitForFunction((id) => window.reroute!.app.dataset().id === id, imported.id, { timeout: 15_000 });
    await expect.poll(() => scene(page)).toEqual(imported);
    expect(
      await page.evaluate(() =>
        window
          .reroute!.app.dataset()
          .places.map((p) => p.name)
          .sort(),
      ),
    ).toEqual(["Berlin", "Paris", "Warsaw"]);
    // The link's view, camera included, once the dataset's own framing is done.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const s = window.reroute!.app.store.get();
          return { datasetId: s.datasetId, layout: s.layout, camera: s.camera };
        }),
      )
      .toEqual(view);
    await expect
      .poll(() =>
        page.evaluate(() => {
          const c = window.reroute!.app.renderer.getCamera();
          return [c.x, c.y, c.ratio].map((v) => Math.round(v * 1000) / 1000);
        }),
      )
      .toEqual([0.42, 0.47, 0.3]);
    expect(await page.locator("#dataset-name").textContent()).toBe(await page.evaluate(() => window.reroute!.app.dataset().name));
    expect(await page.locator(".msg-warning").allTextContents()).not.toContainEqual(expect.stringMatching(neededFile));
    await expect
      .poll(() => page.locator(".msg-info").allTextContents())
      .toContainEqual(expect.stringMatching(/kept in this browser .*link's view/));
    expect(page.url()).toBe(link);
    expect(first.errors).toEqual([]);
    expect(again.errors).toEqual([]);
    await context.close();
  });

  it("without that stored dataset, says the file is needed and keeps the shipped data in its default view", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const first = await openApp(browser, served.url, { context });
    const { link } = await linkOnImportedData(first.page);
    await context.close();
    const other = await openApp(browser, link); // a new context: no stored datasets
    const page = other.page;
    await expect.poll(() => page.locator(".msg-warning").allTextContents()).toContainEqual(expect.stringMatching(neededFile));
    expect(await page.locator(".msg-warning").allTextContents()).toContainEqual(expect.stringMatching(/default view/));
    const state = await page.evaluate(() => {
      const s = window.reroute!.app.store.get();
      return { datasetId: s.datasetId, layout: s.layout, camera: s.camera, selection: s.selection };
    });
    expect(state).toEqual({ datasetId: "zero-mileage", layout: "geo", camera: null, selection: null });
    const cam = await page.evaluate(() => window.reroute!.app.renderer.getCamera());
    expect([cam.x, cam.y, cam.ratio]).toEqual([0.5, 0.5, 1]);
    expect(other.errors).toEqual([]);
    await other.context.close();
  });
});
