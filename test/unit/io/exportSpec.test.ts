import { describe, expect, it } from "vitest";
import { ZERO_MILEAGE_CAVEAT } from "../../../src/datasets/zeroMileage/profile";
import type { Dataset, Flow, Place } from "../../../src/domain/types";
import {
  buildExportSpec,
  describeFilters,
  exportFileBase,
  publisherShortForms,
  slugify,
  sourcesOf,
  type ExportSpecInput,
} from "../../../src/io/exportSpec";
import { defaultViewState } from "../../../src/state/viewState";

const place = (id: string, name: string, kind: Place["kind"], lane = ""): Place => ({
  id,
  name,
  kind,
  country: "CN",
  lat: 0,
  lon: 0,
  lane,
  nativeName: "",
  note: "",
});
const flow = (from: string, to: string, vehicles: number, sources: string[], basis: Flow["basis"] = "reported"): Flow => ({
  id: `${from}>${to}@2024/road`,
  from,
  to,
  year: 2024,
  volume: vehicles,
  usd: null,
  mode: "road",
  basis,
  facts: [],
  sources,
  formula: "",
  note: "",
});

const dataset: Dataset = {
  id: "zero-mileage",
  name: "China zero-mileage used-car exports",
  places: [
    place("shandong", "Shandong", "origin"),
    place("horgos", "Horgos", "exit"),
    place("kz", "Kazakhstan", "transit", "central-asia"),
    place("ru", "Russia", "market", "central-asia"),
  ],
  flows: [],
  sources: [
    { id: "s1", publisher: "Reuters (copies: New Straits Times; Epoch Times)", title: "", date: "", url: "", reliability: "H" },
    { id: "s2", publisher: "Xinhua via People's Daily Online", title: "", date: "", url: "", reliability: "H" },
    { id: "s3", publisher: "reuters", title: "", date: "", url: "", reliability: "M" },
    { id: "s4", publisher: "drom.ru; RFE/RL; Automotive World 2025-03-10", title: "", date: "", url: "", reliability: "M" },
    { id: "s5", publisher: "Unused publisher", title: "", date: "", url: "", reliability: "L" },
  ],
  context: [],
  events: [],
  assumptions: [],
  years: [2024],
  hash: "abc",
};

const shown = [
  flow("shandong", "horgos", 120_000, ["s1", "s2"]),
  flow("horgos", "kz", 90_000, ["s3"]),
  flow("kz", "ru", 40_000, ["s4", "s1"], "modelled"),
];

function input(patch: Partial<ExportSpecInput> = {}): ExportSpecInput {
  return {
    state: defaultViewState("zero-mileage", "abc", 2024),
    dataset,
    shown,
    colourLaneOf: (f) => (f.from === "shandong" ? "domestic" : "central-asia"),
    widthLegend: [
      { value: 100_000, width: 13.2 },
      { value: 50_000, width: 9.5 },
      { value: 10_000, width: 4.6 },
    ],
    scaleKind: "sqrt",
    palette: {
      kinds: [
        { kind: "origin", label: "Origin", colour: "#c0392b" },
        { kind: "market", label: "Final market", colour: "#1a5276" },
      ],
      lanes: [
        { id: "domestic", label: "Inside China", colour: "#5d6d7e" },
        { id: "central-asia", label: "Central Asia", colour: "#d4ac0d" },
        { id: "caucasus", label: "Caucasus", colour: "#229954" },
      ],
      basis: { reported: "rgba(212,172,13,0.9)", modelled: "rgba(212,172,13,0.42)" },
    },
    route: null,
    now: new Date("2026-11-28T12:00:00Z"),
    ...patch,
  };
}

describe("buildExportSpec(input) describes what an exported image says", () => {
  it("uses the default title for the year and names the file after it", () => {
    const spec = buildExportSpec(input());
    expect(spec.title).toBe("China's used-car exports, 2024");
    expect(spec.fileBase).toBe("chinas-used-car-exports-2024");
  });

  it("uses the edited title and adds the year to the file name when the title lacks it", () => {
    const spec = buildExportSpec(
      input({ state: { ...defaultViewState("zero-mileage", "abc", 2024), title: "Horgos: the overland lane" } }),
    );
    expect(spec.title).toBe("Horgos: the overland lane");
    expect(spec.fileBase).toBe("horgos-the-overland-lane-2024");
  });

  it("names no year in the title, caption or file name of data without time", () => {
    const timeless = { ...dataset, id: "import-1", name: "Airline routes", timeless: true, years: [2026] };
    const spec = buildExportSpec(input({ dataset: timeless, state: defaultViewState("import-1", "abc", 2026) }));
    expect(spec.title).toBe("Airline routes");
    expect(spec.fileBase).toBe("airline-routes");
    expect(spec.caption.join(" ")).not.toMatch(/2026/);
    const dated = buildExportSpec(
      input({ dataset: { ...timeless, timeless: undefined }, state: defaultViewState("import-1", "abc", 2026) }),
    );
    expect(dated.title).toBe("Airline routes, 2026");
    expect(dated.caption[0]).toMatch(/^2026 · /);
  });

  it("carries the real volumes and drawn widths of the width scale into the legend", () => {
    const spec = buildExportSpec(input());
    expect(spec.legend.widths.map((w) => [w.value, w.width])).toEqual([
      [100_000, 13.2],
      [50_000, 9.5],
      [10_000, 4.6],
    ]);
    expect(spec.legend.widths.map((w) => w.label)).toEqual(["100k vehicles", "50k vehicles", "10k vehicles"]);
    expect(spec.legend.widthTitle).toBe("Flow width (vehicles, square-root scale)");
  });

  it("lists only the lanes of the flows shown, and explains light flows as modelled estimates", () => {
    const spec = buildExportSpec(input());
    expect(spec.legend.lanes.map((l) => l.label)).toEqual(["Inside China", "Central Asia"]);
    expect(spec.legend.basis.map((b) => b.label)).toContain("Modelled estimate (lighter)");
  });

  it("shows only the basis styles drawn, and the context layer's own entry when it is on", () => {
    expect(buildExportSpec(input()).legend.basis.map((b) => b.label)).toEqual([
      "Reported or derived figure",
      "Modelled estimate (lighter)",
    ]);
    const reportedOnly = buildExportSpec(input({ shown: shown.filter((f) => f.basis === "reported") }));
    expect(reportedOnly.legend.basis.map((b) => b.label)).toEqual(["Reported or derived figure"]);
    const withContext = buildExportSpec(input({ shown: [], contextHops: 3 }));
    expect(withContext.legend.basis.map((b) => b.label)).toEqual(["Context: reported all-vehicle figure (not a used-car flow)"]);
    expect(withContext.caption).toContain(
      "Context layer: 3 reported all-vehicle figures between places, drawn as straight violet lines and never added to the used-car flows.",
    );
  });

  it("says in the caption when nearby places are drawn as clusters, and nothing when they are not", () => {
    const clustered = { places: 248, clustered: 248, clusters: 23, flows: 770, lines: 301, internalFlows: 57 };
    expect(buildExportSpec(input({ clustered })).caption).toContain(
      "Places clustered: 248 of 248 places drawn as 23 ringed clusters (“Name + N more”), 770 flows as 301 lines, smaller ones lighter; 57 flows inside clusters not drawn.",
    );
    expect(buildExportSpec(input()).caption.join(" ")).not.toContain("clustered");
  });

  it("says in the caption that a year's routes are modelled estimates on the reported national total, or that none are published", () => {
    const national = (year: number, value: number) => ({
      id: `n${year}`,
      place: "china",
      from: "",
      to: "",
      year,
      reporter: "MOFCOM",
      period: "year",
      measure: "used-car exports",
      value,
      unit: "vehicles",
      facts: [],
      sources: [],
      note: "",
    });
    const data = {
      ...dataset,
      flows: shown,
      context: [national(2024, 436000), { ...national(2025, 1), place: "", from: "china", to: "kz", measure: "vehicle exports" }],
    };
    const modelled = buildExportSpec(input({ dataset: data }));
    expect(modelled.caption[1]).toMatch(
      /^Every 2024 route is a modelled estimate: it splits the reported national used-car total \(436,000 vehicles in 2024, a reported figure\)/,
    );
    const year2025 = buildExportSpec(input({ dataset: data, shown: [], state: defaultViewState("zero-mileage", "abc", 2025) }));
    expect(year2025.caption[1]).toMatch(/^Used-car routes for 2025 are not published, so none are drawn\./);
    const imported = buildExportSpec(input({ dataset: { ...data, id: "other" } }));
    expect(imported.caption.some((line) => /modelled estimate/.test(line))).toBe(false);
  });

  it("deduplicates sources by publisher short form, most cited first", () => {
    const spec = buildExportSpec(input());
    expect(spec.sources).toEqual(["Reuters", "Automotive World", "drom.ru", "RFE/RL", "Xinhua"]);
    expect(spec.sources).not.toContain("Unused publisher");
  });

  it("puts the year, the filters in force and the traced route in the caption", () => {
    const state = defaultViewState("zero-mileage", "abc", 2024);
    state.filters = { ...state.filters, topN: 20, minVolume: 1000, hiddenLanes: ["caucasus"], hiddenBases: ["modelled"] };
    const spec = buildExportSpec(input({ state, route: ["Shandong", "Horgos", "Kazakhstan", "Russia"] }));
    expect(spec.caption[0]).toMatch(/^2024 · used-car exports, vehicles · 3 flows shown$/);
    expect(spec.caption[1]).toBe(
      "Filters: largest 20 flows only; flows under 1,000 vehicles hidden; lanes hidden: Caucasus; hidden: modelled estimates",
    );
    expect(spec.caption[2]).toBe("Traced route: Shandong → Horgos → Kazakhstan → Russia");
  });

  it("counts the flows the filters hid and names the flow budget", () => {
    const spec = buildExportSpec(input({ counts: { total: 10, hiddenBy: { budget: 4, lane: 3 } } }));
    expect(spec.caption[0]).toBe("2024 · used-car exports, vehicles · 3 of 10 flows shown");
    expect(spec.caption[1]).toBe("Filters: largest flows only, 4 smaller hidden by the flow budget");
  });

  it("says when no filter is in force, and names origin and destination of a trace without a chosen route", () => {
    const state = defaultViewState("zero-mileage", "abc", 2024);
    state.trace = { origin: "shandong", destination: "ru", chain: null, through: null };
    const spec = buildExportSpec(input({ state }));
    expect(spec.caption[1]).toBe("Filters: none (every flow of the year)");
    expect(spec.caption[2]).toBe("Traced: Shandong → Russia");
  });

  it("adds the zero-mileage caveat for the shipped dataset only, and the export date", () => {
    expect(buildExportSpec(input()).caveat).toBe(`Caveat: ${ZERO_MILEAGE_CAVEAT}`);
    expect(buildExportSpec(input()).exported).toMatch(/^Exported 28 Nov 2026 with Reroute/);
    const other = buildExportSpec(input({ dataset: { ...dataset, id: "imported-x", name: "My flows" } }));
    expect(other.caveat).toBeNull();
    expect(other.title).toBe("My flows, 2024");
  });
});

describe("helpers", () => {
  it("slugify keeps letters of any script and drops apostrophes and accents", () => {
    expect(slugify("China's used-car exports, 2024")).toBe("chinas-used-car-exports-2024");
    expect(slugify("Exportations vers l'Amérique latine")).toBe("exportations-vers-lamerique-latine");
    expect(slugify("霍尔果斯 2024")).toBe("霍尔果斯-2024");
    expect(slugify("<script>!!")).toBe("script");
    expect(slugify("   ")).toBe("reroute-view");
  });

  it("exportFileBase adds the year only when missing", () => {
    expect(exportFileBase("Routes 2023", 2023)).toBe("routes-2023");
    expect(exportFileBase("Routes", 2023)).toBe("routes-2023");
  });

  it("publisherShortForms drops parentheses, relays and trailing dates", () => {
    expect(publisherShortForms("nia-news.cn (TASS); Sputnik; Oreanda")).toEqual(["nia-news.cn", "Sputnik", "Oreanda"]);
    expect(publisherShortForms("MENAFN; Xinhua 2025-12-15; Qazinform")).toEqual(["MENAFN", "Xinhua", "Qazinform"]);
  });

  it("sourcesOf counts a publisher once per flow", () => {
    const f = flow("a", "b", 1, ["s1", "s3"]);
    expect(sourcesOf([f], dataset)).toEqual(["Reuters"]);
  });

  it("describeFilters names hidden kinds, modes and regions", () => {
    const state = defaultViewState();
    state.filters = { ...state.filters, hiddenKinds: ["transit"], hiddenModes: ["sea"], hiddenRegions: ["Europe"] };
    expect(describeFilters(state, (id) => id)).toEqual(["hidden: transit places", "modes hidden: sea", "regions hidden: Europe"]);
  });
});

describe("the caption of a trace and the file name", () => {
  const traced = {
    origin: "shandong",
    destination: "ru",
    chosen: false,
    chains: [
      { nodes: ["shandong", "horgos", "kz", "ru"], volume: 9156.4, modelled: true },
      { nodes: ["shandong", "kz", "ru"], volume: 1200, modelled: false },
    ],
    basis: "attributed" as const,
    whole: 21582,
    coverage: (9156.4 + 1200) / 21582,
  };

  it("names every chain drawn, one line each, with the volume in the dataset's unit", () => {
    const spec = buildExportSpec(input({ traced, route: ["Shandong", "Horgos", "Kazakhstan", "Russia"] }));
    expect(spec.caption.slice(-3)).toEqual([
      "Traced Shandong → Russia: the 2 chains drawn carry 48% of the 21,582 vehicles Shandong sends that end in Russia (2024; proportional tracing):",
      "Shandong → Horgos → Kazakhstan → Russia: 9,156 vehicles (modelled)",
      "Shandong → Kazakhstan → Russia: 1,200 vehicles",
    ]);
  });

  it("names a chosen chain on one line", () => {
    const one = { ...traced, chosen: true, chains: [traced.chains[0]!], coverage: 9156.4 / 21582 };
    const spec = buildExportSpec(input({ traced: one }));
    expect(spec.caption.at(-1)).toBe(
      "Traced route: Shandong → Horgos → Kazakhstan → Russia: 9,156 vehicles (modelled), 42% of the 21,582 vehicles Shandong sends that end in Russia (2024; proportional tracing)",
    );
  });

  it("names the file after the name given (a saved view, a trace), adding the year when it lacks it", () => {
    expect(buildExportSpec(input({ fileName: "Shandong to Russia" })).fileBase).toBe("shandong-to-russia-2024");
    expect(buildExportSpec(input({ fileName: "Overland, 2024" })).fileBase).toBe("overland-2024");
    expect(buildExportSpec(input({ fileName: "  " })).fileBase).toBe("chinas-used-car-exports-2024");
    // The picture keeps its title.
    expect(buildExportSpec(input({ fileName: "Shandong to Russia" })).title).toBe("China's used-car exports, 2024");
  });
});
