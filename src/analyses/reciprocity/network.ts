/**
 * `networkReciprocity`: how reciprocal a whole network is — NetworkX's
 * overall and per-node reciprocity, Garlaschelli & Loffredo's ρ and the
 * weighted reciprocity of Squartini et al. — with decay and time windows.
 *
 * @module
 */
import { readObject, readOneOf } from '../../core/args.js';
import { InvalidOptionError } from '../../core/errors.js';
import { assertGraph, checkAttribute, type PeopleGraph } from '../../core/graph.js';
import { LINK_AB, LINK_BA, LINK_UNDIRECTED, type InteractionIndex } from '../../core/interaction-index.js';
import { assertGraphBacked, isPreparedNetwork, readNetwork, type PreparedNetwork } from '../../core/prepared.js';
import { parseTimeOption, type TimeInput } from '../../core/time.js';
import { readOptions, type ReciprocityOptions } from './dyad.js';

/** Options of {@link networkReciprocity}. */
export interface NetworkReciprocityOptions extends Omit<ReciprocityOptions, 'now'> {
  /** Interactions after `now` are left out; needed for `recencyHalfLife`. Default: every interaction counts. */
  now?: TimeInput;
  /** Count only interactions in this window (inclusive). */
  window?: { from?: TimeInput; to?: TimeInput };
  /**
   * What makes a directed link i→j: `'interactions'` (default) — i initiated at
   * least one interaction toward j (in the window); `'edges'` — the graph has an
   * edge i→j (an undirected edge counts both ways), for graphs without
   * interaction histories such as trust networks.
   */
  links?: 'interactions' | 'edges';
}

/** The result of {@link networkReciprocity}. */
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

/** Options of `networkReciprocity.assign` (see {@link networkReciprocity}). */
export interface AssignReciprocityOptions extends NetworkReciprocityOptions {
  /** The node attribute to write each person's reciprocity to (`null` for people without links). Default `'reciprocity'`. */
  attribute?: string;
}

function windowOf(options: NetworkReciprocityOptions, now: number, module: string): [number, number] {
  const w = options.window;
  if (w === undefined) return [-Infinity, now];
  readObject(module, 'window', w, "{ from: '2024-01-01' }");
  const from = w.from === undefined ? -Infinity : parseTimeOption(w.from, 'window.from', module);
  const to = Math.min(now, w.to === undefined ? Infinity : parseTimeOption(w.to, 'window.to', module));
  if (from > to) {
    throw new InvalidOptionError(
      `${module}: the window starts (${new Date(from).toISOString()}) after it ends (${Number.isFinite(to) ? new Date(to).toISOString() : 'now'}).`,
      { field: 'window' },
    );
  }
  return [from, to];
}

function compute(
  graph: unknown,
  options: NetworkReciprocityOptions,
  module: string,
): { graph: PeopleGraph; index: InteractionIndex; result: NetworkReciprocity } {
  if (!isPreparedNetwork(graph)) assertGraph(graph, module);
  const { now, halfLife } = readOptions(options ?? {}, module, false);
  const basis = readOneOf(module, 'links', options?.links ?? 'interactions', ['interactions', 'edges']);
  const [from, to] = windowOf(options ?? {}, now, module);
  const { graph: g, index } = readNetwork(graph, options ?? {}, module);
  return { graph: g, index, result: measureReciprocity(index, now, halfLife, from, to, basis) };
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

function reciprocityOf(
  graph: PeopleGraph | PreparedNetwork,
  options: NetworkReciprocityOptions = {},
): NetworkReciprocity {
  return compute(graph, options, 'networkReciprocity').result;
}

function assignReciprocity(graph: PeopleGraph | PreparedNetwork, options: AssignReciprocityOptions = {}): void {
  const module = 'networkReciprocity.assign';
  assertGraphBacked(graph, module);
  const attribute = checkAttribute(options, 'reciprocity', module);
  const { graph: g, result } = compute(graph, options, module);
  for (const [node, r] of Object.entries(result.nodes)) g.setNodeAttribute(node, attribute, r);
}

/**
 * How reciprocal the whole network is: `overall` (share of links whose reverse
 * exists, NetworkX `overall_reciprocity` but with self-loops excluded — NetworkX
 * counts a self-loop as a reciprocated link), per-person `nodes` (NetworkX
 * `reciprocity`, `null` rather than an error for people without links), `rho`
 * (Garlaschelli & Loffredo 2004: reciprocity corrected for density, 0 = as
 * random, > 0 reciprocal, < 0 anti-reciprocal) and `weighted` (Squartini et
 * al. 2013: the share of exchanged value that is matched by value coming back).
 * With `recencyHalfLife`, values are decayed from `now`; with `window`, only
 * interactions in it count. `networkReciprocity.assign` writes each person's
 * value to a node attribute (the one mutating variant).
 *
 * @function
 * @see [Reciprocity](../../../docs/guides/reciprocity.md), the guide.
 *
 * @example
 * ```ts
 * const { overall, rho, weighted, nodes } = networkReciprocity(graph);
 * nodes['ann']; // 0.8
 * networkReciprocity(graph, { now: '2024-06-30', window: { from: '2024-01-01' } });
 * networkReciprocity.assign(graph, { attribute: 'reciprocity' });
 * ```
 */
export const networkReciprocity = /* @__PURE__ */ Object.assign(reciprocityOf, { assign: assignReciprocity });
