// Explore: weighting, filters, time axis and play, layouts, find a place, Table, the analysis views,
// assumptions. One mount call for main.ts.
import "./explore.css";
import type { App } from "./app";
import { mountAssumptionsPanel } from "./assumptionsPanel";
import { mountFilterControls } from "./filterControls";
import { mountFindPlace } from "./findPlace";
import { mountFlowTable } from "./flowTable";
import { mountLayoutControl } from "./layoutControl";
import { mountAnalysisViews } from "./analysisViews";
import { mountTimeAxis } from "./timeAxis";
import { mountWeightingControls } from "./weightingControls";

export function mountExplore(app: App): void {
  landmarkNotice();
  mountTimeAxis(app);
  mountLayoutControl(app);
  mountFindPlace(app);
  mountWeightingControls(app);
  mountFilterControls(app);
  mountAnalysisViews(app);
  mountFlowTable(app);
  mountAssumptionsPanel(app);
}

/** The data notice between the header and main sits outside every landmark (axe "region"): give it one. */
function landmarkNotice(): void {
  const notice = document.getElementById("notice");
  if (!notice || notice.closest("header, main, aside, footer, nav, section[aria-label], [role=region]")) return;
  const region = document.createElement("section");
  region.setAttribute("aria-label", "About the figures");
  notice.replaceWith(region);
  region.appendChild(notice);
}
