/**
 * Burt's structural holes (Burt 1992) over symmetric mutual weights in CSR
 * form — constraint, effective size and efficiency, as NetworkX
 * `structuralholes.py` defines them — for one person or everyone: the one
 * engine of `personBrokerage`, `networkBrokerage`, `personHealth` and `networkHealth`.
 *
 * @module
 * @internal
 */
import { compareKeys } from '../core/graph.js';
import { LINK_AB, LINK_BA, LINK_UNDIRECTED, otherEnd, type InteractionIndex } from '../core/interaction-index.js';

/** One neighbour's share of a person's constraint. */
export interface ConstraintContribution {
  /** The neighbour. */
  person: string;
  /** (pᵢⱼ + Σ_q pᵢq p_qj)²: how much this tie constrains. */
  constraint: number;
  /** pᵢⱼ: the share of the person's ties invested in this one. */
  investment: number;
}

/** The result of `personBrokerage`. */
export interface PersonBrokerage {
  /** The person. */
  person: string;
  /** Burt's constraint Cᵢ = Σⱼ (pᵢⱼ + Σ_q pᵢq p_qj)²: high when the contacts are all tied to each other (no holes); `null` without neighbours. */
  constraint: number | null;
  /** Burt's effective size: the number of non-redundant contacts; `null` without neighbours. */
  effectiveSize: number | null;
  /** Effective size / number of contacts ∈ (0, 1]; `null` without neighbours. */
  efficiency: number | null;
  /** Number of distinct neighbours (in or out). */
  degree: number;
  /** Each neighbour's part of the constraint, largest first (ties by key). */
  contributions: ConstraintContribution[];
}

/** Symmetric mutual weights mᵢⱼ = aᵢⱼ + aⱼᵢ in CSR form (self-loops left out). */
export interface Mutual {
  keys: string[];
  id: Map<string, number>;
  offset: Int32Array;
  nbr: Int32Array;
  w: Float64Array;
  /** Σⱼ mᵢⱼ and maxⱼ mᵢⱼ. */
  sum: Float64Array;
  max: Float64Array;
  unweightedUndirected: boolean;
}

/** The result of `networkBrokerage`: each person's measures, in key order. */
export type NetworkBrokerage = Record<
  string,
  { constraint: number | null; effectiveSize: number | null; efficiency: number | null; degree: number }
>;

/** mᵢⱼ = aᵢⱼ + aⱼᵢ of a dyad's links: one unit per direction with an edge, an undirected edge both ways. */
function mutualWeight(links: number): number {
  return links & LINK_UNDIRECTED ? 2 : ((links & LINK_AB) !== 0 ? 1 : 0) + ((links & LINK_BA) !== 0 ? 1 : 0);
}

/**
 * Mutual weights of the relationship graph held by an interaction index: one
 * unit per direction that has an edge (an undirected edge counts both ways),
 * parallel edges once. Rows come out sorted, since each node's dyads are.
 */
export function mutualFromIndex(index: InteractionIndex): Mutual {
  const n = index.nodes.length;
  const offset = new Int32Array(n + 1);
  const nbr = new Int32Array(index.nodeDyads.length);
  const w = new Float64Array(index.nodeDyads.length);
  const sum = new Float64Array(n);
  const max = new Float64Array(n);
  let anyDirected = false;
  for (let i = 0; i < n; i++) {
    offset[i] = index.nodeDyadOffset[i]!;
    for (let k = index.nodeDyadOffset[i]!; k < index.nodeDyadOffset[i + 1]!; k++) {
      const d = index.nodeDyads[k]!;
      const links = index.links[d]!;
      if (links & (LINK_AB | LINK_BA)) anyDirected = true;
      const m = mutualWeight(links);
      nbr[k] = index.dyadA[d] === i ? index.dyadB[d]! : index.dyadA[d]!;
      w[k] = m;
      sum[i] = sum[i]! + m;
      if (m > max[i]!) max[i] = m;
    }
  }
  offset[n] = index.nodeDyadOffset[n]!;
  const id = new Map<string, number>();
  index.nodes.forEach((k, i) => id.set(k, i));
  return { keys: index.nodes as string[], id, offset, nbr, w, sum, max, unweightedUndirected: !anyDirected };
}

/** Each person's measures over {@link mutualFromIndex}, in key order. */
export function brokerageOfIndex(index: InteractionIndex): NetworkBrokerage {
  const m = mutualFromIndex(index);
  const out: NetworkBrokerage = Object.create(null) as NetworkBrokerage;
  for (let i = 0; i < m.keys.length; i++) {
    const { constraint, effectiveSize, efficiency, degree } = measure(m, i, false);
    out[m.keys[i]!] = { constraint, effectiveSize, efficiency, degree };
  }
  return out;
}

/** Scratch arrays of a Mutual, for {@link measure}: position+1 of each neighbour of the current person, sums per neighbour. */
const scratch = new WeakMap<Mutual, { pos: Int32Array; indirect: Float64Array; redundancy: Float64Array }>();

/**
 * Burt's measures of person i. For each neighbour q it intersects q's row
 * with i's (both sorted) and adds pᵢq·p_qj and pᵢq·m_qj/max_j to every j in
 * both, walking the shorter of the two rows: q's row against a marker array
 * of i's neighbours, or i's row with a binary search in q's (a hub's row is
 * never walked from each of its leaves). So person i costs Σ_q min(d_i, d_q)
 * log d, and a whole network O(m √m log m), never a hub's degree squared. For
 * a fixed j the terms are added in the same order (by q) as the direct
 * formula, so results do not depend on which row was walked.
 */
export function measure(m: Mutual, i: number, withContributions: boolean): Omit<PersonBrokerage, 'person'> {
  const lo = m.offset[i]!;
  const hi = m.offset[i + 1]!;
  const degree = hi - lo;
  if (degree === 0) return { constraint: null, effectiveSize: null, efficiency: null, degree, contributions: [] };
  let buffers = scratch.get(m);
  if (buffers === undefined || buffers.indirect.length < degree) {
    const size = Math.max(degree, buffers?.indirect.length ?? 0, 16);
    buffers = {
      pos: buffers?.pos ?? new Int32Array(m.keys.length),
      indirect: new Float64Array(size),
      redundancy: new Float64Array(size),
    };
    scratch.set(m, buffers);
  }
  const { pos, indirect, redundancy } = buffers;
  for (let a = lo; a < hi; a++) {
    pos[m.nbr[a]!] = a - lo + 1;
    indirect[a - lo] = 0;
    redundancy[a - lo] = 0;
  }
  const sumI = m.sum[i]!;
  let pairs = 0; // ordered pairs of neighbours that are tied (for Borgatti's t)
  const add = (at: number, j: number, e: number, piq: number, sumQ: number): void => {
    if (sumQ !== 0) indirect[at - 1] = indirect[at - 1]! + piq * (m.w[e]! / sumQ);
    if (m.max[j]! !== 0) redundancy[at - 1] = redundancy[at - 1]! + (piq * m.w[e]!) / m.max[j]!;
  };
  for (let b = lo; b < hi; b++) {
    const q = m.nbr[b]!;
    const piq = sumI === 0 ? 0 : m.w[b]! / sumI;
    const sumQ = m.sum[q]!;
    const qlo = m.offset[q]!;
    const qhi = m.offset[q + 1]!;
    if (qhi - qlo <= degree) {
      // q's row is the shorter: look each of its ends up in the marker array.
      for (let e = qlo; e < qhi; e++) {
        const j = m.nbr[e]!;
        const at = pos[j]!;
        if (at === 0 || j === q) continue;
        pairs++;
        if (piq !== 0) add(at, j, e, piq, sumQ);
      }
    } else {
      // i's row is the shorter: find each of i's neighbours in q's row (sorted), from where the last was found.
      let from = qlo;
      for (let a = lo; a < hi; a++) {
        const j = m.nbr[a]!;
        if (j === q) continue;
        let l = from;
        let h = qhi;
        while (l < h) {
          const mid = (l + h) >>> 1;
          if (m.nbr[mid]! < j) l = mid + 1;
          else h = mid;
        }
        from = l;
        if (l === qhi || m.nbr[l] !== j) continue;
        pairs++;
        if (piq !== 0) add(a - lo + 1, j, l, piq, sumQ);
      }
    }
  }
  let constraint = 0;
  let effectiveSize = 0;
  const contributions: ConstraintContribution[] = [];
  for (let a = lo; a < hi; a++) {
    const j = m.nbr[a]!;
    const direct = sumI === 0 ? 0 : m.w[a]! / sumI;
    const local = (direct + indirect[a - lo]!) ** 2;
    constraint += local;
    effectiveSize += 1 - redundancy[a - lo]!;
    if (withContributions) contributions.push({ person: m.keys[j]!, constraint: local, investment: direct });
    pos[j] = 0;
  }
  if (m.unweightedUndirected) {
    // Borgatti's simplification, as NetworkX uses for unweighted undirected graphs: n − 2t/n.
    const t = pairs / 2;
    effectiveSize = degree - (2 * t) / degree;
  }
  contributions.sort((x, y) => y.constraint - x.constraint || compareKeys(x.person, y.person));
  return { constraint, effectiveSize, efficiency: effectiveSize / degree, degree, contributions };
}

/**
 * {@link mutualFromIndex} around one person: the rows of the person and of
 * their neighbours, each cut to the person's neighbours (the only entries
 * {@link measure} can meet), with each row's full sum and maximum. Local ids
 * keep the index's order, so rows stay sorted and every sum is added in the
 * same order as over the whole index: the same measures, at the cost of the
 * person's neighbourhood rather than the network's. `directedGraph`: the
 * graph is not of type undirected (Borgatti's shortcut is for undirected
 * graphs only, as `brokerage` reads it).
 */
export function mutualAround(index: InteractionIndex, self: number, directedGraph: boolean): { m: Mutual; i: number } {
  const around = [self];
  for (let k = index.nodeDyadOffset[self]!; k < index.nodeDyadOffset[self + 1]!; k++) {
    const d = index.nodeDyads[k]!;
    around.push(otherEnd(index, d, self));
  }
  around.sort((x, y) => x - y);
  const local = new Map<number, number>();
  around.forEach((g, l) => local.set(g, l));
  const n = around.length;
  const offset = new Int32Array(n + 1);
  const nbr: number[] = [];
  const w: number[] = [];
  const sum = new Float64Array(n);
  const max = new Float64Array(n);
  let anyDirected = false;
  for (let l = 0; l < n; l++) {
    const g = around[l]!;
    offset[l] = nbr.length;
    for (let k = index.nodeDyadOffset[g]!; k < index.nodeDyadOffset[g + 1]!; k++) {
      const d = index.nodeDyads[k]!;
      const links = index.links[d]!;
      if (links & (LINK_AB | LINK_BA)) anyDirected = true;
      const m = mutualWeight(links);
      sum[l] = sum[l]! + m;
      if (m > max[l]!) max[l] = m;
      const other = local.get(index.dyadA[d] === g ? index.dyadB[d]! : index.dyadA[d]!);
      if (other !== undefined) {
        nbr.push(other);
        w.push(m);
      }
    }
  }
  offset[n] = nbr.length;
  const keys = around.map((g) => index.nodes[g]!);
  const id = new Map<string, number>();
  keys.forEach((k, l) => id.set(k, l));
  const m: Mutual = {
    keys,
    id,
    offset,
    nbr: Int32Array.from(nbr),
    w: Float64Array.from(w),
    sum,
    max,
    unweightedUndirected: !anyDirected && !directedGraph,
  };
  return { m, i: local.get(self)! };
}

/** Burt's measures of node id `self` of an index that holds their ties and their contacts' ties. */
export function brokerageAround(
  index: InteractionIndex,
  self: number,
  directedGraph: boolean,
): { constraint: number | null; effectiveSize: number | null; efficiency: number | null; degree: number } {
  const { m, i } = mutualAround(index, self, directedGraph);
  const { constraint, effectiveSize, efficiency, degree } = measure(m, i, false);
  return { constraint, effectiveSize, efficiency, degree };
}
