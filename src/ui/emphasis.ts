// What an analysis view points at (a Sankey band, a row of a comparison), emphasised on the map:
// transient panel state (never in links), read by the highlight selector.
import { setPanels } from "../state/openDataset";
import type { App } from "./app";

export function emphasiseOnMap(app: App, target: { nodes: Iterable<string>; edges: Iterable<string> } | null): void {
  const emphasis = target ? { nodes: [...target.nodes], edges: [...target.edges] } : null;
  // After the current change: a band losing focus because a render replaced it must not dispatch inside that render.
  queueMicrotask(() => {
    const current = app.store.data().panels.emphasis;
    if (emphasis === null && current === null) return;
    app.store.update(setPanels({ emphasis }));
  });
}
