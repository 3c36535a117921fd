/**
 * Hop-limited shortest paths on a CSR graph with non-negative arc costs, with
 * a total order on paths — cost, then fewer hops, then the node ids of the
 * path compared from the source (so ties are broken by key order) — as
 * needed for deterministic k-best paths.
 *
 * Label-setting over states (node, hops): a state's label is final when it
 * is popped, because the heap pops by (cost, hops, path) and every path to
 * (v, h) extends a path to some (u, h − 1) with no larger cost and fewer hops
 * (Dijkstra 1959, on the hop-expanded graph). A state (u, h) is not expanded
 * when u was already expanded with fewer hops (it popped earlier, so at no
 * larger cost): that keeps the search close to plain Dijkstra when the hop
 * limit is loose.
 *
 * @module
 * @internal
 */

/** Adjacency in CSR form: arcs of node u are `offset[u] .. offset[u + 1]`. */
export interface Csr {
  readonly n: number;
  readonly offset: Int32Array;
  readonly target: Int32Array;
  /** −ln p of each arc. */
  readonly cost: Float64Array;
  /** p of each arc. */
  readonly probability: Float64Array;
}

/** What a search may not use. */
export interface Blocked {
  /** Nodes that may not be visited (1 = blocked). */
  node: Uint8Array;
  /** Arcs that may not be used (their indices). */
  arcs: Set<number>;
}

/** A found path: node ids and its cost. */
export interface Path {
  nodes: number[];
  cost: number;
}

/** Compares two paths by (cost, hops, node ids from the start). */
export function comparePaths(a: Path, b: Path): number {
  if (a.cost !== b.cost) return a.cost < b.cost ? -1 : 1;
  if (a.nodes.length !== b.nodes.length) return a.nodes.length - b.nodes.length;
  for (let i = 0; i < a.nodes.length; i++) if (a.nodes[i] !== b.nodes[i]) return a.nodes[i]! - b.nodes[i]!;
  return 0;
}

/** Reusable buffers of a searcher over one CSR. */
export class HopSearch {
  private readonly H1: number;
  private dist: Float64Array;
  private parent: Int32Array; // parent state, −1 for the source, −2 unset
  private done: Uint8Array;
  private touched: number[] = [];
  /** Fewest hops with which each node has been settled (expanded), for dominance pruning. */
  private settledHops: Int32Array;
  private touchedNodes: number[] = [];
  // Heap of entries: state, cost, parent state at push time.
  private heapState: Int32Array = new Int32Array(1024);
  private heapCost: Float64Array = new Float64Array(1024);
  private heapParent: Int32Array = new Int32Array(1024);
  private size = 0;

  constructor(
    private readonly g: Csr,
    readonly maxHops: number,
  ) {
    this.H1 = maxHops + 1;
    this.dist = new Float64Array(g.n * this.H1).fill(Infinity);
    this.parent = new Int32Array(g.n * this.H1).fill(-2);
    this.done = new Uint8Array(g.n * this.H1);
    this.settledHops = new Int32Array(g.n).fill(0x7fffffff);
  }

  /** Node ids of the path ending in state `s` (from the source). */
  private pathOf(s: number): number[] {
    const out: number[] = [];
    for (let x = s; x >= 0; x = this.parent[x]!) out.push(Math.floor(x / this.H1));
    return out.reverse();
  }

  /** Whether entry (cost c, state s via parent p) comes before entry (c2, s2 via p2). */
  private less(c: number, s: number, p: number, c2: number, s2: number, p2: number): boolean {
    if (c !== c2) return c < c2;
    const h = s % this.H1;
    const h2 = s2 % this.H1;
    if (h !== h2) return h < h2;
    // Same cost and hops, so paths of the same length: walk both parent chains
    // back in step; the difference closest to the source decides.
    let x = s;
    let y = s2;
    let px = p;
    let py = p2;
    let decision = false;
    for (;;) {
      const nx = Math.floor(x / this.H1);
      const ny = Math.floor(y / this.H1);
      if (nx !== ny) decision = nx < ny;
      if (px < 0 || py < 0) break;
      x = px;
      y = py;
      px = this.parent[x]!;
      py = this.parent[y]!;
    }
    return decision;
  }

  private push(s: number, c: number, p: number): void {
    if (this.size === this.heapState.length) {
      const grow = <T extends Int32Array | Float64Array>(x: T, y: T): T => {
        y.set(x);
        return y;
      };
      this.heapState = grow(this.heapState, new Int32Array(this.size * 2));
      this.heapCost = grow(this.heapCost, new Float64Array(this.size * 2));
      this.heapParent = grow(this.heapParent, new Int32Array(this.size * 2));
    }
    let i = this.size++;
    const hs = this.heapState;
    const hc = this.heapCost;
    const hp = this.heapParent;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (!this.less(c, s, p, hc[up]!, hs[up]!, hp[up]!)) break;
      hs[i] = hs[up]!;
      hc[i] = hc[up]!;
      hp[i] = hp[up]!;
      i = up;
    }
    hs[i] = s;
    hc[i] = c;
    hp[i] = p;
  }

  private pop(): void {
    const hs = this.heapState;
    const hc = this.heapCost;
    const hp = this.heapParent;
    const last = --this.size;
    const s = hs[last]!;
    const c = hc[last]!;
    const p = hp[last]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && this.less(hc[child + 1]!, hs[child + 1]!, hp[child + 1]!, hc[child]!, hs[child]!, hp[child]!)) child++;
      if (!this.less(hc[child]!, hs[child]!, hp[child]!, c, s, p)) break;
      hs[i] = hs[child]!;
      hc[i] = hc[child]!;
      hp[i] = hp[child]!;
      i = child;
    }
    hs[i] = s;
    hc[i] = c;
    hp[i] = p;
  }

  private reset(): void {
    for (const s of this.touched) {
      this.dist[s] = Infinity;
      this.parent[s] = -2;
      this.done[s] = 0;
    }
    this.touched.length = 0;
    for (const v of this.touchedNodes) this.settledHops[v] = 0x7fffffff;
    this.touchedNodes.length = 0;
    this.size = 0;
  }

  /**
   * The best path from `source` to any node with `isTarget[node] = 1`, with at
   * most `hops` arcs, avoiding `blocked`; `hopPenalty` is added per arc.
   * Targets are terminal (a path does not pass through one). Null if none.
   * `startCost` is added to every label (a root path's cost, for Yen).
   */
  search(source: number, isTarget: Uint8Array, hops: number, hopPenalty: number, blocked: Blocked | null): Path | null {
    this.reset();
    const H1 = this.H1;
    const { offset, target, cost } = this.g;
    const start = source * H1;
    this.dist[start] = 0;
    this.parent[start] = -1;
    this.touched.push(start);
    this.push(start, 0, -1);
    while (this.size > 0) {
      const s = this.heapState[0]!;
      const c = this.heapCost[0]!;
      const p = this.heapParent[0]!;
      this.pop();
      if (this.done[s] || c !== this.dist[s] || p !== this.parent[s]) continue; // stale entry
      this.done[s] = 1;
      const u = Math.floor(s / H1);
      const h = s - u * H1;
      if (u !== source && isTarget[u]) return { nodes: this.pathOf(s), cost: c };
      if (h >= hops) continue;
      // Dominance: a state of u settled earlier had no larger cost and fewer hops, so any
      // continuation from here is available from there, with more hops to spare.
      if (this.settledHops[u]! <= h) continue;
      if (this.settledHops[u] === 0x7fffffff) this.touchedNodes.push(u);
      this.settledHops[u] = h;
      for (let e = offset[u]!; e < offset[u + 1]!; e++) {
        const v = target[e]!;
        if (blocked !== null && (blocked.node[v] || blocked.arcs.has(e))) continue;
        if (v === source || this.settledHops[v]! <= h + 1) continue; // v already expanded with no more hops
        const t = v * H1 + h + 1;
        if (this.done[t]) continue;
        const nc = c + cost[e]! + hopPenalty;
        const old = this.dist[t]!;
        if (nc < old || (nc === old && this.less(nc, t, s, old, t, this.parent[t]!))) {
          if (old === Infinity) this.touched.push(t);
          this.dist[t] = nc;
          this.parent[t] = s;
          this.push(t, nc, s);
        }
      }
    }
    return null;
  }
}
