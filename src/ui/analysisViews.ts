// The analysis views — "Over time", "Compare years", "Sankey", "Scenarios" — as side-panel sections. The
// view state names the one last opened (analysis.view), so a link or a saved view opens it again.
import "./analysis.css";
import { setAnalysis } from "../state/analysisProducers";
import type { AnalysisView } from "../state/viewState";
import type { App } from "./app";
import { COMPARE_SECTION, mountCompareYears } from "./comparePanel";
import { mountOverTime, OVER_TIME_SECTION } from "./overTimePanel";
import { mountSankey, SANKEY_SECTION } from "./sankeyPanel";
import { mountRouteDownloads } from "./routeDownloads";
import { mountScenarios, SCENARIOS_SECTION } from "./scenariosPanel";

const SECTIONS: Record<AnalysisView, string> = {
  "over-time": OVER_TIME_SECTION,
  compare: COMPARE_SECTION,
  sankey: SANKEY_SECTION,
  scenarios: SCENARIOS_SECTION,
};

export function mountAnalysisViews(app: App): void {
  mountOverTime(app);
  mountCompareYears(app);
  mountSankey(app);
  mountScenarios(app);
  mountRouteDownloads(app);
  let opening = false;
  for (const [view, section] of Object.entries(SECTIONS) as [AnalysisView, string][]) {
    app.panel.onToggle(section, (open) => {
      if (open && !opening && app.store.get().analysis.view !== view) queueMicrotask(() => app.store.dispatch(setAnalysis({ view })));
    });
  }
  const follow = () => {
    const view = app.store.get().analysis.view;
    if (!view || app.panel.isOpen(SECTIONS[view])) return;
    opening = true;
    try {
      app.panel.setOpen(SECTIONS[view], true);
    } finally {
      opening = false;
    }
  };
  app.store.subscribe((state, prev) => {
    if (state.analysis.view !== prev.analysis.view) follow();
  });
  follow();
}
