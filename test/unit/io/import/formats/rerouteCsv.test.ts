import { describe, expect, it } from "vitest";
import { edges, file, read } from "../../helpers";

const PLACES =
  "id,name,kind,country,lat,lon,lane,native_name,note\nkr,Incheon,origin,KR,37.46,126.7,,,\nkz,Almaty,market,KZ,43.24,76.9,,,\nge,Poti,transit,GE,42.15,41.67,,,\n";
const FLOWS =
  "from,to,year,vehicles,usd,mode,basis,facts,sources,formula,note\nkr,ge,2024,1200,,sea,reported,U7,s1,,\nge,kz,2024,800,,road,modelled,,,1200 × 0.66,\n";
const SOURCES = "id,publisher,title,date,url,reliability\ns1,KITA,Used-car exports,2025,https://example.org,H\n";

describe("importFiles(Reroute CSV)", () => {
  it("recognises places, flows and sources by their headers, whatever the file names", async () => {
    const result = await read([file("a.csv", FLOWS), file("b.csv", PLACES), file("c.csv", SOURCES)]);
    expect(result.status).toBe("ok");
    expect(result.format).toBe("Reroute CSV (places, flows, sources)");
    expect(edges(result.dataset)).toEqual(["Incheon>Poti@2024=1200", "Poti>Almaty@2024=800"]);
    expect(result.dataset?.flows[1]?.basis).toBe("modelled");
    expect(result.dataset?.sources[0]?.id).toBe("s1");
  });

  it("reads semicolon files with decimal commas, as spreadsheets save them", async () => {
    const semicolon = (text: string) => text.replace(/,/g, ";").replace(/(\d)\.(\d)/g, "$1,$2");
    const result = await read([file("places.csv", semicolon(PLACES)), file("flows.csv", semicolon(FLOWS))]);
    expect(result.status).toBe("ok");
    expect(result.summary.delimiter).toBe("semicolon");
    expect(result.dataset?.places[0]?.lat).toBe(37.46);
    expect(result.summary.fixed.join(" ")).toMatch(/6 decimal commas/);
  });

  it("passes on the domain parser's errors, naming the uploaded file", async () => {
    const result = await read([file("my-places.csv", PLACES), file("my-flows.csv", FLOWS.replace("1200,,sea", "lots,,sea"))]);
    expect(result.status).toBe("failed");
    expect(result.dataset).toBeNull();
    const error = result.issues.find((issue) => issue.severity === "error");
    expect(error).toMatchObject({ file: "my-flows.csv", line: 2, column: 4 });
    expect(result.summary.rejectedRows).toBe(1);
  });

  it("reads a flows.csv without places.csv as an edge list", async () => {
    const result = await read([file("flows.csv", FLOWS)]);
    expect(result.status).toBe("ok");
    expect(result.format).toMatch(/edge list/);
    expect(edges(result.dataset)).toEqual(["ge>kz@2024=800", "kr>ge@2024=1200"]);
  });
  it("keeps a source whose link is not http(s) (javascript:, file:), dropping the link with a warning at its line and column", async () => {
    const sources =
      'id,publisher,title,date,url,reliability\ns1,KITA,"Used-car\nexports",2025,javascript:alert(1),H\ns2,X,Y,2025,https://example.org/a,M\ns3,X,Z,2025,file:///etc/passwd,L\n';
    const flows = FLOWS.replace("U7,s1,", "U7,s1;s3,");
    const result = await read([file("places.csv", PLACES), file("flows.csv", flows), file("sources.csv", sources)]);
    expect(result.status).toBe("ok");
    expect(result.dataset?.sources.map((s) => `${s.id}:${s.url}`)).toEqual(["s1:", "s2:https://example.org/a", "s3:"]);
    const warnings = result.issues.filter((issue) => /not a web address/.test(issue.message));
    expect(warnings.map((issue) => [issue.file, issue.line, issue.column])).toEqual([
      ["sources.csv", 2, 5],
      ["sources.csv", 5, 5],
    ]);
    expect(warnings[0]?.message).toContain('"javascript:alert(1)"');
    expect(result.summary.fixed).toContain("sources.csv: 2 links that are not http(s) removed (the sources are kept)");
  });
});
