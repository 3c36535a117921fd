/**
 * The network a search runs on — people as integer ids and their usable
 * ties as rows of arcs — and its build for a finder: the whole graph read
 * once into typed arrays.
 *
 * @module
 * @internal
 */
import { type GoodwillError } from '../core/errors.js';
import { assertGraph, type PeopleGraph } from '../core/graph.js';
import { assertGraphBacked, isPreparedNetwork, type PreparedNetwork } from '../core/prepared.js';
import { newAssessment } from '../kernel/assess.js';
import { readAll, type ModelQueryOptions } from '../kernel/read.js';
import { arcList, buildRows, reversedRows } from './arcs.js';
import { resolveMode, type Mode } from './mode.js';
import type { Rows } from './rows.js';
import { assessTie, edgeProbability, reportFault } from './ties.js';
import type { IntroductionFinderOptions, NoPathReason } from './types.js';

const hasOwn = Object.prototype.hasOwnProperty;

/** The people and the arcs of a finder, or of a one-shot question (lazy). */
export interface Network {
  mode: Mode;
  keys: string[];
  nodeId: Map<string, number>;
  fw: Rows;
  bw: Rows;
  /** Orders ids as their keys (null: ids are in key order). */
  before: ((x: number, y: number) => boolean) | null;
  /** The id of a person (lazy: given on first sight), or undefined when the network does not hold them. */
  idOf(key: string): number | undefined;
  /**
   * A one-shot question's plan (see `oneshot.ts`), when the network reads the
   * raw graph: the reason there is no chain within `maxHops`, or null after
   * narrowing the rows to the people a chain can pass through.
   */
  plan?: (sources: number[], targets: number[], excluded: number[], maxHops: number) => NoPathReason | null;
  /** Edges read from the raw graph so far (a network read on demand). */
  read?: () => number;
}

/**
 * The network of a finder, built from the whole graph (or prepared network).
 * `known`: the people of a build deferred by a finder (probability mode), no
 * one added since.
 */
export function buildNetwork(
  input: PeopleGraph | PreparedNetwork,
  options: IntroductionFinderOptions,
  module: string,
  known: ReadonlySet<string> | null = null,
): Network {
  const prepared = isPreparedNetwork(input);
  if (!prepared) assertGraph(input, module);
  assertGraphBacked(input, module);
  const graph = prepared ? input.graph : (input as PeopleGraph);
  const mode = resolveMode(graph, options, module);
  return mode.get === null
    ? strengthNetwork(input, options, module, mode)
    : probabilityNetwork(graph, options, mode, known);
}

/** Strength mode: one arc each way per usable tie, symmetric (the reversed rows are the rows). */
function strengthNetwork(
  input: PeopleGraph | PreparedNetwork,
  options: IntroductionFinderOptions,
  module: string,
  mode: Mode,
): Network {
  const { index } = readAll(input, options as ModelQueryOptions, module);
  const keys = index.nodes as string[];
  const nodeId = index.nodeId as Map<string, number>;
  const s = newAssessment();
  const arcs = arcList(2 * index.dyadCount, true);
  const { u, v, p, s: st } = arcs;
  let m = 0;
  for (let d = 0; d < index.dyadCount; d++) {
    const a = index.dyadA[d]!;
    const b = index.dyadB[d]!;
    const tie = assessTie(mode, index, d, s, keys[a]!, keys[b]!);
    if (tie.p === 0) continue;
    u[m] = a;
    v[m] = b;
    p[m] = tie.p;
    st![m++] = tie.stage;
    u[m] = b;
    v[m] = a;
    p[m] = tie.p;
    st![m++] = tie.stage;
  }
  arcs.m = m;
  const fw = buildRows(keys.length, arcs).rows;
  // Ids in key order (the index's): comparing ids is comparing keys.
  return builtNetwork(mode, keys, nodeId, fw, fw, false);
}

/** Probability mode: ids in the graph's order (no sort of the keys: ties between paths compare the keys). */
function probabilityNetwork(
  graph: PeopleGraph,
  options: IntroductionFinderOptions,
  mode: Mode,
  known: ReadonlySet<string> | null,
): Network {
  const keys = known === null ? graph.nodes() : graph.nodes().filter((key) => known.has(key));
  const nodeId = new Map<string, number>();
  for (let i = 0; i < keys.length; i++) nodeId.set(keys[i]!, i);
  const arcs = arcList(graph.directedSize + 2 * graph.undirectedSize, false);
  const { u, v, p } = arcs;
  let m = 0;
  const faults: GoodwillError[] = [];
  // An attribute name without `eligible`: a valid value is taken as it is; anything else goes the general way.
  const name = typeof options.getProbability === 'string' && mode.eligible === null ? options.getProbability : null;
  const minP = mode.minP;
  graph.forEachEdge((edge, attributes, source, target, _sa, _ta, undirected) => {
    if (source === target) return;
    const s = nodeId.get(source);
    const t = nodeId.get(target);
    if (s === undefined || t === undefined) return;
    const raw = name !== null && hasOwn.call(attributes, name) ? attributes[name] : undefined;
    let q: number;
    if (typeof raw === 'number' && raw > 0 && raw <= 1 && raw >= minP) q = raw;
    else {
      q = edgeProbability(mode, edge, attributes, source, target, faults);
      if (q === 0) return;
    }
    // The edge source→target ("source trusts target") enables the hop target→source.
    u[m] = t;
    v[m] = s;
    p[m++] = q;
    if (undirected) {
      u[m] = s;
      v[m] = t;
      p[m++] = q;
    }
  });
  reportFault(faults);
  arcs.m = m;
  const { rows: fw, spare } = buildRows(keys.length, arcs);
  // The reversed arcs, for the backward half of the search.
  const bw = reversedRows(fw, spare);
  return builtNetwork(mode, keys, nodeId, fw, bw, true);
}

/**
 * The network of a finder. Its functions are made here, apart from the
 * build, so that they do not keep the build's temporary arrays alive (a
 * closure holds on to every variable that any closure of its function uses).
 */
function builtNetwork(
  mode: Mode,
  keys: string[],
  nodeId: Map<string, number>,
  fw: Rows,
  bw: Rows,
  byKeys: boolean,
): Network {
  return {
    mode,
    keys,
    nodeId,
    fw,
    bw,
    before: byKeys ? (x, y) => keys[x]! < keys[y]! : null,
    idOf: (key) => nodeId.get(key),
  };
}
