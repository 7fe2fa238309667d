import { describe, expect, it } from "vitest";
import { parseFacts } from "../../../src/domain/facts";
import { FACTS_PATH, numbersIn, readFacts, readFactsTable, REPO_ROOT, statesNumber } from "./factsTable";

describe("factsTable (test helper) and domain/facts", () => {
  it("numbersIn reads thousands separators, k, M, 万, spaces and decimal commas as the facts write them", () => {
    expect(numbersIn("275,000 units")).toContain(275000);
    expect(numbersIn("~730k vehicles")).toContain(730000);
    expect(numbersIn("1.06M units")).toContain(1060000);
    expect(numbersIn('~3,000 units ("0.3万")')).toContain(3000);
    expect(numbersIn("43.6萬輛 … 0.3万")).toContain(3000);
    expect(numbersIn("China - 51 770 units")).toContain(51770);
    expect(numbersIn("до 667 400 руб.")).toContain(667400);
    expect(numbersIn("70,8 тысячи новых авто")).toContain(70800);
  });

  it("statesNumber does not match a number the text does not state", () => {
    expect(statesNumber("275,000 units", 27500)).toBe(false);
    expect(statesNumber("Jan–Nov 2023: 57,000", 2023)).toBe(true);
    expect(statesNumber("Jan–Nov 2023: 57,000", 570000)).toBe(false);
    expect(statesNumber("≈392,000", 392001)).toBe(false);
  });

  it("reads the repository's own facts.csv, never a path outside the repository", () => {
    expect(FACTS_PATH.startsWith(REPO_ROOT + "/data/")).toBe(true);
    const facts = readFactsTable();
    expect(facts.get("U5")).toContain("275,000");
    expect(facts.get("U7")).toContain("436,000");
    expect(facts.size).toBe(122);
  });

  it("keeps each fact's quote, reliability and citation; the new rows carry the source's own sentence", () => {
    const facts = readFacts();
    expect(facts.get("K19")?.quote).toBe("China delivered 83,800 passenger cars to Uzbekistan");
    expect(facts.get("K19")?.sources).toEqual(["trend-2024-02-12"]);
    expect(facts.get("LA5")?.quote).toContain("prohíbe la importación a Chile de vehículos usados");
    expect(facts.get("U6")?.reliability).toBe("");
    expect(facts.get("R11")?.reliability).toBe("H");
    for (const id of ["U18", "U19", "P13", "RU6", "RU7", "K14", "K15", "K16", "K17", "K18", "K19", "D16", "D17", "ME5", "ME6", "ME7", "LA5", "LA6", "R11", "X16"]) {
      expect(facts.get(id)?.quote, id).not.toBe("");
    }
  });

  it("reports a bad id, a repeated id and a missing column with file and line", () => {
    const header = "id,what,figure,unit,period,place,sources,quote,reliability,cited_as\n";
    const { facts, issues } = parseFacts(`${header}U1,a,1,vehicles,2019,,,,H,x\nbad id,a,1,,,,,,,\nU1,b,2,,,,,,,\n`);
    expect(facts.map((f) => f.id)).toEqual(["U1"]);
    expect(issues.map((i) => [i.file, i.line, i.message])).toEqual([
      ["facts.csv", 3, '"bad id" is not a fact id (one or two capitals and a number, e.g. U7)'],
      ["facts.csv", 4, 'fact id "U1" appears twice'],
    ]);
    expect(parseFacts("id,what\nU1,a\n").issues[0]?.message).toBe('missing column "figure"');
  });
});
