/**
 * `personReciprocity`: one person's give-and-take over all their ties, and
 * their style — giver, matcher or taker (A. Grant, Give and Take, 2013).
 *
 * @module
 */
import { optionError } from '../../core/errors.js';
import { assertGraph, nodeKey, type PeopleGraph } from '../../core/graph.js';
import { buildIndex, type InteractionIndex } from '../../core/interaction-index.js';
import { lens, readOptions, sumDyad, type ReciprocityLens, type ReciprocityOptions } from './dyad.js';

/** The style of a person (Grant 2013), from the exchange lens. */
export type ReciprocityStyle = 'giver' | 'matcher' | 'taker' | 'none';

/** Options of {@link personReciprocity}. */
export interface PersonReciprocityOptions extends ReciprocityOptions {
  /** Overall exchange balance at or above which a person is a giver. Default 0.2. */
  giverThreshold?: number;
  /** Overall exchange balance at or below which a person is a taker. Default −0.2. */
  takerThreshold?: number;
  /** A tie is balanced when |exchange balance| < this. Default 0.2. */
  balancedBand?: number;
  /** Giver fatigue: this many gives in a row without any give back. Default 3. */
  fatigueRun?: number;
  /** A style (giver, matcher, taker) needs at least this many gives and asks, both ways together. Default 5: one favour received does not make a taker. */
  minExchanges?: number;
}

/** The default of {@link PersonReciprocityOptions.minExchanges}. */
export const MIN_EXCHANGES = 5;

/** One tie of the person. */
export interface PersonTie {
  /** The other person. */
  other: string;
  /** Exchange lens from the person's view. */
  exchange: ReciprocityLens;
  /** Initiative lens from the person's view. */
  initiative: ReciprocityLens;
  /** `balanced`, `over-giving` (the person gives more), `over-taking`, or `no-exchange`. */
  class: 'balanced' | 'over-giving' | 'over-taking' | 'no-exchange';
}

/** A tie where the person keeps giving without return. */
export interface GiverFatigue {
  /** The other person. */
  other: string;
  /** Gives in a row without a give back. */
  run: number;
  /** The first of those gives. */
  since: Date;
}

/** The result of {@link personReciprocity}. */
export interface PersonReciprocity {
  /** The person. */
  person: string;
  /** Totals over all ties. */
  exchange: ReciprocityLens;
  initiative: ReciprocityLens;
  /** giver / matcher / taker by the overall exchange balance; `none` with fewer than `minExchanges` gives and asks (too little to say). */
  style: ReciprocityStyle;
  /** Number of ties with interactions at or before `now`. */
  tieCount: number;
  /** Counts of ties by class. */
  balanced: number;
  overGiving: number;
  overTaking: number;
  noExchange: number;
  /** Shares of the ties with any exchange (balanced + overGiving + overTaking = 1), or `null` without exchange. */
  shares: { balanced: number; overGiving: number; overTaking: number } | null;
  /** Ties where the person gave `fatigueRun` or more times in a row without return, longest run first. */
  giverFatigue: GiverFatigue[];
  /** Every tie, by the other person's key. */
  ties: PersonTie[];
}

function ratio(value: unknown, field: string, fallback: number, module: string, min: number, max: number): number {
  const v = value === undefined ? fallback : value;
  if (typeof v !== 'number' || !(v >= min && v <= max)) {
    throw optionError(module, field, `must be a number in [${min}, ${max}]`, v);
  }
  return v;
}

/**
 * One person's give-and-take at `now`: totals over all their ties, the share
 * of ties that are balanced, over-giving or over-taking, a style — *giver*
 * (overall exchange balance ≥ 0.2), *taker* (≤ −0.2) or *matcher* (between),
 * after Grant (2013), thresholds being options — and *giver fatigue*: ties
 * where the person gave 3 or more times in a row with nothing given back
 * (even generous givers stop giving when they repeatedly receive nothing).
 *
 * @see [Reciprocity](../../../docs/guides/reciprocity.md), the guide.
 *
 * @example
 * ```ts
 * const r = personReciprocity(graph, 'ann', { now: '2024-06-30' });
 * r.style;        // 'giver'
 * r.giverFatigue; // [{ other: 'bob', run: 4, since: 2024-03-02 }]
 * ```
 */
export function personReciprocity(
  graph: PeopleGraph,
  person: string,
  options: PersonReciprocityOptions,
): PersonReciprocity {
  const module = 'personReciprocity';
  assertGraph(graph, module);
  const { now, halfLife } = readOptions(options, module);
  const key = nodeKey(graph, person, module, 'person');
  const giverThreshold = ratio(options.giverThreshold, 'giverThreshold', 0.2, module, 0, 1);
  const takerThreshold = ratio(options.takerThreshold, 'takerThreshold', -0.2, module, -1, 0);
  const band = ratio(options.balancedBand, 'balancedBand', 0.2, module, 0, 1);
  const fatigueRun = options.fatigueRun ?? 3;
  if (typeof fatigueRun !== 'number' || !Number.isInteger(fatigueRun) || fatigueRun < 1) {
    throw optionError(module, 'fatigueRun', 'must be an integer >= 1', fatigueRun);
  }
  const minExchanges = options.minExchanges ?? MIN_EXCHANGES;
  if (typeof minExchanges !== 'number' || !Number.isInteger(minExchanges) || minExchanges < 1 || minExchanges > 1e9) {
    throw optionError(module, 'minExchanges', 'must be an integer from 1 to 1e9', minExchanges);
  }
  const index = buildIndex(graph, options, module, { kind: 'node', node: key });
  return personReciprocityOfIndex(index, index.nodeId.get(key)!, now, halfLife, {
    giverThreshold,
    takerThreshold,
    band,
    fatigueRun,
    minExchanges,
  });
}

/** {@link personReciprocity} of node id `self` of an index that holds their ties. */
export function personReciprocityOfIndex(
  index: InteractionIndex,
  self: number,
  now: number,
  halfLife: number,
  {
    giverThreshold,
    takerThreshold,
    band,
    fatigueRun,
    minExchanges,
  }: { giverThreshold: number; takerThreshold: number; band: number; fatigueRun: number; minExchanges: number },
): PersonReciprocity {
  const person = index.nodes[self]!;
  let cg = 0,
    cr = 0,
    cgn = 0,
    crn = 0,
    xg = 0,
    xr = 0,
    xgn = 0,
    xrn = 0;
  const perTie: PersonTie[] = [];
  const giverFatigue: GiverFatigue[] = [];
  const counts = { balanced: 0, 'over-giving': 0, 'over-taking': 0, 'no-exchange': 0 };
  for (let i = index.nodeDyadOffset[self]!; i < index.nodeDyadOffset[self + 1]!; i++) {
    const d = index.nodeDyads[i]!;
    const side = index.dyadA[d] === self ? 0 : 1;
    const s = sumDyad(index, d, side, now, halfLife);
    if (s.count === 0) continue;
    const other = index.nodes[side === 0 ? index.dyadB[d]! : index.dyadA[d]!]!;
    const exchange = lens(s.xGiven, s.xReceived, s.xGivenN, s.xReceivedN);
    const cls: PersonTie['class'] =
      exchange.mutuality === null
        ? 'no-exchange'
        : Math.abs(exchange.balance) < band
          ? 'balanced'
          : exchange.balance > 0
            ? 'over-giving'
            : 'over-taking';
    counts[cls]++;
    perTie.push({ other, exchange, initiative: lens(s.cGiven, s.cReceived, s.cGivenN, s.cReceivedN), class: cls });
    if (s.run >= fatigueRun) giverFatigue.push({ other, run: s.run, since: new Date(s.waitingSince) });
    cg += s.cGiven;
    cr += s.cReceived;
    cgn += s.cGivenN;
    crn += s.cReceivedN;
    xg += s.xGiven;
    xr += s.xReceived;
    xgn += s.xGivenN;
    xrn += s.xReceivedN;
  }
  const exchange = lens(xg, xr, xgn, xrn);
  const style: ReciprocityStyle =
    exchange.mutuality === null || xgn + xrn < minExchanges
      ? 'none'
      : exchange.balance >= giverThreshold
        ? 'giver'
        : exchange.balance <= takerThreshold
          ? 'taker'
          : 'matcher';
  const withExchange = counts.balanced + counts['over-giving'] + counts['over-taking'];
  giverFatigue.sort((x, y) => y.run - x.run || (x.other < y.other ? -1 : x.other > y.other ? 1 : 0));
  return {
    person,
    exchange,
    initiative: lens(cg, cr, cgn, crn),
    style,
    tieCount: perTie.length,
    balanced: counts.balanced,
    overGiving: counts['over-giving'],
    overTaking: counts['over-taking'],
    noExchange: counts['no-exchange'],
    shares:
      withExchange > 0
        ? {
            balanced: counts.balanced / withExchange,
            overGiving: counts['over-giving'] / withExchange,
            overTaking: counts['over-taking'] / withExchange,
          }
        : null,
    giverFatigue,
    ties: perTie,
  };
}
