// `npx tsx bench/workerImport.ts [flows] [repeat]`: the import worker's own work, in Node, on the bench's
// seeded synthetic files (bench/synthetic.ts, the app's places.csv + flows.csv + sources.csv): importFilesSync
// with typed flow columns, as src/workers/import.worker.ts runs it, against papaparse's raw parse of the same
// texts (what bench/run.ts compares with in the page). Profile it with
// `node --cpu-prof --cpu-prof-dir=bench/out --import tsx bench/workerImport.ts 1000000 1`.
import Papa from "papaparse";
import { importFilesSync } from "../src/io/import/importFiles";
import { datasetToCsvFiles, generateTradeDataset } from "./synthetic";

const flows = Number(process.argv[2] ?? 100_000);
const repeat = Number(process.argv[3] ?? 3);
const csv = datasetToCsvFiles(generateTradeDataset({ flows, years: 5, seed: 11 }));
const texts = [csv.places, csv.flows, csv.sources];
const encoder = new TextEncoder();
const files = Object.entries(csv).map(([name, text]) => ({ name: `${name}.csv`, bytes: encoder.encode(text) }));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const papa: number[] = [];
const ours: number[] = [];
let rows = 0;
for (let i = 0; i < repeat; i++) {
  let t = performance.now();
  for (const text of texts) Papa.parse<string[]>(text, { delimiter: "," });
  papa.push(performance.now() - t);
  t = performance.now();
  const result = importFilesSync(files, { flowColumns: true });
  ours.push(performance.now() - t);
  if (result.status !== "ok") throw new Error(`bench/workerImport: ${result.issues.find((x) => x.severity === "error")?.message}`);
  rows = result.columns?.length ?? 0;
}
const mb = files.reduce((sum, file) => sum + file.bytes.length, 0) / 1e6;
console.log(
  `${flows.toLocaleString("en")} flows (${mb.toFixed(1)} MB) → ${rows.toLocaleString("en")} flow rows; importFilesSync (columns) ` +
    `${ours.map((x) => x.toFixed(0)).join(", ")} ms (median ${median(ours).toFixed(0)}); papaparse raw ${papa.map((x) => x.toFixed(0)).join(", ")} ms ` +
    `(median ${median(papa).toFixed(0)}); ${(median(ours) / median(papa)).toFixed(2)}×`,
);
