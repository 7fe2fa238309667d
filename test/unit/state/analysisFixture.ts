// A small hand-checked network for the analysis views (time series, comparison, Sankey, scenarios, CSV).
//   2023: o1 → x 100, o2 → x 50, x → t 150, t → m 90 (t absorbs 60), o2 → n 30 (lane b, reported)
//   2025: o1 → x 200, x → t 200, t → m 200 (projected); 2024 has no flow at all.
import type { Dataset, Flow, Place } from "../../../src/domain/types";

export const place = (id: string, kind: Place["kind"], lane = ""): Place => ({
  id,
  name: id.toUpperCase(),
  kind,
  country: "ZZ",
  lat: null,
  lon: null,
  lane,
  nativeName: "",
  note: "",
});

export const flow = (from: string, to: string, year: number, vehicles: number, basis = "modelled", mode = "road"): Flow => ({
  id: `${from}>${to}@${year}/${mode}`,
  from,
  to,
  year,
  volume: vehicles,
  usd: null,
  mode,
  basis: basis as Flow["basis"],
  facts: [],
  sources: [],
  formula: "",
  note: "",
});

export const places: Place[] = [
  place("o1", "origin"),
  place("o2", "origin"),
  place("x", "exit", "a"),
  place("t", "transit", "a"),
  place("m", "market", "a"),
  place("n", "market", "b"),
];

export const flows: Flow[] = [
  flow("o1", "x", 2023, 100),
  flow("o2", "x", 2023, 50),
  flow("x", "t", 2023, 150),
  flow("t", "m", 2023, 90),
  flow("o2", "n", 2023, 30, "reported", "sea"),
  flow("o1", "x", 2025, 200, "projected"),
  flow("x", "t", 2025, 200, "projected"),
  flow("t", "m", 2025, 200, "projected"),
];

export const dataset: Dataset = {
  id: "fixture",
  name: "Fixture",
  places,
  flows,
  sources: [],
  context: [],
  events: [{ id: "e1", date: "2024-06", year: 2024, title: "An event", summary: "", facts: ["F1"], sources: [] }],
  assumptions: [],
  years: [2023, 2025],
  hash: "",
};
