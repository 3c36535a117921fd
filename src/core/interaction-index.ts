/**
 * The one internal reading of a people graph that every algorithm shares:
 * validate every interaction once, then hold each dyad's history (both
 * directions, sorted by time, kinds resolved) in typed arrays, CSR style —
 * 11 bytes per event (time, direction, kind), plus 8 for a weight column only
 * when some interaction weighs other than 1.
 *
 * Layout (n nodes, D dyads, M events):
 * - nodes are numbered in code-unit order of their keys, so that comparing
 *   ids is comparing keys (the documented tie-break rule);
 * - a dyad {A, B} has A < B; `dyadA`/`dyadB` hold the ids, dyads are sorted by (A, B);
 * - the events of dyad d are `eventOffset[d] .. eventOffset[d + 1]`, in their
 *   content order: by time, then (equal times) by initiator side (`dir` 0, A,
 *   first), then kind name in code-unit order (not catalogue id), then weight
 *   — a total order on what the columns hold, so that the same content read
 *   in any edge or list order gives byte-identical columns; `dir` is 0 when A
 *   initiated (A→B), 1 when B did; an event's value and role come from its
 *   kind (`kindValue`, `kindRole`), times its weight;
 *
 * Errors do not depend on the read order either: when several interactions
 * (or edges) are invalid, the one reported is the first in the order of
 * {@link compareFaults} (endpoints' keys, then position in the edge's list).
 *
 * - the dyads of node i are `nodeDyads[nodeDyadOffset[i] .. nodeDyadOffset[i + 1]]`,
 *   sorted by the other endpoint's id.
 *
 * @module
 * @internal
 */
import type { Attributes } from 'graphology-types';
import { readBoolean, readOptionsObject } from './args.js';
import {
  GoodwillError,
  InvalidInteractionError,
  InvalidOptionError,
  describeValue,
  quoteKey,
  optionIsError,
} from './errors.js';
import { EventWriter, edgeLocation, edgeName } from './event-reader.js';
import {
  assertGraph,
  assertNode,
  compareKeys,
  forEachEdgeOf,
  forEachEdgeOfSet,
  ownAttribute,
  type PeopleGraph,
  type EdgeVisitor,
} from './graph.js';
import { resolveKinds, type KindTable } from './kinds.js';
import { countingSort } from './csr.js';
import {
  DyadRuns,
  PairTable,
  comparisonSorter,
  kindRanks,
  mergeSorter,
  nodeDyadIndex,
  smallTable,
  type DyadTable,
  type SliceSorter,
} from './event-columns.js';
import type { GraphReadOptions, InteractionsGetter, StrengthOverrideGetter } from './types.js';

/** Bits of `InteractionIndex.links`. */
export const LINK_AB = 1;
export const LINK_BA = 2;
export const LINK_UNDIRECTED = 4;

/** The compact, validated reading of (part of) a graph. */
export interface InteractionIndex {
  /** Node keys by id, in code-unit order. */
  readonly nodes: readonly string[];
  /** Node key → id. */
  readonly nodeId: ReadonlyMap<string, number>;
  /** Number of dyads. */
  readonly dyadCount: number;
  /** Lower endpoint id of each dyad. */
  readonly dyadA: Int32Array;
  /** Upper endpoint id of each dyad. */
  readonly dyadB: Int32Array;
  /** Which edges the graph holds for the dyad: {@link LINK_AB} | {@link LINK_BA} | {@link LINK_UNDIRECTED}. */
  readonly links: Uint8Array;
  /** Manual strength override of the dyad in [0, 1], or NaN for none. */
  readonly override: Float64Array;
  /** Events of dyad d: `eventOffset[d] .. eventOffset[d + 1]`. */
  readonly eventOffset: Int32Array;
  /** Event time, epoch ms. */
  readonly time: Float64Array;
  /**
   * Event weight, or `null` when no interaction carries a weight other than 1
   * (the common case: the column then takes no memory). An event's value is
   * `kindValue[kind[e]] × (weight?.[e] ?? 1)`.
   */
  readonly weight: Float64Array | null;
  /** Value of each kind id (the catalogue's `value`). */
  readonly kindValue: Float64Array;
  /** Role code of each kind id: 0 contact, 1 give, 2 ask. */
  readonly kindRole: Uint8Array;
  /** 1 for the kind ids both people take part in (calls, meetings), else 0. */
  readonly kindJoint: Uint8Array;
  /** Event direction: 0 when the dyad's A initiated, 1 when B did. */
  readonly dir: Uint8Array;
  /** Event kind id, into `kinds.list`. */
  readonly kind: Uint16Array;
  /** Dyads of node i: `nodeDyads[nodeDyadOffset[i] .. nodeDyadOffset[i + 1]]`. */
  readonly nodeDyadOffset: Int32Array;
  /** Dyad ids, grouped by node, each group sorted by the other endpoint's id. */
  readonly nodeDyads: Int32Array;
  /** The resolved kind catalogue. */
  readonly kinds: KindTable;
  /** Number of valid interactions on self-loops, which goodwill leaves out. */
  readonly selfLoopEvents: number;
}

/** Which part of the graph to read. */
export type IndexScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'node'; readonly node: string }
  | { readonly kind: 'pair'; readonly a: string; readonly b: string }
  /** Every edge with at least one endpoint in `nodes` (their neighbourhood, e.g. an ego network). */
  | { readonly kind: 'nodes'; readonly nodes: readonly string[] };

type EdgeCallback = EdgeVisitor;

/** The getter that the option `getInteractions` stands for (an attribute name, a function, or the default `interactions`). */
export function makeInteractionsGetter(
  option: GraphReadOptions['getInteractions'],
  module: string,
): InteractionsGetter {
  if (option === undefined) return (_e, attributes) => attributes['interactions'] as Iterable<never> | undefined;
  if (typeof option === 'string')
    return (_e, attributes) => ownAttribute(attributes, option) as Iterable<never> | undefined;
  if (typeof option === 'function') return option;
  throw optionIsError(
    module,
    'getInteractions',
    option,
    'pass an attribute name or a function (edge, attributes, source, target, undirected) => Iterable<Interaction>',
  );
}

function makeOverrideGetter(
  option: GraphReadOptions['getStrengthOverride'],
  module: string,
): StrengthOverrideGetter | null {
  if (option === null) return null;
  const name = option === undefined ? 'strengthOverride' : option;
  if (typeof name === 'string') return (_e, attributes) => ownAttribute(attributes, name) as number | undefined;
  if (typeof name === 'function') return name;
  throw optionIsError(module, 'getStrengthOverride', option, 'pass an attribute name, a function, or null');
}

/**
 * Reads the graph (or the part of it that `scope` names) into an
 * {@link InteractionIndex}, validating every interaction.
 *
 * @param module - the public function's name, used in error messages.
 */
export function buildIndex(
  graph: unknown,
  options: GraphReadOptions,
  module: string,
  scope: IndexScope = { kind: 'all' },
): InteractionIndex {
  // Typed-array hashing and merges: fast for millions of events.
  return readIndex(graph, options, module, scope, () => new PairTable(), mergeSorter);
}

/**
 * {@link buildIndex} for a pair's question: the same reading and checks,
 * byte-identical index, built with a `Map` of dyads and a comparison sort
 * (the events around a pair are few), so that a bundle that asks only about
 * pairs leaves the whole network's hash table and merge sorter out.
 */
export function buildPairIndex(graph: unknown, options: GraphReadOptions, module: string, scope: IndexScope) {
  return readIndex(graph, options, module, scope, smallTable, comparisonSorter);
}

/**
 * The one reading behind {@link buildIndex} and {@link buildPairIndex}, with
 * the two parts that only speed it up given: the table of dyads and the
 * sorter of each dyad's events.
 */
function readIndex(
  graph: unknown,
  options: GraphReadOptions,
  module: string,
  scope: IndexScope,
  table: () => DyadTable,
  sorter: (rank: Uint16Array) => SliceSorter,
): InteractionIndex {
  assertGraph(graph, module);
  const g: PeopleGraph = graph;
  readOptionsObject(module, options);
  const kinds = resolveKinds(options, module);
  const checkSeconds = readBoolean(module, 'checkUnixSeconds', options.checkUnixSeconds ?? true);
  const getInteractions = makeInteractionsGetter(options.getInteractions, module);
  const getOverride = makeOverrideGetter(options.getStrengthOverride, module);

  // 1. Node ids in code-unit key order.
  let keys: string[];
  const setEdges: [string, Attributes, string, string, boolean][] = []; // the edges of a 'nodes' scope, for the second pass
  if (scope.kind === 'all') {
    keys = g.nodes();
  } else if (scope.kind === 'node') {
    assertNode(g, scope.node, module, 'node');
    const set = new Set<string>([scope.node]);
    forEachEdgeOf(g, scope.node, (_e, _a, source, target) => {
      set.add(source);
      set.add(target);
    });
    keys = [...set];
  } else if (scope.kind === 'nodes') {
    const set = new Set<string>();
    for (const node of scope.nodes) {
      assertNode(g, node, module, 'nodes');
      set.add(node);
    }
    forEachEdgeOfSet(g, new Set(set), (edge, attributes, source, target, _sa, _ta, undirected) => {
      set.add(source);
      set.add(target);
      setEdges.push([edge, attributes, source, target, undirected]); // read once: a hub's neighbourhood is large
    });
    keys = [...set];
  } else {
    assertNode(g, scope.a, module, 'a');
    assertNode(g, scope.b, module, 'b');
    keys = scope.a === scope.b ? [scope.a] : [scope.a, scope.b];
  }
  keys.sort(compareKeys);
  const nodeId = new Map<string, number>();
  for (let i = 0; i < keys.length; i++) nodeId.set(keys[i]!, i);
  const n = keys.length;

  // 2. First pass over the edges: find the dyads, read overrides, and keep each
  //    edge's interaction list (materialised once), so that the event columns
  //    can be sized exactly and filled in place.
  const pairs = table(); // provisional dyad ids by pair key A * n + B
  const dyadLinks: number[] = [];
  const dyadOverride: number[] = [];
  const dyadEvents: number[] = []; // events read per provisional dyad (an upper bound: some may be ignored)
  // Edges with interactions, as parallel arrays (no object per edge).
  const siteItems: ArrayLike<unknown>[] = [];
  const siteEdge: string[] = [];
  const siteSource: string[] = [];
  const siteTarget: string[] = [];
  // s, t, provisional dyad (−1 for a self-loop), undirected (0/1); sized for every edge of the graph.
  let siteIds = new Int32Array(4 * Math.max(scope.kind === 'all' ? g.size : 16, 1));
  let siteCount = 0;

  // Errors found in the first pass (a bad override, interactions that are not
  // a list) are kept, not thrown, so that the one reported is the first in a
  // content order (see `canonicalFault`), not the first read.
  const faults: GoodwillError[] = [];
  const readEdge: EdgeCallback = (edge, attributes, source, target, _sa, _ta, undirected) => {
    const s = nodeId.get(source);
    const t = nodeId.get(target);
    if (s === undefined || t === undefined) return; // outside the scope
    if (
      scope.kind === 'pair' &&
      !((source === scope.a && target === scope.b) || (source === scope.b && target === scope.a))
    ) {
      if (!(scope.a === scope.b && source === target && source === scope.a)) return;
    }
    if (scope.kind === 'node' && source !== scope.node && target !== scope.node) return;
    const selfLoop = s === t;
    const a = s < t ? s : t;
    const b = s < t ? t : s;
    let dyad = -1;
    if (!selfLoop) {
      dyad = pairs.idOf(a * n + b);
      if (dyad === dyadLinks.length) {
        dyadLinks.push(0);
        dyadOverride.push(Number.NaN);
        dyadEvents.push(0);
      }
      dyadLinks[dyad]! |= undirected ? LINK_UNDIRECTED : s === a ? LINK_AB : LINK_BA;
      if (getOverride !== null) {
        const raw = getOverride(edge, attributes, source, target, undirected);
        if (raw !== undefined && raw !== null) {
          if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < 0 || raw > 1) {
            faults.push(
              new InvalidOptionError(
                `${module}: the strength override of ${edgeName(edge, source, target, undirected)} is ${describeValue(raw)}; it must be a number in [0, 1] or absent (getStrengthOverride: null ignores overrides).`,
                { ...edgeLocation(edge, source, target), field: 'getStrengthOverride' },
              ),
            );
          } else {
            const prev = dyadOverride[dyad]!;
            dyadOverride[dyad] = Number.isNaN(prev) ? raw : Math.max(prev, raw);
          }
        }
      }
    }
    const list = getInteractions(edge, attributes, source, target, undirected);
    if (list === undefined || list === null) return;
    const items = materialise(list, module, edge, source, target, undirected);
    if (items instanceof GoodwillError) {
      faults.push(items);
      return;
    }
    if (items.length === 0) return;
    siteItems.push(items);
    siteEdge.push(edge);
    siteSource.push(source);
    siteTarget.push(target);
    if (4 * siteCount === siteIds.length) {
      const grown = new Int32Array(2 * siteIds.length);
      grown.set(siteIds);
      siteIds = grown;
    }
    siteIds[4 * siteCount] = s;
    siteIds[4 * siteCount + 1] = t;
    siteIds[4 * siteCount + 2] = dyad;
    siteIds[4 * siteCount + 3] = undirected ? 1 : 0;
    siteCount++;
    if (!selfLoop) dyadEvents[dyad]! += items.length;
  };

  if (scope.kind === 'all') g.forEachEdge(readEdge);
  else if (scope.kind === 'node') forEachEdgeOf(g, scope.node, readEdge);
  else if (scope.kind === 'nodes')
    for (const [edge, attributes, source, target, undirected] of setEdges)
      readEdge(edge, attributes, source, target, {}, {}, undirected);
  else forEachEdgeOf(g, scope.a, readEdge);

  const rank = kindRanks(kinds.list.map((k) => k.name));
  const sites: Sites = {
    count: siteCount,
    ids: siteIds,
    items: siteItems,
    edge: siteEdge,
    source: siteSource,
    target: siteTarget,
  };
  if (faults.length > 0) throw canonicalFault(faults, sites, kinds, rank, module, checkSeconds);

  // 3. Renumber dyads in (A, B) order.
  const {
    D,
    rank: dyadRank,
    dyadA,
    dyadB,
    links,
    override,
    eventOffset,
  } = renumberDyads(pairs, n, dyadLinks, dyadOverride, dyadEvents);

  // 4. Second pass: validate every interaction and write it in place, in its
  //    dyad's slice; note each dyad's runs (one per edge) and whether each is
  //    in order. On the first invalid interaction, find the one to report.
  const writer = new EventWriter(eventOffset[D]!, kinds.byName, kinds.unknown, module, rank, checkSeconds);
  const runs = new DyadRuns(eventOffset);
  try {
    writeSites(writer, runs, dyadRank, sites);
  } catch (error) {
    if (error instanceof GoodwillError) throw canonicalFault([], sites, kinds, rank, module, checkSeconds);
    throw error;
  }
  // Then sort each dyad's events in their content order and close the holes left by ignored kinds.
  const columns = runs.finish(writer, sorter(rank));

  // 5. Node → dyads (CSR).
  const { nodeDyadOffset, nodeDyads } = nodeDyadIndex(n, dyadA, dyadB);

  return {
    nodes: keys,
    nodeId,
    dyadCount: D,
    dyadA,
    dyadB,
    links,
    override,
    eventOffset: columns.eventOffset,
    time: columns.time,
    weight: columns.weight,
    kindValue: Float64Array.from(kinds.list, (k) => k.value),
    kindRole: Uint8Array.from(kinds.list, (k) => k.roleCode),
    kindJoint: Uint8Array.from(kinds.list, (k) => (k.joint ? 1 : 0)),
    dir: columns.dir,
    kind: columns.kind,
    nodeDyadOffset,
    nodeDyads,
    kinds,
    selfLoopEvents: writer.selfLoopEvents,
  };
}

/**
 * Numbers the dyads in (A, B) order — a stable counting sort by B, then by A
 * (LSD radix over node ids, O(D + n)) — so that `rank` maps provisional ids to
 * final ones; `eventOffset` sizes each dyad's slice by the interactions read
 * for it.
 */
function renumberDyads(
  pairs: DyadTable,
  n: number,
  dyadLinks: readonly number[],
  dyadOverride: readonly number[],
  dyadEvents: readonly number[],
) {
  const D = dyadLinks.length;
  const keys = pairs.keys;
  const provisionalA = new Int32Array(D);
  const provisionalB = new Int32Array(D);
  for (let id = 0; id < D; id++) {
    const key = keys[id]!;
    const a = Math.floor(key / n);
    provisionalA[id] = a;
    provisionalB[id] = key - a * n;
  }
  const { order } = countingSort(n, provisionalA, countingSort(n, provisionalB).order);
  const rank = new Int32Array(D);
  const dyadA = new Int32Array(D);
  const dyadB = new Int32Array(D);
  const links = new Uint8Array(D);
  const override = new Float64Array(D);
  const eventOffset = new Int32Array(D + 1);
  for (let r = 0; r < D; r++) {
    const old = order[r]!;
    rank[old] = r;
    dyadA[r] = provisionalA[old]!;
    dyadB[r] = provisionalB[old]!;
    links[r] = dyadLinks[old]!;
    override[r] = dyadOverride[old]!;
    eventOffset[r + 1] = eventOffset[r]! + dyadEvents[old]!;
  }
  return { D, rank, dyadA, dyadB, links, override, eventOffset };
}

/** The edges read that hold interactions ("sites"), as parallel arrays: ids (s, t, provisional dyad or −1 for a self-loop, undirected 0/1) by 4, and the rest. */
interface Sites {
  readonly count: number;
  readonly ids: Int32Array;
  readonly items: readonly ArrayLike<unknown>[];
  readonly edge: readonly string[];
  readonly source: readonly string[];
  readonly target: readonly string[];
}

/** Writes the interactions of every site into its dyad's slice. */
function writeSites(writer: EventWriter, runs: DyadRuns, rank: Int32Array, sites: Sites): void {
  const fill = runs.fill;
  const { count, ids, items, edge, source, target } = sites;
  for (let site = 0; site < count; site++) {
    const s = ids[4 * site]!;
    const t = ids[4 * site + 1]!;
    const provisional = ids[4 * site + 2]!;
    const selfLoop = provisional < 0;
    const d = selfLoop ? -1 : rank[provisional]!;
    const start = selfLoop ? 0 : fill[d]!;
    const end = writer.write(
      items[site]!,
      start,
      s,
      t,
      s < t ? s : t,
      selfLoop,
      ids[4 * site + 3] === 1,
      edge[site]!,
      source[site]!,
      target[site]!,
    );
    if (!selfLoop && end !== start) runs.add(d, end, writer.sorted);
  }
}

/**
 * An edge's interactions as an array-like, read once: an array as is, a
 * reusable iterable (a `Set`, a custom collection) copied into an array; a
 * one-shot iterator (a generator object, whose `[Symbol.iterator]()` is
 * itself) is refused, since a second call would find it empty. Returns the
 * error, not throws it (see `canonicalFault`).
 */
function materialise(
  list: unknown,
  module: string,
  edge: string,
  source: string,
  target: string,
  undirected: boolean,
): ArrayLike<unknown> | GoodwillError {
  if (Array.isArray(list)) return list;
  const iterable = list as Iterable<unknown>;
  const fault = (what: string) =>
    new InvalidInteractionError(
      `${module}: the interactions of ${edgeName(edge, source, target, undirected)} are ${what}`,
      { ...edgeLocation(edge, source, target), field: 'interactions' },
    );
  if (typeof list !== 'object' || list === null || typeof iterable[Symbol.iterator] !== 'function')
    return fault(
      `${describeValue(list)}, not an array (or iterable) of interactions. Store an array such as [{ at: '2024-01-31', kind: 'message' }].`,
    );
  if (iterable[Symbol.iterator]() === list)
    return fault(
      'a one-shot iterator (a generator, say), which the first read would empty for every later one. Store an array (e.g. [...generator]) or a reusable iterable.',
    );
  return Array.from(iterable);
}

/**
 * The order in which faults are reported when a graph holds several: by the
 * edge's endpoints (lower key, upper key, then source key), then the
 * interaction's position in the edge's list (edge-level faults, such as a bad
 * override or a list that is not one, first), then the message with the
 * edge's key left out (parallel edges), then the edge key. Every part is
 * content, never graphology's read order.
 */
export function compareFaults(x: GoodwillError, y: GoodwillError): number {
  const lx = x.location;
  const ly = y.location;
  const keys = (l: GoodwillError['location']) => {
    const s = l.source ?? '';
    const t = l.target ?? '';
    return s < t ? [s, t, s] : [t, s, s];
  };
  const kx = keys(lx);
  const ky = keys(ly);
  for (let i = 0; i < 3; i++) if (kx[i] !== ky[i]) return compareKeys(kx[i]!, ky[i]!);
  const ix = lx.index ?? -1;
  const iy = ly.index ?? -1;
  if (ix !== iy) return ix - iy;
  const strip = (e: GoodwillError) =>
    e.location.edge === undefined ? e.message : e.message.split(`edge ${quoteKey(e.location.edge)}`).join('edge');
  return compareKeys(strip(x), strip(y)) || compareKeys(lx.edge ?? '', ly.edge ?? '') || compareKeys(x.name, y.name);
}

/**
 * The fault to report: the first, in the order of {@link compareFaults}, of
 * `faults` and of each site's first invalid interaction. Runs only on the
 * error path; validates every site again, each in a scratch writer.
 */
function canonicalFault(
  faults: GoodwillError[],
  sites: Sites,
  kinds: KindTable,
  rank: Uint16Array,
  module: string,
  checkSeconds: boolean,
): GoodwillError {
  let longest = 1;
  for (let site = 0; site < sites.count; site++) longest = Math.max(longest, sites.items[site]!.length);
  const scratch = new EventWriter(longest, kinds.byName, kinds.unknown, module, rank, checkSeconds);
  let best: GoodwillError | null = null;
  for (const fault of faults) if (best === null || compareFaults(fault, best) < 0) best = fault;
  for (let site = 0; site < sites.count; site++) {
    const s = sites.ids[4 * site]!;
    const t = sites.ids[4 * site + 1]!;
    try {
      scratch.write(
        sites.items[site]!,
        0,
        s,
        t,
        s < t ? s : t,
        s === t,
        sites.ids[4 * site + 3] === 1,
        sites.edge[site]!,
        sites.source[site]!,
        sites.target[site]!,
      );
    } catch (error) {
      if (!(error instanceof GoodwillError)) throw error;
      if (best === null || compareFaults(error, best) < 0) best = error;
    }
  }
  return best!;
}

/** Event `e`'s value: its kind's value × its weight. */
export function eventValue(index: InteractionIndex, e: number): number {
  const v = index.kindValue[index.kind[e]!]!;
  return index.weight === null ? v : v * index.weight[e]!;
}

/** Event `e`'s role code (0 contact, 1 give, 2 ask), from its kind. */
export function eventRole(index: InteractionIndex, e: number): number {
  return index.kindRole[index.kind[e]!]!;
}

/**
 * The end (exclusive) of dyad `d`'s events at or before `now`: a binary search
 * over its sorted times.
 */
export function eventsEnd(index: InteractionIndex, dyad: number, now: number): number {
  let lo = index.eventOffset[dyad]!;
  let hi = index.eventOffset[dyad + 1]!;
  const time = index.time;
  if (hi === lo || time[hi - 1]! <= now) return hi;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (time[mid]! <= now) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The dyad id of the pair (x, y) given as node ids, or -1 if they share none. */
export function findDyad(index: InteractionIndex, x: number, y: number): number {
  const other = x < y ? y : x;
  const self = x < y ? x : y;
  // Search the group of `self`, sorted by the other end; the pair's dyad holds `other` there.
  const end = index.nodeDyadOffset[self + 1]!;
  let lo = index.nodeDyadOffset[self]!;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (otherEnd(index, index.nodeDyads[mid]!, self) < other) lo = mid + 1;
    else hi = mid;
  }
  return lo < end && otherEnd(index, index.nodeDyads[lo]!, self) === other ? index.nodeDyads[lo]! : -1;
}

/** The other endpoint (id) of dyad `d` seen from node id `self`. */
export function otherEnd(index: InteractionIndex, dyad: number, self: number): number {
  return index.dyadA[dyad] === self ? index.dyadB[dyad]! : index.dyadA[dyad]!;
}
