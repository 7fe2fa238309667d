import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addView,
  createSavedViewsStore,
  deleteView,
  moveView,
  importedViews,
  newViews,
  savedViewShown,
  SAVED_VIEWS_BACKUP_KEY,
  SAVED_VIEWS_KEY,
  updateView,
  viewsFromFile,
  viewsToFile,
  type SavedView,
  type ViewStorage,
} from "../../../src/state/savedViews";
import type { LinkContext } from "../../../src/state/viewCodec";
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
    expect(r.views.map((v) => [v.name, v.caption, v.state.year])).toEqual([
      ["a", "a caption", 2022],
      ["b", "b caption", 2023],
      ["c", "c caption", 2024],
    ]);
    expect(r.problems).toEqual([]);
  });
  it("importing views already held adds only the new ones (a file exported and imported again adds nothing)", () => {
    const r = viewsFromFile(viewsToFile(list), ctx, newId);
    if (!r.ok) throw new Error(r.reason);
    expect(newViews(list, r.views)).toEqual([]);
    const renamed = { ...view("b", 2023), name: "b again" };
    const later = view("d", 2021);
    expect(newViews(list, [...r.views, renamed, later, later]).map((v) => v.name)).toEqual(["b again", "d"]);
  });
  it("an import adds its new views up to the room left, and counts those already held", () => {
    const incoming = [view("b", 2023), view("d", 2021), view("e", 2020), view("f", 2019)];
    expect(importedViews(list, incoming, undefined, 5)).toEqual({
      added: [incoming[1], incoming[2]],
      fresh: 3,
      held: 1,
      room: 2,
    });
    const full = importedViews(list, incoming, undefined, 2);
    expect(full.added).toEqual([]);
    expect(full.room).toBe(0);
  });
  it("a view saved in the force layout keeps where the run left the places, through the file", () => {
    const arranged = { ...view("force", 2024), positions: [10.04, -3, 7, 8] };
    arranged.state.layout = "force";
    const r = viewsFromFile(viewsToFile([arranged, list[0]!]), ctx, newId);
    expect(r.ok && r.views.map((v) => v.positions ?? null)).toEqual([[10, -3, 7, 8], null]);
  });
  it("a corrupt file is refused with a reason; a bad view is reported and the rest kept", () => {
    expect(viewsFromFile("{not json", ctx, newId)).toMatchObject({ ok: false, reason: expect.stringMatching(/not valid JSON/) });
    expect(viewsFromFile('{"format":"other"}', ctx, newId)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not a Reroute saved-views file/),
    });
    const file = JSON.parse(viewsToFile(list));
    file.views[1].view.layout = "spiral";
    const r = viewsFromFile(JSON.stringify(file), ctx, newId);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.views.map((v) => v.name)).toEqual(["a", "c"]);
    expect(r.problems[0]).toMatch(/View 2 \("b"\).*layout/);
  });
});

describe("reading a saved-views file", () => {
  it("never throws on 1,000 damaged files (cut, bytes changed, random JSON, hostile keys) and never adds an invalid view", () => {
    const good = viewsToFile([view("a", 2022), view("b", 2023)]);
    let refused = 0,
      read = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 }),
        fc.nat(),
        fc.jsonValue({ maxDepth: 4 }),
        fc.string({ maxLength: 20 }),
        (how, at, json, junk) => {
          const i = at % good.length;
          const text = [
            good.slice(0, i),
            good.slice(0, i) + junk + good.slice(i + 1),
            JSON.stringify(json),
            JSON.stringify({
              format: "reroute-views",
              version: 1,
              views: [
                json,
                { name: junk, view: json },
                JSON.parse('{"__proto__":{"name":"x"},"name":"p","view":{"v":2,"__proto__":{"year":1}}}'),
              ],
            }),
          ][how]!;
          const r = viewsFromFile(text, ctx, newId);
          if (!r.ok) {
            refused++;
            expect(r.reason).toMatch(/\w/);
            return;
          }
          read++;
          for (const v of r.views) {
            expect(typeof v.name).toBe("string");
            expect(Number.isInteger(v.state.year)).toBe(true);
            expect(["geo", "chain", "force"]).toContain(v.state.layout);
          }
        },
      ),
      { numRuns: 1000, seed: 11 },
    );
    expect(refused + read).toBe(1000);
    expect(({} as Record<string, unknown>).name).toBeUndefined();
  });
});

/** A Map-backed Storage; `quota` (characters over all keys) makes setItem throw QuotaExceededError like a full browser. */
class FakeStorage implements ViewStorage {
  items = new Map<string, string>();
  constructor(public quota = Infinity) {}
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    let used = value.length;
    for (const [k, v] of this.items) if (k !== key) used += v.length;
    if (used > this.quota) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    this.items.set(key, value);
  }
}

describe("the saved-views store", () => {
  const list = [view("a", 2022), view("b", 2023)];
  it("keeps views in storage and reads them back in order", () => {
    const storage = new FakeStorage();
    const store = createSavedViewsStore(() => storage);
    expect(store.save(list)).toMatchObject({ ok: true });
    const r = store.load(ctx, newId);
    expect(r.views.map((v) => [v.name, v.caption, v.state.year])).toEqual([
      ["a", "a caption", 2022],
      ["b", "b caption", 2023],
    ]);
    expect(r).toMatchObject({ problems: [], error: null, trouble: null, backupKey: null });
  });
  it("a full storage (QuotaExceededError) is reported as full, and what was saved before stays", () => {
    const storage = new FakeStorage();
    const store = createSavedViewsStore(() => storage);
    store.save(list.slice(0, 1));
    const before = storage.getItem(SAVED_VIEWS_KEY);
    storage.quota = before!.length + 10;
    expect(store.save(list)).toEqual({ ok: false, trouble: "full" });
    expect(storage.getItem(SAVED_VIEWS_KEY)).toBe(before);
    expect(store.load(ctx, newId).views.map((v) => v.name)).toEqual(["a"]);
  });
  it("blocked storage (reading localStorage throws) is reported as unavailable, on load and on save", () => {
    const store = createSavedViewsStore(() => {
      throw new DOMException("denied", "SecurityError");
    });
    expect(store.load(ctx, newId)).toMatchObject({ views: [], trouble: "unavailable" });
    expect(store.save(list)).toEqual({ ok: false, trouble: "unavailable" });
    expect(createSavedViewsStore(() => null).save(list)).toEqual({ ok: false, trouble: "unavailable" });
  });
  it("an unreadable stored list is copied aside before anything can overwrite it", () => {
    const storage = new FakeStorage();
    storage.setItem(SAVED_VIEWS_KEY, '{"format":"reroute-views","version":1,"views":[');
    const store = createSavedViewsStore(() => storage);
    const r = store.load(ctx, newId);
    expect(r.views).toEqual([]);
    expect(r.error).toMatch(/not valid JSON/);
    expect(r.backupKey).toBe(SAVED_VIEWS_BACKUP_KEY);
    store.save(list);
    expect(storage.getItem(SAVED_VIEWS_BACKUP_KEY)).toBe('{"format":"reroute-views","version":1,"views":[');
    // A second, different unreadable list does not replace the first copy.
    storage.setItem(SAVED_VIEWS_KEY, "garbage");
    const again = store.load(ctx, newId);
    expect(again.backupKey).not.toBe(SAVED_VIEWS_BACKUP_KEY);
    expect(storage.getItem(again.backupKey!)).toBe("garbage");
    expect(storage.getItem(SAVED_VIEWS_BACKUP_KEY)).toBe('{"format":"reroute-views","version":1,"views":[');
  });
  it("a view traced on places the open data lacks keeps its trace when read back from storage", () => {
    const storage = new FakeStorage();
    const store = createSavedViewsStore(() => storage);
    const v = view("imported", 2023);
    v.state.trace = { origin: "shenzhen-port", destination: "atlantis", chain: 1, through: null };
    store.save([v]);
    expect(store.load(ctx, newId).views[0]!.state.trace).toEqual({
      origin: "shenzhen-port",
      destination: "atlantis",
      chain: 1,
      through: null,
    });
  });

  it("two tabs that save in turn keep each other's new views, and a view deleted in one does not come back", () => {
    const storage = new FakeStorage();
    const tabA = createSavedViewsStore(() => storage);
    const tabB = createSavedViewsStore(() => storage);
    const a = tabA.load(ctx, newId).views;
    let b = tabB.load(ctx, newId).views;
    const saved = (r: ReturnType<typeof tabA.save>) => (r.ok ? r.views : []);
    saved(tabA.save(addView(a, view("from A", 2022))));
    b = saved(tabB.save(addView(b, view("from B", 2023))));
    expect(b.map((v) => v.name)).toEqual(["from A", "from B"]);
    expect(tabA.load(ctx, newId).views.map((v) => v.name)).toEqual(["from A", "from B"]);
    // A deletes "from B"; B, which never heard of it, renames "from A": the deletion holds.
    tabA.save(deleteView(tabA.load(ctx, newId).views, "from B"));
    b = saved(tabB.save(updateView(b, "from A", { caption: "edited in B" })));
    expect(b.map((v) => [v.name, v.caption])).toEqual([["from A", "edited in B"]]);
    expect(
      createSavedViewsStore(() => storage)
        .load(ctx, newId)
        .views.map((v) => v.caption),
    ).toEqual(["edited in B"]);
  });
  it("a storage event from another tab merges its list in without writing", () => {
    const storage = new FakeStorage();
    const tabA = createSavedViewsStore(() => storage);
    const tabB = createSavedViewsStore(() => storage);
    const a = tabA.load(ctx, newId).views;
    const b = tabB.load(ctx, newId).views;
    expect(tabB.sync(b)).toBeNull();
    tabA.save(addView(a, view("new in A", 2021)));
    const written = storage.getItem(SAVED_VIEWS_KEY);
    const synced = tabB.sync(b);
    expect(synced?.map((v) => v.name)).toEqual(["new in A"]);
    expect(storage.getItem(SAVED_VIEWS_KEY)).toBe(written);
    // A deletes it: B's next sync drops it too.
    tabA.save([]);
    expect(tabB.sync(synced!)).toEqual([]);
  });
  it("an unreadable list is never overwritten when storage is too full to copy it aside", () => {
    const storage = new FakeStorage();
    const broken = '{"format":"reroute-views","version":1,"views":[{"name":';
    storage.setItem(SAVED_VIEWS_KEY, broken);
    storage.quota = broken.length + 20;
    const store = createSavedViewsStore(() => storage);
    const r = store.load(ctx, newId);
    expect(r.backupKey).toBeNull();
    expect(store.save(list)).toEqual({ ok: false, trouble: "unreadable" });
    expect(storage.getItem(SAVED_VIEWS_KEY)).toBe(broken);
  });
  it("more than 200 stored views: the first 200 are read and the rest named, not all dropped", () => {
    const many = Array.from({ length: 205 }, (_, i) => view(`v${i}`, 2020 + (i % 5)));
    const r = viewsFromFile(viewsToFile(many), ctx, newId);
    expect(r.ok && r.views.length).toBe(200);
    expect(r.ok && r.problems[0]).toMatch(/205 views; the first 200/);
  });
});

describe("the saved view on screen", () => {
  const list = [view("a", 2022), view("b", 2023), view("c", 2024)];
  it("is the saved view with the same view, wherever the camera moved", () => {
    const state = { ...list[1]!.state, camera: { x: 0.3, y: 0.4, ratio: 0.5, angle: 0 } };
    expect(savedViewShown(list, state, 2024)?.name).toBe("b");
  });
  it("is none once the view differs (year, trace, filters) or the data is another", () => {
    const s = list[1]!.state;
    expect(savedViewShown(list, { ...s, year: 2021 }, 2024)).toBeNull();
    expect(savedViewShown(list, { ...s, trace: { ...s.trace, origin: "kz", destination: "ru" } }, 2024)).toBeNull();
    expect(savedViewShown(list, { ...s, filters: { ...s.filters, topN: 5 } }, 2024)).toBeNull();
    expect(savedViewShown(list, { ...s, datasetId: "other" }, 2024)).toBeNull();
  });
});
