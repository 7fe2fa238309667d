// The files the export controls save: a PNG or an SVG of the view, or a story (one PNG per saved view, in
// one ZIP). The pictures are made by the export pipeline (io/exportPipeline) from the view the sync captures.
import { effectiveTitle, slugify } from "../io/exportSpec";
import type { StoryImage } from "../io/exportStory";
import { renderPng, renderSvg, UserFacingError, type ExportInput, type ExportOptions } from "../io/exportPipeline";
import type { ViewState } from "../state/viewState";
import type { App } from "./app";
import { downloadBlob } from "./download";

export interface ExportResult {
  fileName: string;
  width: number;
  height: number;
  bytes: number;
  ms: number;
}

export async function savePng(input: ExportInput, options: ExportOptions): Promise<ExportResult> {
  const { blob, width, height, spec } = await renderPng(input, options);
  const fileName = `${spec.fileBase}.png`;
  downloadBlob(blob, fileName);
  return { fileName, width, height, bytes: blob.size, ms: 0 };
}

export async function saveSvg(input: ExportInput, options: ExportOptions): Promise<ExportResult> {
  const { svg, width, height, spec } = await renderSvg(input, options);
  const blob = new Blob([svg], { type: "image/svg+xml" });
  const fileName = `${spec.fileBase}.svg`;
  downloadBlob(blob, fileName);
  return { fileName, width, height, bytes: blob.size, ms: 0 };
}

/** Each view of the story shown in turn and exported as a PNG, then the view from before put back; one ZIP. */
export async function saveStory(
  app: App,
  steps: { title: string; state: ViewState }[],
  input: () => ExportInput,
  options: ExportOptions,
): Promise<ExportResult> {
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

/** Two frames, then the end of any running tween or camera move. */
async function settled(app: App): Promise<void> {
  await new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
  await app.settled();
}
