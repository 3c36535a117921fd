/**
 * May I ask? The verdict on an ask from `me` to `them`, by three rules of
 * networking practice, each a sentence:
 *
 * 1. *Stage.* An ask needs a mature tie: engaged or trusted, by the stage
 *    and by the history (an override alone does not carry an ask). An ask
 *    below engaged is what the kernel flags `premature-ask` — the
 *    "networking jerk" who sells before there is a relationship — so the
 *    verdict is never `ready` where that flag would fall.
 * 2. *Balance.* The goodwill is even or in my favour (see `balance.ts`).
 * 3. *No open ask.* My last ask is not still waiting (within the answer
 *    window, with no give of theirs since).
 *
 * `too-early` when rule 1 fails; else `give-first` when 2 or 3 fails, with
 * what would restore the balance; else `ready`.
 *
 * @module
 */
import { ENGAGED, NONE, TRUSTED, newAssessment, type Assessment } from '../kernel/assess.js';
import type { ResolvedModel } from '../kernel/options.js';
import type { Labeler } from '../core/labels.js';
import { assessPair, readPair, type ModelQueryOptions } from '../kernel/read.js';
import type { Stage } from '../kernel/types.js';
import type { InteractionIndex } from '../core/interaction-index.js';
import { DAY_MS, parseDurationOption, type DurationInput } from '../core/time.js';
import { balanceOf, balanceSums, type GoodwillBalance } from './balance.js';
import { askRules, stageOf, stageRule, type AskRule, type AskVerdict, type GiveFirst } from './rules.js';
import { readNumber } from './words.js';

export type { AskRule, AskVerdict, GiveFirst } from './rules.js';

/** Options of {@link askReadiness}. */
export interface AskOptions extends ModelQueryOptions {
  /**
   * A balance within ± this value (in kind values: a message is 1, a help 4)
   * counts as even. Default: the smallest give of the catalogue (4, a help or
   * a favour) — a tie where gives alternate is always one give off.
   */
  evenWithin?: number;
  /** The half-life of the goodwill balance: how long a give is remembered at half its value. Default 180 days. */
  balanceHalfLife?: DurationInput;
}

/** Reads the options of the balance: `evenWithin` and `balanceHalfLife`. */
export function readBalanceOptions(
  options: AskOptions,
  index: InteractionIndex,
  module: string,
): { evenWithin: number; halfLifeMs: number } {
  const gives = index.kinds.list.filter((k) => k.role === 'give' && k.value > 0).map((k) => k.value);
  return {
    evenWithin: readNumber(options.evenWithin, 'evenWithin', module, gives.length ? Math.min(...gives) : 1, [0, 1e12]),
    halfLifeMs:
      options.balanceHalfLife === undefined
        ? 180 * DAY_MS
        : parseDurationOption(options.balanceHalfLife, 'balanceHalfLife', module),
  };
}

/** The answer of {@link askReadiness}. */
export interface AskReadiness {
  me: string;
  them: string;
  names: { me: string; them: string };
  stage: Stage;
  balance: GoodwillBalance;
  verdict: AskVerdict;
  /** Every rule, met or not, as a sentence. */
  rules: AskRule[];
  /** What to give first, for `give-first`; else `null`. */
  giveFirst: GiveFirst | null;
  text: string;
}

/**
 * Whether `me` may ask `them` for something now: `ready`, `give-first` (with
 * what would restore the balance) or `too-early`, with each rule as a
 * sentence and the goodwill balance (decayed gives each way).
 *
 * @example
 * ```ts
 * // Maya's network of the guide, now = '2025-06-30T18:00:00Z'
 * const r = askReadiness(graph, 'me', 'tom', { now });
 * r.verdict;         // 'give-first'
 * r.giveFirst?.text; // "About 6.7 would even it: one referral (value 8)."
 * ```
 *
 * @see [Coaching a networker](../../docs/guides/coach.md), the guide.
 */
export function askReadiness(graph: unknown, me: unknown, them: unknown, options: AskOptions): AskReadiness {
  const module = 'askReadiness';
  const ctx = readPair(graph, me, them, options, module);
  const balance = readBalanceOptions(options, ctx.index, module);
  return askOf(ctx, ctx.d, ctx.aSide, ctx.a, ctx.b, assessPair(ctx), balance);
}

/** What {@link askOf} reads: the index, `now`, the model and the labels. */
export interface AskContext {
  index: InteractionIndex;
  now: number;
  model: ResolvedModel;
  label: Labeler;
}

/** The answer on dyad `d` (−1: none) with assessment `s`, from side `side` (`me`) to `them`. */
export function askOf(
  ctx: AskContext,
  d: number,
  side: number,
  me: string,
  them: string,
  s: Assessment | null,
  { evenWithin, halfLifeMs }: { evenWithin: number; halfLifeMs: number },
): AskReadiness {
  const names = { me: ctx.label(me), them: ctx.label(them) };
  const sums = balanceSums(ctx.index, d, side, ctx.now, ctx.model, s ?? newAssessment(), halfLifeMs);
  const balance = balanceOf(sums, evenWithin, names.me, names.them);
  const { rules, verdict, giveFirst, reasons } = askRules(
    [stageRule(s, names.me, names.them, ENGAGED, 'stage')],
    balance,
    sums,
    ctx.index,
    evenWithin,
    names,
  );
  const text =
    verdict === 'ready'
      ? `${names.me} may ask ${names.them}: the tie is ${stageOf(s)}, the goodwill is ${balance.standing === 'even' ? 'even' : `in ${names.me}'s favour`}, and no ask is waiting.`
      : verdict === 'too-early'
        ? `Too early for ${names.me} to ask ${names.them}: ${reasons}${s !== null && s.stage > TRUSTED && s.stage !== NONE ? '' : ' An ask now would be premature.'}`
        : `Give first: ${reasons} ${giveFirst!.text}`;
  return { me, them, names, stage: stageOf(s), balance, verdict, rules, giveFirst, text };
}
