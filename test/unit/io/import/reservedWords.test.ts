// Ids are data: every reserved word of a plain object, as a place, a lane, a kind and an attribute name, in
// every import format, gives the right graph and leaves Object.prototype as it was.
import { MultiDirectedGraph } from "graphology";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildYearGraph } from "../../../../src/domain/buildYearGraph";
import { LANE_COLOURS } from "../../../../src/state/palette";
import { buildScene } from "../../../../src/state/scene";
import { positionsForLayout } from "../../../../src/state/layoutPositions";
import { serialiseYearGraph } from "../../../../src/state/traceScale";
import { forceGraph } from "../../../../src/workers/forceLayout";
import { isReservedKey } from "../../../../src/domain/safeKeys";
import type { Dataset } from "../../../../src/domain/types";
import { DEFAULT_WEIGHTING } from "../../../../src/state/viewState";
import { edges, file, read } from "../helpers";

export const WORDS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf"] as const;

/** Object.prototype's own property names and values: what no import may change. */
function snapshot(): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const name of Object.getOwnPropertyNames(Object.prototype)) {
    const d = Object.getOwnPropertyDescriptor(Object.prototype, name);
    out.set(name, d?.value ?? d?.get);
  }
  return out;
}

let before: Map<string, unknown>;
beforeEach(() => {
  before = snapshot();
});
afterEach(() => {
  const after = snapshot();
  // Put back anything a failing run added, so one failure does not cascade into every later test.
  for (const name of after.keys()) if (!before.has(name)) delete (Object.prototype as Record<string, unknown>)[name];
  expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  for (const [name, value] of before) expect(after.get(name), name).toBe(value);
  expect(({} as Record<string, unknown>).previous).toBeUndefined();
});

/** The dataset draws: year graphs, the serialised graph the workers read, a scene with lane colours. */
function checkDraws(dataset: Dataset, word: string): void {
  const year = dataset.years[0]!;
  const graph = buildYearGraph(dataset, year);
  expect(graph.order).toBe(dataset.places.length);
  const byName = new Map(dataset.places.map((p) => [p.name, p.id]));
  const a = byName.get("A")!;
  const w = byName.get(word)!;
  expect(w).toBeDefined();
  expect(graph.outNeighbors(a)).toEqual([w]);
  expect(graph.inNeighbors(w)).toEqual([a]);
  expect(graph.outDegree(w)).toBe(graph.outEdges(w).length);
  const copy = MultiDirectedGraph.from(serialiseYearGraph(dataset, dataset.flows, year, "vehicles") as never);
  expect(copy.size).toBe(graph.size);
  // Ids handed to graphology and sigma are never reserved words; names stay as the file wrote them.
  for (const place of dataset.places) expect(isReservedKey(place.id), place.id).toBe(false);
  const positions = positionsForLayout("geo", dataset.places, dataset.flows);
  const chain = positionsForLayout("chain", dataset.places, dataset.flows);
  expect(chain.size).toBe(dataset.places.length);
  const force = forceGraph(dataset.places, dataset.flows, positions);
  expect(force.neighbors(a)).toEqual([w]);
  const scene = buildScene({
    places: dataset.places,
    flows: dataset.flows,
    weighting: DEFAULT_WEIGHTING,
    positions,
    laneOf: (f) => dataset.places.find((p) => p.id === f.to)?.lane || "other",
    showEmptyPlaces: true,
  });
  for (const e of scene.edges) expect(e.color).toMatch(/^#[0-9a-f]{6}$/);
}

describe("reserved words as places", () => {
  for (const word of WORDS) {
    it(`"${word}" as a place in an edge list`, async () => {
      const r = await read([file("e.csv", `origin,destination,volume\nA,${word},1\n${word},B,2\n`)]);
      expect(r.status).toBe("ok");
      expect(edges(r.dataset)).toEqual([`A>${word}@2024=1`, `${word}>B@2024=2`]);
      checkDraws(r.dataset!, word);
    });

    it(`"${word}" as a place in Reroute CSV`, async () => {
      const placesCsv = `id,name,kind,country,lat,lon,lane\nA,A,origin,CN,30,110,\n${word},${word},market,KZ,45,70,central-asia\n`;
      const flowsCsv = `from,to,year,vehicles,basis\nA,${word},2024,5,reported\n`;
      const r = await read([file("places.csv", placesCsv), file("flows.csv", flowsCsv)]);
      expect(r.status, JSON.stringify(r.issues)).toBe("ok");
      expect(edges(r.dataset)).toEqual([`A>${word}@2024=5`]);
      checkDraws(r.dataset!, word);
    });

    it(`"${word}" as a place in a flowmap.blue pair`, async () => {
      const locations = `id,name,lat,lon\nA,A,30,110\n${word},${word},45,70\n`;
      const flows = `origin,dest,count\nA,${word},3\n`;
      const r = await read([file("locations.csv", locations), file("flows.csv", flows)]);
      expect(r.status).toBe("ok");
      expect(edges(r.dataset)).toEqual([`A>${word}@2024=3`]);
      checkDraws(r.dataset!, word);
    });

    it(`"${word}" as a place in graphology JSON`, async () => {
      const json = {
        nodes: [{ key: "A", attributes: { label: "A" } }, { key: word }],
        edges: [{ source: "A", target: word, attributes: { weight: 4 } }],
      };
      const r = await read([file("g.json", JSON.stringify(json))]);
      expect(r.status).toBe("ok");
      expect(edges(r.dataset)).toEqual([`A>${word}@2024=4`]);
      checkDraws(r.dataset!, word);
    });

    it(`"${word}" as a place in node-link JSON`, async () => {
      const json = { directed: true, nodes: [{ id: "A" }, { id: word }], links: [{ source: "A", target: word, weight: 6 }] };
      const r = await read([file("g.json", JSON.stringify(json))]);
      expect(r.status).toBe("ok");
      expect(edges(r.dataset)).toEqual([`A>${word}@2024=6`]);
      checkDraws(r.dataset!, word);
    });

    it(`"${word}" as a place in GEXF`, async () => {
      const gexf = `<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="directed"><nodes><node id="A" label="A"/><node id="${word}" label="${word}"/></nodes><edges><edge id="e1" source="A" target="${word}" weight="7"/></edges></graph></gexf>`;
      const r = await read([file("g.gexf", gexf)]);
      expect(r.status, JSON.stringify(r.issues)).toBe("ok");
      expect(edges(r.dataset)).toEqual([`A>${word}@2024=7`]);
      checkDraws(r.dataset!, word);
    });

    it(`"${word}" as a place in GraphML`, async () => {
      const graphml = `<graphml><key id="w" for="edge" attr.name="weight" attr.type="double"/><graph edgedefault="directed"><node id="A"/><node id="${word}"/><edge id="${word}" source="A" target="${word}"><data key="w">8</data></edge></graph></graphml>`;
      const r = await read([file("g.graphml", graphml)]);
      expect(r.status, JSON.stringify(r.issues)).toBe("ok");
      expect(edges(r.dataset)).toEqual([`A>${word}@2024=8`]);
      checkDraws(r.dataset!, word);
    });
  }
});

describe("reserved words as lanes, kinds and attribute names", () => {
  for (const word of WORDS) {
    it(`"${word}" as a lane and an extra column in Reroute CSV; as a kind it is an error at its line and column`, async () => {
      const placesCsv = `id,name,kind,country,lat,lon,lane,${word}\nA,A,origin,CN,30,110,,x\nB,B,market,KZ,45,70,${word},y\n`;
      const flowsCsv = `from,to,year,vehicles,basis,${word}\nA,B,2024,5,reported,z\n`;
      const r = await read([file("places.csv", placesCsv), file("flows.csv", flowsCsv)]);
      expect(r.status, JSON.stringify(r.issues)).toBe("ok");
      expect(r.dataset!.places.find((p) => p.name === "B")!.lane).toBe(word);
      expect(Object.hasOwn(LANE_COLOURS, word)).toBe(false);
      expect(LANE_COLOURS[word]).toBeUndefined();
      checkDraws({ ...r.dataset!, places: r.dataset!.places.map((p) => (p.name === "B" ? { ...p, name: word } : p)) }, word);

      const badKind = `id,name,kind,country,lat,lon\nA,A,origin,CN,30,110\nB,B,${word},KZ,45,70\n`;
      const k = await read([file("places.csv", badKind), file("flows.csv", flowsCsv)]);
      expect(k.status).toBe("failed");
      expect(k.issues.some((i) => i.severity === "error" && i.line === 3 && i.column === 3)).toBe(true);
    });

    it(`"${word}" as a column name of an edge list and of a flowmap pair`, async () => {
      const r = await read([file("e.csv", `origin,destination,volume,${word}\nA,B,1,x\n`)]);
      expect(r.status).toBe("ok");
      expect(edges(r.dataset)).toEqual(["A>B@2024=1"]);
      const fm = await read([
        file("locations.csv", `id,name,lat,lon,${word}\nA,A,30,110,x\nB,B,45,70,y\n`),
        file("flows.csv", `origin,dest,count,${word}\nA,B,3,z\n`),
      ]);
      expect(fm.status).toBe("ok");
      expect(edges(fm.dataset)).toEqual(["A>B@2024=3"]);
    });

    it(`"${word}" as a lane, a kind and an attribute in graphology and node-link JSON`, async () => {
      const attrs = JSON.parse(`{"lane":"${word}","kind":"${word}","${word}":{"previous":1},"weight":2}`) as Record<string, unknown>;
      const g = await read([
        file(
          "g.json",
          JSON.stringify({
            nodes: [
              { key: "A", attributes: attrs },
              { key: "B", attributes: attrs },
            ],
            edges: [{ source: "A", target: "B", attributes: attrs }],
          }),
        ),
      ]);
      expect(g.status).toBe("ok");
      expect(edges(g.dataset)).toEqual(["A>B@2024=2"]);
      expect(g.dataset!.places.map((p) => p.lane)).toEqual([word, word]);
      expect(g.dataset!.places.map((p) => p.kind)).toEqual(["origin", "market"]);
      const nl = await read([
        file(
          "n.json",
          JSON.stringify({
            nodes: [
              { id: "A", ...attrs },
              { id: "B", ...attrs },
            ],
            links: [{ source: "A", target: "B", ...attrs }],
          }),
        ),
      ]);
      expect(nl.status).toBe("ok");
      expect(edges(nl.dataset)).toEqual(["A>B@2024=2"]);
      expect(nl.dataset!.places.map((p) => p.lane)).toEqual([word, word]);
    });

    it(`"${word}" as a lane, a kind and an attribute in GEXF`, async () => {
      const gexf = `<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="directed">
<attributes class="node"><attribute id="0" title="lane" type="string"/><attribute id="1" title="kind" type="string"/><attribute id="${word}" title="${word}" type="string"/></attributes>
<attributes class="edge"><attribute id="${word}" title="${word}" type="string"/><attribute id="weight" title="weight" type="double"/></attributes>
<nodes><node id="A" label="A"><attvalues><attvalue for="0" value="${word}"/><attvalue for="1" value="${word}"/><attvalue for="${word}" value="x"/></attvalues></node>
<node id="B" label="B"><attvalues><attvalue for="0" value="${word}"/></attvalues></node></nodes>
<edges><edge source="A" target="B"><attvalues><attvalue for="${word}" value="y"/><attvalue for="weight" value="9"/></attvalues></edge></edges></graph></gexf>`;
      const r = await read([file("g.gexf", gexf)]);
      expect(r.status, JSON.stringify(r.issues)).toBe("ok");
      expect(edges(r.dataset)).toEqual(["A>B@2024=9"]);
      expect(r.dataset!.places.map((p) => p.lane)).toEqual([word, word]);
      expect(r.dataset!.places.map((p) => p.kind)).toEqual(["origin", "market"]);
    });

    it(`"${word}" as a lane, a kind and an attribute in GraphML`, async () => {
      const graphml = `<graphml><key id="l" for="node" attr.name="lane" attr.type="string"/><key id="k" for="node" attr.name="kind" attr.type="string"/>
<key id="${word}" for="node" attr.name="${word}" attr.type="string"/><key id="w" for="edge" attr.name="weight" attr.type="double"/>
<graph edgedefault="directed"><node id="A"><data key="l">${word}</data><data key="k">${word}</data><data key="${word}">x</data></node>
<node id="B"><data key="l">${word}</data></node><edge source="A" target="B"><data key="w">10</data><data key="${word}">z</data></edge></graph></graphml>`;
      const r = await read([file("g.graphml", graphml)]);
      expect(r.status, JSON.stringify(r.issues)).toBe("ok");
      expect(edges(r.dataset)).toEqual(["A>B@2024=10"]);
      expect(r.dataset!.places.map((p) => p.lane)).toEqual([word, word]);
    });
  }
});
