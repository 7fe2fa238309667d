import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { descendingOrder } from "../../../src/state/descendingOrder";

describe("descendingOrder", () => {
  it("lists positions largest value first, equal values in position order", () => {
    // values:       0  1  2  3  4   5
    const values = [3, 7, 3, 9, 0.5, 7];
    // 9 (3), 7 (1, 5), 3 (0, 2), 0.5 (4)
    expect([...descendingOrder(Float64Array.from(values))]).toEqual([3, 1, 5, 0, 2, 4]);
  });

  it("handles no values, one value, negatives, and 0 and −0 as equal", () => {
    expect([...descendingOrder(new Float64Array(0))]).toEqual([]);
    expect([...descendingOrder(Float64Array.of(42))]).toEqual([0]);
    // 2 (1), 0 and −0 (0, 3, 4 in position order), −1 (2)
    expect([...descendingOrder(Float64Array.of(0, 2, -1, -0, 0))]).toEqual([1, 0, 3, 4, 2]);
  });

  it("agrees with a comparator sort of the positions", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ noNaN: true, noDefaultInfinity: false }))), (list) => {
        const values = Float64Array.from(list);
        const expected = [...values.keys()].sort((a, b) => values[b]! - values[a]! || a - b);
        expect([...descendingOrder(values)]).toEqual(expected);
      }),
    );
  });
});
