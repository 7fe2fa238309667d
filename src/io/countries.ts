// Country lookup by ISO code (alpha-2, alpha-3, numeric) or by name in English, French, Spanish, Russian,
// Chinese, Arabic, German and Portuguese, offline, so imported places without coordinates can be put at
// their country's centroid. Codes and names come from i18n-iso-countries (its data files, not its
// all-languages entry point, which would put ~80 languages in the bundle); countryData.ts adds the
// centroids and the spellings that dataset lacks (UN Comtrade's "Rep. of Korea", "China, Hong Kong SAR").
import ar from "i18n-iso-countries/langs/ar.json";
import de from "i18n-iso-countries/langs/de.json";
import en from "i18n-iso-countries/langs/en.json";
import es from "i18n-iso-countries/langs/es.json";
import fr from "i18n-iso-countries/langs/fr.json";
import pt from "i18n-iso-countries/langs/pt.json";
import ru from "i18n-iso-countries/langs/ru.json";
import zh from "i18n-iso-countries/langs/zh.json";
import { COUNTRY_DATA } from "./countryData";

export interface Country {
  iso2: string;
  iso3: string;
  /** ISO 3166-1 numeric, three digits ("" when none is assigned, e.g. Kosovo). */
  numeric: string;
  /** English short name. */
  name: string;
  /** Other names it is known by, in the languages above. */
  aliases: string[];
  /** Approximate centroid, rounded to about 1°. */
  lat: number;
  lon: number;
}

interface LocaleData {
  locale: string;
  countries: Record<string, string | string[]>;
}

/** The languages country names are read in, English first (its spellings win a clash). */
export const COUNTRY_NAME_LANGUAGES: readonly LocaleData[] = [en, fr, es, ru, zh, ar, de, pt];

function parseCountries(data: string): Country[] {
  const byIso2 = new Map<string, Country>();
  for (const line of data.split("\n")) {
    if (line.trim() === "") continue;
    const [iso2 = "", iso3 = "", numeric = "", lat = "", lon = "", names = ""] = line.split("|");
    const [name = "", ...aliases] = names.split(";");
    byIso2.set(iso2, { iso2, iso3, numeric, name, aliases, lat: Number(lat), lon: Number(lon) });
  }
  for (const language of COUNTRY_NAME_LANGUAGES) {
    for (const [iso2, names] of Object.entries(language.countries)) {
      const country = byIso2.get(iso2);
      if (!country) continue;
      for (const name of Array.isArray(names) ? names : [names]) {
        // "КНР (Китайская Народная Республика)": the acronym and the long form are both names
        // (but not "США" in "Внешние малые острова (США)").
        const parts = [name, ...(/^(\p{Lu}{2,6})\s*\((.+)\)$/u.exec(name)?.slice(1) ?? [])];
        for (const part of parts) if (part !== country.name && !country.aliases.includes(part)) country.aliases.push(part);
      }
    }
  }
  return [...byIso2.values()];
}

export const COUNTRIES: readonly Country[] = parseCountries(COUNTRY_DATA);

/**
 * A name as a comparison key: lower case, no accents, "&" as "and", punctuation as spaces, in any script:
 * "Côte d'Ivoire" → "cote d ivoire", "Россия" → "россия", "中国" → "中国".
 */
export function normaliseCountryName(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
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
}
// Names in passes: every country's own English name first, then the other names in order, so
// "Congo" stays the Republic of the Congo and "Korea" South Korea whichever language also uses them.
for (const pass of [(c: Country) => [c.name], (c: Country) => c.aliases]) {
  for (const country of COUNTRIES) {
    for (const name of pass(country)) {
      const key = normaliseCountryName(name);
      if (key === "") continue;
      if (/^\d+$/.test(key)) {
        if (!byNumeric.has(key.padStart(3, "0"))) byNumeric.set(key.padStart(3, "0"), country);
      } else if (!byName.has(key)) byName.set(key, country);
    }
  }
}

/**
 * The country a code or name stands for, or undefined. Codes: "DE", "DEU", "276" (also "de", "deu");
 * names in any of COUNTRY_NAME_LANGUAGES: "Germany", "Allemagne", "Alemania", "Германия", "德国", "ألمانيا".
 */
export function lookupCountry(text: string): Country | undefined {
  const raw = text.trim();
  if (raw === "") return undefined;
  if (/^[A-Za-z]{2}$/.test(raw)) return byIso2.get(raw.toUpperCase()) ?? byName.get(raw.toLowerCase());
  if (/^[A-Za-z]{3}$/.test(raw)) return byIso3.get(raw.toUpperCase()) ?? byName.get(raw.toLowerCase());
  if (/^\d{1,3}$/.test(raw)) return byNumeric.get(raw.padStart(3, "0"));
  return byName.get(normaliseCountryName(raw));
}

/** Whether a text is an ISO 3166-1 code (alpha-2, alpha-3 or numeric) rather than a name. */
export function isCountryCode(text: string): boolean {
  return /^([A-Za-z]{2,3}|\d{1,3})$/.test(text.trim());
}
