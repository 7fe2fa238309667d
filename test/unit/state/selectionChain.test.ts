import { describe, expect, it } from "vitest";
import type { Flow } from "../../../src/domain/types";
import { selectionChain } from "../../../src/state/selectionChain";

const flow = (from: string, to: string, vehicles: number): Flow => ({
  id: `${from}>${to}`,
  from,
  to,
  year: 2024,
  volume: vehicles,
  usd: null,
  mode: "road",
  basis: "modelled",
  facts: [],
  sources: [],
  formula: "",
  note: "",
});

// Provinces a (60) and b (40) → exit h (100) → KZ (100); KZ keeps 50, sends 30 to RU and 20 to UZ.
// Province c → sea port s (10) → RU (10).
const flows = [
  flow("a", "h", 60),
  flow("b", "h", 40),
  flow("h", "kz", 100),
  flow("kz", "ru", 30),
  flow("kz", "uz", 20),
  flow("c", "s", 10),
  flow("s", "ru", 10),
];

describe("selectionChain", () => {
  it("for a market: each upstream flow carries the part of its volume that ends there (well-mixed pools)", () => {
    const { nodes, attributed } = selectionChain(flows, "ru", "vehicles");
    // RU takes 30 of KZ's 100: 30% of every flow into KZ's pool went on to RU.
    expect(attributed.get("kz>ru")).toBeCloseTo(30, 9);
    expect(attributed.get("h>kz")).toBeCloseTo(30, 9);
    expect(attributed.get("a>h")).toBeCloseTo(18, 9);
    expect(attributed.get("b>h")).toBeCloseTo(12, 9);
    expect(attributed.get("s>ru")).toBeCloseTo(10, 9);
    expect(attributed.get("c>s")).toBeCloseTo(10, 9);
    expect(attributed.has("kz>uz")).toBe(false);
    expect([...nodes].sort()).toEqual(["a", "b", "c", "h", "kz", "ru", "s"]);
  });

  it("for a transit place: the flows its volume came through and the flows it went on to", () => {
    const { attributed } = selectionChain(flows, "kz", "vehicles");
    expect(attributed.get("a>h")).toBeCloseTo(60, 9);
    expect(attributed.get("kz>ru")).toBeCloseTo(30, 9);
    expect(attributed.get("kz>uz")).toBeCloseTo(20, 9);
    expect(attributed.has("s>ru")).toBe(false);
  });

  it("for an origin: downstream flows carry its share of each pool", () => {
    const { attributed } = selectionChain(flows, "a", "vehicles");
    expect(attributed.get("h>kz")).toBeCloseTo(60, 9);
    expect(attributed.get("kz>ru")).toBeCloseTo(18, 9);
    expect(attributed.get("kz>uz")).toBeCloseTo(12, 9);
    expect(attributed.has("b>h")).toBe(false);
  });

  it("solves a cycle by sweeps: x ⇄ y with 10 in and 10 out", () => {
    const cyc = [flow("o", "x", 10), flow("x", "y", 8), flow("y", "x", 4), flow("y", "m", 4), flow("x", "n", 6)];
    const { attributed } = selectionChain(cyc, "m", "vehicles");
    // T(x) = 14, T(y) = 8; p(y) = 4/8 + 4/8·p(x); p(x) = 8/14·p(y) → p(y) = 0.5/(1 − 2/7) = 0.7, p(x) = 0.4.
    expect(attributed.get("o>x")).toBeCloseTo(4, 6);
    expect(attributed.get("y>m")).toBeCloseTo(4, 6);
  });
});

describe("selectionChain on a big graph", () => {
  it("stays quick: 25,000 flows among 2,000 places with cycles in under a second (a loaded machine)", () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const big = Array.from({ length: 25_000 }, (_, i) => ({
      ...flow(`p${Math.floor(rand() * 2000)}`, `p${Math.floor(rand() * 2000)}`, 1 + Math.floor(rand() * 100)),
      id: `e${i}`,
    }));
    const t = performance.now();
    const { attributed } = selectionChain(big, "p5", "vehicles");
    const ms = performance.now() - t;
    expect(attributed.size).toBeGreaterThan(0);
    expect(ms).toBeLessThan(1500);
  });
});
