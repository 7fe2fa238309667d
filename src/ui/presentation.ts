// Presentation mode: the saved views (or a story link's steps) in order, full screen when the browser allows
// it, stepped with ArrowRight/Space/PageDown and ArrowLeft/PageUp (Home/End: first/last), left with Escape. Each step replaces the
// view and animates the camera; the overlay shows title, caption (as text) and "Step i of n".
import type { StoryStep } from "../state/viewCodec";
import type { AddressBar } from "./addressBar";
import type { App } from "./app";
import { el } from "./dom";
import "./share.css";

export interface Presentation {
  start(steps: StoryStep[]): void;
}

/** Presentation mode: the steps full screen, one at a time, with title, caption and "Step i of n". */
export function mountPresentation(app: App, address: AddressBar): Presentation {
  const title = el("h2", { class: "story-title", id: "story-title" });
  const caption = el("p", { class: "story-caption" });
  const counter = el("p", { class: "story-counter", "aria-live": "polite" });
  // The toolbar (and its Year) is hidden while presenting: the step says which year it shows.
  const year = el("p", { class: "story-year" });
  const prev = el("button", { type: "button" }, "Previous step");
  const next = el("button", { type: "button" }, "Next step");
  const end = el("button", { type: "button", title: "Escape also exits" }, "Exit story");
  const overlay = el(
    "section",
    { class: "story-overlay", "aria-labelledby": "story-title", hidden: true },
    el("div", { class: "story-head" }, title, year),
    caption,
    el("div", { class: "story-nav" }, prev, counter, next, end),
  );
  document.body.appendChild(overlay);
  let steps: StoryStep[] = [];
  let index = 0;
  let before: ReturnType<typeof app.store.get> | null = null;
  let beforePositions: number[] | null = null;

  const show = (i: number) => {
    if (!steps.length) return;
    index = Math.max(0, Math.min(steps.length - 1, i));
    const step = steps[index]!;
    title.textContent = step.title;
    caption.textContent = step.caption;
    counter.textContent = `Step ${index + 1} of ${steps.length}`;
    year.textContent = app.dataset().timeless ? "" : `Year ${step.state.year}`;
    prev.disabled = index === 0;
    next.disabled = index === steps.length - 1;
    void address.applyView(step.state, true, false, step.positions);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return; // browser shortcuts (Alt+← is Back) stay the browser's
    const go: Record<string, () => void> = {
      ArrowRight: () => show(index + 1),
      PageDown: () => show(index + 1),
      " ": () => show(index + 1),
      ArrowLeft: () => show(index - 1),
      PageUp: () => show(index - 1),
      Home: () => show(0),
      End: () => show(steps.length - 1),
      Escape: () => stop(),
    };
    const act = Object.hasOwn(go, e.key) ? go[e.key] : undefined;
    if (!act) return;
    // The presentation owns these keys while it runs: no panel below (year stepping, trace) sees them too.
    e.preventDefault();
    e.stopPropagation();
    act();
  };
  /** `restore`: put back the view from before the presentation (not when Back/Forward chose another). */
  const stop = (restore = true) => {
    if (overlay.hidden) return;
    overlay.hidden = true;
    document.documentElement.classList.remove("presenting");
    window.removeEventListener("keydown", onKey, true);
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    if (before && restore) void address.applyView(before, false, false, beforePositions);
    before = null;
    if (location.hash.startsWith("#story=")) history.replaceState(null, "", address.linkFor());
  };
  prev.addEventListener("click", () => show(index - 1));
  next.addEventListener("click", () => show(index + 1));
  end.addEventListener("click", () => stop());
  // Back/Forward while presenting leaves the presentation for the view they chose.
  window.addEventListener("popstate", () => {
    if (!location.hash.startsWith("#story=")) stop(false);
  });
  document.addEventListener("fullscreenchange", () => {
    if (!document.fullscreenElement && !overlay.hidden && wentFullscreen) stop();
  });
  let wentFullscreen = false;

  return {
    start(list: StoryStep[]) {
      if (!list.length) return;
      steps = list;
      before = app.store.get();
      beforePositions = address.forcePositions(before);
      overlay.hidden = false;
      document.documentElement.classList.add("presenting");
      window.addEventListener("keydown", onKey, true);
      wentFullscreen = false;
      // Full screen when the browser allows it; the presentation works the same without it.
      document.documentElement
        .requestFullscreen?.()
        .then(() => {
          wentFullscreen = true;
        })
        .catch(() => undefined);
      next.focus();
      show(0);
    },
  };
}
