/**
 * Reading one edge's interactions into the event columns: validation of every
 * field, kind resolution, and the errors that name the edge, the interaction
 * and the field at fault.
 *
 * The per-edge work lives in a method of its own (called once per edge), not
 * in a loop inside `buildIndex`: a function called tens of thousands of times
 * is optimised by V8 within the first few edges, where a loop inside a
 * function called once per build runs in the baseline tier until on-stack
 * replacement — on every build.
 *
 * @module
 * @internal
 */
import { InvalidInteractionError, describeValue, quoteKey, type ErrorLocation } from './errors.js';
import type { ResolvedKind, UnknownKindPolicy } from './kinds.js';
import {
  MAX_TIME_MS,
  MIN_TIME_MS,
  TIME_FORMS,
  TIME_RULE,
  describeTimeProblem,
  isEpochMs,
  looksLikeUnixSeconds,
  timeToMs,
} from './time.js';
import { MAX_WEIGHT, groupShare, unknownKindAdvice } from './kinds.js';
import { tieOrder } from './event-columns.js';

/** The location of an edge, for errors. */
export function edgeLocation(edge: string, source: string, target: string): ErrorLocation {
  return { edge, source, target };
}

/** An edge as errors name it: `edge "e1" ("ann" -> "bob")`. */
export function edgeName(edge: string, source: string, target: string, undirected: boolean): string {
  return `edge ${quoteKey(edge)} (${quoteKey(source)} ${undirected ? '--' : '->'} ${quoteKey(target)})`;
}

/** Where an interaction is read: for error messages, built only on error. */
interface Site {
  module: string;
  edge: string;
  source: string;
  target: string;
  undirected: boolean;
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
      ? `${describeSite(site, index)} has no \`at\`. Give each interaction its date: ${TIME_FORMS}.`
      : `${describeSite(site, index)} has \`at\` = ${describeValue(rawAt)}, which is not a valid date: ${describeTimeProblem(rawAt)}. Use ${TIME_RULE}${typeof rawAt === 'number' && looksLikeUnixSeconds(rawAt) ? ' (if your times really are milliseconds near 1970, pass the option checkUnixSeconds: false)' : ''}.`,
    siteLocation(site, index, 'at'),
  );
}

/** An interaction field whose value breaks `rule` (a sentence that says what it must be). */
function badField(site: Site, index: number, field: string, value: unknown, rule: string): InvalidInteractionError {
  return new InvalidInteractionError(
    `${describeSite(site, index)} has \`${field}\` = ${describeValue(value)}; ${rule}.`,
    siteLocation(site, index, field),
  );
}

function badKind(
  site: Site,
  index: number,
  rawKind: unknown,
  byName: ReadonlyMap<string, ResolvedKind>,
): InvalidInteractionError {
  return new InvalidInteractionError(
    `${describeSite(site, index)} has \`kind\` = ${describeValue(rawKind)}, which the kind catalogue does not define. ${unknownKindAdvice(rawKind, byName)}`,
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

/** Slots of the writer's cache of kind names (a power of 2), and its mask. */
const KIND_CACHE = 64;
const KIND_CACHE_MASK = KIND_CACHE - 1;

/**
 * Validates interactions and writes them into preallocated event columns
 * (time, direction, kind, and a weight column created on the first weight
 * other than 1).
 */
export class EventWriter {
  readonly time: Float64Array;
  readonly dir: Uint8Array;
  readonly kind: Uint16Array;
  weight: Float64Array | null = null;
  /** Valid interactions on self-loops (read, checked, not written). */
  selfLoopEvents = 0;
  /** Whether the interactions of the last edge written were in time order. */
  sorted = true;
  // Kind names resolved, with their ids: most data sets use a handful of kinds.
  private readonly cacheName: unknown[] = new Array<unknown>(KIND_CACHE).fill(undefined);
  private readonly cacheId = new Int32Array(KIND_CACHE);

  /**
   * @param rank - each kind id's rank in the content order of equal-time
   *   events (see `tieOrder` in event-columns.ts), to tell whether an edge's
   *   interactions are already in order.
   */
  constructor(
    capacity: number,
    private readonly byName: ReadonlyMap<string, ResolvedKind>,
    private readonly unknown: UnknownKindPolicy,
    private readonly module: string,
    private readonly rank: Uint16Array,
    private readonly checkSeconds: boolean = true,
  ) {
    this.time = new Float64Array(capacity);
    this.dir = new Uint8Array(capacity);
    this.kind = new Uint16Array(capacity);
  }

  /**
   * Validates the interactions of one edge (source id `s`, target id `t`; `a`
   * is the dyad's lower id) and writes them from position `m`, in their stored
   * order; `sorted` then says whether they are in the content order (time,
   * then side, kind name and weight). Returns the position after the last one written; on a self-loop
   * (`selfLoop`) checks them, counts them and writes none.
   */
  write(
    items: ArrayLike<unknown>,
    m: number,
    s: number,
    t: number,
    a: number,
    selfLoop: boolean,
    undirected: boolean,
    edge: string,
    source: string,
    target: string,
  ): number {
    const { time, dir, kind, byName, unknown, cacheName, cacheId, rank } = this;
    let previous = -Infinity;
    let previousWeight = 1;
    let sorted = true;
    const count = items.length;
    for (let index = 0; index < count; index++) {
      const item = items[index];
      if (item === null || typeof item !== 'object' || Array.isArray(item))
        throw badInteraction(this.site(edge, source, target, undirected), index, item);
      const record = item as Record<string, unknown>;
      const rawAt = record['at'];
      // `+ 0` turns −0 into 0, so that equal content gives equal bytes.
      const ms =
        typeof rawAt === 'number'
          ? (this.checkSeconds ? isEpochMs(rawAt) : rawAt >= MIN_TIME_MS && rawAt <= MAX_TIME_MS)
            ? rawAt + 0
            : Number.NaN
          : timeToMs(rawAt);
      if (ms !== ms) throw badAt(this.site(edge, source, target, undirected), index, rawAt);
      const rawWeight = record['weight'];
      let weight = 1;
      if (rawWeight !== undefined) {
        if (typeof rawWeight !== 'number' || !(rawWeight >= 0 && rawWeight <= MAX_WEIGHT))
          throw badField(
            this.site(edge, source, target, undirected),
            index,
            'weight',
            rawWeight,
            'a weight must be a finite number >= 0 and at most 1e12 (or absent, meaning 1)',
          );
        weight = rawWeight + 0;
      }
      const rawGroup = record['group'];
      if (rawGroup !== undefined && rawGroup !== null) {
        // Closeness weighs a 1:1 above being one of many: the group's share of the value (see groupShare).
        const size = (rawGroup as { size?: number }).size!;
        if (!Number.isInteger(size) || size < 2)
          throw badField(
            this.site(edge, source, target, undirected),
            index,
            'group',
            rawGroup,
            'give { size }, the people in it with the initiator: a whole number >= 2',
          );
        weight *= groupShare(size);
      }
      const rawKind = record['kind'];
      let kindId = 0;
      if (rawKind !== undefined) {
        // A direct-mapped cache of kind names (hashed by length and end characters) before the Map.
        const slot =
          typeof rawKind === 'string'
            ? (rawKind.length + 7 * rawKind.charCodeAt(0) + 3 * rawKind.charCodeAt(rawKind.length - 1)) &
              KIND_CACHE_MASK
            : 0;
        if (cacheName[slot] === rawKind) {
          kindId = cacheId[slot]!;
        } else {
          const resolved = typeof rawKind === 'string' ? byName.get(rawKind) : undefined;
          if (resolved !== undefined) {
            kindId = resolved.id;
            cacheName[slot] = rawKind;
            cacheId[slot] = kindId;
          } else if (typeof rawKind !== 'string' || unknown === 'error') {
            throw badKind(this.site(edge, source, target, undirected), index, rawKind, byName);
          } else if (unknown === 'ignore') {
            continue;
          }
        }
      }
      const rawFrom = record['from'];
      let initiator = s;
      if (rawFrom === undefined) {
        if (undirected) throw missingFrom(this.site(edge, source, target, undirected), index);
      } else if (rawFrom === source || (typeof rawFrom === 'number' && String(rawFrom) === source)) {
        initiator = s;
      } else if (rawFrom === target || (typeof rawFrom === 'number' && String(rawFrom) === target)) {
        initiator = t;
      } else {
        throw badFrom(this.site(edge, source, target, undirected), index, rawFrom);
      }
      if (selfLoop) {
        this.selfLoopEvents++;
        continue;
      }
      const side = initiator === a ? 0 : 1;
      if (
        ms <= previous &&
        (ms < previous || tieOrder(side, rank[kindId]!, weight, dir[m - 1]!, rank[kind[m - 1]!]!, previousWeight) < 0)
      )
        sorted = false;
      previous = ms;
      previousWeight = weight;
      time[m] = ms;
      if (weight !== 1) (this.weight ??= new Float64Array(time.length).fill(1))[m] = weight;
      dir[m] = side;
      kind[m] = kindId;
      m++;
    }
    this.sorted = sorted;
    return m;
  }

  private site(edge: string, source: string, target: string, undirected: boolean): Site {
    return { module: this.module, edge, source, target, undirected };
  }
}
