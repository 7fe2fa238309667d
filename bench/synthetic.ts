// Seeded generator of trade-like datasets for benchmarks: origin provinces → exit ports → transit
// hubs → markets, with heavy-tailed volumes (lognormal), hub places (preferential choice) and
// re-export chains between transit places (some of them cycles, as KZ⇄KG).
import { contentHash } from "../src/domain/contentHash";
import { exportDatasetCsv } from "../src/io/export/flowsCsv";
import { mulberry32 as rng } from "./seededRandom";
import { flowId, type Basis, type Dataset, type Flow, type Place, type PlaceKind, type Source } from "../src/domain/types";

export interface GenerateTradeDatasetOptions {
  /** Total flows over all years. */
  flows: number;
  years: number;
  /** Places; default grows with flows, up to 3,000. */
  places?: number;
  seed: number;
}

const REGIONS: Record<PlaceKind, { countries: string[]; lat: [number, number]; lon: [number, number] }> = {
  origin: { countries: ["CN"], lat: [22, 45], lon: [100, 124] },
  exit: { countries: ["CN"], lat: [20, 48], lon: [75, 125] },
  transit: { countries: ["KZ", "KG", "UZ", "AE", "GE", "AM", "MN", "TR"], lat: [35, 52], lon: [40, 85] },
  market: {
    countries: ["RU", "BY", "AZ", "TJ", "TM", "SA", "IQ", "EG", "NG", "KE", "CL", "MX", "VN", "PH", "UA"],
    lat: [-35, 62],
    lon: [-80, 140],
  },
};

const FIRST_YEAR = 2019;

export function generateTradeDataset(options: GenerateTradeDatasetOptions): Dataset {
  const { flows: total, years, seed } = options;
  if (!(Number.isInteger(total) && total > 0 && Number.isInteger(years) && years > 0))
    throw new Error("bench/synthetic: flows and years must be positive integers");
  const random = rng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const nPlaces = options.places ?? Math.min(3000, Math.max(40, Math.round(total / (10 * years)) + 40));
  const share: [PlaceKind, number][] = [
    ["origin", 0.08],
    ["exit", 0.07],
    ["transit", 0.25],
    ["market", 0.6],
  ];
  const places: Place[] = [];
  const byKind: Record<PlaceKind, string[]> = { origin: [], exit: [], transit: [], market: [] };
  for (const [kind, s] of share) {
    const count = Math.max(2, Math.round(nPlaces * s));
    const region = REGIONS[kind];
    for (let i = 0; i < count; i++) {
      const id = `${kind[0]}${i}`;
      const country = region.countries[Math.floor(random() ** 2 * region.countries.length)]!;
      places.push({
        id,
        name: `${kind} ${i}`,
        kind,
        country,
        lat: Number((region.lat[0] + random() * (region.lat[1] - region.lat[0])).toFixed(4)),
        lon: Number((region.lon[0] + random() * (region.lon[1] - region.lon[0])).toFixed(4)),
        lane: kind === "origin" || kind === "exit" ? "" : kind === "transit" ? "central-asia" : "markets",
        nativeName: "",
        note: "",
      });
      byKind[kind].push(id);
    }
  }
  // Preferential choice: low indices are hubs (Zipf-like, exponent set by the power).
  const pick = (kind: PlaceKind, power = 2.5) => {
    const list = byKind[kind];
    return list[Math.floor(random() ** power * list.length)]!;
  };
  const sources: Source[] = Array.from({ length: 12 }, (_, i) => ({
    id: `S${i + 1}`,
    publisher: `Publisher ${i + 1}`,
    title: `Synthetic source ${i + 1}`,
    date: "2024",
    url: "",
    reliability: (["H", "M", "L"] as const)[i % 3]!,
  }));
  const layers: [PlaceKind, PlaceKind, number][] = [
    ["origin", "exit", 0.3],
    ["exit", "transit", 0.25],
    ["exit", "market", 0.1],
    ["transit", "transit", 0.1],
    ["transit", "market", 0.25],
  ];
  const modes = ["road", "rail", "sea"];
  const flows: Flow[] = [];
  const seen = new Set<string>();
  const yearList = Array.from({ length: years }, (_, y) => FIRST_YEAR + y);
  for (let y = 0; y < years; y++) {
    const year = FIRST_YEAR + y;
    const perYear = Math.floor(total / years) + (y < total % years ? 1 : 0);
    let made = 0;
    for (let attempt = 0; made < perYear && attempt < perYear * 20; attempt++) {
      let u = random();
      let layer = layers[layers.length - 1]!;
      for (const l of layers) {
        if (u < l[2]) {
          layer = l;
          break;
        }
        u -= l[2];
      }
      const from = pick(layer[0]);
      const to = pick(layer[1], layer[0] === layer[1] ? 1.5 : 2.5);
      if (from === to) continue;
      const mode = modes[Math.floor(random() ** 2 * modes.length)]!;
      const id = flowId(from, to, year, mode);
      if (seen.has(id)) continue;
      seen.add(id);
      const vehicles = Math.max(1, Math.round(Math.exp(5 + 1.6 * normal())));
      const r = random();
      const basis: Basis = r < 0.5 ? "reported" : r < 0.8 ? "derived" : "modelled";
      const s1 = sources[Math.floor(random() * sources.length)]!.id;
      flows.push({
        id,
        from,
        to,
        year,
        volume: vehicles,
        usd: random() < 0.4 ? Math.round(vehicles * (9000 + 6000 * random())) : null,
        mode,
        basis,
        facts: [`U${1 + Math.floor(random() * 40)}`],
        sources: random() < 0.3 ? [s1, sources[Number(s1.slice(1)) % sources.length]!.id] : [s1],
        formula: basis === "modelled" ? `total ${vehicles * 4} × assumed share 0.25` : basis === "derived" ? `sum of reported rows` : "",
        note: "",
      });
      made++;
    }
  }
  const hash = contentHash([JSON.stringify({ total, years, nPlaces, seed })]);
  return {
    id: `synthetic-${total}-${seed}`,
    name: `Synthetic trade graph (${total} flows, seed ${seed})`,
    places,
    flows,
    sources,
    context: [],
    events: [],
    assumptions: [],
    years: yearList.filter((year) => flows.some((f) => f.year === year)),
    hash,
  };
}

/** The dataset as the app's CSV files (places, flows, sources). */
export function datasetToCsvFiles(dataset: Dataset): { places: string; flows: string; sources: string } {
  const { places, flows, sources } = exportDatasetCsv(dataset);
  return { places, flows, sources };
}
