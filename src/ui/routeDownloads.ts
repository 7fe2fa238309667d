// "Download CSV" for the trace views: the chains A → B, the origin mix of the selected place, the flows
// through it (upstream origins and downstream destinations), and the mirror pairs (two reporters, one hop)
// of the selected place or flow — each with its header (unit, year, filters, scenario, sources).
import { mirrorPairsTable, originMixTable, throughNodeTable, traceChainsTable } from "../state/analysisTables";
import { createRouteTrace } from "../state/routeTrace";
import type { App } from "./app";
import { csvButton } from "./csvDownload";
import { el } from "./dom";

export function mountRouteDownloads(app: App): void {
  const body = app.panel.addSection("route-files", "Route files", { open: false, order: 17 });
  const rt = createRouteTrace();
  const inputs = () => {
    const s = app.store.get();
    return { dataset: app.dataset(), flows: app.derived().flows, year: s.year, measure: s.weighting.measure };
  };
  const nameOf = (id: string) => app.select.placeName(app.store.data(), id);
  const selectedPlace = () => {
    const s = app.store.get();
    return s.selection?.type === "node" ? s.selection.id : (s.trace.through ?? s.trace.destination);
  };
  const year = () => String(app.store.get().year);
  body.append(
    el(
      "p",
      { class: "hint" },
      "The route views as files: the chains of the route, and where the selected place's cars came from, the flows through it and its mirror figures.",
    ),
    csvButton(app, "Chain list as CSV", () => {
      const r = rt.trace(inputs(), app.store.get().trace);
      if (!r) return null;
      return {
        view: `Trace chains — ${nameOf(r.origin)} → ${nameOf(r.destination)}`,
        year: year(),
        table: traceChainsTable(r, nameOf),
        flows: app.derived().visible.shown,
      };
    }),
    csvButton(app, "Provenance as CSV", () => {
      const place = selectedPlace();
      const mix = place ? rt.placeMix(inputs(), place) : null;
      if (!mix || !place) return null;
      return {
        view: `Origin mix — ${nameOf(place)}`,
        year: year(),
        table: originMixTable(mix, nameOf),
        flows: app.derived().visible.shown,
      };
    }),
    csvButton(app, "Flows through a place as CSV", () => {
      const place = selectedPlace();
      const t = place ? rt.through(inputs(), place) : null;
      if (!t || !place) return null;
      return { view: `Through ${nameOf(place)}`, year: year(), table: throughNodeTable(t, nameOf), flows: app.derived().visible.shown };
    }),
    csvButton(app, "Mirror pairs as CSV", () => {
      const s = app.store.get();
      const sel = s.selection;
      const flow = sel?.type === "edge" ? app.derived().flows.find((f) => f.id === sel.id) : undefined;
      const target: { place: string } | { from: string; to: string } | null = flow
        ? { from: flow.from, to: flow.to }
        : sel?.type === "node"
          ? { place: sel.id }
          : null;
      if (!target) return null;
      const gaps = rt.mirror(app.dataset(), target);
      if (!gaps.length) return null;
      const ids = gaps.flatMap((g) => g.figures.map((f) => f.id));
      const figures = app.dataset().context.filter((c) => ids.includes(c.id));
      return {
        view: `Mirror pairs — ${"place" in target ? nameOf(target.place) : `${nameOf(target.from)} → ${nameOf(target.to)}`}`,
        year: [...new Set(gaps.map((g) => g.year))].sort().join(", "),
        table: mirrorPairsTable(gaps, nameOf),
        flows: figures,
      };
    }),
  );
}
