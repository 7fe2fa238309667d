import { describe, expect, it } from "vitest";
import { parseDataset, parsePlainNumber, splitList, type DatasetFiles } from "../../../src/domain/parseDataset";
import { contentHash } from "../../../src/domain/contentHash";
import type { DataIssue } from "../../../src/domain/types";

const META = { id: "test", name: "Test data" };

const PLACES = [
  "id,name,kind,country,lat,lon,lane,native_name,note",
  "cn-gd,Guangdong,origin,CN,23.13,113.26,,广东,",
  "horgos,Horgos,exit,CN,44.21,80.42,,霍尔果斯,land port",
  "kz,Kazakhstan,transit,KZ,,,central-asia,,no coordinates in the file",
  "ru,Russia,market,RU,55.75,37.62,central-asia,Россия,",
  "other,Other destinations,market,ZZ,,,other,,",
].join("\n");

const FLOWS = [
  "from,to,year,vehicles,usd,mode,basis,facts,sources,formula,note",
  'cn-gd,horgos,2024,152600,,road,modelled,U7;X2,s1,"436000 × assumed share 0.35",',
  "horgos,kz,2024,100000,2500000000,road,reported,X2,s1;s2,,",
  "horgos,kz,2024,20000,,rail,reported,X2,s2,,",
  "kz,ru,2024,60000,,road,derived,,s2,100000 − 40000 absorbed,",
  "cn-gd,other,2023,5000,,sea,reported,,,,",
].join("\n");

const SOURCES = [
  "id,publisher,title,date,url,reliability",
  "s1,Reuters,China auto industry inflates sales,2025-06-24,https://example.org/reuters,H",
  "s2,Yicai Global,Zero-kilometer exports,2025-09-08,,M",
].join("\n");

const CONTEXT = [
  "id,place,from,to,year,reporter,period,measure,value,unit,facts,sources,note",
  "c1,horgos,,,2024,Horgos port,full year,all vehicles through the port,300000,vehicles,X1,s1,",
  "c2,,kz,ru,2024,FCS,Jan-Nov,passenger cars,79131,vehicles,,s2,",
].join("\n");

const EVENTS = [
  "id,date,title,summary,facts,sources",
  "e1,2025-11-14,MOFCOM notice No. 648,Export licence needs after-sales confirmation,P8,s1",
  "e2,2024-02,Nationwide opening,,P4,",
].join("\n");

const ASSUMPTIONS = [
  "id,label,value,unit,min,max,reason,facts",
  "a1,Horgos share of used-car exports,0.35,share,0.2,0.5,Road exports to Central Asia,X2",
].join("\n");

const GOOD: DatasetFiles = { places: PLACES, flows: FLOWS, sources: SOURCES, context: CONTEXT, events: EVENTS, assumptions: ASSUMPTIONS };

const errors = (issues: DataIssue[]): DataIssue[] => issues.filter((issue) => issue.severity === "error");

/** Parses GOOD with one file's lines changed, for the broken-file cases. */
function parseWith(overrides: Partial<DatasetFiles>): ReturnType<typeof parseDataset> {
  return parseDataset({ ...GOOD, ...overrides }, META);
}

describe("parseDataset with good files", () => {
  const { dataset, issues } = parseDataset(GOOD, META);

  it("returns a dataset and no issues", () => {
    expect(issues).toEqual([]);
    expect(dataset).not.toBeNull();
    expect(dataset?.id).toBe("test");
    expect(dataset?.name).toBe("Test data");
  });

  it("reads places with typed fields and null coordinates where both are empty", () => {
    expect(dataset?.places).toHaveLength(5);
    expect(dataset?.places[1]).toEqual({
      id: "horgos",
      name: "Horgos",
      kind: "exit",
      country: "CN",
      lat: 44.21,
      lon: 80.42,
      lane: "",
      nativeName: "霍尔果斯",
      note: "land port",
    });
    expect(dataset?.places[2]).toMatchObject({ id: "kz", lat: null, lon: null, lane: "central-asia" });
    expect(dataset?.places[4]?.country).toBe("ZZ");
  });

  it("reads flows with ids from flowId, lists split on semicolons and empty usd as null", () => {
    expect(dataset?.flows.map((flow) => flow.id)).toEqual([
      "cn-gd>horgos@2024/road",
      "horgos>kz@2024/road",
      "horgos>kz@2024/rail",
      "kz>ru@2024/road",
      "cn-gd>other@2023/sea",
    ]);
    expect(dataset?.flows[0]).toEqual({
      id: "cn-gd>horgos@2024/road",
      from: "cn-gd",
      to: "horgos",
      year: 2024,
      volume: 152600,
      usd: null,
      mode: "road",
      basis: "modelled",
      facts: ["U7", "X2"],
      sources: ["s1"],
      formula: "436000 × assumed share 0.35",
      note: "",
    });
    expect(dataset?.flows[1]?.usd).toBe(2500000000);
    expect(dataset?.flows[1]?.sources).toEqual(["s1", "s2"]);
  });

  it("lists the years with flows, sorted and distinct", () => {
    expect(dataset?.years).toEqual([2023, 2024]);
  });

  it("reads sources, context figures, events (year from date) and assumptions", () => {
    expect(dataset?.sources.map((source) => [source.id, source.reliability])).toEqual([
      ["s1", "H"],
      ["s2", "M"],
    ]);
    expect(dataset?.context[1]).toMatchObject({ id: "c2", place: "", from: "kz", to: "ru", value: 79131, period: "Jan-Nov" });
    expect(dataset?.events.map((event) => [event.id, event.date, event.year])).toEqual([
      ["e1", "2025-11-14", 2025],
      ["e2", "2024-02", 2024],
    ]);
    expect(dataset?.assumptions[0]).toEqual({
      id: "a1",
      label: "Horgos share of used-car exports",
      value: 0.35,
      unit: "share",
      min: 0.2,
      max: 0.5,
      reason: "Road exports to Central Asia",
      facts: ["X2"],
    });
  });

  it("hashes the file texts in a fixed order", () => {
    expect(dataset?.hash).toBe(contentHash([PLACES, FLOWS, SOURCES, CONTEXT, EVENTS, ASSUMPTIONS]));
    expect(parseWith({ flows: FLOWS + "\n" }).dataset?.hash).not.toBe(dataset?.hash);
  });

  it("needs only places.csv and flows.csv; the other collections are then empty", () => {
    const only = parseDataset({ places: PLACES, flows: FLOWS }, META);
    expect(only.issues).toEqual([]);
    expect(only.dataset?.flows).toHaveLength(5);
    expect(only.dataset?.sources).toEqual([]);
    expect(only.dataset?.context).toEqual([]);
    expect(only.dataset?.events).toEqual([]);
    expect(only.dataset?.assumptions).toEqual([]);
  });

  it("reads the same dataset from a file with a BOM, CRLF line breaks and trailing blank lines", () => {
    const windows = parseWith({
      places: "\uFEFF" + PLACES.replace(/\n/g, "\r\n") + "\r\n\r\n\r\n",
      flows: FLOWS.replace(/\n/g, "\r") + "\r\r",
    });
    expect(windows.issues).toEqual([]);
    expect(windows.dataset?.places).toEqual(dataset?.places);
    expect(windows.dataset?.flows).toEqual(dataset?.flows);
  });
});

describe("parseDataset with broken files", () => {
  it("a missing required column is one error naming it, and no dataset", () => {
    const result = parseWith({
      flows: FLOWS.replace("vehicles,", "").replace(/,152600|,100000,|,20000|,60000|,5000/g, (m) => (m.endsWith(",") ? "," : "")),
    });
    expect(result.dataset).toBeNull();
    expect(errors(result.issues)).toHaveLength(1);
    expect(errors(result.issues)[0]).toMatchObject({ file: "flows.csv", line: 0 });
    expect(errors(result.issues)[0]?.message).toContain('flows.csv: missing column "vehicles"');
  });

  it("a bad number is an error naming file, line, column and the value", () => {
    const flows = FLOWS.split("\n");
    flows[3] = "horgos,kz,2024,12.5x,,rail,reported,X2,s2,,";
    const result = parseWith({ flows: flows.join("\n") });
    expect(result.dataset).toBeNull();
    expect(errors(result.issues)).toEqual([
      {
        severity: "error",
        file: "flows.csv",
        line: 4,
        column: 4,
        message: 'flows.csv line 4, column 4 ("vehicles"): "12.5x" is not a number; expected a plain number such as 12345 or 12345.6',
      },
    ]);
  });

  it("a number with a thousands separator is rejected with a message saying what to write", () => {
    const flows = FLOWS.split("\n");
    flows[3] = 'horgos,kz,2024,"20,000",,rail,reported,X2,s2,,';
    const [issue] = errors(parseWith({ flows: flows.join("\n") }).issues);
    expect(issue).toMatchObject({ line: 4, column: 4 });
    expect(issue?.message).toContain('"20,000" uses a thousands separator; write the number without it (20000)');
  });

  it("a quoted field containing a newline shifts the reported line of later errors", () => {
    const flows = FLOWS.split("\n");
    flows[1] = 'cn-gd,horgos,2024,152600,,road,modelled,U7;X2,s1,"436000 × assumed share 0.35","a note\nover two lines"';
    flows[3] = "horgos,kz,2024,-5,,rail,reported,X2,s2,,";
    const [issue] = errors(parseWith({ flows: flows.join("\n") }).issues);
    expect(issue).toMatchObject({ file: "flows.csv", line: 5, column: 4 });
    expect(issue?.message).toContain('flows.csv line 5, column 4 ("vehicles"): -5 is below the smallest allowed value, 0');
  });

  it("unknown place ids are errors listing the id and every line it is used on", () => {
    const flows = FLOWS + "\nkz,russia,2024,10,,road,reported,,,,\nkz,russia,2024,10,,rail,reported,,,,\nKZ,ru,2023,1,,road,reported,,,,";
    const result = parseWith({ flows });
    expect(result.dataset).toBeNull();
    const messages = errors(result.issues).map((issue) => [issue.line, issue.column, issue.message]);
    expect(messages).toEqual([
      [7, 2, 'flows.csv line 7, column 2 ("to"): unknown place id "russia"; places.csv has no place with this id (also on line 8)'],
      [9, 1, 'flows.csv line 9, column 1 ("from"): unknown place id "KZ"; places.csv has no place with this id; did you mean "kz"?'],
    ]);
  });

  it("an unknown place id in context.csv is an error there", () => {
    const result = parseWith({ context: CONTEXT.replace("c1,horgos", "c1,khorgos") });
    expect(errors(result.issues)).toEqual([
      expect.objectContaining({ file: "context.csv", line: 2, column: 2, message: expect.stringContaining('unknown place id "khorgos"') }),
    ]);
  });

  it("a duplicate flow (same from, to, year and mode) is an error naming the first line", () => {
    const result = parseWith({ flows: FLOWS + "\nhorgos,kz,2024,5,,road,reported,,,," });
    expect(result.dataset).toBeNull();
    expect(errors(result.issues)).toEqual([
      expect.objectContaining({
        line: 7,
        message: expect.stringContaining("duplicate flow horgos → kz in 2024 by road (first on line 3)"),
      }),
    ]);
  });

  it("a duplicate place id is an error naming the first line", () => {
    const result = parseWith({ places: PLACES + "\nkz,Kazakhstan again,transit,KZ,,,," });
    expect(errors(result.issues)).toEqual([
      expect.objectContaining({
        file: "places.csv",
        line: 7,
        column: 1,
        message: expect.stringContaining('place id "kz" is used twice (first on line 4)'),
      }),
    ]);
  });

  it("a bad kind, basis, country or latitude is an error at its column", () => {
    const places = PLACES.replace("horgos,Horgos,exit,CN,44.21", "horgos,Horgos,port,cn,94.21");
    const flows = FLOWS.replace("horgos,kz,2024,20000,,rail,reported", "horgos,kz,2024,20000,,rail,Reported");
    const found = errors(parseWith({ places, flows }).issues).map((issue) => [issue.file, issue.line, issue.column, issue.message]);
    expect(found).toEqual([
      [
        "places.csv",
        3,
        3,
        'places.csv line 3, column 3 ("kind"): "port" is not a place kind; expected one of origin, exit, transit, market',
      ],
      [
        "places.csv",
        3,
        4,
        'places.csv line 3, column 4 ("country"): "cn" is not a country code; expected two capital letters (ISO 3166-1 alpha-2, or ZZ for aggregates) — did you mean "CN"?',
      ],
      ["places.csv", 3, 5, 'places.csv line 3, column 5 ("lat"): 94.21 is above the largest allowed value, 90'],
      [
        "flows.csv",
        4,
        7,
        'flows.csv line 4, column 7 ("basis"): "Reported" is not a basis; expected one of reported, derived, modelled (did you mean "reported"?)',
      ],
    ]);
  });

  it("a longitude out of range, or only one coordinate given, is an error", () => {
    const places = PLACES.replace("55.75,37.62", "55.75,-181").replace("kz,Kazakhstan,transit,KZ,,", "kz,Kazakhstan,transit,KZ,48,");
    const found = errors(parseWith({ places }).issues).map((issue) => [issue.line, issue.column]);
    expect(found).toEqual([
      [4, 6],
      [5, 6],
    ]);
  });

  it("a year that is not a whole number between 1900 and 2100 is an error", () => {
    for (const year of ["2024.0", "24", "1899", "2101", ""]) {
      const flows = FLOWS.replace("kz,ru,2024", `kz,ru,${year}`);
      const found = errors(parseWith({ flows }).issues);
      expect(found, year).toHaveLength(1);
      expect(found[0], year).toMatchObject({ line: 5, column: 3 });
    }
  });

  it("a modelled flow without a formula is an error; a derived one only a warning", () => {
    const flows = FLOWS.replace('"436000 × assumed share 0.35"', "").replace("100000 − 40000 absorbed", "");
    const result = parseWith({ flows });
    expect(result.dataset).toBeNull();
    expect(result.issues.map((issue) => [issue.severity, issue.line, issue.column])).toEqual([
      ["error", 2, 10],
      ["warning", 5, 10],
    ]);
  });

  it("an unknown source id is a warning when sources.csv is given, and nothing when it is not", () => {
    const flows = FLOWS.replace("kz,ru,2024,60000,,road,derived,,s2", "kz,ru,2024,60000,,road,derived,,s9");
    const withSources = parseWith({ flows });
    expect(withSources.dataset).not.toBeNull();
    expect(withSources.issues).toEqual([
      expect.objectContaining({ severity: "warning", line: 5, column: 9, message: expect.stringContaining('unknown source id "s9"') }),
    ]);
    expect(parseDataset({ places: PLACES, flows }, META).issues).toEqual([]);
  });

  it("a reliability outside H, M, L and empty is an error", () => {
    const result = parseWith({ sources: SOURCES.replace(",M", ",high") });
    expect(errors(result.issues)).toEqual([expect.objectContaining({ file: "sources.csv", line: 3, column: 6 })]);
  });

  it("a source url that is not http(s) is an error, so no script link reaches the page", () => {
    const result = parseWith({ sources: SOURCES.replace("https://example.org/reuters", "javascript:alert(1)") });
    expect(errors(result.issues)).toEqual([expect.objectContaining({ file: "sources.csv", line: 2, column: 5 })]);
  });

  it("a flow from a place to itself is an error", () => {
    const result = parseWith({ flows: FLOWS + "\nkz,kz,2024,1,,road,reported,,,," });
    expect(errors(result.issues)).toEqual([expect.objectContaining({ line: 7, column: 2, message: expect.stringContaining("to itself") })]);
  });

  it("an assumption outside its own range, or a share above 1, is an error", () => {
    const result = parseWith({ assumptions: ASSUMPTIONS + "\na2,Other share,0.6,share,0.2,0.5,,\na3,Too big,1.5,share,0,2,," });
    const found = errors(result.issues).map((issue) => [issue.line, issue.column]);
    expect(found).toEqual([
      [3, 3],
      [4, 3],
      [4, 6],
    ]);
  });

  it("an event date that is not YYYY-MM or YYYY-MM-DD is an error", () => {
    const result = parseWith({ events: EVENTS.replace("2025-11-14", "14/11/2025") });
    expect(errors(result.issues)).toEqual([expect.objectContaining({ file: "events.csv", line: 2, column: 2 })]);
  });

  it("an empty places.csv is an error and no dataset", () => {
    const result = parseWith({ places: "" });
    expect(result.dataset).toBeNull();
    expect(errors(result.issues)[0]).toMatchObject({ file: "places.csv", line: 0 });
  });

  it("an unknown column is a warning that does not block the dataset", () => {
    const result = parseWith({ places: PLACES.replace("lane,native_name", "lane,nativename") });
    expect(result.dataset).not.toBeNull();
    expect(result.issues).toEqual([
      expect.objectContaining({
        severity: "warning",
        line: 1,
        column: 8,
        message: expect.stringContaining('column "nativename" is not part of the format'),
      }),
    ]);
  });
});

describe("parsePlainNumber and splitList", () => {
  it("parsePlainNumber accepts plain integers and decimals", () => {
    expect(parsePlainNumber("12345")).toEqual({ ok: true, value: 12345 });
    expect(parsePlainNumber("12345.6")).toEqual({ ok: true, value: 12345.6 });
    expect(parsePlainNumber("0")).toEqual({ ok: true, value: 0 });
  });

  it("parsePlainNumber rejects separators, decimal commas and text with a message", () => {
    for (const raw of ["12,345", "1 234 567", "1.234.567", "12,5", "12,5x", "abc", "1e999"]) {
      const parsed = parsePlainNumber(raw);
      expect(parsed.ok, raw).toBe(false);
      if (!parsed.ok) expect(parsed.problem, raw).toContain(`"${raw}"`);
    }
    expect(parsePlainNumber("12,5")).toEqual({ ok: false, problem: '"12,5" uses a decimal comma; write a dot instead (12.5)' });
  });

  it("splitList splits on semicolons and drops blanks", () => {
    expect(splitList(" U7; X2;;")).toEqual(["U7", "X2"]);
    expect(splitList("")).toEqual([]);
  });
});
