// Walking the places on the map with the keyboard: the map takes focus (Tab), the arrow keys move to the
// nearest place in that direction (the first press starts at the selected place, else the biggest), the
// place's card shows as on hover and its name is announced; Enter selects it, Escape lets it go.
import { select, setHover } from "../state/producers";
import type { SceneNode } from "../state/scene";
import type { App } from "./app";
import { el } from "./dom";

const DIRECTIONS: Record<string, [number, number]> = {
  ArrowRight: [1, 0],
  ArrowLeft: [-1, 0],
  // Graph coordinates point up (sigma's y axis), as the map is drawn.
  ArrowUp: [0, 1],
  ArrowDown: [0, -1],
};

/** The nearest place from `from` in direction `dir`, within 60° of it; angle counts against distance. */
export function nextPlace(
  nodes: readonly Pick<SceneNode, "id" | "x" | "y">[],
  from: Pick<SceneNode, "x" | "y">,
  dir: [number, number],
): string | null {
  let best: string | null = null;
  let bestScore = Infinity;
  for (const n of nodes) {
    const dx = n.x - from.x,
      dy = n.y - from.y;
    const d = Math.hypot(dx, dy);
    if (d < 1e-9) continue;
    const cos = (dx * dir[0] + dy * dir[1]) / d;
    if (cos < 0.5) continue;
    const score = d * (1 + 2 * (1 - cos));
    if (score < bestScore) [best, bestScore] = [n.id, score];
  }
  return best;
}

export function mountMapKeyboard(app: App, graph: HTMLElement): void {
  graph.tabIndex = 0;
  graph.setAttribute("role", "application");
  graph.setAttribute("aria-roledescription", "map");
  graph.setAttribute(
    "aria-label",
    "Map of the trade routes: arrow keys move between places, Enter selects one, Escape leaves (the panel lists the same flows as text)",
  );
  const live = el("div", { class: "visually-hidden", "aria-live": "polite", "data-testid": "map-announce" });
  graph.parentElement?.append(live);
  let current: string | null = null;
  const name = (id: string) => app.select.placeName(app.store.data(), id);
  graph.addEventListener("keydown", (e) => {
    const state = app.store.get();
    const nodes = app.select.drawn(state, app.store.data()).nodes;
    if (e.key === "Escape" && current) {
      current = null;
      app.store.dispatch(setHover(null));
      return;
    }
    if (e.key === "Enter" && current) {
      e.preventDefault();
      app.store.dispatch(select({ type: "node", id: current }));
      live.textContent = `${name(current)} selected`;
      return;
    }
    const dir = DIRECTIONS[e.key];
    if (!dir || !nodes.length) return;
    e.preventDefault();
    const at = nodes.find((n) => n.id === current) ?? nodes.find((n) => state.selection?.type === "node" && n.id === state.selection.id);
    const next = at ? nextPlace(nodes, at, dir) : [...nodes].sort((a, b) => b.size - a.size)[0]!.id;
    if (!next) return;
    current = next;
    app.store.dispatch(setHover({ type: "node", id: next }));
    live.textContent = name(next);
  });
  graph.addEventListener("blur", () => {
    if (!current) return;
    current = null;
    if (app.store.get().hover?.type === "node") app.store.dispatch(setHover(null));
  });
}
