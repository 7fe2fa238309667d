// Volumes as people write them: plain numbers, thousands separators, decimal commas in semicolon files.

import { volumeProblem } from "../../domain/volumeRange";

export type VolumeResult = { ok: true; value: number; note?: VolumeNote } | { ok: false; problem: string };

/** How a volume was read when it was not a plain number: "1,234", "1234,5", "1.234,5". */
export type VolumeNote = "thousands" | "decimal-comma" | "thousands-decimal-comma";

const PLAIN = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function finite(raw: string, text: string, note?: VolumeNote): VolumeResult {
  const number = Number(text);
  const problem = volumeProblem(raw, number);
  if (problem !== null) return { ok: false, problem };
  const value = number === 0 ? 0 : number; // "-0" is 0
  return note === undefined ? { ok: true, value } : { ok: true, value, note };
}

/**
 * Reads a non-negative volume. With `decimalComma` (semicolon-separated files) "1234,5" is 1234.5 and
 * "1.234,5" is 1234.5; otherwise "1,234" and "1,234.5" are read with a thousands separator.
 */
export function parseVolume(cell: string, decimalComma: boolean, dotsAreThousands = false): VolumeResult {
  const raw = cell.trim();
  if (raw === "") return { ok: false, problem: "the volume is empty" };
  // "12.000" beside "1.500.000" or "345,5" in the same column: the dot groups thousands there.
  if (decimalComma && dotsAreThousands && /^[+-]?\d{1,3}(\.\d{3})+$/.test(raw))
    return finite(raw, raw.replace(/\./g, ""), "thousands-decimal-comma");
  if (PLAIN.test(raw)) {
    // In a semicolon file "1.234" is ambiguous; a lone dot with three digits after it still reads as a decimal point.
    return finite(raw, raw);
  }
  if (decimalComma) {
    if (/^[+-]?\d+,\d+$/.test(raw)) return finite(raw, raw.replace(",", "."), "decimal-comma");
    if (/^[+-]?\d{1,3}([.\s\u00a0\u202f']\d{3})+(,\d+)?$/.test(raw)) {
      return finite(raw, raw.replace(/[.\s\u00a0\u202f']/g, "").replace(",", "."), "thousands-decimal-comma");
    }
  } else if (/^[+-]?\d{1,3}([,\s\u00a0\u202f']\d{3})+(\.\d+)?$/.test(raw)) {
    return finite(raw, raw.replace(/[,\s\u00a0\u202f']/g, ""), "thousands");
  }
  return { ok: false, problem: `"${raw}" is not a number` };
}

/**
 * Whether the dots of a column written with decimal commas group thousands: some cell has two dot groups
 * ("1.500.000"), a dot and a comma ("1.234,5"), or a decimal comma ("345,5", so a dot cannot be the decimal
 * point). Then "12.000" is twelve thousand, not twelve.
 */
export function dotsGroupThousands(cells: Iterable<string>): boolean {
  for (const cell of cells) {
    const raw = cell.trim();
    if (/^[+-]?\d{1,3}(\.\d{3}){2,}(,\d+)?$/.test(raw) || /^[+-]?\d{1,3}(\.\d{3})+,\d+$/.test(raw) || /^[+-]?\d+,\d+$/.test(raw))
      return true;
  }
  return false;
}

/** A coordinate cell: plain number (or decimal comma in semicolon files) within ±limit; null when empty or invalid. */
export function parseCoordinate(cell: string, limit: number, decimalComma: boolean): number | null {
  let raw = cell.trim();
  if (decimalComma && /^[+-]?\d+,\d+$/.test(raw)) raw = raw.replace(",", ".");
  if (!PLAIN.test(raw)) return null;
  const value = Number(raw);
  return Number.isFinite(value) && Math.abs(value) <= limit ? value : null;
}
