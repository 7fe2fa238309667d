import { describe, expect, it } from "vitest";
import { repairXml } from "../../../src/io/import/xml";
import { edges, file, places, read } from "./helpers";

const nodesAndEdges = `<nodes><node id="a" label="Antwerp"/><node id="b" label="Klaipėda"/></nodes>
<edges><edge id="0" source="a" target="b" weight="12"/><edge id="1" source="b" target="a"/></edges>`;

describe("importFiles(GEXF, GraphML, graphology JSON)", () => {
  it.each([
    ["1.1draft", '<gexf xmlns="http://www.gexf.net/1.1draft" version="1.1">', "GEXF 1.1"],
    ["1.2draft", '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" version="1.2">', "GEXF 1.2"],
    ["1.3", '<gexf xmlns="http://gexf.net/1.3" version="1.3">', "GEXF 1.3"],
  ])("reads GEXF %s with weights (default 1)", async (_name, open, format) => {
    const text = `<?xml version="1.0" encoding="UTF-8"?>\n${open}<graph defaultedgetype="directed">${nodesAndEdges}</graph></gexf>`;
    const result = await read([file("g.gexf", text)]);
    expect(result.status).toBe("ok");
    expect(result.format).toBe(format);
    expect(edges(result.dataset)).toEqual(["Antwerp>Klaipėda@2024=12", "Klaipėda>Antwerp@2024=1"]);
  });

  it("repairs an undeclared viz: prefix and reads positions as lon/lat when they fit the globe", async () => {
    const text = `<gexf version="1.2"><graph><nodes><node id="a" label="A"><viz:position x="4.4" y="51.2" z="0"/><viz:size value="3"/></node><node id="b" label="B"><viz:position x="21.1" y="55.7"/></node></nodes><edges><edge source="a" target="b" weight="2"/></edges></graph></gexf>`;
    const result = await read([file("g.gexf", text)]);
    expect(result.status).toBe("ok");
    expect(result.summary.fixed.join(" ")).toMatch(/declared the missing viz: namespace/);
    // GEXF's defaultedgetype is "undirected" when absent: no origin or market from edge order.
    expect(places(result.dataset)).toEqual(["a|A|transit|ZZ|51.2|4.4", "b|B|transit|ZZ|55.7|21.1"]);
    expect(result.summary.fixed.join(" ")).toMatch(/undirected graph/);
    expect(result.dataset?.undirected).toBe(true);
  });

  it("strips other undeclared prefixes and escapes bare ampersands", async () => {
    const text = `<gexf version="1.3"><ns0:graph defaultedgetype="directed"><nodes><node id="a" label="A & B"/><node id="b" label="C"/></nodes><edges><edge source="a" target="b" ns0:weight="5"/></edges></ns0:graph></gexf>`;
    expect(repairXml(text).fixes).toEqual(['escaped bare "&" characters', 'removed the undeclared "ns0:" prefix']);
    const result = await read([file("g.gexf", text)]);
    expect(edges(result.dataset)).toEqual(["A & B>C@2024=5"]);
  });

  it("ignores x/y that are layout coordinates and prefers lat/lon attributes", async () => {
    const text = `<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3"><graph defaultedgetype="directed">
<attributes class="node"><attribute id="0" title="latitude" type="double"/><attribute id="1" title="lng" type="double"/></attributes>
<nodes><node id="a" label="A"><attvalues><attvalue for="0" value="10"/><attvalue for="1" value="20"/></attvalues><viz:position x="900" y="-800"/></node>
<node id="b" label="B"><viz:position x="500" y="500"/></node></nodes><edges><edge source="a" target="b" weight="1"/></edges></graph></gexf>`;
    const result = await read([file("g.gexf", text)]);
    expect(places(result.dataset)).toEqual(["a|A|origin|ZZ|10|20", "b|B|market|ZZ|null|null"]);
  });

  it("rejects an edge with a non-numeric or negative weight, naming the edge", async () => {
    const text = `<gexf version="1.3" xmlns="http://gexf.net/1.3"><graph defaultedgetype="directed"><attributes class="edge"><attribute id="v" title="value" type="string"/></attributes><nodes><node id="a"/><node id="b"/></nodes>
<edges><edge id="good" source="a" target="b"><attvalues><attvalue for="v" value="3"/></attvalues></edge><edge id="bad" source="b" target="a"><attvalues><attvalue for="v" value="lots"/></attvalues></edge><edge id="neg" source="a" target="a" weight="-2"/></edges></graph></gexf>`;
    const result = await read([file("g.gexf", text)]);
    expect(edges(result.dataset)).toEqual(["a>b@2024=3"]);
    expect(result.summary.rejectedRows).toBe(2);
    expect(result.issues.map((issue) => issue.message).join("\n")).toMatch(/edge "bad".*"lots" is not a number/);
  });

  it("fails with a message on XML that cannot be repaired", async () => {
    const result = await read([file("g.gexf", "<gexf><graph><nodes><node id='a'></nodes></graph></gexf>")]);
    expect(result.status).toBe("failed");
    expect(result.issues.at(-2)?.message ?? result.issues.at(-1)?.message).toMatch(/not well-formed XML/);
  });

  it("reads GraphML with lat/lon keys and a weight key", async () => {
    const text = `<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key id="d0" for="node" attr.name="lat" attr.type="double"/><key id="d1" for="node" attr.name="lon" attr.type="double"/>
<key id="d2" for="edge" attr.name="weight" attr.type="double"/><key id="d3" for="node" attr.name="label" attr.type="string"/>
<graph edgedefault="directed"><node id="n0"><data key="d0">41.0</data><data key="d1">29.0</data><data key="d3">Istanbul</data></node>
<node id="n1"><data key="d3">Kazakhstan</data></node>
<edge source="n0" target="n1"><data key="d2">7.5</data></edge></graph></graphml>`;
    const result = await read([file("g.graphml", text)]);
    expect(result.format).toBe("GraphML");
    expect(edges(result.dataset)).toEqual(["Istanbul>Kazakhstan@2024=7.5"]);
    expect(places(result.dataset)).toEqual(["n0|Istanbul|origin|ZZ|41|29", "n1|Kazakhstan|market|KZ|48|68"]);
  });

  it("reads graphology's serialised JSON without evaluating anything", async () => {
    const graph = {
      attributes: { name: "x" },
      options: { type: "directed" },
      nodes: [
        { key: "a", attributes: { label: "Poti", latitude: 42.15, longitude: 41.67 } },
        { key: "b", attributes: { label: "Baku", lat: "40.4", lon: "49.9" } },
        { key: 3 },
      ],
      edges: [
        { source: "a", target: "b", attributes: { volume: 5, year: 2022 } },
        { source: "a", target: "b", attributes: { count: 1, year: 2022 } },
        { source: "b", target: "3", attributes: { weight: "toString" } },
        { source: "b" },
      ],
    };
    const result = await read([file("graph.json", JSON.stringify(graph))]);
    expect(result.format).toBe("graphology JSON");
    expect(edges(result.dataset)).toEqual(["Poti>Baku@2022=6"]);
    expect(result.summary.rejectedRows).toBe(2);
    expect(places(result.dataset)).toContain("a|Poti|origin|ZZ|42.15|41.67");
  });
  it("reads GraphML as yEd writes it: port/graphml keys ignored, names from <y:NodeLabel>", async () => {
    const text = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml" xmlns:yed="http://www.yworks.com/xml/yed/3">
  <!--Created by yEd 3.23.2-->
  <key attr.name="Description" attr.type="string" for="graph" id="d0"/>
  <key for="port" id="d1" yfiles.type="portgraphics"/>
  <key for="port" id="d2" yfiles.type="portgeometry"/>
  <key attr.name="url" attr.type="string" for="node" id="d4"/>
  <key for="node" id="d6" yfiles.type="nodegraphics"/>
  <key for="graphml" id="d7" yfiles.type="resources"/>
  <key attr.name="weight" attr.type="double" for="all" id="d8"/>
  <key for="edge" id="d10" yfiles.type="edgegraphics"/>
  <graph edgedefault="directed" id="G">
    <data key="d0"/>
    <node id="n0"><data key="d6"><y:ShapeNode><y:Geometry height="30.0" width="30.0" x="392.0" y="221.0"/><y:Fill color="#FFCC00" transparent="false"/>
      <y:NodeLabel alignment="center" visible="true" xml:space="preserve">Kazakhstan<y:LabelModel><y:SmartNodeLabelModel distance="4.0"/></y:LabelModel></y:NodeLabel></y:ShapeNode></data></node>
    <node id="n1"><data key="d6"><y:ShapeNode><y:NodeLabel>Russia</y:NodeLabel></y:ShapeNode></data></node>
    <edge id="e0" source="n0" target="n1"><data key="d8">12</data><data key="d10"><y:PolyLineEdge><y:Arrows source="none" target="standard"/></y:PolyLineEdge></data></edge>
  </graph>
  <data key="d7"><y:Resources/></data>
</graphml>`;
    const result = await read([file("yed.graphml", text)]);
    expect(result.status).toBe("ok");
    expect(result.format).toBe("GraphML");
    expect(edges(result.dataset)).toEqual(["Kazakhstan>Russia@2024=12"]);
    expect(places(result.dataset)).toEqual(["n0|Kazakhstan|origin|KZ|48|68", "n1|Russia|market|RU|60|100"]);
    expect(result.summary.fixed.join(" ")).toMatch(/3 drawing-only keys .* ignored/);
  });
  it("reads node-link JSON as NetworkX (node_link_data) and d3 write it", async () => {
    const networkx = {
      directed: true,
      multigraph: false,
      graph: {},
      nodes: [{ id: "Shanghai", lat: 31.23, lon: 121.47 }, { id: "Busan", lat: 35.1, lon: 129.04 }, { label: "no id" }],
      links: [
        { source: "Shanghai", target: "Busan", weight: 300, year: 2022 },
        { source: "Busan", target: "Shanghai", weight: 20, year: 2022 },
        { source: "Busan" },
      ],
    };
    const result = await read([file("graph.json", JSON.stringify(networkx))]);
    expect(result.status).toBe("ok");
    expect(result.format).toBe("node-link JSON (NetworkX, d3)");
    expect(edges(result.dataset)).toEqual(["Busan>Shanghai@2022=20", "Shanghai>Busan@2022=300"]);
    expect(places(result.dataset)).toContain("Shanghai|Shanghai|transit|ZZ|31.23|121.47");
    expect(result.summary.rejectedRows).toBe(1);
    expect(result.issues.map((issue) => issue.message).join("\n")).toMatch(/node 3 has no id/);
    // d3 after a force simulation: links point at node objects or indices, nodes have no ids.
    const d3 = { nodes: [{ name: "Germany" }, { name: "France" }], links: [{ source: 0, target: 1, value: 4 }] };
    const second = await read([file("d3.json", JSON.stringify(d3))]);
    expect(edges(second.dataset)).toEqual(["Germany>France@2024=4"]);
    expect(places(second.dataset)).toEqual(["0|Germany|origin|DE|51|9", "1|France|market|FR|46|2"]);
  });
  it("dates dynamic GEXF edges (start, timestamp, spells) and splits weights given per period into one flow per year", async () => {
    const text = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph mode="dynamic" defaultedgetype="directed" timeformat="date">
    <attributes class="edge" mode="dynamic"><attribute id="weight" title="Weight" type="double"/></attributes>
    <nodes><node id="a" label="Germany"/><node id="b" label="France"/><node id="c" label="Italy"/></nodes>
    <edges>
      <edge id="0" source="a" target="b" start="2019-01-01" end="2019-12-31" weight="5"/>
      <edge id="1" source="b" target="c" weight="2"><spells><spell start="2020-01-01" end="2021-12-31"/></spells></edge>
      <edge id="2" source="a" target="c"><attvalues><attvalue for="weight" value="3" start="2018-01-01" end="2018-12-31"/><attvalue for="weight" value="4" timestamp="2019-06-30"/></attvalues></edge>
      <edge id="3" source="c" target="a" weight="1"><attvalues><attvalue for="weight" value="9"/></attvalues></edge>
    </edges>
  </graph>
</gexf>`;
    const result = await read([file("timeline.gexf", text)]);
    expect(result.status).toBe("ok");
    expect(edges(result.dataset)).toEqual([
      "France>Italy@2020=2",
      "Germany>France@2019=5",
      "Germany>Italy@2018=3",
      "Germany>Italy@2019=4",
      "Italy>Germany@2024=9",
    ]);
    expect(result.summary.fixed).toContain("1 dynamic edge with values per period read as one flow per year");
    expect(result.summary.fixed).toContain("2 dynamic edges dated by the year their start or first spell begins");
    expect(result.summary.fixed).toContain("1 flow without a year dated 2024"); // not "every flow": the others have years
  });
});
