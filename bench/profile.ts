// `npx tsx bench/profile.ts [flows] [phase]`: where the page's main thread spends an import, or a change.
// Builds the app into bench/out/app (unless BENCH_NO_BUILD is set), imports the seeded synthetic files
// through the real "Import data" input, and records Chromium's CPU profile of the page over the phase:
// "import" (file input → first frame after the confirm; the default) or "change" (threshold, year and
// weighting changes). Prints the long tasks (> 50 ms) with their start, the functions with the most self
// time and the most total time, and writes the profile to bench/out/<phase>-<flows>.cpuprofile (open it in
// Chromium's DevTools, Performance panel). The worker's parse is profiled in Node: bench/import.ts.
import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { build, preview } from "vite";
import { launchBrowser, ROOT } from "../test/e2e/harness";
import { startTaskTrace, type TraceEvent } from "./taskTrace";
import { datasetToCsvFiles, generateTradeDataset } from "./synthetic";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self and total time per function (name, file, line), in ms, heaviest first. */
export function summarise(profile: CpuProfile, top = 25): { self: [string, number][]; total: [string, number][] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (n: ProfileNode) =>
    `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.split("/").pop()}:${n.callFrame.lineNumber + 1}`;
  const self = new Map<string, number>(),
    total = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(id)!;
    self.set(key(node), (self.get(key(node)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const k = key(byId.get(at)!);
      if (!seen.has(k)) total.set(k, (total.get(k) ?? 0) + dt);
      seen.add(k);
    }
  });
  const idle = (k: string) => /^\((idle|root|program)\)/.test(k);
  const heaviest = (m: Map<string, number>) =>
    [...m]
      .filter(([k]) => !idle(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top);
  return { self: heaviest(self), total: heaviest(total) };
}

/** Each main-thread task over 100 ms with what it spent its time on (the events directly inside it, summed). */
function printLongTasks(events: TraceEvent[]): void {
  const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
  const onMain = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === "X" && e.dur !== undefined);
  const tasks = onMain
    .filter((e) => e.name === "RunTask" && e.dur! > Number(process.env.BENCH_TRACE_MIN ?? 100) * 1000)
    .sort((a, b) => a.ts - b.ts);
  console.log("\nlong tasks in the trace (ms; what is inside, by trace event, nested events counted in their parents too):");
  for (const task of tasks) {
    const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= task.ts + task.dur!);
    const byName = new Map<string, number>();
    for (const e of inside) {
      const fn = e.args?.data?.functionName;
      const key =
        e.name === "FunctionCall" && fn
          ? `FunctionCall ${fn}`
          : e.name === "TimerFire" || e.name === "EventDispatch"
            ? `${e.name} ${e.args?.data?.type ?? ""}`
            : e.name;
      byName.set(key, (byName.get(key) ?? 0) + e.dur! / 1000);
    }
    const top = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 14);
    console.log(
      `  task at ${((task.ts - tasks[0]!.ts) / 1000).toFixed(0)} ms, ${(task.dur! / 1000).toFixed(0)} ms: ${top.map(([k, ms]) => `${k} ${ms.toFixed(0)}`).join("; ")}`,
    );
    if (process.env.BENCH_TRACE === "threads") {
      // Meanwhile on other threads (the GPU process draws WebGL; the compositor rasters): busiest events.
      const names = new Map(events.filter((e) => e.name === "thread_name").map((e) => [`${e.pid}:${e.tid}`, e.args?.name]));
      const other = new Map<string, number>();
      for (const e of events)
        if (
          e.ph === "X" &&
          e.dur &&
          e.dur > 5000 &&
          e.ts < task.ts + task.dur! &&
          e.ts + e.dur > task.ts &&
          !(e.pid === main!.pid && e.tid === main!.tid)
        ) {
          const k = `${names.get(`${e.pid}:${e.tid}`) ?? e.tid} ${e.name}`;
          other.set(k, (other.get(k) ?? 0) + e.dur / 1000);
        }
      console.log(
        `    other threads: ${[...other]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 12)
          .map(([k, ms]) => `${k} ${ms.toFixed(0)}`)
          .join("; ")}`,
      );
    }
  }
}

async function main(): Promise<void> {
  const flows = Number(process.argv[2] ?? 100_000);
  const phase = process.argv[3] === "change" ? "change" : "import";
  const out = resolve(ROOT, "bench/out");
  // Not minified, so the profile names the app's own functions.
  const appDir = resolve(out, "app-profile");
  if (!process.env.BENCH_NO_BUILD)
    await build({ root: ROOT, logLevel: "error", build: { outDir: appDir, emptyOutDir: true, minify: false } });
  const server = await preview({
    root: ROOT,
    configFile: false,
    base: "./",
    logLevel: "error",
    build: { outDir: appDir },
    preview: { host: "127.0.0.1", port: 0 },
  });
  const address = server.httpServer.address() as { port: number };
  const dir = resolve(out, `files-${flows}`);
  mkdirSync(dir, { recursive: true });
  const files = Object.entries(datasetToCsvFiles(generateTradeDataset({ flows, years: 5, seed: 11 }))).map(([name, text]) => {
    const path = resolve(dir, `${name}.csv`);
    writeFileSync(path, text);
    return path;
  });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(`window.__name = (f) => f; window.__long = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: "longtask" });
      document.addEventListener("change", () => (window.__changeAt = performance.now()), true);`);
    await page.goto(`http://127.0.0.1:${address.port}/`);
    await page.waitForFunction(() => document.documentElement.dataset.ready === "true");
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 500 });
    const mark = () => page.evaluate(() => Math.round(performance.now()));
    const marks: [string, number][] = [];
    if (phase === "import") await cdp.send("Profiler.start");
    // BENCH_TRACE=1: also a Chromium trace, to say what each long task of the page's main thread is made of
    // (script, style, layout, paint, GC), which a CPU profile of the script alone does not show.
    const tracing = process.env.BENCH_TRACE
      ? await startTaskTrace(
          page,
          "devtools.timeline,disabled-by-default-devtools.timeline,v8,blink.user_timing,gpu,cc,viz,toplevel,__metadata",
        )
      : null;
    await page.getByLabel("Import data", { exact: true }).setInputFiles(files);
    await page.waitForFunction(() => document.documentElement.dataset.importState === "summary", undefined, {
      timeout: 600_000,
      polling: 100,
    });
    const confirm = page.locator("button.import-primary");
    marks.push(["files chosen", await page.evaluate(() => Math.round((window as unknown as { __changeAt: number }).__changeAt))]);
    marks.push(["summary shown", await mark()]);
    await confirm.click();
    await page.waitForFunction(() => document.documentElement.dataset.importState === "imported", undefined, { timeout: 600_000 });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
    marks.push(["first frame", await mark()]);
    if (phase === "change") {
      await page.evaluate(() => new Promise((done) => setTimeout(done, 1000)));
      await cdp.send("Profiler.start");
      const ms = await page.evaluate(() => {
        const store = window.reroute!.app.store;
        const year = store.get().year;
        const other = window.reroute!.app.dataset().years.find((y) => y !== year) ?? year;
        const times: Record<string, number[]> = { threshold: [], year: [], weighting: [] };
        const time = (name: string, produce: Parameters<typeof store.dispatch>[0]) => {
          const t = performance.now();
          store.dispatch(produce);
          times[name]!.push(Math.round(performance.now() - t));
        };
        for (let i = 0; i < 5; i++) {
          time("threshold", (s) => ({ ...s, filters: { ...s.filters, minVolume: 500 } }));
          time("threshold", (s) => ({ ...s, filters: { ...s.filters, minVolume: 0 } }));
          time("year", (s) => ({ ...s, year: other }));
          time("year", (s) => ({ ...s, year }));
          time("weighting", (s) => ({ ...s, weighting: { ...s.weighting, scale: "log" } }));
          time("weighting", (s) => ({ ...s, weighting: { ...s.weighting, scale: "sqrt" } }));
        }
        return times;
      });
      console.log("dispatch ms (with sigma's draw):", JSON.stringify(ms));
    }
    if (tracing) printLongTasks(await tracing.stop());
    const { profile } = (await cdp.send("Profiler.stop")) as { profile: CpuProfile };
    const path = resolve(out, `${phase}-${flows}.cpuprofile`);
    writeFileSync(path, JSON.stringify(profile));
    const long = await page.evaluate(() => (window as unknown as { __long: [number, number][] }).__long);
    console.log(`marks: ${marks.map(([name, at]) => `${name} ${at}`).join(", ")}`);
    console.log(`long tasks [start, ms]: ${JSON.stringify(long.filter(([start]) => start >= (marks[0]?.[1] ?? 0) - 100))}`);
    const { self, total } = summarise(profile);
    console.log("\nself time:");
    for (const [k, ms] of self) console.log(`${ms.toFixed(0).padStart(7)} ms  ${k}`);
    console.log("\ntotal time:");
    for (const [k, ms] of total) console.log(`${ms.toFixed(0).padStart(7)} ms  ${k}`);
    console.log(`\nprofile: ${path}`);
  } finally {
    await browser.close();
    server.httpServer.close();
  }
}

await main();
