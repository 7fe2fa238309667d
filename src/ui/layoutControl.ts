// Layout: geographic (default), chain (columns by role) or force-directed (ForceAtlas2 in a worker,
// run and stopped with a button on the map's corner). Switching tweens the positions and hides the map off geo (view/sync).
import { setLayout } from "../state/producers";
import type { LayoutKind } from "../state/viewState";
import { layoutFrame } from "../state/layoutPositions";
import { setPositions } from "../state/openDataset";
import { startForceLayout, type ForceRun } from "../workers/forceLayout";
import { onDataset, type App } from "./app";
import { el } from "./dom";

const LAYOUTS: [LayoutKind, string][] = [
  ["geo", "Geographic (map)"],
  ["chain", "Chain (columns by role)"],
  ["force", "Force-directed"],
];

export function mountLayoutControl(app: App): void {
  const select = el(
    "select",
    { id: "layout", name: "layout" },
    LAYOUTS.map(([v, t]) => el("option", { value: v }, t)),
  );
  const run = el(
    "button",
    { type: "button", id: "force-run", class: "x-force-run", "aria-pressed": "false", hidden: true },
    "Run force layout",
  );
  app.toolbar.append(el("div", { class: "control" }, el("label", { for: "layout", class: "control-label" }, "Layout"), select));
  // On the map's top-right corner, not in the toolbar: appearing with the force layout, it would push the
  // toolbar onto a second row at 1280 px and shift the whole page. Next in tab order after the toolbar.
  const wrap = document.getElementById("graph")?.parentElement;
  if (wrap) wrap.insertBefore(run, wrap.firstChild);
  else app.toolbar.append(run);

  let force: ForceRun | null = null;
  const stop = () => {
    force?.stop();
  };
  const setRunning = (on: boolean) => {
    run.textContent = on ? "Stop force layout" : "Run force layout";
    run.setAttribute("aria-pressed", String(on));
  };
  run.addEventListener("click", () => {
    if (force?.running()) {
      stop();
      return;
    }
    const ds = app.dataset();
    const current = startForceLayout(
      ds.places,
      app.derived().visible.shown,
      app.store.data().positions,
      layoutFrame(ds.places, ds.flows),
      (p) => {
        if (app.store.get().layout === "force") app.store.update(setPositions(p));
      },
    );
    force = current;
    setRunning(true);
    void app.track(current.done).then(() => {
      if (force === current) {
        force = null;
        setRunning(false);
      }
    });
  });
  select.addEventListener("change", () => app.store.dispatch(setLayout(select.value as LayoutKind)));
  const sync = () => {
    const layout = app.store.get().layout;
    select.value = layout;
    run.hidden = layout !== "force";
    if (layout !== "force") stop();
  };
  sync();
  app.store.subscribe((s, prev) => {
    if (s.layout !== prev.layout) sync();
  });
  onDataset(app, () => {
    stop();
    sync();
  });
}
