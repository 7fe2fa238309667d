// Import benchmark: a seeded ~50 MB flows CSV through importFiles vs papaparse's raw parse of the same
// text, in the same run. Run: npx tsx --expose-gc bench/import.ts (or import runImportBench()).
import Papa from "papaparse";
import { pathToFileURL } from "node:url";
import { importFilesSync } from "../src/io/import/importFiles";
import { mulberry32 as random } from "./seededRandom";

export interface ImportBenchResult {
  bytes: number;
  rows: number;
  importMs: number;
  papaMs: number;
  ratio: number;
  importHeapMB: number;
  papaHeapMB: number;
  flows: number;
}

export function generateFlowsCsv(targetBytes: number, seed = 1): { text: string; rows: number } {
  const next = random(seed);
  const places = Array.from({ length: 2000 }, (_, i) => `Place ${i}`);
  const parts: string[] = ["origin,destination,volume,year\n"];
  let size = parts[0]?.length ?? 0;
  let rows = 0;
  while (size < targetBytes) {
    const line = `${places[Math.floor(next() * places.length)]},${places[Math.floor(next() * places.length)]},${Math.floor(next() * 100000)},${2000 + Math.floor(next() * 25)}\n`;
    parts.push(line);
    size += line.length;
    rows++;
  }
  return { text: parts.join(""), rows };
}

function heapMB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1e6;
}

export function runImportBench(targetBytes = 50e6): ImportBenchResult {
  const { text, rows } = generateFlowsCsv(targetBytes);
  const bytes = new TextEncoder().encode(text);

  const papaBefore = heapMB();
  let t = performance.now();
  const raw = Papa.parse<string[]>(text, { delimiter: "," });
  const papaMs = performance.now() - t;
  const papaHeapMB = heapMB() - papaBefore;
  if (raw.data.length < rows) throw new Error("bench/import: papaparse read fewer rows than written");

  const importBefore = heapMB();
  t = performance.now();
  const result = importFilesSync([{ name: "flows.csv", bytes }], { defaultYear: 2024 });
  const importMs = performance.now() - t;
  const importHeapMB = heapMB() - importBefore;
  if (result.status !== "ok") throw new Error(`bench/import: import failed: ${result.issues[0]?.message}`);
  return { bytes: bytes.length, rows, importMs, papaMs, ratio: importMs / papaMs, importHeapMB, papaHeapMB, flows: result.summary.flows };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = runImportBench();
  console.log(
    `import bench: ${(r.bytes / 1e6).toFixed(1)} MB, ${r.rows} rows → ${r.flows} flows\n` +
      `  importFiles   ${r.importMs.toFixed(0)} ms, heap +${r.importHeapMB.toFixed(0)} MB (after GC, result kept)\n` +
      `  papaparse raw ${r.papaMs.toFixed(0)} ms, heap +${r.papaHeapMB.toFixed(0)} MB (after GC, rows kept)\n` +
      `  ratio ${r.ratio.toFixed(2)}× papaparse`,
  );
}
