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
import { STAGE_OF_CODE } from '../kernel/words.js';
import type { Stage } from '../kernel/types.js';
import type { InteractionIndex } from '../core/interaction-index.js';
import { DAY_MS, parseDurationOption, type DurationInput } from '../core/time.js';
import { balanceOf, balanceSums, type BalanceSums, type GoodwillBalance } from './balance.js';
import { amountText, isoDay, readNumber } from './words.js';

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

/** The verdict on an ask. */
export type AskVerdict = 'ready' | 'give-first' | 'too-early';

/** One rule of the verdict. */
export interface AskRule {
  rule: 'stage' | 'balance' | 'no-open-ask' | 'trust-them' | 'trust-target';
  met: boolean;
  text: string;
}

/** What to give first: how much, and in which kinds of the catalogue. */
export interface GiveFirst {
  /** The value that would make the balance even (0 when only an open ask stands in the way). */
  amount: number;
  /** The fewest gives of one kind that cover it: e.g. `{ kind: 'introduction', count: 1, value: 6 }`; `null` without give kinds or amount. */
  suggestion: { kind: string; count: number; value: number } | null;
  text: string;
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

/** Whether the tie's stage and history both carry an ask: engaged or trusted. */
export function matureFor(s: Assessment | null, level: number): boolean {
  return s !== null && s.stage >= level && s.stage <= TRUSTED && s.historyLevel >= level;
}

/** The stage word of an assessment (`none` without a tie). */
export const stageOf = (s: Assessment | null): Stage => STAGE_OF_CODE[s === null ? NONE : s.stage]!;

/** The stage rule's sentence. */
export function stageRule(s: Assessment | null, a: string, b: string, need: number, rule: AskRule['rule']): AskRule {
  const wanted = need === TRUSTED ? 'a trusted tie' : 'an engaged or trusted tie';
  const met = matureFor(s, need);
  const what = rule === 'stage' ? 'an ask' : 'a referral';
  const where =
    s === null || s.stage === NONE
      ? `${a} and ${b} have no relationship yet`
      : s.stage > TRUSTED
        ? `the tie of ${a} and ${b} is ${stageOf(s)}: get back in touch first`
        : `${a} and ${b} are ${LEVEL_WORD[Math.min(s.stage, s.historyLevel)]}`;
  return { rule, met, text: `${met ? 'Met' : 'Not met'}: ${what} needs ${wanted}; ${where}.` };
}
const LEVEL_WORD = ['connected', 'acquainted', 'engaged', 'trusted'];

/** The fewest gives of one kind of the catalogue that cover `amount`. */
function suggest(index: InteractionIndex, amount: number): GiveFirst['suggestion'] {
  if (!(amount > 0)) return null;
  const gives = index.kinds.list
    .filter((k) => k.role === 'give' && k.value > 0)
    .sort((x, y) => x.value - y.value || (x.name < y.name ? -1 : 1));
  if (gives.length === 0) return null;
  const one = gives.find((k) => k.value >= amount);
  const k = one ?? gives[gives.length - 1]!;
  return { kind: k.name, count: one ? 1 : Math.ceil(amount / k.value), value: k.value };
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

/**
 * The rules after the stage rules (balance, no open ask) and the verdict:
 * `too-early` when a stage rule fails, `give-first` when another does, else
 * `ready`; `reasons` joins the failed rules' sentences.
 */
export function askRules(
  stages: AskRule[],
  balance: GoodwillBalance,
  sums: BalanceSums,
  index: InteractionIndex,
  evenWithin: number,
  names: { me: string; them: string },
): { rules: AskRule[]; verdict: AskVerdict; giveFirst: GiveFirst | null; reasons: string } {
  const even = balance.standing !== 'in-their-favour';
  const open = sums.openAsk === sums.openAsk;
  const rules: AskRule[] = [
    ...stages,
    {
      rule: 'balance',
      met: even,
      text: `${even ? 'Met' : 'Not met'}: the goodwill must be even or in ${names.me}'s favour; ${balance.text}`,
    },
    {
      rule: 'no-open-ask',
      met: !open,
      text: open
        ? `Not met: ${names.me} asked ${names.them} on ${isoDay(sums.openAsk)} and ${names.them} has given nothing since.`
        : `Met: no ask of ${names.me}'s is waiting for ${names.them}.`,
    },
  ];
  const failed = rules.filter((r) => !r.met);
  const verdict: AskVerdict = stages.some((r) => !r.met) ? 'too-early' : failed.length ? 'give-first' : 'ready';
  const reasons = (verdict === 'too-early' ? failed.filter((r) => stages.includes(r)) : failed)
    .map((r, i) => {
      const t = r.text.slice('Not met: '.length);
      return i === 0 ? t : t[0]!.toUpperCase() + t.slice(1);
    })
    .join(' ');
  const amount = even ? 0 : -balance.balance - evenWithin;
  const suggestion = suggest(index, amount);
  const giveFirst: GiveFirst | null =
    verdict !== 'give-first'
      ? null
      : {
          amount,
          suggestion,
          text:
            amount > 0
              ? `About ${amountText(amount)} would even it${suggestion ? `: ${suggestion.count === 1 ? 'one' : suggestion.count} ${suggestion.kind}${suggestion.count === 1 ? '' : 's'} (value ${suggestion.value}${suggestion.count === 1 ? '' : ' each'})` : ''}.`
              : `Let ${names.them} answer the open ask first, or give before asking again.`,
        };
  return { rules, verdict, giveFirst, reasons };
}
