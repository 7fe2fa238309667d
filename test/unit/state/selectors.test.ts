import { describe, expect, it } from "vitest";
import { loadShippedDataset } from "../../../src/domain/shippedDataset";
import { profileFlowModel } from "../../../src/state/assumptionModel";
import { initialView, openedData, positionsFollowLayout, resultsArrived } from "../../../src/state/openDataset";
import { select, setHover, setTrace, setYear } from "../../../src/state/producers";
import { createRouteFollower } from "../../../src/state/routeFollow";
import { createRouteTrace } from "../../../src/state/routeTrace";
import { createSelectors } from "../../../src/state/selectors";
import { createStore } from "../../../src/state/store";

const shipped = loadShippedDataset();

function app() {
  const selectors = createSelectors(profileFlowModel, createRouteTrace());
  const follow = createRouteFollower(selectors.traceResult);
  const view = { ...initialView(shipped), year: 2023 };
  const store = createStore(view, openedData(shipped, view.layout), (n, p) => follow(positionsFollowLayout(n, p), p));
  const at = <T>(f: (v: ReturnType<typeof store.get>, d: ReturnType<typeof store.data>) => T) => f(store.get(), store.data());
  return { store, selectors, at };
}

describe("selectors", () => {
  it("give the same object while their inputs are the same, and a new one when they change", () => {
    const { store, selectors, at } = app();
    const scene = at(selectors.scene);
    store.dispatch(setHover({ type: "node", id: "ru" }));
    expect(at(selectors.scene)).toBe(scene);
    expect(at(selectors.derived)).toBe(at(selectors.derived));
    store.dispatch(setYear(2024));
    expect(at(selectors.scene)).not.toBe(scene);
  });

  it("a trace's chains, the chosen chain, its emphasis and its route names come from the state alone", () => {
    const { store, selectors, at } = app();
    expect(at(selectors.traceResult)).toBeNull();
    expect(at(selectors.analysisHighlight)).toBeNull();
    store.dispatch(setTrace({ origin: "sichuan", destination: "ru", chain: null, through: null }));
    const result = at(selectors.traceResult);
    if (!result || result === "pending") throw new Error("no chains");
    const all = at(selectors.analysisHighlight)!;
    // No chain chosen: every chain found is emphasised; the caption names the best one.
    for (const c of result.chains.chains) for (const e of c.edges.flat()) expect(all.edges.has(e)).toBe(true);
    expect(at(selectors.routeNames)![0]).toBe("Sichuan");
    store.dispatch(setTrace({ chain: 1 }));
    const chosen = result.chains.chains[1]!;
    expect(at(selectors.chosenChain)).toBe(chosen);
    expect([...at(selectors.analysisHighlight)!.nodes].sort()).toEqual([...chosen.nodes].sort());
    expect(at(selectors.routeNames)).toEqual(chosen.nodes.map((id) => shipped.places.find((p) => p.id === id)!.name));
  });

  it("hover beats the trace, the trace beats the selection", () => {
    const { store, selectors, at } = app();
    store.dispatch(select({ type: "node", id: "kz" }));
    expect(at(selectors.highlight)!.nodes.has("kz")).toBe(true);
    store.dispatch(setTrace({ origin: "sichuan", destination: "ru", chain: 0, through: null }));
    expect(at(selectors.highlight)).toBe(at(selectors.analysisHighlight));
    store.dispatch(setHover({ type: "node", id: "ae" }));
    expect(at(selectors.highlight)!.nodes.has("ae")).toBe(true);
  });

  it("a worker's answer (results bumped) is looked at again", () => {
    const { store, selectors, at } = app();
    store.dispatch(setTrace({ origin: "sichuan", destination: "ru", chain: null, through: null }));
    const first = at(selectors.traceResult);
    store.update(resultsArrived());
    expect(at(selectors.traceResult)).toEqual(first);
  });
});

describe("routeFollow", () => {
  it("the chosen chain follows its route across years, is null while a year lacks it, and is forgotten when cleared", () => {
    const { store, selectors, at } = app();
    store.dispatch(setTrace({ origin: "sichuan", destination: "ru", chain: null, through: null }));
    const r = at(selectors.traceResult);
    if (!r || r === "pending") throw new Error("no chains");
    const index = r.chains.chains.findIndex((c) => c.nodes.includes("kg"));
    expect(index).toBeGreaterThanOrEqual(0);
    const route = r.chains.chains[index]!.nodes;
    store.dispatch(setTrace({ chain: index }));
    expect(store.get().trace.route).toEqual(route);
    store.dispatch(setYear(2022));
    // One change: the year and the chain that follows from it arrive together.
    expect(store.get().trace.chain).toBeNull();
    expect(at(selectors.lostRoute)).toEqual(route.map((id) => shipped.places.find((p) => p.id === id)!.name));
    store.dispatch(setYear(2023));
    expect(store.get().trace.chain).toBe(index);
    expect(at(selectors.lostRoute)).toBeNull();
    store.dispatch(setTrace({ chain: null }));
    expect(store.get().trace.route).toBeUndefined();
    store.dispatch(setYear(2024));
    store.dispatch(setYear(2023));
    expect(store.get().trace.chain).toBeNull();
  });

  it("listeners see one change per dispatch, never a second one for the follow-up", () => {
    const { store } = app();
    store.dispatch(setTrace({ origin: "sichuan", destination: "ru", chain: 0, through: null }));
    let calls = 0;
    store.subscribe(() => calls++);
    store.dispatch(setYear(2022));
    expect(calls).toBe(1);
  });

  it("a dispatch from inside a listener is refused", () => {
    const { store } = app();
    store.subscribe((s) => {
      if (s.year === 2022) store.dispatch(setYear(2021));
    });
    expect(() => store.dispatch(setYear(2022))).toThrow(/while listeners/);
  });
});
