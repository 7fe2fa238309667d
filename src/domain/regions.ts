// World regions for the region filter, by ISO 3166-1 alpha-2 country code. Aggregates (ZZ) are "Other".
import type { Place } from "./types";

export const REGIONS: readonly { id: string; label: string; countries: readonly string[] }[] = [
  { id: "china", label: "China", countries: ["CN", "HK", "MO"] },
  { id: "central-asia", label: "Central Asia", countries: ["KZ", "KG", "UZ", "TJ", "TM"] },
  { id: "russia-belarus", label: "Russia and Belarus", countries: ["RU", "BY"] },
  { id: "caucasus", label: "Caucasus", countries: ["GE", "AM", "AZ"] },
  {
    id: "middle-east",
    label: "Middle East",
    countries: ["AE", "JO", "SA", "IQ", "SY", "TR", "IR", "OM", "QA", "KW", "BH", "LB", "IL", "PS", "YE", "EG"],
  },
  {
    id: "latin-america",
    label: "Latin America",
    countries: ["MX", "CL", "BR", "CO", "AR", "PE", "EC", "UY", "PY", "BO", "VE", "GT", "CR", "PA", "DO", "CU", "HN", "SV", "NI"],
  },
  { id: "other", label: "Other", countries: [] },
];

const BY_COUNTRY = new Map<string, string>();
for (const r of REGIONS) for (const c of r.countries) BY_COUNTRY.set(c, r.id);

export function regionOf(place: Pick<Place, "country">): string {
  return BY_COUNTRY.get(place.country.toUpperCase()) ?? "other";
}
