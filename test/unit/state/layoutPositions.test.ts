import { describe, expect, it } from "vitest";
import type { Flow, Place } from "../../../src/domain/types";
import { PLACE_KINDS } from "../../../src/domain/types";
import { aggregatePanel } from "../../../src/state/aggregatePanel";
import { chainPositions, extentOf, geoPositions, geoWithFallback, transposeColumns } from "../../../src/state/layouts";
import { fitPositions, layoutFrame, positionsForLayout } from "../../../src/state/layoutPositions";
import { loadShippedDataset } from "../../../src/domain/shippedDataset";

const place = (id: string, kind: Place["kind"], lat: number | null = 40, lon: number | null = 80): Place => ({
  id,
  name: id,
  kind,
  country: "CN",
  lat,
  lon,
  lane: "",
  nativeName: "",
  note: "",
});
const flow = (from: string, to: string, vehicles: number): Flow => ({
  id: `${from}>${to}@2024/road`,
  from,
  to,
  year: 2024,
  volume: vehicles,
  usd: null,
  mode: "road",
  basis: "reported",
  facts: [],
  sources: [],
  formula: "",
  note: "",
});

describe("chain layout", () => {
  it("puts every place of the shipped dataset in its kind's column, left to right origin → exit → transit → market", () => {
    const ds = loadShippedDataset();
    const pos = positionsForLayout("chain", ds.places, ds.flows);
    const columnX = new Map<string, Set<number>>();
    for (const p of ds.places) {
      const xy = pos.get(p.id)!;
      expect(xy, p.id).toBeDefined();
      if (!columnX.has(p.kind)) columnX.set(p.kind, new Set());
      columnX.get(p.kind)!.add(Math.round(xy.x * 1e6) / 1e6);
    }
    const xs = PLACE_KINDS.map((k) => [...columnX.get(k)!]);
    for (const col of xs) expect(col).toHaveLength(1);
    const flat = xs.map((c) => c[0]!);
    expect([...flat].sort((a, b) => a - b)).toEqual(flat);
  });
  it("orders a column by its neighbours so two parallel chains do not cross", () => {
    // o1 → e1 → m1 and o2 → e2 → m2, with names ordered against the chains.
    const places = [
      place("o1", "origin"),
      place("o2", "origin"),
      place("e2", "exit"),
      place("e1", "exit"),
      place("m2", "market"),
      place("m1", "market"),
    ];
    const pos = chainPositions(places, [flow("o1", "e1", 10), flow("e1", "m1", 10), flow("o2", "e2", 10), flow("e2", "m2", 10)], 600, 400);
    const above = (a: string, b: string) => pos.get(a)!.y > pos.get(b)!.y;
    expect(above("o1", "o2")).toBe(above("e1", "e2"));
    expect(above("e1", "e2")).toBe(above("m1", "m2"));
  });
  it("crosses fewer flows between neighbouring columns than the alphabetical order on the shipped 2024 flows", () => {
    const ds = loadShippedDataset();
    const flows = ds.flows.filter((f) => f.year === 2024);
    const kindOf = new Map(ds.places.map((p) => [p.id, PLACE_KINDS.indexOf(p.kind)]));
    // Crossings of flows between columns c and c + 1: pairs whose ends are in opposite orders.
    const crossings = (y: (id: string) => number) => {
      const hops = flows.filter((f) => kindOf.get(f.to)! === kindOf.get(f.from)! + 1);
      let n = 0;
      for (let i = 0; i < hops.length; i++)
        for (let j = i + 1; j < hops.length; j++) {
          const a = hops[i]!,
            b = hops[j]!;
          if (kindOf.get(a.from) !== kindOf.get(b.from)) continue;
          if ((y(a.from) - y(b.from)) * (y(a.to) - y(b.to)) < 0) n++;
        }
      return n;
    };
    const chain = chainPositions(ds.places, flows);
    const alpha = new Map<string, number>();
    for (const k of PLACE_KINDS)
      ds.places
        .filter((p) => p.kind === k)
        .map((p) => p.id)
        .sort()
        .forEach((id, i) => alpha.set(id, i));
    const ours = crossings((id) => chain.get(id)!.y);
    const naive = crossings((id) => alpha.get(id)!);
    expect(ours).toBeLessThan(naive);
  });
  it("transposition swaps neighbours in a column when that removes a crossing: a→y, b→x becomes x above y", () => {
    const columns = [
      ["a", "b"],
      ["x", "y"],
    ];
    transposeColumns(columns, [
      { from: "a", to: "y" },
      { from: "b", to: "x" },
    ]);
    // One swap, in either column, removes the crossing; the first column is visited first.
    expect(columns).toEqual([
      ["b", "a"],
      ["x", "y"],
    ]);
  });
  it("transposition leaves an order without crossings alone", () => {
    const columns = [
      ["a", "b"],
      ["x", "y"],
    ];
    transposeColumns(columns, [
      { from: "a", to: "x" },
      { from: "b", to: "y" },
    ]);
    expect(columns).toEqual([
      ["a", "b"],
      ["x", "y"],
    ]);
  });
  it("stays inside the geographic frame so switching layouts never moves the camera", () => {
    const ds = loadShippedDataset();
    const frame = layoutFrame(ds.places, ds.flows);
    const ext = extentOf(positionsForLayout("chain", ds.places, ds.flows), 0)!;
    expect(ext.x[0]).toBeGreaterThanOrEqual(frame.x[0]);
    expect(ext.x[1]).toBeLessThanOrEqual(frame.x[1]);
    expect(ext.y[0]).toBeGreaterThanOrEqual(frame.y[0]);
    expect(ext.y[1]).toBeLessThanOrEqual(frame.y[1]);
  });
});

describe("fitPositions", () => {
  it("scales uniformly into the frame minus padding and centres: a 2 × 1 box into a 100 × 100 frame with no padding", () => {
    const out = fitPositions(
      new Map([
        ["a", { x: 0, y: 0 }],
        ["b", { x: 2, y: 1 }],
      ]),
      { x: [0, 100], y: [0, 100] },
      0,
    );
    // scale = min(100/2, 100/1) = 50; centre (1, 0.5) → (50, 50)
    expect(out.get("a")).toEqual({ x: 0, y: 25 });
    expect(out.get("b")).toEqual({ x: 100, y: 75 });
  });
  it("keeps a single point at the frame's centre", () => {
    expect(fitPositions(new Map([["a", { x: 7, y: 7 }]]), { x: [0, 10], y: [0, 20] }).get("a")).toEqual({ x: 5, y: 10 });
  });
  it("the force layout starts from the seed when it covers every place, else from the map", () => {
    const places = [place("a", "origin", 30, 100), place("b", "market", 50, 40)];
    const seed = new Map([
      ["a", { x: 1, y: 2 }],
      ["b", { x: 3, y: 4 }],
    ]);
    expect(positionsForLayout("force", places, [], seed)).toEqual(seed);
    expect(positionsForLayout("force", places, [], new Map([["a", { x: 1, y: 2 }]]))).toEqual(positionsForLayout("geo", places, []));
  });
});

describe("geographic layout with places that have no coordinates", () => {
  it("puts an aggregate (country ZZ) in the ocean panel nearest the places it trades with, and the others by the chain layout below the map", () => {
    const places = [
      place("a", "origin"),
      place("b", "market", 50, 10),
      { ...place("other", "market", null, null), country: "ZZ" },
      { ...place("lost", "transit", null, null), country: "KZ" },
    ];
    const positions = geoWithFallback(places, [flow("a", "b", 5), flow("a", "other", 2), flow("a", "lost", 1), flow("lost", "b", 1)]);
    const a = positions.get("a")!,
      b = positions.get("b")!,
      other = positions.get("other")!,
      lost = positions.get("lost")!;
    const panel = aggregatePanel(places, [flow("a", "other", 2)], geoPositions(places))!;
    expect(other).toEqual(panel.positions.get("other"));
    expect(other.x).toBeGreaterThan(panel.x0);
    expect(other.x).toBeLessThan(panel.x1);
    expect(lost.y).toBeLessThan(Math.min(a.y, b.y)); // below the map
  });

  it("stays linear in the flows: 2,000 unplaced places and 200,000 flows in well under a second's work each", () => {
    const places = Array.from({ length: 2000 }, (_, i) => place(`p${i}`, PLACE_KINDS[i % 4]!, null, null));
    const flows = Array.from({ length: 200_000 }, (_, i) => flow(`p${i % 2000}`, `p${(i * 7 + 3) % 2000}`, 1));
    const start = performance.now();
    const positions = geoWithFallback(places, flows);
    expect(positions.size).toBe(2000);
    expect(performance.now() - start).toBeLessThan(3000); // the per-place filter took ~6 s here
  });
});
