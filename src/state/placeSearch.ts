// Finding a place by its name or its native name, ignoring case and accents. Pure.
import type { Place } from "../domain/types";

export interface PlaceMatch {
  place: Place;
  /** Which name matched. */
  on: "name" | "nativeName" | "id";
  /** Lower is better: 0 whole name, 1 name starts with the query, 2 a word starts with it, 3 contains it. */
  rank: number;
}

export function normaliseName(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

function rankOf(text: string, q: string): number | null {
  const t = normaliseName(text);
  if (!t || !q) return null;
  if (t === q) return 0;
  if (t.startsWith(q)) return 1;
  if (t.split(/[\s(),/-]+/).some((w) => w.startsWith(q))) return 2;
  if (t.includes(q)) return 3;
  return null;
}

/** Places whose name or native name matches `query`, best first (then by name), at most `limit`. */
export function findPlaces(places: readonly Place[], query: string, limit = 8): PlaceMatch[] {
  const q = normaliseName(query);
  if (!q) return [];
  const out: PlaceMatch[] = [];
  for (const place of places) {
    const candidates: { on: PlaceMatch["on"]; rank: number | null }[] = [
      { on: "name", rank: rankOf(place.name, q) },
      { on: "nativeName", rank: rankOf(place.nativeName, q) },
      { on: "id", rank: rankOf(place.id, q) },
    ];
    let best: { on: PlaceMatch["on"]; rank: number } | null = null;
    for (const c of candidates) if (c.rank !== null && (best === null || c.rank < best.rank)) best = { on: c.on, rank: c.rank };
    if (best) out.push({ place, on: best.on, rank: best.rank });
  }
  out.sort((a, b) => a.rank - b.rank || a.place.name.localeCompare(b.place.name, "en"));
  return out.slice(0, limit);
}

/** The place a typed text names: an exact name / native name / id, or the only match, or the only one starting with it. */
export function resolvePlace(places: readonly Place[], text: string): Place | null {
  const q = normaliseName(text);
  if (!q) return null;
  const exact = places.filter((p) => normaliseName(p.name) === q || normaliseName(p.nativeName) === q || p.id.toLowerCase() === q);
  if (exact.length === 1) return exact[0]!;
  const matches = findPlaces(places, text, 50);
  if (matches.length === 1) return matches[0]!.place;
  const starts = matches.filter((m) => m.rank <= 1);
  return starts.length === 1 ? starts[0]!.place : null;
}
