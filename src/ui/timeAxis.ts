// The time axis under the map: years 2019 → 2025, the year shown, policy events as focusable markers
// (date, one-line explanation, sources), and "Play through time", which tweens through the years.
import type { PolicyEvent } from "../domain/types";
import { setYear } from "../state/producers";
import { formatEventDate, playYears, timeAxis } from "../state/timeline";
import { dataYears } from "../state/yearStatus";
import { onDataset, type App } from "./app";
import { append, clear, el, safeLink } from "./dom";
import { setPanels } from "../state/openDataset";

/** Tween length per year step and the pause on each year, in ms. */
export const PLAY_STEP_MS = 800;
export const PLAY_HOLD_MS = 400;

export function mountTimeAxis(app: App): void {
  const graph = document.getElementById("graph");
  const wrap = graph?.parentElement;
  if (!wrap) return;
  wrap.classList.add("x-with-time-axis");
  const play = el("button", { type: "button", id: "play-years", class: "x-play" }, "Play through time");
  const track = el("div", { class: "x-track" });
  const popover = el("div", {
    class: "x-event-popover",
    id: "event-popover",
    role: "dialog",
    "aria-modal": "false",
    hidden: true,
    tabindex: -1,
  });
  const bar = el("div", { class: "x-time-axis", role: "group", "aria-label": "Time axis and policy events" }, play, track, popover);
  wrap.appendChild(bar);

  let markers: { event: PolicyEvent; button: HTMLButtonElement }[] = [];
  let pinned: HTMLButtonElement | null = null;
  let quietFocus = false;

  const sourcesOf = (event: PolicyEvent) => {
    const byId = new Map(app.dataset().sources.map((s) => [s.id, s]));
    return event.sources.map((id) => ({ id, source: byId.get(id) }));
  };
  const oneLine = (event: PolicyEvent) => {
    const src = sourcesOf(event)
      .map(({ id, source }) => source?.publisher || id)
      .join("; ");
    return `${event.summary}${src ? ` Source: ${src}.` : ""}`;
  };

  const showPopover = (event: PolicyEvent, anchor: HTMLButtonElement, pin: boolean) => {
    clear(popover);
    popover.setAttribute("aria-label", `${formatEventDate(event.date)}: ${event.title}`);
    append(
      popover,
      el("div", { class: "x-event-date" }, formatEventDate(event.date)),
      el("div", { class: "x-event-title" }, event.title),
      el("p", { class: "x-event-summary" }, event.summary),
      el(
        "div",
        { class: "x-event-sources" },
        "Sources: ",
        sourcesOf(event)
          .map(({ id, source }, i) => [
            i > 0 ? "; " : "",
            source?.url
              ? safeLink(
                  source.url,
                  `${source.publisher || id}${source.title ? `, “${source.title}”` : ""}${source.date ? ` (${source.date})` : ""}`,
                )
              : el("span", {}, source?.publisher || id),
          ])
          .flat(),
      ),
      event.facts.length ? el("div", { class: "x-event-facts" }, `Facts: ${event.facts.join(", ")}`) : null,
      pin ? el("div", { class: "x-hint" }, "Esc closes") : null,
    );
    popover.hidden = false;
    // Keep the popover inside the bar's width, centred on the marker when possible.
    const barBox = bar.getBoundingClientRect();
    const a = anchor.getBoundingClientRect();
    const w = Math.min(320, barBox.width - 16);
    const left = Math.max(8, Math.min(barBox.width - w - 8, a.left + a.width / 2 - barBox.left - w / 2));
    popover.style.left = `${left}px`;
    popover.style.width = `${w}px`;
    for (const m of markers) m.button.setAttribute("aria-expanded", String(pin && m.button === anchor));
    pinned = pin ? anchor : null;
    if (pin) popover.focus();
  };
  const hidePopover = (returnFocus = false) => {
    const was = pinned;
    popover.hidden = true;
    pinned = null;
    for (const m of markers) m.button.setAttribute("aria-expanded", "false");
    if (returnFocus && was) {
      // Back on the marker without reopening it as a hover note.
      quietFocus = true;
      was.focus();
      quietFocus = false;
    }
  };
  popover.addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      e.preventDefault();
      hidePopover(true);
    }
  });
  popover.addEventListener("focusout", (e) => {
    const to = e.relatedTarget as Node | null;
    if (pinned && (!to || !popover.contains(to)) && to !== pinned) hidePopover();
  });

  const build = () => {
    clear(track);
    hidePopover();
    const ds = app.dataset();
    // Data without time has no time axis (its one year is a placeholder).
    bar.hidden = ds.timeless === true;
    if (bar.hidden) return;
    // Years with flows and years with reported figures only are both years of the data.
    const axis = timeAxis(dataYears(ds), ds.events);
    const flowYears = new Set(ds.years);
    const band = el("div", { class: "x-year-band", "aria-hidden": "true" });
    track.append(band);
    for (const t of axis.ticks) {
      track.append(
        el(
          "span",
          {
            class: `x-tick${t.hasData ? "" : " x-tick-nodata"}`,
            style: `left:${(t.start * 100).toFixed(3)}%`,
            "data-year": t.year,
            title: !t.hasData
              ? "No data for this year"
              : flowYears.has(t.year)
                ? ""
                : "Reported figures only: no used-car routes published",
          },
          String(t.year),
        ),
      );
    }
    markers = axis.markers.map(({ event, at }) => {
      const descId = `event-desc-${event.id}`.replace(/[^a-zA-Z0-9_-]/g, "-");
      const button = el("button", {
        type: "button",
        class: "x-event",
        style: `left:${(at * 100).toFixed(3)}%`,
        "aria-label": `${formatEventDate(event.date)}: ${event.title}`,
        "aria-describedby": descId,
        "aria-expanded": "false",
        "aria-controls": "event-popover",
        "data-event": event.id,
      });
      track.append(button, el("span", { id: descId, hidden: true }, oneLine(event)));
      button.addEventListener("mouseenter", () => {
        if (!pinned) showPopover(event, button, false);
      });
      button.addEventListener("mouseleave", () => {
        if (!pinned) hidePopover();
      });
      button.addEventListener("focus", () => {
        // One Tab stop for all the markers (roving tabindex): the one last focused; arrows move between them.
        for (const m of markers) m.button.tabIndex = m.button === button ? 0 : -1;
        if (!pinned && !quietFocus) showPopover(event, button, false);
      });
      button.addEventListener("blur", (e) => {
        if (!pinned && e.relatedTarget !== popover) hidePopover();
      });
      button.addEventListener("click", () => {
        if (pinned === button) hidePopover();
        else showPopover(event, button, true);
      });
      button.addEventListener("keydown", (e) => {
        if (e.key === "Escape") {
          hidePopover();
          return;
        }
        // Arrow keys walk the markers; Home/End go to the first/last.
        if (!["ArrowLeft", "ArrowRight", "Home", "End"].includes(e.key)) return;
        e.preventDefault();
        const i = markers.findIndex((m) => m.button === button);
        const next =
          e.key === "Home" ? markers[0] : e.key === "End" ? markers[markers.length - 1] : markers[i + (e.key === "ArrowRight" ? 1 : -1)];
        next?.button.focus();
      });
      return { event, button };
    });
    markers.forEach((m, i) => {
      m.button.tabIndex = i === 0 ? 0 : -1;
    });
    const year = () => app.store.get().year;
    const placeBand = () => {
      const t = axis.ticks.find((k) => k.year === year());
      band.style.left = t ? `${(t.start * 100).toFixed(3)}%` : "0";
      band.style.width = `${(100 / Math.max(1, axis.ticks.length)).toFixed(3)}%`;
      band.hidden = !t;
      for (const el of track.querySelectorAll<HTMLElement>(".x-tick"))
        el.classList.toggle("x-tick-current", Number(el.dataset.year) === year());
    };
    placeBand();
    bandUpdate = placeBand;
  };
  let bandUpdate = () => undefined as void;

  // Playing: one tween per year, stopped by "Pause", at the end, or when the data changes.
  let playing: { stop: boolean } | null = null;
  let playTarget: number | null = null;
  const setPlaying = (on: boolean) => {
    play.textContent = on ? "Pause" : "Play through time";
    play.classList.toggle("x-playing", on);
    // In the store: the address bar makes one history step of a played run.
    if (app.store.data().panels.playing !== on) app.store.update(setPanels({ playing: on }));
  };
  const hold = (ms: number, run: { stop: boolean }) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      const check = setInterval(() => {
        if (run.stop) {
          clearTimeout(t);
          clearInterval(check);
          resolve();
        }
      }, 50);
      setTimeout(() => clearInterval(check), ms + 10);
    });
  const runPlay = async (run: { stop: boolean }) => {
    const years = playYears(app.dataset().years, app.store.get().year);
    for (const y of years) {
      if (run.stop) break;
      playTarget = y;
      app.store.dispatch(setYear(y), { tweenMs: PLAY_STEP_MS });
      await app.settled();
      if (run.stop || y === years[years.length - 1]) break;
      await hold(PLAY_HOLD_MS, run);
    }
  };
  play.addEventListener("click", () => {
    if (playing) {
      playing.stop = true;
      return;
    }
    const run = { stop: false };
    playing = run;
    setPlaying(true);
    void app.track(runPlay(run)).finally(() => {
      if (playing === run) playing = null;
      setPlaying(false);
    });
  });

  build();
  app.store.subscribe((s, prev) => {
    if (s.year === prev.year) return;
    bandUpdate();
    // Someone picked another year while playing (the Year select, a link): stop where they chose.
    if (playing && s.year !== playTarget) playing.stop = true;
  });
  onDataset(app, () => {
    if (playing) playing.stop = true;
    build();
  });
}
