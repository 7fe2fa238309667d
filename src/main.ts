// Composition root: loads the shipped dataset, creates the store, the renderer and the UI modules,
// and keeps the canvas in step with the view state.
import "./ui/styles.css";
import { loadShippedDataset } from "./domain/shippedDataset";
import type { Dataset } from "./domain/types";
import { createDeriver, type Derived } from "./state/derived";
import { highlightFor, type Highlight } from "./state/highlight";
import { select, setHover } from "./state/producers";
import { createStore } from "./state/store";
import { flowSummary, placeSummary } from "./state/summaries";
import { defaultViewState, DEFAULT_YEAR, type CameraState, type ViewState } from "./state/viewState";
import { datasetUnit, volumeUnit } from "./state/volumeUnit";
import { extentOf, type Positions } from "./view/layouts";
import { createRenderer, mark } from "./view/renderer";
import { kindLabels } from "./view/palette";
import { buildScene, type Scene } from "./view/scene";
import { renderAbout } from "./ui/aboutPanel";
import type { App } from "./ui/app";
import { clear, el } from "./ui/dom";
import { flowCard, placeCard } from "./ui/infoCard";
import { renderLegend } from "./ui/legend";
import { createMessages } from "./ui/messages";
import { createSidePanel } from "./ui/sidePanel";
import { createTooltip } from "./ui/tooltip";
import { mountYearControl } from "./ui/yearControl";
import { signalReady, signalRender } from "./ui/signals";
import { mountExportControls } from "./ui/exportControls";
import { mountImport } from "./ui/importControl";
import { mountFlowBudget } from "./ui/flowBudget";
import { mountTrace } from "./ui/routePanel";
import { mountViews } from "./ui/viewsPanel";
import { trackAnimation } from "./ui/signals";
import { mountExplore } from "./ui/explore";
import { zeroMileageFlowModel } from "./state/assumptionModel";
import { positionsForLayout } from "./view/layoutPositions";
import { LIGHT_BACKDROP } from "./view/worldBackdrop";

const $ = (id: string) => document.getElementById(id) as HTMLElement;

function initialState(dataset: Dataset): ViewState {
  const year = dataset.years.includes(DEFAULT_YEAR) ? DEFAULT_YEAR : (dataset.years[dataset.years.length - 1] ?? DEFAULT_YEAR);
  return defaultViewState(dataset.id, dataset.hash, year);
}

function layoutPositions(dataset: Dataset, state: ViewState, seed?: Positions): Positions {
  // All layouts share the geographic frame; the force layout starts from where the nodes are (seed).
  return positionsForLayout(state.layout, dataset.places, dataset.flows, seed);
}

function start(): void {
  let dataset = loadShippedDataset();
  const store = createStore(initialState(dataset));
  const derive = createDeriver(zeroMileageFlowModel);
  const messages = createMessages($("messages"));
  const panel = createSidePanel($("panel"));
  const graphEl = $("graph");
  const tooltip = createTooltip($("tooltip"), graphEl);

  let positions = layoutPositions(dataset, store.get());
  let derived: Derived = derive(dataset, store.get());
  let scene: Scene;
  let analysisHighlight: Highlight | null = null;
  // Set by app.transition / a layout switch: the next redraw tweens from the last scene over this many ms.
  let tweenMs = 0;
  let lastTween: Promise<void> | null = null;
  const sceneListeners = new Set<(scene: Scene, derived: Derived) => void>();
  const datasetListeners = new Set<(dataset: Dataset) => void>();
  const cameraListeners = new Set<(camera: CameraState) => void>();

  const renderer = createRenderer(
    graphEl,
    {
      hoverNode: (id) => store.dispatch(setHover(id ? { type: "node", id } : null)),
      hoverEdge: (id) => store.dispatch(setHover(id ? { type: "edge", id } : null)),
      clickNode: (id) => store.dispatch(select({ type: "node", id })),
      clickEdge: (id) => store.dispatch(select({ type: "edge", id })),
      clickStage: () => store.dispatch(select(null)),
      camera: (cam) => {
        for (const l of cameraListeners) l(cam);
      },
      rendered: signalRender,
    },
    { bbox: extentOf(positions) },
  );

  // Controls in the toolbar.
  const toolbar = $("toolbar");
  const yearSlot = el("div", { class: "control" });
  toolbar.appendChild(yearSlot);
  const yearControl = mountYearControl(yearSlot, store, () => dataset.years);

  const legendBody = panel.addSection("legend", "Legend", { open: true, order: 10 });
  const detailsBody = panel.addSection("details", "Details", { open: true, order: 11 });
  const aboutBody = panel.addSection("about", "About the data", { order: 90 });

  const redraw = () => {
    mark("reroute:redraw");
    const state = store.get();
    derived = derive(dataset, state);
    const previousScene: Scene | undefined = scene;
    scene = buildScene({
      places: dataset.places,
      flows: derived.visible.shown,
      weighting: state.weighting,
      positions,
      laneOf: derived.colourLaneOf,
      showEmptyPlaces: true,
    });
    if (tweenMs > 0 && previousScene) lastTween = trackAnimation(renderer.animateScene(previousScene, scene, tweenMs));
    else renderer.setScene(scene);
    tweenMs = 0;
    renderer.setHighlight(highlightFor(state, derived.visible.shown, analysisHighlight));
    const lanes = new Set(derived.visible.shown.map((f) => derived.colourLaneOf(f)));
    renderLegend(legendBody, scene.widthScale, volumeUnit(dataset, state.weighting.measure), lanes, dataset.id);
    renderDetails();
    for (const l of sceneListeners) l(scene, derived);
  };

  const renderDetails = () => {
    const state = store.get();
    clear(detailsBody);
    const sel = state.selection;
    if (!sel) {
      detailsBody.appendChild(el("p", { class: "hint" }, "Hover a place or a flow for its figures; click to keep them here."));
      return;
    }
    const card =
      sel.type === "node"
        ? (() => {
            const s = placeSummary(dataset, derived.flows, sel.id, state.year, state.weighting.measure);
            return s ? placeCard(s, volumeUnit(dataset, state.weighting.measure), true, kindLabels(dataset.id)) : null;
          })()
        : (() => {
            const s = flowSummary(dataset, derived.flows, sel.id);
            return s ? flowCard(s, datasetUnit(dataset), true) : null;
          })();
    if (card) detailsBody.appendChild(card);
  };

  const renderTooltip = () => {
    const state = store.get();
    const h = state.hover;
    if (!h) return tooltip.show(null);
    if (h.type === "node") {
      const s = placeSummary(dataset, derived.flows, h.id, state.year, state.weighting.measure);
      tooltip.show(s ? placeCard(s, volumeUnit(dataset, state.weighting.measure), false, kindLabels(dataset.id)) : null);
    } else {
      const s = flowSummary(dataset, derived.flows, h.id);
      tooltip.show(s ? flowCard(s, datasetUnit(dataset)) : null);
    }
  };

  store.subscribe((state, prev) => {
    if (state.layout !== prev.layout) {
      positions = layoutPositions(dataset, state, positions);
      // The map only makes sense under geographic positions.
      renderer.setBackdrop(state.layout === "geo" ? LIGHT_BACKDROP : null);
      tweenMs = 500;
    }
    const sceneChanged =
      state.year !== prev.year ||
      state.filters !== prev.filters ||
      state.weighting !== prev.weighting ||
      state.layout !== prev.layout ||
      state.assumptions !== prev.assumptions ||
      state.flowBudget !== prev.flowBudget;
    if (sceneChanged) redraw();
    else if (state.hover !== prev.hover || state.selection !== prev.selection) {
      renderer.setHighlight(highlightFor(state, derived.visible.shown, analysisHighlight));
    }
    if (state.hover !== prev.hover || sceneChanged) renderTooltip();
    if (state.selection !== prev.selection) renderDetails();
  });

  const app: App = {
    store,
    renderer,
    panel,
    messages,
    toolbar,
    dataset: () => dataset,
    derived: () => derived,
    scene: () => scene,
    positions: () => positions,
    setPositions(next) {
      positions = next;
      redraw();
    },
    transition(change, durationMs) {
      tweenMs = durationMs;
      lastTween = null;
      change();
      tweenMs = 0;
      return lastTween ?? Promise.resolve();
    },
    setDataset(next) {
      dataset = next;
      positions = layoutPositions(dataset, store.get());
      store.replace(initialState(dataset));
      redraw();
      yearControl.render();
      renderAbout(aboutBody, dataset);
      for (const l of datasetListeners) l(dataset);
      void renderer.resetCamera(false);
    },
    analysisHighlight: () => analysisHighlight,
    setAnalysisHighlight(h) {
      analysisHighlight = h;
      renderer.setHighlight(highlightFor(store.get(), derived.visible.shown, analysisHighlight));
    },
    onSceneChange(l) {
      sceneListeners.add(l);
      return () => sceneListeners.delete(l);
    },
    onDatasetChange(l) {
      datasetListeners.add(l);
      return () => datasetListeners.delete(l);
    },
    onCamera(l) {
      cameraListeners.add(l);
      return () => cameraListeners.delete(l);
    },
  };

  mountExplore(app);
  mountImport(app);
  mountExportControls(app);
  mountFlowBudget(app);
  mountTrace(app);
  mountViews(app);
  renderAbout(aboutBody, dataset);
  redraw();
  signalReady(app);
}

try {
  start();
} catch (error) {
  const box = document.getElementById("messages");
  if (box) box.textContent = `Reroute could not start: ${error instanceof Error ? error.message : String(error)}`;
  throw error;
}
