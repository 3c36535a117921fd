/**
 * Would they refer me? A referral stakes the referrer's name with someone
 * they know, so it needs trust on both hops — me and the referrer, the
 * referrer and the target — and a reason to do it: goodwill in my favour
 * or even, and no ask of mine still open (the rules of `ask.ts`).
 *
 * @module
 */
import { InvalidOptionError } from '../core/errors.js';
import { nodeKey } from '../core/graph.js';
import { findDyad } from '../core/interaction-index.js';
import { TRUSTED, assessDyad, newAssessment } from '../kernel/assess.js';
import { assessPair, readPair } from '../kernel/read.js';
import { readBalanceOptions, type AskOptions, type AskReadiness } from './ask.js';
import { askRules, stageOf, stageRule } from './rules.js';
import { balanceOf, balanceSums } from './balance.js';

/** The answer of {@link referralReadiness}: the ask's answer for the referrer, with the target. */
export interface ReferralReadiness extends Omit<AskReadiness, 'giveFirst'> {
  target: string;
  giveFirst: AskReadiness['giveFirst'];
}

/**
 * Whether `them` would refer `me` to `target`: `ready` when both hops are
 * trusted and the goodwill between me and them is even or in my favour with
 * no ask of mine open; `too-early` when a hop is not trusted; else
 * `give-first`.
 *
 * @example
 * ```ts
 * // Maya's network of the guide, now = '2025-06-30T18:00:00Z'
 * const r = referralReadiness(graph, 'me', 'jon', 'sara', { now });
 * r.verdict;        // 'too-early'
 * r.rules[1]!.text; // "Not met: a referral needs a trusted tie; Jon and Sara are engaged."
 * ```
 *
 * @see [Coaching a networker](../../docs/guides/coach.md), the guide.
 */
export function referralReadiness(
  graph: unknown,
  me: unknown,
  them: unknown,
  target: unknown,
  options: AskOptions,
): ReferralReadiness {
  const module = 'referralReadiness';
  const ctx = readPair(graph, me, them, options, module, true);
  const kt = nodeKey(ctx.graph, target, module, 'target');
  if (kt === ctx.a || kt === ctx.b)
    throw new InvalidOptionError(
      `${module}: the target ${JSON.stringify(kt)} is one of the two; a referral is to a third person.`,
      { field: 'target', node: kt },
    );
  const { evenWithin, halfLifeMs } = readBalanceOptions(options, ctx.index, module);
  const s = assessPair(ctx);
  const ib = ctx.index.nodeId.get(ctx.b)!;
  const it = ctx.index.nodeId.get(kt);
  const d2 = it === undefined ? -1 : findDyad(ctx.index, ib, it);
  const s2 = d2 < 0 ? null : assessDyad(ctx.index, d2, ctx.now, ctx.model, newAssessment());
  const names = { me: ctx.label(ctx.a), them: ctx.label(ctx.b) };
  const sums = balanceSums(ctx.index, ctx.d, ctx.aSide, ctx.now, ctx.model, s ?? newAssessment(), halfLifeMs);
  const balance = balanceOf(sums, evenWithin, names.me, names.them);
  const hops = [
    stageRule(s, names.me, names.them, TRUSTED, 'trust-them'),
    stageRule(s2, names.them, ctx.label(kt), TRUSTED, 'trust-target'),
  ];
  const { rules, verdict, giveFirst, reasons } = askRules(hops, balance, sums, ctx.index, evenWithin, names);
  const who = `${names.them} to refer ${names.me} to ${ctx.label(kt)}`;
  const text =
    verdict === 'ready'
      ? `${names.me} may ask ${who}: both ties are trusted, the goodwill is ${balance.standing === 'even' ? 'even' : `in ${names.me}'s favour`}, and no ask is waiting.`
      : verdict === 'too-early'
        ? `Too early to ask ${who}: ${reasons}`
        : `Give first, then ask ${who}: ${reasons} ${giveFirst!.text}`;
  return {
    me: ctx.a,
    them: ctx.b,
    target: kt,
    names,
    stage: stageOf(s),
    balance,
    verdict,
    rules,
    giveFirst,
    text,
  };
}
