/**
 * The rules of an ask, each a sentence: the stage (an ask needs an engaged
 * or trusted tie, by stage and by history), the goodwill balance, and no
 * ask of mine still open; the verdict they give, and what to give first.
 * See `ask.ts` for why.
 *
 * @module
 * @internal
 */
import type { InteractionIndex } from '../core/interaction-index.js';
import { NONE, TRUSTED, type Assessment } from '../kernel/assess.js';
import type { Stage } from '../kernel/types.js';
import { STAGE_OF_CODE } from '../kernel/words.js';
import type { BalanceSums, GoodwillBalance } from './balance.js';
import { amountText, isoDay } from './words.js';

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
