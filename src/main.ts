// Composition root: the shipped dataset, the store with its selectors, the view sync (the only code
// that drives the renderer), the services (dataset library, saved views, trace workers) and the panels.
// Nothing here holds app state: it all lives in the store.
import "./ui/styles.css";
import { loadShippedDataset } from "./domain/shippedDataset";
import { createDatasetLibrary } from "./io/datasetLibrary";
import { profileFlowModel } from "./state/assumptionModel";
import { initialView, openedData, positionsFollowLayout, resultsArrived } from "./state/openDataset";
import { createRouteFollower } from "./state/routeFollow";
import { createRouteTrace } from "./state/routeTrace";
import { createSelectors } from "./state/selectors";
import { createStore } from "./state/store";
import { linkContext, mountAddressBar } from "./ui/addressBar";
import type { App } from "./ui/app";
import { mountDatasets } from "./ui/datasets";
import { mountEmbed } from "./ui/embed";
import { mountExplore } from "./ui/explore";
import { mountExportControls } from "./ui/exportControls";
import { mountFlowBudget } from "./ui/flowBudget";
import { mountClusterControl } from "./ui/clusterControl";
import { mountImport } from "./ui/importControl";
import { mountDataPanels } from "./ui/dataPanels";
import { mountMapPanels } from "./ui/mapPanels";
import { createMessages } from "./ui/messages";
import { mountOrigins } from "./ui/originsPanel";
import { mountPresentation } from "./ui/presentation";
import { mountTrace } from "./ui/routePanel";
import { createSavedViews } from "./ui/savedViewsService";
import { createSidePanel } from "./ui/sidePanel";
import { mountViews } from "./ui/viewsPanel";
import { defaultYearOf } from "./state/openDataset";
import { createExportCapture } from "./view/exportCapture";
import { signalReady, trackAnimation } from "./view/signals";
import { createViewSync } from "./view/sync";
import { exposeForTests } from "./view/testHandle";
import { createRouteAnswers, createTraceJobs } from "./workers/traceJobs";
// Last, so its small-screen rules come after the panels' own styles.
import { mountBorderInsetControl } from "./ui/borderInsetControl";
import { mountMapKeyboard } from "./ui/mapKeyboard";
import { mountPanelDrawer } from "./ui/panelDrawer";

const $ = (id: string) => document.getElementById(id) as HTMLElement;

function start(): void {
  const shipped = loadShippedDataset();
  // Trace answers: on this thread for ordinary years, in workers past 20k flows a year.
  const jobs = createTraceJobs();
  const answers = createRouteAnswers(createRouteTrace(), jobs);
  const select = createSelectors(profileFlowModel, answers);
  const view = initialView(shipped);
  const follow = createRouteFollower(select.traceResult);
  const store = createStore(view, openedData(shipped, view.layout), (next, prev) => follow(positionsFollowLayout(next, prev), prev));
  jobs.onResult(() => store.update(resultsArrived()));

  const graph = $("graph");
  const sync = createViewSync(graph, store, select);
  const messages = createMessages($("messages"));
  const app: App = {
    store,
    select,
    panel: createSidePanel($("panel")),
    messages,
    toolbar: $("toolbar"),
    settled: sync.settled,
    flushCamera: sync.flushCamera,
    track: trackAnimation,
    dataset: () => store.data().dataset,
    derived: () => select.derived(store.get(), store.data()),
  };

  // Services: created once, handed to whoever needs them (mount order does not matter).
  const library = createDatasetLibrary(shipped, (text) => messages.show(text, "warning"));
  const views = createSavedViews(
    messages,
    () => linkContext(app),
    () => defaultYearOf(app.dataset()),
  );

  mountMapPanels(app, $("tooltip"), graph, mountDataPanels(app));
  mountPanelDrawer(app.toolbar, $("panel"));
  mountExplore(app);
  mountBorderInsetControl(app);
  mountMapKeyboard(app, graph);
  mountImport(app, library, views);
  mountDatasets(app, library);
  mountExportControls(app, createExportCapture(sync), views);
  mountFlowBudget(app);
  mountClusterControl(app);
  mountTrace(app, { answers, jobs });
  mountOrigins(app, { answers, jobs });
  const address = mountAddressBar(app, library);
  mountViews(app, { views, address, presentation: mountPresentation(app, address) });
  mountEmbed(app);
  exposeForTests(store, select, sync.renderer, graph);
  signalReady();
}

try {
  start();
} catch (error) {
  const box = document.getElementById("messages");
  if (box) box.textContent = `Reroute could not start: ${error instanceof Error ? error.message : String(error)}`;
  throw error;
}
