// Benchmarks of the analysis hot paths on seeded synthetic graphs (bench/synthetic.ts), each next to a
// plain baseline run on the same graph in the same process. Run: npx tsx bench/analysis.ts
import { allSimplePaths } from "graphology-simple-path";
import { buildYearGraph, type YearGraph } from "../src/domain/buildYearGraph";
import { attribution, chains, consumptionMatrix, originMixOfNode, simplePaths } from "../src/analysis";
import { generateTradeDataset } from "./synthetic";

export interface Row {
  flows: number;
  places: number;
  task: string;
  ms: number;
  baseline: string;
  baselineMs: number | null;
  /** baselineMs / ms: how many times faster ours is. */
  ratio: number | null;
  note: string;
}

function time<T>(run: () => T, repeat = 3): { ms: number; value: T } {
  let value = run(); // warm-up
  let best = Infinity;
  for (let i = 0; i < repeat; i++) {
    const t = performance.now();
    value = run();
    best = Math.min(best, performance.now() - t);
  }
  return { ms: best, value };
}

/** Dense (I − W) system of the graph: A = I − Wᵀ (n × n) and the balance, for the baselines. */
function denseSystem(graph: YearGraph) {
  const ids = graph.nodes();
  const index = new Map(ids.map((id, i) => [id, i]));
  const n = ids.length;
  const F = new Float64Array(n * n);
  const inflow = new Float64Array(n);
  const outflow = new Float64Array(n);
  graph.forEachEdge((_e, a, s, t) => {
    if (s === t) return;
    const i = index.get(s)!;
    const j = index.get(t)!;
    const w = a.weight > 0 ? a.weight : 0;
    F[i * n + j] = F[i * n + j]! + w;
    outflow[i] = outflow[i]! + w;
    inflow[j] = inflow[j]! + w;
  });
  const T = ids.map((_, i) => Math.max(inflow[i]!, outflow[i]!));
  return { ids, index, n, F, inflow, outflow, T };
}

/** Gauss-Jordan with partial pivoting on M (n × n) and K right-hand sides, in place. */
function gaussJordan(M: Float64Array, B: Float64Array, n: number, K: number): void {
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let i = c + 1; i < n; i++) if (Math.abs(M[i * n + c]!) > Math.abs(M[p * n + c]!)) p = i;
    if (M[p * n + c] === 0) continue;
    if (p !== c) {
      for (let j = 0; j < n; j++) [M[c * n + j], M[p * n + j]] = [M[p * n + j]!, M[c * n + j]!];
      for (let k = 0; k < K; k++) [B[c * K + k], B[p * K + k]] = [B[p * K + k]!, B[c * K + k]!];
    }
    for (let i = 0; i < n; i++) {
      if (i === c) continue;
      const f = M[i * n + c]! / M[c * n + c]!;
      if (f === 0) continue;
      for (let j = c; j < n; j++) M[i * n + j] = M[i * n + j]! - f * M[c * n + j]!;
      for (let k = 0; k < K; k++) B[i * K + k] = B[i * K + k]! - f * B[c * K + k]!;
    }
  }
}

/** Baseline: origin × place attribution by a dense solve of (I − Wᵀ) X = S. */
function denseAttribution(graph: YearGraph): number {
  const { n, F, inflow, outflow, T, ids } = denseSystem(graph);
  const origins: number[] = [];
  for (let i = 0; i < n; i++) if (graph.getNodeAttribute(ids[i]!, "kind") === "origin" && outflow[i]! > inflow[i]!) origins.push(i);
  const K = origins.length + 1;
  const M = new Float64Array(n * n);
  const B = new Float64Array(n * K);
  for (let i = 0; i < n; i++) {
    M[i * n + i] = 1;
    for (let j = 0; j < n; j++) if (T[j]! > 0 && F[j * n + i]! > 0) M[i * n + j] = M[i * n + j]! - F[j * n + i]! / T[j]!;
  }
  origins.forEach((o, k) => (B[o * K + k] = outflow[o]! - inflow[o]!));
  gaussJordan(M, B, n, K);
  return B[0]!;
}

/** Baseline: one place's origin volumes by a dense solve of (I − W) y = e_n. */
function denseOriginMix(graph: YearGraph, node: string): number {
  const { n, F, T, index } = denseSystem(graph);
  const M = new Float64Array(n * n);
  const B = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    M[i * n + i] = 1;
    for (let j = 0; j < n; j++) if (T[i]! > 0 && F[i * n + j]! > 0) M[i * n + j] = M[i * n + j]! - F[i * n + j]! / T[i]!;
  }
  B[index.get(node)!] = 1;
  gaussJordan(M, B, n, 1);
  return B[0]!;
}

/** Baseline: all simple paths with graphology-simple-path, scored by Π W, top k. */
function bruteForceChains(graph: YearGraph, o: string, target: string, maxDepth: number, k: number): number {
  const { index, F, T, n } = denseOrSparseShares(graph);
  const paths = allSimplePaths(graph, o, target, { maxDepth });
  const score = (p: string[]) =>
    p.slice(1).reduce((s, w, i) => (s * (F.get(index.get(p[i]!)! * n + index.get(w)!) ?? 0)) / T[index.get(p[i]!)!]!, 1);
  return paths
    .map(score)
    .sort((a, b) => b - a)
    .slice(0, k).length;
}

function denseOrSparseShares(graph: YearGraph) {
  const ids = graph.nodes();
  const index = new Map(ids.map((id, i) => [id, i]));
  const n = ids.length;
  const F = new Map<number, number>();
  const inflow = new Float64Array(n);
  const outflow = new Float64Array(n);
  graph.forEachEdge((_e, a, s, t) => {
    const i = index.get(s)!;
    const j = index.get(t)!;
    F.set(i * n + j, (F.get(i * n + j) ?? 0) + a.weight);
    outflow[i] = outflow[i]! + a.weight;
    inflow[j] = inflow[j]! + a.weight;
  });
  const T = ids.map((_, i) => Math.max(inflow[i]!, outflow[i]!));
  return { index, F, T, n };
}

const DENSE_LIMIT = 2000;

export async function runAnalysisBench(sizes: number[] = [1_000, 10_000, 100_000]): Promise<Row[]> {
  const rows: Row[] = [];
  for (const flows of sizes) {
    const ds = generateTradeDataset({ flows, years: 1, seed: 7 });
    const graph = buildYearGraph(ds, ds.years[0]!);
    const places = graph.order;
    const row = (task: string, ms: number, baseline: string, baselineMs: number | null, note = "") =>
      rows.push({ flows, places, task, ms, baseline, baselineMs, ratio: baselineMs === null ? null : baselineMs / ms, note });
    // The selected place: the market with the largest intake; the origin: its largest origin.
    let market = "";
    let best = -1;
    graph.forEachNode((id, a) => {
      if (a.kind !== "market") return;
      const intake = graph.inEdges(id).reduce((s, e) => s + graph.getEdgeAttribute(e, "weight"), 0);
      if (intake > best) [market, best] = [id, intake];
    });
    const mix = originMixOfNode(graph, market);
    const origin = [...mix.volumes].filter(([k]) => k !== "(unexplained)").sort((a, b) => b[1] - a[1])[0]![0];
    const dense = places <= DENSE_LIMIT;

    const one = time(() => originMixOfNode(graph, market));
    const oneBase = dense ? time(() => denseOriginMix(graph, market), 1) : time(() => attribution(graph), 1);
    // The first analysis on a year's graph also copies its edges into typed arrays (edgeTable);
    // touching an edge attribute makes every run here pay for that copy again.
    const anyEdge = graph.edges()[0]!;
    const anyWeight = graph.getEdgeAttribute(anyEdge, "weight");
    const first = time(() => {
      graph.setEdgeAttribute(anyEdge, "weight", anyWeight);
      return originMixOfNode(graph, market);
    });
    row("origin mix of one place, first on the graph (reads its edges once)", first.ms, "—", null, "then cached until the graph changes");
    row(
      "origin mix of one place",
      one.ms,
      dense ? "dense (I−W) solve, one column" : "full attribution run",
      oneBase.ms,
      `${one.value.upstream} places upstream`,
    );

    const full = time(() => consumptionMatrix(attribution(graph)));
    const fullBase = dense ? time(() => denseAttribution(graph), 1).ms : null;
    row(
      "full origin × place attribution",
      full.ms,
      dense ? "dense (I−Wᵀ) solve, all origins" : `dense solve skipped (n > ${DENSE_LIMIT})`,
      fullBase,
      `${full.value.origins.length} origins`,
    );

    const top = time(() => chains(graph, origin, market, { k: 10, maxHops: 6 }));
    const depth = 4;
    const baseChains = time(() => bruteForceChains(graph, origin, market, depth, 10), 1);
    row(
      "top-10 chains (hop limit 6)",
      top.ms,
      `allSimplePaths maxDepth ${depth} + sort by ΠW`,
      baseChains.ms,
      `coverage ${top.value.coverage.toFixed(3)}`,
    );

    const sp = time(() => simplePaths(graph, origin, market, { maxDepth: depth, maxPaths: 1e7, maxMs: 60_000 }));
    const spBase = time(() => allSimplePaths(graph, origin, market, { maxDepth: depth }), 1);
    row(
      `simple paths (depth ${depth}, unbounded)`,
      sp.ms,
      `allSimplePaths maxDepth ${depth}`,
      spBase.ms,
      `${sp.value.paths.length} paths ours, ${spBase.value.length} library`,
    );
    const spb = time(() => simplePaths(graph, origin, market, { maxDepth: 6, maxPaths: 1000, maxMs: 250 }));
    row("simple paths (depth 6, maxPaths 1000)", spb.ms, "—", null, `stoppedEarly ${spb.value.stoppedEarly}`);
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await runAnalysisBench();
  const f = (x: number | null, d = 1) => (x === null ? "—" : x.toFixed(d));
  console.log("| flows | places | task | ms | baseline | baseline ms | ratio | note |\n|---|---|---|---|---|---|---|---|");
  for (const r of rows)
    console.log(
      `| ${r.flows} | ${r.places} | ${r.task} | ${f(r.ms, 2)} | ${r.baseline} | ${f(r.baselineMs)} | ${f(r.ratio)}× | ${r.note} |`,
    );
}
