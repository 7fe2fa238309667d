import { describe, expect, it } from "vitest";
import type { Dataset } from "../../../src/domain/types";
import { exportDatasetCsv } from "../../../src/io/export/flowsCsv";
import { exportGexf } from "../../../src/io/export/gexf";
import { edges, file, places, read } from "./helpers";

async function imported(text: string): Promise<Dataset> {
  const result = await read([file("e.csv", text)]);
  if (!result.dataset) throw new Error(`fixture did not import: ${JSON.stringify(result.issues)}`);
  return result.dataset;
}

const FIXTURE =
  'origin,destination,volume,year\nGermany,Poland,10.5,2022\n"Hamburg, Port",Klaipėda,3,2022\nPoland,"Quote ""Q""",1e21,2023\nKhorgos,Almaty,0,2023\nRotterdam & Co <x>,Germany,2,2022\n';

describe("export round trips", () => {
  it("exportDatasetCsv → importFiles gives the same places and flows", async () => {
    const dataset = await imported(FIXTURE);
    const csv = exportDatasetCsv(dataset);
    const back = await read([file("places.csv", csv.places), file("flows.csv", csv.flows), file("sources.csv", csv.sources)]);
    expect(back.status).toBe("ok");
    expect(back.format).toBe("Reroute CSV (places, flows, sources)");
    expect(places(back.dataset)).toEqual(places(dataset));
    expect(edges(back.dataset)).toEqual(edges(dataset));
    expect(back.dataset?.flows.map((f) => f.id).sort()).toEqual(dataset.flows.map((f) => f.id).sort());
  });

  it("exportDatasetCsv writes only the given flows and skips self-loops, which the format forbids", async () => {
    const dataset = await imported("from,to,volume\nA,B,1\nB,C,2\nC,C,3\n");
    const csv = exportDatasetCsv(dataset, dataset.flows.slice(1));
    expect(csv.skippedSelfLoops).toBe(1);
    expect(csv.flows.trim().split("\n")).toEqual([
      "from,to,year,vehicles,usd,mode,basis,facts,sources,formula,note",
      "B,C,2024,2,,unknown,reported,,,,",
    ]);
  });

  it("exportGexf → importFiles gives the same places and the year's flows", async () => {
    const dataset = await imported(FIXTURE);
    const gexf = exportGexf(dataset, 2022);
    const back = await read([file("export.gexf", gexf)]);
    expect(back.status).toBe("ok");
    expect(back.format).toBe("GEXF 1.3");
    expect(places(back.dataset)).toEqual(places(dataset));
    expect(edges(back.dataset)).toEqual(edges(dataset).filter((line) => line.includes("@2022=")));
  });

  it("exportGexf keeps self-loops and places without coordinates", async () => {
    const dataset = await imported("from,to,volume\nX1,X1,4\nX1,Y,1\n");
    const back = await read([file("export.gexf", exportGexf(dataset, 2024))]);
    expect(edges(back.dataset)).toEqual(edges(dataset));
    expect(places(back.dataset)).toEqual(places(dataset));
    expect(back.summary.selfLoops).toBe(1);
  });
});
