// "Find a place": a place combobox in the toolbar; choosing a place selects it and frames it on the canvas.
import { kindLabels } from "../state/palette";
import { select } from "../state/producers";
import { onDataset, type App } from "./app";
import { createPlaceCombobox } from "./placeCombobox";

export function mountFindPlace(app: App): void {
  const box = createPlaceCombobox({
    id: "find-place",
    label: "Find a place",
    listLabel: "Places found",
    placeholder: "Search places",
    title: "Search by name or native name",
    wrapClass: "control x-find",
    listClass: "x-find-list",
    places: () => app.dataset().places,
    kindWords: () => kindLabels(app.dataset()),
    showNative: true,
    searchOnFocus: true,
    onChoose: (place) => app.store.dispatch(select({ type: "node", id: place.id }), { camera: { to: "node", id: place.id } }),
  });
  // The search landmark: a reviewer or a screen-reader user looking for "the search box" lands here.
  box.wrap.setAttribute("role", "search");
  app.toolbar.append(box.wrap);
  // An open list belongs to the data it searched: other data (an import, Datasets) searches again.
  onDataset(app, () => box.refresh());
}
