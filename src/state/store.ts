// The one store: the view state (what a link or a saved view carries) and the app data the screen
// depends on (the open dataset, node positions, worker results, transient panel state). Every change is
// a producer; listeners get the view before and after, the data before and after, and how the change
// should be shown (Motion: a tween, a camera move), which only the view sync acts on.
import type { Dataset } from "../domain/types";
import type { Positions } from "./layouts";
import type { Producer } from "./producers";
import type { ViewState } from "./viewState";

/** Transient state of panels that is not part of a view (never in links). */
export interface PanelState {
  /** "List all simple paths" is on. */
  simplePaths: boolean;
  /** "Play through time" is stepping through the years. */
  playing: boolean;
  /** The magnified inset of the Xinjiang–Central Asia border is open on the map. */
  borderInset: boolean;
  /** What an analysis view points at (a Sankey band, a row of a comparison): emphasised on the map. */
  emphasis: { nodes: readonly string[]; edges: readonly string[] } | null;
  /** "Cluster places": big graphs draw nearby places as clusters at low zoom (on by default). */
  clusterPlaces: boolean;
}

export interface AppData {
  dataset: Dataset;
  /** Where each place is drawn (graph coordinates) in the current layout. */
  positions: Positions;
  /** Bumped when a worker answers (big-graph tracing), so selectors and panels look again. */
  results: number;
  panels: PanelState;
  /**
   * Graph units per CSS px of the map at the camera shown, as a power of two (the view reports it when the
   * zoom changes); null until it has. Big graphs cluster places by it.
   */
  mapScale: number | null;
}

export interface AppSnapshot {
  view: ViewState;
  data: AppData;
}

/** A camera move that goes with a change: to the state's camera, framing places, onto one place, or the whole data. */
export type CameraMove =
  | { to: "view"; animate: boolean }
  | { to: "nodes"; ids: readonly string[] }
  | { to: "node"; id: string }
  | { to: "data" }
  | { to: "reset" };

/** How a change is shown. Only the view sync reads it. */
export interface Motion {
  /** The redraw this change causes tweens over this many ms (positions, sizes, widths). */
  tweenMs?: number;
  camera?: CameraMove;
}

export interface Change {
  data: AppData;
  prevData: AppData;
  motion: Motion;
}

export type Listener = (state: ViewState, previous: ViewState, change: Change) => void;
export type AppProducer = (snapshot: AppSnapshot) => AppSnapshot;
/**
 * Keeps a snapshot consistent after each change, in the same change (places follow a new layout, a chosen
 * route is followed into another year); pure. Returns `next` itself when nothing needs fixing.
 */
export type Normaliser = (next: AppSnapshot, previous: AppSnapshot) => AppSnapshot;

export interface Store {
  /** The view state. */
  get(): ViewState;
  /** The app data (dataset, positions, …). */
  data(): AppData;
  dispatch(producer: Producer, motion?: Motion): void;
  /** A change of data and view at once (opening a dataset, moving places). */
  update(producer: AppProducer, motion?: Motion): void;
  /** Replace the whole view state (loading a link or a saved view). */
  replace(state: ViewState, motion?: Motion): void;
  subscribe(listener: Listener): () => void;
}

export const DEFAULT_PANELS: PanelState = {
  simplePaths: false,
  playing: false,
  borderInset: false,
  emphasis: null,
  clusterPlaces: true,
};

export function appData(dataset: Dataset, positions: Positions = new Map()): AppData {
  return { dataset, positions, results: 0, panels: DEFAULT_PANELS, mapScale: null };
}

const EMPTY_DATASET: Dataset = {
  id: "",
  name: "",
  places: [],
  flows: [],
  sources: [],
  context: [],
  events: [],
  assumptions: [],
  years: [],
  hash: "",
};

export function createStore(initial: ViewState, data: AppData = appData(EMPTY_DATASET), normalise?: Normaliser): Store {
  let snapshot: AppSnapshot = { view: initial, data };
  if (normalise) snapshot = normalise(snapshot, snapshot);
  const listeners = new Set<Listener>();
  let emitting = 0;
  const emit = (produced: AppSnapshot, motion: Motion = {}) => {
    if (emitting > 0) throw new Error("store: a change was dispatched while listeners were being told of another");
    const previous = snapshot;
    const next = normalise ? normalise(produced, previous) : produced;
    if (next.view === previous.view && next.data === previous.data && !motion.camera) return;
    snapshot = next;
    emitting++;
    try {
      const change: Change = { data: next.data, prevData: previous.data, motion };
      for (const listener of [...listeners]) listener(next.view, previous.view, change);
    } finally {
      emitting--;
    }
  };
  return {
    get: () => snapshot.view,
    data: () => snapshot.data,
    dispatch: (producer, motion) => emit({ view: producer(snapshot.view), data: snapshot.data }, motion),
    update: (producer, motion) => emit(producer(snapshot), motion),
    replace: (view, motion) => emit({ view, data: snapshot.data }, motion),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
