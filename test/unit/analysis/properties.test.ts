// Property tests on random small graphs with cycles (fast-check, fixed seeds): the analysis against
// plain reference computations written here from docs/methods.md.
import fc from "fast-check";
import { MultiDirectedGraph } from "graphology";
import { allSimplePaths } from "graphology-simple-path";
import { describe, expect, it } from "vitest";
import { attribution, attributionMatrix, chains, edgeAttribution, originMixOfNode, simplePaths } from "../../../src/analysis";

type Kind = "origin" | "exit" | "transit" | "market" | undefined;
interface Spec {
  kinds: Kind[];
  edges: [number, number, number, string][];
}

const specArb = (maxNodes: number): fc.Arbitrary<Spec> =>
  fc.integer({ min: 2, max: maxNodes }).chain((n) =>
    fc.record({
      kinds: fc.array(fc.constantFrom<Kind>("origin", "exit", "transit", "market", undefined), { minLength: n, maxLength: n }),
      edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: 0, max: 60 }), fc.constantFrom("road", "rail")), {
        maxLength: 3 * n,
      }),
    }),
  );

function build(spec: Spec): MultiDirectedGraph {
  const g = new MultiDirectedGraph();
  spec.kinds.forEach((kind, i) => g.addNode(`p${i}`, kind === undefined ? {} : { kind }));
  spec.edges.forEach(([a, b, w, mode], e) => g.addEdgeWithKey(`e${e}`, `p${a}`, `p${b}`, { weight: w, mode }));
  return g;
}

/** Flows summed per ordered pair (self-loops left out), with the balance of docs/methods.md. */
function reference(spec: Spec) {
  const n = spec.kinds.length;
  const F = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (const [a, b, w] of spec.edges) if (a !== b) F[a]![b]! += w;
  const inflow = F[0]!.map((_, j) => F.reduce((s, row) => s + row[j]!, 0));
  const outflow = F.map((row) => row.reduce((s, x) => s + x, 0));
  const g = new Array<number>(n).fill(0);
  const r = new Array<number>(n).fill(0);
  const d = new Array<number>(n).fill(0);
  const T = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    const source = spec.kinds[i] === "origin" || (spec.kinds[i] === undefined && inflow[i] === 0);
    const gap = outflow[i]! - inflow[i]!;
    if (gap > 0) (source ? g : r)[i] = gap;
    else d[i] = -gap;
    T[i] = Math.max(inflow[i]!, outflow[i]!);
  }
  const W = F.map((row, i) => row.map((f) => (T[i]! > 0 ? f / T[i]! : 0)));
  return { n, F, g, r, d, T, W };
}

/** C_kn by a dense solve of (I − Wᵀ) X = S with Gaussian elimination; null when singular. */
function denseConsumption(spec: Spec): { origins: number[]; unexplained: boolean; C: number[][] } | null {
  const { n, g, r, d, T, W } = reference(spec);
  const origins = g.flatMap((x, i) => (x > 0 ? [i] : []));
  const unexplained = r.some((x) => x > 0);
  const K = origins.length + (unexplained ? 1 : 0);
  const A = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0) - W[j]![i]!));
  const B = Array.from({ length: n }, (_, i) => {
    const row = origins.map((o) => (o === i ? g[i]! : 0));
    if (unexplained) row.push(r[i]!);
    return row;
  });
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let i = c + 1; i < n; i++) if (Math.abs(A[i]![c]!) > Math.abs(A[p]![c]!)) p = i;
    if (Math.abs(A[p]![c]!) < 1e-9) return null;
    [A[c], A[p]] = [A[p]!, A[c]!];
    [B[c], B[p]] = [B[p]!, B[c]!];
    for (let i = 0; i < n; i++) {
      if (i === c) continue;
      const f = A[i]![c]! / A[c]![c]!;
      for (let j = 0; j < n; j++) A[i]![j]! -= f * A[c]![j]!;
      for (let k = 0; k < K; k++) B[i]![k]! -= f * B[c]![k]!;
    }
  }
  const C = Array.from({ length: K }, (_, k) =>
    Array.from({ length: n }, (_, i) => (T[i]! > 0 ? (B[i]![k]! / A[i]![i]! / T[i]!) * d[i]! : 0)),
  );
  return { origins, unexplained, C };
}

const settings = { seed: 20240611, numRuns: 100 };

describe("attribution on random graphs with cycles", () => {
  it("equals a dense (I − W)⁻¹ solve within 1e-6, exactly and by Gauss-Seidel", () => {
    fc.assert(
      fc.property(specArb(8), (spec) => {
        const ref = denseConsumption(spec);
        fc.pre(ref !== null);
        for (const denseLimit of [256, 0]) {
          const m = attributionMatrix(build(spec), { denseLimit });
          expect(m.origins.length).toBe(ref!.C.length);
          for (let k = 0; k < ref!.C.length; k++)
            for (let i = 0; i < spec.kinds.length; i++)
              expect(Math.abs(m.values[k * m.places.length + i]! - ref!.C[k]![i]!)).toBeLessThan(1e-6);
        }
      }),
      settings,
    );
  });

  it("never attributes a negative volume, and every mix row sums to 1 where there is throughput", () => {
    fc.assert(
      fc.property(specArb(8), (spec) => {
        const g = build(spec);
        const a = attribution(g);
        expect([...a.mix].every((x) => x >= 0)).toBe(true);
        for (const e of g.edges()) for (const v of edgeAttribution(a, e).values()) expect(v).toBeGreaterThanOrEqual(0);
        fc.pre(denseConsumption(spec) !== null);
        const K = a.origins.length;
        for (let i = 0; i < a.ids.length; i++) {
          if (a.T[i]! === 0) continue;
          let s = 0;
          for (let k = 0; k < K; k++) s += a.mix[i * K + k]!;
          expect(s).toBeCloseTo(1, 9);
        }
      }),
      settings,
    );
  });

  it("conserves: what each origin sends ends up absorbed, and the residual pseudo-origin carries Σ r", () => {
    fc.assert(
      fc.property(specArb(8), (spec) => {
        const { g, r, d } = reference(spec);
        const a = attribution(build(spec));
        const m = attributionMatrix(build(spec));
        const n = m.places.length;
        m.origins.forEach((o, k) => {
          const row = m.values.subarray(k * n, (k + 1) * n).reduce((s, x) => s + x, 0);
          const expected = o === "(unexplained)" ? r.reduce((s, x) => s + x, 0) : g[a.index.get(o)!]!;
          expect(Math.abs(row - expected)).toBeLessThan(1e-6);
        });
        // Column sums give back d where something enters the place's upstream.
        const total = (i: number) => m.origins.reduce((s, _, k) => s + m.values[k * n + i]!, 0);
        if (denseConsumption(spec) !== null) for (let i = 0; i < n; i++) expect(Math.abs(total(i) - d[i]!)).toBeLessThan(1e-6);
      }),
      settings,
    );
  });

  it("originMixOfNode agrees with the full run for every place", () => {
    fc.assert(
      fc.property(specArb(7), (spec) => {
        fc.pre(denseConsumption(spec) !== null);
        const g = build(spec);
        const a = attribution(g);
        const K = a.origins.length;
        for (const id of a.ids) {
          const one = originMixOfNode(g, id);
          const i = a.index.get(id)!;
          a.origins.forEach((o, k) => expect(Math.abs((one.volumes.get(o) ?? 0) - a.mix[i * K + k]! * a.T[i]!)).toBeLessThan(1e-6));
        }
      }),
      settings,
    );
  });
});

/** Every simple path a→b with at most `maxHops` hops over pairs with positive flow, as node lists. */
function bruteForcePaths(F: number[][], a: number, b: number, maxHops: number): number[][] {
  const out: number[][] = [];
  const walk = (path: number[]) => {
    const v = path[path.length - 1]!;
    if (v === b) return void out.push([...path]);
    if (path.length - 1 === maxHops) return;
    F[v]!.forEach((f, w) => {
      if (f > 0 && !path.includes(w)) walk([...path, w]);
    });
  };
  walk([a]);
  return out;
}

describe("chains and simple paths on random small graphs", () => {
  it("the k best chains are the top k of a brute-force enumeration of all simple paths", () => {
    fc.assert(
      fc.property(
        specArb(6),
        fc.nat(5),
        fc.nat(5),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 4 }),
        (spec, x, y, k, maxHops) => {
          const n = spec.kinds.length;
          const [a, b] = [x % n, y % n];
          fc.pre(a !== b);
          const { F, W } = reference(spec);
          const products = bruteForcePaths(F, a, b, maxHops)
            .map((p) => p.slice(1).reduce((s, w, i) => s * W[p[i]!]![w]!, 1))
            .sort((u, v) => v - u);
          const r = chains(build(spec), `p${a}`, `p${b}`, { k, maxHops });
          const got = r.chains.map((c) => c.product);
          expect(got.length).toBe(Math.min(k, products.length));
          got.forEach((p, i) => expect(Math.abs(p - products[i]!)).toBeLessThan(1e-12));
          for (const c of r.chains) {
            expect(new Set(c.nodes).size).toBe(c.nodes.length);
            expect(c.nodes.length - 1).toBeLessThanOrEqual(maxHops);
            expect(c.volume).toBeGreaterThanOrEqual(0);
          }
          expect(r.coverage).toBeLessThanOrEqual(1 + 1e-9);
        },
      ),
      settings,
    );
  });

  it("simplePaths lists the same paths as graphology-simple-path, filtered to positive hops within the depth", () => {
    fc.assert(
      fc.property(specArb(6), fc.nat(5), fc.nat(5), fc.integer({ min: 1, max: 5 }), (spec, x, y, maxDepth) => {
        const n = spec.kinds.length;
        const [a, b] = [x % n, y % n];
        fc.pre(a !== b);
        const { F } = reference(spec);
        const g = build(spec);
        const library = new Set(
          allSimplePaths(g, `p${a}`, `p${b}`)
            .filter((p) => p.length - 1 <= maxDepth && p.slice(1).every((w, i) => F[Number(p[i]!.slice(1))]![Number(w.slice(1))]! > 0))
            .map((p) => p.join(">")),
        );
        const r = simplePaths(g, `p${a}`, `p${b}`, { maxDepth, maxPaths: 1e6, maxMs: 1e4 });
        expect(new Set(r.paths.map((p) => p.nodes.join(">")))).toEqual(library);
        expect(r.paths.length).toBe(library.size);
        for (const p of r.paths) expect(p.bottleneck).toBe(Math.min(...p.volumes));
      }),
      settings,
    );
  });
});
