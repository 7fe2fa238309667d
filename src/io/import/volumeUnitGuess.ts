// What an imported table's volumes count, read from the name of its volume column (or a Comtrade
// quantity-unit column): a trade value is US$, a column named after what it counts keeps that word,
// anything else is "units" — never "vehicles" for someone else's table.
const MONEY_HEADER = /(^|[^a-z])(usd|us\$|dollars?)([^a-z]|$)|value_?us|valueus|tradevalue|primaryvalue|fobvalue|cifvalue/i;
const COUNTED = new Map<string, string>([
  ["vehicles", "vehicles"],
  ["vehicle", "vehicles"],
  ["cars", "cars"],
  ["trips", "trips"],
  ["journeys", "journeys"],
  ["passengers", "passengers"],
  ["people", "people"],
  ["persons", "people"],
  ["migrants", "migrants"],
  ["tonnes", "tonnes"],
  ["tons", "tonnes"],
  ["t", "tonnes"],
  ["kg", "kg"],
  ["netweight_kg", "kg"],
  ["netwgt", "kg"],
  ["containers", "containers"],
  ["teu", "TEU"],
  ["items", "items"],
  ["units", "units"],
  ["pieces", "items"],
]);

/** The unit of a volume column from its header; "units" when the name says nothing. */
export function unitFromHeader(header: string | undefined): string {
  if (header === undefined) return "units";
  const h = header.trim().toLowerCase();
  if (MONEY_HEADER.test(h)) return "US$";
  const bare = h.replace(/[\s-]+/g, "_");
  if (COUNTED.has(bare)) return COUNTED.get(bare)!;
  const word = bare.split(/[_()[\]]+/).find((w) => COUNTED.has(w));
  return word ? COUNTED.get(word)! : "units";
}

/** A Comtrade quantity unit ("Number of items", "u", "No", "kg") as a word for numbers; "units" when mixed or empty. */
export function unitFromQuantityUnits(values: Iterable<string>): string {
  const seen = new Set<string>();
  for (const v of values) {
    const t = v.trim();
    if (t !== "" && !/^-1$|^n\/?a$/i.test(t)) seen.add(t.toLowerCase());
    if (seen.size > 1) return "units";
  }
  const [only] = seen;
  if (only === undefined) return "units";
  if (/^(u|no\.?|number|number of items|items?|pieces?|units?)$/.test(only)) return "items";
  if (/^(kg|kilograms?)$/.test(only)) return "kg";
  if (/^(t|tonnes?|tons?|metric tons?)$/.test(only)) return "tonnes";
  return only.length <= 20 ? only : "units";
}
