// Trade statistics list groups beside countries ("World", "Areas, nes", "EU-27"): they are totals or
// residuals, not places, and drawing them as nodes would double-count flows.

const AGGREGATE_NAMES = new Set([
  "world",
  "wld",
  "w00",
  "all",
  "total",
  "all countries",
  "european union",
  "eu",
  "euro area",
  "bunkers",
  "free zones",
  "special categories",
  "neutral zone",
  "unspecified",
  "not specified",
  "other",
  "others",
  "rest of world",
  "rest of the world",
  "asean",
  "nafta",
  "mercosur",
  "opec",
  "oecd",
]);

/** Comtrade's numeric codes for World (0) and "Areas, nes" (899), and its X-codes for groups. */
const AGGREGATE_CODES = /^(0|00|000|899|97|_X|X\d+|ZZ|XX)$/i;

/** Whether a statistical partner code (Comtrade numeric or ISO-like) stands for a group, not a country. */
export function isAggregateCode(code: string): boolean {
  return AGGREGATE_CODES.test(code.trim());
}

/** Whether a name is a group or residual ("World", "Areas, nes", "EU-27") rather than a place. */
export function isAggregate(text: string): boolean {
  const raw = text.trim();
  if (raw === "") return false;
  const lower = raw.toLowerCase().replace(/\s+/g, " ");
  if (AGGREGATE_NAMES.has(lower)) return true;
  // "Areas, nes", "Other Asia, nes", "Oceania, n.e.s."
  if (/(^|[\s,])n\.?\s?e\.?\s?s\.?$/i.test(raw)) return true;
  // "EU-27", "EU28", "EU 27 (extra)", "EU-27_2020"
  if (/^eu[-_ ]?\d{2}\b/i.test(raw)) return true;
  if (/^(total|world)\b/i.test(raw)) return true;
  return false;
}
