// Files as researchers get them from other tools — R's write.csv, pandas' to_csv, Excel, Google Sheets,
// Gephi, NetworkX — each read to the graph it was written from.
import { describe, expect, it } from "vitest";
import { edges, file, latin1, places, read } from "../helpers";

const YEARLESS = { defaultYear: undefined };

describe("node tables joined to edge files", () => {
  // R: write.csv(edges) and write.csv(nodes): a quoted row-name column with an empty header, NA for missing,
  // "X2010" for a column read.csv named from "2010". State FIPS codes to ISO numeric country codes.
  const rEdges = `"","Origin","Dest","X2010","X2011","X2012","X2013","X2014","Average","Rank"
"1",13,268,5,6,NA,8,9,7,2
"2",6,124,100,110,120,130,140,120,1
"3",48,484,40,NA,NA,NA,50,45,3
`;
  const rNodes = `"","Code","Name","Lat","Lon"
"1","13","Georgia",32.68,-83.22
"2","06","California",36.78,-119.42
"3","48","Texas",31.97,-99.9
"4","268","Georgia",42.32,43.36
"5","124","Canada",56.13,-106.35
"6","484","Mexico",23.63,-102.55
"7","999","Nowhere",0,0
`;

  it("joins an R node table by its code column: named places at their coordinates, years from X2010…X2014", async () => {
    const result = await read([file("exports.csv", rEdges), file("nodes.csv", rNodes)], YEARLESS);
    expect(result.status).toBe("ok");
    expect(result.format).toBe("edge list CSV (wide: a column per year) with a node table");
    expect(places(result.dataset)).toEqual([
      "124|Canada|market|CA|56.13|-106.35",
      "13|Georgia|origin|ZZ|32.68|-83.22",
      "268|Georgia|market|GE|42.32|43.36",
      "484|Mexico|market|MX|23.63|-102.55",
      "48|Texas|origin|ZZ|31.97|-99.9",
      "6|California|origin|ZZ|36.78|-119.42",
    ]);
    expect(edges(result.dataset)).toEqual([
      "California>Canada@2010=100",
      "California>Canada@2011=110",
      "California>Canada@2012=120",
      "California>Canada@2013=130",
      "California>Canada@2014=140",
      "Georgia>Georgia@2010=5",
      "Georgia>Georgia@2011=6",
      "Georgia>Georgia@2013=8",
      "Georgia>Georgia@2014=9",
      "Texas>Mexico@2010=40",
      "Texas>Mexico@2014=50",
    ]);
    expect(result.dataset?.years).toEqual([2010, 2011, 2012, 2013, 2014]);
    expect(result.dataset?.timeless).toBeUndefined();
    expect(result.summary.joins).toEqual(["nodes.csv: 6 of 6 ids matched (column Code); 1 node row without flows left out"]);
    expect(result.summary.timeAxis).toBe("5 year columns: 2010–2014 → years");
    // The state and the country called Georgia stay two places, and no flow is a self-loop.
    expect(result.summary.selfLoops).toBe(0);
    // Averages and ranks are attributes, not volumes.
    expect(result.summary.attributes).toEqual(["Average", "Rank"]);
    expect(result.summary.fixed.join(" | ")).toMatch(/not summed as volumes: Average, Rank/);
    expect(result.summary.fixed.join(" | ")).toMatch(/4 empty or NA year cells read as no flow that year/);
    expect(result.issues.filter((issue) => issue.severity === "error")).toEqual([]);
  });

  it("never reads the ids of a node table as country codes, even where the table gives no coordinates", async () => {
    const result = await read(
      [file("flows.csv", "from,to,value,year\n124,250,3,2020\n"), file("nodes.csv", "id,name\n124,Plant 124\n250,Depot 250\n")],
      {},
    );
    expect(places(result.dataset)).toEqual(["124|Plant 124|origin|ZZ|null|null", "250|Depot 250|market|ZZ|null|null"]);
  });

  it("joins a pandas node table (index column, latitude/longitude, other attributes) and lists the ids it lacks", async () => {
    // pandas: df.to_csv("edges.csv") writes the index as a first column with an empty header.
    const edgesCsv = ",source,target,weight,year\n0,HAM,KUN,12.0,2021\n1,HAM,TBS,3.5,2021\n2,KUN,ALA,7.0,2022\n3,HAM,XXX,1.0,2022\n";
    const nodesCsv =
      ",id,name,latitude,longitude,population,region\n0,HAM,Hamburg,53.55,9.99,1841000,North\n1,KUN,Kaunas,54.9,23.9,,Baltic\n2,TBS,Tbilisi,41.72,44.79,1118000,Caucasus\n3,ALA,Almaty,43.24,76.89,2000000,Central Asia\n";
    const result = await read([file("edges.csv", edgesCsv), file("nodes.csv", nodesCsv)]);
    expect(result.status).toBe("ok");
    expect(places(result.dataset)).toEqual([
      "ALA|Almaty|market|ZZ|43.24|76.89",
      "HAM|Hamburg|origin|ZZ|53.55|9.99",
      "KUN|Kaunas|transit|ZZ|54.9|23.9",
      "TBS|Tbilisi|market|ZZ|41.72|44.79",
      "XXX|XXX|market|ZZ|null|null",
    ]);
    expect(result.summary.joins).toEqual(["nodes.csv: 4 of 5 ids matched (column id); 1 unmatched: XXX"]);
    expect(result.issues.map((issue) => issue.message).join(" ")).toMatch(/1 id of the flows is not in nodes\.csv \(XXX\): kept/);
    const hamburg = result.dataset?.places.find((p) => p.id === "HAM");
    expect(hamburg?.note).toBe("population: 1841000; region: North");
    expect(result.summary.unknownRefs).toEqual([]);
  });

  it("joins by the column the edges use, names or codes, and by geographic x/y", async () => {
    const edgesCsv = "from,to,count\nFrance,Germany,2\nGermany,Poland,1\n";
    const nodesCsv = "code,label,x,y\nFR,France,2.2,46.2\nDE,Germany,10.4,51.2\nPL,Poland,19.1,51.9\n";
    const result = await read([file("nodes.csv", nodesCsv), file("edges.csv", edgesCsv)]);
    expect(result.summary.joins).toEqual(["nodes.csv: 3 of 3 ids matched (column label)"]);
    expect(places(result.dataset)).toEqual([
      "France|France|origin|FR|46.2|2.2",
      "Germany|Germany|transit|DE|51.2|10.4",
      "Poland|Poland|market|PL|51.9|19.1",
    ]);
    expect(result.summary.fixed.join(" | ")).toMatch(/x\/y read as longitude\/latitude/);
  });

  it("reads several edge files with the same columns beside one node table", async () => {
    const result = await read([
      file("flows-2020.csv", "origin,destination,volume,year\na,b,1,2020\n"),
      file("flows-2021.csv", "origin,destination,volume,year\na,b,2,2021\nb,c,4,2021\n"),
      file("places.csv", "id,name,lat,lon\na,Alpha,10,10\nb,Beta,20,20\nc,Gamma,30,30\n"),
    ]);
    expect(edges(result.dataset)).toEqual(["Alpha>Beta@2020=1", "Alpha>Beta@2021=2", "Beta>Gamma@2021=4"]);
    expect(result.issues.filter((issue) => /not used/.test(issue.message))).toEqual([]);
  });
});

describe("wide tables: year columns are the time axis", () => {
  it("melts Excel's semicolon export with decimal commas and a growth column it does not sum", async () => {
    // Excel (French locale), Windows-1252: "sep=;" line, decimal commas, thousands dots, a "Croissance %" column.
    const text =
      "sep=;\r\nOrigine;Destination;2019;2020;2021;Croissance %\r\nChine;Russie;1.234,5;2.000;;12,5\r\nChine;Kazakhstan;10;20;30;50\r\n";
    const result = await read([file("export.csv", latin1(text))], YEARLESS);
    expect(result.status).toBe("ok");
    expect(edges(result.dataset)).toEqual([
      "Chine>Kazakhstan@2019=10",
      "Chine>Kazakhstan@2020=20",
      "Chine>Kazakhstan@2021=30",
      "Chine>Russie@2019=1234.5",
      "Chine>Russie@2020=2000",
    ]);
    expect(result.summary.attributes).toEqual(["Croissance %"]);
    expect(result.dataset?.places.map((p) => `${p.name}:${p.country}`).sort()).toEqual(["Chine:CN", "Kazakhstan:KZ", "Russie:RU"]);
  });

  it("sums a Google Sheets export's month columns into years", async () => {
    const text = "From,To,Jan 2023,Feb 2023,Mar 2023,Jan 2024\r\nBremen,Riga,1,2,3,10\r\n";
    const result = await read([file("Sheet1.csv", text)], YEARLESS);
    expect(edges(result.dataset)).toEqual(["Bremen>Riga@2023=6", "Bremen>Riga@2024=10"]);
    expect(result.summary.timeAxis).toBe("4 month columns: Jan 2023–Jan 2024 → years 2023–2024 (months summed)");
  });

  it("keeps a user's choice: a long table read with the volume column it names", async () => {
    const text = "origin,destination,2019,2020,total\nA,B,1,2,3\n";
    const wide = await read([file("t.csv", text)], YEARLESS);
    expect(edges(wide.dataset)).toEqual(["A>B@2019=1", "A>B@2020=2"]);
    const chosen = await read([file("t.csv", text)], {
      ...YEARLESS,
      columnMapping: { origin: "origin", destination: "destination", volume: "total" },
    });
    expect(edges(chosen.dataset)).toEqual([`A>B@${chosen.dataset?.years[0]}=3`]);
    expect(chosen.dataset?.timeless).toBe(true);
  });
});

describe("no year means no year", () => {
  it("marks a yearless flowmap.blue pair timeless instead of dating it today", async () => {
    const result = await read(
      [
        file("locations.csv", "id,name,lat,lon\nb,Bremerhaven,53.55,8.58\nt,Tbilisi,41.7,44.8\n"),
        file("flows.csv", "origin,dest,count\nb,t,10\n"),
      ],
      YEARLESS,
    );
    expect(result.dataset?.timeless).toBe(true);
    expect(result.dataset?.years).toHaveLength(1);
    expect(result.summary.fixed).toContain("no time column: the flows are not dated (no Year control)");
    expect(result.summary.fixed.join(" ")).not.toMatch(/dated 20\d\d/);
  });

  it("keeps a year the caller chose", async () => {
    const result = await read([file("e.csv", "from,to,volume\nA,B,1\n")], { defaultYear: 2019 });
    expect(result.dataset?.timeless).toBeUndefined();
    expect(result.dataset?.years).toEqual([2019]);
  });
});

describe("graph semantics: undirected and unweighted graphs", () => {
  it("reads Gephi's undirected GEXF without origin/market kinds, A–B and B–A as one pair", async () => {
    const gexf = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <meta lastmodifieddate="2024-05-01"><creator>Gephi 0.10.1</creator></meta>
  <graph defaultedgetype="undirected" mode="static">
    <nodes>
      <node id="0" label="JFK"/><node id="1" label="LHR"/><node id="2" label="CDG"/>
    </nodes>
    <edges>
      <edge id="0" source="0" target="1" weight="1.0"/>
      <edge id="1" source="1" target="0" weight="1.0"/>
      <edge id="2" source="1" target="2" weight="1.0"/>
    </edges>
  </graph>
</gexf>`;
    const result = await read([file("airlines.gexf", gexf)], YEARLESS);
    expect(result.dataset?.undirected).toBe(true);
    expect(result.dataset?.timeless).toBe(true);
    expect(places(result.dataset).map((p) => p.split("|").slice(1, 3).join(":"))).toEqual(["JFK:transit", "LHR:transit", "CDG:transit"]);
    const year = result.dataset?.years[0];
    expect(edges(result.dataset)).toEqual([`JFK>LHR@${year}=2`, `LHR>CDG@${year}=1`]);
    expect(result.summary.fixed.join(" | ")).toMatch(/undirected graph: its edges have no direction/);
  });

  it("weights an unweighted NetworkX GraphML by edge count and says so", async () => {
    // nx.write_graphml(G) of an undirected graph without weights.
    const graphml = `<?xml version='1.0' encoding='utf-8'?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="d0" for="node" attr.name="name" attr.type="string" />
  <graph edgedefault="undirected">
    <node id="a"><data key="d0">Alpha</data></node>
    <node id="b"><data key="d0">Beta</data></node>
    <node id="c"><data key="d0">Gamma</data></node>
    <edge source="a" target="b" />
    <edge source="b" target="c" />
  </graph>
</graphml>`;
    const result = await read([file("g.graphml", graphml)], YEARLESS);
    expect(result.dataset?.undirected).toBe(true);
    expect(result.dataset?.unweighted).toBe(true);
    expect(result.dataset?.unit).toBe("edges");
    expect(result.dataset?.flows.map((f) => f.volume)).toEqual([1, 1]);
    expect(result.summary.fixed).toContain("no edge weights: each flow counts its edges (1 per edge)");
    expect(result.dataset?.places.every((p) => p.kind === "transit")).toBe(true);
  });

  it("reads NetworkX node-link JSON with directed: false as undirected, and directed: true as directed", async () => {
    const graph = (directed: boolean) =>
      JSON.stringify({
        directed,
        multigraph: false,
        graph: {},
        nodes: [{ id: "a" }, { id: "b" }],
        links: [{ source: "a", target: "b", weight: 2 }],
      });
    const undirected = await read([file("g.json", graph(false))]);
    expect(undirected.dataset?.undirected).toBe(true);
    const directed = await read([file("g.json", graph(true))]);
    expect(directed.dataset?.undirected).toBeUndefined();
    expect(places(directed.dataset).map((p) => p.split("|")[2])).toEqual(["origin", "market"]);
  });

  it("keeps a directed GEXF directed", async () => {
    const gexf = `<gexf version="1.3"><graph defaultedgetype="directed"><nodes><node id="a"/><node id="b"/></nodes><edges><edge source="a" target="b" weight="4"/></edges></graph></gexf>`;
    const result = await read([file("g.gexf", gexf)]);
    expect(result.dataset?.undirected).toBeUndefined();
    expect(result.dataset?.unweighted).toBeUndefined();
  });
});

describe("one name, two places", () => {
  it("keeps the US state and the country called Georgia apart in a state-to-country table", async () => {
    const states = ["Alabama", "Georgia", "Ohio", "Texas", "Utah", "Iowa", "Maine", "Idaho", "Kansas", "Nevada"];
    const countries = ["Canada", "Georgia", "Mexico", "Japan", "France", "Chile", "Peru", "India", "Egypt", "Spain"];
    const rows = states.map((state, i) => `${state},${countries[i]},${i + 1}`).join("\n");
    // The user says which column is which in the mapping step.
    const columnMapping = { origin: "State", destination: "Country", volume: "Value" };
    const result = await read([file("state_exports.csv", `State,Country,Value\n${rows}\nTexas,Georgia,20\n`)], { columnMapping });
    const georgias = result.dataset?.places.filter((p) => p.name.startsWith("Georgia")) ?? [];
    expect(georgias.map((p) => `${p.id}|${p.name}|${p.kind}`)).toEqual([
      "Georgia|Georgia (State)|origin",
      "Georgia-2|Georgia (Country)|market",
    ]);
    expect(edges(result.dataset)).toContain("Georgia (State)>Georgia (Country)@2024=2");
    expect(edges(result.dataset)).toContain("Texas>Georgia (Country)@2024=20");
    expect(result.summary.selfLoops).toBe(0);
  });

  it("does not split a place that is an origin and a destination in an ordinary network", async () => {
    const result = await read([file("e.csv", "from,to,volume\nA,B,1\nB,C,1\n")]);
    expect(result.dataset?.places.map((p) => p.name)).toEqual(["A", "B", "C"]);
  });
});

describe("country names in six languages", () => {
  it("places names in English, French, Spanish, Russian, Chinese and Arabic at the same country", async () => {
    const names = {
      China: ["China", "Chine", "China", "Китай", "中国", "الصين"],
      Russia: ["Russia", "Russie", "Rusia", "Россия", "俄罗斯", "روسيا"],
    };
    const rows = names.China.map((china, i) => `${china},${names.Russia[i]},${i + 1}`).join("\n");
    const result = await read([file("trade.csv", `exporter,importer,value\n${rows}\n`)]);
    const countries = new Map(result.dataset?.places.map((p) => [p.name, p.country]));
    for (const name of names.China) expect(countries.get(name)).toBe("CN");
    for (const name of names.Russia) expect(countries.get(name)).toBe("RU");
    const at = new Set(result.dataset?.places.filter((p) => p.country === "RU").map((p) => `${p.lat},${p.lon}`));
    expect(at.size).toBe(1);
  });

  it("shows a native name equal to the name once", async () => {
    const json = JSON.stringify({
      nodes: [{ key: "BR", attributes: { label: "Brazil", native_name: "Brazil" } }, { key: "AR" }],
      edges: [{ source: "BR", target: "AR" }],
    });
    const result = await read([file("g.json", json)]);
    expect(result.dataset?.places.find((p) => p.id === "BR")?.nativeName).toBe("");
  });
});
