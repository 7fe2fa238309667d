// The address bar always holds the current view (#v=…): meaningful changes push a history entry, so
// back/forward step through them (a burst of title typing is one step; state/historySteps.ts); camera moves
// replace the entry. Opening a link is ./linkOpener.ts; "Share link" (./shareLink.ts) copies it.
import type { DatasetLibrary } from "../io/datasetLibrary";
import { ownRelativeUrl, ownUrl } from "../state/ownAddress";
import { historyStep, NO_BURST, positionsByPlace, positionsInOrder, type Burst } from "../state/historySteps";
import { defaultYearOf, initialView, showArranged } from "../state/openDataset";
import { decodeView, encodeView, type DecodeResult, type LinkContext } from "../state/viewCodec";
import type { ViewState } from "../state/viewState";
import { onDataset, type App } from "./app";
import { LinkOpener, VIEW_PREFIX } from "./linkOpener";
import { mountShareLink } from "./shareLink";

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

  /** Where the force layout left the places, in the dataset's place order (null when not in the force layout). */
  const forcePositions = (state: ViewState): number[] | null =>
    state.layout === "force" ? positionsInOrder(app.dataset().places, store.data().positions) : null;
  /** A link's force-layout positions when they were made on this very data; else a warning and null. */
  const linkPositions = (result: Extract<DecodeResult, { ok: true }>): number[] | null => {
    if (!result.positions) return null;
    const ds = app.dataset();
    const sameData = result.madeOn.datasetId === ds.id && ds.hash.startsWith(result.madeOn.hash);
    if (!sameData || !positionsByPlace(ds.places, result.positions)) {
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

  const applyView = async (state: ViewState, animate: boolean, record = false, positions?: readonly number[] | null) => {
    applying++;
    try {
      const next = { ...checkedView(app, state), hover: null };
      const arranged = next.layout === "force" ? positionsByPlace(app.dataset().places, positions) : null;
      const before = ownRelativeUrl(location, location.hash);
      // Animated: widths, sizes and positions tween while the camera travels. A force arrangement is put
      // in place at once.
      const camera = { to: "view", animate } as const;
      if (arranged) store.update(showArranged(next, arranged), { camera, tweenMs: 0 });
      else store.replace(next, { camera, tweenMs: animate ? 600 : undefined });
      const url = urlFor(next);
      if (record && url !== before) {
        history.pushState(null, "", url);
        writer.stepTaken();
      }
      await app.settled();
    } finally {
      applying--;
    }
  };

  // Keep the address bar in step with the state.
  let sceneTimer: ReturnType<typeof setTimeout> | undefined;
  /** A force layout run moves the places without changing the view: keep the link's arrangement current. */
  const positionsMoved = () => {
    clearTimeout(sceneTimer);
    sceneTimer = setTimeout(() => {
      if (applying || store.get().layout !== "force") return;
      const url = urlFor(store.get());
      if (url !== ownRelativeUrl(location, location.hash)) history.replaceState(null, "", url);
    }, 400);
  };
  store.subscribe((state, _prev, { data, prevData }) => {
    if (!applying && data.positions !== prevData.positions && state.layout === "force" && data.dataset === prevData.dataset)
      positionsMoved();
  });
  const writer = followState(app, urlFor, () => applying > 0);

  const opener = new LinkOpener({
    app,
    library,
    applyView,
    linkPositions,
    urlFor,
    linkContext: () => linkContext(app),
    defaults: () => freshDefaults(app),
  });
  // Back or Forward before a change reached the address bar: the entry it goes to wins, the change is not written.
  window.addEventListener("popstate", () => {
    writer.cancel();
    opener.open(false);
  });
  onDataset(app, (ds) => opener.datasetOpened(ds));
  mountShareLink(app, linkFor, () => urlFor(store.get()));

  opener.open(true);
  const resetView = () => applyView(freshDefaults(app), false);
  return { linkFor, applyView, forcePositions, resetView };
}

/**
 * The address bar follows a change once its frame is drawn: writing the history costs the browser several
 * ms (more than the rest of a threshold change at 100,000 flows), and a burst of changes within one frame is
 * one write; which changes push an entry and which replace it is state/historySteps. `applying`: a view is
 * being applied (it writes the address itself).
 */
function followState(app: App, urlFor: (state: ViewState) => string, applying: () => boolean) {
  const { store } = app;
  let burst: Burst = NO_BURST;
  // The view the address bar still shows, while a write waits.
  let pendingFrom: ViewState | null = null;
  let pendingFrame = 0;
  let afterFrame: ReturnType<typeof setTimeout> | undefined;
  let fallback: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    pendingFrom = null;
    cancelAnimationFrame(pendingFrame);
    clearTimeout(afterFrame);
    clearTimeout(fallback);
  };
  const write = () => {
    const from = pendingFrom;
    cancel();
    if (!from || applying()) return;
    const state = store.get();
    const url = urlFor(state);
    if (url === ownRelativeUrl(location, location.hash)) return;
    const step = historyStep(from, state, burst, Date.now(), store.data().panels.playing);
    burst = step.burst;
    if (step.action === "replace") history.replaceState(null, "", url);
    else if (step.action === "push") history.pushState(null, "", url);
  };
  store.subscribe((state, prev) => {
    // Hover changes at pointer speed and is never in a link: skip it.
    if (applying() || pendingFrom) return;
    if ((Object.keys(state) as (keyof ViewState)[]).every((k) => k === "hover" || state[k] === prev[k])) return;
    pendingFrom = prev;
    // After the frame: the next animation frame runs before its paint, the task it queues after it.
    pendingFrame = requestAnimationFrame(() => (afterFrame = setTimeout(write, 0)));
    // A page in the background draws no frames: the write still happens.
    fallback = setTimeout(write, 100);
  });
  // Leaving the page keeps the last change in the address bar (a reload opens it).
  window.addEventListener("pagehide", write);
  return {
    /** Back or Forward went to another entry: a change waiting is not written. */
    cancel,
    /** A view shown pushed its own entry: the next change starts a new step. */
    stepTaken: () => (burst = NO_BURST),
  };
}

/** A saved view may name places the data open now lacks: it passes the same checks as a link first. */
function checkedView(app: App, state: ViewState): ViewState {
  const text = encodeView(state, defaultYearOf(app.dataset()));
  if (!text) return freshDefaults(app);
  const r = decodeView(text, linkContext(app));
  return r.ok ? r.state : state;
}

function freshDefaults(app: App): ViewState {
  return initialView(app.dataset());
}
