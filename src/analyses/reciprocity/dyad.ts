/**
 * `tieReciprocity`: is give-and-take balanced between two people, from
 * one side's view — who reaches out (initiative) and who gives (exchange).
 *
 * @module
 */
import { isRecord } from '../../core/args.js';
import { InvalidOptionError } from '../../core/errors.js';
import { assertGraph, type PeopleGraph } from '../../core/graph.js';
import { eventRole, eventValue, eventsEnd } from '../../core/interaction-index.js';
import { parseDurationOption, parseTimeOption, type DurationInput } from '../../core/time.js';
import { ROLES, type Role } from '../../core/kinds.js';
import type { GraphReadOptions, TimeOptions } from '../../core/types.js';
import { newLenses, sumLenses } from '../../kernel/lenses.js';
import { optionsRequiredError, readPair } from '../../kernel/read.js';
import { lens, lensesOf, type ReciprocityLens } from '../../kernel/reciprocity.js';

export type { ReciprocityLens } from '../../kernel/reciprocity.js';

/** Options of the reciprocity functions. */
export interface ReciprocityOptions extends GraphReadOptions, TimeOptions {
  /** Weigh recent interactions more: value × 2^(−age / recencyHalfLife). Default: no decay. */
  recencyHalfLife?: DurationInput;
}

/** One step of the running ledger. */
export interface LedgerEntry {
  /** When. */
  at: Date;
  /** Who initiated it. */
  by: string;
  /** Its kind (`'(none)'` for an interaction without kind). */
  kind: string;
  /** Its role. */
  role: Role;
  /** Its value (kind value × weight, undecayed). */
  value: number;
  /** Initiative balance (contact) after it, from the first person's view, undecayed. */
  initiativeBalance: number;
  /** Exchange balance (gives and asks) after it, from the first person's view, undecayed. */
  exchangeBalance: number;
}

/** The result of {@link tieReciprocity}. */
export interface TieReciprocity {
  /** The person whose view this is. */
  person: string;
  /** The other person. */
  other: string;
  /** Whether they have any interaction at or before `now`. */
  relationship: boolean;
  /** Who reaches out: contact kinds initiated by `person` (given) and by `other` (received). */
  initiative: ReciprocityLens;
  /**
   * Who gives: give kinds by `person` and asks by `other` count as given by
   * `person` (an ask is a claim on the one asked); give kinds by `other` and
   * asks by `person` as received.
   */
  exchange: ReciprocityLens;
  /** Every interaction in time order with both balances after it. */
  ledger: LedgerEntry[];
  /**
   * Since when `person` has been waiting for a return: the first of the gives
   * `person` made since `other` last gave, or `null` if `other` gave last or
   * nobody gave.
   */
  waitingSince: Date | null;
  /** Interactions at or before `now`. */
  interactions: number;
}

/** Validates the shared options; returns now and the half-life in ms (NaN for none). */
export function readOptions(options: unknown, module: string, needNow = true): { now: number; halfLife: number } {
  const o = options as ReciprocityOptions;
  if (!isRecord(o)) throw optionsRequiredError(o, module);
  const now = needNow || o.now !== undefined ? parseTimeOption(o.now, 'now', module) : Infinity;
  const halfLife =
    o.recencyHalfLife === undefined ? NaN : parseDurationOption(o.recencyHalfLife, 'recencyHalfLife', module, false);
  if (!Number.isNaN(halfLife) && now === Infinity) {
    throw new InvalidOptionError(
      `${module}: the option \`recencyHalfLife\` needs \`now\` (decay is measured back from a date).`,
      { field: 'now' },
    );
  }
  return { now, halfLife };
}

/**
 * Is give-and-take balanced between `a` and `b`, from `a`'s view? Two lenses:
 * *initiative* (who reaches out: contact kinds) and *exchange* (who gives:
 * give kinds, with asks as claims on the one asked), each with given,
 * received, balance = (given − received)/(given + received) ∈ [−1, 1] and
 * mutuality = min/max ∈ [0, 1]; the running ledger; and since when `a` has
 * been waiting for a return. `a`'s balance is the negative of `b`'s. Two
 * people without interactions get a defined empty result (`relationship:
 * false`, balances 0, mutuality `null`).
 *
 * @see [Reciprocity](../../../docs/guides/reciprocity.md), the guide.
 *
 * @example
 * ```ts
 * const r = tieReciprocity(graph, 'ann', 'bob', { now: '2024-06-30' });
 * r.exchange.balance; // 0.6: Ann gives much more than she receives
 * r.waitingSince;     // 2024-05-02: Ann's favours since then are unreturned
 * tieReciprocity(graph, 'ann', 'bob', { now: '2024-06-30', recencyHalfLife: { days: 90 } }); // recent counts more
 * ```
 */
export function tieReciprocity(graph: PeopleGraph, a: string, b: string, options: ReciprocityOptions): TieReciprocity {
  const module = 'tieReciprocity';
  assertGraph(graph, module);
  const { halfLife } = readOptions(options, module);
  const ctx = readPair(graph, a, b, options, module);
  if (ctx.d < 0) {
    return {
      person: ctx.a,
      other: ctx.b,
      relationship: false,
      initiative: lens(0, 0, 0, 0),
      exchange: lens(0, 0, 0, 0),
      ledger: [],
      waitingSince: null,
      interactions: 0,
    };
  }
  const { index, d, now } = ctx;
  const side = ctx.aSide;
  // The kernel's lenses give the ledger's undecayed running sums (and, summed again, the decayed lenses).
  const sums: number[] = [];
  const end = eventsEnd(index, d, now);
  const start = index.eventOffset[d]!;
  const n = end - start;
  const undecayed = newLenses();
  sumLenses(index, d, end, now, NaN, undecayed, sums);
  let s = undecayed;
  if (!Number.isNaN(halfLife)) sumLenses(index, d, end, now, halfLife, (s = newLenses()));
  const { initiative, exchange, run, waitingSince } = lensesOf(s, side);
  const ledger: LedgerEntry[] = [];
  for (let e = start, k = 0; k < sums.length; e++, k += 4) {
    const mine = index.dir[e] === side;
    const cg = sums[k + side]!;
    const cr = sums[k + 1 - side]!;
    const xg = sums[k + 2 + side]!;
    const xr = sums[k + 3 - side]!;
    ledger.push({
      at: new Date(index.time[e]!),
      by: mine ? ctx.a : ctx.b,
      kind: index.kinds.list[index.kind[e]!]!.name,
      role: ROLES[eventRole(index, e)]!,
      value: eventValue(index, e),
      initiativeBalance: cg + cr > 0 ? (cg - cr) / (cg + cr) : 0,
      exchangeBalance: xg + xr > 0 ? (xg - xr) / (xg + xr) : 0,
    });
  }
  return {
    person: ctx.a,
    other: ctx.b,
    relationship: n > 0,
    initiative,
    exchange,
    ledger,
    waitingSince: run > 0 ? new Date(waitingSince) : null,
    interactions: n,
  };
}
