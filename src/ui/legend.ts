// The legend: edge widths with the real volumes they stand for, node kinds, lanes, and what light flows mean.
import { LANES } from "../domain/lanes";
import { PLACE_KINDS } from "../domain/types";
import type { VolumeUnit } from "../state/volumeUnit";
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
): void {
  const kindLabel = kindLabels(datasetId);
  clear(root);
  const widths = widthScale.legend(3);
  root.appendChild(
    el(
      "div",
      { class: "legend-block", "data-testid": "legend-widths" },
      el("div", { class: "legend-title" }, `Flow width (${unit}, ${SCALE_NAMES[widthScale.kind]} scale)`),
      widths.length
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
  const lanes = [{ id: "domestic", label: domesticLaneLabel(datasetId) }, ...LANES].filter((l) => lanesShown.has(l.id));
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
  root.appendChild(
    el(
      "div",
      { class: "legend-block" },
      el("div", { class: "legend-title" }, "Basis"),
      el(
        "div",
        { class: "legend-row" },
        el("span", { class: "legend-line", style: `height:5px;background:${tint(c, BASIS_TINT.reported)}` }),
        el("span", {}, "Reported or derived figure"),
      ),
      el(
        "div",
        { class: "legend-row" },
        el("span", { class: "legend-line", style: `height:5px;background:${tint(c, BASIS_TINT.modelled)}` }),
        el("span", {}, "Modelled estimate (lighter)"),
      ),
    ),
  );
}
