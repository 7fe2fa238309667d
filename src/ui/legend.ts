// The legend: edge widths with the real volumes they stand for, node kinds, lanes, and what light flows mean.
import { LANES } from "../domain/lanes";
import { PLACE_KINDS, type Basis } from "../domain/types";
import type { VolumeUnit } from "../state/volumeUnit";
import { CONTEXT_SWATCH } from "../state/contextEdges";
import { BASIS_TINT, domesticLaneLabel, KIND_COLOURS, kindLabels, LANE_COLOURS, tint } from "../state/palette";
import type { WidthScale } from "../state/widthScale";
import { clear, el } from "./dom";
import { formatCompact } from "./format";

const SCALE_NAMES = { linear: "linear", sqrt: "square root", log: "logarithmic" } as const;

/** `lanesShown`: the colour lanes of the flows drawn ("domestic" for origin → exit legs). */
export function renderLegend(
  root: HTMLElement,
  widthScale: WidthScale,
  unit: VolumeUnit,
  lanesShown: Set<string>,
  datasetId: string,
  /** The bases of the flows drawn (only their styles are explained) and whether the context layer is drawn. */
  shown: { bases?: ReadonlySet<Basis>; context?: boolean } = {},
): void {
  const kindLabel = kindLabels({ id: datasetId });
  clear(root);
  const widths = widthScale.legend(3);
  root.appendChild(
    el(
      "div",
      { class: "legend-block", "data-testid": "legend-widths" },
      el("div", { class: "legend-title" }, `Flow width (${unit}, ${SCALE_NAMES[widthScale.kind]} scale)`),
      widths.length && lanesShown.size
        ? widths.map(({ value, width }) =>
            el(
              "div",
              { class: "legend-row" },
              el("span", { class: "legend-line", style: `height:${width.toFixed(1)}px`, "data-width": width.toFixed(2) }),
              el("span", { class: "legend-value" }, formatCompact(value, unit)),
            ),
          )
        : el("div", { class: "legend-empty" }, "No flows shown"),
    ),
  );
  root.appendChild(
    el(
      "div",
      { class: "legend-block" },
      el("div", { class: "legend-title" }, "Places"),
      PLACE_KINDS.map((k) =>
        el(
          "div",
          { class: "legend-row" },
          el("span", { class: "legend-dot", style: `background:${KIND_COLOURS[k]}` }),
          el("span", {}, kindLabel[k]),
        ),
      ),
    ),
  );
  const lanes = [{ id: "domestic", label: domesticLaneLabel({ id: datasetId }) }, ...LANES].filter((l) => lanesShown.has(l.id));
  if (lanes.length)
    root.appendChild(
      el(
        "div",
        { class: "legend-block" },
        el("div", { class: "legend-title" }, "Lanes"),
        lanes.map((l) =>
          el(
            "div",
            { class: "legend-row" },
            el("span", { class: "legend-line", style: `height:4px;background:${LANE_COLOURS[l.id] ?? "#999"}` }),
            el("span", {}, l.label),
          ),
        ),
      ),
    );
  const c = LANE_COLOURS["central-asia"] ?? "#d35400";
  const bases = shown.bases ?? new Set<Basis>(["reported", "modelled"]);
  const reported = bases.has("reported") || bases.has("derived");
  const rows = [
    reported
      ? el(
          "div",
          { class: "legend-row", "data-basis": "reported" },
          el("span", { class: "legend-line", style: `height:5px;background:${tint(c, BASIS_TINT.reported)}` }),
          el("span", {}, "Reported or derived figure"),
        )
      : null,
    bases.has("modelled")
      ? el(
          "div",
          { class: "legend-row", "data-basis": "modelled" },
          el("span", { class: "legend-line", style: `height:5px;background:${tint(c, BASIS_TINT.modelled)}` }),
          el("span", {}, "Modelled estimate (lighter)"),
        )
      : null,
    shown.context
      ? el(
          "div",
          { class: "legend-row", "data-testid": "legend-context" },
          el("span", { class: "legend-line", style: `height:3px;background:${CONTEXT_SWATCH}` }),
          el("span", {}, "Context: reported all-vehicle figure, straight line (not a used-car flow, never added to one)"),
        )
      : null,
  ].filter((row): row is HTMLDivElement => row !== null);
  if (!rows.length) return;
  root.appendChild(
    el("div", { class: "legend-block", "data-testid": "legend-basis" }, el("div", { class: "legend-title" }, "Basis"), rows),
  );
}
