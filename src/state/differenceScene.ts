// Colours of a comparison on the map (rose, fell, new, vanished), applied to a scene built from the
// difference flows (state/differenceFlows.ts): widths already show the size of each change.
import type { ChangeStatus } from "./compareYears";
import type { Scene } from "./scene";

export const DIFFERENCE_COLOURS: Record<ChangeStatus, string> = {
  rose: "#2166ac",
  fell: "#d6604d",
  new: "#1b7837",
  vanished: "#762a83",
  same: "#b0b0b0",
};

export const DIFFERENCE_LABELS: Record<ChangeStatus, string> = {
  rose: "rose",
  fell: "fell",
  new: "new (no flow in the other year)",
  vanished: "vanished (no flow in this year)",
  same: "unchanged",
};

export function colourDifference(scene: Scene, statusOf: ReadonlyMap<string, ChangeStatus>): Scene {
  return {
    ...scene,
    edges: scene.edges.map((e) => {
      const status = statusOf.get(e.id);
      return status ? { ...e, color: DIFFERENCE_COLOURS[status], modelled: false } : e;
    }),
  };
}
