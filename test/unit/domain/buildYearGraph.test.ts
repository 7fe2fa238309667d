import { describe, expect, it } from "vitest";
import { buildYearGraph, checkYearGraph } from "../../../src/domain/buildYearGraph";
import { FlowColumnsBuilder, keepFlowColumns, materialiseFlows } from "../../../src/domain/flowColumns";
import { flowId, type Dataset, type Flow, type Place } from "../../../src/domain/types";

const place = (id: string, kind: Place["kind"], lane = ""): Place => ({
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

const flow = (from: string, to: string, year: number, vehicles: number, usd: number | null, mode = "road"): Flow => ({
  id: flowId(from, to, year, mode),
  from,
  to,
  year,
  volume: vehicles,
  usd,
  mode,
  basis: "reported",
  facts: ["X1"],
  sources: ["s1"],
  formula: "",
  note: "",
});

const DATASET: Dataset = {
  id: "t",
  name: "T",
  places: [
    place("cn", "origin"),
    place("horgos", "exit"),
    place("kz", "transit", "central-asia"),
    place("ru", "market", "central-asia"),
    place("ae", "market", "middle-east"),
  ],
  flows: [
    flow("cn", "horgos", 2024, 100, 2000),
    flow("horgos", "kz", 2024, 60, null, "road"),
    flow("horgos", "kz", 2024, 40, 900, "rail"),
    flow("kz", "ru", 2024, 50, null),
    flow("cn", "ae", 2023, 7, 150),
  ],
  sources: [],
  context: [],
  events: [],
  assumptions: [],
  years: [2023, 2024],
  hash: "0",
};

describe("buildYearGraph", () => {
  it("buildYearGraph(dataset, year) has every place as a node and that year's flows as edges", () => {
    const graph = buildYearGraph(DATASET, 2024);
    expect(graph.type).toBe("directed");
    expect(graph.multi).toBe(true);
    expect(graph.order).toBe(5);
    expect(graph.size).toBe(4);
    expect(graph.nodes().sort()).toEqual(["ae", "cn", "horgos", "kz", "ru"]);
    expect(graph.edges().sort()).toEqual(["cn>horgos@2024/road", "horgos>kz@2024/rail", "horgos>kz@2024/road", "kz>ru@2024/road"]);
  });

  it("node attributes are the Place and edge attributes the Flow plus weight", () => {
    const graph = buildYearGraph(DATASET, 2024);
    expect(graph.getNodeAttributes("kz")).toEqual(place("kz", "transit", "central-asia"));
    expect(graph.getEdgeAttributes("cn>horgos@2024/road")).toEqual({ ...flow("cn", "horgos", 2024, 100, 2000), weight: 100 });
    expect(graph.source("kz>ru@2024/road")).toBe("kz");
    expect(graph.target("kz>ru@2024/road")).toBe("ru");
  });

  it("two modes between the same places are two parallel edges with their own weights", () => {
    const graph = buildYearGraph(DATASET, 2024);
    const parallel = graph.edges("horgos", "kz").sort();
    expect(parallel).toEqual(["horgos>kz@2024/rail", "horgos>kz@2024/road"]);
    expect(parallel.map((edge) => graph.getEdgeAttribute(edge, "weight"))).toEqual([40, 60]);
    expect(graph.outDegree("horgos")).toBe(2);
  });

  it("measure usd weighs edges in US$ and leaves out flows without a US$ figure", () => {
    const graph = buildYearGraph(DATASET, 2024, { measure: "usd" });
    expect(graph.order).toBe(5);
    expect(graph.edges().sort()).toEqual(["cn>horgos@2024/road", "horgos>kz@2024/rail"]);
    expect(graph.getEdgeAttribute("cn>horgos@2024/road", "weight")).toBe(2000);
    expect(graph.getEdgeAttribute("horgos>kz@2024/rail", "weight")).toBe(900);
  });

  it("a year without flows gives all places and no edges", () => {
    const graph = buildYearGraph(DATASET, 2019);
    expect(graph.order).toBe(5);
    expect(graph.size).toBe(0);
  });

  it("options.flows replaces the dataset's flows and is still filtered to the year", () => {
    const scenario = [flow("kz", "ru", 2024, 999, null), flow("kz", "ru", 2023, 1, null)];
    const graph = buildYearGraph(DATASET, 2024, { flows: scenario });
    expect(graph.edges()).toEqual(["kz>ru@2024/road"]);
    expect(graph.getEdgeAttribute("kz>ru@2024/road", "weight")).toBe(999);
  });

  it("changing the graph's attributes does not change the dataset", () => {
    const graph = buildYearGraph(DATASET, 2024);
    graph.setNodeAttribute("kz", "name", "changed");
    graph.getEdgeAttribute("cn>horgos@2024/road", "facts").push("Z9");
    expect(DATASET.places[2]?.name).toBe("KZ");
    expect(DATASET.flows[0]?.facts).toEqual(["X1"]);
  });

  it("a flow to a place the dataset lacks throws an error naming the flow and the place", () => {
    expect(() => buildYearGraph(DATASET, 2024, { flows: [flow("kz", "kg", 2024, 5, null)] })).toThrow(
      'domain/buildYearGraph: flow "kz>kg@2024/road" refers to place "kg", which the dataset does not have',
    );
  });

  it("checkYearGraph throws for the same data as buildYearGraph, and only for the year asked", () => {
    const cases: [string, Pick<Dataset, "places" | "flows">][] = [
      ["good", DATASET],
      ["unknown place", { ...DATASET, flows: [...DATASET.flows, flow("kz", "kg", 2024, 5, null)] }],
      ["repeated place", { ...DATASET, places: [...DATASET.places, place("kz", "transit")] }],
      ["repeated flow", { ...DATASET, flows: [...DATASET.flows, flow("kz", "ru", 2024, 9, null)] }],
      ["unknown place in 2023", { ...DATASET, flows: [...DATASET.flows, flow("kz", "kg", 2023, 5, null)] }],
    ];
    const outcome = (run: () => unknown) => {
      try {
        run();
        return "ok";
      } catch {
        return "throws";
      }
    };
    for (const [, data] of cases) {
      for (const year of [2023, 2024]) {
        const full = { ...DATASET, ...data };
        expect(outcome(() => checkYearGraph(full, year))).toBe(outcome(() => buildYearGraph(full, year)));
      }
    }
    expect(() => checkYearGraph({ ...DATASET, flows: [...DATASET.flows, flow("kz", "kg", 2024, 5, null)] }, 2024)).toThrow(
      'domain/buildYearGraph: flow "kz>kg@2024/road" refers to place "kg", which the dataset does not have',
    );
    expect(() => checkYearGraph({ ...DATASET, places: [...DATASET.places, place("kz", "transit")] }, 2023)).toThrow(
      /place "kz" appears twice/,
    );
    expect(outcome(() => checkYearGraph({ ...DATASET, flows: [...DATASET.flows, flow("kz", "kg", 2023, 5, null)] }, 2024))).toBe("ok");
  });

  it("checkYearGraph on flows made from kept columns: a repeated hop and mode in the year throws the flows' own error", () => {
    const places = [place("cn", "origin"), place("kz", "transit"), place("ru", "market")];
    // rows: [from, to, year, mode, usd]
    const columnsOf = (rows: [number, number, number, string, number | null][], ps = places) => {
      const b = new FlowColumnsBuilder(4);
      const none = b.listCode("", () => []);
      const text = b.textCode("");
      for (const [from, to, year, mode, usd] of rows) b.push(from, to, year, 10, usd, b.modeCode(mode), "reported", none, none, text, text);
      const columns = b.build();
      const flows = materialiseFlows(columns, ps);
      keepFlowColumns(flows, columns, ps);
      return { places: ps, flows };
    };
    const distinct = columnsOf([
      [0, 1, 2024, "road", 1],
      [0, 1, 2024, "rail", 1],
      [1, 2, 2024, "road", 1],
      [1, 2, 2023, "road", 1],
    ]);
    expect(() => checkYearGraph(distinct, 2024)).not.toThrow();
    // kz → ru by road twice in 2024 (not in 2023); without a US$ figure the second is not drawn in US$.
    const repeated = columnsOf([
      [1, 2, 2024, "road", 1],
      [0, 1, 2024, "road", 1],
      [1, 2, 2024, "road", null],
    ]);
    expect(() => checkYearGraph(repeated, 2024)).toThrow('domain/buildYearGraph: flow id "kz>ru@2024/road" appears twice');
    expect(() => checkYearGraph(repeated, 2023)).not.toThrow();
    expect(() => checkYearGraph(repeated, 2024, "usd")).not.toThrow();
    // Ids that a separator in a place id makes equal for different hops ("a>b" → "c" and "a" → "b>c") are still found.
    const joined = columnsOf(
      [
        [0, 1, 2024, "road", 1],
        [2, 3, 2024, "road", 1],
      ],
      [place("a>b", "origin"), place("c", "market"), place("a", "origin"), place("b>c", "market")],
    );
    expect(() => checkYearGraph(joined, 2024)).toThrow('flow id "a>b>c@2024/road" appears twice');
  });
});
