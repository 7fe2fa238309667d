// Plain-text hygiene for labels and ids taken from user files.

/** Removes control characters (C0 except tab/newline, DEL, C1, bidi overrides) and trims; the UI renders with textContent. */
export function cleanLabel(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/g, "")
      .replace(/[\t\n]+/g, " ")
      .trim()
  );
}

/**
 * Reroute place ids may not contain whitespace or > @ / ; (they build flow ids like "a>b@2024/road"):
 * those become "-". Empty results become "place".
 */
export function toPlaceId(ref: string): string {
  const id = cleanLabel(ref).replace(/[\s>@/;]+/g, "-");
  return id === "" ? "place" : id;
}

/** The 4-digit year in a cell ("2021", "2021-03", "2021-03-01T00:00:00Z", "202103"), or null. */
const yearCache = new Map<string, number | null>();

export function yearOf(raw: string): number | null {
  const cached = yearCache.get(raw);
  if (cached !== undefined) return cached;
  const year = readYear(raw);
  if (yearCache.size < 10000) yearCache.set(raw, year);
  return year;
}

function readYear(raw: string): number | null {
  const match = /^\s*(\d{4})(?:\d{2}|[-/.]\d{1,2}(?:[-/.]\d{1,2})?(?:[T ].*)?|\.0)?\s*$/.exec(raw);
  if (!match) return null;
  const year = Number(match[1]);
  return year >= 1900 && year <= 2100 ? year : null;
}
