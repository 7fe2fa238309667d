import { describe, expect, it } from "vitest";
import { confirmLabel, issueText, MAX_LISTED_PROBLEMS, summaryView, yearsText } from "../../../src/ui/importSummary";
import { emptySummary, type ImportResult } from "../../../src/io/import/types";
import { file, read } from "../io/helpers";

describe("summaryView(result) lists what an import found", () => {
  it("gives format, counts, years, encoding and delimiter of a flowmap.blue pair with a Latin-1 byte", async () => {
    const locations = new Uint8Array([
      ...new TextEncoder().encode("id,name,lat,lon\r\nA,Almaty,43.2,76.9\r\nB,Bogot"),
      0xe1,
      ...new TextEncoder().encode(",4.7,-74.1\r\n"),
    ]);
    const result = await read([file("locations.csv", locations), file("flows.csv", "origin,dest,count\r\nA,B,5\r\nB,A,x\r\n")]);
    const view = summaryView(result);
    const rows = Object.fromEntries(view.rows.map((r) => [r.label, r.value]));
    expect(rows["Recognised as"]).toBe("flowmap.blue pair");
    expect(rows.Places).toBe("2");
    expect(rows.Flows).toBe("1");
    expect(rows.Years).toBe("1 (2024)");
    expect(rows.Encoding).toMatch(/Windows-1252/);
    expect(rows.Delimiter).toBe(result.summary.delimiter);
    expect(view.fixed.some((f) => /converted from Windows-1252/.test(f))).toBe(true);
    expect(view.problems.some((p) => /^flows\.csv,? line 3/.test(p.text))).toBe(true);
    expect(view.validRows).toBe(1);
  });

  it("shows the node-table join, the wide years, the attributes not summed, and data without time", async () => {
    const wide = await read(
      [
        file("edges.csv", "origin,destination,2019,2020,Average\n1,2,3,4,3.5\n"),
        file("nodes.csv", "code,name,lat,lon\n01,Almaty,43.2,76.9\n02,Bishkek,42.9,74.6\n"),
      ],
      { defaultYear: undefined },
    );
    const rows = Object.fromEntries(summaryView(wide).rows.map((r) => [r.label, r.value]));
    expect(rows["Node table"]).toBe("nodes.csv: 2 of 2 ids matched (column code)");
    expect(rows["Time axis"]).toBe("2 year columns: 2019–2020 → years");
    expect(rows["Attributes (not summed)"]).toBe("Average");
    expect(rows.Years).toBe("2 (2019, 2020)");
    const yearless = await read(
      [file("g.json", JSON.stringify({ directed: false, nodes: [{ id: "a" }, { id: "b" }], links: [{ source: "a", target: "b" }] }))],
      {
        defaultYear: undefined,
      },
    );
    const plain = Object.fromEntries(summaryView(yearless).rows.map((r) => [r.label, r.value]));
    expect(plain.Years).toBe("none: the files give no time (no Year control)");
    expect(plain.Edges).toBe("undirected (no arrows)");
    expect(plain.Weights).toBe("none: each flow counts its edges");
  });

  it("turns self-loops, aggregates, unknown references and missing coordinates into sentences", () => {
    const result: ImportResult = {
      status: "ok",
      format: "edge list CSV",
      dataset: null,
      summary: {
        ...emptySummary(),
        selfLoops: 2,
        aggregates: ["World"],
        unknownRefs: ["X", "Y"],
        placedByCountry: 1,
        withoutCoordinates: 3,
      },
      issues: [],
    };
    expect(summaryView(result).fixed).toEqual([
      "2 self-loops (a place trading with itself) kept in the data, not drawn as hops",
      "Aggregate partners flagged and left out of the graph: World",
      "Rows naming places no place list declares were left out: X, Y",
      "1 place without coordinates placed at their country's centroid",
      "3 places without coordinates (and no known country) drawn by the chain layout below the map",
    ]);
    const none = summaryView({ ...result, summary: { ...emptySummary(), places: 4, withoutCoordinates: 4 } });
    expect(none.fixed).toEqual([
      "No place has coordinates or a country name or code that Reroute knows: the graph opens in the chain layout (columns by role)",
    ]);
  });

  it("lists errors before warnings, at most 200, with the full count", () => {
    const issues = Array.from({ length: 250 }, (_, i) => ({
      severity: i === 249 ? ("error" as const) : ("warning" as const),
      file: "f.csv",
      line: i + 2,
      column: 1,
      message: `m${i}`,
    }));
    const view = summaryView({ status: "failed", format: "x", dataset: null, summary: emptySummary(), issues });
    expect(view.problems).toHaveLength(MAX_LISTED_PROBLEMS);
    expect(view.problemCount).toBe(250);
    expect(view.errorCount).toBe(1);
    expect(view.problems[0]).toEqual({ severity: "error", text: "f.csv, line 251, column 1: m249" });
    expect(view.validRows).toBe(0);
  });

  it("issueText leaves out parts that are not known", () => {
    expect(issueText({ severity: "error", file: "", line: 0, column: 0, message: "no file" })).toBe("no file");
    expect(issueText({ severity: "error", file: "a.csv", line: 4, column: 0, message: "bad" })).toBe("a.csv, line 4: bad");
    expect(issueText({ severity: "error", file: "a.csv", line: 4, column: 2, message: "a.csv line 4, column 2: bad" })).toBe(
      "a.csv line 4, column 2: bad",
    );
  });

  it("yearsText shortens runs; confirmLabel names the button", () => {
    expect(yearsText([2020, 2021, 2022, 2023])).toBe("4 (2020–2023)");
    expect(yearsText([2019, 2024])).toBe("2 (2019, 2024)");
    expect(yearsText([])).toBe("none");
    expect(confirmLabel(1)).toBe("Import 1 valid row");
    expect(confirmLabel(12345)).toBe("Import 12,345 valid rows");
  });
});
