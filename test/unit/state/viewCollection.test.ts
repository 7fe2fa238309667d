import { describe, expect, it } from "vitest";
import { addView, deleteView, moveView, updateView, viewsFromFile, viewsToFile, type SavedView } from "../../../src/state/viewCollection";
import type { LinkContext } from "../../../src/state/viewLink";
import { defaultViewState } from "../../../src/state/viewState";

const ctx: LinkContext = { datasetId: "zero-mileage", datasetHash: "abc", defaultYear: 2024, placeIds: new Set(["kz", "ru"]) };
let n = 0;
const newId = () => `v${++n}`;
const view = (name: string, year: number): SavedView => {
  const state = defaultViewState("zero-mileage", "abc", 2024);
  state.year = year;
  return { id: name, name, caption: `${name} caption`, savedAt: "2026-11-28", state };
};

describe("saved views", () => {
  const list = [view("a", 2022), view("b", 2023), view("c", 2024)];
  it("move up and down reorder, and stop at the ends", () => {
    expect(moveView(list, "c", -1).map((v) => v.id)).toEqual(["a", "c", "b"]);
    expect(moveView(list, "a", -1)).toBe(list);
    expect(moveView(list, "c", 1)).toBe(list);
  });
  it("rename, caption and delete touch only their view", () => {
    const renamed = updateView(list, "b", { name: "B!", caption: "new" });
    expect(renamed.map((v) => v.name)).toEqual(["a", "B!", "c"]);
    expect(renamed[0]).toBe(list[0]);
    expect(deleteView(list, "b").map((v) => v.id)).toEqual(["a", "c"]);
    expect(addView(list, view("d", 2021)).length).toBe(4);
  });
  it("a views file round-trips names, captions and states", () => {
    const r = viewsFromFile(viewsToFile(list), ctx, newId);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.views.map((v) => [v.name, v.caption, v.state.year])).toEqual([["a", "a caption", 2022], ["b", "b caption", 2023], ["c", "c caption", 2024]]);
    expect(r.problems).toEqual([]);
  });
  it("a corrupt file is refused with a reason; a bad view is reported and the rest kept", () => {
    expect(viewsFromFile("{not json", ctx, newId)).toMatchObject({ ok: false, reason: expect.stringMatching(/not valid JSON/) });
    expect(viewsFromFile('{"format":"other"}', ctx, newId)).toMatchObject({ ok: false, reason: expect.stringMatching(/not a Reroute saved-views file/) });
    const file = JSON.parse(viewsToFile(list));
    file.views[1].view.layout = "spiral";
    const r = viewsFromFile(JSON.stringify(file), ctx, newId);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.views.map((v) => v.name)).toEqual(["a", "c"]);
    expect(r.problems[0]).toMatch(/View 2 \("b"\).*layout/);
  });
});
