// Export controls: "Export PNG" in the toolbar; an "Image export" section (not "Export": a name inside "Export PNG") with the image title, size,
// resolution and background, "Export SVG" and "Export story (ZIP)". The pictures are made by the export
// pipeline (io/exportPipeline) from the view the sync captures; the files are saved by ./exportFiles.ts;
// this module is the controls.
import { effectiveTitle } from "../io/exportSpec";
import { EXPORT_BACKGROUNDS, type ExportBackground } from "../io/exportTheme";
import {
  DEFAULT_EXPORT_OPTIONS,
  IMAGE_SIZES,
  outputSize,
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
import { savePng, saveStory, saveSvg, type ExportResult } from "./exportFiles";
import type { SavedViews } from "./savedViewsService";
import { savedViewShown } from "../state/savedViews";
import { defaultYearOf } from "../state/openDataset";
import "./exportControls.css";

export type { ExportResult } from "./exportFiles";

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

interface ExportDom {
  pngButton: HTMLButtonElement;
  titleInput: HTMLInputElement;
  sizeSelect: HTMLSelectElement;
  resolutionSelect: HTMLSelectElement;
  backgroundSelect: HTMLSelectElement;
  pixels: HTMLElement;
  svgButton: HTMLButtonElement;
  storyButton: HTMLButtonElement;
}

export function mountExportControls(app: App, view: ViewCapture, saved: SavedViews): ExportControls {
  let options: ExportOptions = { ...DEFAULT_EXPORT_OPTIONS };
  let busy = false;
  const dom = buildExportDom(app);
  const { pngButton, svgButton, storyButton } = dom;
  const graphSize = () => {
    const g = document.getElementById("graph");
    return { width: g?.clientWidth ?? 1280, height: g?.clientHeight ?? 720 };
  };
  const input = (): ExportInput => {
    const state = app.store.get();
    const shown = savedViewShown(saved.list(), state, defaultYearOf(app.dataset()));
    return { select: app.select, state, data: app.store.data(), view, graph: graphSize(), savedViewName: shown?.name ?? null };
  };
  const renderOptions = () => renderExportOptions(dom, options, graphSize(), view);
  const renderTitle = () => renderExportTitle(app, dom.titleInput);
  const renderStory = () => renderStoryButton(storyButton, saved.list().length > 0);
  wireExportOptions(app, dom, (patch) => setOptions(patch), renderTitle);
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
    // Disabling the focused button drops focus to body; it goes back to that control when the export ends.
    const focused = document.activeElement;
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
      const now = document.activeElement;
      if (focused instanceof HTMLElement && focused.isConnected && (now === null || now === document.body)) focused.focus();
      busy = false;
      document.documentElement.dataset.exporting = "false";
      window.dispatchEvent(new Event("reroute:exported"));
    }
  }

  const controls: ExportControls = {
    options: () => ({ ...options }),
    setOptions,
    exportPng: () => run("PNG", () => savePng(input(), options)),
    exportSvg: () => run("SVG", () => saveSvg(input(), options)),
    exportStory: (given) => run("story", () => saveStory(app, given ?? saved.story(), input, options)),
  };

  window.rerouteExport = controls;
  pngButton.addEventListener("click", () => void controls.exportPng());
  svgButton.addEventListener("click", () => void controls.exportSvg());
  storyButton.addEventListener("click", () => void controls.exportStory());
  renderTitle();
  renderOptions();
  renderStory();
  return controls;
}

function buildExportDom(app: App): ExportDom {
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
  return { pngButton, titleInput, sizeSelect, resolutionSelect, backgroundSelect, pixels, svgButton, storyButton };
}

function wireExportOptions(
  app: App,
  { titleInput, sizeSelect, resolutionSelect, backgroundSelect }: ExportDom,
  setOptions: (patch: Partial<ExportOptions>) => void,
  renderTitle: () => void,
): void {
  titleInput.addEventListener("input", () => app.store.dispatch(setTitle(titleInput.value)));
  titleInput.addEventListener("change", () => {
    // An emptied field falls back to the default title.
    if (!titleInput.value.trim()) app.store.dispatch(setTitle(""));
    renderTitle();
  });
  sizeSelect.addEventListener("change", () => setOptions({ size: sizeSelect.value as ImageSizeId }));
  resolutionSelect.addEventListener("change", () => setOptions({ resolution: Number(resolutionSelect.value) as Resolution }));
  backgroundSelect.addEventListener("change", () => setOptions({ background: backgroundSelect.value as ExportBackground }));
}

/** The chosen options, and the PNG's size in pixels (or that it is too large for this browser). */
function renderExportOptions(
  { sizeSelect, resolutionSelect, backgroundSelect, pixels }: ExportDom,
  options: ExportOptions,
  graph: { width: number; height: number },
  view: ViewCapture,
): void {
  sizeSelect.value = options.size;
  resolutionSelect.value = String(options.resolution);
  backgroundSelect.value = options.background;
  const out = outputSize(options, graph);
  const problem = sizeProblemFor(out, view);
  pixels.textContent = problem
    ? `PNG: ${out.width} × ${out.height} px — too large for this browser; choose a lower resolution.`
    : `PNG: ${out.width} × ${out.height} px`;
  pixels.classList.toggle("export-too-large", !!problem);
}

/** The title in force (not over the field being typed in), and the default title as the placeholder. */
function renderExportTitle(app: App, titleInput: HTMLInputElement): void {
  const state = app.store.get();
  const value = effectiveTitle(state, app.dataset());
  if (document.activeElement !== titleInput && titleInput.value !== value) titleInput.value = value;
  titleInput.placeholder = effectiveTitle({ ...state, title: "" }, app.dataset());
}

/** Enabled once a story exists; the views are read at click time (views come and go). */
function renderStoryButton(storyButton: HTMLButtonElement, story: boolean): void {
  storyButton.disabled = !story;
  storyButton.title = story ? "One PNG per saved view of the story, in one ZIP" : "Save views into a story first";
}
