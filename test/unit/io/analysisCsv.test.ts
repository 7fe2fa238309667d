import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildYearGraph } from "../../../src/domain/buildYearGraph";
import { originBands } from "../../../src/analysis/originBands";
import { throughNode } from "../../../src/analysis/throughNode";
import { csvFileName, readAnalysisCsv, writeAnalysisCsv, type CsvMeta } from "../../../src/io/export/analysisCsv";
import {
  comparisonTable,
  flowTableTable,
  numericColumns,
  originMixTable,
  sankeyTable,
  throughNodeTable,
  timeSeriesTable,
  traceChainsTable,
  mirrorPairsTable,
  type AnalysisTable,
} from "../../../src/state/analysisTables";
import { compareYears } from "../../../src/state/compareYears";
import { flowRows } from "../../../src/state/flowTable";
import { createRouteTrace } from "../../../src/state/routeTrace";
import { mixSankey } from "../../../src/state/sankeyBands";
import { timeSeries } from "../../../src/state/timeSeries";
import { DEFAULT_FILTERS, DEFAULT_TRACE } from "../../../src/state/viewState";
import { loadShippedDataset } from "../../../src/domain/shippedDataset";
import { dataset, flows, places } from "../state/analysisFixture";

const meta: CsvMeta = {
  view: "Over time — the whole dataset",
  unit: "vehicles",
  year: "2023–2025",
  filters: "hidden lanes: Caucasus",
  scenario: "Horgos closed — what if the Horgos crossing closed?",
  sources: ["reuters-2025-06 — Reuters, “China auto industry inflates sales”, 2025-06, https://example.org/a,b"],
  notes: ["Volumes by proportional tracing."],
};
const nameOf = (id: string) => places.find((p) => p.id === id)?.name ?? id;
const byId = new Map(places.map((p) => [p.id, p]));

function roundTrip(table: AnalysisTable, m: CsvMeta = meta) {
  const text = writeAnalysisCsv(m, table);
  const back = readAnalysisCsv(text, numericColumns(table));
  // CSV has one empty cell for "no value" and "empty text": both read back as null.
  const rounded = table.rows.map((r) => r.map((c) => (typeof c === "number" ? Math.round(c * 1e6) / 1e6 : c === "" ? null : c)));
  expect(back.meta).toEqual(m);
  expect(back.table).toEqual({ columns: table.columns, rows: rounded });
  return text;
}

describe("analysis CSV", () => {
  it("writes the header lines, then the table; numbers plain, missing values empty", () => {
    const text = writeAnalysisCsv(meta, {
      columns: ["year", "total", "note"],
      rows: [
        [2023, 180.1234567, "a, b"],
        [2024, null, null],
      ],
    });
    expect(text).toBe(
      [
        "# Reroute: Over time — the whole dataset",
        "# unit: vehicles",
        "# year: 2023–2025",
        "# filters: hidden lanes: Caucasus",
        "# scenario: Horgos closed — what if the Horgos crossing closed?",
        "# source: reuters-2025-06 — Reuters, “China auto industry inflates sales”, 2025-06, https://example.org/a,b",
        "# note: Volumes by proportional tracing.",
        "year,total,note",
        '2023,180.123457,"a, b"',
        "2024,,",
        "",
      ].join("\n"),
    );
  });

  it("round-trips every analysis view of the fixture", () => {
    roundTrip(
      timeSeriesTable(
        timeSeries({ dataset, flows, filters: { ...DEFAULT_FILTERS }, measure: "vehicles" }, { kind: "dataset" }, "origin"),
        nameOf,
      ),
    );
    roundTrip(comparisonTable(compareYears({ places, flows, filters: { ...DEFAULT_FILTERS }, measure: "vehicles" }, 2023, 2025), nameOf));
    roundTrip(flowTableTable(flowRows(flows, byId)));
    const g = buildYearGraph(dataset, 2023);
    roundTrip(sankeyTable(mixSankey(originBands(g, "m"), byId), nameOf));
    roundTrip(throughNodeTable(throughNode(g, "t"), nameOf));
    const trace = createRouteTrace();
    const inputs = { dataset, flows, year: 2023, measure: "vehicles" as const };
    roundTrip(traceChainsTable(trace.trace(inputs, { ...DEFAULT_TRACE, origin: "o1", destination: "m" })!, nameOf));
    roundTrip(originMixTable(trace.placeMix(inputs, "m")!, nameOf));
  });

  it("round-trips the shipped data's mirror pairs", () => {
    const ds = loadShippedDataset();
    const trace = createRouteTrace();
    const gaps = trace.mirror(ds, { place: "kg" });
    expect(gaps.length).toBeGreaterThan(0);
    const table = mirrorPairsTable(gaps, (id) => ds.places.find((p) => p.id === id)?.name ?? id);
    expect(table.rows.length).toBeGreaterThan(0);
    roundTrip(table);
  });

  it("the time series table has one column per stack key and keeps gaps empty", () => {
    const t = timeSeriesTable(
      timeSeries({ dataset, flows, filters: { ...DEFAULT_FILTERS }, measure: "vehicles" }, { kind: "dataset" }, "lane"),
      (k) => `lane ${k}`,
    );
    expect(t.columns).toEqual(["year", "total", "basis", "missing", "lane a", "lane b"]);
    expect(t.rows).toEqual([
      [2023, 180, "modelled", null, 150, 30],
      [2024, null, null, "absent", null, null],
      [2025, 200, "projected", null, 200, 0],
    ]);
  });

  it("round-trips any text and numbers (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ minLength: 1, maxLength: 12, unit: "binary" }), fc.double({ min: -1e9, max: 1e9, noNaN: true })), {
          minLength: 1,
          maxLength: 8,
        }),
        (rows) => {
          const table: AnalysisTable = { columns: ["name", "value"], rows: rows.map(([a, b]) => [a, b]) };
          const back = readAnalysisCsv(writeAnalysisCsv(meta, table), new Set(["value"]));
          expect(back.table.rows).toEqual(rows.map(([a, b]) => [a, Math.round(b * 1e6) / 1e6 || 0]));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("line breaks in the header's words cannot start a new line", () => {
    const text = writeAnalysisCsv({ ...meta, scenario: "two\nlines\r\n# unit: fake" }, { columns: ["a"], rows: [[1]] });
    expect(text.split("\n").filter((l) => l.startsWith("# unit:"))).toEqual(["# unit: vehicles"]);
    expect(readAnalysisCsv(text, new Set(["a"])).meta.scenario).toBe("two lines # unit: fake");
  });

  it("names files after the view and year", () => {
    expect(csvFileName("Over time — Horgos", "2019–2025")).toBe("reroute-over-time-horgos-2019-2025.csv");
  });
});
