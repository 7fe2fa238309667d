import { describe, expect, it } from "vitest";
import {
  FlowColumnsBuilder,
  FlowIds,
  keepFlowColumns,
  keptFlowColumns,
  materialiseFlows,
  materialiseFlowsInSlices,
  nextTask,
  packFlowColumns,
} from "../../../src/domain/flowColumns";
import { checkStoredFlowColumns, readStoredData } from "../../../src/io/storedRecords";
import { parseDataset, splitList } from "../../../src/domain/parseDataset";
import { flowId, type Place } from "../../../src/domain/types";
import { importFilesSync } from "../../../src/io/import/importFiles";

const place = (id: string): Place => ({ id, name: id, kind: "market", country: "RU", lat: 0, lon: 0, lane: "", nativeName: "", note: "" });
const PLACES = [place("a"), place("b"), place("c")];

function build(rows: number) {
  const b = new FlowColumnsBuilder(16);
  for (let i = 0; i < rows; i++) {
    b.push(
      i % 3,
      (i + 1) % 3,
      2020 + (i % 2),
      i * 10,
      i % 4 === 0 ? null : i * 1.5,
      b.modeCode(i % 2 ? "rail" : "road"),
      i % 2 ? "reported" : "modelled",
      b.listCode(i % 2 ? "U1; X2" : "", splitList),
      b.listCode("s1", splitList),
      b.textCode(i % 2 ? "" : `${i} × 0.5`),
      b.textCode(""),
    );
  }
  return b.build();
}

describe("flow columns", () => {
  it("hold each flow in typed arrays and give it back as the Flow object it stands for", () => {
    const columns = build(3);
    expect(columns.length).toBe(3);
    expect([...columns.from]).toEqual([0, 1, 2]);
    expect(columns.usd[0]).toBeNaN();
    expect(materialiseFlows(columns, PLACES)).toEqual([
      {
        id: "a>b@2020/road",
        from: "a",
        to: "b",
        year: 2020,
        volume: 0,
        usd: null,
        mode: "road",
        basis: "modelled",
        facts: [],
        sources: ["s1"],
        formula: "0 × 0.5",
        note: "",
      },
      {
        id: "b>c@2021/rail",
        from: "b",
        to: "c",
        year: 2021,
        volume: 10,
        usd: 1.5,
        mode: "rail",
        basis: "reported",
        facts: ["U1", "X2"],
        sources: ["s1"],
        formula: "",
        note: "",
      },
      {
        id: "c>a@2020/road",
        from: "c",
        to: "a",
        year: 2020,
        volume: 20,
        usd: 3,
        mode: "road",
        basis: "modelled",
        facts: [],
        sources: ["s1"],
        formula: "2 × 0.5",
        note: "",
      },
    ]);
  });

  it("intern equal cells (one list per distinct text, shared and frozen) and grow past their first capacity", () => {
    const columns = build(100);
    expect(columns.length).toBe(100);
    expect(columns.from.length).toBe(100);
    expect(columns.lists).toHaveLength(3); // "", "s1", "U1; X2"
    expect(columns.modes).toEqual(["road", "rail"]);
    const flows = materialiseFlows(columns, PLACES);
    expect(flows[1]!.facts).toBe(flows[3]!.facts);
    expect(Object.isFrozen(flows[1]!.facts)).toBe(true);
    expect(flows[99]).toMatchObject({ from: "a", to: "b", year: 2021, volume: 990, usd: 148.5 });
  });

  it("are turned into flows a slice at a time, giving the page back between slices, with the same result", async () => {
    const columns = build(5000);
    let yields = 0;
    const flows = await materialiseFlowsInSlices(columns, PLACES, 30, async () => void yields++);
    expect(yields).toBeGreaterThan(0);
    expect(flows).toEqual(materialiseFlows(columns, PLACES));
  });

  it("give the page back by a message to themselves (no timer clamp), after what was already queued", async () => {
    const order: string[] = [];
    const waited = nextTask().then(() => order.push("next task"));
    void Promise.resolve().then(() => order.push("microtask"));
    await waited;
    expect(order).toEqual(["microtask", "next task"]);
    // Tiny slices with the default yield: every slice a task of its own, the same flows.
    const columns = build(3000);
    expect(await materialiseFlowsInSlices(columns, PLACES, 0)).toEqual(materialiseFlows(columns, PLACES));
  });

  it("stop between slices once their signal is aborted, with an AbortError", async () => {
    const columns = build(20000);
    const controller = new AbortController();
    let yields = 0;
    const made = materialiseFlowsInSlices(
      columns,
      PLACES,
      0,
      async () => {
        if (++yields === 2) controller.abort();
      },
      controller.signal,
    );
    await expect(made).rejects.toMatchObject({ name: "AbortError" });
    expect(yields).toBe(2);
  });

  it("are remembered for the flow list made from them, with the same places only", () => {
    const columns = build(4);
    const flows = materialiseFlows(columns, PLACES);
    keepFlowColumns(flows, columns, PLACES);
    expect(keptFlowColumns(flows, PLACES)).toBe(columns);
    expect(keptFlowColumns(flows, [...PLACES])).toBeNull();
    expect(keptFlowColumns([...flows], PLACES)).toBeNull();
  });
});

const FILES = {
  places: "id,name,kind,country,lat,lon\na,A,origin,CN,1,2\nb,B,market,RU,3,4\nc,C,market,KZ,5,6\n",
  flows:
    "from,to,year,vehicles,usd,mode,basis,facts,sources,formula\n" +
    "a,b,2024,10,5,road,reported,U1,s1,\n" +
    "a,c,2024,7,,rail,modelled,,s1;s2,7 × 1\n" +
    "b,c,2023,3,,,derived,,,3 − 0\n",
  sources: "id,publisher,title\ns1,P,T\ns2,P,T\n",
};

describe("parseDataset with flows as columns", () => {
  it("gives columns that materialise to exactly the flows the object mode gives, with an empty flow list", () => {
    const objects = parseDataset(FILES, { id: "t", name: "t" });
    const columns = parseDataset(FILES, { id: "t", name: "t" }, { flows: "columns" });
    expect(columns.issues).toEqual(objects.issues);
    expect(columns.dataset?.flows).toEqual([]);
    expect(columns.dataset?.years).toEqual([2023, 2024]);
    expect(materialiseFlows(columns.columns!, columns.dataset!.places)).toEqual(objects.dataset!.flows);
  });

  it("reaches the import result through importFiles' flowColumns option, counted in the summary", () => {
    const enc = new TextEncoder();
    const files = Object.entries(FILES).map(([name, text]) => ({ name: `${name}.csv`, bytes: enc.encode(text) }));
    const result = importFilesSync(files, { flowColumns: true });
    expect(result.status).toBe("ok");
    expect(result.columns?.length).toBe(3);
    expect(result.summary).toMatchObject({ flows: 3, validRows: 3 });
    expect(importFilesSync(files).columns).toBeUndefined();
  });
});

describe("packed flow columns", () => {
  it("keep the typed arrays and give back the same flows after a JSON round trip of the tables", () => {
    const columns = build(50);
    const packed = packFlowColumns(columns);
    expect(packed.arrays.from).toBe(columns.from);
    expect(typeof packed.tables).toBe("string");
    const back = checkStoredFlowColumns(structuredClone(packed), PLACES.length);
    if (typeof back === "string") throw new Error(back);
    expect(materialiseFlows(back, PLACES)).toEqual(materialiseFlows(columns, PLACES));
  });

  it("are refused when an index, a volume or an array is out of shape (storage is read like a file)", () => {
    const damage = (edit: (p: ReturnType<typeof packFlowColumns>) => void) => {
      const packed = structuredClone(packFlowColumns(build(5)));
      edit(packed);
      return checkStoredFlowColumns(packed, PLACES.length);
    };
    expect(typeof damage(() => {})).toBe("object");
    expect(damage((p) => void (p.arrays.to[2] = 3))).toBe("flow 3 names a place that is not there");
    expect(damage((p) => void (p.arrays.volume[0] = Infinity))).toBe("flow 1 has a volume out of range");
    expect(damage((p) => void (p.arrays.volume[1] = -5))).toBe("flow 2 has a volume out of range");
    expect(damage((p) => void (p.arrays.usd[4] = 2e15))).toBe("flow 5 has a value out of range");
    expect(damage((p) => void (p.arrays.mode[0] = 99))).toBe("flow 1 has an unknown mode or basis");
    expect(damage((p) => void (p.arrays.note[0] = 1e6))).toBe("flow 1 points past its text tables");
    expect(damage((p) => void (p.arrays.from = new Uint32Array(4)))).toBe("from is not a list of 5 numbers");
    expect(damage((p) => void (p.arrays.year = [2023] as unknown as Uint16Array))).toMatch(/year is not a list/);
    expect(damage((p) => void (p.tables = "{"))).toBe("tables are not JSON");
    expect(damage((p) => void (p.tables = JSON.stringify({ modes: [1], lists: [], texts: [] })))).toBe("tables are not text");
    expect(checkStoredFlowColumns(null, 3)).toBe("not a record");
    // Stored before flows had a volume: the array was called "vehicles".
    const older = structuredClone(packFlowColumns(build(5))) as unknown as { arrays: Record<string, unknown>; tables: string };
    older.arrays.vehicles = older.arrays.volume;
    delete older.arrays.volume;
    const read = checkStoredFlowColumns(older, PLACES.length);
    expect(typeof read === "object" && [...read.volume]).toEqual([...build(5).volume]);
  });

  it("come back from storage as the flows they were, checked with the rest of the dataset, and a damaged set is refused", () => {
    const enc = new TextEncoder();
    const files = Object.entries(FILES).map(([name, text]) => ({ name: `${name}.csv`, bytes: enc.encode(text) }));
    const result = importFilesSync(files);
    const dataset = result.dataset!;
    const parsed = parseDataset(FILES, { id: dataset.id, name: dataset.name }, { flows: "columns" });
    const record = {
      id: dataset.id,
      json: JSON.stringify({ dataset: { ...dataset, flows: [] }, views: [] }),
      flowColumns: packFlowColumns(parsed.columns!),
    };
    const read = readStoredData(dataset.id, structuredClone(record));
    expect(read.ok && read.dataset.flows).toEqual(dataset.flows);
    expect(read.ok && keptFlowColumns(read.dataset.flows, read.dataset.places)?.length).toBe(dataset.flows.length);
    const bad = structuredClone(record);
    bad.flowColumns.arrays.from[0] = 77;
    expect(readStoredData(dataset.id, bad)).toEqual({
      ok: false,
      problem: "its flow columns are damaged (flow 1 names a place that is not there)",
    });
  });
});

describe("FlowIds", () => {
  it("writes each flow's id as flowId does, from a hop's piece and a year and mode's piece", () => {
    const ids = new FlowIds([place("cn"), place("kz"), place("a>b")], ["road", "rail"]);
    expect(ids.id(0, 1, 2024, 0)).toBe("cn>kz@2024/road");
    expect(ids.id(0, 1, 2023, 1)).toBe("cn>kz@2023/rail");
    expect(ids.id(1, 0, 2024, 0)).toBe("kz>cn@2024/road");
    expect(ids.id(2, 2, 2024, 1)).toBe("a>b>a>b@2024/rail");
    // Asked again, the same text.
    expect(ids.id(0, 1, 2024, 0)).toBe(flowId("cn", "kz", 2024, "road"));
  });
});
