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
import { resolveKinds, type KindTable, type ResolvedKind } from './kinds.js';
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

/** Growable columns of events, in the order they are read. */
class EventBuffer {
  dyads = new Int32Array(1024);
  times = new Float64Array(1024);
  values = new Float64Array(1024);
  /** dir | role << 1 | kind << 3 */
  metas = new Int32Array(1024);
  length = 0;
  /** Makes room for `extra` more events. */
  reserve(extra: number): void {
    const need = this.length + extra;
    if (need <= this.times.length) return;
    let size = this.times.length * 2;
    while (size < need) size *= 2;
    const grow = <T extends Int32Array | Float64Array>(old: T, next: T): T => {
      next.set(old.subarray(0, this.length));
      return next;
    };
    this.dyads = grow(this.dyads, new Int32Array(size));
    this.times = grow(this.times, new Float64Array(size));
    this.values = grow(this.values, new Float64Array(size));
    this.metas = grow(this.metas, new Int32Array(size));
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

/** Where an interaction is read: for error messages, built only on error. */
interface Site {
  module: string;
  edge: string;
  source: string;
  target: string;
  undirected: boolean;
  index: number;
}

function describeSite(site: Site, index: number): string {
  return `${site.module}: interaction #${index} of ${edgeName(site.edge, site.source, site.target, site.undirected)}`;
}

function siteLocation(site: Site, index: number, field: string): ErrorLocation {
  return { ...edgeLocation(site.edge, site.source, site.target), index, field };
}

function badInteraction(site: Site, index: number, item: unknown): InvalidInteractionError {
  return new InvalidInteractionError(
    `${describeSite(site, index)} is ${describeValue(item)}, not an object. Each interaction is an object like { at: '2024-01-31', kind: 'message' }.`,
    siteLocation(site, index, 'interaction'),
  );
}

function badAt(site: Site, index: number, rawAt: unknown): InvalidInteractionError {
  return new InvalidInteractionError(
    rawAt === undefined
      ? `${describeSite(site, index)} has no \`at\`. Give each interaction its date: a Date, epoch milliseconds or an ISO 8601 string.`
      : `${describeSite(site, index)} has \`at\` = ${describeValue(rawAt)}, which is not a valid date. Use a Date, epoch milliseconds or an ISO 8601 string.`,
    siteLocation(site, index, 'at'),
  );
}

function badWeight(site: Site, index: number, rawWeight: unknown): InvalidInteractionError {
  return new InvalidInteractionError(
    `${describeSite(site, index)} has \`weight\` = ${describeValue(rawWeight)}; a weight must be a finite number >= 0 (or absent, meaning 1).`,
    siteLocation(site, index, 'weight'),
  );
}

function badKind(site: Site, index: number, rawKind: unknown): InvalidInteractionError {
  const name = typeof rawKind === 'string' ? JSON.stringify(rawKind) : 'name';
  return new InvalidInteractionError(
    `${describeSite(site, index)} has \`kind\` = ${describeValue(rawKind)}, which the kind catalogue does not define. Add it with the option kinds: { ${name}: { role: 'contact', value: 1 } }, or set unknownKind: 'contact' or 'ignore'.`,
    siteLocation(site, index, 'kind'),
  );
}

function missingFrom(site: Site, index: number): InvalidInteractionError {
  return new InvalidInteractionError(
    `${describeSite(site, index)} has no \`from\`. An undirected edge carries no direction, so each of its interactions must name its initiator: from: ${quoteKey(site.source)} or from: ${quoteKey(site.target)}.`,
    siteLocation(site, index, 'from'),
  );
}

function badFrom(site: Site, index: number, rawFrom: unknown): InvalidInteractionError {
  return new InvalidInteractionError(
    `${describeSite(site, index)} has \`from\` = ${describeValue(rawFrom)}, which is neither endpoint; use ${quoteKey(site.source)} or ${quoteKey(site.target)}.`,
    siteLocation(site, index, 'from'),
  );
}

/**
 * Sorts `slot[lo..hi)` by `time[slot[i]]`, stably (equal times keep increasing
 * slot ids, i.e. the order in which they were read): insertion sort for short
 * runs, a comparator sort otherwise.
 */
function sortSlots(slot: Int32Array, lo: number, hi: number, time: Float64Array): void {
  if (hi - lo <= 32) {
    for (let i = lo + 1; i < hi; i++) {
      const x = slot[i]!;
      const tx = time[x]!;
      let j = i - 1;
      while (j >= lo && time[slot[j]!]! > tx) {
        slot[j + 1] = slot[j]!;
        j--;
      }
      slot[j + 1] = x;
    }
    return;
  }
  slot.subarray(lo, hi).sort((x, y) => time[x]! - time[y]! || x - y);
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
  const ev = new EventBuffer();
  let selfLoopEvents = 0;
  const { byName, unknown } = kinds;
  let lastKindName: unknown = undefined;
  let lastKind: ResolvedKind | undefined = undefined;

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
    const site: Site = { module, edge, source, target, undirected, index: 0 };
    const items: ArrayLike<unknown> = Array.isArray(list) ? list : Array.from(list as Iterable<unknown>);
    const count = items.length;
    ev.reserve(count);
    const { dyads, times, values, metas } = ev;
    let m = ev.length;
    for (let index = 0; index < count; index++) {
      const item = items[index];
      if (item === null || typeof item !== 'object' || Array.isArray(item)) throw badInteraction(site, index, item);
      const record = item as Record<string, unknown>;
      const rawAt = record['at'];
      const ms = typeof rawAt === 'number' && rawAt - rawAt === 0 ? rawAt : timeToMs(rawAt);
      if (ms !== ms) throw badAt(site, index, rawAt);
      const rawWeight = record['weight'];
      let weight = 1;
      if (rawWeight !== undefined) {
        if (typeof rawWeight !== 'number' || !(rawWeight >= 0) || rawWeight === Infinity) throw badWeight(site, index, rawWeight);
        weight = rawWeight;
      }
      const rawKind = record['kind'];
      let kindId = 0;
      let kindValue = 1;
      let roleCode = 0;
      if (rawKind !== undefined) {
        // Consecutive interactions mostly share a kind: remember the last lookup.
        const resolved = rawKind === lastKindName ? lastKind : typeof rawKind === 'string' ? byName.get(rawKind) : undefined;
        if (resolved !== undefined) {
          lastKindName = rawKind as string;
          lastKind = resolved;
          kindId = resolved.id;
          kindValue = resolved.value;
          roleCode = resolved.roleCode;
        } else if (typeof rawKind !== 'string' || unknown === 'error') {
          throw badKind(site, index, rawKind);
        } else if (unknown === 'ignore') {
          continue;
        }
      }
      const rawFrom = record['from'];
      let initiator = s;
      if (rawFrom === undefined) {
        if (undirected) throw missingFrom(site, index);
      } else if (rawFrom === source || (typeof rawFrom === 'number' && String(rawFrom) === source)) {
        initiator = s;
      } else if (rawFrom === target || (typeof rawFrom === 'number' && String(rawFrom) === target)) {
        initiator = t;
      } else {
        throw badFrom(site, index, rawFrom);
      }
      if (selfLoop) {
        selfLoopEvents++;
        continue;
      }
      dyads[m] = dyad;
      times[m] = ms;
      values[m] = kindValue * weight;
      metas[m] = (initiator === a ? 0 : 1) | (roleCode << 1) | (kindId << 3);
      m++;
    }
    ev.length = m;
  };

  if (scope.kind === 'all') g.forEachEdge(readEdge);
  else if (scope.kind === 'node') forEachEdgeOf(g, scope.node, readEdge);
  else forEachEdgeOf(g, scope.a, readEdge);

  // 3. Renumber dyads in (A, B) order: a native numeric sort of the pair keys A * n + B.
  const D = dyadLinks.length;
  const sortedKeys = dyadKeys.data.slice(0, D).sort();
  const rank = new Int32Array(D);
  const dyadA = new Int32Array(D);
  const dyadB = new Int32Array(D);
  const links = new Uint8Array(D);
  const override = new Float64Array(D);
  for (let r = 0; r < D; r++) {
    const key = sortedKeys[r]!;
    const old = pairToDyad.get(key)!;
    rank[old] = r;
    const a = Math.floor(key / n);
    dyadA[r] = a;
    dyadB[r] = key - a * n;
    links[r] = dyadLinks[old]!;
    override[r] = dyadOverride[old]!;
  }

  // 4. Counting sort of events by dyad (stable), then by time within each dyad (stable).
  const M = ev.length;
  const eventOffset = new Int32Array(D + 1);
  for (let e = 0; e < M; e++) eventOffset[rank[ev.dyads[e]!]! + 1]!++;
  for (let d = 0; d < D; d++) eventOffset[d + 1]! += eventOffset[d]!;
  const cursor = eventOffset.slice(0, D);
  const slot = new Int32Array(M);
  for (let e = 0; e < M; e++) slot[cursor[rank[ev.dyads[e]!]!]!++] = e;
  const rawTime = ev.times;
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
    if (!sorted) sortSlots(slot, lo, hi, rawTime);
  }
  const time = new Float64Array(M);
  const value = new Float64Array(M);
  const role = new Uint8Array(M);
  const dir = new Uint8Array(M);
  const kind = new Uint16Array(M);
  for (let i = 0; i < M; i++) {
    const e = slot[i]!;
    time[i] = rawTime[e]!;
    value[i] = ev.values[e]!;
    const meta = ev.metas[e]!;
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
