// Linear propagation of volumes through well-mixed pools (docs/methods.md, "Proportional tracing";
// Bialek 1996): solves X_u = S_u + Σ_{h ∈ deps(u)} c_h · X_{other(h)} for K columns at once.
// Forward (origin mix): deps = in-hops, c = F_ij / T_i, so X = (I − Wᵀ)⁻¹ S.
// Backward (one place's column of N): deps = out-hops, c = F_ij / T_i, so X = (I − W)⁻¹ S.
//
// Why our own Tarjan on typed arrays rather than graphology-dag's hasCycle + topologicalSort:
// one O(V+E) pass gives the order of strongly connected components, so an acyclic year (the usual
// case) is a single linear pass and a cycle (KZ⇄KG) is solved only inside its component, not as
// one global iteration; graphology-dag's sort throws on any cycle and works on string keys.

export interface PropagateOptions {
  /** Gauss-Seidel stops when no entry moves by more than tolerance × the node's scale. */
  tolerance: number;
  maxIterations: number;
  /** Components up to this size are solved exactly (dense Gaussian elimination), larger ones iteratively. */
  denseLimit: number;
  signal?: AbortSignal | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
}

export interface PropagateInput {
  n: number;
  /** CSR of dependencies: for node u, hops depHop[depStart[u] .. depStart[u+1]). */
  depStart: Int32Array;
  depHop: Int32Array;
  /** The node at the other end of each hop (the one u depends on). */
  other: Int32Array;
  /** Coefficient of each hop (0 drops it). */
  coef: Float64Array;
  /** n × K, row-major. */
  S: Float64Array;
  K: number;
  /** Per-node scale for the convergence test (e.g. throughput); 1 where 0. */
  scale: Float64Array;
}

export interface PropagateResult {
  X: Float64Array;
  /** True when some component had a cycle. */
  cyclic: boolean;
  /** Largest number of Gauss-Seidel sweeps used by one component (0 when none was iterated). */
  iterations: number;
  converged: boolean;
}

function abortError(): Error {
  return typeof DOMException === "function"
    ? new DOMException("analysis/propagate: aborted", "AbortError")
    : Object.assign(new Error("analysis/propagate: aborted"), { name: "AbortError" });
}

/** Strongly connected components of the dependency graph, dependencies first (Tarjan, iterative). */
export function componentsInDependencyOrder(
  n: number,
  depStart: Int32Array,
  depHop: Int32Array,
  other: Int32Array,
  coef: Float64Array,
): { order: Int32Array; compStart: Int32Array; count: number } {
  const idx = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  let sp = 0;
  const callNode = new Int32Array(n);
  const callPos = new Int32Array(n);
  const order = new Int32Array(n);
  let written = 0;
  const compStarts: number[] = [0];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (idx[root] !== -1) continue;
    let depth = 0;
    callNode[0] = root;
    callPos[0] = depStart[root]!;
    idx[root] = low[root] = counter++;
    stack[sp++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const u = callNode[depth]!;
      const p = callPos[depth]!;
      if (p < depStart[u + 1]!) {
        callPos[depth] = p + 1;
        const h = depHop[p]!;
        if (coef[h] === 0) continue;
        const w = other[h]!;
        if (idx[w] === -1) {
          idx[w] = low[w] = counter++;
          stack[sp++] = w;
          onStack[w] = 1;
          depth++;
          callNode[depth] = w;
          callPos[depth] = depStart[w]!;
        } else if (onStack[w] && idx[w]! < low[u]!) low[u] = idx[w]!;
      } else {
        if (low[u] === idx[u]) {
          let w: number;
          do {
            w = stack[--sp]!;
            onStack[w] = 0;
            order[written++] = w;
          } while (w !== u);
          compStarts.push(written);
        }
        depth--;
        if (depth >= 0) {
          const parent = callNode[depth]!;
          if (low[u]! < low[parent]!) low[parent] = low[u]!;
        }
      }
    }
  }
  return { order, compStart: Int32Array.from(compStarts), count: compStarts.length - 1 };
}

export function propagate(input: PropagateInput, options: PropagateOptions): PropagateResult {
  const { n, depStart, depHop, other, coef, S, K } = input;
  const X = new Float64Array(S);
  const { order, compStart, count } = componentsInDependencyOrder(n, depStart, depHop, other, coef);
  const member = new Int32Array(n).fill(-1);
  let cyclic = false;
  let iterations = 0;
  let converged = true;
  const progressEvery = Math.max(1, Math.floor(n / 100));
  let nextProgress = progressEvery;
  for (let c = 0; c < count; c++) {
    const s = compStart[c]!;
    const e = compStart[c + 1]!;
    if (e - s === 1) {
      // Acyclic step: every dependency is final already.
      const u = order[s]!;
      const row = u * K;
      for (let p = depStart[u]!; p < depStart[u + 1]!; p++) {
        const h = depHop[p]!;
        const a = coef[h]!;
        if (a === 0) continue;
        const o = other[h]! * K;
        for (let k = 0; k < K; k++) X[row + k] = X[row + k]! + a * X[o + k]!;
      }
    } else {
      cyclic = true;
      const nodes = order.subarray(s, e);
      for (let t = 0; t < nodes.length; t++) member[nodes[t]!] = t;
      const r = e - s <= options.denseLimit ? solveDense(input, X, nodes, member) : solveIterative(input, X, nodes, member, options);
      iterations = Math.max(iterations, r.iterations);
      converged &&= r.converged;
      for (let t = 0; t < nodes.length; t++) member[nodes[t]!] = -1;
    }
    if (e >= nextProgress || c === count - 1) {
      if (options.signal?.aborted) throw abortError();
      options.onProgress?.(e, n);
      nextProgress = e + progressEvery;
    }
  }
  return { X, cyclic, iterations, converged };
}

/** Inside one component: (I − A) X_C = S_C + Σ outside deps, by Gaussian elimination with partial pivoting. */
function solveDense(input: PropagateInput, X: Float64Array, nodes: Int32Array, member: Int32Array) {
  const { depStart, depHop, other, coef, K } = input;
  const m = nodes.length;
  const A = new Float64Array(m * m);
  const B = new Float64Array(m * K);
  for (let t = 0; t < m; t++) {
    const u = nodes[t]!;
    A[t * m + t] = 1;
    for (let k = 0; k < K; k++) B[t * K + k] = X[u * K + k]!;
    for (let p = depStart[u]!; p < depStart[u + 1]!; p++) {
      const h = depHop[p]!;
      const a = coef[h]!;
      if (a === 0) continue;
      const w = other[h]!;
      const tw = member[w]!;
      if (tw >= 0) A[t * m + tw] = A[t * m + tw]! - a;
      else for (let k = 0; k < K; k++) B[t * K + k] = B[t * K + k]! + a * X[w * K + k]!;
    }
  }
  for (let col = 0; col < m; col++) {
    let piv = col;
    for (let row = col + 1; row < m; row++) if (Math.abs(A[row * m + col]!) > Math.abs(A[piv * m + col]!)) piv = row;
    if (Math.abs(A[piv * m + col]!) < 1e-14) continue; // closed circulation: nothing enters it, leave 0
    if (piv !== col) {
      for (let j = 0; j < m; j++) [A[col * m + j], A[piv * m + j]] = [A[piv * m + j]!, A[col * m + j]!];
      for (let k = 0; k < K; k++) [B[col * K + k], B[piv * K + k]] = [B[piv * K + k]!, B[col * K + k]!];
    }
    const inv = 1 / A[col * m + col]!;
    for (let row = 0; row < m; row++) {
      if (row === col) continue;
      const f = A[row * m + col]! * inv;
      if (f === 0) continue;
      for (let j = col; j < m; j++) A[row * m + j] = A[row * m + j]! - f * A[col * m + j]!;
      for (let k = 0; k < K; k++) B[row * K + k] = B[row * K + k]! - f * B[col * K + k]!;
    }
  }
  for (let t = 0; t < m; t++) {
    const piv = A[t * m + t]!;
    const u = nodes[t]!;
    for (let k = 0; k < K; k++) X[u * K + k] = Math.abs(piv) < 1e-14 ? 0 : Math.max(0, B[t * K + k]! / piv);
  }
  return { iterations: 0, converged: true };
}

/** Inside one large component: Gauss-Seidel sweeps to tolerance (the matrix is an M-matrix, so it converges). */
function solveIterative(input: PropagateInput, X: Float64Array, nodes: Int32Array, member: Int32Array, options: PropagateOptions) {
  const { depStart, depHop, other, coef, K, scale } = input;
  const m = nodes.length;
  // Fixed part: the sources plus everything arriving from outside the component.
  const base = new Float64Array(m * K);
  for (let t = 0; t < m; t++) {
    const u = nodes[t]!;
    for (let k = 0; k < K; k++) base[t * K + k] = X[u * K + k]!;
    for (let p = depStart[u]!; p < depStart[u + 1]!; p++) {
      const h = depHop[p]!;
      const w = other[h]!;
      if (coef[h] !== 0 && member[w]! < 0) for (let k = 0; k < K; k++) base[t * K + k] = base[t * K + k]! + coef[h]! * X[w * K + k]!;
    }
  }
  const next = new Float64Array(K);
  for (let it = 1; it <= options.maxIterations; it++) {
    let worst = 0;
    for (let t = 0; t < m; t++) {
      const u = nodes[t]!;
      for (let k = 0; k < K; k++) next[k] = base[t * K + k]!;
      for (let p = depStart[u]!; p < depStart[u + 1]!; p++) {
        const h = depHop[p]!;
        const w = other[h]!;
        if (coef[h] !== 0 && member[w]! >= 0) for (let k = 0; k < K; k++) next[k] = next[k]! + coef[h]! * X[w * K + k]!;
      }
      const sc = scale[u]! > 0 ? scale[u]! : 1;
      for (let k = 0; k < K; k++) {
        const delta = Math.abs(next[k]! - X[u * K + k]!) / sc;
        if (delta > worst) worst = delta;
        X[u * K + k] = next[k]!;
      }
    }
    if (worst <= options.tolerance) return { iterations: it, converged: true };
    if (options.signal?.aborted) throw abortError();
  }
  return { iterations: options.maxIterations, converged: false };
}
