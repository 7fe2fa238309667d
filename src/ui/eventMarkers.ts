// Policy events on the time axis: one focusable marker per event (one Tab stop, arrows between them) and
// the popover with its date, summary, sources and facts — a note on hover or focus, pinned by a click
// (Esc closes it and returns to the marker).
import type { PolicyEvent, Source } from "../domain/types";
import { eventOneLine, eventSources, formatEventDate } from "../state/timeline";
import { append, clear, el, safeLink } from "./dom";

export class EventMarkers {
  readonly popover = el("div", {
    class: "x-event-popover",
    id: "event-popover",
    role: "dialog",
    "aria-modal": "false",
    hidden: true,
    tabindex: -1,
  });
  private markers: { event: PolicyEvent; button: HTMLButtonElement }[] = [];
  private pinned: HTMLButtonElement | null = null;
  private quietFocus = false;

  /** `bar` bounds the popover; `sources` are the open dataset's. */
  constructor(
    private readonly bar: HTMLElement,
    private readonly sources: () => readonly Source[],
  ) {
    this.popover.addEventListener("keydown", (e) => {
      if (e.key === "Escape") {
        e.preventDefault();
        this.hide(true);
      }
    });
    this.popover.addEventListener("focusout", (e) => {
      const to = e.relatedTarget as Node | null;
      // Focus leaving the note (Tab past its last source link) closes it, pinned or not.
      if ((!to || !this.popover.contains(to)) && to !== this.pinned) this.hide();
    });
  }

  /** Places a marker for each event on `track` (at its share of the axis); the first is the Tab stop. */
  place(track: HTMLElement, events: readonly { event: PolicyEvent; at: number }[]): void {
    this.markers = events.map(({ event, at }) => {
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
      track.append(button, el("span", { id: descId, hidden: true }, eventOneLine(event, this.sources())));
      this.wire(event, button);
      return { event, button };
    });
    this.markers.forEach((m, i) => {
      m.button.tabIndex = i === 0 ? 0 : -1;
    });
  }

  private wire(event: PolicyEvent, button: HTMLButtonElement): void {
    button.addEventListener("mouseenter", () => {
      if (!this.pinned) this.show(event, button, false);
    });
    button.addEventListener("mouseleave", () => {
      if (!this.pinned) this.hide();
    });
    button.addEventListener("focus", () => {
      // One Tab stop for all the markers (roving tabindex): the one last focused; arrows move between them.
      for (const m of this.markers) m.button.tabIndex = m.button === button ? 0 : -1;
      if (!this.pinned && !this.quietFocus) this.show(event, button, false);
    });
    button.addEventListener("blur", (e) => {
      // Tab from a marker moves into the note's source links: the note stays open, or focus would fall to body.
      const to = e.relatedTarget as Node | null;
      if (!this.pinned && !(to && this.popover.contains(to))) this.hide();
    });
    button.addEventListener("click", () => {
      if (this.pinned === button) this.hide();
      else this.show(event, button, true);
    });
    button.addEventListener("keydown", (e) => {
      if (e.key === "Escape") {
        this.hide();
        return;
      }
      // Arrow keys walk the markers; Home/End go to the first/last.
      if (!["ArrowLeft", "ArrowRight", "Home", "End"].includes(e.key)) return;
      e.preventDefault();
      const markers = this.markers;
      const i = markers.findIndex((m) => m.button === button);
      const next =
        e.key === "Home" ? markers[0] : e.key === "End" ? markers[markers.length - 1] : markers[i + (e.key === "ArrowRight" ? 1 : -1)];
      next?.button.focus();
    });
  }

  private show(event: PolicyEvent, anchor: HTMLButtonElement, pin: boolean): void {
    const popover = this.popover;
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
        eventSources(event, this.sources())
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
    const barBox = this.bar.getBoundingClientRect();
    const a = anchor.getBoundingClientRect();
    const w = Math.min(320, barBox.width - 16);
    const left = Math.max(8, Math.min(barBox.width - w - 8, a.left + a.width / 2 - barBox.left - w / 2));
    popover.style.left = `${left}px`;
    popover.style.width = `${w}px`;
    for (const m of this.markers) m.button.setAttribute("aria-expanded", String(pin && m.button === anchor));
    this.pinned = pin ? anchor : null;
    if (pin) popover.focus();
  }

  hide(returnFocus = false): void {
    const was = this.pinned;
    this.popover.hidden = true;
    this.pinned = null;
    for (const m of this.markers) m.button.setAttribute("aria-expanded", "false");
    if (returnFocus && was) {
      // Back on the marker without reopening it as a hover note.
      this.quietFocus = true;
      was.focus();
      this.quietFocus = false;
    }
  }
}
