// The Origin and Destination fields of Route tracing. A field armed (focused) is filled by a click on a place
// of the graph; Enter in a field traces. What is typed resolves to one place (or says why it does not).
import type { Place } from "../domain/types";
import { kindLabels } from "../state/palette";
import { resolvePlace } from "../state/placeSearch";
import type { App } from "./app";
import { createPlaceCombobox, type PlaceCombobox } from "./placeCombobox";

export class RouteFields {
  readonly origin: PlaceCombobox;
  readonly destination: PlaceCombobox;
  private armed: PlaceCombobox | null = null;

  /** `onEnter` runs when Enter is pressed in a field. */
  constructor(
    private readonly app: App,
    onEnter: () => void,
  ) {
    this.origin = this.field("origin", "Origin", "Places to start from", onEnter);
    this.destination = this.field("destination", "Destination", "Places to end at", onEnter);
    document.addEventListener("focusin", (e) => {
      // Focus moving into the map (a click on it: the map takes focus for keyboard walking) keeps the field armed.
      const inMap = document.getElementById("graph")?.contains(e.target as Node) === true;
      if (this.armed && e.target !== this.armed.input && !inMap) this.disarm();
    });
  }

  get both(): readonly [PlaceCombobox, PlaceCombobox] {
    return [this.origin, this.destination];
  }

  /** A place clicked on the graph fills the armed field (if one is). */
  fillArmed(place: Place): void {
    if (!this.armed) return;
    this.armed.set(place);
    this.armed.input.focus();
  }

  get isArmed(): boolean {
    return this.armed !== null;
  }

  /** The places the fields name, or the message saying which field does not name one. */
  read(): { ids: [string, string] } | { message: string } {
    const ids: string[] = [];
    for (const [f, label] of [
      [this.origin, "Origin"],
      [this.destination, "Destination"],
    ] as const) {
      const chosen = f.chosen();
      const p = chosen ? (this.app.derived().placesById.get(chosen) ?? null) : resolvePlace(this.app.dataset().places, f.input.value);
      if (!p) {
        const typed = f.input.value.trim();
        return {
          message: typed ? `No single place is called “${typed}”: pick one from the list under ${label}.` : `Type a place in ${label}.`,
        };
      }
      f.set(p);
      ids.push(p.id);
    }
    return { ids: [ids[0]!, ids[1]!] };
  }

  clear(): void {
    for (const f of this.both) f.set(null);
  }

  private disarm(): void {
    this.armed = null;
    for (const f of this.both) f.wrap.classList.remove("rt-armed");
  }

  private field(key: "origin" | "destination", label: string, listLabel: string, onEnter: () => void): PlaceCombobox {
    const { app } = this;
    const box = createPlaceCombobox({
      id: `trace-${key}`,
      label,
      listLabel,
      placeholder: "type a place name",
      wrapClass: "rt-field",
      listClass: "rt-suggest",
      places: () => app.dataset().places,
      kindWords: () => kindLabels(app.dataset()),
      showNative: false,
      onChoose: () => undefined,
      onEnter,
      onEscape: () => this.disarm(),
    });
    box.input.addEventListener("focus", () => {
      this.armed = box;
      box.wrap.classList.add("rt-armed");
    });
    box.input.addEventListener("blur", (e) => {
      // Clicking the canvas takes focus nowhere (relatedTarget null): stay armed so the click fills the field.
      const to = (e as FocusEvent).relatedTarget as Node | null;
      if (to && !document.getElementById("graph")?.contains(to)) this.disarm();
    });
    return box;
  }
}
