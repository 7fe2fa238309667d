import { describe, expect, it } from "vitest";
import { BURST_MS, historyStep, NO_BURST, positionsByPlace, positionsInOrder } from "../../../src/state/historySteps";
import { MAX_LINK_POSITIONS } from "../../../src/state/viewCodec";
import { defaultViewState, type ViewState } from "../../../src/state/viewState";

const base = defaultViewState("zero-mileage", "abc", 2024);
const withPatch = (patch: Partial<ViewState>): ViewState => ({ ...base, ...patch });

describe("historyStep", () => {
  it("a camera move alone replaces the entry; nothing changed does nothing", () => {
    expect(historyStep(base, withPatch({ camera: { x: 1, y: 2, ratio: 1, angle: 0 } }), NO_BURST, 0, false).action).toBe("replace");
    expect(historyStep(base, withPatch({ hover: null }), NO_BURST, 0, false)).toEqual({ action: "none", burst: NO_BURST });
  });
  it("a step field pushes an entry and starts no burst", () => {
    const r = historyStep(base, withPatch({ layout: "force" }), NO_BURST, 100, false);
    expect(r).toEqual({ action: "push", burst: { kind: null, at: 100, playing: false } });
  });
  it("years stepped quickly are one step: the first pushes, the next within the burst replaces, a later one pushes", () => {
    const first = historyStep(base, withPatch({ year: 2023 }), NO_BURST, 1000, false);
    expect(first.action).toBe("push");
    expect(first.burst).toEqual({ kind: "year", at: 1000, playing: false });
    const second = historyStep(withPatch({ year: 2023 }), withPatch({ year: 2022 }), first.burst, 1000 + BURST_MS - 1, false);
    expect(second.action).toBe("replace");
    const late = historyStep(withPatch({ year: 2022 }), withPatch({ year: 2021 }), second.burst, 1000 + 2 * BURST_MS + 10, false);
    expect(late.action).toBe("push");
  });
  it("a year picked by hand just before playing stays its own step; typing a title is one burst", () => {
    const picked = historyStep(base, withPatch({ year: 2023 }), NO_BURST, 0, false);
    expect(historyStep(withPatch({ year: 2023 }), withPatch({ year: 2024 }), picked.burst, 10, true).action).toBe("push");
    const t1 = historyStep(base, withPatch({ title: "H" }), NO_BURST, 0, false);
    expect(t1).toEqual({ action: "push", burst: { kind: "title", at: 0, playing: false } });
    expect(historyStep(withPatch({ title: "H" }), withPatch({ title: "Ho" }), t1.burst, 5, false).action).toBe("replace");
  });
});

describe("positions for links", () => {
  const places = [{ id: "a" }, { id: "b" }];
  it("round-trips positions in place order", () => {
    const at = new Map([
      ["b", { x: 3, y: 4 }],
      ["a", { x: 1, y: 2 }],
    ]);
    expect(positionsInOrder(places, at)).toEqual([1, 2, 3, 4]);
    expect(positionsByPlace(places, [1, 2, 3, 4])).toEqual(
      new Map([
        ["a", { x: 1, y: 2 }],
        ["b", { x: 3, y: 4 }],
      ]),
    );
  });
  it("gives null for a place without a position, too many places, or positions of another count", () => {
    expect(positionsInOrder(places, new Map([["a", { x: 1, y: 2 }]]))).toBeNull();
    const many = Array.from({ length: MAX_LINK_POSITIONS / 2 + 1 }, (_, i) => ({ id: `p${i}` }));
    expect(positionsInOrder(many, new Map(many.map((p) => [p.id, { x: 0, y: 0 }])))).toBeNull();
    expect(positionsByPlace(places, [1, 2])).toBeNull();
    expect(positionsByPlace(places, null)).toBeNull();
  });
});
