// Issue 4, "Explore": weighting, filters, time axis and play, layouts, find a place, Table, sparkline,
// assumptions. One mount call for main.ts.
import "./explore.css";
import type { App } from "./app";
import { mountAssumptionsPanel } from "./assumptionsPanel";
import { mountFilterControls } from "./filterControls";
import { mountFindPlace } from "./findPlace";
import { mountFlowTable } from "./flowTable";
import { mountLayoutControl } from "./layoutControl";
import { mountSparkline } from "./sparkline";
import { mountTimeAxis } from "./timeAxis";
import { mountWeightingControls } from "./weightingControls";

export function mountExplore(app: App): void {
  mountTimeAxis(app);
  mountLayoutControl(app);
  mountFindPlace(app);
  mountWeightingControls(app);
  mountFilterControls(app);
  mountSparkline(app);
  mountFlowTable(app);
  mountAssumptionsPanel(app);
}
