import { describe, expect, it } from "vitest";
import { flowBudgetNote, parseFlowBudget } from "../../../src/ui/flowBudgetNote";
import type { Flow } from "../../../src/domain/types";

const shown = (n: number) => Array.from({ length: n }, () => ({}) as Flow);

describe("flowBudgetNote", () => {
  it("says how many of how many flows are drawn when the budget cuts", () => {
    expect(flowBudgetNote({ shown: shown(2000), hiddenBy: { budget: 82213 } }, 2000)).toBe("Showing the 2,000 largest of 84,213 flows");
  });
  it("counts only flows the filters let through (top N and threshold are not the budget's doing)", () => {
    expect(flowBudgetNote({ shown: shown(50), hiddenBy: { budget: 10, threshold: 500 } }, 50)).toBe("Showing the 50 largest of 60 flows");
  });
  it("says all flows are shown when the budget is off", () => {
    expect(flowBudgetNote({ shown: shown(84213), hiddenBy: {} }, null)).toBe("Showing all 84,213 flows");
  });
  it("says nothing when the budget does not bite", () => {
    expect(flowBudgetNote({ shown: shown(245), hiddenBy: {} }, 2000)).toBe("");
    expect(flowBudgetNote({ shown: [], hiddenBy: {} }, null)).toBe("");
  });
});

describe("parseFlowBudget", () => {
  it("reads whole numbers, with or without separators", () => {
    expect(parseFlowBudget("5000")).toBe(5000);
    expect(parseFlowBudget("12,500")).toBe(12500);
    expect(parseFlowBudget(" 2500.4 ")).toBe(2500);
  });
  it("refuses what is not a usable budget", () => {
    expect(parseFlowBudget("")).toBeNull();
    expect(parseFlowBudget("abc")).toBeNull();
    expect(parseFlowBudget("3")).toBeNull();
    expect(parseFlowBudget("-100")).toBeNull();
  });
});
