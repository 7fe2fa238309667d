// The issue's targets, each with the value this run measured and the peers' figures, plus growth
// (log-log slope of time and heap against flows). Printed by bench/run.ts after its tables.
import type { SizeResult, Timed } from "./run";

const f0 = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : "—");
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "—");
const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : "—");
const n = (x: number) => x.toLocaleString("en");

/** Least-squares slope of log(y) against log(x): 1 is linear growth, below 1 better. */
export function logLogSlope(points: readonly { x: number; y: number }[]): number {
  const p = points.filter((q) => q.x > 0 && q.y > 0 && Number.isFinite(q.y));
  if (p.length < 2) return NaN;
  const lx = p.map((q) => Math.log(q.x)),
    ly = p.map((q) => Math.log(q.y));
  const mx = lx.reduce((a, b) => a + b, 0) / p.length,
    my = ly.reduce((a, b) => a + b, 0) / p.length;
  let num = 0,
    den = 0;
  for (let i = 0; i < p.length; i++) {
    num += (lx[i]! - mx) * (ly[i]! - my);
    den += (lx[i]! - mx) ** 2;
  }
  return den === 0 ? NaN : num / den;
}

const verdict = (ok: boolean | null) => (ok === null ? "not measured" : ok ? "met" : "NOT met");

/** Prints the peer table, growth and the targets; returns the targets' rows (target | measured | verdict) for the summary. */
export function printTargets(results: readonly SizeResult[]): string[] {
  console.log(
    "\nPeers on the same seeded files in the same browser (flowmap.gl 9.4 on deck.gl 9.4, 2,000 largest flows of the year; papaparse 5.7 raw):\n",
  );
  console.log(
    "| flows in file | load to first frame: Reroute / flowmap.gl | import parse (worker, from the file input) / papaparse raw | year change: Reroute JS before draw, with draw / flowmap.gl JS, to frame with data | threshold: Reroute / flowmap.gl top-N (same) | heap: Reroute / flowmap.gl | longest task in import+apply: Reroute (sigma draw) / flowmap.gl |",
  );
  console.log("|---|---|---|---|---|---|---|");
  for (const r of results) {
    const p = r.peer;
    console.log(
      `| ${n(r.flows)} | ${f0(r.loadMs)} / ${f0(p.loadMs)} ms (${f2(r.loadMs / p.loadMs)}×) | ${f0(r.parseMs)} / ${f0(p.papaRawMs)} ms (${f2(r.parseMs / p.papaRawMs)}×) | ${f1(r.year.preDraw)}, ${f0(r.year.total)} / ${f1(p.yearMs)}, ${f0(p.yearFrameMs)} ms (with draw / to frame: ${f2(r.year.total / p.yearFrameMs)}×) | ${f1(r.threshold.preDraw)}, ${f0(r.threshold.total)} / ${f1(p.topNMs)}, ${f0(p.topNFrameMs)} ms (${f2(r.threshold.total / p.topNFrameMs)}×) | ${f0(r.heapBudget)} / ${f0(p.heapMB)} MB (${f2(r.heapBudget / p.heapMB)}×) | ${f0(r.importLong.max)} (${f0(r.applyDrawMs)}) / ${f0(p.longMax)} ms |`,
    );
  }

  const growth = results.filter((r) => r.flows >= 10_000);
  const slope = (pick: (r: SizeResult) => number) => logLogSlope(growth.map((r) => ({ x: r.flows, y: pick(r) })));
  const slopes = {
    load: slope((r) => r.loadMs),
    parse: slope((r) => r.parseMs),
    apply: slope((r) => r.applyMs),
    heap: slope((r) => r.heapBudget),
    peerLoad: slope((r) => r.peer.loadMs),
  };
  console.log(
    `\nGrowth (log-log slope over ${growth.map((r) => n(r.flows)).join(" / ")} flows; 1 = linear): load ${f2(slopes.load)} (parse ${f2(slopes.parse)}, apply ${f2(slopes.apply)}), heap ${f2(slopes.heap)}; flowmap.gl load ${f2(slopes.peerLoad)}.`,
  );

  const at = (flows: number) => results.find((r) => r.flows === flows);
  const big = at(1_000_000),
    mid = at(100_000);
  // The change's JS: the whole dispatch (derive, scene, graph diff, every panel that follows) less sigma's draw.
  const js = (t: Timed) => t.total - t.draw;
  const lines: string[] = [];
  const add = (target: string, measured: string, ok: boolean | null) => lines.push(`| ${target} | ${measured} | ${verdict(ok)} |`);
  add(
    "1M flows: load to first frame ≤ 5 s",
    big ? `${f0(big.loadMs)} ms (parse ${f0(big.parseMs)} + apply ${f0(big.applyMs)}; flowmap.gl ${f0(big.peer.loadMs)} ms)` : "—",
    big ? big.loadMs <= 5000 : null,
  );
  add(
    "1M flows: no main-thread task > 200 ms in import and apply, other than sigma's draw",
    big ? longestTaskText(big) : "—",
    big ? big.importTasks.longestBesidesWebGlMs <= 200 : null,
  );
  for (const r of [mid, big]) {
    if (!r) continue;
    add(
      `Import ≤ 3× papaparse raw (${n(r.flows)})`,
      `${f2(r.parseMs / r.peer.papaRawMs)}× (${f0(r.parseMs)} / ${f0(r.peer.papaRawMs)} ms)`,
      r.parseMs <= 3 * r.peer.papaRawMs,
    );
  }
  add(
    "Heap ≤ 1.5× flowmap.gl at 100k",
    mid ? `${f2(mid.heapBudget / mid.peer.heapMB)}× (${f0(mid.heapBudget)} / ${f0(mid.peer.heapMB)} MB)` : "—",
    mid ? mid.heapBudget <= 1.5 * mid.peer.heapMB : null,
  );
  for (const [r, limit] of [
    [mid, 15],
    [big, 50],
  ] as const) {
    if (!r) continue;
    const worst = Math.max(js(r.threshold), js(r.year), js(r.weighting));
    add(
      `Threshold / year / weighting JS ≤ ${limit} ms at ${n(r.flows)} (the dispatch less sigma's draw)`,
      `${f1(js(r.threshold))} / ${f1(js(r.year))} / ${f1(js(r.weighting))} ms (before the draw: ${f1(r.threshold.preDraw)} / ${f1(r.year.preDraw)} / ${f1(r.weighting.preDraw)} ms; with it: ${f0(r.threshold.total)} / ${f0(r.year.total)} / ${f0(r.weighting.total)} ms)`,
      worst <= limit,
    );
  }
  add(
    "Hover frame ≤ 1.2× bare sigma at 100k (this run; the issue asks for the median of three runs)",
    mid ? `${f2(mid.hoverFrame / mid.hoverBare)}× (${f1(mid.hoverFrame)} / ${f1(mid.hoverBare)} ms)` : "—",
    mid ? mid.hoverFrame <= 1.2 * mid.hoverBare : null,
  );
  add(
    "Growth linear or better (load, log-log slope ≤ 1)",
    `${f2(slopes.load)} (heap ${f2(slopes.heap)})`,
    Number.isFinite(slopes.load) ? slopes.load <= 1.0 : null,
  );
  console.log("\nTargets (this run):\n\n| target | measured | |\n|---|---|---|");
  for (const line of lines) console.log(line);
  return lines;
}

/**
 * The longest task of import and apply, told apart from sigma's draw: its JS (queuing the draw calls) and,
 * from the trace, the main thread's wait for the GPU process to draw them (bench/taskTrace).
 */
function longestTaskText(r: SizeResult): string {
  const { tasks, longestBesidesWebGlMs } = r.importTasks;
  const longest = tasks.reduce<{ ms: number; webGlWaitMs: number } | null>((a, t) => (!a || t.ms > a.ms ? t : a), null);
  const over = tasks.filter((t) => t.ms - t.webGlWaitMs > 200).length;
  return (
    `longest besides sigma's draw ${f0(longestBesidesWebGlMs)} ms (${over} over 200 ms); ` +
    `longest of all ${f0(longest?.ms ?? r.importLong.max)} ms, of which waiting for sigma's WebGL draw ${f0(longest?.webGlWaitMs ?? 0)} ms ` +
    `(sigma's draw calls ${f0(r.applyDrawMs)} ms of JS)`
  );
}
