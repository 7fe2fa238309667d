import { describe, expect, it } from "vitest";
import type { Dataset } from "../../../src/domain/types";
import { loadShippedDataset } from "../../../src/domain/shippedDataset";
import {
  openedData,
  defaultYearOf,
  importFrameRatio,
  initialView,
  needsChainLayout,
  openDataset,
  positionsFollowLayout,
} from "../../../src/state/openDataset";
import { appData, createStore } from "../../../src/state/store";
import { setLayout } from "../../../src/state/producers";

describe("openDataset", () => {
  it("frames imported data that covers less than the whole frame, with a margin and a closest zoom", () => {
    expect(importFrameRatio(0.1)).toBeCloseTo(0.14);
    expect(importFrameRatio(0.001)).toBe(0.06);
    // Half the frame: framed (no half-empty frame); the whole frame with the margin: keep it.
    expect(importFrameRatio(0.5)).toBeCloseTo(0.7);
    expect(importFrameRatio(0.75)).toBeNull();
    expect(importFrameRatio(1)).toBeNull();
    expect(importFrameRatio(Number.NaN)).toBeNull();
  });

  it("opens data in the chain layout only when no place has coordinates", () => {
    expect(
      needsChainLayout([
        { lat: null, lon: null },
        { lat: 1, lon: null },
      ]),
    ).toBe(true);
    expect(
      needsChainLayout([
        { lat: null, lon: null },
        { lat: 1, lon: 2 },
      ]),
    ).toBe(false);
    expect(needsChainLayout([])).toBe(false);
  });

  it("a dataset opens at its profile's default year when it has it, else at its latest", () => {
    expect(defaultYearOf({ id: "zero-mileage", years: [2022, 2023, 2024, 2025] })).toBe(2024);
    expect(defaultYearOf({ id: "zero-mileage", years: [2010, 2011] })).toBe(2011);
    // Imported data too (links leave out the default year, so it must not move).
    expect(defaultYearOf({ id: "local:abc", years: [2022, 2023, 2024, 2025] })).toBe(2024);
    expect(defaultYearOf({ id: "local:abc", years: [2018, 2019] })).toBe(2019);
  });

  it("opening a dataset replaces view and data in one change, in the chain layout when no place has coordinates", () => {
    const shipped = loadShippedDataset();
    const bare: Dataset = { ...shipped, id: "local:x", places: shipped.places.map((p) => ({ ...p, lat: null, lon: null })) };
    const store = createStore(initialView(shipped), appData(shipped));
    const seen: string[] = [];
    store.subscribe((s, _p, c) => seen.push(`${s.datasetId} ${s.layout} ${c.data.dataset.id} ${c.data.positions.size > 0}`));
    store.update(openDataset(bare));
    expect(seen).toEqual(["local:x chain local:x true"]);
  });

  it("places follow a layout switch made by any change, in the same change", () => {
    const shipped = loadShippedDataset();
    const view = initialView(shipped);
    const store = createStore(view, openedData(shipped, view.layout), positionsFollowLayout);
    const geo = store.data().positions;
    store.dispatch(setLayout("chain"));
    expect(store.data().positions).not.toBe(geo);
    const chain = store.data().positions;
    store.dispatch((s) => ({ ...s, year: 2023 }));
    expect(store.data().positions).toBe(chain);
  });
});
