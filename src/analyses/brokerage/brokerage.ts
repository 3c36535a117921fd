/**
 * `personBrokerage` and `networkBrokerage`: Burt's structural holes — constraint,
 * effective size and efficiency — as NetworkX `structuralholes.py` defines
 * them, for directed and undirected, weighted and unweighted graphs.
 *
 * @module
 */
import type { Attributes } from 'graphology-types';
import { InvalidOptionError, describeValue, quoteKey, optionError } from '../../core/errors.js';
import {
  assertGraph,
  checkAttribute,
  compareKeys,
  nodeKey,
  ownAttribute,
  forEachEdgeOf,
  forEachEdgeOfSet,
  type PeopleGraph,
} from '../../core/graph.js';
import { buildCsr } from '../../core/csr.js';
import {
  LINK_AB,
  LINK_BA,
  LINK_UNDIRECTED,
  buildIndex,
  compareFaults,
  findDyad,
  type InteractionIndex,
} from '../../core/interaction-index.js';
import { parseTimeOption, type TimeInput } from '../../core/time.js';
import type { GraphReadOptions } from '../../core/types.js';
import { computeDyadStrengths } from '../../kernel/assess.js';
import { resolveModel, type RelationshipModelOptions } from '../../kernel/options.js';

/** The largest edge weight `getEdgeWeight` may give: 1e12, so that sums of weights stay finite. */
const MAX_EDGE_WEIGHT = 1e12;

/** Reads an edge's weight, graphology style. */
export type EdgeWeightGetter = (
  edge: string,
  attributes: Attributes,
  source: string,
  target: string,
  undirected: boolean,
) => number;

/** Options of {@link personBrokerage} and {@link networkBrokerage}. */
export interface BrokerageOptions extends GraphReadOptions, RelationshipModelOptions {
  /**
   * Tie weights: an edge attribute name or a getter (graphology's
   * `getEdgeWeight`), or `null` for unweighted (every edge 1; the default).
   */
  getEdgeWeight?: string | EdgeWeightGetter | null;
  /** Weigh each tie by goodwill's tie strength at `now` instead (not with `getEdgeWeight`). Default `false`. */
  weightByStrength?: boolean;
  /** The date for `weightByStrength`. */
  now?: TimeInput;
}

/** One neighbour's share of a person's constraint. */
export interface ConstraintContribution {
  /** The neighbour. */
  person: string;
  /** (pᵢⱼ + Σ_q pᵢq p_qj)²: how much this tie constrains. */
  constraint: number;
  /** pᵢⱼ: the share of the person's ties invested in this one. */
  investment: number;
}

/** The result of {@link personBrokerage}. */
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
interface Mutual {
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

function weightReader(options: BrokerageOptions, module: string): EdgeWeightGetter | null | 'strength' {
  const { getEdgeWeight: option, weightByStrength } = options;
  if (weightByStrength !== undefined && typeof weightByStrength !== 'boolean') {
    throw optionError(module, 'weightByStrength', 'must be true or false', weightByStrength);
  }
  if (weightByStrength === true) {
    if (option === undefined || option === null) return 'strength';
    throw optionError(module, 'getEdgeWeight', 'must be left out with `weightByStrength: true`', option);
  }
  if (option === undefined || option === null) return null;
  if (typeof option === 'string') return (_e, attributes) => ownAttribute(attributes, option) as number;
  if (typeof option === 'function') return option;
  throw optionError(module, 'getEdgeWeight', 'must be an attribute name, a function or null', option);
}

/**
 * Builds the mutual weights over the graph's edges (`nodes === null`) or the
 * edges touching `nodes`, each read once (graphology's per-node iteration over
 * the set, de-duplicated), so that a person with 100,000 ties costs one pass
 * over their ties and their neighbours' ties.
 */
function mutualWeights(graph: PeopleGraph, options: BrokerageOptions, module: string, nodes: string[] | null): Mutual {
  const reader = weightReader(options, module);
  const us: number[] = [];
  const vs: number[] = [];
  const ws: number[] = [];
  // The edges, as parallel arrays, read once.
  const edges: string[] = [];
  const attrs: Attributes[] = [];
  const sources: string[] = [];
  const targets: string[] = [];
  const undirecteds: boolean[] = [];
  const keySet = new Set<string>();
  if (nodes === null) graph.forEachNode((k) => void keySet.add(k));
  else for (const k of nodes) keySet.add(k);
  const collect = (
    e: string,
    a: Attributes,
    s: string,
    t: string,
    _sa: Attributes,
    _ta: Attributes,
    u: boolean,
  ): void => {
    edges.push(e);
    attrs.push(a);
    sources.push(s);
    targets.push(t);
    undirecteds.push(u);
    keySet.add(s);
    keySet.add(t);
  };
  if (nodes === null) graph.forEachEdge(collect);
  else forEachEdgeOfSet(graph, new Set(nodes), collect);
  const keys = [...keySet].sort(compareKeys);
  const id = new Map<string, number>();
  keys.forEach((k, i) => id.set(k, i));
  let strength: ((s: string, t: string) => number) | null = null;
  if (reader === 'strength') {
    const now = parseTimeOption(options.now, 'now', module);
    const r = resolveModel(options, module);
    const index =
      nodes === null
        ? buildIndex(graph, options, module)
        : buildIndex(graph, options, module, { kind: 'nodes', nodes });
    const strengths = computeDyadStrengths(index, now, r);
    strength = (s, t) => {
      const d = findDyad(index, index.nodeId.get(s)!, index.nodeId.get(t)!);
      return d < 0 ? 0 : strengths[d]!;
    };
  }
  let anyDirected = false;
  const seenDyads = new Set<number>();
  const seenArcs = new Set<number>();
  // The first bad weight in a content order (see compareFaults), not in graphology's read order.
  let fault: InvalidOptionError | null = null;
  const n = keys.length;
  for (let x = 0; x < edges.length; x++) {
    const edge = edges[x]!;
    const source = sources[x]!;
    const target = targets[x]!;
    const undirected = undirecteds[x]!;
    if (source === target) continue;
    if (!undirected) anyDirected = true;
    const s = id.get(source)!;
    const t = id.get(target)!;
    let w: number;
    if (strength !== null) {
      // Strength is a property of the relationship: count each pair once.
      const pair = s < t ? s * n + t : t * n + s;
      if (seenDyads.has(pair)) continue;
      seenDyads.add(pair);
      w = strength(source, target);
    } else if (reader === null) {
      // Unweighted: aᵢⱼ ∈ {0, 1}, so parallel edges of one direction count once (as a person's report
      // reads a pair), and an undirected edge is aᵢⱼ = aⱼᵢ = 1.
      const forward = s * n + t;
      const backward = t * n + s;
      if (undirected) {
        const had = (seenArcs.has(forward) ? 1 : 0) + (seenArcs.has(backward) ? 1 : 0);
        if (had === 2) continue;
        seenArcs.add(forward);
        seenArcs.add(backward);
        w = 2 - had;
      } else {
        if (seenArcs.has(forward)) continue;
        seenArcs.add(forward);
        w = 1;
      }
    } else {
      const raw = (reader as EdgeWeightGetter)(edge, attrs[x]!, source, target, undirected);
      if (typeof raw !== 'number' || !(raw >= 0 && raw <= MAX_EDGE_WEIGHT)) {
        const error = new InvalidOptionError(
          `${module}: the weight of edge ${quoteKey(edge)} (${quoteKey(source)} -> ${quoteKey(target)}) is ${describeValue(raw)}; weights must be finite numbers >= 0 and at most 1e12.`,
          { edge, source, target, field: 'getEdgeWeight' },
        );
        if (fault === null || compareFaults(error, fault) < 0) fault = error;
        continue;
      }
      w = undirected ? 2 * raw : raw;
    }
    us.push(s, t);
    vs.push(t, s);
    ws.push(w, w);
  }
  if (fault !== null) throw fault;
  // CSR: each row sorted by neighbour, parallel edges summed.
  const { offset, target: nbr, weight: w } = buildCsr(n, us, vs, ws, (x, y) => x + y);
  const sum = new Float64Array(n);
  const max = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    for (let i = offset[u]!; i < offset[u + 1]!; i++) {
      sum[u] = sum[u]! + w[i]!;
      if (w[i]! > max[u]!) max[u] = w[i]!;
    }
  }
  return { keys, id, offset, nbr, w, sum, max, unweightedUndirected: reader === null && !anyDirected };
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
      const m = links & LINK_UNDIRECTED ? 2 : ((links & LINK_AB) !== 0 ? 1 : 0) + ((links & LINK_BA) !== 0 ? 1 : 0);
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
function measure(m: Mutual, i: number, withContributions: boolean): Omit<PersonBrokerage, 'person'> {
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
 * Burt's structural holes for one person (Burt 1992), as NetworkX
 * `structuralholes.py` defines them: **constraint** Cᵢ = Σⱼ (pᵢⱼ + Σ_q pᵢq
 * p_qj)² with pᵢⱼ = (aᵢⱼ + aⱼᵢ) / Σₖ (aᵢₖ + aₖᵢ) — high when the person's
 * contacts all know each other; **effective size** — the non-redundant
 * contacts (Borgatti's n − 2t/n for unweighted undirected graphs, else Σⱼ [1 −
 * Σ_q pᵢq m_jq / maxₖ m_jk]); and **efficiency** = effective size / number of
 * contacts. Brokers — people who bridge groups that are not otherwise tied —
 * have low constraint and high efficiency. Self-loops are left out (NetworkX
 * would count them); parallel edges add up.
 *
 * @see [Health reports](../../../docs/guides/health.md), the guide.
 *
 * @example
 * ```ts
 * personBrokerage(graph, 'ann');                                  // unweighted
 * personBrokerage(graph, 'ann', { getEdgeWeight: 'weight' });     // an edge attribute
 * personBrokerage(graph, 'ann', { weightByStrength: true, now: '2024-06-30' }); // tie strength
 * // { constraint: 0.4, effectiveSize: 4.67, efficiency: 0.78, degree: 6, contributions: [...] }
 * ```
 */
export function personBrokerage(graph: PeopleGraph, person: string, options: BrokerageOptions = {}): PersonBrokerage {
  const module = 'personBrokerage';
  assertGraph(graph, module);
  if (options === null || typeof options !== 'object') {
    throw new InvalidOptionError(`${module}: options must be an object; got ${describeValue(options)}.`, {
      field: 'options',
    });
  }
  const key = nodeKey(graph, person, module, 'person');
  // The person, their neighbours, and the neighbours' ties (for p_qj and max m_jk).
  const neighbours = new Set<string>([key]);
  forEachEdgeOf(graph, key, (_e, _a, s, t) => {
    neighbours.add(s);
    neighbours.add(t);
  });
  const m = mutualWeights(graph, options, module, [...neighbours]);
  // The CSR holds every edge touching the ego network; sums of neighbours are complete.
  // Undirected-unweighted detection must consider the whole graph's type:
  if (graph.type !== 'undirected') m.unweightedUndirected = false;
  return { person: key, ...measure(m, m.id.get(key)!, true) };
}

/** The result of {@link networkBrokerage}: each person's measures, in key order. */
export type NetworkBrokerage = Record<
  string,
  { constraint: number | null; effectiveSize: number | null; efficiency: number | null; degree: number }
>;

/** Options of `networkBrokerage.assign` (see {@link networkBrokerage}). */
export interface AssignBrokerageOptions extends BrokerageOptions {
  /** The node attribute to write each person's measures to. Default `'brokerage'`. */
  attribute?: string;
}

function everyBrokerage(graph: PeopleGraph, options: BrokerageOptions, module: string): NetworkBrokerage {
  assertGraph(graph, module);
  if (options === null || typeof options !== 'object') {
    throw new InvalidOptionError(`${module}: options must be an object; got ${describeValue(options)}.`, {
      field: 'options',
    });
  }
  const m = mutualWeights(graph, options, module, null);
  if (graph.type !== 'undirected') m.unweightedUndirected = false;
  const out: NetworkBrokerage = Object.create(null) as NetworkBrokerage;
  for (let i = 0; i < m.keys.length; i++) {
    const { constraint, effectiveSize, efficiency, degree } = measure(m, i, false);
    out[m.keys[i]!] = { constraint, effectiveSize, efficiency, degree };
  }
  return out;
}

function brokerageOf(graph: PeopleGraph, options: BrokerageOptions = {}): NetworkBrokerage {
  return everyBrokerage(graph, options, 'networkBrokerage');
}

function assignBrokerage(graph: PeopleGraph, options: AssignBrokerageOptions = {}): void {
  const module = 'networkBrokerage.assign';
  const attribute = checkAttribute(options, 'brokerage', module);
  for (const [node, r] of Object.entries(everyBrokerage(graph, options, module))) {
    graph.setNodeAttribute(node, attribute, r);
  }
}

/**
 * Constraint, effective size and efficiency of every person (see
 * {@link personBrokerage}), in one pass over a CSR index of mutual weights.
 * `networkBrokerage.assign(graph, { attribute })` writes each person's
 * measures (the object of the result) to the node attribute `attribute`
 * instead (default `'brokerage'`): the one writer of the brokerage functions.
 *
 * @function
 * @see [Health reports](../../../docs/guides/health.md), the guide.
 *
 * @example
 * ```ts
 * const all = networkBrokerage(graph);
 * Object.entries(all).sort((a, b) => (a[1].constraint ?? 1) - (b[1].constraint ?? 1))[0]; // the top broker
 * networkBrokerage.assign(graph, { attribute: 'brokerage' }); // each node's { constraint, effectiveSize, … }
 * ```
 */
export const networkBrokerage = /* @__PURE__ */ Object.assign(brokerageOf, { assign: assignBrokerage });

/** Burt's measures of one person from an index that holds their ego network and the ties of their contacts (see {@link personBrokerage}). */
export function brokerageInIndex(index: InteractionIndex, person: string): Omit<PersonBrokerage, 'contributions'> {
  const m = mutualFromIndex(index);
  const { constraint, effectiveSize, efficiency, degree } = measure(m, m.id.get(person)!, false);
  return { person, constraint, effectiveSize, efficiency, degree };
}
