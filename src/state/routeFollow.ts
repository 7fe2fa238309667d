// The chosen chain follows the route, not its rank: when the year, the assumptions or the data change the
// results, state.trace.chain is re-pointed at the same places, or set to null while that year lacks the
// route (and chosen again in a year that has it). A normaliser: part of the change itself, never a second one.
import { PENDING, type TraceResult, type Pending } from "./routeTrace";
import type { AppData, AppSnapshot, Normaliser } from "./store";
import type { TraceState, ViewState } from "./viewState";

const sameRoute = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

const sameChoice = (a: TraceState, b: TraceState) =>
  a.origin === b.origin && a.destination === b.destination && a.chain === b.chain && a.through === b.through;

const withTrace = (next: AppSnapshot, trace: TraceState): AppSnapshot => ({ ...next, view: { ...next.view, trace } });

export function createRouteFollower(results: (view: ViewState, data: AppData) => TraceResult | Pending | null): Normaliser {
  const settled = (view: ViewState, data: AppData) => {
    const r = results(view, data);
    return r === PENDING ? null : r;
  };
  return (next, previous) => {
    const t = next.view.trace;
    const p = previous.view.trace;
    const explicit = next === previous || (t !== p && !sameChoice(t, p));
    if (explicit) {
      // Chosen (or cleared) by the user or a link: remember that route (once its results are known).
      const r = t.chain === null ? null : settled(next.view, next.data);
      const route = r?.chains.chains[t.chain!]?.nodes;
      if (route === t.route) return next;
      const { route: _old, ...rest } = t;
      void _old;
      return withTrace(next, route ? { ...rest, route } : rest);
    }
    const inputsSame =
      next.view.year === previous.view.year &&
      next.view.assumptions === previous.view.assumptions &&
      next.view.weighting.measure === previous.view.weighting.measure &&
      next.data.dataset === previous.data.dataset &&
      next.data.results === previous.data.results;
    if (t === p && inputsSame) return next;
    const r = settled(next.view, next.data);
    if (!r) return next;
    if (!t.route) {
      // A link's chain whose results were not known yet (computed in a worker): remember it now.
      const route = t.chain === null ? undefined : r.chains.chains[t.chain]?.nodes;
      return route ? withTrace(next, { ...t, route }) : next;
    }
    const at = r.chains.chains.findIndex((c) => sameRoute(c.nodes, t.route!));
    const chain = at >= 0 ? at : null;
    return chain === t.chain ? next : withTrace(next, { ...t, chain });
  };
}
