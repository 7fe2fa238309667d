// "Sankey": the nodes and bands of an alluvial view (origin → exit → transit → market), for a traced
// route (one band per chain and hop, its volume the chain's attributed volume) or for a place's origin
// mix (one band per hop and origin, its volume that origin's part of the hop that reaches the place).
// Pure: the drawing (d3-sankey) takes these as they are. Band volumes are the attribution's, unchanged.
import type { ChainsResult } from "../analysis/chains";
import type { OriginBandsResult } from "../analysis/originBands";
import { UNEXPLAINED_ORIGIN } from "../analysis/compactGraph";
import { PLACE_KINDS, type Place } from "../domain/types";

export interface SankeyNode {
  /** Unique within the diagram: the place id, or `${place}#${depth}` where a place recurs at another depth. */
  key: string;
  place: string;
  name: string;
  /** 0 origin, 1 exit, 2 transit, 3 market (by kind), or the depth when kinds do not order the bands. */
  column: number;
}

export interface SankeyBand {
  source: string;
  target: string;
  volume: number;
  /** Trace: the chain's index (−1 for the routes outside the listed chains). Mix: the origin's place id. */
  group: string;
  /** The chain (trace) or origin (mix) the band belongs to, in words. */
  label: string;
  /** Flow ids the band runs on (empty for a band that no single flow carries). */
  edges: string[];
}

export interface SankeyModel {
  kind: "trace" | "mix";
  title: string;
  nodes: SankeyNode[];
  bands: SankeyBand[];
  /** The attributed total the bands leaving the first column add up to. */
  total: number;
  /** Sentences the view shows under the diagram (coverage, what the other band is). */
  notes: string[];
}

const KIND_COLUMN = new Map<string, number>(PLACE_KINDS.map((k, i) => [k, i]));

function nameOf(placesById: ReadonlyMap<string, Place>, id: string): string {
  if (id === UNEXPLAINED_ORIGIN) return "(unexplained inflow)";
  return placesById.get(id)?.name ?? id;
}

/** Columns by kind when every band goes to a later kind; else by longest path from the sources. */
function columns(places: string[], links: [string, string][], kindOf: (id: string) => number | undefined): Map<string, number> {
  const byKind = new Map<string, number>();
  let kindsWork = true;
  for (const p of places) {
    const k = kindOf(p);
    if (k === undefined) kindsWork = false;
    else byKind.set(p, k);
  }
  if (kindsWork && links.every(([a, b]) => byKind.get(a)! < byKind.get(b)!)) return byKind;
  const depth = new Map<string, number>(places.map((p) => [p, 0]));
  // Longest path by relaxation (links form a DAG here; bounded by the number of places).
  for (let round = 0; round < places.length; round++) {
    let changed = false;
    for (const [a, b] of links) {
      const d = depth.get(a)! + 1;
      if (d > depth.get(b)!) {
        depth.set(b, d);
        changed = true;
      }
    }
    if (!changed) break;
  }
  return depth;
}

function isAcyclic(places: string[], links: [string, string][]): boolean {
  const indeg = new Map(places.map((p) => [p, 0]));
  for (const [, b] of links) indeg.set(b, indeg.get(b)! + 1);
  const queue = places.filter((p) => indeg.get(p) === 0);
  let seen = 0;
  while (queue.length) {
    const p = queue.pop()!;
    seen++;
    for (const [a, b] of links) {
      if (a !== p) continue;
      indeg.set(b, indeg.get(b)! - 1);
      if (indeg.get(b) === 0) queue.push(b);
    }
  }
  return seen === places.length;
}

function kindColumn(placesById: ReadonlyMap<string, Place>) {
  return (id: string) => (id === UNEXPLAINED_ORIGIN ? 0 : KIND_COLUMN.get(placesById.get(id)?.kind ?? ""));
}

/** Bands of a traced route: chain c's hops each carry the chain's attributed volume. */
export function traceSankey(
  result: ChainsResult,
  placesById: ReadonlyMap<string, Place>,
  formatVolume: (v: number) => string,
): SankeyModel {
  const absorbs = result.total > 0;
  const volumeOfChain = (c: ChainsResult["chains"][number]) => (absorbs ? c.volume : c.arriving);
  const total = absorbs ? result.total : result.passing;
  type Raw = { from: string; to: string; depthFrom: number; volume: number; group: string; label: string; edges: string[] };
  const raw: Raw[] = [];
  let listed = 0;
  result.chains.forEach((chain, c) => {
    const volume = volumeOfChain(chain);
    if (!(volume > 0)) return;
    listed += volume;
    const label = `Chain ${c + 1}: ${chain.nodes.map((n) => nameOf(placesById, n)).join(" → ")}`;
    for (let h = 0; h + 1 < chain.nodes.length; h++) {
      raw.push({
        from: chain.nodes[h]!,
        to: chain.nodes[h + 1]!,
        depthFrom: h,
        volume,
        group: String(c),
        label,
        edges: chain.edges[h] ?? [],
      });
    }
  });
  const notes: string[] = [];
  const rest = total - listed;
  if (rest > total * 1e-9 && rest > 1e-9) {
    raw.push({ from: result.origin, to: result.target, depthFrom: 0, volume: rest, group: "-1", label: "Other routes", edges: [] });
    notes.push(
      `The ${result.chains.length} chains listed carry ${formatVolume(listed)} of ${formatVolume(total)}; the band “Other routes” carries the other ${formatVolume(rest)} (longer or smaller chains).`,
    );
  }
  const places = [...new Set(raw.flatMap((r) => [r.from, r.to]))];
  let keyOf = (id: string, _depth: number) => id;
  let pairs: [string, string][] = raw.map((r) => [r.from, r.to]);
  if (!isAcyclic(places, pairs)) {
    // Two chains pass the same places in opposite orders: give each place one node per depth.
    keyOf = (id, depth) => (id === result.origin ? id : `${id}#${depth}`);
    pairs = raw.map((r) => [keyOf(r.from, r.depthFrom), keyOf(r.to, r.depthFrom + 1)]);
  }
  const keys = [...new Set(pairs.flat())];
  const placeOfKey = (k: string) => k.split("#")[0]!;
  const kinds = kindColumn(placesById);
  const col = columns(keys, pairs, (k) => kinds(placeOfKey(k)));
  const nodes = keys.map((key) => ({ key, place: placeOfKey(key), name: nameOf(placesById, placeOfKey(key)), column: col.get(key) ?? 0 }));
  const bands = raw.map((r, i) => ({
    source: pairs[i]![0],
    target: pairs[i]![1],
    volume: r.volume,
    group: r.group,
    label: r.label,
    edges: r.edges,
  }));
  return {
    kind: "trace",
    title: `${nameOf(placesById, result.origin)} → ${nameOf(placesById, result.target)}`,
    nodes,
    bands,
    total,
    notes: [
      absorbs
        ? `Each band is one chain's attributed volume: the cars from ${nameOf(placesById, result.origin)} absorbed in ${nameOf(placesById, result.target)} along it (proportional tracing).`
        : `${nameOf(placesById, result.target)} absorbs nothing; bands carry the cars from ${nameOf(placesById, result.origin)} that pass through it.`,
      ...notes,
    ],
  };
}

/** Bands of a place's origin mix: each origin's part of each hop that reaches the place. */
export function mixSankey(result: OriginBandsResult, placesById: ReadonlyMap<string, Place>): SankeyModel {
  const pairs = [...new Map(result.bands.map((b) => [`${b.from}\u0000${b.to}`, [b.from, b.to] as [string, string]])).values()];
  const keys = [...new Set([...pairs.flat(), result.node])];
  const col = columns(keys, pairs, kindColumn(placesById));
  const nodes = keys.map((key) => ({ key, place: key, name: nameOf(placesById, key), column: col.get(key) ?? 0 }));
  const bands = result.bands.map((b) => ({
    source: b.from,
    target: b.to,
    volume: b.volume,
    group: b.origin,
    label: `From ${nameOf(placesById, b.origin)}`,
    edges: b.edges,
  }));
  const notes = [
    `Each band is one origin's part of a hop that ends in ${nameOf(placesById, result.node)}: the hop's volume × the share of it that reaches ${nameOf(placesById, result.node)} × the origin's share of the place it leaves (proportional tracing).`,
  ];
  if (result.cyclic) notes.push("Some cars circle back upstream (a cycle in the flows): bands on the cycle count them once per pass.");
  return {
    kind: "mix",
    title: `Where ${nameOf(placesById, result.node)}'s cars come from`,
    nodes,
    bands,
    total: [...result.origins.values()].reduce((s, v) => s + v, 0),
    notes,
  };
}

/** Volume in and out of each node (bands only): for checks and labels. */
export function nodeTotals(model: SankeyModel): Map<string, { in: number; out: number }> {
  const m = new Map(model.nodes.map((n) => [n.key, { in: 0, out: 0 }]));
  for (const b of model.bands) {
    m.get(b.source)!.out += b.volume;
    m.get(b.target)!.in += b.volume;
  }
  return m;
}

/** The groups (chains or origins) in the order their first band comes. */
export function sankeyGroups(model: SankeyModel): string[] {
  return [...new Set(model.bands.map((b) => b.group))];
}

/**
 * A group's volume as the list shows it: a chain's (every band of a chain carries the same), or an origin's
 * share of what reaches the last column.
 */
export function groupVolume(model: SankeyModel, group: string): number {
  if (model.kind === "trace") return model.bands.find((b) => b.group === group)?.volume ?? 0;
  const lastColumn = Math.max(...model.nodes.map((x) => x.column));
  const end = model.nodes.find((n) => n.column === lastColumn)?.key;
  return model.bands.filter((b) => b.group === group && b.target === end).reduce((a, b) => a + b.volume, 0);
}

/** The places and flows a group's bands run on, for the map's emphasis. */
export function groupOnMap(model: SankeyModel, group: string): { nodes: Set<string>; edges: Set<string> } {
  const bands = model.bands.filter((b) => b.group === group);
  const placeOf = new Map(model.nodes.map((n) => [n.key, n.place]));
  return {
    nodes: new Set(bands.flatMap((b) => [placeOf.get(b.source) ?? b.source, placeOf.get(b.target) ?? b.target])),
    edges: new Set(bands.flatMap((b) => b.edges)),
  };
}
