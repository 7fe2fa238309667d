// The time axis: years as bands, policy events placed by their date. Pure.
import type { PolicyEvent, Source } from "../domain/types";

export interface TimeAxis {
  /** First and last year shown (inclusive). */
  first: number;
  last: number;
  ticks: { year: number; start: number; centre: number; hasData: boolean }[];
  markers: { event: PolicyEvent; at: number }[];
}

/** Decimal year of an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): 2024-02-06 → 2024 + (31 + 5.5) / 366. */
export function decimalYear(date: string, fallbackYear: number): number {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date);
  if (!m) return fallbackYear + 0.5;
  const y = Number(m[1]);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = leap ? 366 : 365;
  if (m[2] === undefined) return y + 0.5;
  const month = Number(m[2]) - 1;
  const start = Date.UTC(y, month, 1);
  const yearStart = Date.UTC(y, 0, 1);
  const monthDays = (Date.UTC(y, month + 1, 1) - start) / 864e5;
  const dayInYear = (start - yearStart) / 864e5 + (m[3] === undefined ? monthDays / 2 : Number(m[3]) - 0.5);
  return y + dayInYear / days;
}

/**
 * Axis over the data years and the event years (so 2019 → 2025 for the shipped data); positions are
 * shares 0..1 of the axis width, each year a band of equal width.
 */
export function timeAxis(years: readonly number[], events: readonly PolicyEvent[]): TimeAxis {
  const all = [...years, ...events.map((e) => Math.floor(decimalYear(e.date, e.year)))].filter(Number.isFinite);
  const first = all.length ? Math.min(...all) : new Date().getFullYear();
  const last = all.length ? Math.max(...all) : first;
  const span = last + 1 - first;
  const at = (y: number) => (y - first) / span;
  const data = new Set(years);
  const ticks = [];
  for (let y = first; y <= last; y++) ticks.push({ year: y, start: at(y), centre: at(y + 0.5), hasData: data.has(y) });
  const markers = [...events]
    .map((event) => ({ event, at: at(decimalYear(event.date, event.year)) }))
    .sort((a, b) => a.at - b.at || a.event.id.localeCompare(b.event.id));
  return { first, last, ticks, markers };
}

/** "Feb 2024", "6 Feb 2024" or "2024" for an ISO date. */
export function formatEventDate(date: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date);
  if (!m) return date;
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  if (m[2] === undefined) return m[1]!;
  const mon = months[Number(m[2]) - 1] ?? m[2];
  return m[3] === undefined ? `${mon} ${m[1]}` : `${Number(m[3])} ${mon} ${m[1]}`;
}

/** The years a play-through visits: from the year after `current` to the last, or all from the first when at the end. */
export function playYears(years: readonly number[], current: number): number[] {
  const sorted = [...years].sort((a, b) => a - b);
  const last = sorted[sorted.length - 1];
  if (last === undefined) return [];
  if (current >= last) return sorted;
  return sorted.filter((y) => y > current);
}

/** An event's sources, each with its entry in `sources` when the dataset lists it. */
export function eventSources(
  event: Pick<PolicyEvent, "sources">,
  sources: readonly Source[],
): { id: string; source: Source | undefined }[] {
  const byId = new Map(sources.map((s) => [s.id, s]));
  return event.sources.map((id) => ({ id, source: byId.get(id) }));
}

/** An event in one line, for its marker's description: the summary, then who published the sources. */
export function eventOneLine(event: Pick<PolicyEvent, "summary" | "sources">, sources: readonly Source[]): string {
  const src = eventSources(event, sources)
    .map(({ id, source }) => source?.publisher || id)
    .join("; ");
  return `${event.summary}${src ? ` Source: ${src}.` : ""}`;
}

/** A year tick's note: no data, reported figures only (a year without flows), or nothing. */
export function tickNote(tick: { year: number; hasData: boolean }, flowYears: ReadonlySet<number>): string {
  return !tick.hasData ? "No data for this year" : flowYears.has(tick.year) ? "" : "Reported figures only: no used-car routes published";
}

/** How the axis writes its years in `width` px: whole ("2019") or short ("’19"), and every `every`-th year
 *  (the others keep their tick, without a number), so that no two labels touch. */
export function tickLabels(width: number, count: number): { form: "full" | "short"; every: number } {
  const per = width / Math.max(1, count);
  // A label is ~30 px whole and ~20 px short at 11 px, with its 3 px padding and a gap.
  const FULL = 36,
    SHORT = 24;
  if (per >= FULL) return { form: "full", every: 1 };
  if (per >= SHORT) return { form: "short", every: 1 };
  return { form: "short", every: Math.ceil(SHORT / Math.max(per, 1e-9)) };
}

/** A year as the axis writes it in short form: "’19". */
export function shortYear(year: number): string {
  return `’${String(Math.abs(year) % 100).padStart(2, "0")}`;
}
