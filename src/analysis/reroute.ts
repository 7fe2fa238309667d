// Re-routing rules applied to one set of flows (docs/methods.md, "Scenarios"). Pure.
// Rules change some flows directly (scale a hop, close a place); every place they did not set keeps its
// onward shares, as a well-mixed pool: its outflows scale with its throughput, T' / T, where
// T = intake + what it sends on beyond its intake (generation or residual, unchanged). Places are
// visited in topological order, so a change travels down every chain it reaches.
// Volume is conserved except where a rule takes it out at the start of a chain (scaling an origin's
// flows, or closing an origin): the ledger (ledgerOf) measures that from the balances, not from the rules.
import { flowId, type Flow, type Place } from "../domain/types";
import type { RerouteRule } from "../domain/scenario";

export interface RuleEffect {
  rule: number;
  year: number;
  /** Volume the rule took off the flows it matched. */
  removed: number;
  /** Volume it put on other flows (redirect, close). */
  added: number;
  /** Flows it matched (0: the rule found nothing to change that year). */
  matched: number;
}

export interface RerouteResult {
  flows: Flow[];
  effects: RuleEffect[];
  /** Flows the rules created (a redirect or a re-routed supplier with no such hop before). */
  created: string[];
  /** Flows that carry nothing after the rules (left out of `flows`). */
  removed: string[];
  /** Years whose flows form a cycle: propagation there visits the cycle once (an approximation). */
  cyclicYears: number[];
}

export interface RerouteOptions {
  /** Words appended to every changed flow's note ("Scenario “Horgos closed”"). */
  label: string;
  /** FACTS ids added to changed flows. */
  facts: readonly string[];
  /** Years to change; null = all. */
  years: readonly number[] | null;
}

const EPS = 1e-9;

export function isSource(place: Place | undefined, inflow: number): boolean {
  return place ? place.kind === "origin" : inflow === 0;
}

/** Applies `rules` to `flows` (all years); places give kinds (an origin's lost flows leave the data). */
export function reroute(
  flows: readonly Flow[],
  places: readonly Place[],
  rules: readonly RerouteRule[],
  options: RerouteOptions,
): RerouteResult {
  const placesById = new Map(places.map((p) => [p.id, p]));
  const years = [...new Set(flows.map((f) => f.year))].filter((y) => options.years === null || options.years.includes(y));
  const untouched = flows.filter((f) => !years.includes(f.year));
  const out: Flow[] = [...untouched];
  const effects: RuleEffect[] = [];
  const created: string[] = [];
  const removed: string[] = [];
  const cyclicYears: number[] = [];
  for (const year of years.sort((a, b) => a - b)) {
    const r = rerouteYear(
      flows.filter((f) => f.year === year),
      placesById,
      rules,
      year,
      options,
    );
    out.push(...r.flows);
    effects.push(...r.effects);
    created.push(...r.created);
    removed.push(...r.removed);
    if (r.cyclic) cyclicYears.push(year);
  }
  return { flows: out, effects, created, removed, cyclicYears };
}

interface Work {
  flow: Flow;
  v: number;
  original: number;
  isNew: boolean;
}

/** Whether a scale rule matches a flow; with neither end named it matches what enters the network (flows leaving origins). */
function matches(rule: Extract<RerouteRule, { kind: "scale" }>, flow: Flow, sourceOf: (place: string) => boolean): boolean {
  if (rule.from === null && rule.to === null) return sourceOf(flow.from);
  return (rule.from === null || flow.from === rule.from) && (rule.to === null || flow.to === rule.to);
}

/** Places in topological order of the flows plus the hops the rules may create (`extra`). */
function topologicalOrder(work: Work[], extra: [string, string][]): { order: string[]; cyclic: boolean } {
  const places = new Set<string>();
  const indeg = new Map<string, number>();
  const outs = new Map<string, string[]>();
  const edges: [string, string][] = [...work.map((w): [string, string] => [w.flow.from, w.flow.to]), ...extra];
  for (const [from, to] of edges) {
    places.add(from).add(to);
    if (from === to) continue;
    indeg.set(to, (indeg.get(to) ?? 0) + 1);
    (outs.get(from) ?? outs.set(from, []).get(from)!).push(to);
  }
  const order: string[] = [];
  const queue = [...places].filter((p) => !indeg.get(p)).sort();
  while (queue.length) {
    const p = queue.shift()!;
    order.push(p);
    for (const to of outs.get(p) ?? []) {
      const left = indeg.get(to)! - 1;
      indeg.set(to, left);
      if (left === 0) queue.push(to);
    }
  }
  const cyclic = order.length < places.size;
  if (cyclic) {
    const seen = new Set(order);
    for (const p of [...places].sort()) if (!seen.has(p)) order.push(p);
  }
  return { order, cyclic };
}

/**
 * One pass in topological order. At each place p: ratio = T'/T over its intake (an origin without intake
 * keeps 1; a closed place 0); each outflow = original × ratio, then × each matching scale rule (its
 * remainder stays, or is added to p → redirect); an outflow into a closed place goes, whole, to the
 * alternatives p already supplies (else all), by weight.
 */
function rerouteYear(flows: Flow[], placesById: Map<string, Place>, rules: readonly RerouteRule[], year: number, options: RerouteOptions) {
  const work: Work[] = flows.map((flow) => ({ flow, v: 0, original: flow.volume, isNew: false }));
  const byId = new Map(work.map((w) => [w.flow.id, w]));
  const outs = new Map<string, Work[]>();
  const ins = new Map<string, Work[]>();
  const link = (w: Work) => {
    if (w.flow.from === w.flow.to) return;
    (outs.get(w.flow.from) ?? outs.set(w.flow.from, []).get(w.flow.from)!).push(w);
    (ins.get(w.flow.to) ?? ins.set(w.flow.to, []).get(w.flow.to)!).push(w);
  };
  work.forEach(link);
  const originalIn = (p: string) => (ins.get(p) ?? []).reduce((s, w) => s + w.original, 0);
  const originalOut = (p: string) => (outs.get(p) ?? []).reduce((s, w) => s + w.original, 0);
  const sourceOf = (p: string) => isSource(placesById.get(p), originalIn(p));
  const effects: RuleEffect[] = rules.map((_, rule) => ({ rule, year, removed: 0, added: 0, matched: 0 }));
  const closed = new Map<string, { rule: number; alternatives: string[]; weights: Record<string, number> | null }>();
  rules.forEach((r, i) => {
    if (r.kind === "close") closed.set(r.place, { rule: i, alternatives: r.alternatives, weights: r.weights });
  });
  for (const [x, c] of closed) c.alternatives = c.alternatives.filter((a) => a !== x && !closed.has(a));

  /** Adds volume on from → to: the largest original flow of that hop, else a new flow with `mode`. */
  const addTo = (from: string, to: string, mode: string, volume: number, why: string) => {
    const hop = (outs.get(from) ?? []).filter((w) => w.flow.to === to).sort((a, b) => b.original - a.original)[0];
    if (hop) {
      hop.v += volume;
      return;
    }
    const id = flowId(from, to, year, mode);
    const flow: Flow = {
      id,
      from,
      to,
      year,
      volume: 0,
      usd: null,
      mode,
      basis: "modelled",
      facts: [...options.facts],
      sources: [],
      formula: "",
      note: `${options.label}: a hop the data does not have, made by the re-routing (${why}).`,
    };
    const w: Work = { flow, v: volume, original: 0, isNew: true };
    work.push(w);
    byId.set(id, w);
    link(w);
  };

  // Hops the rules may create: a redirect from every sender a scale rule can match, and every supplier of a
  // closed place to each alternative. Ordering with them keeps every place after all that may feed it.
  const extra: [string, string][] = [];
  for (const r of rules) {
    if (r.kind === "scale" && r.remainder !== "stay") {
      const target = r.remainder.redirect;
      for (const w of work) if (matches(r, w.flow, sourceOf)) extra.push([w.flow.from, target]);
    }
  }
  for (const [x, c] of closed) for (const w of ins.get(x) ?? []) for (const a of c.alternatives) extra.push([w.flow.from, a]);
  const { order, cyclic } = topologicalOrder(work, extra);
  for (const p of order) {
    const outflow = (outs.get(p) ?? []).filter((w) => !w.isNew);
    if (!outflow.length) continue;
    const inOld = originalIn(p);
    const inNew = (ins.get(p) ?? []).reduce((s, w) => s + w.v, 0);
    // What p sends on beyond its intake (an origin's generation, or a residual) is kept as it was.
    const extra = Math.max(0, originalOut(p) - inOld);
    const before = inOld + extra;
    let ratio = sourceOf(p) && inOld === 0 ? 1 : before > 0 ? (inNew + extra) / before : 1;
    const closing = closed.get(p);
    if (closing) ratio = 0;
    const moves: { to: string; mode: string; volume: number; why: string; rule: number }[] = [];
    for (const w of outflow) {
      const base = w.original * ratio;
      let v = base;
      rules.forEach((rule, i) => {
        if (rule.kind !== "scale" || !matches(rule, w.flow, sourceOf)) return;
        const e = effects[i]!;
        e.matched++;
        const next = v * rule.factor;
        const taken = v - next;
        if (taken > 0) e.removed += taken;
        else e.added += -taken;
        v = next;
        if (taken > 0 && rule.remainder !== "stay" && rule.remainder.redirect !== p && !closed.has(rule.remainder.redirect)) {
          moves.push({
            to: rule.remainder.redirect,
            mode: w.flow.mode,
            volume: taken,
            why: `what ${p} → ${w.flow.to} no longer carries`,
            rule: i,
          });
        }
      });
      if (closing && w.original > 0) {
        effects[closing.rule]!.matched++;
        effects[closing.rule]!.removed += w.original;
      }
      const target = closed.get(w.flow.to);
      if (target && v > 0) {
        const e = effects[target.rule]!;
        e.matched++;
        e.removed += v;
        const served = target.alternatives.filter((a) => (outs.get(p) ?? []).some((o) => o.flow.to === a && o.original > 0));
        const candidates = served.length ? served : target.alternatives;
        const weightOf = (a: string) =>
          target.weights && Object.hasOwn(target.weights, a) ? target.weights[a]! : Math.max(originalIn(a), originalOut(a));
        let weights = candidates.map(weightOf);
        if (!(weights.reduce((s, x) => s + x, 0) > 0)) weights = candidates.map(() => 1);
        const total = weights.reduce((s, x) => s + x, 0);
        candidates.forEach((a, i) => {
          const part = (v * weights[i]!) / total;
          if (part > 0) moves.push({ to: a, mode: w.flow.mode, volume: part, why: `re-routed from ${w.flow.to}`, rule: target.rule });
        });
        v = 0;
      }
      w.v = v;
    }
    for (const m of moves) {
      addTo(p, m.to, m.mode, m.volume, m.why);
      effects[m.rule]!.added += m.volume;
    }
  }

  const kept: Flow[] = [];
  const created: string[] = [];
  const removedIds: string[] = [];
  for (const w of work) {
    if (w.v <= EPS) {
      if (!w.isNew) removedIds.push(w.flow.id);
      continue;
    }
    if (w.isNew) {
      created.push(w.flow.id);
      kept.push({ ...w.flow, volume: w.v, formula: `${options.label}: ${round(w.v)} re-routed` });
      continue;
    }
    if (Math.abs(w.v - w.original) <= EPS * Math.max(1, w.original)) {
      kept.push(w.flow);
      continue;
    }
    const ratio = w.original > 0 ? w.v / w.original : 0;
    kept.push({
      ...w.flow,
      volume: w.v,
      usd: w.flow.usd === null ? null : w.flow.usd * ratio,
      basis: "modelled",
      facts: [...new Set([...w.flow.facts, ...options.facts])],
      formula: `${w.flow.formula ? `(${w.flow.formula})` : String(w.original)} × ${round(ratio)} [${options.label}] = ${round(w.v)}`,
      note: `${options.label}: ${round(w.original)} → ${round(w.v)}. ${w.flow.note}`.trim(),
    });
  }
  return { flows: kept, effects, created, removed: removedIds, cyclic };
}

function round(x: number): string {
  return String(Math.round(x * 1000) / 1000);
}
