/**
 * `personBrokerage` and `networkBrokerage`: Burt's structural holes — constraint,
 * effective size and efficiency — as NetworkX `structuralholes.py` defines
 * them, for directed and undirected, weighted and unweighted graphs.
 *
 * @module
 */
import type { Attributes } from 'graphology-types';
import { readOptionsObject } from '../core/args.js';
import { InvalidOptionError, describeValue, quoteKey, optionError } from '../core/errors.js';
import {
  assertGraph,
  checkAttribute,
  compareKeys,
  nodeKey,
  ownAttribute,
  forEachEdgeOf,
  forEachEdgeOfSet,
  type PeopleGraph,
} from '../core/graph.js';
import { buildCsr } from '../core/csr.js';
import { buildIndex, compareFaults, findDyad } from '../core/interaction-index.js';
import { parseTimeOption, type TimeInput } from '../core/time.js';
import type { GraphReadOptions } from '../core/types.js';
import { computeDyadStrengths } from '../kernel/assess.js';
import { resolveModel, type RelationshipModelOptions } from '../kernel/options.js';
import { measure, type Mutual, type NetworkBrokerage, type PersonBrokerage } from '../kernel/brokerage.js';

export type { ConstraintContribution, NetworkBrokerage, PersonBrokerage } from '../kernel/brokerage.js';

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
 * @see [Health reports](../../docs/guides/health.md), the guide.
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
  readOptionsObject(module, options);
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

/** Options of `networkBrokerage.assign` (see {@link networkBrokerage}). */
export interface AssignBrokerageOptions extends BrokerageOptions {
  /** The node attribute to write each person's measures to. Default `'brokerage'`. */
  attribute?: string;
}

function everyBrokerage(graph: PeopleGraph, options: BrokerageOptions, module: string): NetworkBrokerage {
  assertGraph(graph, module);
  readOptionsObject(module, options);
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
 * @see [Health reports](../../docs/guides/health.md), the guide.
 *
 * @example
 * ```ts
 * const all = networkBrokerage(graph);
 * Object.entries(all).sort((a, b) => (a[1].constraint ?? 1) - (b[1].constraint ?? 1))[0]; // the top broker
 * networkBrokerage.assign(graph, { attribute: 'brokerage' }); // each node's { constraint, effectiveSize, … }
 * ```
 */
export const networkBrokerage = /* @__PURE__ */ Object.assign(brokerageOf, { assign: assignBrokerage });
