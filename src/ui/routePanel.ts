// "Route tracing": Origin → Destination, the best re-export chains with their attributed volumes, the
// chosen chain's hops and mirror figures, and the simple paths. Everything shown comes from the store
// and the selectors (state/selectors, state/routeTrace; docs/methods.md); the panel renders and dispatches.
import "./routePanel.css";
import type { Chain } from "../analysis";
import { clearTrace, setTrace } from "../state/producers";
import { setPanels } from "../state/openDataset";
import { PENDING } from "../state/routeTrace";
import { volumeUnit, type VolumeUnit } from "../state/volumeUnit";
import { onDataset, type App } from "./app";
import { clear, el } from "./dom";
import { mixingNote, type TraceDeps } from "./originsPanel";
import { RouteFields } from "./routeFields";
import { renderChains, type ChainListEvents } from "./routeChains";
import { renderSimplePaths } from "./routeSimplePaths";
import { traceStatusLine } from "./traceStatus";

interface RouteDom {
  results: HTMLElement;
  yearLine: HTMLElement;
  simpleButton: HTMLButtonElement;
  simpleBox: HTMLElement;
}

export function mountTrace(app: App, deps: TraceDeps): void {
  const { answers } = deps;
  const placeName = (id: string) => app.select.placeName(app.store.data(), id);
  const fields = new RouteFields(app, () => runTrace());
  const dom = buildRouteDom(app, fields, deps);
  const say = (text: string) => {
    clear(dom.results);
    dom.results.append(el("p", { class: "rt-say" }, text));
  };
  const runTrace = () => {
    const read = fields.read();
    if ("message" in read) return say(read.message);
    const [origin, destination] = read.ids;
    if (origin === destination) return say("Origin and destination are the same place: pick two different places.");
    app.store.dispatch(setTrace({ origin, destination, chain: null, through: null }));
  };
  wireRouteButtons(app, dom, fields, runTrace);

  /** Fills the fields from the state when the trace changes (a run, a link, a saved view), not on every render. */
  let syncedTrace: unknown = null;
  const syncFields = () => {
    const trace = app.store.get().trace;
    if (trace === syncedTrace) return;
    syncedTrace = trace;
    for (const [f, id] of [
      [fields.origin, trace.origin],
      [fields.destination, trace.destination],
    ] as const) {
      const p = id ? app.derived().placesById.get(id) : undefined;
      // What the user is typing for the next trace stays.
      if (id && document.activeElement !== f.input) f.set(p ?? { id, name: placeName(id) });
    }
  };
  // Trace, year, flows in force, measure, a worker's answer or the simple-paths switch: render again.
  let last: unknown[] = [];
  const render = () => {
    const state = app.store.get();
    const data = app.store.data();
    const key = [state.trace, app.select.routeInputs(state, data), data.results, data.panels.simplePaths];
    if (key.every((v, i) => v === last[i])) return;
    last = key;
    dom.yearLine.textContent = `Chains for ${state.year}, the year in view (change it with Year).`;
    syncFields();
    renderResults(app, deps, dom, say);
    renderSimple(app, answers, dom);
  };
  app.store.subscribe((state, prev) => {
    // A click on the graph while Origin or Destination is armed fills that field.
    if (fields.isArmed && state.selection !== prev.selection && state.selection?.type === "node") {
      const p = app.derived().placesById.get(state.selection.id);
      if (p) fields.fillArmed(p);
    }
    render();
  });
  onDataset(app, () => {
    fields.clear();
    syncedTrace = null;
  });
  render();
}

function buildRouteDom(
  app: App,
  fields: RouteFields,
  { jobs }: TraceDeps,
): RouteDom & { traceButton: HTMLButtonElement; clearButton: HTMLButtonElement } {
  const body = app.panel.addSection("trace", "Route tracing", { open: true, order: 5 });
  const traceButton = el("button", { type: "button", class: "rt-primary" }, "Trace");
  const clearButton = el("button", { type: "button" }, "Clear route");
  const simpleButton = el("button", { type: "button", "aria-pressed": "false" }, "List all simple paths");
  const results = el("div", { class: "rt-results", "aria-live": "polite" });
  const yearLine = el("p", { class: "hint rt-year" });
  const simpleBox = el("div", { class: "rt-simple", hidden: true });
  body.append(
    el("div", { class: "rt-fields" }, fields.origin.wrap, fields.destination.wrap),
    el("p", { class: "hint rt-arm" }, "With a field focused, click a place on the graph to fill it."),
    yearLine,
    el("div", { class: "rt-buttons" }, traceButton, clearButton, simpleButton),
    traceStatusLine(jobs, "routes"),
    results,
    simpleBox,
  );
  return { results, yearLine, simpleButton, simpleBox, traceButton, clearButton };
}

function wireRouteButtons(app: App, dom: ReturnType<typeof buildRouteDom>, fields: RouteFields, runTrace: () => void): void {
  dom.traceButton.addEventListener("click", runTrace);
  dom.clearButton.addEventListener("click", () => {
    fields.clear();
    app.store.update(setPanels({ simplePaths: false }));
    app.store.dispatch(clearTrace());
  });
  dom.simpleButton.addEventListener("click", () => app.store.update(setPanels({ simplePaths: !app.store.data().panels.simplePaths })));
}

const unitOf = (app: App): VolumeUnit => volumeUnit(app.dataset(), app.store.get().weighting.measure);

/** The chains of the traced route (or why there are none yet). */
function renderResults(app: App, { answers, jobs }: TraceDeps, { results }: RouteDom, say: (text: string) => void): void {
  const state = app.store.get();
  const data = app.store.data();
  const placeName = (id: string) => app.select.placeName(data, id);
  const { origin, destination } = state.trace;
  clear(results);
  if (!origin || !destination) return;
  const traced = app.select.traceResult(state, data);
  if (traced === PENDING) return say(`Looking for the routes from ${placeName(origin)} to ${placeName(destination)}…`);
  const known = app.derived().placesById;
  // Stopped or failed in a worker: its status line says so.
  if (!traced && jobs.active(app.select.routeInputs(state, data)) && known.has(origin) && known.has(destination)) return;
  if (!traced) return say(`Can't trace: “${origin}” or “${destination}” is not a place of this dataset.`);
  const events: ChainListEvents = {
    choose(i, c: Chain) {
      app.store.dispatch(setTrace({ chain: i, through: null }), { camera: { to: "nodes", ids: c.nodes } });
    },
    clearChoice: () => app.store.dispatch(setTrace({ chain: null })),
  };
  renderChains(results, {
    state,
    result: traced,
    lost: app.select.lostRoute(state, data),
    unit: unitOf(app),
    placeName,
    flows: app.derived().flows,
    places: app.dataset().places,
    mirrors: (from, to) => answers.mirror(app.dataset(), { from, to }),
    dataset: app.dataset(),
    events,
    note: mixingNote(state),
  });
}

/** The simple paths from Origin to Destination, when the switch is on. */
function renderSimple(app: App, answers: TraceDeps["answers"], { simpleButton, simpleBox }: RouteDom): void {
  const on = app.store.data().panels.simplePaths;
  const placeName = (id: string) => app.select.placeName(app.store.data(), id);
  simpleButton.setAttribute("aria-pressed", String(on));
  simpleBox.hidden = !on;
  clear(simpleBox);
  if (!on) return;
  const { origin, destination } = app.store.get().trace;
  if (!origin || !destination) {
    simpleBox.append(el("p", { class: "rt-say" }, "Trace a route first: the simple paths are those from Origin to Destination."));
    return;
  }
  const found = answers.simple(app.select.routeInputs(app.store.get(), app.store.data()), origin, destination);
  renderSimplePaths(simpleBox, found, placeName(origin), placeName(destination), unitOf(app), placeName);
}
