// The trace UI: "Route tracing" (Origin → Destination: the best re-export chains, their attributed
// volumes, the simple paths) and "Where it came from" (origin mix and mass balance of the selected place
// or flow, flows through a place, mirror figures). Numbers come from state/routeTrace (docs/methods.md); the
// mixing assumption is stated next to every attributed figure. Text from data goes in as text nodes.
import "./routePanel.css";
import type { Chain } from "../analysis";
import type { Place } from "../domain/types";
import type { Highlight } from "../state/highlight";
import { findPlaces, normaliseName, type PlaceMatch } from "../state/placeSearch";
import { clearTrace, setTrace } from "../state/producers";
import {
  createRouteTrace,
  noRouteText,
  SIMPLE_MAX_DEPTH,
  UNEXPLAINED_ORIGIN,
  type OriginShare,
  type RouteInputs,
  type TraceResult,
} from "../state/routeTrace";
import type { ViewState } from "../state/viewState";
import { volumeUnit, type VolumeUnit } from "../state/volumeUnit";
import type { App } from "./app";
import { clear, el } from "./dom";
import { formatInt, formatShare, formatVolume } from "./format";
import { trackAnimation } from "./signals";
import { createBigGraphTrace, PENDING, traceSource, type TraceSource } from "./traceBigGraph";
import { boundOf, hopMirrorNote } from "./traceMirror";

const KIND_WORDS: Record<Place["kind"], string> = {
  origin: "province / city",
  exit: "exit point",
  transit: "transit country / hub",
  market: "final market",
};

export function mixingNote(state: ViewState, extra = ""): HTMLElement {
  const edited = Object.keys(state.assumptions).length > 0;
  return el(
    "p",
    { class: "rt-assumption" },
    `Proportional tracing: each place is assumed to mix what it receives; modelled flows included${edited ? ", with edited assumptions" : ""}.${extra}`,
  );
}

export function routeInputs(app: App): RouteInputs {
  const s = app.store.get();
  return { dataset: app.dataset(), flows: app.derived().flows, year: s.year, measure: s.weighting.measure };
}

function placeName(app: App, id: string): string {
  if (id === UNEXPLAINED_ORIGIN) return "Unexplained (sent on more than received)";
  return app.derived().placesById.get(id)?.name ?? id;
}

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

interface Field {
  key: "origin" | "destination";
  input: HTMLInputElement;
  list: HTMLUListElement;
  wrap: HTMLElement;
  matches: PlaceMatch[];
  active: number;
  chosen: string | null;
}

export function mountTrace(app: App): void {
  // Past 20k flows a year the selectors run in workers (traceBigGraph); below, on this thread (< 20 ms).
  const big = createBigGraphTrace(() => renderAll());
  const rt = traceSource(createRouteTrace(), big);
  const body = app.panel.addSection("trace", "Route tracing", { open: true, order: 5 });
  const originsBody = app.panel.addSection("origins", "Where it came from", { open: true, order: 12 });

  const makeField = (key: Field["key"], label: string, listLabel: string): Field => {
    const id = `trace-${key}`;
    const input = el("input", {
      id,
      name: id,
      type: "text",
      role: "combobox",
      autocomplete: "off",
      spellcheck: "false",
      "aria-autocomplete": "list",
      "aria-expanded": "false",
      "aria-controls": `${id}-list`,
      placeholder: "type a place name",
    });
    const list = el("ul", { id: `${id}-list`, role: "listbox", class: "rt-suggest", "aria-label": listLabel, hidden: true });
    const wrap = el("div", { class: "rt-field" }, el("label", { for: id, class: "control-label" }, label), input, list);
    return { key, input, list, wrap, matches: [], active: -1, chosen: null };
  };
  const fields = [
    makeField("origin", "Origin", "Places to start from"),
    makeField("destination", "Destination", "Places to end at"),
  ] as const;
  const traceButton = el("button", { type: "button", class: "rt-primary" }, "Trace");
  const clearButton = el("button", { type: "button" }, "Clear route");
  const simpleButton = el("button", { type: "button", "aria-pressed": "false" }, "List all simple paths");
  const armHint = el("p", { class: "hint rt-arm" }, "With a field focused, click a place on the graph to fill it.");
  const results = el("div", { class: "rt-results", "aria-live": "polite" });
  const yearLine = el("p", { class: "hint rt-year" });
  const simpleBox = el("div", { class: "rt-simple", hidden: true });
  body.append(
    el("div", { class: "rt-fields" }, fields[0].wrap, fields[1].wrap),
    armHint,
    yearLine,
    el("div", { class: "rt-buttons" }, traceButton, clearButton, simpleButton),
    big.statusElement("routes"),
    results,
    simpleBox,
  );

  // ---- type-ahead ----
  let armed: Field | null = null;
  const openList = (f: Field, on: boolean) => {
    f.list.hidden = !on;
    f.input.setAttribute("aria-expanded", String(on));
    if (!on) f.input.removeAttribute("aria-activedescendant");
  };
  const highlightOption = (f: Field, i: number) => {
    f.active = i;
    [...f.list.children].forEach((li, j) => li.setAttribute("aria-selected", String(j === i)));
    if (i >= 0) f.input.setAttribute("aria-activedescendant", `${f.input.id}-opt-${i}`);
    else f.input.removeAttribute("aria-activedescendant");
  };
  const choosePlace = (f: Field, p: Place) => {
    f.input.value = p.name;
    f.chosen = p.id;
    openList(f, false);
  };
  const renderSuggestions = (f: Field) => {
    f.matches = findPlaces(app.dataset().places, f.input.value, 10);
    clear(f.list);
    f.matches.forEach((m, i) => {
      const li = el(
        "li",
        { id: `${f.input.id}-opt-${i}`, role: "option", "aria-selected": "false", class: "rt-opt" },
        el("span", {}, m.place.name),
        el("span", { class: "rt-kind" }, ` · ${KIND_WORDS[m.place.kind]}`),
      );
      li.addEventListener("mousedown", (e) => {
        e.preventDefault();
        choosePlace(f, m.place);
      });
      f.list.append(li);
    });
    if (f.input.value.trim() && !f.matches.length)
      f.list.append(el("li", { class: "rt-none", role: "option", "aria-disabled": "true", "aria-selected": "false" }, "No place found"));
    openList(f, f.input.value.trim() !== "");
    highlightOption(f, f.matches.length ? 0 : -1);
  };
  for (const f of fields) {
    f.input.addEventListener("input", () => {
      f.chosen = null;
      renderSuggestions(f);
    });
    f.input.addEventListener("focus", () => {
      armed = f;
      f.wrap.classList.add("rt-armed");
    });
    f.input.addEventListener("blur", (e) => {
      openList(f, false);
      // Clicking the canvas takes focus nowhere (relatedTarget null): stay armed so the click fills the field.
      const to = (e as FocusEvent).relatedTarget as Node | null;
      if (to && !document.getElementById("graph")?.contains(to)) disarm();
    });
    f.input.addEventListener("keydown", (e) => {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        if (f.list.hidden) renderSuggestions(f);
        if (!f.matches.length) return;
        const d = e.key === "ArrowDown" ? 1 : -1;
        highlightOption(f, (f.active + d + f.matches.length) % f.matches.length);
      } else if (e.key === "Enter") {
        e.preventDefault();
        if (!f.list.hidden && f.matches.length) choosePlace(f, (f.matches[f.active] ?? f.matches[0]!).place);
        else runTrace();
      } else if (e.key === "Escape") {
        if (!f.list.hidden) {
          e.preventDefault();
          openList(f, false);
        } else disarm();
      }
    });
  }
  const disarm = () => {
    armed = null;
    for (const f of fields) f.wrap.classList.remove("rt-armed");
  };
  document.addEventListener("focusin", (e) => {
    if (armed && e.target !== armed.input) disarm();
  });

  // ---- running a trace ----
  const say = (text: string) => {
    clear(results);
    results.append(el("p", { class: "rt-say" }, text));
  };
  const runTrace = () => {
    const ids: string[] = [];
    for (const f of fields) {
      const label = f.key === "origin" ? "Origin" : "Destination";
      const p = f.chosen ? (app.derived().placesById.get(f.chosen) ?? null) : resolvePlace(app.dataset().places, f.input.value);
      if (!p) {
        say(
          f.input.value.trim()
            ? `No single place is called “${f.input.value.trim()}”: pick one from the list under ${label}.`
            : `Type a place in ${label}.`,
        );
        return;
      }
      choosePlace(f, p);
      ids.push(p.id);
    }
    if (ids[0] === ids[1]) {
      say("Origin and destination are the same place: pick two different places.");
      return;
    }
    app.store.dispatch(setTrace({ origin: ids[0]!, destination: ids[1]!, chain: null, through: null }));
  };
  traceButton.addEventListener("click", runTrace);
  clearButton.addEventListener("click", () => {
    for (const f of fields) {
      f.input.value = "";
      f.chosen = null;
      openList(f, false);
    }
    simpleButton.setAttribute("aria-pressed", "false");
    app.store.dispatch(clearTrace());
  });
  simpleButton.addEventListener("click", () => {
    simpleButton.setAttribute("aria-pressed", String(simpleButton.getAttribute("aria-pressed") !== "true"));
    renderSimple();
  });

  // ---- results ----
  let current: TraceResult | null = null;
  /** The results and chain index of the last render, and the route last chosen by the user or a link. */
  let lastResult: TraceResult["chains"] | null = null;
  let lastChain: number | null = null;
  let remembered: { o: string; d: string; nodes: string } | null = null;
  /** The remembered route's names while the year in view does not have it. */
  let lostRoute: string | null = null;
  let syncedTrace: ViewState["trace"] | null = null;
  let activeChain = -1;
  let chainList: HTMLElement | null = null;
  /** The unit of the volumes shown: the drawn measure read in the dataset's unit (vehicles, US$, units). */
  const measure = (): VolumeUnit => volumeUnit(app.dataset(), app.store.get().weighting.measure);
  const chainText = (c: { nodes: string[] }) => c.nodes.map((id) => placeName(app, id)).join(" → ");
  const weakestHop = (c: { nodes: string[]; volumes: number[]; bottleneck: number }) => {
    const i = c.volumes.indexOf(c.bottleneck);
    return i >= 0 ? `${placeName(app, c.nodes[i]!)} → ${placeName(app, c.nodes[i + 1]!)}` : "";
  };

  const renderResults = () => {
    const state = app.store.get();
    yearLine.textContent = `Chains for ${state.year}, the year in view (change it with Year).`;
    const { origin, destination } = state.trace;
    // Fill the fields from the state when the trace changes (a run, a link, a saved view), not on every
    // render: what the user is typing for the next trace stays while they select places.
    if (state.trace !== syncedTrace) {
      syncedTrace = state.trace;
      for (const f of fields) {
        const id = state.trace[f.key];
        if (id && document.activeElement !== f.input) {
          f.chosen = id;
          f.input.value = placeName(app, id);
        }
      }
    }
    const traced = origin && destination ? rt.trace(routeInputs(app), state.trace) : null;
    current = traced === PENDING ? null : traced;
    clear(results);
    chainList = null;
    if (!origin || !destination) return;
    if (traced === PENDING) {
      say(`Looking for the routes from ${placeName(app, origin)} to ${placeName(app, destination)}…`);
      return;
    }
    if (!current && big.active(routeInputs(app)) && app.derived().placesById.has(origin) && app.derived().placesById.has(destination))
      return; // stopped or failed: its status line says so
    if (!current) {
      say(`Can't trace: “${origin}” or “${destination}” is not a place of this dataset.`);
      return;
    }
    const m = measure();
    const a = placeName(app, origin),
      b = placeName(app, destination);
    const r = current.chains;
    // The chosen chain is an index in the state (links carry it); when the year, the assumptions or the
    // data change the results, follow the chosen route itself: re-point the index, or say it is gone.
    const routeKey = (c: { nodes: string[] }) => c.nodes.join(">");
    const stateChain = state.trace.chain !== null && state.trace.chain < r.chains.length ? state.trace.chain : null;
    if (state.trace.chain === lastChain) {
      if (r !== lastResult && remembered && remembered.o === origin && remembered.d === destination) {
        const at = r.chains.findIndex((c) => routeKey(c) === remembered!.nodes);
        lostRoute =
          at < 0
            ? remembered.nodes
                .split(">")
                .map((id) => placeName(app, id))
                .join(" → ")
            : null;
        const next = at >= 0 ? at : null;
        if (next !== state.trace.chain) queueMicrotask(() => app.store.dispatch(setTrace({ chain: next })));
        lastChain = next;
      }
    } else {
      // Chosen (or cleared) by the user or a link: remember that route.
      remembered = stateChain !== null ? { o: origin, d: destination, nodes: routeKey(r.chains[stateChain]!) } : null;
      lastChain = state.trace.chain;
      lostRoute = null;
    }
    lastResult = r;
    const lostNote =
      lostRoute &&
      remembered &&
      remembered.o === origin &&
      remembered.d === destination &&
      el(
        "p",
        { class: "rt-warn" },
        `The route you chose, ${lostRoute}, carries nothing in ${state.year}; it is chosen again in a year that has it.`,
      );
    if (r.chains.length === 0) {
      say(noRouteText(app.derived().flows, app.dataset().places, origin, destination, a, b, state.year));
      if (lostNote) results.append(lostNote);
      return;
    }
    const n = r.chains.length;
    const shown = `the ${n === 1 ? "chain" : `${n} chains`} shown ${n === 1 ? "carries" : "carry"}`;
    // A place that starts nothing itself (an exit point, a hub) has no volume of its own to attribute: every
    // vehicle is traced from where it started. Its chains are still the routes on, each with its share of
    // what passes through it (the product of the hop shares), rather than "0 vehicles attributed".
    const startsNothing = r.total === 0 && r.passing === 0;
    const coverage =
      r.total > 0
        ? `The ${n === 1 ? "chain" : `${n} chains`} shown ${n === 1 ? "covers" : "cover"} ${formatShare(r.coverage)} of the ${formatVolume(r.total, m)} ${a} sends that end in ${b} (${state.year}).`
        : startsNothing
          ? `${a} starts nothing of its own in ${state.year}: all it sends arrived from elsewhere, and tracing follows each unit from where it started. Below, the routes from ${a} to ${b} with the share of what passes through ${a} that each takes; trace from a province or city for attributed volumes.`
          : `${b} keeps none of it: ${shown} ${formatShare(r.coverage)} of the ${formatVolume(r.passing, m)} from ${a} that pass through ${b} (${state.year}).`;
    results.append(el("p", { class: "rt-coverage" }, coverage), mixingNote(state));
    if (lostNote) results.append(lostNote);
    const list = el("ul", { role: "listbox", class: "rt-chains", tabindex: "0", "aria-label": "Chains found, best first" });
    chainList = list;
    const chosen = lastChain !== null && lastChain < n ? lastChain : -1;
    activeChain = chosen;
    r.chains.forEach((c, i) => {
      const li = el(
        "li",
        { id: `trace-chain-${i}`, role: "option", class: "rt-chain", "aria-selected": String(i === chosen) },
        el("div", { class: "rt-chain-name" }, chainText(c)),
        el(
          "div",
          { class: "rt-chain-figures" },
          startsNothing
            ? `${formatShare(c.product)} of what passes through ${a} · bottleneck ${formatVolume(c.bottleneck, m)} (${weakestHop(c)})`
            : `${formatVolume(r.total > 0 ? c.volume : c.arriving, m)} attributed · ${formatShare(c.share)} of ${a} → ${b} · bottleneck ${formatVolume(c.bottleneck, m)} (${weakestHop(c)})`,
        ),
      );
      if (i === chosen) li.append(hopList(c, m));
      li.addEventListener("click", () => chooseChain(i));
      list.append(li);
    });
    if (chosen >= 0) list.setAttribute("aria-activedescendant", `trace-chain-${chosen}`);
    list.addEventListener("keydown", onChainKey);
    results.append(list, el("p", { class: "hint" }, "↑/↓ move through the chains, Enter shows one on the graph, Esc clears it."));
  };

  const hopList = (c: Chain, m: VolumeUnit) => {
    const ol = el("ol", { class: "rt-hops" });
    c.volumes.forEach((v, h) =>
      ol.append(el("li", {}, `${placeName(app, c.nodes[h]!)} → ${placeName(app, c.nodes[h + 1]!)}: ${formatVolume(v, m)}`)),
    );
    // Hops where both sides published a figure for the year: both figures, periods and the gap (traceMirror).
    const year = app.store.get().year;
    const notes = c.volumes
      .map((_, h) => {
        const note = hopMirrorNote(app.dataset(), rt.mirror(app.dataset(), { from: c.nodes[h]!, to: c.nodes[h + 1]! }), year);
        return note && el("div", {}, el("strong", {}, `${placeName(app, c.nodes[h]!)} → ${placeName(app, c.nodes[h + 1]!)}`), note);
      })
      .filter((x): x is HTMLDivElement => x !== null);
    return notes.length ? el("div", {}, ol, el("div", { class: "rt-hop-mirrors" }, notes)) : ol;
  };

  const moveActive = (i: number) => {
    if (!chainList) return;
    activeChain = i;
    [...chainList.children].forEach((li, j) => li.setAttribute("aria-selected", String(j === i)));
    if (i >= 0) {
      chainList.setAttribute("aria-activedescendant", `trace-chain-${i}`);
      chainList.children[i]?.scrollIntoView({ block: "nearest" });
    } else chainList.removeAttribute("aria-activedescendant");
  };
  const onChainKey = (e: KeyboardEvent) => {
    const n = current?.chains.chains.length ?? 0;
    if (!n) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const d = e.key === "ArrowDown" ? 1 : -1;
      moveActive(activeChain < 0 ? (d > 0 ? 0 : n - 1) : (activeChain + d + n) % n);
    } else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      if (activeChain >= 0) chooseChain(activeChain);
    } else if (e.key === "Escape") {
      e.preventDefault();
      app.store.dispatch(setTrace({ chain: null }));
      chainList?.focus();
    }
  };
  const chooseChain = (i: number) => {
    const c = current?.chains.chains[i];
    if (!c) return;
    app.store.dispatch(setTrace({ chain: i, through: null }));
    chainList?.focus();
    void trackAnimation(app.renderer.fitNodes(c.nodes, true));
  };

  const renderSimple = () => {
    const on = simpleButton.getAttribute("aria-pressed") === "true";
    simpleBox.hidden = !on;
    clear(simpleBox);
    if (!on) return;
    const { origin, destination } = app.store.get().trace;
    if (!origin || !destination) {
      simpleBox.append(el("p", { class: "rt-say" }, "Trace a route first: the simple paths are those from Origin to Destination."));
      return;
    }
    const found = rt.simple(routeInputs(app), origin, destination);
    if (found === PENDING) {
      simpleBox.append(el("p", { class: "rt-say" }, "Listing the simple paths…"));
      return;
    }
    const s = found;
    const a = placeName(app, origin),
      b = placeName(app, destination);
    if (!s || s.paths.length === 0) {
      simpleBox.append(el("p", { class: "rt-say" }, `No simple path of at most ${SIMPLE_MAX_DEPTH} hops from ${a} to ${b}.`));
      if (s?.stoppedEarly) simpleBox.append(el("p", { class: "rt-warn" }, stoppedText(s.stoppedEarly)));
      return;
    }
    const m = measure();
    simpleBox.append(
      el(
        "h3",
        {},
        `${s.paths.length} simple path${s.paths.length === 1 ? "" : "s"} of at most ${SIMPLE_MAX_DEPTH} hops, largest bottleneck first`,
      ),
    );
    if (s.stoppedEarly) simpleBox.append(el("p", { class: "rt-warn" }, stoppedText(s.stoppedEarly)));
    const ol = el("ol", { class: "rt-simple-list" });
    for (const p of s.paths)
      ol.append(
        el(
          "li",
          {},
          el("span", {}, chainText(p)),
          el("span", { class: "rt-chain-figures" }, ` — bottleneck ${formatVolume(p.bottleneck, m)} (${weakestHop(p)})`),
        ),
      );
    simpleBox.append(
      ol,
      el(
        "p",
        { class: "hint" },
        "Bottleneck: the smallest flow on the path, a plain upper bound on what can have used it end to end; no mixing assumption.",
      ),
    );
  };
  const stoppedText = (why: "count" | "time" | "depth") =>
    `Search stopped early (${why === "count" ? "too many paths" : why === "time" ? "time limit" : `routes longer than ${SIMPLE_MAX_DEPTH} hops were not followed`}): the list may be incomplete.`;

  // ---- highlight ----
  let lastHighlightKey = "";
  let lastSet: Highlight | null = null;
  const syncHighlight = () => {
    const state = app.store.get();
    let h: Highlight | null = null;
    let key = "";
    // lastChain: the chain renderResults shows (it follows the chosen route when the results change).
    const chain = current && lastChain !== null ? current.chains.chains[lastChain] : undefined;
    if (chain) {
      h = { nodes: new Set(chain.nodes), edges: new Set(chain.edges.flat()) };
      key = `chain:${chain.edges.flat().join(",")}`;
    } else if (state.trace.through) {
      const t = rt.through(routeInputs(app), state.trace.through);
      if (t && t !== PENDING) {
        h = {
          nodes: new Set([t.node, ...t.upstreamNodes, ...t.downstreamNodes]),
          edges: new Set([...t.upstreamEdges, ...t.downstreamEdges]),
        };
        key = `through:${t.node}:${h.edges.size}:${[...h.edges].join(",")}`;
      }
    } else if (current && current.chains.chains.length) {
      const cs = current.chains.chains;
      h = { nodes: new Set(cs.flatMap((c) => c.nodes)), edges: new Set(cs.flatMap((c) => c.edges.flat())) };
      key = `all:${[...h.edges].join(",")}`;
    }
    if (key === lastHighlightKey && app.analysisHighlight() === lastSet) return;
    lastHighlightKey = key;
    lastSet = h;
    app.setAnalysisHighlight(h);
  };

  const origins = mountOrigins(app, originsBody, rt, big.statusElement("attribution"));
  const renderAll = () => {
    renderResults();
    renderSimple();
    syncHighlight();
    origins.render();
  };

  app.store.subscribe((state, prev) => {
    // A click on the graph while Origin or Destination is armed fills that field.
    if (armed && state.selection !== prev.selection && state.selection?.type === "node") {
      const p = app.derived().placesById.get(state.selection.id);
      if (p) {
        const f = armed;
        choosePlace(f, p);
        f.input.focus();
      }
    }
    if (state.trace !== prev.trace || state.selection !== prev.selection) renderAll();
  });
  app.onSceneChange(() => renderAll());
  app.onDatasetChange(() => {
    for (const f of fields) {
      f.input.value = "";
      f.chosen = null;
    }
    syncedTrace = null;
    lastHighlightKey = "";
    renderAll();
  });
  renderAll();
}

// ---- "Where it came from" ----
function mountOrigins(app: App, body: HTMLElement, rt: TraceSource, status: HTMLElement) {
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
          el("span", { class: "rt-bar-name" }, placeName(app, r.id)),
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
      box.append(el("p", { class: "rt-mirror-hop" }, `${placeName(app, g.from)} → ${placeName(app, g.to)}, ${g.year}`), ul);
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
    const inputs = routeInputs(app);
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
          `${placeName(app, fm.from)} → ${placeName(app, fm.to)} carries ${formatVolume(fm.volume, m)} in ${state.year}, by where it came from:`,
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
  return { render };
}
