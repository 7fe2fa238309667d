// "Where it came from": the origin mix and mass balance of the selected place or flow, the flows
// through a place, and mirror figures (docs/methods.md, "Proportional tracing", "Mass balance",
// "Through-node", "Mirror statistics"). The mixing assumption is stated next to every attributed figure.
// Text from data goes in as text nodes.
import "./routePanel.css";
import type { Place } from "../domain/types";
import { PENDING, sharesOf, type OriginShare, type PlaceBalance, type RouteAnswers, type RouteInputs } from "../state/routeTrace";
import { setTrace } from "../state/producers";
import type { ViewState } from "../state/viewState";
import { volumeUnit, type VolumeUnit } from "../state/volumeUnit";
import type { TraceJobs } from "../workers/traceJobs";
import type { App } from "./app";
import { clear, el } from "./dom";
import { formatVolume } from "./format";
import { mirrorBlock, originBars } from "./originFigures";
import { traceStatusLine } from "./traceStatus";

export function mixingNote(state: ViewState, extra = ""): HTMLElement {
  const edited = Object.keys(state.assumptions).length > 0;
  return el(
    "p",
    { class: "rt-assumption" },
    `Proportional tracing: each place is assumed to mix what it receives; modelled flows included${edited ? ", with edited assumptions" : ""}.${extra}`,
  );
}

export interface TraceDeps {
  answers: RouteAnswers;
  jobs: TraceJobs;
}

/** What the origins renderers share. */
interface OriginsView {
  app: App;
  rt: RouteAnswers;
  body: HTMLElement;
  state: ViewState;
  m: VolumeUnit;
  inputs: RouteInputs;
  placeName: (id: string) => string;
  bars: (rows: OriginShare[], label: string) => HTMLUListElement;
  mirror: (target: { place: string } | { from: string; to: string }) => void;
}

/** The "Where it came from" section: what the selected place or flow carries, by origin. */
export function mountOrigins(app: App, { answers: rt, jobs }: TraceDeps): void {
  const body = app.panel.addSection("origins", "Where it came from", { open: true, order: 12 });
  const status = traceStatusLine(jobs, "attribution");
  const placeName = (id: string) => app.select.placeName(app.store.data(), id);
  const render = () => {
    clear(body);
    body.append(status);
    const state = app.store.get();
    const m = volumeUnit(app.dataset(), state.weighting.measure);
    const view: OriginsView = {
      app,
      rt,
      body,
      state,
      m,
      inputs: app.select.routeInputs(state, app.store.data()),
      placeName,
      bars: (rows, label) => originBars(rows, m, label, placeName),
      mirror: (target) => {
        const mb = mirrorBlock(app, rt, target, placeName);
        if (mb) body.append(mb);
      },
    };
    const sel = state.selection;
    if (!sel) body.append(el("p", { class: "hint" }, "Select a place or a flow on the graph to see which origins its volume comes from."));
    else if (sel.type === "edge") renderFlowOrigins(view, sel.id);
    else renderPlaceOrigins(view, sel.id);
  };
  // Selection, trace (through a place), year, flows in force or a worker's answer: render again.
  let last: unknown[] = [];
  app.store.subscribe((state, _prev, { data }) => {
    const key = [state.selection, state.trace, app.select.routeInputs(state, data), data.results];
    if (key.every((v, i) => v === last[i])) return;
    last = key;
    render();
  });
  render();
}

function renderFlowOrigins({ rt, body, state, m, inputs, placeName, bars, mirror }: OriginsView, flowId: string): void {
  const fm = rt.flowMix(inputs, flowId);
  if (fm === PENDING) {
    body.append(el("p", { class: "rt-say" }, "Tracing the origins of this flow…"));
    return;
  }
  if (!fm) {
    body.append(el("p", { class: "hint" }, `This flow has no ${m === "usd" ? "US$ figure" : "volume"} in ${state.year}.`));
    return;
  }
  body.append(
    el(
      "p",
      { class: "rt-lead" },
      `${placeName(fm.from)} → ${placeName(fm.to)} carries ${formatVolume(fm.volume, m)} in ${state.year}, by where it came from:`,
    ),
    bars(fm.origins, "Where this flow came from"),
    mixingNote(state, " The flow carries the mix of the place it leaves."),
  );
  mirror({ from: fm.from, to: fm.to });
}

function renderPlaceOrigins(view: OriginsView, placeId: string): void {
  const { app, rt, body, state, m, inputs, bars } = view;
  const place = app.derived().placesById.get(placeId);
  const mix = rt.placeMix(inputs, placeId);
  if (mix === PENDING) {
    body.append(el("p", { class: "rt-say" }, `Tracing where what reaches ${place?.name ?? placeId} came from…`));
    return;
  }
  if (!place || !mix) return;
  const bal = mix.balance;
  if (bal.intake > 0) {
    body.append(
      el(
        "p",
        { class: "rt-lead" },
        `What reaches ${place.name} in ${state.year} (${formatVolume(bal.intake + bal.generated + bal.residual, m)} in all), by origin:`,
      ),
      bars(mix.origins, "Where its intake came from"),
      mixingNote(state),
    );
  } else if (bal.generated > 0) {
    body.append(
      el(
        "p",
        { class: "rt-lead" },
        `${place.name} receives no flow in ${state.year}: it is where ${formatVolume(bal.generated, m)} enter the network.`,
      ),
    );
  } else {
    body.append(el("p", { class: "rt-lead" }, `${place.name} receives no flow in ${state.year}.`));
  }
  renderBalance(view, place.name, bal);
  if (place.kind === "exit" || place.kind === "transit") renderThrough(view, place);
  view.mirror({ place: place.id });
}

/** The mass balance table, and a warning when the place sends on more than it receives. */
function renderBalance({ body, m }: OriginsView, name: string, bal: PlaceBalance): void {
  const dl = el("dl", { class: "rt-balance", "aria-label": "Mass balance" });
  const row = (k: string, v: number) => dl.append(el("dt", {}, k), el("dd", {}, formatVolume(v, m)));
  row("Intake", bal.intake);
  if (bal.generated > 0) row("Entering here", bal.generated);
  row("Onward", bal.onward);
  row("Absorbed", bal.absorbed);
  row("Unexplained residual", bal.residual);
  body.append(el("h3", {}, "Mass balance"), dl);
  if (bal.residual > 0)
    body.append(
      el(
        "p",
        { class: "rt-warn" },
        `${name} sends on ${formatVolume(bal.residual, m)} more than it receives: the data misses that intake, so it is traced as “Unexplained”, not as a negative absorption.`,
      ),
    );
}

/** "Show flows through this place" for an exit or transit place, and when on, what feeds it and where it goes. */
function renderThrough({ app, rt, body, state, m, inputs, bars }: OriginsView, place: Place): void {
  const on = state.trace.through === place.id;
  const button = el("button", { type: "button", "aria-pressed": String(on) }, "Show flows through this place");
  button.addEventListener("click", () => app.store.dispatch(setTrace({ through: on ? null : place.id, chain: null })));
  body.append(el("div", { class: "rt-buttons" }, button));
  if (!on) return;
  const t = rt.through(inputs, place.id);
  if (t === PENDING) body.append(el("p", { class: "rt-say" }, `Following the flows through ${place.name}…`));
  else if (t) {
    const total = t.T;
    body.append(
      el("h3", {}, `Fed by (${formatVolume(total, m)} through ${place.name})`),
      bars(sharesOf(t.origins, total), "Places feeding it"),
      el("h3", {}, "Ends up in"),
      bars(sharesOf(t.destinations, total), "Where its flows end up"),
      mixingNote(state),
    );
  }
}
