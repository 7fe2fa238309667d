import { describe, expect, it } from "vitest";
import { describeYearColumns, isMissingCell, numericColumns, yearColumns, yearOfHeader } from "../../../../src/io/import/wideYears";

describe("year headers", () => {
  it("reads the year headers tools write", () => {
    expect(["2010", "X2010", "Y2010", "yr_2010", "FY2010", "2010.0", "1899", "Total"].map((h) => yearOfHeader(h)?.year ?? null)).toEqual([
      2010,
      2010,
      2010,
      2010,
      2010,
      2010,
      null,
      null,
    ]);
    expect(["2020-01", "2020M02", "X2020.03", "Apr 2020", "2020 May", "2020-13"].map((h) => yearOfHeader(h))).toEqual([
      { year: 2020, month: 1 },
      { year: 2020, month: 2 },
      { year: 2020, month: 3 },
      { year: 2020, month: 4 },
      { year: 2020, month: 5 },
      null,
    ]);
  });

  it("needs two year columns to call a table wide", () => {
    expect(yearColumns(["origin", "dest", "2020"])).toEqual([]);
    expect(yearColumns(["origin", "dest", "2020", "2021"]).map((c) => c.index)).toEqual([2, 3]);
  });
});

describe("wide table helpers", () => {
  it("describes the time axis in one line", () => {
    expect(describeYearColumns(yearColumns(["o", "d", "2010", "2011", "2012", "2013", "2014"]))).toBe("5 year columns: 2010–2014 → years");
  });

  it("treats R's NA, Excel's #N/A, Eurostat's ':' and blanks as no value, 0 as a value", () => {
    expect(["", "NA", "#N/A", ":", "..", "-", "nan"].every(isMissingCell)).toBe(true);
    expect(isMissingCell("0")).toBe(false);
  });

  it("finds the numeric columns beside the years", () => {
    const headers = ["origin", "dest", "2020", "2021", "Average", "Rank", "Region", "Share"];
    const sample = [
      ["A", "B", "1", "2", "1.5", "1", "North", "12%"],
      ["A", "C", "3", "NA", "3", "2", "South", "NA"],
    ];
    expect(numericColumns(headers, sample, new Set([0, 1, 2, 3]))).toEqual(["Average", "Rank", "Share"]);
  });
});
