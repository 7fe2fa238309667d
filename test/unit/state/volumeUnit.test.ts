// What imported volumes count: read from the file, carried by the dataset, shown after every number.
import { describe, expect, it } from "vitest";
import { decodeBundle, encodeBundle } from "../../../src/io/bundle";
import { formatLegendValue } from "../../../src/io/exportSpec";
import { unitFromHeader, unitFromQuantityUnits } from "../../../src/io/import/volumeUnitGuess";
import { datasetUnit, formatAmount, MONEY, unitTitle, volumeUnit } from "../../../src/state/volumeUnit";
import { formatCompact, formatVolume } from "../../../src/ui/format";
import { file, read } from "../io/helpers";

describe("unitFromHeader / unitFromQuantityUnits", () => {
  it("reads money, counted things and nothing from a volume column's name", () => {
    expect(unitFromHeader("trade_value_usd")).toBe("US$");
    expect(unitFromHeader("Trade Value (US$)")).toBe("US$");
    expect(unitFromHeader("primaryValue")).toBe("US$");
    expect(unitFromHeader("vehicles")).toBe("vehicles");
    expect(unitFromHeader("Passengers")).toBe("passengers");
    expect(unitFromHeader("netweight_kg")).toBe("kg");
    expect(unitFromHeader("weight_tonnes")).toBe("tonnes");
    expect(unitFromHeader("Weight")).toBe("units");
    expect(unitFromHeader("value")).toBe("units");
    expect(unitFromHeader("count")).toBe("units");
    expect(unitFromHeader(undefined)).toBe("units");
  });

  it("names a Comtrade quantity unit when one is used throughout", () => {
    expect(unitFromQuantityUnits(["u", "u", ""])).toBe("items");
    expect(unitFromQuantityUnits(["Number of items", "Number of items"])).toBe("items");
    expect(unitFromQuantityUnits(["kg", "kg"])).toBe("kg");
    expect(unitFromQuantityUnits(["u", "kg"])).toBe("units");
    expect(unitFromQuantityUnits(["", "-1"])).toBe("units");
  });
});

describe("an imported dataset says what its volumes count", () => {
  it("a Comtrade table with values only counts US$; with quantities in 'u', items", async () => {
    const head =
      "typeCode,freqCode,refYear,reporterCode,reporterISO,reporterDesc,flowCode,partnerCode,partnerISO,partnerDesc,cmdCode,qtyUnitAbbr,qty,primaryValue";
    const values = await read([file("TradeData.csv", `${head}\nC,A,2023,842,USA,USA,X,682,SAU,Saudi Arabia,8703,,,1500000\n`)]);
    expect(values.status).toBe("ok");
    expect(values.dataset?.unit).toBe("US$");
    const counted = await read([file("TradeData.csv", `${head}\nC,A,2023,842,USA,USA,X,682,SAU,Saudi Arabia,8703,u,500,1500000\n`)]);
    expect(counted.dataset?.unit).toBe("items");
  });

  it("an edge list takes its volume header; a flowmap pair and GEXF weights count units", async () => {
    const usd = await read([file("trade.csv", "exporter,importer,year,trade_value_usd\nCN,KZ,2024,1200\n")]);
    expect(usd.dataset?.unit).toBe("US$");
    const vehicles = await read([file("routes.csv", "origin,destination,vehicles\nCN,KZ,30\n")]);
    expect(vehicles.dataset?.unit).toBe("vehicles");
    const pair = await read([
      file("locations.csv", "id,name,lat,lon\na,A,1,2\nb,B,3,4\n"),
      file("flows.csv", "origin,dest,count\na,b,5\n"),
    ]);
    expect(pair.dataset?.unit).toBe("units");
    const gexf = `<?xml version="1.0"?><gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="directed"><nodes><node id="a" label="A"/><node id="b" label="B"/></nodes><edges><edge source="a" target="b" weight="3"/></edges></graph></gexf>`;
    const g = await read([file("g.gexf", gexf)]);
    expect(g.status).toBe("ok");
    expect(g.dataset?.unit).toBe("units");
  });

  it("a bundle keeps the unit; an old bundle without one reads as vehicles", async () => {
    const usd = await read([file("trade.csv", "exporter,importer,year,trade_value_usd\nCN,KZ,2024,1200\n")]);
    const text = encodeBundle(usd.dataset!, []);
    const back = decodeBundle(text);
    expect(back.ok && back.bundle.dataset.unit).toBe("US$");
    const old = JSON.parse(text);
    delete old.dataset.unit;
    const oldBack = decodeBundle(JSON.stringify(old));
    if (!oldBack.ok) throw new Error("old bundle rejected");
    expect(oldBack.bundle.dataset.unit).toBeUndefined();
    expect(datasetUnit(oldBack.bundle.dataset)).toBe("vehicles");
  });
});

describe("numbers are shown in the dataset's unit", () => {
  it("formats volumes, compact legend values and titles", () => {
    expect(volumeUnit({}, "vehicles")).toBe("vehicles");
    expect(volumeUnit({ unit: "units" }, "vehicles")).toBe("units");
    expect(volumeUnit({ unit: "units" }, "usd")).toBe("US$");
    expect(formatVolume(1234, "units")).toBe("1,234 units");
    expect(formatVolume(3_400_000, "US$")).toBe("US$3.4m");
    expect(formatCompact(0.55, "units")).toBe("0.55");
    expect(formatCompact(0.6, "units")).toBe("0.6");
    expect(formatCompact(436_000, "vehicles")).toBe("436k");
    expect(unitTitle("vehicles")).toBe("Vehicles");
    expect(unitTitle("US$")).toBe("Volume (US$)");
    expect(formatLegendValue(12_000, "units")).toBe("12k units");
    expect(formatLegendValue(0.6, "units")).toBe("0.6 units");
    expect(formatLegendValue(2_000_000, "US$")).toBe("US$2m");
  });
});

describe("formatAmount", () => {
  it("writes a counted volume without its unit (the header names it) and money with its sign", () => {
    expect(formatAmount(40050.4, "vehicles")).toBe("40,050");
    expect(formatAmount(Number.NaN, "vehicles")).toBe("–");
    expect(formatAmount(3_400_000, MONEY)).toBe("US$3.4m");
  });
});
