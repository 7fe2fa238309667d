// The "Chart of" choice of the Over time chart: the options offered for a target, the one chosen, and the
// target an option stands for. Pure.
import type { SeriesTarget } from "./timeSeries";

export interface SeriesChoice {
  /** [value, label] in menu order. */
  options: [string, string][];
  value: string;
}

/**
 * Follow the selection, the whole dataset, each lane present (in `lanes` order), and the place or hop set in
 * the view (named by `nameOf`); the value chosen is the target's.
 */
export function seriesChoice(
  target: SeriesTarget | null,
  lanes: readonly { id: string; label: string }[],
  present: ReadonlySet<string>,
  nameOf: (id: string) => string,
): SeriesChoice {
  const options: [string, string][] = [
    ["follow", "The selection (else the whole dataset)"],
    ["dataset", "The whole dataset"],
  ];
  for (const l of lanes) if (present.has(l.id)) options.push([`lane:${l.id}`, `Lane: ${l.label}`]);
  const t = target;
  if (t?.kind === "place") options.push([`place:${t.id}`, nameOf(t.id)]);
  if (t?.kind === "flow") options.push([`flow:${t.from}>${t.to}>${t.mode ?? ""}`, `${nameOf(t.from)} → ${nameOf(t.to)}`]);
  const value =
    t === null
      ? "follow"
      : t.kind === "dataset"
        ? "dataset"
        : t.kind === "lane"
          ? `lane:${t.id}`
          : (options[options.length - 1]?.[0] ?? "follow");
  return { options, value };
}

/** The target an option stands for; a place or hop option keeps the target set in the view (`current`). */
export function seriesTargetOf(value: string, current: SeriesTarget | null): SeriesTarget | null {
  return value === "follow"
    ? null
    : value === "dataset"
      ? { kind: "dataset" }
      : value.startsWith("lane:")
        ? { kind: "lane", id: value.slice(5) }
        : current;
}
