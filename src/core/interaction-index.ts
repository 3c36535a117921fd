/**
 * The one internal reading of a people graph that every algorithm shares:
 * validate every interaction once, then hold each dyad's history (both
 * directions, sorted by time, values resolved) in typed arrays, CSR style.
 *
 * Layout (n nodes, D dyads, M events):
 * - nodes are numbered in code-unit order of their keys, so that comparing
 *   ids is comparing keys (the documented tie-break rule);
 * - a dyad {A, B} has A < B; `dyadA`/`dyadB` hold the ids, dyads are sorted by (A, B);
 * - the events of dyad d are `eventOffset[d] .. eventOffset[d + 1]`, sorted
 *   by time (stable: equal times keep their stored order); `dir` is 0 when A
 *   initiated (A→B), 1 when B did;
 * - the dyads of node i are `nodeDyads[nodeDyadOffset[i] .. nodeDyadOffset[i + 1]]`,
 *   sorted by the other endpoint's id.
 *
 * @module
 * @internal
 */
import type { Attributes } from 'graphology-types';
import {
  InvalidInteractionError,
  InvalidOptionError,
  describeValue,
  quoteKey,
  type ErrorLocation,
} from './errors.js';
import { assertGraph, assertNode, compareKeys, forEachEdgeOf, type PeopleGraph } from './graph.js';
import { resolveKinds, type KindTable } from './kinds.js';
import { timeToMs } from './time.js';
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
  /** Event value: the kind's value × the interaction's weight. */
  readonly value: Float64Array;
  /** Event role code: 0 contact, 1 give, 2 ask. */
  readonly role: Uint8Array;
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
  | { readonly kind: 'pair'; readonly a: string; readonly b: string };

type EdgeCallback = (
  edge: string,
  attributes: Attributes,
  source: string,
  target: string,
  sourceAttributes: Attributes,
  targetAttributes: Attributes,
  undirected: boolean,
) => void;

/** Growable typed buffer of doubles. */
class F64 {
  data = new Float64Array(1024);
  length = 0;
  push(x: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }
}

/** Growable typed buffer of 32-bit ints. */
class I32 {
  data = new Int32Array(1024);
  length = 0;
  push(x: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }
}

function edgeLocation(edge: string, source: string, target: string): ErrorLocation {
  return { edge, source, target };
}

function edgeName(edge: string, source: string, target: string, undirected: boolean): string {
  return `edge ${quoteKey(edge)} (${quoteKey(source)} ${undirected ? '--' : '->'} ${quoteKey(target)})`;
}

function makeInteractionsGetter(option: GraphReadOptions['getInteractions'], module: string): InteractionsGetter {
  if (option === undefined) return (_e, attributes) => attributes['interactions'] as Iterable<never> | undefined;
  if (typeof option === 'string') return (_e, attributes) => attributes[option] as Iterable<never> | undefined;
  if (typeof option === 'function') return option;
  throw new InvalidOptionError(
    `${module}: the option \`getInteractions\` is ${describeValue(option)}; pass an attribute name or a function (edge, attributes, source, target, undirected) => Iterable<Interaction>.`,
    { field: 'getInteractions' },
  );
}

function makeOverrideGetter(
  option: GraphReadOptions['getStrengthOverride'],
  module: string,
): StrengthOverrideGetter | null {
  if (option === null) return null;
  const name = option === undefined ? 'strengthOverride' : option;
  if (typeof name === 'string') return (_e, attributes) => attributes[name] as number | undefined;
  if (typeof name === 'function') return name;
  throw new InvalidOptionError(
    `${module}: the option \`getStrengthOverride\` is ${describeValue(option)}; pass an attribute name, a function, or null.`,
    { field: 'getStrengthOverride' },
  );
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
  assertGraph(graph, module);
  const g: PeopleGraph = graph;
  if (options === null || typeof options !== 'object') {
    throw new InvalidOptionError(`${module}: options must be an object, got ${describeValue(options)}.`, {
      field: 'options',
    });
  }
  const kinds = resolveKinds(options, module);
  const getInteractions = makeInteractionsGetter(options.getInteractions, module);
  const getOverride = makeOverrideGetter(options.getStrengthOverride, module);

  // 1. Node ids in code-unit key order.
  let keys: string[];
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
  } else {
    assertNode(g, scope.a, module, 'a');
    assertNode(g, scope.b, module, 'b');
    keys = scope.a === scope.b ? [scope.a] : [scope.a, scope.b];
  }
  keys.sort(compareKeys);
  const nodeId = new Map<string, number>();
  for (let i = 0; i < keys.length; i++) nodeId.set(keys[i]!, i);
  const n = keys.length;

  // 2. Read edges: one pass, events appended in edge order.
  const pairToDyad = new Map<number, number>();
  const dyadKeys = new F64(); // A * n + B per provisional dyad
  const dyadLinks: number[] = [];
  const dyadOverride: number[] = [];
  const evDyad = new I32();
  const evTime = new F64();
  const evValue = new F64();
  const evMeta = new I32(); // dir | role << 1 | kind << 3
  let selfLoopEvents = 0;
  const { byName, unknown } = kinds;

  const readEdge: EdgeCallback = (edge, attributes, source, target, _sa, _ta, undirected) => {
    const s = nodeId.get(source);
    const t = nodeId.get(target);
    if (s === undefined || t === undefined) return; // outside the scope
    if (scope.kind === 'pair' && !((source === scope.a && target === scope.b) || (source === scope.b && target === scope.a))) {
      if (!(scope.a === scope.b && source === target && source === scope.a)) return;
    }
    if (scope.kind === 'node' && source !== scope.node && target !== scope.node) return;
    const selfLoop = s === t;
    const a = s < t ? s : t;
    const b = s < t ? t : s;
    let dyad = -1;
    if (!selfLoop) {
      const pairKey = a * n + b;
      const found = pairToDyad.get(pairKey);
      if (found === undefined) {
        dyad = dyadLinks.length;
        pairToDyad.set(pairKey, dyad);
        dyadKeys.push(pairKey);
        dyadLinks.push(0);
        dyadOverride.push(Number.NaN);
      } else dyad = found;
      dyadLinks[dyad]! |= undirected ? LINK_UNDIRECTED : s === a ? LINK_AB : LINK_BA;
      if (getOverride !== null) {
        const raw = getOverride(edge, attributes, source, target, undirected);
        if (raw !== undefined && raw !== null) {
          if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < 0 || raw > 1) {
            throw new InvalidOptionError(
              `${module}: the strength override of ${edgeName(edge, source, target, undirected)} is ${describeValue(raw)}; it must be a number in [0, 1] (or absent). Fix the attribute, or pass getStrengthOverride: null to ignore overrides.`,
              { ...edgeLocation(edge, source, target), field: 'getStrengthOverride' },
            );
          }
          const prev = dyadOverride[dyad]!;
          dyadOverride[dyad] = Number.isNaN(prev) ? raw : Math.max(prev, raw);
        }
      }
    }
    const list = getInteractions(edge, attributes, source, target, undirected);
    if (list === undefined || list === null) return;
    if (typeof list !== 'object' || typeof (list as Iterable<unknown>)[Symbol.iterator] !== 'function') {
      throw new InvalidInteractionError(
        `${module}: the interactions of ${edgeName(edge, source, target, undirected)} are ${describeValue(list)}, not an array (or iterable) of interactions. Store an array such as [{ at: '2024-01-31', kind: 'message' }].`,
        { ...edgeLocation(edge, source, target), field: 'interactions' },
      );
    }
    let index = 0;
    for (const item of list as Iterable<unknown>) {
      const where = (field: string): ErrorLocation => ({ ...edgeLocation(edge, source, target), index, field });
      const at = `interaction #${index} of ${edgeName(edge, source, target, undirected)}`;
      if (item === null || typeof item !== 'object' || Array.isArray(item)) {
        throw new InvalidInteractionError(
          `${module}: ${at} is ${describeValue(item)}, not an object. Each interaction is an object like { at: '2024-01-31', kind: 'message' }.`,
          where('interaction'),
        );
      }
      const record = item as Record<string, unknown>;
      const rawAt = record['at'];
      const ms = timeToMs(rawAt);
      if (Number.isNaN(ms)) {
        throw new InvalidInteractionError(
          rawAt === undefined
            ? `${module}: ${at} has no \`at\`. Give each interaction its date: a Date, epoch milliseconds or an ISO 8601 string.`
            : `${module}: ${at} has \`at\` = ${describeValue(rawAt)}, which is not a valid date. Use a Date, epoch milliseconds or an ISO 8601 string.`,
          where('at'),
        );
      }
      const rawWeight = record['weight'];
      let weight = 1;
      if (rawWeight !== undefined) {
        if (typeof rawWeight !== 'number' || !Number.isFinite(rawWeight) || rawWeight < 0) {
          throw new InvalidInteractionError(
            `${module}: ${at} has \`weight\` = ${describeValue(rawWeight)}; a weight must be a finite number >= 0 (or absent, meaning 1).`,
            where('weight'),
          );
        }
        weight = rawWeight;
      }
      const rawKind = record['kind'];
      let kindId = 0;
      let kindValue = 1;
      let roleCode = 0;
      if (rawKind !== undefined) {
        const resolved = typeof rawKind === 'string' ? byName.get(rawKind) : undefined;
        if (resolved !== undefined) {
          kindId = resolved.id;
          kindValue = resolved.value;
          roleCode = resolved.roleCode;
        } else if (typeof rawKind !== 'string' || unknown === 'error') {
          throw new InvalidInteractionError(
            `${module}: ${at} has \`kind\` = ${describeValue(rawKind)}, which the kind catalogue does not define. Add it with the option kinds: { ${typeof rawKind === 'string' ? JSON.stringify(rawKind) : 'name'}: { role: 'contact', value: 1 } }, or set unknownKind: 'contact' or 'ignore'.`,
            where('kind'),
          );
        } else if (unknown === 'ignore') {
          index++;
          continue;
        }
      }
      const rawFrom = record['from'];
      let initiator: number;
      if (rawFrom === undefined) {
        if (undirected) {
          throw new InvalidInteractionError(
            `${module}: ${at} has no \`from\`. An undirected edge carries no direction, so each of its interactions must name its initiator: from: ${quoteKey(source)} or from: ${quoteKey(target)}.`,
            where('from'),
          );
        }
        initiator = s;
      } else if (rawFrom === source || (typeof rawFrom === 'number' && String(rawFrom) === source)) {
        initiator = s;
      } else if (rawFrom === target || (typeof rawFrom === 'number' && String(rawFrom) === target)) {
        initiator = t;
      } else {
        throw new InvalidInteractionError(
          `${module}: ${at} has \`from\` = ${describeValue(rawFrom)}, which is neither endpoint; use ${quoteKey(source)} or ${quoteKey(target)}.`,
          where('from'),
        );
      }
      index++;
      if (selfLoop) {
        selfLoopEvents++;
        continue;
      }
      evDyad.push(dyad);
      evTime.push(ms);
      evValue.push(kindValue * weight);
      evMeta.push((initiator === a ? 0 : 1) | (roleCode << 1) | (kindId << 3));
    }
  };

  if (scope.kind === 'all') g.forEachEdge(readEdge);
  else if (scope.kind === 'node') forEachEdgeOf(g, scope.node, readEdge);
  else forEachEdgeOf(g, scope.a, readEdge);

  // 3. Renumber dyads in (A, B) order.
  const D = dyadLinks.length;
  const order = new Int32Array(D);
  for (let i = 0; i < D; i++) order[i] = i;
  const pk = dyadKeys.data;
  order.sort((x, y) => pk[x]! - pk[y]!);
  const rank = new Int32Array(D);
  const dyadA = new Int32Array(D);
  const dyadB = new Int32Array(D);
  const links = new Uint8Array(D);
  const override = new Float64Array(D);
  for (let r = 0; r < D; r++) {
    const old = order[r]!;
    rank[old] = r;
    const key = pk[old]!;
    const a = Math.floor(key / n);
    dyadA[r] = a;
    dyadB[r] = key - a * n;
    links[r] = dyadLinks[old]!;
    override[r] = dyadOverride[old]!;
  }

  // 4. Counting sort of events by dyad (stable), then by time within each dyad (stable).
  const M = evDyad.length;
  const eventOffset = new Int32Array(D + 1);
  for (let e = 0; e < M; e++) eventOffset[rank[evDyad.data[e]!]! + 1]!++;
  for (let d = 0; d < D; d++) eventOffset[d + 1]! += eventOffset[d]!;
  const cursor = eventOffset.slice(0, D);
  const slot = new Int32Array(M);
  for (let e = 0; e < M; e++) slot[cursor[rank[evDyad.data[e]!]!]!++] = e;
  const rawTime = evTime.data;
  for (let d = 0; d < D; d++) {
    const lo = eventOffset[d]!;
    const hi = eventOffset[d + 1]!;
    let sorted = true;
    for (let i = lo + 1; i < hi; i++) {
      if (rawTime[slot[i]!]! < rawTime[slot[i - 1]!]!) {
        sorted = false;
        break;
      }
    }
    if (!sorted) {
      // Stable: equal times keep the order in which they were read (slot ids increase).
      slot.subarray(lo, hi).sort((x, y) => rawTime[x]! - rawTime[y]! || x - y);
    }
  }
  const time = new Float64Array(M);
  const value = new Float64Array(M);
  const role = new Uint8Array(M);
  const dir = new Uint8Array(M);
  const kind = new Uint16Array(M);
  for (let i = 0; i < M; i++) {
    const e = slot[i]!;
    time[i] = rawTime[e]!;
    value[i] = evValue.data[e]!;
    const meta = evMeta.data[e]!;
    dir[i] = meta & 1;
    role[i] = (meta >> 1) & 3;
    kind[i] = meta >> 3;
  }

  // 5. Node → dyads (CSR); dyads are in (A, B) order, so each group comes out sorted by the other id
  //    once we place the dyads where the node is B (other = A < node) before those where it is A.
  const nodeDyadOffset = new Int32Array(n + 1);
  for (let d = 0; d < D; d++) {
    nodeDyadOffset[dyadA[d]! + 1]!++;
    nodeDyadOffset[dyadB[d]! + 1]!++;
  }
  for (let i = 0; i < n; i++) nodeDyadOffset[i + 1]! += nodeDyadOffset[i]!;
  const nodeDyads = new Int32Array(2 * D);
  const fill = nodeDyadOffset.slice(0, n);
  // Dyads where the node is B, in increasing A, come first: iterate dyads in order.
  for (let d = 0; d < D; d++) nodeDyads[fill[dyadB[d]!]!++] = d;
  for (let d = 0; d < D; d++) nodeDyads[fill[dyadA[d]!]!++] = d;

  return {
    nodes: keys,
    nodeId,
    dyadCount: D,
    dyadA,
    dyadB,
    links,
    override,
    eventOffset,
    time,
    value,
    role,
    dir,
    kind,
    nodeDyadOffset,
    nodeDyads,
    kinds,
    selfLoopEvents,
  };
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
  // Search the group of `self`; dyads where self is A hold `other` in dyadB, sorted.
  let lo = index.nodeDyadOffset[self]!;
  let hi = index.nodeDyadOffset[self + 1]!;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const d = index.nodeDyads[mid]!;
    const o = index.dyadA[d] === self ? index.dyadB[d]! : index.dyadA[d]!;
    if (o < other) lo = mid + 1;
    else hi = mid;
  }
  if (lo < index.nodeDyadOffset[self + 1]!) {
    const d = index.nodeDyads[lo]!;
    const o = index.dyadA[d] === self ? index.dyadB[d]! : index.dyadA[d]!;
    if (o === other) return d;
  }
  return -1;
}

/** The other endpoint (id) of dyad `d` seen from node id `self`. */
export function otherEnd(index: InteractionIndex, dyad: number, self: number): number {
  return index.dyadA[dyad] === self ? index.dyadB[dyad]! : index.dyadA[dyad]!;
}
