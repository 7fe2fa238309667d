import { describe, expect, it } from "vitest";
import type { PolicyEvent, Source } from "../../../src/domain/types";
import {
  decimalYear,
  eventOneLine,
  eventSources,
  formatEventDate,
  playYears,
  shortYear,
  tickLabels,
  tickNote,
  timeAxis,
} from "../../../src/state/timeline";

const ev = (id: string, date: string): PolicyEvent => ({
  id,
  date,
  year: Number(date.slice(0, 4)),
  title: id,
  summary: "",
  facts: [],
  sources: [],
});

describe("decimalYear", () => {
  it("places 6 Feb 2024 at 2024 + (31 + 5.5) / 366", () => {
    expect(decimalYear("2024-02-06", 2024)).toBeCloseTo(2024 + 36.5 / 366, 12);
  });
  it("places a month at its middle and a bare year at mid-year", () => {
    expect(decimalYear("2019-04", 2019)).toBeCloseTo(2019 + (90 + 15) / 365, 12);
    expect(decimalYear("2025", 2025)).toBe(2025.5);
  });
});

describe("timeAxis", () => {
  const axis = timeAxis([2019, 2020, 2023, 2024], [ev("late", "2025-12-10"), ev("early", "2019-04")]);
  it("runs from the first to the last year of data or events, 2019 → 2025, each year an equal band", () => {
    expect(axis.ticks.map((t) => t.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(axis.ticks[1]!.start).toBeCloseTo(1 / 7, 12);
    expect(axis.ticks[6]!.centre).toBeCloseTo(6.5 / 7, 12);
    expect(axis.ticks.map((t) => t.hasData)).toEqual([true, true, false, false, true, true, false]);
  });
  it("orders event markers by date and places them inside their year's band", () => {
    expect(axis.markers.map((m) => m.event.id)).toEqual(["early", "late"]);
    expect(axis.markers[1]!.at).toBeGreaterThan(6 / 7);
    expect(axis.markers[1]!.at).toBeLessThan(1);
  });
});

describe("playYears and dates", () => {
  it("plays on from the year after the current one, or from the start when at the end", () => {
    expect(playYears([2019, 2020, 2023, 2024], 2020)).toEqual([2023, 2024]);
    expect(playYears([2019, 2020, 2023, 2024], 2024)).toEqual([2019, 2020, 2023, 2024]);
  });
  it("formats event dates for people", () => {
    expect(formatEventDate("2024-02-06")).toBe("6 Feb 2024");
    expect(formatEventDate("2023-10")).toBe("Oct 2023");
  });
});

describe("event words and tick notes", () => {
  const source = (id: string, publisher: string): Source => ({ id, publisher, title: "", date: "", url: "", reliability: "" });
  const sources = [source("S1", "MOFCOM"), source("S2", "")];
  it("an event's one line names its sources' publishers, else their ids", () => {
    expect(eventOneLine({ summary: "Exports need a licence.", sources: ["S1", "S2", "S9"] }, sources)).toBe(
      "Exports need a licence. Source: MOFCOM; S2; S9.",
    );
    expect(eventOneLine({ summary: "No sources.", sources: [] }, sources)).toBe("No sources.");
    expect(eventSources({ sources: ["S9", "S1"] }, sources)).toEqual([
      { id: "S9", source: undefined },
      { id: "S1", source: sources[0] },
    ]);
  });
  it("a tick says no data, reported figures only, or nothing", () => {
    const flowYears = new Set([2023, 2024]);
    expect(tickNote({ year: 2019, hasData: false }, flowYears)).toBe("No data for this year");
    expect(tickNote({ year: 2022, hasData: true }, flowYears)).toBe("Reported figures only: no used-car routes published");
    expect(tickNote({ year: 2024, hasData: true }, flowYears)).toBe("");
  });
});

describe("tick labels", () => {
  it("writes whole years when each has 36 px, short ones from 24 px, then every few years", () => {
    // 7 years: 252 px → 36 each → whole; 210 px → 30 → short; 112 px → 16 → short, every ⌈24/16⌉ = 2nd.
    expect(tickLabels(252, 7)).toEqual({ form: "full", every: 1 });
    expect(tickLabels(210, 7)).toEqual({ form: "short", every: 1 });
    expect(tickLabels(112, 7)).toEqual({ form: "short", every: 2 });
    expect(tickLabels(0, 7).every).toBeGreaterThan(7);
    expect(shortYear(2019)).toBe("’19");
    expect(shortYear(2005)).toBe("’05");
  });
});
