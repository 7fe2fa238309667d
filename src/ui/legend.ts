// The legend: edge widths with the real volumes they stand for, node kinds, lanes, and what light flows mean.
import { LANES } from "../domain/lanes";
import { PLACE_KINDS, type Basis } from "../domain/types";
import { CONTEXT_SWATCH } from "../state/contextEdges";
import type { VolumeUnit } from "../state/volumeUnit";
import type { LaneSwatch } from "../state/legendSwatches";
import { BASIS_SAMPLE, BASIS_TINT, domesticLaneLabel, KIND_COLOURS, kindLabels, tint } from "../state/palette";
import type { WidthScale } from "../state/widthScale";
import { clear, el } from "./dom";
import { formatCompact } from "./format";

const SCALE_NAMES = { linear: "linear", sqrt: "square root", log: "logarithmic" } as const;

/** `swatches`: the lanes of the flows drawn ("domestic" for origin → exit legs), each in the shades drawn. */
export function renderLegend(
  root: HTMLElement,
  widthScale: WidthScale,
  unit: VolumeUnit,
  swatches: LaneSwatch[],
  datasetId: string,
  /** Which extent the widths map from, said under the title ("One scale for every year (2019–2024)"). */
  scaleNote = "",
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
      scaleNote ? el("div", { class: "legend-note", "data-testid": "legend-scale-note" }, scaleNote) : null,
      widths.length && swatches.length
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
  const laneLabel = (id: string) =>
    id === "domestic" ? domesticLaneLabel({ id: datasetId }) : (LANES.find((l) => l.id === id)?.label ?? id);
  // A shade no lane has (every flow modelled, say) gets no column at all.
  const anyFull = swatches.some((l) => l.full);
  const anyModelled = swatches.some((l) => l.modelled);
  const swatch = (colour: string | null, what: string, column: boolean) =>
    !column
      ? null
      : colour
        ? el("span", { class: "legend-line legend-swatch", style: `height:6px;background:${colour}`, "data-colour": colour, title: what })
        : el("span", { class: "legend-line legend-swatch legend-swatch-none", "aria-hidden": "true" });
  if (swatches.length)
    root.appendChild(
      el(
        "div",
        { class: "legend-block", "data-testid": "legend-lanes" },
        el("div", { class: "legend-title" }, "Lanes"),
        swatches.map((l) =>
          el(
            "div",
            { class: "legend-row", "data-lane": l.lane },
            swatch(l.full, "reported or derived", anyFull),
            swatch(l.modelled, "modelled estimate", anyModelled),
            el("span", {}, laneLabel(l.lane)),
          ),
        ),
      ),
    );
  const bases = shown.bases ?? new Set<Basis>(["reported", "modelled"]);
  const reported = bases.has("reported") || bases.has("derived");
  const rows = [
    reported
      ? el(
          "div",
          { class: "legend-row", "data-basis": "reported" },
          el("span", { class: "legend-line", style: `height:6px;background:${BASIS_SAMPLE}` }),
          el("span", {}, "Reported or derived figure"),
        )
      : null,
    bases.has("modelled")
      ? el(
          "div",
          { class: "legend-row", "data-basis": "modelled" },
          el("span", { class: "legend-line", style: `height:6px;background:${tint(BASIS_SAMPLE, BASIS_TINT.modelled)}` }),
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
