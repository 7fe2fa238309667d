// Run-to-run ranges of the bench's targets: reads the output of several `npm run bench` runs (files that
// hold each run's "bench summary (paste)" block) and prints, for every target, each run's value, the range,
// the median and in how many runs it was met. The README's figures are these, never better.
//
//   npm run bench > /tmp/bench-1.txt   (three times, on a machine doing nothing else)
//   npx tsx bench/ranges.ts /tmp/bench-1.txt /tmp/bench-2.txt /tmp/bench-3.txt
import { readFileSync } from "node:fs";

export interface SummaryRow {
  target: string;
  measured: string;
  met: boolean | null;
}

export interface Summary {
  header: string[];
  rows: SummaryRow[];
}

/** The summary block of one bench output (the last one, if several). */
export function parseSummary(text: string): Summary | null {
  const start = text.lastIndexOf("----- bench summary (paste) -----");
  if (start < 0) return null;
  const end = text.indexOf("----- end of summary -----", start);
  const block = text
    .slice(start, end < 0 ? undefined : end)
    .split("\n")
    .slice(1);
  const header: string[] = [];
  const rows: SummaryRow[] = [];
  for (const line of block) {
    if (!line.startsWith("|")) {
      if (line.trim()) header.push(line.trim());
      continue;
    }
    const cells = line
      .split("|")
      .slice(1, -1)
      .map((c) => c.trim());
    if (cells.length !== 3 || cells[0] === "target" || /^-+$/.test(cells[0] ?? "")) continue;
    rows.push({ target: cells[0]!, measured: cells[1]!, met: cells[2] === "met" ? true : cells[2] === "NOT met" ? false : null });
  }
  return { header, rows };
}

/**
 * The figure a target is judged by, from its "measured" cell: the numbers before the first "(" — the
 * worst (largest) when there are several ("24.6 / 40.7 / 41.6 ms"); the long-task row leads with the task
 * besides sigma's draw ("longest besides sigma's draw 174 ms (…)"; earlier runs: "longest 1697 ms, of which
 * sigma's draw 34 ms", the task less the draw).
 */
export function headline(target: string, measured: string): number {
  const draw = /longest (\d+(?:\.\d+)?) ms, of which sigma's draw (-?\d+(?:\.\d+)?) ms/.exec(measured);
  if (draw) return Number(draw[1]) - Math.max(0, Number(draw[2]));
  const head = measured.split("(")[0] ?? "";
  const numbers = [...head.matchAll(/-?\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
  if (!numbers.length) return NaN;
  return /\/ /.test(head) ? Math.max(...numbers) : numbers[0]!;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const fmt = (x: number) =>
  !Number.isFinite(x) ? "—" : Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2);

/** The table of targets across runs (markdown). */
export function rangeTable(summaries: readonly Summary[]): string {
  const targets = [...new Set(summaries.flatMap((s) => s.rows.map((r) => r.target)))];
  const lines = [
    `| target | ${summaries.map((_, i) => `run ${i + 1}`).join(" | ")} | range | median | met |`,
    `|---|${summaries.map(() => "---|").join("")}---|---|---|`,
  ];
  for (const target of targets) {
    const rows = summaries.map((s) => s.rows.find((r) => r.target === target));
    const values = rows.map((r) => (r ? headline(target, r.measured) : NaN));
    const known = values.filter(Number.isFinite);
    const met = rows.filter((r) => r?.met === true).length;
    lines.push(
      `| ${target} | ${values.map(fmt).join(" | ")} | ${known.length ? `${fmt(Math.min(...known))}–${fmt(Math.max(...known))}` : "—"} | ${known.length ? fmt(median(known)) : "—"} | ${met} of ${summaries.length} runs |`,
    );
  }
  return lines.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = process.argv.slice(2);
  if (!files.length) {
    console.error("usage: tsx bench/ranges.ts <bench output> [<bench output> …]");
    process.exit(2);
  }
  const summaries = files.map((f) => {
    const s = parseSummary(readFileSync(f, "utf8"));
    if (!s) throw new Error(`${f}: no "bench summary (paste)" block`);
    return s;
  });
  summaries.forEach((s, i) => console.log(`Run ${i + 1} (${files[i]}):\n  ${s.header.join("\n  ")}`));
  console.log(`\n${rangeTable(summaries)}`);
}
