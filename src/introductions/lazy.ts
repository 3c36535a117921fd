/**
 * The network of a one-shot question: read on demand from the raw graph. A
 * person gets an id when first seen, and their arcs when the search first
 * reaches them — their ties assessed by the kernel from their own edges only
 * (strength mode), or their edges' probabilities (probability mode, after a
 * plan that proves a chain exists and narrows the rows, see `oneshot.ts`).
 *
 * @module
 * @internal
 */
import type { Attributes } from 'graphology-types';
import type { GoodwillError } from '../core/errors.js';
import { forEachEdgeOf, hasPrototypeKeys, type PeopleGraph } from '../core/graph.js';
import { buildIndex } from '../core/interaction-index.js';
import { newAssessment } from '../kernel/assess.js';
import { resolveMode, type Mode } from './mode.js';
import type { Network } from './network.js';
import { planQuestion, RawArcs } from './oneshot.js';
import { Rows } from './rows.js';
import { assessTie, edgeProbability, reportFault } from './ties.js';
import type { IntroductionFinderOptions } from './types.js';

const hasOwn = Object.prototype.hasOwnProperty;

/** What the row loaders of a network read on demand share. */
interface Reader {
  graph: PeopleGraph;
  mode: Mode;
  module: string;
  /** The people met so far, by id. */
  keys: string[];
  /** The id of a person, given on first sight (undefined: not in the network). */
  idOf: (key: string) => number | undefined;
  /** Edges read through graphology's adjacency so far. */
  read: number;
  /** The raw graph's arcs as a plan reads them (probability mode), else null. */
  raw: RawArcs | null;
  /** After a plan, the people a chain can pass through; null: anyone. */
  within: ReadonlySet<string> | null;
}

/**
 * A network read on demand from `graph` (see the module's comment). `known`:
 * the people a lazy finder was made with; others are not part of it.
 */
export function lazyNetwork(
  graph: PeopleGraph,
  options: IntroductionFinderOptions,
  module: string,
  known: ReadonlySet<string> | null = null,
): Network {
  const mode = resolveMode(graph, options, module);
  const keys: string[] = [];
  const nodeId = new Map<string, number>();
  let fw: Rows;
  let bw: Rows;
  // Probability mode reads the raw graph through a plan (a graph with prototype-named keys: the whole-graph way).
  const raw = mode.get !== null && !hasPrototypeKeys(graph) ? rawArcs(mode, options, known) : null;
  const idOf = (key: string): number | undefined => {
    let id = nodeId.get(key);
    if (id === undefined) {
      if (!graph.hasNode(key) || (known !== null && !known.has(key))) return undefined;
      id = keys.length;
      keys.push(key);
      nodeId.set(key, id);
      fw.grow(keys.length);
      if (bw !== fw) bw.grow(keys.length);
    }
    return id;
  };
  const reader: Reader = { graph, mode, module, keys, idOf, read: 0, raw, within: null };
  const degree = (u: number) => graph.degree(keys[u]!);
  if (mode.get === null) {
    fw = Rows.lazy(strengthLoader(reader), degree, true);
    bw = fw;
  } else {
    fw = Rows.lazy(probabilityLoader(reader, true), degree, false);
    bw = Rows.lazy(probabilityLoader(reader, false), degree, false);
  }
  fw.reverse = bw;
  const net: Network = {
    mode,
    keys,
    nodeId,
    fw,
    bw,
    before: (x, y) => keys[x]! < keys[y]!,
    idOf,
    read: () => reader.read + (raw?.read ?? 0),
  };
  if (raw !== null) net.plan = planner(reader, raw);
  return net;
}

/** Strength mode: a person's row, their ties assessed by the kernel from their own edges only. */
function strengthLoader(reader: Reader): (u: number, rows: Rows) => void {
  const { graph, mode, module, keys, idOf } = reader;
  const s = newAssessment();
  return (u, rows) => {
    const key = keys[u]!;
    reader.read += graph.degree(key);
    const index = buildIndex(graph, mode.readOptions, module, { kind: 'node', node: key });
    const self = index.nodeId.get(key)!;
    for (let i = index.nodeDyadOffset[self]!; i < index.nodeDyadOffset[self + 1]!; i++) {
      const d = index.nodeDyads[i]!;
      const a = index.dyadA[d]!;
      const b = index.dyadB[d]!;
      const tie = assessTie(mode, index, d, s, index.nodes[a]!, index.nodes[b]!);
      if (tie.p === 0) continue;
      const other = idOf(index.nodes[a === self ? b : a]!);
      if (other !== undefined) rows.append(other, tie.p, tie.stage);
    }
  };
}

/**
 * Probability mode: a person's forward or backward row. Hop x → y reads the
 * edge y → x: x's forward row holds its in-edges, its backward row its
 * out-edges; parallel edges keep the largest probability.
 */
function probabilityLoader(reader: Reader, forward: boolean): (u: number, rows: Rows) => void {
  const { graph, mode, keys, idOf } = reader;
  return (u, rows) => {
    const key = keys[u]!;
    const best = new Map<string, number>();
    const faults: GoodwillError[] = [];
    const visit = (
      edge: string,
      attributes: Attributes,
      source: string,
      target: string,
      _sa: Attributes,
      _ta: Attributes,
      undirected: boolean,
    ) => {
      if (source === target) return;
      const other = source === key ? target : source;
      if (!undirected && (forward ? target !== key : source !== key)) return;
      const p = edgeProbability(mode, edge, attributes, source, target, faults);
      if (p > 0 && p > (best.get(other) ?? 0)) best.set(other, p);
    };
    // After a plan, only the arcs between the people a chain can pass through.
    if (reader.within !== null) reader.raw!.rowWithin(key, forward, reader.within, visit);
    else {
      reader.read += graph.degree(key);
      forEachEdgeOf(graph, key, visit);
    }
    reportFault(faults);
    for (const [other, p] of best) {
      const id = idOf(other);
      if (id !== undefined) rows.append(id, p, 0);
    }
  };
}

/** A question's plan on the raw graph (see {@link Network.plan}); it narrows the reader's rows. */
function planner(reader: Reader, arcs: RawArcs): NonNullable<Network['plan']> {
  const { keys } = reader;
  return (sources, targets, excluded, maxHops) => {
    reader.within = null;
    const plan = planQuestion(
      arcs,
      sources.map((i) => keys[i]!),
      targets.map((i) => keys[i]!),
      new Set(excluded.map((i) => keys[i]!)),
      maxHops,
    );
    if ('reason' in plan) return plan.reason;
    reader.within = plan.people;
    return null;
  };
}

/** The raw graph's arcs as a one-shot plan reads them, with the build's shortcut for an attribute name. */
function rawArcs(mode: Mode, options: IntroductionFinderOptions, known: ReadonlySet<string> | null): RawArcs {
  const faults: GoodwillError[] = [];
  const name = typeof options.getProbability === 'string' && mode.eligible === null ? options.getProbability : null;
  const minP = mode.minP;
  const probability = (edge: string, attributes: Attributes, source: string, target: string): number => {
    if (name !== null && hasOwn.call(attributes, name)) {
      const raw = attributes[name];
      if (typeof raw === 'number' && raw > 0 && raw <= 1 && raw >= minP) return raw;
    }
    return edgeProbability(mode, edge, attributes, source, target, faults);
  };
  return new RawArcs(mode.graph, probability, known, () => {
    if (faults.length > 0) reportFault(faults.splice(0));
  });
}
