import { describe, expect, it } from "vitest";
import { headline, parseSummary, rangeTable } from "../../../bench/ranges";

const run = (load: number, long: string, js: string, hover: string) => `noise before
----- bench summary (paste) -----
Reroute bench, 2026-12-03T03:50 UTC, commit abc1234; sizes 1,000 / 1,000,000 flows.
Load average (1 / 5 / 15 min): 0.10 / 0.20 / 0.30 at the start, 1.00 / 0.50 / 0.40 at the end (2 cores).

| target | measured | |
|---|---|---|
| 1M flows: load to first frame ≤ 5 s | ${load} ms (parse 1 + apply 2; flowmap.gl 3 ms) | ${load <= 5000 ? "met" : "NOT met"} |
| 1M flows: no main-thread task > 200 ms in import and apply, other than sigma's draw | ${long} | NOT met |
| Threshold / year / weighting JS ≤ 15 ms at 100,000 (the dispatch less sigma's draw) | ${js} | NOT met |
| Hover frame ≤ 1.2× bare sigma at 100k (this run; the issue asks for the median of three runs) | ${hover} | met |
----- end of summary -----
`;

describe("bench ranges", () => {
  it("reads a summary block: its header lines and each target's measured cell and verdict", () => {
    const s = parseSummary(
      run(4800, "longest 250 ms, of which sigma's draw 60 ms; 1 task(s) over 200 ms", "1 / 2 / 3 ms", "1.10× (2 / 1 ms)"),
    )!;
    expect(s.header[0]).toMatch(/^Reroute bench/);
    expect(s.rows.map((r) => r.met)).toEqual([true, false, false, true]);
    expect(parseSummary("no block here")).toBeNull();
  });

  it("judges each target by its headline figure: the first number, the worst of several, a task less sigma's draw", () => {
    expect(headline("load", "15448 ms (parse 10078 + apply 5370; flowmap.gl 26228 ms)")).toBe(15448);
    expect(headline("js", "24.6 / 40.7 / 41.6 ms (before the draw: 1 / 2 / 3 ms; with it: 9 / 9 / 9 ms)")).toBe(41.6);
    expect(headline("long", "longest 1697 ms, of which sigma's draw 34 ms; 20 task(s) over 200 ms")).toBe(1663);
    expect(
      headline(
        "long",
        "longest besides sigma's draw 174 ms (0 over 200 ms); longest of all 693 ms, of which waiting for sigma's WebGL draw 598 ms (sigma's draw calls 1 ms of JS)",
      ),
    ).toBe(174);
    expect(headline("ratio", "4.59× (1679 / 366 ms)")).toBe(4.59);
    expect(headline("none", "—")).toBeNaN();
  });

  it("prints each run's figure, the range, the median and in how many runs a target was met", () => {
    const table = rangeTable([
      parseSummary(run(4800, "longest 250 ms, of which sigma's draw 60 ms", "1 / 2 / 3 ms", "1.10× (x)"))!,
      parseSummary(run(5600, "longest 300 ms, of which sigma's draw 0 ms", "4 / 2 / 3 ms", "1.30× (x)"))!,
      parseSummary(run(5000, "longest 190 ms, of which sigma's draw 10 ms", "1 / 9 / 3 ms", "1.20× (x)"))!,
    ]);
    const row = (prefix: string) => table.split("\n").find((l) => l.startsWith(`| ${prefix}`))!;
    expect(row("1M flows: load")).toBe("| 1M flows: load to first frame ≤ 5 s | 4800 | 5600 | 5000 | 4800–5600 | 5000 | 2 of 3 runs |");
    // 250 − 60 = 190, 300 − 0 = 300, 190 − 10 = 180.
    expect(row("1M flows: no")).toContain("| 190 | 300 | 180 | 180–300 | 190 |");
    expect(row("Threshold")).toContain("| 3.00 | 4.00 | 9.00 | 3.00–9.00 | 4.00 |");
    expect(row("Hover")).toContain("| 1.10 | 1.30 | 1.20 | 1.10–1.30 | 1.20 | 3 of 3 runs |");
  });
});
