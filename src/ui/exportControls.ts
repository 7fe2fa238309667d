// Export controls: "Export PNG" in the toolbar; an "Image export" section (not "Export": a name inside "Export PNG") with the image title, size,
// resolution and background, "Export SVG" and "Export story (ZIP)". The picture is the renderer's
// capture at the target pixel size composed with title, caption, legend and sources (src/io/export*).
import { LANES } from "../domain/lanes";
import { PLACE_KINDS } from "../domain/types";
import { buildExportSpec, effectiveTitle, slugify, type ExportSpec } from "../io/exportSpec";
import { layoutExport, sourcesText, type ExportLayout } from "../io/exportLayout";
import { withPngText } from "../io/pngText";
import { canvasMeasure, canvasToBlob, composeImage, sizeProblem } from "../io/exportImage";
import type { StoryImage } from "../io/exportStory";
import { writeSvg } from "../io/exportSvg";
import { EXPORT_BACKGROUNDS, EXPORT_THEMES, type ExportBackground } from "../io/exportTheme";
import { setTitle } from "../state/producers";
import type { ViewState } from "../state/viewState";
import { backdropSvgPaths } from "../view/backdropSvg";
import { canvasLimits, type CapturedView } from "../view/captureLayers";
import { BASIS_TINT, domesticLaneLabel, KIND_COLOURS, kindLabels, LANE_COLOURS, tint } from "../view/palette";
import { DARK_BACKDROP, LIGHT_BACKDROP } from "../view/worldBackdrop";
import type { App } from "./app";
import { el } from "./dom";
import "./exportControls.css";

export type ImageSizeId = "slide" | "view" | "a4";
export type Resolution = 1 | 2 | 4;

export interface ImageSize {
  id: ImageSizeId;
  label: string;
}

export const IMAGE_SIZES: ImageSize[] = [
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

/** Layout size (px) and how many image pixels each layout px gets, before the resolution factor. */
export function layoutSize(size: ImageSizeId, view: { width: number; height: number }): { width: number; height: number; base: number } {
  if (size === "view") return { width: Math.max(320, Math.round(view.width)), height: Math.max(240, Math.round(view.height)), base: 1 };
  // A4 at 300 dpi: laid out as 1754 × 1240 and drawn at 2 px per layout px, so text has print size.
  if (size === "a4") return { width: 1754, height: 1240, base: 2 };
  return { width: 1920, height: 1080, base: 1 };
}

export interface ExportResult {
  fileName: string;
  width: number;
  height: number;
  bytes: number;
  ms: number;
}

declare global {
  interface Window {
    /** The last export, for people checking figures and for tests. */
    rerouteLastExport?: ExportResult;
    /** The export controls (exportPng, exportSvg, exportStory), for tests and the console. */
    rerouteExport?: ExportControls;
  }
}

/** A story's steps (saved views in order); registered by the presentation module when it exists. */
export type StorySource = () => { title: string; state: ViewState }[];

export interface ExportControls {
  options(): ExportOptions;
  setOptions(patch: Partial<ExportOptions>): void;
  exportPng(): Promise<ExportResult | null>;
  exportSvg(): Promise<ExportResult | null>;
  /** Renders each view of the story to a PNG and saves them in one ZIP. */
  exportStory(steps?: { title: string; state: ViewState }[]): Promise<ExportResult | null>;
  setStorySource(source: StorySource | null): void;
}

// The story source may be registered before or after the controls are mounted.
let registeredStory: StorySource | null = null;
let onStoryRegistered: ((source: StorySource | null) => void) | null = null;

/**
 * For the presentation module: the story's steps in order (saved views: title and view state).
 * Enables "Export story (ZIP)"; call again when the story changes, or with null to disable it.
 */
export function registerStorySource(source: StorySource | null): void {
  registeredStory = source;
  onStoryRegistered?.(source);
}

const BACKGROUND_LABELS: Record<ExportBackground, string> = { white: "White", transparent: "Transparent", dark: "Dark" };

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = el("a", { href: url, download: fileName, style: "display:none" });
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function kilobytes(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} kB`;
}

/** The traced chain as place names, when the analysis highlight is one path from the trace's origin. */
function tracedRoute(app: App): string[] | null {
  const state = app.store.get();
  const h = app.analysisHighlight();
  if (!h || !state.trace.origin || h.edges.size === 0) return null;
  const derived = app.derived();
  const byId = new Map(derived.visible.shown.map((f) => [f.id, f]));
  const edges = [...h.edges].map((id) => byId.get(id)).filter((f) => f !== undefined);
  const route = [state.trace.origin];
  const used = new Set<string>();
  for (let step = 0; step < edges.length; step++) {
    const at = route[route.length - 1];
    const next = edges.find((f) => f.from === at && !used.has(f.id));
    if (!next) break;
    used.add(next.id);
    route.push(next.to);
  }
  if (route.length < 2) return null;
  return route.map((id) => derived.placesById.get(id)?.name ?? id);
}

function specFor(app: App, state: ViewState, sizeFactor: number, now: Date): ExportSpec {
  const derived = app.derived();
  const scene = app.scene();
  return buildExportSpec({
    state,
    dataset: app.dataset(),
    shown: derived.visible.shown,
    colourLaneOf: derived.colourLaneOf,
    widthLegend: scene.widthScale.legend(3).map(({ value, width }) => ({ value, width: width * sizeFactor })),
    scaleKind: scene.widthScale.kind,
    palette: {
      kinds: PLACE_KINDS.map((kind) => ({ kind, label: kindLabels(app.dataset().id)[kind], colour: KIND_COLOURS[kind] })),
      lanes: [{ id: "domestic", label: domesticLaneLabel(app.dataset().id) }, ...LANES].map((l) => ({
        id: l.id,
        label: l.label,
        colour: LANE_COLOURS[l.id] ?? "#7f8c8d",
      })),
      basis: {
        reported: tint(LANE_COLOURS["central-asia"] ?? "#d4ac0d", BASIS_TINT.reported),
        modelled: tint(LANE_COLOURS["central-asia"] ?? "#d4ac0d", BASIS_TINT.modelled),
      },
    },
    route: tracedRoute(app),
    now,
    counts: { total: derived.visible.total, hiddenBy: derived.visible.hiddenBy },
  });
}

export function mountExportControls(app: App): ExportControls {
  let options: ExportOptions = { ...DEFAULT_EXPORT_OPTIONS };
  let storySource: StorySource | null = registeredStory;
  let busy = false;
  const measure = canvasMeasure();

  // Toolbar: the primary action.
  const pngButton = el("button", { type: "button", class: "export-button", "data-testid": "export-png" }, "Export PNG");
  app.toolbar.appendChild(el("div", { class: "control export-control" }, pngButton));

  // Panel section: options and the other formats.
  // Open from the start, like Saved views: Export SVG and the size/resolution options are found without a click.
  const body = app.panel.addSection("export", "Image export", { order: 80, open: true });
  const titleInput = el("input", { id: "export-title", type: "text", maxlength: 140, autocomplete: "off", class: "export-title" });
  const sizeSelect = el(
    "select",
    { id: "export-size" },
    IMAGE_SIZES.map((s) => el("option", { value: s.id }, s.label)),
  );
  const resolutionSelect = el(
    "select",
    { id: "export-resolution" },
    ([1, 2, 4] as const).map((r) => el("option", { value: String(r) }, `${r}×`)),
  );
  const backgroundSelect = el(
    "select",
    { id: "export-background" },
    EXPORT_BACKGROUNDS.map((b) => el("option", { value: b }, BACKGROUND_LABELS[b])),
  );
  const pixels = el("p", { class: "export-pixels", "aria-live": "polite", "data-testid": "export-pixels" });
  const svgButton = el("button", { type: "button", "data-testid": "export-svg" }, "Export SVG");
  const storyButton = el(
    "button",
    { type: "button", "data-testid": "export-story", disabled: true, title: "Save views into a story first" },
    "Export story (ZIP)",
  );
  body.append(
    el("div", { class: "export-row" }, el("label", { for: "export-title" }, "Image title"), titleInput),
    el("div", { class: "export-row" }, el("label", { for: "export-size" }, "Image size"), sizeSelect),
    el("div", { class: "export-row" }, el("label", { for: "export-resolution" }, "Resolution"), resolutionSelect),
    el("div", { class: "export-row" }, el("label", { for: "export-background" }, "Background"), backgroundSelect),
    pixels,
    el("div", { class: "export-actions" }, svgButton, storyButton),
    el(
      "p",
      { class: "hint" },
      "PNG and SVG carry the title, a caption with the year, filters and chosen route, the legend, the sources of the flows shown and the export date.",
    ),
  );

  const graphSize = () => {
    const g = document.getElementById("graph");
    return { width: g?.clientWidth ?? 1280, height: g?.clientHeight ?? 720 };
  };
  const outputSize = (o: ExportOptions = options) => {
    const l = layoutSize(o.size, graphSize());
    const ratio = l.base * o.resolution;
    return { layout: l, ratio, width: Math.round(l.width * ratio), height: Math.round(l.height * ratio) };
  };
  const renderOptions = () => {
    sizeSelect.value = options.size;
    resolutionSelect.value = String(options.resolution);
    backgroundSelect.value = options.background;
    const out = outputSize();
    const problem = sizeProblem(out.width, out.height, canvasLimits());
    pixels.textContent = problem
      ? `PNG: ${out.width} × ${out.height} px — too large for this browser; choose a lower resolution.`
      : `PNG: ${out.width} × ${out.height} px`;
    pixels.classList.toggle("export-too-large", !!problem);
  };
  const renderTitle = () => {
    const state = app.store.get();
    const value = effectiveTitle(state, app.dataset());
    if (document.activeElement !== titleInput && titleInput.value !== value) titleInput.value = value;
    titleInput.placeholder = effectiveTitle({ ...state, title: "" }, app.dataset());
  };
  const renderStory = () => {
    // Enabled once a story exists; the number of views is read at click time (views come and go).
    storyButton.disabled = !storySource;
    storyButton.title = storySource ? "One PNG per saved view of the story, in one ZIP" : "Save views into a story first";
  };
  titleInput.addEventListener("input", () => app.store.dispatch(setTitle(titleInput.value)));
  titleInput.addEventListener("change", () => {
    // An emptied field falls back to the default title.
    if (!titleInput.value.trim()) app.store.dispatch(setTitle(""));
    renderTitle();
  });
  sizeSelect.addEventListener("change", () => setOptions({ size: sizeSelect.value as ImageSizeId }));
  resolutionSelect.addEventListener("change", () => setOptions({ resolution: Number(resolutionSelect.value) as Resolution }));
  backgroundSelect.addEventListener("change", () => setOptions({ background: backgroundSelect.value as ExportBackground }));
  app.store.subscribe((s, prev) => {
    if (s.title !== prev.title || s.year !== prev.year) renderTitle();
  });
  app.onDatasetChange(() => renderTitle());
  window.addEventListener("resize", () => options.size === "view" && renderOptions());

  function setOptions(patch: Partial<ExportOptions>): void {
    options = { ...options, ...patch };
    renderOptions();
  }

  /** Captures and composes the current view as a PNG blob (no download). */
  async function renderPng(o: ExportOptions): Promise<{ blob: Blob; width: number; height: number; spec: ExportSpec }> {
    const out = outputSize(o);
    const problem = sizeProblem(out.width, out.height, canvasLimits());
    if (problem) throw new UserFacingError(problem);
    const theme = EXPORT_THEMES[o.background];
    const state = app.store.get();
    const now = new Date();
    // First pass for the map box; the legend's line widths then follow the camera's size factor.
    let layout: ExportLayout = layoutExport(specFor(app, state, 1, now), out.layout, measure);
    const captured: CapturedView = await app.renderer.capture({
      width: layout.boxes.map.width,
      height: layout.boxes.map.height,
      pixelRatio: out.ratio,
      camera: app.renderer.getCamera(),
      backdrop: state.layout === "geo" ? (theme.dark ? DARK_BACKDROP : LIGHT_BACKDROP) : null,
      labelColor: theme.label,
      labelHalo: theme.dark ? "rgba(20,24,29,0.85)" : "rgba(255,255,255,0.9)",
    });
    const spec = specFor(app, state, captured.geometry.sizeFactor, now);
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

  async function run(kind: string, job: () => Promise<ExportResult>): Promise<ExportResult | null> {
    if (busy) {
      app.messages.show("An export is already running; wait for it to finish.", "warning");
      return null;
    }
    busy = true;
    const buttons = [pngButton, svgButton, storyButton];
    const was = buttons.map((b) => b.disabled);
    for (const b of buttons) b.disabled = true;
    document.documentElement.dataset.exporting = "true";
    const t0 = performance.now();
    try {
      const result = await job();
      result.ms = Math.round(performance.now() - t0);
      window.rerouteLastExport = result;
      app.messages.show(`Saved ${result.fileName} (${result.width} × ${result.height} px, ${kilobytes(result.bytes)}).`, "info");
      return result;
    } catch (error) {
      const text =
        error instanceof UserFacingError
          ? error.message
          : `The ${kind} export failed: ${error instanceof Error ? error.message : String(error)}`;
      app.messages.show(text, "error");
      return null;
    } finally {
      buttons.forEach((b, i) => (b.disabled = was[i] ?? false));
      renderStory();
      busy = false;
      document.documentElement.dataset.exporting = "false";
      window.dispatchEvent(new Event("reroute:exported"));
    }
  }

  const controls: ExportControls = {
    options: () => ({ ...options }),
    setOptions,
    exportPng: () =>
      run("PNG", async () => {
        const { blob, width, height, spec } = await renderPng(options);
        const fileName = `${spec.fileBase}.png`;
        download(blob, fileName);
        return { fileName, width, height, bytes: blob.size, ms: 0 };
      }),
    exportSvg: () =>
      run("SVG", async () => {
        const theme = EXPORT_THEMES[options.background];
        const state = app.store.get();
        const l = layoutSize(options.size, graphSize());
        const now = new Date();
        let layout = layoutExport(specFor(app, state, 1, now), l, measure);
        const captured = await app.renderer.capture({
          width: layout.boxes.map.width,
          height: layout.boxes.map.height,
          pixelRatio: 1,
          camera: app.renderer.getCamera(),
          backdrop: null,
          pixels: false,
        });
        const spec = specFor(app, state, captured.geometry.sizeFactor, now);
        layout = layoutExport(spec, l, measure);
        const paths = backdropSvgPaths();
        const style = theme.dark ? DARK_BACKDROP : LIGHT_BACKDROP;
        const svg = writeSvg(
          layout,
          captured.geometry,
          theme,
          state.layout === "geo" ? { land: style.land, border: style.border, landPath: paths.land, borderPath: paths.borders } : null,
        );
        const blob = new Blob([svg], { type: "image/svg+xml" });
        const fileName = `${spec.fileBase}.svg`;
        download(blob, fileName);
        return { fileName, width: l.width, height: l.height, bytes: blob.size, ms: 0 };
      }),
    exportStory: (given) =>
      run("story", async () => {
        const steps = given ?? storySource?.() ?? [];
        if (!steps.length) throw new UserFacingError("The story has no saved views yet: save a view first.");
        const original = app.store.get();
        const camera = app.renderer.getCamera();
        const images: StoryImage[] = [];
        let size = { width: 0, height: 0 };
        try {
          for (const step of steps) {
            app.store.replace({ ...step.state, hover: null });
            if (step.state.camera) await app.renderer.setCamera(step.state.camera, false);
            else await app.renderer.resetCamera(false);
            await settled();
            const { blob, width, height, spec } = await renderPng(options);
            size = { width, height };
            images.push({ title: step.title || spec.title, png: new Uint8Array(await blob.arrayBuffer()) });
          }
        } finally {
          app.store.replace(original);
          await app.renderer.setCamera(camera, false);
        }
        const first = steps[0]!.title || effectiveTitle(original, app.dataset());
        // fflate is loaded on demand (the import and data-export modules load it the same way).
        const { storyZip } = await import("../io/exportStory");
        const zip = storyZip(
          images,
          `Reroute story: ${images.length} views, exported ${new Date().toISOString().slice(0, 10)}.\n${images.map((im, i) => `${i + 1}. ${im.title}`).join("\n")}\n`,
        );
        const blob = new Blob([zip as Uint8Array<ArrayBuffer>], { type: "application/zip" });
        const fileName = `${slugify(first)}-story.zip`;
        download(blob, fileName);
        return { fileName, width: size.width, height: size.height, bytes: blob.size, ms: 0 };
      }),
    setStorySource(source) {
      storySource = source;
      renderStory();
    },
  };

  onStoryRegistered = (source) => controls.setStorySource(source);
  window.rerouteExport = controls;
  pngButton.addEventListener("click", () => void controls.exportPng());
  svgButton.addEventListener("click", () => void controls.exportSvg());
  storyButton.addEventListener("click", () => void controls.exportStory());
  renderTitle();
  renderOptions();
  renderStory();
  return controls;
}

class UserFacingError extends Error {}

/** Two frames, then the end of any running animation (a layout change tweens the scene). */
async function settled(): Promise<void> {
  await new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
  if (document.documentElement.dataset.animating === "true") {
    await new Promise<void>((done) => window.addEventListener("reroute:idle", () => done(), { once: true }));
  }
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
