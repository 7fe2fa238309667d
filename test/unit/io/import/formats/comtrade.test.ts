import { describe, expect, it } from "vitest";
import { edges, file, places, read } from "../../helpers";

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
  it("keeps only the totals when the table also holds their breakdowns (TOTAL + chapters, 87 + 8703, modes of transport), so nothing counts twice", async () => {
    const header =
      "refYear,reporterISO,reporterDesc,flowCode,partnerCode,partnerISO,partnerDesc,partner2Code,cmdCode,customsCode,motCode,qty,primaryValue";
    const text = [
      header,
      "2023,CHN,China,X,398,KAZ,Kazakhstan,0,87,C00,0,100,5000",
      "2023,CHN,China,X,398,KAZ,Kazakhstan,0,8703,C00,0,80,4000",
      "2023,CHN,China,X,398,KAZ,Kazakhstan,0,8704,C00,0,20,1000",
      "2023,CHN,China,X,398,KAZ,Kazakhstan,0,87,C00,3100,60,3000",
      "2023,CHN,China,X,398,KAZ,Kazakhstan,0,87,C00,2100,40,2000",
      "2023,CHN,China,X,643,RUS,Russian Federation,0,87,C00,0,0,9000",
    ].join("\n");
    const result = await read([file("TradeData.csv", text)]);
    expect(result.status).toBe("ok");
    expect(edges(result.dataset)).toEqual(["China>Kazakhstan@2023=100", "China>Russian Federation@2023=0"]);
    expect(result.summary.fixed.join(" ")).toMatch(/4 breakdown rows left out .* only the totals are used/);
    expect(result.summary.fixed.join(" ")).toMatch(/1 row has a trade value but a quantity of 0/);
  });

  it("finds the broadest commodity codes and the total of a breakdown column", async () => {
    const { broadestCodes, totalCode } = await import("../../../../../src/io/import/formats/comtrade");
    expect(broadestCodes(["TOTAL", "87", "8703"])).toEqual(new Set(["TOTAL"]));
    expect(broadestCodes(["87", "8703", "8704", "84"])).toEqual(new Set(["87", "84"]));
    expect(broadestCodes(["870321", "870322"])).toBeNull();
    expect(totalCode(["0", "2100", "3100"], ["0"])).toBe("0");
    expect(totalCode(["2100", "3100"], ["0"])).toBeNull();
    expect(totalCode(["C00"], ["C00"])).toBeNull();
  });
  it('reads an Excel (semicolon, Windows-1252) Comtrade table whose values group thousands with dots: "12.000" is 12000', async () => {
    const text =
      "Year;Trade Flow;Reporter;Partner;Partner ISO;Commodity Code;Trade Value (US$)\r\n2021;Export;China;Kazakhstan;KAZ;8703;1.500.000\r\n2021;Export;China;C\u00f4te d'Ivoire;CIV;8703;12.000\r\n";
    const bytes = Uint8Array.from([...text].map((ch) => ch.charCodeAt(0) & 0xff));
    const result = await read([file("comtrade.csv", bytes)]);
    expect(result.summary.encoding).toBe("Windows-1252");
    expect(edges(result.dataset)).toEqual(["China>C\u00f4te d'Ivoire@2021=12000", "China>Kazakhstan@2021=1500000"]);
  });
});
