// The address bar always holds the current view (#v=…): meaningful changes push a history entry, so
// back/forward step through them (a burst of title typing is one step); camera moves replace the entry. "Share link" copies it.
import type { DatasetLibrary } from "../io/datasetLibrary";
import { ownRelativeUrl, ownUrl } from "../state/ownAddress";
import type { Positions } from "../state/layouts";
import { defaultYearOf, initialView, showArranged } from "../state/openDataset";
import { decodeView, encodeView, IMPORTED_DATA_NEEDED, MAX_LINK_POSITIONS, type DecodeResult, type LinkContext } from "../state/viewCodec";
import type { ViewState } from "../state/viewState";
import { onDataset, type App } from "./app";
import { openInApp } from "./datasets";
import { el } from "./dom";

const VIEW_PREFIX = "#v=";
/** Fields whose change is a step worth a history entry. */
const STEP_FIELDS: (keyof ViewState)[] = [
  "year",
  "filters",
  "weighting",
  "layout",
  "flowBudget",
  "assumptions",
  "selection",
  "trace",
  "datasetId",
];

export function linkContext(app: App): LinkContext {
  const ds = app.dataset();
  return {
    datasetId: ds.id,
    datasetHash: ds.hash,
    defaultYear: defaultYearOf(ds),
    years: ds.years,
    placeIds: new Set(ds.places.map((p) => p.id)),
    flowIds: new Set(app.derived().flows.map((f) => f.id)),
    assumptionIds: new Set(ds.assumptions.map((a) => a.id)),
  };
}

export interface AddressBar {
  /** The link to a given view (the current one by default). */
  linkFor(state?: ViewState): string;
  /**
   * Show a view: replace the state and move the camera (animated or not); resolves when the camera is there.
   * `record`: also a step in the history (showing a saved view); links and back/forward are already there.
   */
  applyView(state: ViewState, animate: boolean, record?: boolean, positions?: readonly number[] | null): Promise<void>;
  /** Where the force layout left the places, for a saved view of the current state (null unless in the force layout). */
  forcePositions(state: ViewState): number[] | null;
  /** Back to the data's default view (what a link that could not be opened says it shows). */
  resetView(): Promise<void>;
}

/** `library`: the imported datasets kept in this browser, so a link made on one of them opens it. */
export function mountAddressBar(app: App, library: Pick<DatasetLibrary, "findMadeOn"> | null): AddressBar {
  const { store, messages } = app;
  /** Views being applied (a fast presenter may start the next before the last has arrived). */
  let applying = 0;
  let burst: { kind: "title" | "year" | null; at: number; playing: boolean } = { kind: null, at: 0, playing: false };

  /** Where the force layout left the places, in the dataset's place order (null when not in the force layout). */
  const forcePositions = (state: ViewState): number[] | null => {
    if (state.layout !== "force") return null;
    const places = app.dataset().places;
    if (places.length * 2 > MAX_LINK_POSITIONS) return null;
    const at = store.data().positions;
    const out: number[] = [];
    for (const p of places) {
      const q = at.get(p.id);
      if (!q) return null;
      out.push(q.x, q.y);
    }
    return out;
  };
  /** Positions in place order as a map over the open data; null when they cannot be for it (another count). */
  const positionsMap = (positions: readonly number[] | null | undefined): Positions | null => {
    const places = app.dataset().places;
    if (!positions || positions.length !== places.length * 2) return null;
    const map: Positions = new Map();
    places.forEach((p, i) => map.set(p.id, { x: positions[2 * i]!, y: positions[2 * i + 1]! }));
    return map;
  };
  /** A link's force-layout positions when they were made on this very data; else a warning and null. */
  const linkPositions = (result: Extract<DecodeResult, { ok: true }>): number[] | null => {
    if (!result.positions) return null;
    const ds = app.dataset();
    const sameData = result.madeOn.datasetId === ds.id && ds.hash.startsWith(result.madeOn.hash);
    if (!sameData || !positionsMap(result.positions)) {
      messages.show(
        "The link's force-layout arrangement was made on other data: the places are shown where the force layout starts (Run force layout to arrange them).",
        "warning",
      );
      return null;
    }
    return result.positions;
  };

  const hashFor = (state: ViewState) => {
    const text = encodeView(state, defaultYearOf(app.dataset()), forcePositions(state));
    return text ? `${VIEW_PREFIX}${text}` : "";
  };
  // The app's own path and host, whatever the address looks like (a path starting with "//" is not a host).
  const urlFor = (state: ViewState) => ownRelativeUrl(location, hashFor(state));
  const linkFor = (state = store.get()) => ownUrl(location, hashFor(state));

  /** A saved view may name places the data open now lacks: it passes the same checks as a link first. */
  const checked = (state: ViewState): ViewState => {
    const text = encodeView(state, defaultYearOf(app.dataset()));
    if (!text) return freshDefaults(app);
    const r = decodeView(text, linkContext(app));
    return r.ok ? r.state : state;
  };

  const applyView = async (state: ViewState, animate: boolean, record = false, positions?: readonly number[] | null) => {
    applying++;
    try {
      const next = { ...checked(state), hover: null };
      const arranged = next.layout === "force" ? positionsMap(positions) : null;
      const before = ownRelativeUrl(location, location.hash);
      // Animated: widths, sizes and positions tween while the camera travels. A force arrangement is put
      // in place at once.
      const camera = { to: "view", animate } as const;
      if (arranged) store.update(showArranged(next, arranged), { camera, tweenMs: 0 });
      else store.replace(next, { camera, tweenMs: animate ? 600 : undefined });
      const url = urlFor(next);
      if (record && url !== before) {
        history.pushState(null, "", url);
        burst = { kind: null, at: 0, playing: false };
      }
      await app.settled();
    } finally {
      applying--;
    }
  };

  /**
   * A link made on imported data that is not open here: when that data opens (kept in this browser, or its
   * file imported), the link's view opens on it. `from`: how it is being opened.
   */
  let pending: { text: string; datasetId: string; from: "stored" | "import" } | null = null;

  const openFromLocation = (initial: boolean) => {
    pending = null;
    const hash = location.hash;
    if (hash.startsWith("#story=")) return; // the presentation module opens stories
    // "#v=" with nothing after it is the default view (a link builder may leave it empty).
    if (!hash.startsWith(VIEW_PREFIX) || hash === VIEW_PREFIX) {
      if (!initial) void applyView(freshDefaults(app), false);
      return;
    }
    const text = hash.slice(VIEW_PREFIX.length);
    const result = decodeView(text, linkContext(app));
    if (!result.ok) {
      messages.show(`This link could not be opened: ${result.reason} Showing the default view instead.`, "error");
      history.replaceState(null, "", ownRelativeUrl(location));
      if (!initial) void applyView(freshDefaults(app), false);
      return;
    }
    const made = result.madeOn;
    if (made.datasetId === app.dataset().id || !made.datasetId.startsWith("local:")) {
      for (const w of result.warnings) messages.show(w, "warning");
      void applyView(result.state, false, false, linkPositions(result));
      return;
    }
    // Made on imported data that is not open: open it when this browser keeps it; else say the file is needed.
    // The view is not applied to the data open now (its places, filters and camera belong to the other data):
    // that data stays in its default view until the link's data opens.
    const mine = { text, datasetId: made.datasetId, from: "stored" as "stored" | "import" };
    pending = mine;
    const needFile = () => {
      if (pending !== mine) return;
      mine.from = "import";
      messages.show(IMPORTED_DATA_NEEDED, "warning");
      if (!initial) void applyView(freshDefaults(app), false);
    };
    if (!library) return needFile();
    library.findMadeOn(made).then(
      (found) => {
        if (!found) return needFile();
        // Opening it tells onDataset below, which applies the link's view.
        if (pending === mine && found.dataset.id !== app.dataset().id) openInApp(app, found.dataset, false);
      },
      (error: unknown) => {
        if (pending !== mine) return;
        messages.show(
          `The data this link was made on is kept in this browser but could not be opened: ${error instanceof Error ? error.message : String(error)}`,
          "error",
        );
        needFile();
      },
    );
  };

  // Keep the address bar in step with the state.
  store.subscribe((state, prev, { data, prevData }) => {
    if (applying) return;
    // A force layout run moves the places without changing the view: keep the link's arrangement current.
    if (data.positions !== prevData.positions && state.layout === "force" && data.dataset === prevData.dataset) positionsMoved();
    // Hover changes at pointer speed and is never in a link: skip the encoding.
    if ((Object.keys(state) as (keyof ViewState)[]).every((k) => k === "hover" || state[k] === prev[k])) return;
    const changed = STEP_FIELDS.filter((k) => state[k] !== prev[k]);
    const url = urlFor(state);
    if (url === ownRelativeUrl(location, location.hash)) return;
    const titleEdit = state.title !== prev.title;
    if (!changed.length && !titleEdit) {
      if (state.camera !== prev.camera) history.replaceState(null, "", url);
      return;
    }
    // A burst is one history step: a title typed a key at a time, years played through ("Play through time",
    // 1.2 s a year) or stepped with the arrow keys. Its first change pushes an entry, the rest replace it.
    const kind = !changed.length ? "title" : changed.length === 1 && changed[0] === "year" && !titleEdit ? "year" : null;
    const now = Date.now();
    // A year picked by hand just before "Play through time" stays its own step.
    const playing = data.panels.playing;
    const inBurst = kind !== null && kind === burst.kind && now - burst.at < 1500 && playing === burst.playing;
    burst = { kind, at: now, playing };
    if (inBurst) history.replaceState(null, "", url);
    else history.pushState(null, "", url);
  });

  let sceneTimer: ReturnType<typeof setTimeout> | undefined;
  function positionsMoved(): void {
    clearTimeout(sceneTimer);
    sceneTimer = setTimeout(() => {
      if (applying || store.get().layout !== "force") return;
      const url = urlFor(store.get());
      if (url !== ownRelativeUrl(location, location.hash)) history.replaceState(null, "", url);
    }, 400);
  }

  window.addEventListener("popstate", () => openFromLocation(false));
  onDataset(app, (ds) => {
    const waiting = pending;
    pending = null;
    const r = waiting && waiting.datasetId === ds.id ? decodeView(waiting.text, linkContext(app)) : null;
    if (!r?.ok) {
      history.replaceState(null, "", urlFor(store.get()));
      return;
    }
    // The data the link was made on has just opened: open the link's view on it, once this change is done.
    for (const w of r.warnings) messages.show(w, "warning");
    history.replaceState(null, "", ownRelativeUrl(location, `${VIEW_PREFIX}${waiting!.text}`));
    setTimeout(() => void applyView(r.state, false, false, linkPositions(r)), 0);
    messages.show(
      waiting!.from === "stored"
        ? `This link was made on "${ds.name}", kept in this browser (see Datasets): it is open with the link's view.`
        : "The link's view is now open on the data it was made on.",
      "info",
    );
  });

  // The "Share link" button.
  const status = el("span", { class: "share-status", role: "status", "aria-live": "polite" });
  let statusTimer: ReturnType<typeof setTimeout> | undefined;
  const fallback = el("input", { type: "text", readonly: true, class: "share-fallback", "aria-label": "Link to this view", hidden: true });
  const button = el(
    "button",
    { type: "button", id: "share-link", title: "Copy a link that opens this view, camera included" },
    "Share link",
  );
  button.addEventListener("click", async () => {
    app.flushCamera();
    const link = linkFor();
    history.replaceState(null, "", urlFor(store.get()));
    const local = app.dataset().id.startsWith("local:");
    const note = local ? " This view uses imported data: the recipient needs the file (use Export bundle)." : "";
    try {
      if (!navigator.clipboard?.writeText) throw new Error("no clipboard");
      await navigator.clipboard.writeText(link);
      fallback.hidden = true;
      status.textContent = "Link copied";
      clearTimeout(statusTimer);
      statusTimer = setTimeout(() => {
        status.textContent = "";
      }, 6000);
      messages.show(`Link copied: it opens this view, camera included.${note}`, "info");
    } catch {
      fallback.value = link;
      fallback.hidden = false;
      fallback.focus();
      fallback.select();
      status.textContent = "Copy the selected link";
      messages.show(`The browser did not allow copying: the link is selected beside the button; copy it with Ctrl+C.${note}`, "warning");
    }
  });
  app.toolbar.appendChild(el("div", { class: "control share-control" }, button, fallback, status));

  openFromLocation(true);
  const resetView = () => applyView(freshDefaults(app), false);
  return { linkFor, applyView, forcePositions, resetView };
}

function freshDefaults(app: App): ViewState {
  return initialView(app.dataset());
}
