// "Border inset": a toggle on the map's top-left corner that opens the magnified inset of the
// Xinjiang–Central Asia border (Horgos, Alashankou, Urumqi, Torugart, Irkeshtam), where places sit within a
// few pixels of each other on the map. Shown on the geographic layout for data with places there; exports
// of the map carry the inset while it is open.
import { BORDER_REGION, insetAvailable } from "../state/borderInset";
import { setPanels } from "../state/openDataset";
import type { App } from "./app";
import { el } from "./dom";

export function mountBorderInsetControl(app: App): void {
  const button = el(
    "button",
    {
      type: "button",
      class: "x-border-inset",
      "aria-pressed": "false",
      title: `Magnify the ${BORDER_REGION.name} in a box on the map (exports carry it)`,
    },
    "Border inset",
  );
  const wrap = document.getElementById("graph")?.parentElement;
  if (wrap) wrap.insertBefore(button, wrap.firstChild);
  else app.toolbar.append(button);
  button.addEventListener("click", () => app.store.update(setPanels({ borderInset: !app.store.data().panels.borderInset })));
  let lastData: unknown = null;
  let available = false;
  const render = () => {
    const data = app.store.data();
    if (data.dataset !== lastData) {
      lastData = data.dataset;
      available = insetAvailable(data.dataset.places, data.dataset.flows);
    }
    button.hidden = !available || app.store.get().layout !== "geo";
    button.setAttribute("aria-pressed", String(data.panels.borderInset));
  };
  render();
  app.store.subscribe(render);
}
