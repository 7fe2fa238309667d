// `npm run bench`: the app at 1k / 10k / 100k flows in headless Chromium, side by side with bare sigma
// drawing the same graph, then the analysis bench (bench/analysis.ts) and the import bench
// (bench/import.ts) in Node. Prints Markdown tables for the README's Performance section.
// Never run by `npm test`: frame times depend on the machine and on what else runs on it.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { cpus, loadavg, totalmem } from "node:os";
import { resolve } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { build, preview } from "vite";
import { CHROMIUM, launchBrowser, ROOT } from "../test/e2e/harness";
import { runAnalysisBench } from "./analysis";
import type { BareScene } from "./bareSigma";
import { runImportBench } from "./import";
import { benchFlowmap, type PeerResult } from "./peer";
import { printTargets } from "./targets";
import { startTaskTrace, tasksBesidesWebGl, type TaskTrace } from "./taskTrace";
import { datasetToCsvFiles, generateTradeDataset } from "./synthetic";

const SIZES = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(",").map(Number) : [1_000, 10_000, 100_000, 300_000, 1_000_000];
/** "Show all flows" (every flow of the year as an edge) only up to this size: sigma alone needs seconds per frame past it here. */
const SHOW_ALL_MAX = Number(process.env.BENCH_SHOW_ALL_MAX ?? 100_000);
const YEARS = 5;
const REPEAT = 5;
const OUT = resolve(ROOT, "bench/out");
const VIEWPORT = { width: 1280, height: 800 };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2 : NaN;
};
const f0 = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : "—");
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "—");
const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : "—");

async function serve(outDir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = await preview({
    root: ROOT,
    configFile: false,
    base: "./",
    logLevel: "error",
    build: { outDir },
    preview: { host: "127.0.0.1", port: 0, strictPort: false, open: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === "string") throw new Error("bench/run: preview server has no port");
  return { url: `http://127.0.0.1:${address.port}/`, close: () => new Promise((done) => server.httpServer.close(() => done())) };
}

function bundleSizes(dir: string): { initialKB: number; totalKB: number } {
  const html = readFileSync(resolve(dir, "index.html"), "utf8");
  let initial = 0,
    total = 0;
  for (const name of readdirSync(resolve(dir, "assets"))) {
    if (!/\.(js|css)$/.test(name)) continue;
    const gz = gzipSync(readFileSync(resolve(dir, "assets", name))).length;
    total += gz;
    if (html.includes(`assets/${name}`)) initial += gz;
  }
  return { initialKB: initial / 1024, totalKB: total / 1024 };
}

/** Long tasks (PerformanceObserver "longtask") recorded from the first script on. */
const LONGTASK_OBSERVER = `
  window.__name = (f) => f; // tsx keeps function names with a __name helper the page does not have
  window.__longtasks = [];
  // When the page sees the files (the input's change event): the test driver's transfer of the files comes before it.
  document.addEventListener("change", (e) => { if (e.target && e.target.type === "file") window.__filesChosenAt = performance.now(); }, true);
  // When the summary is up (the app's own signal; polling a role query for the button ran on the page too).
  window.addEventListener("reroute:import", (e) => { if (e.detail === "summary") window.__summaryAt = performance.now(); });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longtasks.push({ start: e.startTime, ms: e.duration }); })
    .observe({ type: "longtask", buffered: true });
`;

export interface Timed {
  total: number;
  preDraw: number;
  draw: number;
}

/** Dispatches a producer written as source text (state => state) and times it with the renderer's marks. */
async function dispatchTimed(page: Page, producer: string): Promise<Timed> {
  const r = await page.evaluate((src) => {
    const app = window.reroute!.app;
    const produce = (0, eval)(src) as Parameters<typeof app.store.dispatch>[0];
    performance.clearMarks("reroute:redraw");
    performance.clearMarks("reroute:draw");
    performance.clearMarks("reroute:drawn");
    const t0 = performance.now();
    app.store.dispatch(produce);
    const t1 = performance.now();
    const at = (n: string) => performance.getEntriesByName(n, "mark")[0]?.startTime ?? NaN;
    return { total: t1 - t0, redraw: at("reroute:redraw"), draw: at("reroute:draw"), drawn: at("reroute:drawn"), t0 };
  }, producer);
  if (process.env.BENCH_DEBUG)
    process.stderr.write(`  dispatch at ${r.t0.toFixed(0)}: ${r.total.toFixed(0)} ms ${producer.slice(0, 60)}\n`);
  await nextFrame(page);
  // Before sigma's draw: from the start of the dispatch (derive, scene, graph rebuild) to the draw mark.
  return { total: r.total, preDraw: r.draw - r.t0, draw: r.drawn - r.draw };
}

const nextFrame = (page: Page) =>
  page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));

async function longTasks(page: Page, from: number, to: number, over = 100): Promise<{ count: number; max: number }> {
  return page.evaluate(
    ([a, b, limit]) => {
      const all = (window as unknown as { __longtasks: { start: number; ms: number }[] }).__longtasks ?? [];
      const list = all.filter((t) => t.start >= a! && t.start < b!);
      console.log(JSON.stringify({ from: a, to: b, tasks: all.map((t) => [Math.round(t.start), Math.round(t.ms)]) }));
      return { count: list.filter((t) => t.ms > limit!).length, max: list.reduce((m, t) => Math.max(m, t.ms), 0) };
    },
    [from, to, over],
  );
}

async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number };
  await cdp.detach();
  return usedSize / 1e6;
}

const now = (page: Page) => page.evaluate(() => performance.now());

export interface SizeResult {
  flows: number;
  threshold: Timed;
  /** Main-thread tasks from the files chosen to the first frame after the confirm: longest, and how many over 200 ms. */
  importLong: { count: number; max: number };
  /** The same tasks from a trace: the longest, and the longest less its wait for sigma's WebGL draw (bench/taskTrace). */
  importTasks: TaskTrace;
  /** sigma's own draw (refresh) in the task that applied the data. */
  applyDrawMs: number;
  peer: PeerResult;
  showAllRun: boolean;
  places: number;
  yearFlows: number;
  parseMs: number;
  transferMs: number;
  applyMs: number;
  loadMs: number;
  year: Timed;
  filter: Timed;
  weighting: Timed;
  budgetEdges: number;
  hoverApp: number;
  hoverFrame: number;
  hoverBare: number;
  budgetLong: { count: number; max: number };
  heapBudget: number;
  allEdges: number;
  showAll: Timed;
  refreshApp: number;
  refreshBare: number;
  hoverAllApp: number;
  hoverAllFrame: number;
  hoverAllBare: number;
  yearAll: Timed;
  allLong: { count: number; max: number };
  heapAll: number;
}

function medianTimed(xs: Timed[]): Timed {
  return { total: median(xs.map((x) => x.total)), preDraw: median(xs.map((x) => x.preDraw)), draw: median(xs.map((x) => x.draw)) };
}

/** The scene the app drew, as plain data for the bare page (same order as the app's graph). */
async function sceneOf(page: Page): Promise<{ scene: BareScene; width: number; height: number }> {
  return page.evaluate(() => {
    const app = window.reroute!.app;
    const s = app.scene();
    const box = document.getElementById("graph")!.getBoundingClientRect();
    return {
      width: Math.round(box.width),
      height: Math.round(box.height),
      scene: {
        nodes: [...s.nodes]
          .sort((a, b) => b.size - a.size)
          .map((n) => ({ id: n.id, x: n.x, y: n.y, size: n.size, color: n.color, label: n.label })),
        edges: [...s.edges]
          .sort((a, b) => b.size - a.size)
          .map((e) => ({ id: e.id, source: e.source, target: e.target, size: e.size, color: e.color })),
      },
    };
  });
}

/** Hover on the biggest place: app (store dispatch → highlight → refresh without indexation) vs bare sigma, alternating. */
async function hoverPair(app: Page, bare: Page): Promise<{ app: number; frame: number; bare: number }> {
  const target = await app.evaluate(() => {
    const s = window.reroute!.app.scene();
    const node = [...s.nodes].sort((a, b) => b.volume - a.volume)[0]!.id;
    const edges = s.edges.filter((e) => e.source === node || e.target === node);
    return { node, nodes: [node, ...edges.flatMap((e) => [e.source, e.target])], edges: edges.map((e) => e.id) };
  });
  const a: number[] = [],
    b: number[] = [],
    fr: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    // The frame alone: renderer.setHighlight → sigma.refresh({ skipIndexation: true }) + our label layer.
    fr.push(
      await app.evaluate(
        ([n, e]) => {
          const r = window.reroute!.app.renderer;
          const t = performance.now();
          r.setHighlight({ nodes: new Set(n), edges: new Set(e) });
          const ms = performance.now() - t;
          r.setHighlight(null);
          return ms;
        },
        [target.nodes, target.edges],
      ),
    );
    await nextFrame(app);
    a.push(
      await app.evaluate((id) => {
        const store = window.reroute!.app.store;
        const t = performance.now();
        store.dispatch((s) => ({ ...s, hover: { type: "node", id } }));
        const ms = performance.now() - t;
        store.dispatch((s) => ({ ...s, hover: null }));
        return ms;
      }, target.node),
    );
    await nextFrame(app);
    b.push(await bare.evaluate(([n, e]) => window.bare!.hover(n!, e!), [target.nodes, target.edges]));
    await bare.evaluate(() => window.bare!.refresh());
  }
  return { app: median(a), frame: median(fr), bare: median(b) };
}

async function refreshPair(app: Page, bare: Page): Promise<{ app: number; bare: number }> {
  const a: number[] = [],
    b: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    a.push(
      await app.evaluate(() => {
        const t = performance.now();
        window.reroute!.app.renderer.refresh();
        return performance.now() - t;
      }),
    );
    await nextFrame(app);
    b.push(await bare.evaluate(() => window.bare!.refresh()));
    await nextFrame(bare);
  }
  return { app: median(a), bare: median(b) };
}

async function benchSize(browser: Browser, appUrl: string, bareUrl: string, peerUrl: string, flows: number): Promise<SizeResult> {
  const dataset = generateTradeDataset({ flows, years: YEARS, seed: 11 });
  const csv = datasetToCsvFiles(dataset);
  const years = dataset.years;
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(LONGTASK_OBSERVER);
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error(`  page error: ${e}`));
  if (process.env.BENCH_DEBUG) page.on("console", (m) => process.stderr.write(`  console: ${m.text()}\n`));
  await page.goto(appUrl);
  await page.waitForFunction(() => document.documentElement.dataset.ready === "true");

  // Load through the real "Import data" input: parse (worker) → summary → confirm → graph and first frame.
  // As files on disk (playwright refuses buffers over 50 MB; paths also skip the base64 transfer over CDP).
  const dir = resolve(OUT, `files-${flows}`);
  mkdirSync(dir, { recursive: true });
  const files = Object.entries(csv).map(([name, text]) => {
    const path = resolve(dir, `${name}.csv`);
    writeFileSync(path, text);
    return path;
  });
  // A trace of the page's tasks during import and apply, to tell sigma's WebGL draw (run in the GPU process;
  // the main thread waits for it when the frame is committed) from the app's own work in a long task.
  const tracing = await startTaskTrace(page);
  let t = Date.now();
  await page.getByLabel("Import data", { exact: true }).setInputFiles(files);
  await page.waitForFunction(() => document.documentElement.dataset.importState === "summary", undefined, {
    timeout: 600_000,
    polling: 100,
  });
  const confirm = page.locator("button.import-primary");
  if (!/^Import [\d,]+ valid rows?$/.test((await confirm.textContent()) ?? "")) throw new Error("bench/run: no import summary");
  // Parse = from the page's change event (files chosen) to the summary: playwright's transfer of the files
  // to the browser (from disk here) is not the app's and is reported apart.
  const wallMs = Date.now() - t;
  const parseMs = await page.evaluate(() => {
    const w = window as unknown as { __filesChosenAt: number; __summaryAt: number };
    return w.__summaryAt - w.__filesChosenAt;
  });
  const transferMs = Math.max(0, wallMs - parseMs);
  const rendersBefore = await page.evaluate(() => Number(document.documentElement.dataset.renders ?? "0"));
  t = Date.now();
  await confirm.click();
  await page.waitForFunction(
    (n) => document.documentElement.dataset.importState === "imported" && Number(document.documentElement.dataset.renders ?? "0") > n,
    rendersBefore,
    { timeout: 600_000 },
  );
  await nextFrame(page);
  const applyMs = Date.now() - t;
  const applyDrawMs = await page.evaluate(() => {
    const at = (n: string) => performance.getEntriesByName(n, "mark")[0]?.startTime ?? NaN;
    return at("reroute:drawn") - at("reroute:draw");
  });
  const importLong = await longTasks(
    page,
    await page.evaluate(() => (window as unknown as { __filesChosenAt: number }).__filesChosenAt),
    await now(page),
    200,
  );
  const importTasks = tasksBesidesWebGl(await tracing.stop());
  const info = await page.evaluate(() => {
    const a = window.reroute!.app;
    return {
      year: a.store.get().year,
      places: a.dataset().places.length,
      flows: a.dataset().flows.length,
      yearFlows: a.derived().visible.total,
      edges: a.scene().edges.length,
    };
  });
  if (info.flows !== dataset.flows.length) throw new Error(`bench/run: imported ${info.flows} flows, generated ${dataset.flows.length}`);
  const heapBudget = await heapMB(page);

  const other = years.find((y) => y !== info.year) ?? info.year;
  const phaseStart = await now(page);
  const year: Timed[] = [],
    filter: Timed[] = [],
    threshold: Timed[] = [],
    weighting: Timed[] = [];
  for (let i = 0; i < REPEAT; i++) {
    threshold.push(await dispatchTimed(page, `(s) => ({ ...s, filters: { ...s.filters, minVolume: 500 } })`));
    threshold.push(await dispatchTimed(page, `(s) => ({ ...s, filters: { ...s.filters, minVolume: 0 } })`));
    year.push(await dispatchTimed(page, `(s) => ({ ...s, year: ${other} })`));
    year.push(await dispatchTimed(page, `(s) => ({ ...s, year: ${info.year} })`));
    filter.push(await dispatchTimed(page, `(s) => ({ ...s, filters: { ...s.filters, hiddenModes: ["sea"] } })`));
    filter.push(await dispatchTimed(page, `(s) => ({ ...s, filters: { ...s.filters, hiddenModes: [] } })`));
    weighting.push(await dispatchTimed(page, `(s) => ({ ...s, weighting: { ...s.weighting, scale: "log" } })`));
    weighting.push(await dispatchTimed(page, `(s) => ({ ...s, weighting: { ...s.weighting, scale: "sqrt" } })`));
  }

  // Bare sigma in a context of its own: its own renderer process, so its tasks never count as the app's.
  const bareContext = await browser.newContext({ viewport: VIEWPORT });
  await bareContext.addInitScript(LONGTASK_OBSERVER);
  const bare = await bareContext.newPage();
  await bare.goto(bareUrl);
  await bare.waitForFunction(() => document.documentElement.dataset.ready === "true");
  let shot = await sceneOf(page);
  await bare.evaluate(([s, w, h]) => window.bare!.load(s as BareScene, w as number, h as number), [
    shot.scene,
    shot.width,
    shot.height,
  ] as const);
  const hover = await hoverPair(page, bare);
  const budgetLong = await longTasks(page, phaseStart, await now(page));

  // "Show all flows": every flow of the year, app frame vs bare sigma on the same graph.
  const showAllRun = flows <= SHOW_ALL_MAX;
  const none: Timed = { total: NaN, preDraw: NaN, draw: NaN };
  let showAll = none,
    refresh = { app: NaN, bare: NaN },
    hoverAll = { app: NaN, frame: NaN, bare: NaN },
    allLong = { count: 0, max: NaN };
  const yearAll: Timed[] = [];
  if (showAllRun) {
    const allStart = await now(page);
    showAll = await dispatchTimed(page, `(s) => ({ ...s, flowBudget: null })`);
    shot = await sceneOf(page);
    await bare.evaluate(([s, w, h]) => window.bare!.load(s as BareScene, w as number, h as number), [
      shot.scene,
      shot.width,
      shot.height,
    ] as const);
    refresh = await refreshPair(page, bare);
    hoverAll = await hoverPair(page, bare);
    for (let i = 0; i < 2; i++) {
      yearAll.push(await dispatchTimed(page, `(s) => ({ ...s, year: ${other} })`));
      yearAll.push(await dispatchTimed(page, `(s) => ({ ...s, year: ${info.year} })`));
    }
    allLong = await longTasks(page, allStart, await now(page));
  }
  const heapAll = await heapMB(page);
  await context.close();
  await bareContext.close();
  process.stderr.write(`bench: ${flows} flows: flowmap.gl…\n`);
  const peerFiles = resolve(OUT, "peers", `files-${flows}`);
  mkdirSync(peerFiles, { recursive: true });
  for (const [name, text] of Object.entries(csv)) writeFileSync(resolve(peerFiles, `${name}.csv`), text);
  const paths = { places: `files-${flows}/places.csv`, flows: `files-${flows}/flows.csv`, sources: `files-${flows}/sources.csv` };
  const peer = await benchFlowmap(browser, peerUrl, paths, info.year, other, REPEAT, LONGTASK_OBSERVER);
  return {
    flows,
    threshold: medianTimed(threshold),
    importLong,
    importTasks,
    applyDrawMs,
    peer,
    showAllRun,
    places: info.places,
    yearFlows: info.yearFlows,
    parseMs,
    transferMs,
    applyMs,
    loadMs: parseMs + applyMs,
    year: medianTimed(year),
    filter: medianTimed(filter),
    weighting: medianTimed(weighting),
    budgetEdges: info.edges,
    hoverApp: hover.app,
    hoverFrame: hover.frame,
    hoverBare: hover.bare,
    budgetLong,
    heapBudget,
    allEdges: showAllRun ? shot.scene.edges.length : NaN,
    showAll,
    refreshApp: refresh.app,
    refreshBare: refresh.bare,
    hoverAllApp: hoverAll.app,
    hoverAllFrame: hoverAll.frame,
    hoverAllBare: hoverAll.bare,
    yearAll: medianTimed(yearAll),
    allLong,
    heapAll,
  };
}

async function main(): Promise<void> {
  const appDir = resolve(OUT, "app"),
    bareDir = resolve(OUT, "bare"),
    peerDir = resolve(OUT, "peers");
  await build({ root: ROOT, logLevel: "warn", build: { outDir: appDir, emptyOutDir: true } });
  await build({
    configFile: false,
    root: resolve(ROOT, "bench"),
    base: "./",
    logLevel: "warn",
    build: { outDir: bareDir, emptyOutDir: true, target: "es2022", rollupOptions: { input: resolve(ROOT, "bench/bare-sigma.html") } },
  });
  // flowmap.gl from bench/peers (its own package.json and lockfile; `npm run bench` installs it there).
  await build({
    configFile: false,
    root: resolve(ROOT, "bench/peers"),
    base: "./",
    logLevel: "warn",
    build: { outDir: peerDir, emptyOutDir: true, target: "es2022", rollupOptions: { input: resolve(ROOT, "bench/peers/flowmap.html") } },
  });
  const loadStart = loadavg();
  const bundle = bundleSizes(appDir);
  const app = await serve(appDir),
    bare = await serve(bareDir),
    peers = await serve(peerDir);
  const browser = await launchBrowser();
  const version = browser.version();
  const results: SizeResult[] = [];
  try {
    for (const n of SIZES) {
      process.stderr.write(`bench: ${n} flows…\n`);
      results.push(await benchSize(browser, app.url, `${bare.url}bare-sigma.html`, `${peers.url}flowmap.html`, n));
    }
  } finally {
    await browser.close();
    await app.close();
    await bare.close();
    await peers.close();
  }

  const cpu = cpus();
  console.log(
    `\nMachine: ${cpu.length} × ${cpu[0]?.model ?? "CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}, Chromium ${version} headless (${CHROMIUM}, software WebGL), viewport ${VIEWPORT.width}×${VIEWPORT.height}; ${YEARS} years per file, seed 11; medians of ${REPEAT} (year/filter/weighting: of ${2 * REPEAT}).`,
  );
  console.log(
    `Bundle: ${f0(bundle.initialKB)} KB gzip loaded at start (JS + CSS), ${f0(bundle.totalKB)} KB gzip with every on-demand chunk and worker.\n`,
  );
  console.log("Flow budget on (default):\n");
  console.log(
    "| flows in file | places | flows in year | drawn | load: parse (worker) + apply & first frame | year change JS: total (before draw + draw + after) | threshold | mode filter | weighting | hover: whole / frame / bare sigma | long tasks > 100 ms | heap |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|---|---|---|");
  const tm = (x: Timed) => `${f0(x.total)} ms (${f0(x.preDraw)} + ${f0(x.draw)} + ${f0(Math.max(0, x.total - x.preDraw - x.draw))})`;
  for (const r of results) {
    console.log(
      `| ${r.flows.toLocaleString("en")} | ${r.places} | ${r.yearFlows.toLocaleString("en")} | ${r.budgetEdges.toLocaleString("en")} | ${f0(r.loadMs)} ms (${f0(r.parseMs)} + ${f0(r.applyMs)}; driver's file transfer ${f0(r.transferMs)} ms apart) | ${tm(r.year)} | ${tm(r.threshold)} | ${tm(r.filter)} | ${tm(r.weighting)} | ${f1(r.hoverApp)} / ${f1(r.hoverFrame)} / ${f1(r.hoverBare)} ms (frame ${f2(r.hoverFrame / r.hoverBare)}×) | ${r.budgetLong.count} (max ${f0(r.budgetLong.max)} ms) | ${f0(r.heapBudget)} MB |`,
    );
  }
  console.log('\n"Show all flows" (budget off), the same graph in bare sigma 3.0.3 in the same run:\n');
  console.log(
    "| flows in file | edges drawn | switch to show all | full refresh app / bare sigma | hover: whole / frame / bare sigma | year change JS: total (before draw + draw + after) | long tasks > 100 ms | heap |",
  );
  console.log("|---|---|---|---|---|---|---|---|");
  for (const r of results.filter((x) => x.showAllRun)) {
    console.log(
      `| ${r.flows.toLocaleString("en")} | ${r.allEdges.toLocaleString("en")} | ${tm(r.showAll)} | ${f0(r.refreshApp)} / ${f0(r.refreshBare)} ms (${f2(r.refreshApp / r.refreshBare)}×) | ${f1(r.hoverAllApp)} / ${f1(r.hoverAllFrame)} / ${f1(r.hoverAllBare)} ms (frame ${f2(r.hoverAllFrame / r.hoverAllBare)}×) | ${tm(r.yearAll)} | ${r.allLong.count} (max ${f0(r.allLong.max)} ms) | ${f0(r.heapAll)} MB |`,
    );
  }

  const targets = printTargets(results);
  const loadEnd = loadavg();
  // One block to paste: what was run where, under what load, and each target's verdict.
  let commit = "unknown";
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
  } catch {
    // Not a git checkout: the commit stays unknown.
  }
  const la = (l: number[]) => l.map((x) => x.toFixed(2)).join(" / ");
  console.log(
    [
      "",
      "----- bench summary (paste) -----",
      `Reroute bench, ${new Date().toISOString().slice(0, 16)} UTC, commit ${commit}; sizes ${SIZES.map((x) => x.toLocaleString("en")).join(" / ")} flows.`,
      `Machine: ${cpu.length} × ${cpu[0]?.model ?? "CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM, Chromium ${version} headless, software WebGL.`,
      `Load average (1 / 5 / 15 min): ${la(loadStart)} at the start, ${la(loadEnd)} at the end (${cpu.length} cores).`,
      "",
      "| target | measured | |",
      "|---|---|---|",
      ...targets,
      "----- end of summary -----",
    ].join("\n"),
  );

  if (process.env.BENCH_BROWSER_ONLY) return;
  process.stderr.write("bench: analysis…\n");
  const rows = await runAnalysisBench();
  console.log("\nAnalysis (bench/analysis.ts, Node, one year per graph):\n");
  console.log("| flows | places | task | ms | baseline | baseline ms | ratio |\n|---|---|---|---|---|---|---|");
  for (const r of rows)
    console.log(
      `| ${r.flows.toLocaleString("en")} | ${r.places} | ${r.task} | ${f2(r.ms)} | ${r.baseline} | ${r.baselineMs === null ? "—" : f1(r.baselineMs)} | ${r.ratio === null ? "—" : `${f1(r.ratio)}×`} |`,
    );

  process.stderr.write("bench: import…\n");
  // Forced GC for the import bench's heap figures, without asking for a node flag.
  setFlagsFromString("--expose-gc");
  (globalThis as { gc?: unknown }).gc = runInNewContext("gc");
  const im = runImportBench();
  console.log(
    `\nImport (bench/import.ts, Node): ${(im.bytes / 1e6).toFixed(1)} MB, ${im.rows.toLocaleString("en")} rows → ${im.flows.toLocaleString("en")} flows; importFiles ${f0(im.importMs)} ms (heap +${f0(im.importHeapMB)} MB), papaparse raw parse ${f0(im.papaMs)} ms (heap +${f0(im.papaHeapMB)} MB), ${f2(im.ratio)}× papaparse.`,
  );
}

await main();
