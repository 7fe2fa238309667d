// Label placement: no label covers another label or another place's dot, none reads as a neighbour's, and
// a label with no room beside its dot is set apart with a leader line. Hand-made layouts, 7 px per letter.
import { describe, expect, it } from "vitest";
import { placeLabels, type Box, type LabelCandidate } from "../../../src/view/labelPlacement";

const measure = (t: string) => t.length * 7;
const bounds = { x0: 0, y0: 0, x1: 600, y1: 400 };
const opts = { fontSize: 12, gap: 3, padding: 1.5, bounds };
const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
const discHitsBox = (d: { x: number; y: number; r: number }, b: Box) =>
  Math.hypot(Math.max(b.x0 - d.x, 0, d.x - b.x1), Math.max(b.y0 - d.y, 0, d.y - b.y1)) < d.r;

describe("label placement", () => {
  it("puts a lone label to the right of its dot, baseline a third of the font below the centre", () => {
    const [l] = placeLabels([{ id: "a", text: "Horgos", x: 100, y: 100, r: 5, priority: 1 }], measure, opts);
    expect(l).toMatchObject({ id: "a", x: 108, y: 104.2 });
    expect(l!.leader).toBeUndefined();
  });

  it("never puts a label over another place's dot, nor beside a dot closer than its own", () => {
    // Alashankou's dot sits 14 px right of Horgos: the right-hand spot would cover it, so Horgos goes left.
    const cands: LabelCandidate[] = [
      { id: "horgos", text: "Horgos", x: 100, y: 100, r: 6, priority: 2 },
      { id: "alashankou", text: "Alashankou", x: 114, y: 100, r: 3, priority: 1 },
    ];
    const placed = placeLabels(cands, measure, opts);
    const horgos = placed.find((l) => l.id === "horgos")!;
    expect(horgos.box.x1).toBeLessThanOrEqual(100 - 6);
    for (const l of placed) for (const c of cands) if (c.id !== l.id) expect(discHitsBox(c, l.box), `${l.id} over ${c.id}`).toBe(false);
  });

  it("keeps labels off dots that have no label of their own (the dimmed or unlabelled places)", () => {
    const placed = placeLabels([{ id: "a", text: "Irkeshtam", x: 100, y: 100, r: 4, priority: 1 }], measure, {
      ...opts,
      dots: [
        { id: "a", x: 100, y: 100, r: 4 },
        { id: "tj", x: 130, y: 100, r: 5 },
      ],
    });
    expect(placed).toHaveLength(1);
    expect(discHitsBox({ x: 130, y: 100, r: 5 }, placed[0]!.box)).toBe(false);
    // Not on the right (where Tajikistan's dot is): it would read as Tajikistan's.
    expect(placed[0]!.box.x0).toBeLessThan(100);
  });

  it("sets a label apart with a leader line from its dot's rim when nothing beside it is free", () => {
    // A dot boxed in by four neighbours 16 px away on every side.
    const ring = [
      [16, 0],
      [-16, 0],
      [0, 16],
      [0, -16],
    ].map(([dx, dy], i) => ({ id: `n${i}`, x: 300 + dx!, y: 200 + dy!, r: 4 }));
    const placed = placeLabels([{ id: "c", text: "Urumqi", x: 300, y: 200, r: 4, priority: 1 }], measure, {
      ...opts,
      dots: [{ id: "c", x: 300, y: 200, r: 4 }, ...ring],
    });
    expect(placed).toHaveLength(1);
    const l = placed[0]!;
    expect(l.leader).toBeDefined();
    expect(Math.hypot(l.leader!.x1 - 300, l.leader!.y1 - 200)).toBeCloseTo(4, 6);
    for (const d of ring) expect(discHitsBox(d, l.box)).toBe(false);
  });

  it("places many crowded labels with no two overlapping", () => {
    const cands: LabelCandidate[] = Array.from({ length: 40 }, (_, i) => ({
      id: `p${i}`,
      text: `Place ${i}`,
      x: 200 + (i % 8) * 18,
      y: 150 + Math.floor(i / 8) * 14,
      r: 3,
      priority: 40 - i,
    }));
    const placed = placeLabels(cands, measure, opts);
    expect(placed.length).toBeGreaterThan(5);
    for (let i = 0; i < placed.length; i++)
      for (let j = i + 1; j < placed.length; j++) expect(overlaps(placed[i]!.box, placed[j]!.box)).toBe(false);
    for (const l of placed) for (const c of cands) if (c.id !== l.id) expect(discHitsBox(c, l.box)).toBe(false);
  });
});
