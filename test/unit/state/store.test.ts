import { describe, expect, it } from "vitest";
import { neighbourhood, highlightFor } from "../../../src/state/highlight";
import { select, setAssumption, setHover, setYear } from "../../../src/state/producers";
import { createStore } from "../../../src/state/store";
import { defaultViewState } from "../../../src/state/viewState";
import type { Flow } from "../../../src/domain/types";

describe("store and producers", () => {
  it("dispatch applies a producer and notifies with the previous state", () => {
    const store = createStore(defaultViewState());
    const seen: [number, number][] = [];
    store.subscribe((s, p) => seen.push([s.year, p.year]));
    store.dispatch(setYear(2023));
    expect(store.get().year).toBe(2023);
    expect(seen).toEqual([[2023, 2024]]);
  });
  it("a producer that changes nothing does not notify", () => {
    const store = createStore(defaultViewState());
    let calls = 0;
    store.subscribe(() => calls++);
    store.dispatch(setYear(2024));
    store.dispatch(setHover(null));
    expect(calls).toBe(0);
  });
  it("an assumption set back to its original value is no longer an edit", () => {
    let s = defaultViewState();
    s = setAssumption("horgos-share", 0.5, 0.35)(s);
    expect(s.assumptions).toEqual({ "horgos-share": 0.5 });
    s = setAssumption("horgos-share", 0.35, 0.35)(s);
    expect(s.assumptions).toEqual({});
  });
});

describe("highlight", () => {
  const f = (from: string, to: string): Flow => ({
    id: `${from}>${to}`,
    from,
    to,
    year: 2024,
    volume: 1,
    usd: null,
    mode: "road",
    basis: "reported",
    facts: [],
    sources: [],
    formula: "",
    note: "",
  });
  const flows = [f("a", "b"), f("b", "c"), f("c", "d")];
  it("hovering a node highlights it, its neighbours and the flows between them", () => {
    const h = neighbourhood(flows, "b");
    expect([...h.nodes].sort()).toEqual(["a", "b", "c"]);
    expect([...h.edges].sort()).toEqual(["a>b", "b>c"]);
  });
  it("hover wins over the selection; a selected place lights the whole chain its volume came through", () => {
    let s = select({ type: "node", id: "d" })(defaultViewState());
    expect([...highlightFor(s, flows)!.nodes].sort()).toEqual(["a", "b", "c", "d"]);
    expect([...highlightFor(s, flows)!.widths!.values()]).toEqual([1, 1, 1]);
    s = setHover({ type: "edge", id: "a>b" })(s);
    expect([...highlightFor(s, flows)!.nodes].sort()).toEqual(["a", "b"]);
  });
});
