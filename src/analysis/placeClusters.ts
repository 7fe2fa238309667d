// Hierarchical clustering of places by where they are drawn, as flowmap.blue and supercluster do it: at
// level k, places within radius·2^k of a seed merge into one cluster at the weighted centroid. Levels are
// built from the finest up, each from the clusters of the level below, so clusters nest: zooming in only
// ever splits a cluster, never moves a place to another one. Pure; positions in any unit.

export interface ClusterPoint {
  id: string;
  x: number;
  y: number;
  /** Weight of the place (its volume); the centroid is weighted by it, the heaviest seeds first. */
  weight: number;
}

export interface PlaceCluster {
  /** The heaviest member's id for a cluster of one place; "cluster:" + that id for a merged cluster. */
  id: string;
  x: number;
  y: number;
  weight: number;
  /** Place ids, heaviest first (ties by id). */
  members: string[];
}

export interface ClusterLevel {
  /** Level k: places within `radius` of a seed merge. */
  level: number;
  radius: number;
  clusters: PlaceCluster[];
  /** Place id → the cluster holding it. */
  clusterOf: Map<string, PlaceCluster>;
}

export interface ClusterHierarchy {
  /** Radius of level 0 (each level up doubles it). */
  baseRadius: number;
  /** Lowest and highest level built. */
  minLevel: number;
  maxLevel: number;
  levels: Map<number, ClusterLevel>;
}

export const CLUSTER_PREFIX = "cluster:";

/** Radius of level k. */
export const levelRadius = (baseRadius: number, level: number): number => baseRadius * 2 ** level;

const byWeight = (a: { weight: number; id: string }, b: { weight: number; id: string }) =>
  b.weight - a.weight || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * One level from the clusters of the level below: heaviest first, each unassigned cluster seeds a new one
 * and takes every unassigned cluster whose centre is within `radius` of its own centre.
 */
export function mergeLevel(
  below: readonly PlaceCluster[],
  radius: number,
  level: number,
  weightOf: ReadonlyMap<string, number>,
): ClusterLevel {
  // The level below is usually in weight order already (nothing merged there): sorting is skipped then.
  const order = isSorted(below) ? below : [...below].sort(byWeight);
  // A grid of cells `radius` wide: the clusters within radius of a point are in its cell or the 8 around it.
  // Cells are keyed by one number (thousands of places × 15 levels × 9 cells: no key strings).
  const cell = (v: number) => Math.floor(v / radius);
  const grid = new Map<number | string, number[]>();
  order.forEach((c, i) => {
    const key = cellKey(cell(c.x), cell(c.y));
    const list = grid.get(key);
    if (list) list.push(i);
    else grid.set(key, [i]);
  });
  const taken = new Uint8Array(order.length);
  const clusters: PlaceCluster[] = [];
  const clusterOf = new Map<string, PlaceCluster>();
  const r2 = radius * radius;
  const near: number[] = [];
  const rank = rankOf(weightOf);
  for (let i = 0; i < order.length; i++) {
    if (taken[i]) continue;
    taken[i] = 1;
    const seed = order[i]!;
    const cx = cell(seed.x),
      cy = cell(seed.y);
    near.length = 0;
    for (let gx = cx - 1; gx <= cx + 1; gx++)
      for (let gy = cy - 1; gy <= cy + 1; gy++) {
        const list = grid.get(cellKey(gx, gy));
        if (list) for (const j of list) if (!taken[j]) near.push(j);
      }
    let merged = seed;
    if (near.length) {
      near.sort((a, b) => a - b);
      const group = [seed];
      for (const j of near) {
        const c = order[j]!;
        const dx = c.x - seed.x,
          dy = c.y - seed.y;
        if (dx * dx + dy * dy <= r2) {
          taken[j] = 1;
          group.push(c);
        }
      }
      if (group.length > 1) merged = mergeGroup(group, weightOf, rank);
    }
    clusters.push(merged);
    for (const m of merged.members) clusterOf.set(m, merged);
  }
  return { level, radius, clusters, clusterOf };
}

/** Whether the clusters are in seed order (heaviest first, ties by id). */
function isSorted(clusters: readonly PlaceCluster[]): boolean {
  for (let i = 1; i < clusters.length; i++) if (byWeight(clusters[i - 1]!, clusters[i]!) > 0) return false;
  return true;
}

/** One number for a cell while its indexes are small enough to pack (always, for positions on a map); else text. */
function cellKey(x: number, y: number): number | string {
  const HALF = 2 ** 25;
  return x > -HALF && x < HALF && y > -HALF && y < HALF ? (x + HALF) * 2 ** 26 + (y + HALF) : `${x},${y}`;
}

/** Each place's position in weight order (heaviest first, ties by id), worked out once per weights. */
const ranks = new WeakMap<ReadonlyMap<string, number>, Map<string, number>>();
function rankOf(weightOf: ReadonlyMap<string, number>): Map<string, number> {
  let rank = ranks.get(weightOf);
  if (!rank) {
    const ids = [...weightOf.keys()].sort((a, b) => byWeight({ id: a, weight: weightOf.get(a)! }, { id: b, weight: weightOf.get(b)! }));
    rank = new Map(ids.map((id, i) => [id, i]));
    ranks.set(weightOf, rank);
  }
  return rank;
}

/** Clusters merged into one: weighted centroid (plain mean when nothing weighs), members heaviest first. */
function mergeGroup(
  group: readonly PlaceCluster[],
  weightOf: ReadonlyMap<string, number>,
  rank: ReadonlyMap<string, number>,
): PlaceCluster {
  let weight = 0;
  let wx = 0,
    wy = 0,
    mx = 0,
    my = 0;
  for (const c of group) {
    const w = Math.max(0, c.weight);
    weight += w;
    wx += c.x * w;
    wy += c.y * w;
    mx += c.x * c.members.length;
    my += c.y * c.members.length;
  }
  const members = group.flatMap((c) => c.members);
  if (members.every((m) => rank.has(m))) members.sort((a, b) => rank.get(a)! - rank.get(b)!);
  else members.sort((a, b) => byWeight({ id: a, weight: weightOf.get(a) ?? 0 }, { id: b, weight: weightOf.get(b) ?? 0 }));
  const x = weight > 0 ? wx / weight : mx / members.length;
  const y = weight > 0 ? wy / weight : my / members.length;
  return { id: CLUSTER_PREFIX + members[0]!, x, y, weight, members };
}

/** Every level from `minLevel` (finest) up to `maxLevel`, each built from the one below. */
export function clusterHierarchy(
  points: readonly ClusterPoint[],
  baseRadius: number,
  minLevel: number,
  maxLevel: number,
): ClusterHierarchy {
  const weightOf = new Map(points.map((p) => [p.id, p.weight]));
  let current: PlaceCluster[] = points.map((p) => ({ id: p.id, x: p.x, y: p.y, weight: p.weight, members: [p.id] }));
  const levels = new Map<number, ClusterLevel>();
  for (let k = minLevel; k <= maxLevel; k++) {
    const built = mergeLevel(current, levelRadius(baseRadius, k), k, weightOf);
    levels.set(k, built);
    current = built.clusters;
  }
  return { baseRadius, minLevel, maxLevel, levels };
}

/**
 * How many levels below `level` a cluster first splits (its zoom-in factor is 2^that), or null when it
 * never does within the hierarchy (places at the same position).
 */
export function levelsToExpand(hierarchy: ClusterHierarchy, level: number, cluster: PlaceCluster): number | null {
  const anchor = cluster.members[0];
  if (anchor === undefined || cluster.members.length < 2) return null;
  for (let k = level - 1; k >= hierarchy.minLevel; k--) {
    const holding = hierarchy.levels.get(k)?.clusterOf.get(anchor);
    if (!holding || holding.members.length < cluster.members.length) return level - k;
  }
  return null;
}
