// Opening the view a link holds (on load and on back/forward). A link made on imported data that is not
// open here waits: when that data opens (kept in this browser, or its file imported), the link's view opens
// on it; until then the data open now stays in its default view.
import type { Dataset } from "../domain/types";
import type { DatasetLibrary } from "../io/datasetLibrary";
import { ownRelativeUrl } from "../state/ownAddress";
import { decodeView, IMPORTED_DATA_NEEDED, type DecodeResult } from "../state/viewCodec";
import type { ViewState } from "../state/viewState";
import type { App } from "./app";
import { openInApp } from "./datasets";

export const VIEW_PREFIX = "#v=";

/** What the opener needs from the address bar. */
export interface LinkOpenerDeps {
  app: App;
  library: Pick<DatasetLibrary, "findMadeOn"> | null;
  applyView(state: ViewState, animate: boolean, record?: boolean, positions?: readonly number[] | null): Promise<void>;
  /** A link's force-layout positions when they were made on this very data; else a warning and null. */
  linkPositions(result: Extract<DecodeResult, { ok: true }>): number[] | null;
  /** The address of a view (the app's own path, `#v=…`). */
  urlFor(state: ViewState): string;
  linkContext(): Parameters<typeof decodeView>[1];
  defaults(): ViewState;
}

export class LinkOpener {
  /** `from`: how the link's data is being opened. */
  private pending: { text: string; datasetId: string; from: "stored" | "import" } | null = null;

  constructor(private readonly d: LinkOpenerDeps) {}

  /** Opens the view in the address; `initial`: on load (the default view is already on screen). */
  open(initial: boolean): void {
    const { app, applyView } = this.d;
    const { messages } = app;
    this.pending = null;
    const hash = location.hash;
    if (hash.startsWith("#story=")) return; // the presentation module opens stories
    // "#v=" with nothing after it is the default view (a link builder may leave it empty).
    if (!hash.startsWith(VIEW_PREFIX) || hash === VIEW_PREFIX) {
      if (!initial) void applyView(this.d.defaults(), false);
      return;
    }
    const text = hash.slice(VIEW_PREFIX.length);
    const result = decodeView(text, this.d.linkContext());
    if (!result.ok) {
      messages.show(`This link could not be opened: ${result.reason} Showing the default view instead.`, "error");
      history.replaceState(null, "", ownRelativeUrl(location));
      if (!initial) void applyView(this.d.defaults(), false);
      return;
    }
    const made = result.madeOn;
    if (made.datasetId === app.dataset().id || !made.datasetId.startsWith("local:")) {
      for (const w of result.warnings) messages.show(w, "warning");
      void applyView(result.state, false, false, this.d.linkPositions(result));
      return;
    }
    this.waitForData(text, made, initial);
  }

  /**
   * Made on imported data that is not open: open it when this browser keeps it; else say the file is needed.
   * The view is not applied to the data open now (its places, filters and camera belong to the other data).
   */
  private waitForData(text: string, made: Extract<DecodeResult, { ok: true }>["madeOn"], initial: boolean): void {
    const { app, library, applyView } = this.d;
    const { messages } = app;
    const mine = { text, datasetId: made.datasetId, from: "stored" as "stored" | "import" };
    this.pending = mine;
    const needFile = () => {
      if (this.pending !== mine) return;
      mine.from = "import";
      messages.show(IMPORTED_DATA_NEEDED, "warning");
      if (!initial) void applyView(this.d.defaults(), false);
    };
    if (!library) return needFile();
    const failed = (error: unknown) => {
      if (this.pending !== mine) return;
      messages.show(
        `The data this link was made on is kept in this browser but could not be opened: ${error instanceof Error ? error.message : String(error)}`,
        "error",
      );
      needFile();
    };
    library.findMadeOn(made).then((found) => {
      if (!found) return needFile();
      // Opening it tells datasetOpened, which applies the link's view.
      if (this.pending === mine && found.dataset.id !== app.dataset().id) return openInApp(app, found.dataset, false).catch(failed);
    }, failed);
  }

  /** Another dataset opened: when it is the one a link waits for, open the link's view on it; else the address follows the view. */
  datasetOpened(ds: Dataset): void {
    const { app, applyView, urlFor } = this.d;
    const { messages } = app;
    const waiting = this.pending;
    this.pending = null;
    const r = waiting && waiting.datasetId === ds.id ? decodeView(waiting.text, this.d.linkContext()) : null;
    if (!r?.ok) {
      history.replaceState(null, "", urlFor(app.store.get()));
      return;
    }
    // The data the link was made on has just opened: open the link's view on it, once this change is done.
    for (const w of r.warnings) messages.show(w, "warning");
    history.replaceState(null, "", ownRelativeUrl(location, `${VIEW_PREFIX}${waiting!.text}`));
    setTimeout(() => void applyView(r.state, false, false, this.d.linkPositions(r)), 0);
    messages.show(
      waiting!.from === "stored"
        ? `This link was made on "${ds.name}", kept in this browser (see Datasets): it is open with the link's view.`
        : "The link's view is now open on the data it was made on.",
      "info",
    );
  }
}
