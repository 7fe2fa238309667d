import { describe, expect, it } from "vitest";
import { createWidthScale, legendValues, niceRound } from "../../../src/state/widthScale";

describe("createWidthScale", () => {
  it("linear(x) maps [0, max] onto [minWidth, maxWidth] proportionally", () => {
    const s = createWidthScale("linear", [100, 400], 1, 9);
    expect(s(0)).toBe(1);
    expect(s(400)).toBe(9);
    expect(s(200)).toBe(5);
  });
  it("sqrt(x) gives a quarter of the volume half the extra width", () => {
    const s = createWidthScale("sqrt", [400], 2, 10);
    expect(s(100)).toBeCloseTo(2 + 8 * 0.5, 10);
    expect(s(400)).toBe(10);
  });
  it("log(x) spans three decades below the maximum and clamps below", () => {
    const s = createWidthScale("log", [1, 10_000], 1, 4);
    expect(s.domain).toEqual([10, 10_000]);
    expect(s(10)).toBe(1);
    expect(s(100)).toBeCloseTo(2, 10);
    expect(s(1000)).toBeCloseTo(3, 10);
    expect(s(1)).toBe(1);
    expect(s(0)).toBe(1);
  });
  it("takes 200,000 volumes without overflowing the call stack", () => {
    const values = Array.from({ length: 200_000 }, (_, i) => (i % 7 === 0 ? 0 : i));
    const s = createWidthScale("log", values, 1, 10);
    expect(s.domain).toEqual([199_999 / 1000, 199_999]);
    expect(s(199_999)).toBe(10);
  });
  it("legend widths are the widths drawn for those volumes", () => {
    const s = createWidthScale("sqrt", [436_000, 1000], 1, 14);
    for (const { value, width } of s.legend(3)) expect(width).toBeCloseTo(s(value), 10);
  });
});

describe("legend values", () => {
  it("are round numbers, largest first", () => {
    // raw 436,000 · 239,800 · 43,600 → one significant digit
    expect(legendValues([0, 436_000], "linear", 3)).toEqual([400_000, 200_000, 40_000]);
  });
  it("niceRound keeps one significant digit", () => {
    expect(niceRound(436_000)).toBe(400_000);
    expect(niceRound(760)).toBe(800);
    expect(niceRound(0.0123)).toBeCloseTo(0.01, 12);
    expect(niceRound(27)).toBe(30);
    expect(niceRound(0)).toBe(0);
  });
});

describe("legend of whole-number volumes", () => {
  it("shows an unweighted graph's edge counts as whole numbers, not 1 / 0.6 / 0.1", () => {
    expect(
      createWidthScale("sqrt", [1, 1, 1], 1, 10)
        .legend(3)
        .map((l) => l.value),
    ).toEqual([1]);
    expect(
      createWidthScale("linear", [1, 2, 3], 1, 10)
        .legend(3)
        .map((l) => l.value),
    ).toEqual([3, 2, 1]);
    // Fractional volumes keep their fractional legend.
    expect(
      createWidthScale("linear", [0.5, 1], 1, 10)
        .legend(3)
        .map((l) => Number(l.value.toFixed(6))),
    ).toEqual([1, 0.6, 0.1]);
  });
});
