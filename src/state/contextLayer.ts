// The context layer: reported all-vehicle figures between places (and at places) for one year, drawn in
// their own style and never summed with used-car flows. Each hop keeps every figure it has, side by
// side (several reporters, measures and periods); the line's width stands for the largest one only. Pure.
import type { ContextFigure, Dataset } from "../domain/types";

export interface ContextHop {
  /** Stable key: `context:${from}>${to}@${year}`. */
  id: string;
  from: string;
  to: string;
  year: number;
  /** Every figure of the hop in vehicles, largest first. Never added up. */
  figures: ContextFigure[];
  /** The largest figure's value: what the line's width shows. */
  widthValue: number;
}

export interface ContextPlace {
  place: string;
  year: number;
  figures: ContextFigure[];
}

export interface ContextLayer {
  year: number;
  hops: ContextHop[];
  places: ContextPlace[];
}

const inVehicles = (c: ContextFigure): boolean => c.unit === "vehicles" && Number.isFinite(c.value) && c.value > 0;

/** Context figures of `year` in vehicles, grouped by hop and by place; hops whose ends are not places are left out. */
export function contextLayer(dataset: Pick<Dataset, "context" | "places">, year: number): ContextLayer {
  const placeIds = new Set(dataset.places.map((p) => p.id));
  const hops = new Map<string, ContextHop>();
  const places = new Map<string, ContextPlace>();
  for (const figure of dataset.context) {
    if (figure.year !== year || !inVehicles(figure)) continue;
    if (figure.from !== "" && figure.to !== "") {
      if (!placeIds.has(figure.from) || !placeIds.has(figure.to)) continue;
      const id = `context:${figure.from}>${figure.to}@${year}`;
      let hop = hops.get(id);
      if (!hop) hops.set(id, (hop = { id, from: figure.from, to: figure.to, year, figures: [], widthValue: 0 }));
      hop.figures.push(figure);
    } else if (figure.place !== "" && placeIds.has(figure.place)) {
      let entry = places.get(figure.place);
      if (!entry) places.set(figure.place, (entry = { place: figure.place, year, figures: [] }));
      entry.figures.push(figure);
    }
  }
  const byValue = (a: ContextFigure, b: ContextFigure) => b.value - a.value || a.id.localeCompare(b.id);
  const hopList = [...hops.values()].map((hop) => {
    const figures = [...hop.figures].sort(byValue);
    return { ...hop, figures, widthValue: figures[0]?.value ?? 0 };
  });
  hopList.sort((a, b) => b.widthValue - a.widthValue || a.id.localeCompare(b.id));
  const placeList = [...places.values()].map((p) => ({ ...p, figures: [...p.figures].sort(byValue) }));
  placeList.sort((a, b) => a.place.localeCompare(b.place));
  return { year, hops: hopList, places: placeList };
}

/** "450,000 vehicles (year; all-vehicle exports; Horgos Customs (Xinhua))" — one figure, as text. */
export function describeContextFigure(figure: ContextFigure): string {
  return `${figure.value.toLocaleString("en-GB")} ${figure.unit} (${figure.period || "year"}; ${figure.measure}; ${figure.reporter || "reporter not stated"})`;
}
