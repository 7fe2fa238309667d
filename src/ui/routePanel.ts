// "Route tracing": Origin → Destination, the best re-export chains with their attributed volumes, the
// chosen chain's hops and mirror figures, and the simple paths. Everything shown comes from the store
// and the selectors (state/selectors, state/routeTrace; docs/methods.md); the panel renders and dispatches.
import "./routePanel.css";
import type { Chain } from "../analysis";
import type { Place } from "../domain/types";
import { kindLabels } from "../state/palette";
import { findPlaces, normaliseName } from "../state/placeSearch";
import { clearTrace, setTrace } from "../state/producers";
import { setPanels } from "../state/openDataset";
import { PENDING } from "../state/routeTrace";
import { volumeUnit, type VolumeUnit } from "../state/volumeUnit";
import { onDataset, type App } from "./app";
import { clear, el } from "./dom";
import { mixingNote, type TraceDeps } from "./originsPanel";
import { createPlaceCombobox, type PlaceCombobox } from "./placeCombobox";
import { renderChains, type ChainListEvents } from "./routeChains";
import { renderSimplePaths } from "./routeSimplePaths";
import { traceStatusLine } from "./traceStatus";

/** The place a typed text names: an exact name / native name / id, or the only match, or the only one starting with it. */
export function resolvePlace(places: readonly Place[], text: string): Place | null {
  const q = normaliseName(text);
  if (!q) return null;
  const exact = places.filter((p) => normaliseName(p.name) === q || normaliseName(p.nativeName) === q || p.id.toLowerCase() === q);
  if (exact.length === 1) return exact[0]!;
  const matches = findPlaces(places, text, 50);
  if (matches.length === 1) return matches[0]!.place;
  const starts = matches.filter((m) => m.rank <= 1);
  return starts.length === 1 ? starts[0]!.place : null;
}

export function mountTrace(app: App, deps: TraceDeps): void {
  const { answers, jobs } = deps;
  const body = app.panel.addSection("trace", "Route tracing", { open: true, order: 5 });
  const placeName = (id: string) => app.select.placeName(app.store.data(), id);

  // ---- fields: a field armed (focused) is filled by a click on a place of the graph ----
  let armed: PlaceCombobox | null = null;
  const disarm = () => {
    armed = null;
    for (const f of fields) f.wrap.classList.remove("rt-armed");
  };
  const field = (key: "origin" | "destination", label: string, listLabel: string): PlaceCombobox => {
    const box = createPlaceCombobox({
      id: `trace-${key}`,
      label,
      listLabel,
      placeholder: "type a place name",
      wrapClass: "rt-field",
      listClass: "rt-suggest",
      places: () => app.dataset().places,
      kindWords: () => kindLabels(app.dataset()),
      showNative: false,
      onChoose: () => undefined,
      onEnter: () => runTrace(),
      onEscape: () => disarm(),
    });
    box.input.addEventListener("focus", () => {
      armed = box;
      box.wrap.classList.add("rt-armed");
    });
    box.input.addEventListener("blur", (e) => {
      // Clicking the canvas takes focus nowhere (relatedTarget null): stay armed so the click fills the field.
      const to = (e as FocusEvent).relatedTarget as Node | null;
      if (to && !document.getElementById("graph")?.contains(to)) disarm();
    });
    return box;
  };
  const fields = [field("origin", "Origin", "Places to start from"), field("destination", "Destination", "Places to end at")] as const;
  document.addEventListener("focusin", (e) => {
    if (armed && e.target !== armed.input) disarm();
  });

  const traceButton = el("button", { type: "button", class: "rt-primary" }, "Trace");
  const clearButton = el("button", { type: "button" }, "Clear route");
  const simpleButton = el("button", { type: "button", "aria-pressed": "false" }, "List all simple paths");
  const results = el("div", { class: "rt-results", "aria-live": "polite" });
  const yearLine = el("p", { class: "hint rt-year" });
  const simpleBox = el("div", { class: "rt-simple", hidden: true });
  body.append(
    el("div", { class: "rt-fields" }, fields[0].wrap, fields[1].wrap),
    el("p", { class: "hint rt-arm" }, "With a field focused, click a place on the graph to fill it."),
    yearLine,
    el("div", { class: "rt-buttons" }, traceButton, clearButton, simpleButton),
    traceStatusLine(jobs, "routes"),
    results,
    simpleBox,
  );

  const say = (text: string) => {
    clear(results);
    results.append(el("p", { class: "rt-say" }, text));
  };
  const runTrace = () => {
    const ids: string[] = [];
    for (const [f, label] of [
      [fields[0], "Origin"],
      [fields[1], "Destination"],
    ] as const) {
      const chosen = f.chosen();
      const p = chosen ? (app.derived().placesById.get(chosen) ?? null) : resolvePlace(app.dataset().places, f.input.value);
      if (!p) {
        const typed = f.input.value.trim();
        say(typed ? `No single place is called “${typed}”: pick one from the list under ${label}.` : `Type a place in ${label}.`);
        return;
      }
      f.set(p);
      ids.push(p.id);
    }
    if (ids[0] === ids[1]) return say("Origin and destination are the same place: pick two different places.");
    app.store.dispatch(setTrace({ origin: ids[0]!, destination: ids[1]!, chain: null, through: null }));
  };
  traceButton.addEventListener("click", runTrace);
  clearButton.addEventListener("click", () => {
    for (const f of fields) f.set(null);
    app.store.update(setPanels({ simplePaths: false }));
    app.store.dispatch(clearTrace());
  });
  simpleButton.addEventListener("click", () => app.store.update(setPanels({ simplePaths: !app.store.data().panels.simplePaths })));

  // ---- results ----
  const unit = (): VolumeUnit => volumeUnit(app.dataset(), app.store.get().weighting.measure);
  const chainEvents: ChainListEvents = {
    choose(i, c: Chain) {
      app.store.dispatch(setTrace({ chain: i, through: null }), { camera: { to: "nodes", ids: c.nodes } });
    },
    clearChoice: () => app.store.dispatch(setTrace({ chain: null })),
  };
  /** Fills the fields from the state when the trace changes (a run, a link, a saved view), not on every render. */
  let syncedTrace: unknown = null;
  const syncFields = () => {
    const trace = app.store.get().trace;
    if (trace === syncedTrace) return;
    syncedTrace = trace;
    for (const [f, id] of [
      [fields[0], trace.origin],
      [fields[1], trace.destination],
    ] as const) {
      const p = id ? app.derived().placesById.get(id) : undefined;
      // What the user is typing for the next trace stays.
      if (id && document.activeElement !== f.input) f.set(p ?? { id, name: placeName(id) });
    }
  };
  const renderResults = () => {
    const state = app.store.get();
    const data = app.store.data();
    yearLine.textContent = `Chains for ${state.year}, the year in view (change it with Year).`;
    syncFields();
    const { origin, destination } = state.trace;
    clear(results);
    if (!origin || !destination) return;
    const traced = app.select.traceResult(state, data);
    if (traced === PENDING) return say(`Looking for the routes from ${placeName(origin)} to ${placeName(destination)}…`);
    const known = app.derived().placesById;
    // Stopped or failed in a worker: its status line says so.
    if (!traced && jobs.active(app.select.routeInputs(state, data)) && known.has(origin) && known.has(destination)) return;
    if (!traced) return say(`Can't trace: “${origin}” or “${destination}” is not a place of this dataset.`);
    renderChains(results, {
      state,
      result: traced,
      lost: app.select.lostRoute(state, data),
      unit: unit(),
      placeName,
      flows: app.derived().flows,
      places: app.dataset().places,
      mirrors: (from, to) => answers.mirror(app.dataset(), { from, to }),
      dataset: app.dataset(),
      events: chainEvents,
      note: mixingNote(state),
    });
  };
  const renderSimple = () => {
    const on = app.store.data().panels.simplePaths;
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
    renderSimplePaths(simpleBox, found, placeName(origin), placeName(destination), unit(), placeName);
  };

  // Trace, year, flows in force, measure, a worker's answer or the simple-paths switch: render again.
  let last: unknown[] = [];
  const render = () => {
    const state = app.store.get();
    const data = app.store.data();
    const key = [state.trace, app.select.routeInputs(state, data), data.results, data.panels.simplePaths];
    if (key.every((v, i) => v === last[i])) return;
    last = key;
    renderResults();
    renderSimple();
  };
  app.store.subscribe((state, prev) => {
    // A click on the graph while Origin or Destination is armed fills that field.
    if (armed && state.selection !== prev.selection && state.selection?.type === "node") {
      const p = app.derived().placesById.get(state.selection.id);
      if (p) {
        armed.set(p);
        armed.input.focus();
      }
    }
    render();
  });
  onDataset(app, () => {
    for (const f of fields) f.set(null);
    syncedTrace = null;
  });
  render();
}
