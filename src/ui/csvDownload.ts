// "Download CSV" buttons of the analysis views: the view's rows with a header naming the view, unit,
// year, filters, scenario and sources (io/export/analysisCsv.ts). What you see is what you get.
import type { Flow } from "../domain/types";
import type { AnalysisTable } from "../state/analysisTables";
import { filtersInWords, scenarioInWords, sourcesInWords } from "../state/csvMeta";
import { volumeUnit } from "../state/volumeUnit";
import type { App } from "./app";
import { download } from "./download";
import { el } from "./dom";

export interface CsvContent {
  /** "Over time — Horgos". */
  view: string;
  /** The year(s) the rows are about. */
  year: string;
  table: AnalysisTable;
  /** Flows the rows rest on: their sources go in the header. */
  flows: readonly Pick<Flow, "sources">[];
  notes?: string[];
}

/** A button named `name` that downloads what `build` returns (nothing when it returns null). */
export function csvButton(app: App, name: string, build: () => CsvContent | null): HTMLButtonElement {
  const button = el("button", { type: "button", class: "csv-download" }, name);
  button.addEventListener("click", () => {
    const content = build();
    if (!content) {
      app.messages.show("There is nothing to download yet: the view is empty.", "info");
      return;
    }
    void (async () => {
      const { writeAnalysisCsv, csvFileName } = await import("../io/export/analysisCsv");
      const s = app.store.get();
      const text = writeAnalysisCsv(
        {
          view: content.view,
          unit: volumeUnit(app.dataset(), s.weighting.measure),
          year: content.year,
          filters: filtersInWords(s.filters),
          scenario: scenarioInWords(s.scenario),
          sources: sourcesInWords(app.dataset(), content.flows),
          notes: [`data: ${app.dataset().name}`, ...(content.notes ?? [])],
        },
        content.table,
      );
      download(csvFileName(content.view, content.year), text, "text/csv;charset=utf-8");
    })().catch((error: unknown) =>
      app.messages.show(`Download failed: ${error instanceof Error ? error.message : String(error)}`, "error"),
    );
  });
  return button;
}

/** "Save chart SVG (name)" and "Save chart PNG (name)" for a chart, with a caption saying what it shows. */
export function chartButtons(app: App, name: string, chart: () => { svg: SVGSVGElement; title: string; file: string } | null): HTMLElement {
  const svgButton = el("button", { type: "button", class: "chart-save" }, `Save the ${name} chart as SVG`);
  const pngButton = el("button", { type: "button", class: "chart-save" }, `Save the ${name} chart as PNG`);
  const caption = () => {
    const s = app.store.get();
    return [
      `${app.dataset().name} · ${volumeUnit(app.dataset(), s.weighting.measure)} · year shown ${s.year}${s.compareYear !== null ? `, compared with ${s.compareYear}` : ""}`,
      `Filters: ${filtersInWords(s.filters)} · Scenario: ${s.scenario ? s.scenario.name : "none"}`,
      "Made with Reroute",
    ];
  };
  const run = (png: boolean) => {
    const c = chart();
    if (!c) {
      app.messages.show("There is no chart to save yet.", "info");
      return;
    }
    void import("./charts/chartExport")
      .then(({ saveSvg, savePng }) => (png ? savePng(c.file, c.svg, c.title, caption()) : saveSvg(c.file, c.svg, c.title, caption())))
      .catch((error: unknown) =>
        app.messages.show(`Saving the chart failed: ${error instanceof Error ? error.message : String(error)}`, "error"),
      );
  };
  svgButton.addEventListener("click", () => run(false));
  pngButton.addEventListener("click", () => run(true));
  return el("div", { class: "chart-save-buttons" }, svgButton, pngButton);
}
