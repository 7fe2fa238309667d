import { describe, expect, it } from "vitest";
import { importWithWorker } from "../../../src/workers/importClient";
import { edges, file, OPTIONS } from "../io/helpers";

describe("importWithWorker (Node: no Worker, direct call)", () => {
  it("imports directly and reports progress up to 1", async () => {
    const fractions: number[] = [];
    const result = await importWithWorker([file("e.csv", "from,to,volume\nA,B,1\n")], { ...OPTIONS, onProgress: (f) => fractions.push(f) });
    expect(edges(result.dataset)).toEqual(["A>B@2024=1"]);
    expect(fractions.at(-1)).toBe(1);
  });

  it("rejects with an AbortError when cancelled", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(importWithWorker([file("e.csv", "from,to,volume\nA,B,1\n")], { signal: controller.signal })).rejects.toMatchObject({
      name: "AbortError",
    });
  });
});
