// Opening a dataset and moving places: producers over the whole store (view state and app data at once),
// so a dataset switch is one change and nothing downstream dispatches a second one.
import type { Dataset } from "../domain/types";
import { checkYearGraph } from "../domain/buildYearGraph";
import { positionsForLayout } from "./layoutPositions";
import { profileOf } from "./profile";
import type { Positions } from "./layouts";
import { DEFAULT_PANELS, appData, type AppData, type AppProducer, type AppSnapshot } from "./store";
import { DEFAULT_YEAR, defaultViewState, type LayoutKind, type ViewState } from "./viewState";

/** The year a dataset opens at: its profile's default year when it has it, else its latest. */
export function defaultYearOf(dataset: Pick<Dataset, "id" | "years">): number {
  const preferred = profileOf(dataset).defaultYear;
  if (preferred !== null && dataset.years.includes(preferred)) return preferred;
  return dataset.years[dataset.years.length - 1] ?? DEFAULT_YEAR;
}

/** Data where no place can go on the map opens in the chain layout rather than as a strip under an empty map. */
export function needsChainLayout(places: readonly { lat: number | null; lon: number | null }[]): boolean {
  return places.length > 0 && places.every((place) => place.lat === null || place.lon === null);
}

/** The view a dataset opens with: its default year, and the chain layout when no place has coordinates. */
export function initialView(dataset: Dataset): ViewState {
  const view = defaultViewState(dataset.id, dataset.hash, defaultYearOf(dataset));
  return needsChainLayout(dataset.places) ? { ...view, layout: "chain" } : view;
}

/** The app data of a freshly opened dataset in a layout. */
export function openedData(dataset: Dataset, layout: LayoutKind): AppData {
  return appData(dataset, positionsForLayout(layout, dataset.places, dataset.flows));
}

/** Open another dataset: its default view, its positions; panels' transient state reset. */
export const openDataset =
  (dataset: Dataset): AppProducer =>
  () => {
    const view = initialView(dataset);
    // All or nothing: the new data's graph is checked and its layout built here, before the store changes;
    // data that cannot be drawn throws and the current data stays, so "the current data is unchanged" is true.
    let data: AppData;
    try {
      checkYearGraph(dataset, view.year);
      data = { ...openedData(dataset, view.layout), panels: DEFAULT_PANELS };
    } catch (error) {
      throw new Error(`the new data could not be drawn (${error instanceof Error ? error.message : String(error)})`, { cause: error });
    }
    return { view, data };
  };

/**
 * Places follow the layout: when a change switches layout (a control, a link, a saved view) without
 * placing them itself, they move to the new layout's positions (the force layout starts from where they are).
 */
export function positionsFollowLayout(next: AppSnapshot, previous: AppSnapshot): AppSnapshot {
  const { view, data } = next;
  if (view.layout === previous.view.layout || data.positions !== previous.data.positions || data.dataset !== previous.data.dataset)
    return next;
  const positions = positionsForLayout(view.layout, data.dataset.places, data.dataset.flows, data.positions);
  return { view, data: { ...data, positions } };
}

/** A view replacing the current one with a force arrangement of its own (a link's, a saved view's). */
export const showArranged =
  (next: ViewState, positions: Positions): AppProducer =>
  ({ data }) => ({ view: next, data: { ...data, positions } });

/** Places moved by the force layout. */
export const setPositions =
  (positions: Positions): AppProducer =>
  ({ view, data }) => ({ view, data: { ...data, positions } });

/** A worker answered: selectors and panels look again. */
export const resultsArrived =
  (): AppProducer =>
  ({ view, data }) => ({ view, data: { ...data, results: data.results + 1 } });

export const setPanels =
  (patch: Partial<AppData["panels"]>): AppProducer =>
  ({ view, data }) => ({ view, data: { ...data, panels: { ...data.panels, ...patch } } });

const FRAME_BELOW_RATIO = 1;
const CLOSEST_RATIO = 0.06;
/** The fit puts the outermost places on the edges of the view: leave a margin. */
const FRAME_MARGIN = 1.4;

/**
 * The camera ratio to open imported data at, from the ratio that fits all its places; null: the whole map.
 * Whenever the places (with a margin) take less than the whole frame, the camera fits them: no half-empty frame.
 */
export function importFrameRatio(fitted: number): number | null {
  if (!Number.isFinite(fitted) || fitted <= 0) return null;
  const ratio = Math.max(fitted * FRAME_MARGIN, CLOSEST_RATIO);
  return ratio < FRAME_BELOW_RATIO ? ratio : null;
}

/** The view reports the map's scale (graph units per CSS px, a power of two). */
export const setMapScale =
  (mapScale: number | null): AppProducer =>
  ({ view, data }) =>
    data.mapScale === mapScale ? { view, data } : { view, data: { ...data, mapScale } };
