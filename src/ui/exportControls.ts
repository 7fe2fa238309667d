// Export controls: "Export PNG" in the toolbar; an "Image export" section (not "Export": a name inside "Export PNG") with the image title, size,
// resolution and background, "Export SVG" and "Export story (ZIP)". The pictures are made by the export
// pipeline (io/exportPipeline) from the view the sync captures; this module is the controls.
import { effectiveTitle, slugify } from "../io/exportSpec";
import type { StoryImage } from "../io/exportStory";
import { EXPORT_BACKGROUNDS, type ExportBackground } from "../io/exportTheme";
import {
  DEFAULT_EXPORT_OPTIONS,
  IMAGE_SIZES,
  outputSize,
  renderPng,
  renderSvg,
  sizeProblemFor,
  UserFacingError,
  type ExportInput,
  type ExportOptions,
  type ImageSizeId,
  type Resolution,
  type ViewCapture,
} from "../io/exportPipeline";
import { setTitle } from "../state/producers";
import type { ViewState } from "../state/viewState";
import { onDataset, type App } from "./app";
import { el } from "./dom";
import { downloadBlob } from "./download";
import type { SavedViews } from "./savedViewsService";
import "./exportControls.css";

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

export interface ExportControls {
  options(): ExportOptions;
  setOptions(patch: Partial<ExportOptions>): void;
  exportPng(): Promise<ExportResult | null>;
  exportSvg(): Promise<ExportResult | null>;
  /** Renders each view of the story to a PNG and saves them in one ZIP. */
  exportStory(steps?: { title: string; state: ViewState }[]): Promise<ExportResult | null>;
}

const BACKGROUND_LABELS: Record<ExportBackground, string> = { white: "White", transparent: "Transparent", dark: "Dark" };

function kilobytes(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} kB`;
}

export function mountExportControls(app: App, view: ViewCapture, saved: SavedViews): ExportControls {
  let options: ExportOptions = { ...DEFAULT_EXPORT_OPTIONS };
  let busy = false;

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
  const input = (): ExportInput => ({ select: app.select, state: app.store.get(), data: app.store.data(), view, graph: graphSize() });
  const renderOptions = () => {
    sizeSelect.value = options.size;
    resolutionSelect.value = String(options.resolution);
    backgroundSelect.value = options.background;
    const out = outputSize(options, graphSize());
    const problem = sizeProblemFor(out, view);
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
    // Enabled once a story exists; the views are read at click time (views come and go).
    const story = saved.list().length > 0;
    storyButton.disabled = !story;
    storyButton.title = story ? "One PNG per saved view of the story, in one ZIP" : "Save views into a story first";
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
  onDataset(app, () => renderTitle());
  saved.onChange(() => !busy && renderStory());
  window.addEventListener("resize", () => options.size === "view" && renderOptions());

  function setOptions(patch: Partial<ExportOptions>): void {
    options = { ...options, ...patch };
    renderOptions();
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
        const { blob, width, height, spec } = await renderPng(input(), options);
        const fileName = `${spec.fileBase}.png`;
        downloadBlob(blob, fileName);
        return { fileName, width, height, bytes: blob.size, ms: 0 };
      }),
    exportSvg: () =>
      run("SVG", async () => {
        const { svg, width, height, spec } = await renderSvg(input(), options);
        const blob = new Blob([svg], { type: "image/svg+xml" });
        const fileName = `${spec.fileBase}.svg`;
        downloadBlob(blob, fileName);
        return { fileName, width, height, bytes: blob.size, ms: 0 };
      }),
    exportStory: (given) => run("story", () => exportStory(given ?? saved.story())),
  };

  /** Each view of the story shown in turn and exported as a PNG, then the view from before put back; one ZIP. */
  async function exportStory(steps: { title: string; state: ViewState }[]): Promise<ExportResult> {
    if (!steps.length) throw new UserFacingError("The story has no saved views yet: save a view first.");
    app.flushCamera();
    const original = app.store.get();
    const images: StoryImage[] = [];
    let size = { width: 0, height: 0 };
    try {
      for (const step of steps) {
        app.store.replace({ ...step.state, hover: null }, { camera: { to: "view", animate: false }, tweenMs: 0 });
        await settled(app);
        const { blob, width, height, spec } = await renderPng(input(), options);
        size = { width, height };
        images.push({ title: step.title || spec.title, png: new Uint8Array(await blob.arrayBuffer()) });
      }
    } finally {
      app.store.replace(original, { camera: { to: "view", animate: false }, tweenMs: 0 });
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
    downloadBlob(blob, fileName);
    return { fileName, width: size.width, height: size.height, bytes: blob.size, ms: 0 };
  }

  window.rerouteExport = controls;
  pngButton.addEventListener("click", () => void controls.exportPng());
  svgButton.addEventListener("click", () => void controls.exportSvg());
  storyButton.addEventListener("click", () => void controls.exportStory());
  renderTitle();
  renderOptions();
  renderStory();
  return controls;
}

/** Two frames, then the end of any running tween or camera move. */
async function settled(app: App): Promise<void> {
  await new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
  await app.settled();
}
