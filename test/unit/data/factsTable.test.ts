import { describe, expect, it } from "vitest";
import { numbersIn, readFactsTable, statesNumber } from "./factsTable";

describe("factsTable (test helper)", () => {
  it("numbersIn reads thousands separators, k, M and 万", () => {
    expect(numbersIn("275,000 units")).toContain(275000);
    expect(numbersIn("~730k vehicles")).toContain(730000);
    expect(numbersIn("1.06M units")).toContain(1060000);
    expect(numbersIn('~3,000 units ("0.3万")')).toContain(3000);
    expect(numbersIn("0.3万")).toContain(3000);
  });

  it("statesNumber does not match a number the text does not state", () => {
    expect(statesNumber("275,000 units", 27500)).toBe(false);
    expect(statesNumber("Jan–Nov 2023: 57,000", 2023)).toBe(true);
    expect(statesNumber("Jan–Nov 2023: 57,000", 570000)).toBe(false);
  });

  it("readFactsTable finds the national rows of the shared FACTS.md", () => {
    const facts = readFactsTable();
    expect(facts.get("U5")).toContain("275,000");
    expect(facts.get("U7")).toContain("436,000");
    expect(facts.size).toBeGreaterThan(80);
  });
});
