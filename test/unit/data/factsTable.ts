// Reads the fact table of shared/facts/FACTS.md (CI copies shared/ beside the clone: ../shared).
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
export const FACTS_PATH = resolve(REPO_ROOT, "../shared/facts/FACTS.md");

/** FACTS row id → the row's text (all cells). */
export function readFactsTable(path: string = FACTS_PATH): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const match = /^\|\s*([A-Z]{1,2}\d{1,2})\s*\|(.*)$/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) rows.set(match[1], match[2]);
  }
  return rows;
}

/** Every number a text states, in the forms FACTS.md uses: 275,000 / 275000 / 275k / 1.06M / 0.3万 / 3.3%. */
export function numbersIn(text: string): number[] {
  const found: number[] = [];
  for (const match of text.matchAll(/(\d[\d,]*(?:\.\d+)?)\s*(万|k\b|M\b|bn\b)?/g)) {
    const raw = (match[1] ?? "").replace(/,(?=\d{3}(?!\d))/g, "");
    const value = Number(raw.replace(/,$/, ""));
    if (!Number.isFinite(value)) continue;
    const multiplier = { 万: 1e4, k: 1e3, M: 1e6, bn: 1e9 }[match[2] ?? ""] ?? 1;
    found.push(value, Math.round(value * multiplier * 1e6) / 1e6);
  }
  return found;
}

export function statesNumber(text: string, value: number): boolean {
  return numbersIn(text).some((n) => Math.abs(n - value) < 0.5);
}
