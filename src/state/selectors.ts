// Derived things, as memoised selectors of (view state, app data): the flows in force and shown, the
// inputs of the trace, its result, the chosen chain, the emphasis it puts on the graph and the names of
// the traced route, the hidden-flow summary, and the highlight of hover and selection. Pure apart from
// their memory of the last call; one set per app (main.ts), shared by the view sync and the panels.
import type { Chain } from "../analysis";
import { createDeriver, type Derived, type FlowModel } from "./derived";
import { hiddenSummary, type HiddenSummary } from "./hiddenSummary";
import { highlightFor, type Highlight } from "./highlight";
import { PENDING, UNEXPLAINED_ORIGIN, type Pending, type RouteAnswers, type RouteInputs, type TraceResult } from "./routeTrace";
import { contextLayer, type ContextLayer } from "./contextLayer";
import { contextSceneEdges } from "./contextEdges";
import { buildScene, type Scene } from "./scene";
import { colourDifference } from "./differenceScene";
import { mapDifference, type DifferenceMap } from "./differenceFlows";
import type { AppData } from "./store";
import type { ViewState } from "./viewState";
import { aggregatePanelOf } from "./aggregatePanel";
import { chainWidths } from "./traceWidths";
import { clusterScene, createHierarchyMemo, levelFor, needsClustering } from "./clusterScene";
import { placeWeights } from "./clusterWeights";
import { clusterHighlight } from "./clusterHighlight";

type Args = readonly unknown[];
/** Remembers the last call: the same arguments (Object.is) give the same result object. */
export function memoLast<A extends Args, R>(fn: (...args: A) => R): (...args: A) => R {
  let last: { args: A; value: R } | null = null;
  return (...args: A) => {
    if (last && last.args.length === args.length && last.args.every((a, i) => Object.is(a, args[i]))) return last.value;
    const value = fn(...args);
    last = { args, value };
    return value;
  };
}

export interface Selectors {
  derived(view: ViewState, data: AppData): Derived;
  routeInputs(view: ViewState, data: AppData): RouteInputs;
  /** The chains origin → destination in the year in view, PENDING while a worker computes them, null without a trace. */
  traceResult(view: ViewState, data: AppData): TraceResult | Pending | null;
  /** The chain chosen among the results (it follows the route across years: state/routeFollow), or null. */
  chosenChain(view: ViewState, data: AppData): Chain | null;
  /** The route chosen earlier that the year in view does not have, as place names; null when none is lost. */
  lostRoute(view: ViewState, data: AppData): string[] | null;
  /** The emphasis of the trace: the chosen chain, else the flows through a place, else every chain found. */
  analysisHighlight(view: ViewState, data: AppData): Highlight | null;
  /** What the graph emphasises: hover, then the trace, then the selection. */
  highlight(view: ViewState, data: AppData): Highlight | null;
  /** Place names along the traced route (the chosen chain, else the best one), for captions of exports. */
  routeNames(view: ViewState, data: AppData): string[] | null;
  /** What the filters hide, in words. */
  hidden(view: ViewState, data: AppData): HiddenSummary;
  placeName(data: AppData, id: string): string;
  /** The places at their positions, the flows shown, sizes and widths, and the context layer when drawn (before clustering). */
  scene(view: ViewState, data: AppData): Scene;
  /** What the renderer draws: the scene with nearby places clustered at the map's zoom when the graph is big (state/clusterScene). */
  drawn(view: ViewState, data: AppData): Scene;
  /** The highlight as drawn: carried onto clusters and merged flows (state/clusterHighlight). */
  drawnHighlight(view: ViewState, data: AppData): Highlight | null;
  /** The context layer of the year in view when it is drawn (switched on, or a year without used-car flows), else null. */
  contextLayer(view: ViewState, data: AppData): ContextLayer | null;
  /** The change the map shows (a compared year, or a scenario against the flows without it); null when it shows flows. */
  difference(view: ViewState, data: AppData): DifferenceMap | null;
}

export function createSelectors(model: FlowModel | null, answers: RouteAnswers): Selectors {
  const derive = createDeriver(model);
  const derived = (view: ViewState, data: AppData) => derive(data.dataset, view);
  const inputsOf = memoLast(
    (dataset: AppData["dataset"], flows: Derived["flows"], year: number, measure: ViewState["weighting"]["measure"]) => ({
      dataset,
      flows,
      year,
      measure,
    }),
  );
  const routeInputs = (view: ViewState, data: AppData): RouteInputs =>
    inputsOf(data.dataset, derived(view, data).flows, view.year, view.weighting.measure);
  // `results` is in the key: a worker's answer arrives without any other input changing.
  const traceOf = memoLast((inputs: RouteInputs, trace: ViewState["trace"], _results: number) =>
    trace.origin && trace.destination ? answers.trace(inputs, trace) : null,
  );
  const traceResult = (view: ViewState, data: AppData) => traceOf(routeInputs(view, data), view.trace, data.results);
  const settled = (view: ViewState, data: AppData) => {
    const r = traceResult(view, data);
    return r === PENDING ? null : r;
  };
  const chosenChain = (view: ViewState, data: AppData): Chain | null => {
    const chain = view.trace.chain;
    return chain === null ? null : (settled(view, data)?.chains.chains[chain] ?? null);
  };
  const namesById = memoLast((dataset: AppData["dataset"]) => new Map(dataset.places.map((p) => [p.id, p.name])));
  const placeName = (data: AppData, id: string) =>
    id === UNEXPLAINED_ORIGIN ? "Unexplained (sent on more than received)" : (namesById(data.dataset).get(id) ?? id);
  const namesOf = memoLast((data: AppData, ids: readonly string[]) => ids.map((id) => placeName(data, id)));
  const emphasis = memoLast(
    (
      chosen: Chain | null,
      through: ReturnType<RouteAnswers["through"]> | null,
      all: TraceResult | null,
      result: TraceResult | null,
      flows: Derived["flows"],
      year: number,
      measure: ViewState["weighting"]["measure"],
    ): Highlight | null => {
      // A traced chain is drawn with its traced volume (state/traceWidths), not the whole flow's width.
      const widths = (cs: readonly Chain[]) => (result ? chainWidths(cs, result.chains, flows, year, measure) : undefined);
      if (chosen) return { nodes: new Set(chosen.nodes), edges: new Set(chosen.edges.flat()), widths: widths([chosen]) };
      if (through && through !== PENDING)
        return {
          nodes: new Set([through.node, ...through.upstreamNodes, ...through.downstreamNodes]),
          edges: new Set([...through.upstreamEdges, ...through.downstreamEdges]),
        };
      const cs = all?.chains.chains ?? [];
      if (!cs.length) return null;
      return { nodes: new Set(cs.flatMap((c) => c.nodes)), edges: new Set(cs.flatMap((c) => c.edges.flat())), widths: widths(cs) };
    },
  );
  const emphasisOf = memoLast((e: AppData["panels"]["emphasis"]): Highlight | null =>
    e ? { nodes: new Set(e.nodes), edges: new Set(e.edges) } : null,
  );
  const analysisHighlight = (view: ViewState, data: AppData) => {
    // What an analysis view points at (a Sankey band, a compared hop) comes first.
    if (data.panels.emphasis) return emphasisOf(data.panels.emphasis);
    const chosen = chosenChain(view, data);
    const through = !chosen && view.trace.through ? answers.through(routeInputs(view, data), view.trace.through) : null;
    const result = settled(view, data);
    return emphasis(
      chosen,
      through,
      chosen || view.trace.through ? null : result,
      result,
      derived(view, data).flows,
      view.year,
      view.weighting.measure,
    );
  };
  const highlightMemo = memoLast(
    (
      hover: ViewState["hover"],
      selection: ViewState["selection"],
      shown: Derived["visible"]["shown"],
      analysis: Highlight | null,
      measure: ViewState["weighting"]["measure"],
    ) => highlightFor({ hover, selection, weighting: { measure } } as ViewState, shown, analysis),
  );
  const hiddenMemo = memoLast((visible: Derived["visible"], filters: ViewState["filters"], measure: ViewState["weighting"]["measure"]) =>
    hiddenSummary(visible, filters, measure),
  );
  const differenceOf = memoLast(
    (
      d: Derived,
      year: number,
      compareYear: number | null,
      scenarioMap: string,
      filters: ViewState["filters"],
      measure: ViewState["weighting"]["measure"],
    ) => mapDifference(d, year, compareYear, scenarioMap === "change", filters, measure),
  );
  const sceneMemo = memoLast(
    (
      d: Derived,
      weighting: ViewState["weighting"],
      positions: AppData["positions"],
      diff: DifferenceMap | null,
      layout: ViewState["layout"],
    ) => {
      const scene = buildScene({
        places: d.dataset.places,
        flows: diff ? diff.flows : d.visible.shown,
        weighting,
        positions,
        laneOf: d.colourLaneOf,
        showEmptyPlaces: true,
        undirected: d.dataset.undirected === true,
        domain: d.scaleDomain,
        spanKind: weighting.perYearScale ? "year" : "all-years",
        panel: layout === "geo" ? aggregatePanelOf(d.dataset.places, d.dataset.flows) : null,
      });
      return diff ? colourDifference(scene, diff.statusOf) : scene;
    },
  );
  const layerMemo = memoLast((dataset: AppData["dataset"], year: number) => contextLayer(dataset, year));
  const layerOf = (view: ViewState, data: AppData): ContextLayer | null =>
    view.contextLayer || !data.dataset.years.includes(view.year) ? layerMemo(data.dataset, view.year) : null;
  const addContext = (scene: Scene, layer: ContextLayer | null): Scene => {
    if (!layer || !layer.hops.length) return scene;
    return { ...scene, edges: [...scene.edges, ...contextSceneEdges(layer, new Set(scene.nodes.map((n) => n.id)))] };
  };
  const withContext = memoLast(addContext);
  const drawnWithContext = memoLast(addContext);
  const hierarchyOf = createHierarchyMemo();
  const weightsOf = memoLast(placeWeights);
  const clusteredOf = memoLast((scene: Scene, on: boolean, mapScale: number | null, weighting: ViewState["weighting"], d: Derived) => {
    if (!on || !needsClustering(scene)) return scene;
    const hierarchy = hierarchyOf(scene, weightsOf(d.flows, weighting.measure, d.dataset.places));
    return clusterScene(scene, hierarchy, levelFor(hierarchy, mapScale), weighting);
  });
  const flowScene = (view: ViewState, data: AppData) => {
    const d = derived(view, data);
    const diff = differenceOf(d, view.year, view.compareYear, view.analysis.scenarioMap, view.filters, view.weighting.measure);
    return sceneMemo(d, view.weighting, data.positions, diff, view.layout);
  };
  const drawn = (view: ViewState, data: AppData) =>
    drawnWithContext(
      clusteredOf(flowScene(view, data), data.panels.clusterPlaces, data.mapScale, view.weighting, derived(view, data)),
      layerOf(view, data),
    );
  const drawnHighlightOf = memoLast((h: Highlight | null, scene: Scene, hover: ViewState["hover"], selection: ViewState["selection"]) =>
    clusterHighlight(h, scene, hover, selection),
  );
  return {
    derived,
    routeInputs,
    scene: (view, data) => withContext(flowScene(view, data), layerOf(view, data)),
    drawn,
    contextLayer: layerOf,
    difference: (view, data) =>
      differenceOf(derived(view, data), view.year, view.compareYear, view.analysis.scenarioMap, view.filters, view.weighting.measure),
    traceResult,
    chosenChain,
    lostRoute(view, data) {
      const route = view.trace.route;
      if (!route || view.trace.chain !== null || !settled(view, data)) return null;
      return namesOf(data, route);
    },
    analysisHighlight,
    highlight: (view, data) =>
      highlightMemo(view.hover, view.selection, derived(view, data).visible.shown, analysisHighlight(view, data), view.weighting.measure),
    routeNames(view, data) {
      const chain = chosenChain(view, data) ?? (view.trace.through ? null : (settled(view, data)?.chains.chains[0] ?? null));
      return chain ? namesOf(data, chain.nodes) : null;
    },
    drawnHighlight(view, data) {
      const h = highlightMemo(
        view.hover,
        view.selection,
        derived(view, data).visible.shown,
        analysisHighlight(view, data),
        view.weighting.measure,
      );
      return drawnHighlightOf(h, drawn(view, data), view.hover, view.selection);
    },
    hidden: (view, data) => hiddenMemo(derived(view, data).visible, view.filters, view.weighting.measure),
    placeName,
  };
}
