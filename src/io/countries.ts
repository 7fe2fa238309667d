// Country lookup by ISO code (alpha-2, alpha-3, numeric) or name, over a bundled offline list,
// so imported places without coordinates can be put at their country's centroid.
import { COUNTRY_DATA } from "./countryData";

export interface Country {
  iso2: string;
  iso3: string;
  /** ISO 3166-1 numeric, three digits ("" when none is assigned, e.g. Kosovo). */
  numeric: string;
  name: string;
  aliases: string[];
  /** Approximate centroid, rounded to about 1°. */
  lat: number;
  lon: number;
}

function parseCountries(data: string): Country[] {
  const countries: Country[] = [];
  for (const line of data.split("\n")) {
    if (line.trim() === "") continue;
    const [iso2 = "", iso3 = "", numeric = "", lat = "", lon = "", names = ""] = line.split("|");
    const [name = "", ...aliases] = names.split(";");
    countries.push({ iso2, iso3, numeric, name, aliases, lat: Number(lat), lon: Number(lon) });
  }
  return countries;
}

export const COUNTRIES: readonly Country[] = parseCountries(COUNTRY_DATA);

/** Lower case, no accents, "&" as "and", punctuation as spaces: "Côte d'Ivoire" → "cote d ivoire". */
export function normaliseCountryName(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const byIso2 = new Map<string, Country>();
const byIso3 = new Map<string, Country>();
const byNumeric = new Map<string, Country>();
const byName = new Map<string, Country>();
for (const country of COUNTRIES) {
  byIso2.set(country.iso2, country);
  byIso3.set(country.iso3, country);
  if (country.numeric !== "") byNumeric.set(country.numeric, country);
  for (const name of [country.name, ...country.aliases]) {
    const key = normaliseCountryName(name);
    if (/^\d+$/.test(key)) byNumeric.set(key.padStart(3, "0"), country);
    // The first spelling wins: "Congo" stays the Republic of the Congo, "Korea" South Korea.
    else if (!byName.has(key)) byName.set(key, country);
  }
}

/**
 * The country a code or name stands for, or undefined. Codes: "DE", "DEU", "276" (also "de", "deu");
 * names: the English short name or a common alias ("Viet Nam", "Rep. of Korea", "USA").
 */
export function lookupCountry(text: string): Country | undefined {
  const raw = text.trim();
  if (raw === "") return undefined;
  if (/^[A-Za-z]{2}$/.test(raw)) return byIso2.get(raw.toUpperCase()) ?? byName.get(raw.toLowerCase());
  if (/^[A-Za-z]{3}$/.test(raw)) return byIso3.get(raw.toUpperCase()) ?? byName.get(raw.toLowerCase());
  if (/^\d{1,3}$/.test(raw)) return byNumeric.get(raw.padStart(3, "0"));
  return byName.get(normaliseCountryName(raw));
}
