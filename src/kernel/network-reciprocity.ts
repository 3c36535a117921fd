/**
 * How reciprocal a whole network is, over its index: NetworkX's overall and
 * per-node reciprocity, Garlaschelli & Loffredo's ρ and the weighted
 * reciprocity of Squartini et al. — the one engine of `networkReciprocity`
 * and `networkHealth`.
 *
 * @module
 * @internal
 */
import { LINK_AB, LINK_BA, LINK_UNDIRECTED, type InteractionIndex } from '../core/interaction-index.js';

/** The result of `networkReciprocity`. */
export interface NetworkReciprocity {
  /** Share of links whose reverse exists: L↔ / L (NetworkX `overall_reciprocity`, self-loops excluded); `null` without links. */
  overall: number | null;
  /**
   * Each person's reciprocity 2·|pred ∩ succ| / (|pred| + |succ|) (NetworkX
   * `reciprocity(G, nodes)`), in key order; `null` for people without links.
   */
  nodes: Record<string, number | null>;
  /** Garlaschelli & Loffredo (2004): ρ = (r − ā) / (1 − ā), ā = L / (N(N − 1)); `null` when undefined. */
  rho: number | null;
  /** Squartini et al. (2013): W↔ / W, W↔ = Σ min(wᵢⱼ, wⱼᵢ), with values decayed if `recencyHalfLife`; `null` when W = 0. */
  weighted: number | null;
  /** Number of directed links L. */
  links: number;
  /** Links whose reverse exists, L↔. */
  reciprocatedLinks: number;
  /** Number of people N (every node of the graph). */
  people: number;
  /** Density of the directed links ā = L / (N(N − 1)), or `null` for N < 2 (`networkHealth`'s `density` is of the relationships). */
  linkDensity: number | null;
  /** Total value W, and its reciprocated part W↔. */
  totalWeight: number;
  reciprocatedWeight: number;
}

/** The network measures over an index: links in [from, to], values decayed from `now` when `halfLife` is a number. */
export function measureReciprocity(
  index: InteractionIndex,
  now: number,
  halfLife: number,
  from: number,
  to: number,
  basis: 'interactions' | 'edges',
): NetworkReciprocity {
  const n = index.nodes.length;
  const succ = new Int32Array(n);
  const pred = new Int32Array(n);
  const both = new Int32Array(n);
  const { eventOffset, time, dir, kind, weight, kindValue, dyadA, dyadB } = index;
  const decay = !Number.isNaN(halfLife);
  // Float64 copies of the tagged parameters: compared with each event's time, the
  // parameters themselves made V8 box values in the loop (tens of MB per call).
  const nowMs = now + 0;
  const fromMs = from + 0;
  const toMs = to + 0;
  const halfLifeMs = halfLife + 0;
  let L = 0;
  let reciprocated = 0;
  let W = 0;
  let Wr = 0;
  for (let d = 0; d < index.dyadCount; d++) {
    let wAB = 0;
    let wBA = 0;
    let nAB = 0;
    let nBA = 0;
    for (let e = eventOffset[d]!; e < eventOffset[d + 1]!; e++) {
      const t = time[e]!;
      if (t < fromMs) continue;
      if (t > toMs) break; // events are sorted by time
      const value = weight === null ? kindValue[kind[e]!]! : kindValue[kind[e]!]! * weight[e]!;
      const v = decay ? value * Math.pow(2, (t - nowMs) / halfLifeMs) : value;
      if (dir[e] === 0) {
        wAB += v;
        nAB++;
      } else {
        wBA += v;
        nBA++;
      }
    }
    let ab: boolean;
    let ba: boolean;
    if (basis === 'edges') {
      const links = index.links[d]!;
      ab = (links & (LINK_AB | LINK_UNDIRECTED)) !== 0;
      ba = (links & (LINK_BA | LINK_UNDIRECTED)) !== 0;
      if (nAB + nBA === 0) {
        wAB = ab ? 1 : 0;
        wBA = ba ? 1 : 0;
      }
    } else {
      ab = nAB > 0;
      ba = nBA > 0;
    }
    const a = dyadA[d]!;
    const b = dyadB[d]!;
    if (ab) {
      L++;
      succ[a]!++;
      pred[b]!++;
    }
    if (ba) {
      L++;
      succ[b]!++;
      pred[a]!++;
    }
    if (ab && ba) {
      reciprocated += 2;
      both[a]!++;
      both[b]!++;
    }
    W += wAB + wBA;
    Wr += 2 * Math.min(wAB, wBA);
  }
  // A record with no prototype: plain JSON, and a person keyed `__proto__` is an ordinary entry.
  const nodes: Record<string, number | null> = Object.create(null) as Record<string, number | null>;
  for (let i = 0; i < n; i++) {
    const total = succ[i]! + pred[i]!;
    nodes[index.nodes[i]!] = total === 0 ? null : (2 * both[i]!) / total;
  }
  const N = n;
  const density = N >= 2 ? L / (N * (N - 1)) : null;
  const overall = L > 0 ? reciprocated / L : null;
  const rho = overall !== null && density !== null && density < 1 ? (overall - density) / (1 - density) : null;
  return {
    overall,
    nodes,
    rho,
    weighted: W > 0 ? Wr / W : null,
    links: L,
    reciprocatedLinks: reciprocated,
    people: N,
    linkDensity: density,
    totalWeight: W,
    reciprocatedWeight: Wr,
  };
}
