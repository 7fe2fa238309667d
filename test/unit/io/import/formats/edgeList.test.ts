import { describe, expect, it } from "vitest";
import { edges, file, latin1, places, read, utf16le, utf8 } from "../../helpers";

describe("importFiles(edge list CSV)", () => {
  it("reads a comma file with BOM, CRLF, quoted commas and quotes, blank and trailing empty rows", async () => {
    const text =
      '\uFEFForigin,destination,volume,year\r\n"Hamburg, DE",Kaunas,10,2023\r\n\r\n"The ""Big"" Port",Kaunas,5,2023\r\n,,,\r\n\r\n';
    const result = await read([file("edges.csv", text)]);
    expect(result.status).toBe("ok");
    expect(result.format).toBe("edge list CSV");
    expect(result.summary.encoding).toBe("UTF-8 (BOM)");
    expect(result.summary.delimiter).toBe("comma");
    expect(edges(result.dataset)).toEqual(["Hamburg, DE>Kaunas@2023=10", 'The "Big" Port>Kaunas@2023=5']);
    expect(result.summary.validRows).toBe(2);
    expect(result.summary.rejectedRows).toBe(0);
  });

  it("detects semicolons and reads decimal commas, with a note", async () => {
    const result = await read([file("e.csv", "from;to;value;year\nGermany;Poland;1234,5;2022\nPoland;Lithuania;2;2022\n")]);
    expect(result.summary.delimiter).toBe("semicolon");
    expect(edges(result.dataset)).toEqual(["Germany>Poland@2022=1234.5", "Poland>Lithuania@2022=2"]);
    expect(result.summary.fixed.join(" ")).toMatch(/1 decimal comma/);
  });

  it("detects tabs and CR-only line endings", async () => {
    const result = await read([file("e.tsv", "source\ttarget\tweight\rA\tB\t3\rB\tC\t4\r")]);
    expect(result.summary.delimiter).toBe("tab");
    expect(edges(result.dataset)).toEqual(["A>B@2024=3", "B>C@2024=4"]);
  });

  it("sums duplicate rows and repeated pairs and says how many of each", async () => {
    const text = "origin,destination,count,year\nA,B,1,2020\nA,B,1,2020\nA,B,1,2020\nA,B,5,2020\nA,B,7,2021\n";
    const result = await read([file("e.csv", text)]);
    expect(edges(result.dataset)).toEqual(["A>B@2020=8", "A>B@2021=7"]);
    expect(result.summary.fixed).toContain("2 duplicate rows summed");
    expect(result.summary.fixed.join(" ")).toMatch(/1 repeated pair/);
  });

  it("keeps self-loops and counts them", async () => {
    const result = await read([file("e.csv", "from,to,volume\nA,A,3\nA,B,1\n")]);
    expect(edges(result.dataset)).toEqual(["A>A@2024=3", "A>B@2024=1"]);
    expect(result.summary.selfLoops).toBe(1);
    expect(result.issues.some((issue) => /self-loop/.test(issue.message))).toBe(true);
  });

  it("rejects non-numeric and negative volumes, naming line and column", async () => {
    const text = "year,origin,destination,volume\n2020,A,B,abc\n2020,A,C,-4\n2020,A,D,NaN\n2020,A,E,1e999\n2020,A,F,2\n";
    const result = await read([file("e.csv", text)]);
    expect(edges(result.dataset)).toEqual(["A>F@2020=2"]);
    expect(result.summary.rejectedRows).toBe(4);
    const located = result.issues.filter((issue) => /row left out/.test(issue.message)).map((issue) => [issue.line, issue.column]);
    expect(located).toEqual([
      [2, 4],
      [3, 4],
      [4, 4],
      [5, 4],
    ]);
    expect(result.issues[1]?.message).toMatch(/negative/);
  });

  it("accepts quoted thousands separators with a note", async () => {
    const result = await read([file("e.csv", 'origin,destination,volume\nA,B,"1,234"\nA,C,"12,345.5"\n')]);
    expect(edges(result.dataset)).toEqual(["A>B@2024=1234", "A>C@2024=12345.5"]);
    expect(result.summary.fixed.join(" ")).toMatch(/2 volumes with thousands separators/);
  });

  it("decodes invalid UTF-8 as Windows-1252 and says so", async () => {
    const result = await read([
      file("e.csv", latin1("origin,destination,volume\nMünchen,Košice,2\nCôte d'Ivoire,Zürich,1\n".replace("š", "\u009a"))),
    ]);
    expect(result.summary.encoding).toBe("Windows-1252");
    expect(result.summary.fixed).toContain("e.csv: converted from Windows-1252");
    expect(edges(result.dataset)).toEqual(["Côte d'Ivoire>Zürich@2024=1", "München>Košice@2024=2"]);
  });

  it("decodes UTF-16 with a BOM", async () => {
    const result = await read([file("e.csv", utf16le("origin,destination,volume\nĀ,B,2\n"))]);
    expect(result.summary.encoding).toBe("UTF-16LE");
    expect(edges(result.dataset)).toEqual(["Ā>B@2024=2"]);
  });

  it("leaves aggregates out of the graph and lists them", async () => {
    const text =
      'exporter,importer,value,year\nGermany,World,100,2022\nGermany,"Areas, nes",3,2022\nEU-27,Poland,9,2022\nGermany,Other Asia, nes,1,2022\nGermany,Poland,5,2022\n';
    const result = await read([file("e.csv", text.replace("Other Asia, nes", '"Other Asia, nes"'))]);
    expect(edges(result.dataset)).toEqual(["Germany>Poland@2022=5"]);
    expect(result.summary.aggregates.sort()).toEqual(["Areas, nes", "EU-27", "Other Asia, nes", "World"]);
    expect(result.summary.fixed.join(" ")).toMatch(/4 rows with aggregates/);
  });

  it("places countries by name or ISO code and counts places left without coordinates", async () => {
    const result = await read([file("e.csv", "origin,destination,volume\nDEU,Viet Nam,1\nVN,Khorgos,2\nJP,US,3\n")]);
    expect(places(result.dataset)).toEqual([
      "DEU|DEU|origin|DE|51|9",
      "JP|JP|origin|JP|36|138",
      "Khorgos|Khorgos|market|ZZ|null|null",
      "US|US|market|US|38|-97",
      "VN|VN|origin|VN|16|106",
      "Viet-Nam|Viet Nam|market|VN|16|106",
    ]);
    expect(result.summary.placedByCountry).toBe(5);
    expect(result.summary.withoutCoordinates).toBe(1);
  });

  it("uses coordinate columns when the table has them", async () => {
    const text = "origin,destination,volume,origin_lat,origin_lon,dest_lat,dest_lon\nKhorgos,Almaty,4,44.2,80.4,43.2,76.9\n";
    const result = await read([file("e.csv", text)]);
    expect(places(result.dataset)).toEqual(["Almaty|Almaty|market|ZZ|43.2|76.9", "Khorgos|Khorgos|origin|ZZ|44.2|80.4"]);
    expect(result.summary.placedByCountry).toBe(0);
  });

  it("asks for a column mapping when the headers are not recognised, then uses the mapping", async () => {
    const text = "Abgang,Ziel,Stück,Jahr\nA,B,3,2021\n";
    const first = await read([file("e.csv", text)]);
    expect(first.status).toBe("needs-input");
    // "Ziel" (German for destination) is recognised; "Abgang" is not.
    expect(first.needs).toEqual({ kind: "column-mapping", headers: ["Abgang", "Ziel", "Stück", "Jahr"], guess: { destination: "Ziel" } });
    const second = await read([file("e.csv", text)], {
      columnMapping: { origin: "Abgang", destination: "ziel", volume: "Stück", year: "Jahr" },
    });
    expect(second.status).toBe("ok");
    expect(edges(second.dataset)).toEqual(["A>B@2021=3"]);
    const wrong = await read([file("e.csv", text)], { columnMapping: { origin: "Abgang", destination: "nope" } });
    expect(wrong.status).toBe("failed");
    expect(wrong.issues.at(-1)?.message).toMatch(/nope/);
  });

  it("dates every flow with one year when the file has none, and says so", async () => {
    const result = await read([file("e.csv", "from,to,volume\nA,B,1\n")], { defaultYear: 2019 });
    expect(result.summary.years).toEqual([2019]);
    expect(result.summary.fixed).toContain("no year given: every flow dated 2019");
  });

  it("reads years from dates and rejects rows without a year", async () => {
    const result = await read([file("e.csv", "from,to,volume,date\nA,B,1,2021-03-01\nA,B,1,2021-04-01\nA,C,1,soon\n")]);
    expect(edges(result.dataset)).toEqual(["A>B@2021=2"]);
    expect(result.issues[0]).toMatchObject({ line: 4, column: 4 });
  });

  it("strips control characters from labels and makes ids safe", async () => {
    const result = await read([file("e.csv", 'from,to,volume\n"Port\u0007 A/B",C\u202e,1\n')]);
    expect(places(result.dataset)).toEqual(["C|C|market|ZZ|null|null", "Port-A-B|Port A/B|origin|ZZ|null|null"]);
    expect(result.dataset?.flows[0]?.id).toBe("Port-A-B>C@2024/unknown");
  });

  it("infers kinds: only out-flows origin, only in-flows market, both transit", async () => {
    const result = await read([file("e.csv", "from,to,volume\nA,B,1\nB,C,1\n")]);
    expect(places(result.dataset).map((line) => line.split("|").slice(1, 3).join(":"))).toEqual(["A:origin", "B:transit", "C:market"]);
  });

  it("fails with an error, not an exception, when no row is usable", async () => {
    const result = await read([file("e.csv", "from,to,volume\nA,B,x\n")]);
    expect(result.status).toBe("failed");
    expect(result.dataset).toBeNull();
    expect(result.issues.some((issue) => issue.severity === "error")).toBe(true);
  });

  it("fails on empty input with a message", async () => {
    for (const bytes of [utf8(""), utf8("\n\n"), new Uint8Array([0xef, 0xbb, 0xbf])]) {
      const result = await read([file("e.csv", bytes)]);
      expect(result.status).toBe("failed");
      expect(result.issues.length).toBeGreaterThan(0);
    }
  });
  it("recognises qualified volume headers such as trade_value_usd without asking", async () => {
    const text = "exporter,importer,trade_value_usd,year,lat_o,lon_o,lat_d,lon_d\nPort A,Port B,1000000,2022,31.23,121.47,1.29,103.85\n";
    const result = await read([file("trade.csv", text)]);
    expect(result.status).toBe("ok");
    expect(edges(result.dataset)).toEqual(["Port A>Port B@2022=1000000"]);
    expect(places(result.dataset)).toEqual(["Port-A|Port A|origin|ZZ|31.23|121.47", "Port-B|Port B|market|ZZ|1.29|103.85"]);
  });

  it("rejects a repeated row whose sum would leave the volume range (0 to 1e15), naming its line", async () => {
    const result = await read([file("e.csv", "origin,destination,volume\nA,B,6e14\nA,B,6e14\nB,C,5\n")]);
    expect(edges(result.dataset)).toEqual(["A>B@2024=600000000000000", "B>C@2024=5"]);
    expect(result.dataset!.flows.every((flow) => Number.isFinite(flow.volume))).toBe(true);
    expect(result.summary.rejectedRows).toBe(1);
    expect(result.summary.validRows).toBe(2);
    expect(result.issues.find((issue) => issue.line === 3)?.message).toMatch(/exceeds the largest Reroute accepts/);
  });
  it("says dots were thousands separators in semicolon files (Excel in continental Europe), not commas", async () => {
    const text = "Exporter;Importer;Value;Year\nChina;Kazakhstan;1.234.567,5;2023\nChina;Russia;2 000;2023\nKazakhstan;Russia;345,5;2023\n";
    const result = await read([file("e.csv", text)]);
    expect(edges(result.dataset)).toEqual(["China>Kazakhstan@2023=1234567.5", "China>Russia@2023=2000", "Kazakhstan>Russia@2023=345.5"]);
    expect(result.summary.fixed).toContain(
      '2 volumes with dots or spaces as thousands separators read as numbers (e.g. "1.234.567" as 1234567, "1.234,5" as 1234.5)',
    );
    expect(result.summary.fixed.join(" ")).not.toMatch(/"1,234" as 1234/);
  });
  it("honours Excel's \"sep=;\" first line and keeps the file's line numbers in messages", async () => {
    const result = await read([file("e.csv", "sep=;\r\nfrom;to;value;year\r\nDE;FR;10,5;2020\r\nFR;IT;lots;2020\r\n")]);
    expect(result.status).toBe("ok");
    expect(result.summary.delimiter).toBe("semicolon");
    expect(edges(result.dataset)).toEqual(["DE>FR@2020=10.5"]);
    expect(result.summary.fixed).toContain('e.csv: Excel\'s "sep=;" first line read as the delimiter');
    expect(result.issues.find((issue) => /lots/.test(issue.message))).toMatchObject({ line: 4, column: 3 });
  });

  it("writes large counts in the summary with thousands separators", async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => `A${i};B;1,5;2020`).join("\n");
    const result = await read([file("e.csv", `from;to;value;year\n${rows}\n`)]);
    expect(result.summary.fixed).toContain('1,200 decimal commas read as decimal points (e.g. "1234,5" as 1234.5)');
  });
  it('reads "12.000" as twelve thousand in a semicolon column that groups thousands with dots elsewhere, and as 12 otherwise', async () => {
    const grouped = await read([file("e.csv", "from;to;value;year\nA;B;1.500.000;2021\nA;C;12.000;2021\nB;C;345,5;2021\n")]);
    expect(edges(grouped.dataset)).toEqual(["A>B@2021=1500000", "A>C@2021=12000", "B>C@2021=345.5"]);
    const plain = await read([file("e.csv", "from;to;value;year\nA;B;1.5;2021\nA;C;12.000;2021\n")]);
    expect(edges(plain.dataset)).toEqual(["A>B@2021=1.5", "A>C@2021=12"]);
  });
});
