// "Play through time": one tween per year from the year shown, stopped by "Pause", at the end, when
// someone picks another year, or when the data changes.
import { setYear } from "../state/producers";
import { setPanels } from "../state/openDataset";
import { playYears } from "../state/timeline";
import type { App } from "./app";

/** Tween length per year step and the pause on each year, in ms. */
export const PLAY_STEP_MS = 800;
export const PLAY_HOLD_MS = 400;

/** Waits `ms`, or less when the run is stopped. */
function hold(ms: number, run: { stop: boolean }): Promise<void> {
  return new Promise<void>((resolve) => {
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
}

export class YearPlayer {
  private playing: { stop: boolean } | null = null;
  private playTarget: number | null = null;

  constructor(
    private readonly app: App,
    private readonly button: HTMLButtonElement,
  ) {
    button.addEventListener("click", () => this.toggle());
  }

  /** Stops a run in progress (if any) at the year it has reached. */
  stop(): void {
    if (this.playing) this.playing.stop = true;
  }

  /** A year was set: someone picked another year while playing (the Year select, a link) stops the run where they chose. */
  yearChanged(year: number): void {
    if (this.playing && year !== this.playTarget) this.playing.stop = true;
  }

  private toggle(): void {
    if (this.playing) {
      this.playing.stop = true;
      return;
    }
    const run = { stop: false };
    this.playing = run;
    this.setPlaying(true);
    void this.app.track(this.run(run)).finally(() => {
      if (this.playing === run) this.playing = null;
      this.setPlaying(false);
    });
  }

  private setPlaying(on: boolean): void {
    this.button.textContent = on ? "Pause" : "Play through time";
    this.button.classList.toggle("x-playing", on);
    // In the store: the address bar makes one history step of a played run.
    if (this.app.store.data().panels.playing !== on) this.app.store.update(setPanels({ playing: on }));
  }

  private async run(run: { stop: boolean }): Promise<void> {
    const { app } = this;
    const years = playYears(app.dataset().years, app.store.get().year);
    for (const y of years) {
      if (run.stop) break;
      this.playTarget = y;
      app.store.dispatch(setYear(y), { tweenMs: PLAY_STEP_MS });
      await app.settled();
      if (run.stop || y === years[years.length - 1]) break;
      await hold(PLAY_HOLD_MS, run);
    }
  }
}
