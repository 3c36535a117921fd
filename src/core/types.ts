/**
 * The public model: interactions and the options every algorithm shares.
 *
 * @module
 */
import type { Attributes } from 'graphology-types';
import type { KindOptions, KnownKind } from './kinds.js';
import type { TimeInput } from './time.js';

/**
 * One thing that happened between two people, stored on the edge from the
 * person who initiated it.
 *
 * @example
 * ```ts
 * graph.addEdge('ann', 'bob', {
 *   interactions: [
 *     { at: '2024-03-01', kind: 'meeting' },
 *     { at: Date.UTC(2024, 3, 2), kind: 'referral', weight: 2 },
 *   ],
 * });
 * ```
 */
export interface Interaction {
  /**
   * When it happened: a `Date`, epoch milliseconds, or an ISO 8601 string. A
   * number that looks like Unix seconds (100,000,000 to 7,289,654,399.999) is
   * an `InvalidInteractionError`: multiply it by 1000 (see `checkUnixSeconds`).
   */
  at: TimeInput;
  /**
   * What it was; a kind of the catalogue (see {@link DEFAULT_KINDS}). Absent: a plain contact of value 1.
   * Typed so that editors suggest the default kinds; any other string (a kind added with the option
   * `kinds`) type-checks too.
   */
  kind?: KnownKind | (string & {});
  /** A multiplier of the kind's value; finite and `>= 0`. Default 1. */
  weight?: number;
  /**
   * The group it happened in (`eventsToInteractions` sets it): `size` people, the initiator included, a
   * whole number `>= 2`. Closeness weighs a 1:1 above being one of many: in a group of more than 4, the
   * interaction's value counts 3 / (size − 1) (see the data guide). Absent: between the two alone.
   */
  group?: { readonly size: number };
  /**
   * The node key of the initiator. Required on undirected edges (they carry no
   * direction); optional on directed edges, where it defaults to the source
   * and, when given, must be one of the two endpoints.
   */
  from?: string;
}

/**
 * Reads an edge's interactions: `(edge, attributes, source, target, undirected)`.
 * Return `undefined` or `null` for an edge without interactions.
 */
export type InteractionsGetter = (
  edge: string,
  attributes: Attributes,
  source: string,
  target: string,
  undirected: boolean,
) => Iterable<Interaction> | null | undefined;

/**
 * Reads an edge's manual strength override, a number in [0, 1], or
 * `undefined`/`null` when the edge has none.
 */
export type StrengthOverrideGetter = (
  edge: string,
  attributes: Attributes,
  source: string,
  target: string,
  undirected: boolean,
) => number | null | undefined;

/** How goodwill reads a graph; every algorithm accepts these options. */
export interface GraphReadOptions extends KindOptions {
  /** Where an edge keeps its interactions: an attribute name or a getter. Default `'interactions'`. */
  getInteractions?: string | InteractionsGetter;
  /**
   * A manual strength override in [0, 1] on edges (users know ties that data
   * does not show): an attribute name, a getter, or `null` for none. Default
   * `'strengthOverride'`. Where both directions of a relationship carry one,
   * the larger wins.
   */
  getStrengthOverride?: string | StrengthOverrideGetter | null;
  /**
   * Refuse a number in an interaction's `at` that looks like Unix seconds
   * (100,000,000 to 7,289,654,399.999: a date from 1973 to 2200 in seconds,
   * between 2 January and 26 March 1970 in milliseconds) with an
   * `InvalidInteractionError` that gives the fix. Default `true`. Set `false`
   * for data whose numeric times really are milliseconds near 1970 (a clock
   * that starts at 0, as in some research data sets); time options such as
   * `now` then take a `Date` or an ISO string for such times.
   *
   * @example
   * ```ts
   * const relative = parseEdgeList(text, { format: 'snap' }); // times in seconds from 0
   * networkReciprocity(relative, { checkUnixSeconds: false });
   * ```
   */
  checkUnixSeconds?: boolean;
}

/** Options of every time-dependent algorithm. */
export interface TimeOptions {
  /**
   * The date at which to evaluate; required, since goodwill never reads the
   * clock. Interactions after `now` are ignored. A number is epoch
   * milliseconds; one that looks like Unix seconds is an `InvalidOptionError`.
   */
  now: TimeInput;
}
