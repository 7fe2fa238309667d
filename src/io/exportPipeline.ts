// The image export pipeline: what an exported PNG or SVG shows (spec), its layout at the chosen size,
// the view captured at that size (through a ViewCapture the view sync provides), composed with title,
// caption, legend and sources. No controls here (those are ui/exportControls).
import { LANES } from "../domain/lanes";
import { PLACE_KINDS } from "../domain/types";
import { BASIS_SAMPLE, BASIS_TINT, domesticLaneLabel, KIND_COLOURS, kindLabels, LANE_COLOURS, tint } from "../state/palette";
import { laneSwatches } from "../state/legendSwatches";
import { scaleSpanNote } from "../state/scaleDomain";
import type { Selectors } from "../state/selectors";
import type { AppData } from "../state/store";
import type { ViewState } from "../state/viewState";
import { PENDING } from "../state/routeTrace";
import { tracedChainsOf, tracedPlaces, type TracedChains } from "../state/tracedChains";
import { canvasMeasure, canvasToBlob, composeImage, sizeProblem, type CanvasLimits } from "./exportImage";
import { labelScaleFor, layoutExport, MIN_PRINT_PT, pxPerPoint, sourcesText, type ExportLayout, type LayoutSize } from "./exportLayout";
import { buildExportSpec, type ExportSpec } from "./exportSpec";
import { writeSvg, type SvgBackdrop, type ViewGeometry } from "./exportSvg";
import { EXPORT_THEMES, type ExportBackground } from "./exportTheme";
import { withPngText } from "./pngText";

export type ImageSizeId = "slide" | "view" | "a4";
export type Resolution = 1 | 2 | 4;

export const IMAGE_SIZES: { id: ImageSizeId; label: string }[] = [
  { id: "slide", label: "Slide, 1920 × 1080" },
  { id: "view", label: "Current view" },
  { id: "a4", label: "A4 landscape, 300 dpi (3508 × 2480)" },
];

export interface ExportOptions {
  size: ImageSizeId;
  resolution: Resolution;
  background: ExportBackground;
}

export const DEFAULT_EXPORT_OPTIONS: ExportOptions = { size: "slide", resolution: 1, background: "white" };

/** Where the map in an export was taken from and how it sits in the image (view/captureLayers). */
export interface CapturedMap {
  layers: HTMLCanvasElement[];
  geometry: ViewGeometry & { sizeFactor: number };
}

/** What the export needs of the view: the map drawn at a size, with the camera on screen. */
export interface ViewCapture {
  capture(options: {
    width: number;
    height: number;
    pixelRatio: number;
    backdrop: "light" | "dark" | null;
    labelColor?: string;
    labelHalo?: string;
    pixels?: boolean;
    /** Places to frame (a traced route's), with a margin; absent = the camera on screen. */
    frame?: string[];
    /** Place labels at this multiple of the screen's size. */
    labelScale?: number;
    /** Ring round each place's dot, or none. */
    dotHalo?: string;
  }): Promise<CapturedMap>;
  canvasLimits(): CanvasLimits;
  /** The map backdrop as SVG paths and colours. */
  svgBackdrop(dark: boolean): SvgBackdrop;
}

/** A message meant for the user as it is (no "export failed:" prefix). */
export class UserFacingError extends Error {}

/** Paper of the print sizes, in mm (landscape). */
export const PAPER_MM: Partial<Record<ImageSizeId, { width: number; height: number }>> = { a4: { width: 297, height: 210 } };

/**
 * Layout size (px) and how many image pixels each layout px gets, before the resolution factor; for a print
 * size, the paper (mm) and the smallest text (layout px) that prints at MIN_PRINT_PT.
 */
export function layoutSize(
  size: ImageSizeId,
  view: { width: number; height: number },
): LayoutSize & { base: number; paper?: { width: number; height: number } } {
  if (size === "view") return { width: Math.max(320, Math.round(view.width)), height: Math.max(240, Math.round(view.height)), base: 1 };
  // A4 at 300 dpi: laid out as 1754 × 1240 and drawn at 2 px per layout px, so text has print size.
  if (size === "a4") {
    const paper = PAPER_MM.a4!;
    return { width: 1754, height: 1240, base: 2, paper, minText: MIN_PRINT_PT * pxPerPoint(1754, paper.width) };
  }
  return { width: 1920, height: 1080, base: 1 };
}

/** The image's size in pixels for these options, with the graph's size on screen for "Current view". */
export function outputSize(o: ExportOptions, graph: { width: number; height: number }) {
  const layout = layoutSize(o.size, graph);
  const ratio = layout.base * o.resolution;
  return { layout, ratio, width: Math.round(layout.width * ratio), height: Math.round(layout.height * ratio) };
}

/** Why an image of this size cannot be made in this browser, or null. */
export function sizeProblemFor(out: { width: number; height: number }, view: Pick<ViewCapture, "canvasLimits">): string | null {
  return sizeProblem(out.width, out.height, view.canvasLimits());
}

/** The chains the map draws for a settled trace origin → destination, with their volumes; null otherwise. */
export function tracedFor(select: Selectors, state: ViewState, data: AppData): TracedChains | null {
  const result = select.traceResult(state, data);
  // An analysis view's emphasis, or flows through a place, are drawn instead of the chains.
  if (!result || result === PENDING || data.panels.emphasis || (state.trace.chain === null && state.trace.through)) return null;
  return tracedChainsOf(result, state.trace.chain, select.derived(state, data).flows, state.year, state.weighting.measure);
}

/** What the file is named after: a saved view's name, the title typed, the trace ("Sichuan to Russia"); "" = the title. */
export function fileNameFor(select: Selectors, state: ViewState, data: AppData, savedViewName: string | null | undefined): string {
  if (savedViewName?.trim()) return savedViewName.trim();
  if (state.title.trim()) return state.title.trim();
  const { origin, destination, through } = state.trace;
  const name = (id: string) => select.placeName(data, id);
  if (origin && destination) return `${name(origin)} to ${name(destination)}`;
  if (through) return `Through ${name(through)}`;
  return "";
}

/** What the export of the view says: title, caption (with the traced route), legend, sources. */
export function specFor(
  select: Selectors,
  state: ViewState,
  data: AppData,
  sizeFactor: number,
  now: Date,
  savedViewName?: string | null,
): ExportSpec {
  const derived = select.derived(state, data);
  // The legend of what is drawn (merged flows of a clustered picture widen the width scale).
  const scene = select.drawn(state, data);
  const swatches = laneSwatches(scene.edges, []);
  return buildExportSpec({
    state,
    dataset: data.dataset,
    shown: derived.visible.shown,
    colourLaneOf: derived.colourLaneOf,
    widthLegend: scene.widthScale.legend(3).map(({ value, width }) => ({ value, width: width * sizeFactor })),
    scaleKind: scene.widthScale.kind,
    scaleNote: scaleSpanNote(scene.scaleSpan.kind, scene.scaleSpan.years, state.year),
    palette: {
      kinds: PLACE_KINDS.map((kind) => ({ kind, label: kindLabels(data.dataset)[kind], colour: KIND_COLOURS[kind] })),
      lanes: [{ id: "domestic", label: domesticLaneLabel(data.dataset) }, ...LANES].map((l) => {
        // Each lane in the shades drawn, read from the flows on the map, so the legend matches them.
        const sw = swatches.find((x) => x.lane === l.id);
        const colour = sw ? (sw.full ?? sw.modelled ?? "") : (LANE_COLOURS[l.id] ?? "#ffd92f");
        return { id: l.id, label: l.label, colour, ...(sw?.full && sw.modelled ? { light: sw.modelled } : {}) };
      }),
      basis: { reported: BASIS_SAMPLE, modelled: tint(BASIS_SAMPLE, BASIS_TINT.modelled) },
    },
    route: select.routeNames(state, data),
    traced: tracedFor(select, state, data),
    fileName: fileNameFor(select, state, data, savedViewName),
    now,
    counts: { total: derived.visible.total, hiddenBy: derived.visible.hiddenBy },
    contextHops: scene.edges.filter((e) => e.kind === "context").length,
    ...(scene.clustering
      ? {
          clustered: {
            places: scene.clustering.places,
            clustered: scene.clustering.clusteredPlaces,
            clusters: scene.clustering.clusters,
            flows: scene.clustering.flows,
            lines: scene.clustering.drawnFlows,
            internalFlows: scene.clustering.internalFlows,
          },
        }
      : {}),
  });
}

export interface ExportInput {
  select: Selectors;
  state: ViewState;
  data: AppData;
  view: ViewCapture;
  /** The graph's size on screen (CSS px). */
  graph: { width: number; height: number };
  /** The saved view the view on screen is (its name names the file), or null. */
  savedViewName?: string | null;
}

/** The places an export frames: every place on the chains a trace draws; undefined = the camera on screen. */
function frameOf(input: ExportInput): string[] | undefined {
  const traced = tracedFor(input.select, input.state, input.data);
  return traced ? tracedPlaces(traced) : undefined;
}

/** Captures and composes the view as a PNG blob (no download). */
export async function renderPng(
  input: ExportInput,
  o: ExportOptions,
): Promise<{ blob: Blob; width: number; height: number; spec: ExportSpec }> {
  const { select, state, data, view } = input;
  const out = outputSize(o, input.graph);
  const problem = sizeProblem(out.width, out.height, view.canvasLimits());
  if (problem) throw new UserFacingError(problem);
  const theme = EXPORT_THEMES[o.background];
  const measure = canvasMeasure();
  const now = new Date();
  // First pass for the map box; the legend's line widths then follow the camera's size factor.
  let layout: ExportLayout = layoutExport(specFor(select, state, data, 1, now, input.savedViewName), out.layout, measure);
  const captured = await view.capture({
    width: layout.boxes.map.width,
    height: layout.boxes.map.height,
    pixelRatio: out.ratio,
    backdrop: state.layout === "geo" ? (theme.dark ? "dark" : "light") : null,
    labelColor: theme.label,
    labelHalo: theme.dark ? "rgba(20,24,29,0.85)" : "rgba(255,255,255,0.9)",
    frame: frameOf(input),
    labelScale: labelScaleFor(layout, out.layout.minText),
    dotHalo: theme.dotHalo,
  });
  const spec = specFor(select, state, data, captured.geometry.sizeFactor, now, input.savedViewName);
  layout = layoutExport(spec, out.layout, measure);
  const canvas = composeImage(captured.layers, layout, { pixelRatio: out.ratio, theme });
  if (canvas.width !== out.width || canvas.height !== out.height) {
    throw new UserFacingError(
      `The browser made a ${canvas.width} × ${canvas.height} px image instead of ${out.width} × ${out.height} px; nothing was saved.`,
    );
  }
  assertTitleDrawn(canvas, layout, out.ratio);
  const raw = await canvasToBlob(canvas);
  // Title, caption, sources and caveat also travel as PNG text metadata.
  const tagged = withPngText(new Uint8Array(await raw.arrayBuffer()), {
    Title: spec.title,
    Description: [...spec.caption, sourcesText(spec.sources)].join("\n"),
    Disclaimer: spec.caveat ?? "",
    "Creation Time": now.toISOString(),
    Software: "Reroute",
  });
  const blob = new Blob([tagged as Uint8Array<ArrayBuffer>], { type: "image/png" });
  // Free the big bitmaps now rather than at the next collection.
  canvas.width = canvas.height = 0;
  for (const c of captured.layers) c.width = c.height = 0;
  return { blob, width: out.width, height: out.height, spec };
}

/** The view as an SVG document: vector flows, places, labels, the map, title, caption, legend. */
export async function renderSvg(
  input: ExportInput,
  o: ExportOptions,
): Promise<{ svg: string; width: number; height: number; spec: ExportSpec }> {
  const { select, state, data, view } = input;
  const theme = EXPORT_THEMES[o.background];
  const measure = canvasMeasure();
  const l = layoutSize(o.size, input.graph);
  const now = new Date();
  let layout = layoutExport(specFor(select, state, data, 1, now, input.savedViewName), l, measure);
  const captured = await view.capture({
    width: layout.boxes.map.width,
    height: layout.boxes.map.height,
    pixelRatio: 1,
    backdrop: null,
    pixels: false,
    frame: frameOf(input),
    labelScale: labelScaleFor(layout, l.minText),
  });
  const spec = specFor(select, state, data, captured.geometry.sizeFactor, now, input.savedViewName);
  layout = layoutExport(spec, l, measure);
  const svg = writeSvg(layout, captured.geometry, theme, state.layout === "geo" ? view.svgBackdrop(theme.dark) : null, l.paper);
  return { svg, width: l.width, height: l.height, spec };
}

/** Never a blank file: the title row must hold drawn pixels that differ from its first pixel. */
function assertTitleDrawn(canvas: HTMLCanvasElement, layout: ExportLayout, ratio: number): void {
  const ctx = canvas.getContext("2d");
  const t = layout.texts.find((x) => x.role === "title");
  if (!ctx || !t) return;
  const y = Math.round((t.y - t.size * 0.35) * ratio);
  const row = ctx.getImageData(0, Math.max(0, y), canvas.width, 1).data;
  for (let i = 4; i < row.length; i += 4) {
    if (row[i] !== row[0] || row[i + 1] !== row[1] || row[i + 2] !== row[2] || row[i + 3] !== row[3]) return;
  }
  throw new UserFacingError(
    `The browser returned an empty ${canvas.width} × ${canvas.height} px image (likely a memory limit); nothing was saved. Choose a lower resolution.`,
  );
}
