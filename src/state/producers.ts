// Pure producers: (args) => (state) => newState. The only way the view state changes.
import type { CameraState, Filters, LayoutKind, Selection, TraceState, ViewState, Weighting } from "./viewState";
import { DEFAULT_FILTERS, DEFAULT_TRACE } from "./viewState";

export type Producer = (state: ViewState) => ViewState;

export const setYear =
  (year: number): Producer =>
  (s) =>
    s.year === year ? s : { ...s, year };

/** Draws the context layer (reported all-vehicle figures between places) or not. */
export const setContextLayer =
  (on: boolean): Producer =>
  (s) =>
    s.contextLayer === on ? s : { ...s, contextLayer: on };

export const setHover =
  (hover: Selection): Producer =>
  (s) =>
    sameSelection(s.hover, hover) ? s : { ...s, hover };

export const select =
  (selection: Selection): Producer =>
  (s) =>
    sameSelection(s.selection, selection) ? s : { ...s, selection };

export const setWeighting =
  (patch: Partial<Weighting>): Producer =>
  (s) => ({ ...s, weighting: { ...s.weighting, ...patch } });

export const setFilters =
  (patch: Partial<Filters>): Producer =>
  (s) => ({ ...s, filters: { ...s.filters, ...patch } });

export const resetFilters = (): Producer => (s) => ({ ...s, filters: structuredClone(DEFAULT_FILTERS) });

export const setLayout =
  (layout: LayoutKind): Producer =>
  (s) =>
    s.layout === layout ? s : { ...s, layout };

export const setTrace =
  (patch: Partial<TraceState>): Producer =>
  (s) => ({ ...s, trace: { ...s.trace, ...patch } });

export const clearTrace = (): Producer => (s) => ({ ...s, trace: { ...DEFAULT_TRACE } });

export const setCamera =
  (camera: CameraState | null): Producer =>
  (s) => ({ ...s, camera });

export const setTitle =
  (title: string): Producer =>
  (s) => ({ ...s, title });

/** Set one edited assumption; a value equal to the dataset's own (`original`) removes the edit. */
export const setAssumption =
  (id: string, value: number, original: number): Producer =>
  (s) => {
    const assumptions = { ...s.assumptions };
    if (value === original) delete assumptions[id];
    else assumptions[id] = value;
    return { ...s, assumptions };
  };

export const resetAssumptions = (): Producer => (s) => ({ ...s, assumptions: {} });

export function sameSelection(a: Selection, b: Selection): boolean {
  if (a === null || b === null) return a === b;
  return a.type === b.type && a.id === b.id;
}

export const setFlowBudget =
  (flowBudget: number | null): Producer =>
  (s) =>
    s.flowBudget === flowBudget ? s : { ...s, flowBudget };
