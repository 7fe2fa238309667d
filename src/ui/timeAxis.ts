// The time axis under the map: years 2019 → 2025, the year shown, policy events as focusable markers
// (./eventMarkers.ts: date, one-line explanation, sources), and "Play through time" (./yearPlayer.ts),
// which tweens through the years.
import { shortYear, tickLabels, timeAxis, tickNote } from "../state/timeline";
import { dataYears } from "../state/yearStatus";
import { onDataset, type App } from "./app";
import { clear, el } from "./dom";
import { EventMarkers } from "./eventMarkers";
import { YearPlayer } from "./yearPlayer";

export function mountTimeAxis(app: App): void {
  const graph = document.getElementById("graph");
  const wrap = graph?.parentElement;
  if (!wrap) return;
  wrap.classList.add("x-with-time-axis");
  const play = el("button", { type: "button", id: "play-years", class: "x-play" }, "Play through time");
  const track = el("div", { class: "x-track" });
  const bar = el("div", { class: "x-time-axis", role: "group", "aria-label": "Time axis and policy events" }, play, track);
  const markers = new EventMarkers(bar, () => app.dataset().sources);
  bar.append(markers.popover);
  wrap.appendChild(bar);
  const player = new YearPlayer(app, play);

  let bandUpdate = () => undefined as void;
  let fitLabels = () => undefined as void;
  new ResizeObserver(() => fitLabels()).observe(track);
  const build = () => {
    clear(track);
    markers.hide();
    const ds = app.dataset();
    // Data without time has no time axis (its one year is a placeholder).
    bar.hidden = ds.timeless === true;
    if (bar.hidden) return;
    ({ placeBand: bandUpdate, fitLabels } = buildTrack(app, track, markers));
  };
  build();
  app.store.subscribe((s, prev) => {
    if (s.year === prev.year) return;
    bandUpdate();
    player.yearChanged(s.year);
  });
  onDataset(app, () => {
    player.stop();
    build();
  });
}

/** Ticks for the data's years, the band on the year shown and the event markers; returns what moves the band
 *  and what fits the years' labels to the axis's width. */
function buildTrack(app: App, track: HTMLElement, markers: EventMarkers): { placeBand: () => void; fitLabels: () => void } {
  const ds = app.dataset();
  // Years with flows and years with reported figures only are both years of the data.
  const axis = timeAxis(dataYears(ds), ds.events);
  const flowYears = new Set(ds.years);
  const band = el("div", { class: "x-year-band", "aria-hidden": "true" });
  track.append(band);
  const ticks = axis.ticks.map((t) =>
    el(
      "span",
      {
        class: `x-tick${t.hasData ? "" : " x-tick-nodata"}`,
        style: `left:${(t.start * 100).toFixed(3)}%`,
        "data-year": t.year,
        title: tickNote(t, flowYears),
      },
      String(t.year),
    ),
  );
  track.append(...ticks);
  // On a narrow axis the years are written short ("’19"), then only every few years, so none touch.
  const fitLabels = () => {
    const { form, every } = tickLabels(track.clientWidth, ticks.length);
    ticks.forEach((tick, i) => {
      const y = Number(tick.dataset.year);
      tick.textContent = i % every === 0 ? (form === "full" ? String(y) : shortYear(y)) : "";
    });
  };
  fitLabels();
  markers.place(track, axis.markers);
  const year = () => app.store.get().year;
  const placeBand = () => {
    const t = axis.ticks.find((k) => k.year === year());
    band.style.left = t ? `${(t.start * 100).toFixed(3)}%` : "0";
    band.style.width = `${(100 / Math.max(1, axis.ticks.length)).toFixed(3)}%`;
    band.hidden = !t;
    for (const tick of track.querySelectorAll<HTMLElement>(".x-tick"))
      tick.classList.toggle("x-tick-current", Number(tick.dataset.year) === year());
  };
  placeBand();
  return { placeBand, fitLabels };
}
