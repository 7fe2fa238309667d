import { describe, expect, it } from "vitest";
import { fit, sankeyLabels, type SankeyNodeBox } from "../../../src/state/sankeyLabels";

const node = (key: string, column: number, x0: number, y0: number, y1: number, name = key): SankeyNodeBox => ({
  key,
  name,
  column,
  x0,
  x1: x0 + 10,
  y0,
  y1,
});

describe("Sankey labels", () => {
  it("cuts a name to the room before the next column, with an ellipsis, and keeps short names whole", () => {
    // em = 0.6 × 10 = 6 px. Room for 5 characters → 4 kept + "…".
    expect(fit("Chengdu international rail port", 30, 6)).toBe("Chen…");
    expect(fit("Horgos", 36, 6)).toBe("Horgos");
    expect(fit("Horgos", 18, 6)).toBe("");
  });

  it("writes a name only where it clears the names already written in its column (bigger places first)", () => {
    // Column 0 at x 4–14, column 1 at x 104–114, chart 300 wide, 10 px font: a line is 12 px.
    const nodes = [
      node("a", 0, 4, 0, 40), // centre 20
      node("b", 0, 4, 42, 46), // centre 44: clears a (20 + 6 = 26 ≤ 44 − 6 = 38)
      node("c", 0, 4, 48, 52), // centre 50: 50 − 6 = 44 < 44 + 6 = 50 → skipped
      node("d", 0, 4, 60, 64), // centre 62: 56 ≥ 50 → written
      node("e", 1, 104, 0, 10),
    ];
    const labels = sankeyLabels(nodes, { width: 300, fontSize: 10 });
    expect(labels.map((l) => l.key).sort()).toEqual(["a", "b", "d", "e"]);
    expect(labels[0]).toEqual({ key: "a", text: "a", x: 18, y: 20, anchor: "start" });
  });

  it("two columns writing into the same gap do not write over each other: the bigger place keeps its name", () => {
    // Columns at 4, 104, 204, chart 300: column 1 (left half) writes right from x 118; column 2 (right half)
    // writes left from x 200. "Alashankou" (10 × 6 = 60 px: 118–178) and "Kyrgyzstan" (60 px: 140–200) at the
    // same height overlap; Kyrgyzstan's node is bigger, so Alashankou goes without; lower down both fit.
    const nodes = [
      node("alashankou", 1, 104, 40, 50),
      node("kyrgyzstan", 2, 204, 35, 55),
      node("horgos", 1, 104, 100, 110),
      node("russia", 2, 204, 150, 190),
      node("o", 0, 4, 0, 200),
    ];
    const keys = sankeyLabels(nodes, { width: 300, fontSize: 10 }).map((l) => l.key);
    expect(keys.sort()).toEqual(["horgos", "kyrgyzstan", "o", "russia"]);
  });

  it("writes the right half's names to the left of their node, cut to the room after the previous column", () => {
    // Columns at 4, 104, 204 (width 10), chart 300: column 2 is in the right half; room = 204 − 4 − (114 + 3) = 83 px
    // → 13 characters at 6 px.
    const nodes = [node("o", 0, 4, 0, 20), node("x", 1, 104, 0, 20), node("m", 2, 204, 0, 20, "United Arab Emirates (Jebel Ali)")];
    const m = sankeyLabels(nodes, { width: 300, fontSize: 10 }).find((l) => l.key === "m")!;
    expect(m).toEqual({ key: "m", text: "United Arab…", x: 200, y: 10, anchor: "end" });
  });
});
