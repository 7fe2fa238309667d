// "Where it came from": the origin mix and mass balance of the selected place or flow, the flows
// through a place, and mirror figures (docs/methods.md, "Proportional tracing", "Mass balance",
// "Through-node", "Mirror statistics"). The mixing assumption is stated next to every attributed figure.
// Text from data goes in as text nodes.
import "./routePanel.css";
import { PENDING, type OriginShare, type RouteAnswers } from "../state/routeTrace";
import { setTrace } from "../state/producers";
import type { ViewState } from "../state/viewState";
import { volumeUnit, type VolumeUnit } from "../state/volumeUnit";
import type { TraceJobs } from "../workers/traceJobs";
import type { App } from "./app";
import { clear, el } from "./dom";
import { formatInt, formatShare, formatVolume } from "./format";
import { boundOf } from "./traceMirror";
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

/** The "Where it came from" section: what the selected place or flow carries, by origin. */
export function mountOrigins(app: App, { answers: rt, jobs }: TraceDeps): void {
  const body = app.panel.addSection("origins", "Where it came from", { open: true, order: 12 });
  const status = traceStatusLine(jobs, "attribution");
  const placeName = (id: string) => app.select.placeName(app.store.data(), id);
  const bars = (rows: OriginShare[], m: VolumeUnit, label: string) => {
    const max = rows.reduce((s, r) => Math.max(s, r.volume), 0);
    const ul = el("ul", { class: "rt-bars", "aria-label": label });
    for (const r of rows) {
      const bar = el("div", { class: "rt-bar" });
      bar.style.width = `${max > 0 ? Math.max(0.5, (r.volume / max) * 100) : 0}%`;
      ul.append(
        el(
          "li",
          { class: "rt-bar-row" },
          el("span", { class: "rt-bar-name" }, placeName(r.id)),
          el("div", { class: "rt-bar-track" }, bar),
          el("span", { class: "rt-bar-figure" }, `${formatVolume(r.volume, m)} · ${formatShare(r.share)}`),
        ),
      );
    }
    return ul;
  };

  const mirrorBlock = (target: { place: string } | { from: string; to: string }) => {
    const gaps = rt.mirror(app.dataset(), target);
    if (!gaps.length) return null;
    const byId = new Map(app.dataset().context.map((f) => [f.id, f]));
    const box = el("div", { class: "rt-mirror" }, el("h3", {}, "Two reporters, two figures"));
    for (const g of gaps) {
      const ul = el("ul", {});
      for (const f of g.figures) {
        const c = byId.get(f.id);
        ul.append(
          el("li", {}, `${f.reporter}: ${boundOf(c?.note)}${formatInt(f.value)} ${f.unit} (${f.period}${c ? `; ${c.measure}` : ""})`),
        );
      }
      box.append(el("p", { class: "rt-mirror-hop" }, `${placeName(g.from)} → ${placeName(g.to)}, ${g.year}`), ul);
      for (const cmp of g.comparisons) {
        box.append(
          el(
            "p",
            {},
            `Gap: ${cmp.gap >= 0 ? "+" : ""}${formatInt(cmp.gap)} ${g.unit} (${formatShare(Math.abs(cmp.relativeGap))} of their mean), ${cmp.b.reporter} against ${cmp.a.reporter}${cmp.note ? `; ${cmp.note}` : ""}${cmp.periodsDiffer ? " — part of the gap is only time: not like for like" : ""}.`,
          ),
        );
      }
    }
    box.append(
      el(
        "p",
        { class: "hint" },
        "Both figures are shown; neither is picked, and neither is added into the used-car flows (they count other things or other periods).",
      ),
    );
    return box;
  };

  const render = () => {
    clear(body);
    body.append(status);
    const state = app.store.get();
    const sel = state.selection;
    const m = volumeUnit(app.dataset(), state.weighting.measure);
    const inputs = app.select.routeInputs(state, app.store.data());
    if (!sel) {
      body.append(el("p", { class: "hint" }, "Select a place or a flow on the graph to see which origins its volume comes from."));
      return;
    }
    if (sel.type === "edge") {
      const fm = rt.flowMix(inputs, sel.id);
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
        bars(fm.origins, m, "Where this flow came from"),
        mixingNote(state, " The flow carries the mix of the place it leaves."),
      );
      const mb = mirrorBlock({ from: fm.from, to: fm.to });
      if (mb) body.append(mb);
      return;
    }
    const place = app.derived().placesById.get(sel.id);
    const mix = rt.placeMix(inputs, sel.id);
    if (mix === PENDING) {
      body.append(el("p", { class: "rt-say" }, `Tracing where what reaches ${place?.name ?? sel.id} came from…`));
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
        bars(mix.origins, m, "Where its intake came from"),
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
          `${place.name} sends on ${formatVolume(bal.residual, m)} more than it receives: the data misses that intake, so it is traced as “Unexplained”, not as a negative absorption.`,
        ),
      );

    if (place.kind === "exit" || place.kind === "transit") {
      const on = state.trace.through === place.id;
      const button = el("button", { type: "button", "aria-pressed": String(on) }, "Show flows through this place");
      button.addEventListener("click", () => app.store.dispatch(setTrace({ through: on ? null : place.id, chain: null })));
      body.append(el("div", { class: "rt-buttons" }, button));
      if (on) {
        const t = rt.through(inputs, place.id);
        if (t === PENDING) body.append(el("p", { class: "rt-say" }, `Following the flows through ${place.name}…`));
        else if (t) {
          const total = t.T;
          const toRows = (mp: Map<string, number>) =>
            [...mp].map(([id, volume]) => ({ id, volume, share: total > 0 ? volume / total : 0 })).sort((x, y) => y.volume - x.volume);
          body.append(
            el("h3", {}, `Fed by (${formatVolume(total, m)} through ${place.name})`),
            bars(toRows(t.origins), m, "Places feeding it"),
            el("h3", {}, "Ends up in"),
            bars(toRows(t.destinations), m, "Where its flows end up"),
            mixingNote(state),
          );
        }
      }
    }
    const mb = mirrorBlock({ place: place.id });
    if (mb) body.append(mb);
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
