// How the address bar's history follows the view: which changes are a step of their own (a history entry),
// which replace the entry (a camera move, the rest of a burst), and what a burst is. Pure.
import type { Positions } from "./layouts";
import type { ViewState } from "./viewState";
import { MAX_LINK_POSITIONS } from "./viewCodec";

/** Fields whose change is a step worth a history entry. */
export const STEP_FIELDS: (keyof ViewState)[] = [
  "year",
  "filters",
  "weighting",
  "layout",
  "flowBudget",
  "assumptions",
  "selection",
  "trace",
  "datasetId",
  "compareYear",
  "scenario",
  "analysis",
  "contextLayer",
];

/** A run of like changes that makes one history step: a title typed a key at a time, or years stepped or played. */
export interface Burst {
  kind: "title" | "year" | null;
  at: number;
  playing: boolean;
}

export const NO_BURST: Burst = { kind: null, at: 0, playing: false };
/** Changes of one kind closer than this together are one burst. */
export const BURST_MS = 1500;

/**
 * What a change from `prev` to `state` does to the history: nothing (only the camera moved, and `camera` is
 * false), "replace" the entry, or "push" a new one; with the burst it leaves. `playing`: "Play through time"
 * is running (a year picked by hand just before it stays its own step).
 */
export function historyStep(
  prev: ViewState,
  state: ViewState,
  burst: Burst,
  now: number,
  playing: boolean,
): { action: "none" | "replace" | "push"; burst: Burst } {
  const changed = STEP_FIELDS.filter((k) => state[k] !== prev[k]);
  const titleEdit = state.title !== prev.title;
  if (!changed.length && !titleEdit) return { action: state.camera !== prev.camera ? "replace" : "none", burst };
  // A burst is one history step: a title typed a key at a time, years played through ("Play through time",
  // 1.2 s a year) or stepped with the arrow keys. Its first change pushes an entry, the rest replace it.
  const kind = !changed.length ? "title" : changed.length === 1 && changed[0] === "year" && !titleEdit ? "year" : null;
  const inBurst = kind !== null && kind === burst.kind && now - burst.at < BURST_MS && playing === burst.playing;
  return { action: inBurst ? "replace" : "push", burst: { kind, at: now, playing } };
}

/** Where the places are, in the dataset's place order (x, y, x, y…); null when one has no position or they are too many for a link. */
export function positionsInOrder(places: readonly { id: string }[], at: Positions): number[] | null {
  if (places.length * 2 > MAX_LINK_POSITIONS) return null;
  const out: number[] = [];
  for (const p of places) {
    const q = at.get(p.id);
    if (!q) return null;
    out.push(q.x, q.y);
  }
  return out;
}

/** Positions in place order as a map over `places`; null when they cannot be for them (another count). */
export function positionsByPlace(places: readonly { id: string }[], positions: readonly number[] | null | undefined): Positions | null {
  if (!positions || positions.length !== places.length * 2) return null;
  const map: Positions = new Map();
  places.forEach((p, i) => map.set(p.id, { x: positions[2 * i]!, y: positions[2 * i + 1]! }));
  return map;
}
