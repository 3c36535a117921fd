/**
 * `tieReciprocity`: is give-and-take balanced between two people, from
 * one side's view — who reaches out (initiative) and who gives (exchange).
 *
 * @module
 */
import { InvalidOptionError } from '../../core/errors.js';
import { assertGraph, nodeKey, type PeopleGraph } from '../../core/graph.js';
import {
  buildIndex,
  eventRole,
  eventValue,
  eventsEnd,
  findDyad,
  type InteractionIndex,
} from '../../core/interaction-index.js';
import { parseDurationOption, parseTimeOption, type DurationInput } from '../../core/time.js';
import type { Role } from '../../core/kinds.js';
import type { GraphReadOptions, TimeOptions } from '../../core/types.js';
import { optionsRequiredError, samePersonError } from '../../kernel/read.js';

/** Options of the reciprocity functions. */
export interface ReciprocityOptions extends GraphReadOptions, TimeOptions {
  /** Weigh recent interactions more: value × 2^(−age / recencyHalfLife). Default: no decay. */
  recencyHalfLife?: DurationInput;
}

/** One lens on a relationship, from one side's view. */
export interface ReciprocityLens {
  /** Value given (value-weighted, decayed if `recencyHalfLife`). */
  given: number;
  /** Value received. */
  received: number;
  /** (given − received) / (given + received) ∈ [−1, 1]; 0 when nothing flowed. Positive: this side gives more. */
  balance: number;
  /** min / max of given and received ∈ [0, 1]; `null` when nothing flowed. */
  mutuality: number | null;
  /** Number of interactions counted as given. */
  givenCount: number;
  /** Number counted as received. */
  receivedCount: number;
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

/** Role codes of the index. */
export const ROLE_CONTACT = 0;
export const ROLE_GIVE = 1;
export const ROLE_ASK = 2;
const ROLE_NAMES: readonly Role[] = ['contact', 'give', 'ask'];

/** Validates the shared options; returns now and the half-life in ms (NaN for none). */
export function readOptions(options: unknown, module: string, needNow = true): { now: number; halfLife: number } {
  if (options === null || typeof options !== 'object') throw optionsRequiredError(options, module);
  const o = options as ReciprocityOptions;
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

/** balance and mutuality of a lens. */
export function lens(given: number, received: number, givenCount: number, receivedCount: number): ReciprocityLens {
  const total = given + received;
  const hi = given > received ? given : received;
  return {
    given,
    received,
    balance: total > 0 ? (given - received) / total : 0,
    mutuality: hi > 0 ? (given < received ? given : received) / hi : null,
    givenCount,
    receivedCount,
  };
}

/** Per-dyad sums from one side's view (side 0 = the dyad's A). */
export interface DyadSums {
  cGiven: number;
  cReceived: number;
  cGivenN: number;
  cReceivedN: number;
  xGiven: number;
  xReceived: number;
  xGivenN: number;
  xReceivedN: number;
  /** Time of the first give of the current run of `side`'s gives with no give from the other since, or NaN. */
  waitingSince: number;
  /** Length of that run. */
  run: number;
  count: number;
}

/** Sums dyad `d`'s events at or before `now` from `side`'s view (0: the dyad's A), decayed if halfLife is a number. */
export function sumDyad(index: InteractionIndex, d: number, side: number, now: number, halfLife: number): DyadSums {
  const s: DyadSums = {
    cGiven: 0,
    cReceived: 0,
    cGivenN: 0,
    cReceivedN: 0,
    xGiven: 0,
    xReceived: 0,
    xGivenN: 0,
    xReceivedN: 0,
    waitingSince: NaN,
    run: 0,
    count: 0,
  };
  const start = index.eventOffset[d]!;
  const end = eventsEnd(index, d, now);
  const { time, dir, kind, weight, kindValue, kindRole } = index;
  const decay = !Number.isNaN(halfLife);
  for (let e = start; e < end; e++) {
    const mine = dir[e] === side;
    const k = kind[e]!;
    const value = weight === null ? kindValue[k]! : kindValue[k]! * weight[e]!;
    const v = decay ? value * Math.pow(2, (time[e]! - now) / halfLife) : value;
    const r = kindRole[k]!;
    if (r === ROLE_CONTACT) {
      if (mine) {
        s.cGiven += v;
        s.cGivenN++;
      } else {
        s.cReceived += v;
        s.cReceivedN++;
      }
    } else if ((r === ROLE_GIVE) === mine) {
      // My give, or the other's ask of me.
      s.xGiven += v;
      s.xGivenN++;
    } else {
      s.xReceived += v;
      s.xReceivedN++;
    }
    if (r === ROLE_GIVE) {
      if (mine) {
        if (s.run === 0) s.waitingSince = time[e]!;
        s.run++;
      } else {
        s.run = 0;
        s.waitingSince = NaN;
      }
    }
  }
  s.count = end - start;
  return s;
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
  const { now, halfLife } = readOptions(options, module);
  a = nodeKey(graph, a, module, 'a'); // graphology's key: the number 1 is '1'
  b = nodeKey(graph, b, module, 'b');
  const index = buildIndex(graph, options, module, { kind: 'pair', a, b });
  if (a === b) throw samePersonError(module, a, 'reciprocity');
  const ia = index.nodeId.get(a)!;
  const d = findDyad(index, ia, index.nodeId.get(b)!);
  if (d < 0) {
    return {
      person: a,
      other: b,
      relationship: false,
      initiative: lens(0, 0, 0, 0),
      exchange: lens(0, 0, 0, 0),
      ledger: [],
      waitingSince: null,
      interactions: 0,
    };
  }
  const side = index.dyadA[d] === ia ? 0 : 1;
  const s = sumDyad(index, d, side, now, halfLife);
  // The ledger: undecayed running balances after each interaction.
  const ledger: LedgerEntry[] = [];
  let cg = 0;
  let cr = 0;
  let xg = 0;
  let xr = 0;
  const end = eventsEnd(index, d, now);
  for (let e = index.eventOffset[d]!; e < end; e++) {
    const mine = index.dir[e] === side;
    const v = eventValue(index, e);
    const r = eventRole(index, e);
    if (r === ROLE_CONTACT) {
      if (mine) cg += v;
      else cr += v;
    } else if ((r === ROLE_GIVE) === mine) xg += v;
    else xr += v;
    ledger.push({
      at: new Date(index.time[e]!),
      by: mine ? a : b,
      kind: index.kinds.list[index.kind[e]!]!.name,
      role: ROLE_NAMES[r]!,
      value: v,
      initiativeBalance: cg + cr > 0 ? (cg - cr) / (cg + cr) : 0,
      exchangeBalance: xg + xr > 0 ? (xg - xr) / (xg + xr) : 0,
    });
  }
  return {
    person: a,
    other: b,
    relationship: s.count > 0,
    initiative: lens(s.cGiven, s.cReceived, s.cGivenN, s.cReceivedN),
    exchange: lens(s.xGiven, s.xReceived, s.xGivenN, s.xReceivedN),
    ledger,
    waitingSince: Number.isNaN(s.waitingSince) ? null : new Date(s.waitingSince),
    interactions: s.count,
  };
}
