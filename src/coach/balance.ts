/**
 * The goodwill balance of a tie: what each side has given the other and
 * asked of it, each event worth its kind's value (see `core/kinds.ts`: a
 * help 4, an introduction 6, a referral 8, a request 2), decayed with a half-life
 * of its own (`balanceHalfLife`, default 180 days: a favour is remembered
 * longer than a chat warms) — a favour of three years ago weighs less than
 * last month's. The balance is what I gave minus what I received:
 * positive, the other owes me; negative, I owe them ("give before you ask":
 * Grant 2013, *Give and Take*; the norm of reciprocity, Gouldner 1960).
 *
 * @module
 * @internal
 */
import { eventsEnd, type InteractionIndex } from '../core/interaction-index.js';
import { answerWindowMs, type Assessment } from '../kernel/assess.js';
import type { ResolvedModel } from '../kernel/options.js';
import { amountText } from './words.js';

/** What each side of a tie gave and asked, decayed, seen from `me`. */
export interface GoodwillBalance {
  /** Value `me` gave the other, and received from them (decayed). */
  gave: number;
  received: number;
  /** Value `me` asked of the other, and the other asked of `me` (decayed). */
  asked: number;
  askedOfMe: number;
  /** gave − received: positive when the goodwill is in my favour. */
  balance: number;
  /** The balance within ± `evenWithin` is even. */
  standing: 'in-my-favour' | 'even' | 'in-their-favour';
  /** In a sentence. */
  text: string;
}

/** The raw sums of dyad `d` from side `side`, and my open ask (ms, NaN: none). */
export interface BalanceSums {
  gave: number;
  received: number;
  asked: number;
  askedOfMe: number;
  /** My last ask still open: within the answer window and not followed by a give of theirs (NaN: none). */
  openAsk: number;
}

/** Sums the decayed gives and asks of dyad `d` (−1: none) at `now`, from side `side`. */
export function balanceSums(
  index: InteractionIndex,
  d: number,
  side: number,
  now: number,
  model: ResolvedModel,
  s: Assessment,
  halfLifeMs: number,
): BalanceSums {
  const out: BalanceSums = { gave: 0, received: 0, asked: 0, askedOfMe: 0, openAsk: NaN };
  if (d < 0) return out;
  const decay = Math.LN2 / halfLifeMs;
  let lastAsk = NaN;
  for (let e = index.eventOffset[d]!, end = eventsEnd(index, d, now); e < end; e++) {
    const k = index.kind[e]!;
    const role = index.kindRole[k]!;
    if (role === 0) continue;
    const mine = index.dir[e] === side;
    const value = index.kindValue[k]! * (index.weight === null ? 1 : index.weight[e]!);
    const v = value * Math.exp((index.time[e]! - now) * decay);
    if (role === 1) {
      if (mine) out.gave += v;
      else {
        out.received += v;
        lastAsk = NaN; // A give of theirs answers my ask.
      }
    } else if (mine) {
      out.asked += v;
      lastAsk = index.time[e]!;
    } else out.askedOfMe += v;
  }
  if (lastAsk === lastAsk && now - lastAsk <= answerWindowMs(s.usualGap, model)) out.openAsk = lastAsk;
  return out;
}

/** The balance of `sums` as the public answer, naming `me` and `other`. */
export function balanceOf(sums: BalanceSums, evenWithin: number, me: string, other: string): GoodwillBalance {
  const balance = sums.gave - sums.received;
  const standing = balance > evenWithin ? 'in-my-favour' : balance < -evenWithin ? 'in-their-favour' : 'even';
  const said =
    standing === 'even' ? 'even' : standing === 'in-my-favour' ? `in ${me}'s favour` : `in ${other}'s favour`;
  return {
    gave: sums.gave,
    received: sums.received,
    asked: sums.asked,
    askedOfMe: sums.askedOfMe,
    balance,
    standing,
    text: `${me} gave ${other} ${amountText(sums.gave)} and received ${amountText(sums.received)} (values decayed by age): the goodwill is ${said}.`,
  };
}
