// "Two reporters" on a hop of a traced chain (docs/methods.md, "Mirror statistics"): where both sides of a
// hop published a figure for the year (China's customs vs Kyrgyzstan's statistics), show both, their
// periods and the gap, never one picked. The figures count other things (all vehicles, other periods),
// so they sit beside the used-car volume and are never added to it. Text from data goes in as text.
import type { MirrorGap } from "../analysis";
import type { Dataset } from "../domain/types";
import { el } from "./dom";
import { formatInt, formatShare } from "./format";

/** The mirror pairs of a hop in one year, as a short note; null when the hop has none that year. */
/** A figure the source gives as a bound (its note starts ">221k", "≥", "<"): that sign before the number. */
export function boundOf(note: string | undefined): string {
  const m = /^\s*(>=|<=|>|<|≥|≤)/.exec(note ?? "");
  return m ? (({ ">=": "≥", "<=": "≤" } as Record<string, string>)[m[1]!] ?? m[1]!) : "";
}

export function hopMirrorNote(dataset: Dataset, gaps: readonly MirrorGap[], year: number): HTMLElement | null {
  const mine = gaps.filter((g) => g.year === year && g.figures.length > 1);
  if (!mine.length) return null;
  const byId = new Map(dataset.context.map((f) => [f.id, f]));
  const box = el("div", { class: "rt-hop-mirror" });
  for (const g of mine) {
    const figures = g.figures.map((f) => {
      const c = byId.get(f.id);
      return `${f.reporter}: ${boundOf(c?.note)}${formatInt(f.value)} ${f.unit} (${f.period}${c?.measure ? `, ${c.measure}` : ""})`;
    });
    box.append(el("span", { class: "rt-hop-mirror-label" }, "Two reporters: "), figures.join("; "));
    for (const cmp of g.comparisons) {
      const sign = cmp.gap >= 0 ? "+" : "−";
      box.append(
        el("br"),
        `Gap ${sign}${formatInt(Math.abs(cmp.gap))} ${g.unit} (${formatShare(Math.abs(cmp.relativeGap))} of their mean), ${cmp.b.reporter} against ${cmp.a.reporter}${cmp.periodsDiffer ? `; the periods differ (“${cmp.a.period}” vs “${cmp.b.period}”), so part of the gap is only time: not like for like` : ""}.`,
      );
    }
  }
  box.append(el("br"), "Other measures or periods than the used-car flow: shown beside it, not added in.");
  return box;
}
