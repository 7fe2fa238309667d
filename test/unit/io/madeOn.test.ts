import { describe, expect, it } from "vitest";
import { findMadeOn, isMadeOn } from "../../../src/io/datasetStore";

describe("the kept dataset a link was made on", () => {
  const kept = [
    { id: "local:aaaa1111bbbb2222", name: "A" },
    { id: "local:cccc3333dddd4444", name: "C" },
  ];

  it("is the kept dataset with the link's id; none when no kept dataset has it or the link is on shipped data", () => {
    expect(findMadeOn(kept, { datasetId: "local:cccc3333dddd4444", hash: "cccc3333" })?.name).toBe("C");
    expect(findMadeOn(kept, { datasetId: "local:eeee", hash: "eeee" })).toBeNull();
    expect(findMadeOn([...kept, { id: "zero-mileage", name: "shipped" }], { datasetId: "zero-mileage", hash: "" })).toBeNull();
    expect(findMadeOn([], { datasetId: "local:aaaa1111bbbb2222", hash: "" })).toBeNull();
  });

  it("holds the content the link names: same id and a hash starting with the link's", () => {
    const ds = { id: "local:aaaa1111bbbb2222", hash: "aaaa1111bbbb2222" };
    expect(isMadeOn(ds, { datasetId: ds.id, hash: "aaaa1111" })).toBe(true);
    expect(isMadeOn(ds, { datasetId: ds.id, hash: "" })).toBe(true);
    expect(isMadeOn(ds, { datasetId: ds.id, hash: "ffff" })).toBe(false);
    expect(isMadeOn(ds, { datasetId: "local:other", hash: "aaaa" })).toBe(false);
  });
});
