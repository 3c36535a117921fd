/**
 * Reciprocity read from the kernel's pass: each tie's two lenses from one
 * side's view — *initiative* (who reaches out: contact kinds) and *exchange*
 * (who gives: give kinds, with the other's asks as claims on the one asked)
 * — and a person's give-and-take over their ties, with their style after
 * Grant (2013) and giver fatigue by the model's one rule
 * (`thresholds.giverFatigueRun`).
 *
 * @module
 * @internal
 */
import type { Lenses } from './lenses.js';

/** One lens on a relationship, from one side's view. */
export interface ReciprocityLens {
  /** Value given (value-weighted, decayed if a half-life is given). */
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

/** A tie's reciprocity from `side`'s view (0: the dyad's A). */
export interface TieLenses {
  initiative: ReciprocityLens;
  exchange: ReciprocityLens;
  /** `side`'s current run of gives with no give back, and its first give (ms, NaN without a run). */
  run: number;
  waitingSince: number;
}

/** The lenses of a tie (see `lenses.ts`) from `side`'s view. */
export function lensesOf(a: Lenses, side: number): TieLenses {
  const initiative =
    side === 0
      ? lens(a.contact0, a.contact1, a.contactN0, a.contactN1)
      : lens(a.contact1, a.contact0, a.contactN1, a.contactN0);
  const exchange =
    side === 0
      ? lens(a.credit0, a.credit1, a.creditN0, a.creditN1)
      : lens(a.credit1, a.credit0, a.creditN1, a.creditN0);
  const mine = a.giveRunSide === side;
  return { initiative, exchange, run: mine ? a.giveRun : 0, waitingSince: mine ? a.giveRunStart : NaN };
}

/** The style of a person (Grant 2013), from the exchange lens. */
export type ReciprocityStyle = 'giver' | 'matcher' | 'taker' | 'none';

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

/** The result of `personReciprocity`. */
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
  /** Ties where the person gave `thresholds.giverFatigueRun` (default 3) or more times in a row without return, longest run first. */
  giverFatigue: GiverFatigue[];
  /** Every tie, by the other person's key. */
  ties: PersonTie[];
}

/** The thresholds of a person's style. */
export interface StyleRule {
  giverThreshold: number;
  takerThreshold: number;
  band: number;
  fatigueRun: number;
  minExchanges: number;
}

/** The default of `minExchanges`: one favour received does not make a taker. */
export const MIN_EXCHANGES = 5;

/** The default style rule (Grant 2013's three styles at ±0.2; giver fatigue after 3 gives). */
export const DEFAULT_STYLE_RULE: Readonly<StyleRule> = /* @__PURE__ */ Object.freeze({
  giverThreshold: 0.2,
  takerThreshold: -0.2,
  band: 0.2,
  fatigueRun: 3,
  minExchanges: MIN_EXCHANGES,
});

/** A person's give-and-take over their assessed ties (see `personReciprocity`). */
export function personReciprocityOf(
  person: string,
  ties: readonly { other: string; side: number; a: Lenses }[],
  rule: StyleRule,
): PersonReciprocity {
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
  for (const tie of ties) {
    if (tie.a.n === 0) continue;
    const { initiative, exchange, run, waitingSince } = lensesOf(tie.a, tie.side);
    const cls: PersonTie['class'] =
      exchange.mutuality === null
        ? 'no-exchange'
        : Math.abs(exchange.balance) < rule.band
          ? 'balanced'
          : exchange.balance > 0
            ? 'over-giving'
            : 'over-taking';
    counts[cls]++;
    perTie.push({ other: tie.other, exchange, initiative, class: cls });
    if (run >= rule.fatigueRun) giverFatigue.push({ other: tie.other, run, since: new Date(waitingSince) });
    cg += initiative.given;
    cr += initiative.received;
    cgn += initiative.givenCount;
    crn += initiative.receivedCount;
    xg += exchange.given;
    xr += exchange.received;
    xgn += exchange.givenCount;
    xrn += exchange.receivedCount;
  }
  const exchange = lens(xg, xr, xgn, xrn);
  const style: ReciprocityStyle =
    exchange.mutuality === null || xgn + xrn < rule.minExchanges
      ? 'none'
      : exchange.balance >= rule.giverThreshold
        ? 'giver'
        : exchange.balance <= rule.takerThreshold
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
