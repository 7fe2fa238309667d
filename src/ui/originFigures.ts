// The figures of "Where it came from": bars of volume by place (share of the whole), and the mirror
// block when two reporters give different figures for the same hop. Text from data goes in as text nodes.
import type { OriginShare, RouteAnswers } from "../state/routeTrace";
import type { VolumeUnit } from "../state/volumeUnit";
import type { App } from "./app";
import { el } from "./dom";
import { formatInt, formatShare, formatVolume } from "./format";
import { boundOf } from "./traceMirror";

/** One bar per place, as long as its volume against the largest, with the figure and its share. */
export function originBars(rows: OriginShare[], m: VolumeUnit, label: string, placeName: (id: string) => string): HTMLUListElement {
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
}

/** "Two reporters, two figures" for a place or a flow, or null when no hop has two. */
export function mirrorBlock(
  app: App,
  rt: RouteAnswers,
  target: { place: string } | { from: string; to: string },
  placeName: (id: string) => string,
): HTMLElement | null {
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
}
