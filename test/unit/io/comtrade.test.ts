import { describe, expect, it } from "vitest";
import { edges, file, places, read } from "./helpers";

const LEGACY_HEADER =
  "Classification,Year,Period,Aggregate Level,Trade Flow Code,Trade Flow,Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,Commodity Code,Commodity,Netweight (kg),Qty,Trade Value (US$)";

describe("importFiles(UN Comtrade)", () => {
  it("reads the legacy download: exports reporter → partner, imports partner → reporter, aggregates left out", async () => {
    const text = [
      LEGACY_HEADER,
      'H5,2019,2019,6,2,Export,392,Japan,JPN,643,Russian Federation,RUS,870323,"Cars, 1500-3000cc",1000,2500,"30,000,000"',
      "H5,2019,2019,6,2,Export,392,Japan,JPN,0,World,WLD,870323,Cars,9999,99999,99",
      'H5,2019,2019,6,1,Import,392,Japan,JPN,276,Germany,DEU,870323,"Cars",10,40,1000',
      'H5,2019,2019,6,2,Export,392,Japan,JPN,899,"Areas, nes",,870323,Cars,1,3,10',
      "H5,2019,2019,6,3,Re-Export,392,Japan,JPN,398,Kazakhstan,KAZ,870323,Cars,1,3,10",
    ].join("\n");
    const result = await read([file("comtrade.csv", text)]);
    expect(result.status).toBe("ok");
    expect(result.format).toBe("UN Comtrade table (legacy)");
    expect(edges(result.dataset)).toEqual(["Germany>Japan@2019=40", "Japan>Russian Federation@2019=2500"]);
    expect(result.summary.aggregates.sort()).toEqual(["Areas, nes", "World"]);
    expect(result.dataset?.flows.find((f) => f.to === "RUS")?.usd).toBe(30000000);
    expect(places(result.dataset)).toContain("RUS|Russian Federation|market|RU|60|100");
    expect(result.summary.fixed.join(" ")).toMatch(/1 re-export/);
  });

  it("reads the API table and keeps the exporter's figure when both sides report a hop", async () => {
    const text = [
      "typeCode,freqCode,refPeriodId,refYear,refMonth,period,reporterCode,reporterISO,reporterDesc,flowCode,flowDesc,partnerCode,partnerISO,partnerDesc,cmdCode,qty,fobvalue,cifvalue,primaryValue",
      "C,A,20230101,2023,52,2023,842,USA,USA,X,Export,682,SAU,Saudi Arabia,8703,500,,,1500000",
      "C,A,20230101,2023,52,2023,682,SAU,Saudi Arabia,M,Import,842,USA,USA,8703,480,,,1400000",
      "C,A,20230101,2023,52,2023,682,SAU,Saudi Arabia,M,Import,784,ARE,United Arab Emirates,8703,200,,,600000",
      "C,A,20230101,2023,52,2023,682,SAU,Saudi Arabia,M,Import,0,W00,World,8703,99999,,,1",
    ].join("\n");
    const result = await read([file("TradeData.csv", text)]);
    expect(result.format).toBe("UN Comtrade table (API)");
    expect(edges(result.dataset)).toEqual(["USA>Saudi Arabia@2023=500", "United Arab Emirates>Saudi Arabia@2023=200"]);
    expect(result.summary.fixed.join(" ")).toMatch(/1 import row mirroring/);
  });

  it("asks for the reporter when the table has no reporter column, then uses it", async () => {
    const text = "Year,Trade Flow,Partner,Partner ISO,Qty,Trade Value (US$)\n2021,Export,Georgia,GEO,120,99\n2021,Import,Japan,JPN,5,10\n";
    const first = await read([file("lithuania_2021.csv", text)]);
    expect(first.status).toBe("needs-input");
    expect(first.needs?.kind).toBe("reporter");
    if (first.needs?.kind === "reporter") {
      expect(first.needs.candidates[0]).toBe("Lithuania");
      expect(first.needs.candidates.length).toBeGreaterThan(200);
    }
    const second = await read([file("lithuania_2021.csv", text)], { reporter: "LT" });
    expect(edges(second.dataset)).toEqual(["Japan>Lithuania@2021=5", "Lithuania>Georgia@2021=120"]);
  });

  it("uses trade values as volumes when there are no quantities, and says so", async () => {
    const text = "refYear,flowCode,reporterISO,partnerISO,qty,primaryValue\n2022,X,DEU,POL,,1000\n2022,X,DEU,FRA,,\n";
    const result = await read([file("c.csv", text)]);
    expect(edges(result.dataset)).toEqual(["Germany>Poland@2022=1000"]);
    expect(result.summary.fixed).toContain("no quantities in the table: volumes are trade values in US$");
    expect(result.summary.rejectedRows).toBe(1);
  });
});
