/**
 * A weekly plan under a budget: which contacts keep the most closeness for
 * N touches. "Dig your well before you're thirsty" (Mackay 1997): tend the
 * ties that matter before they are needed, a few each week.
 *
 * Each candidate tie has a *stake* — the closeness a week of silence puts at
 * risk — and a *chance* that the two are in touch this week anyway; a touch
 * keeps stake × (1 − chance), its value. One touch costs one unit of the
 * budget. Candidates, one per tie, first kind that applies:
 * - `reply`: a reply the person owes (see `replies.ts`); chance 0, it is their turn; stake the strength;
 * - `cooling`: an engaged or trusted tie gone quiet (the kernel's feed advice); stake its peak strength, what it was worth;
 * - `due`: a living tie due for contact within the week by its own rhythm; stake the strength;
 * - `reconnect`: a tie that mattered and went cold; stake its peak strength.
 * The chance of contact within the horizon h follows the tie's pace, slowed
 * by its silence: 1 − exp(−h / max(usual gap, silence)) (a Poisson process
 * at the tie's rate; a silence longer than the rhythm says the rate fell).
 *
 * At most `reconnects` (default 1) reconnects a week: a partition matroid,
 * so that taking the best values in order is optimal — equal to brute force
 * (tested on ≤ 12 candidates), O(C log C) for C candidates.
 *
 * @module
 */
import { DAY_MS } from '../core/time.js';
import { ADVICE_FEED, ADVICE_RECONNECT, COOLING, DORMANT } from '../kernel/assess.js';
import { readEgo, type EgoTie } from '../kernel/read.js';
import { rhythmText } from '../kernel/words.js';
import { owedOf, type ReplyOptions } from './replies.js';
import { isoDay, readIgnoreKinds, readNumber } from './words.js';
import { parseDurationOption, type DurationInput } from '../core/time.js';

/** Options of {@link weeklyPlan}. */
export interface WeeklyPlanOptions extends ReplyOptions {
  /** How many touches the week has room for: an integer from 0 to 10⁶. Default 5. */
  touches?: number;
  /** How many reconnects at most (a cold tie takes more than a touch). Default 1. */
  reconnects?: number;
  /** The plan's horizon. Default 7 days. */
  horizon?: DurationInput;
}

/** Why a tie is a candidate. */
export type PlanKind = 'reply' | 'cooling' | 'due' | 'reconnect';

/** One candidate of the plan. */
export interface PlanItem {
  other: string;
  name: string;
  kind: PlanKind;
  /** Closeness at risk (strength, or peak strength for cooling and reconnect), the chance of contact anyway, and stake × (1 − chance). */
  stake: number;
  chance: number;
  value: number;
  /** Why it was picked, or why it was left out. */
  reason: string;
}

/** The plan. */
export interface WeeklyPlan {
  person: string;
  touches: number;
  /** The picks, best first. */
  picks: PlanItem[];
  /** The candidates left out, best first, each with why. */
  leftOut: PlanItem[];
  /** The sum of the picks' values. */
  value: number;
  text: string;
}

const pct = (x: number): string => `${Math.round(x * 100)}%`;
const two = (x: number): string => x.toFixed(2);

/** The candidate of one tie (`owed`: the sentence of the reply owed), or `null`. */
function candidate(
  tie: EgoTie,
  owed: string | null,
  now: number,
  horizon: number,
  name: string,
): (Omit<PlanItem, 'reason'> & { why: string }) | null {
  const s = tie.a;
  const silence = now - s.last;
  const days = Math.round(silence / DAY_MS);
  let kind: PlanKind;
  let stake = s.strength;
  let why: string;
  if (owed !== null) {
    kind = 'reply';
    why = `reply to ${name}: ${owed}`;
  } else if (s.stage === COOLING && s.advice === ADVICE_FEED) {
    kind = 'cooling';
    stake = s.peakStrength;
    why = `save ${name}: in touch ${rhythmText(s.usualGap)} until ${days} days ago, worth ${two(stake)} at best, ${two(s.strength)} now`;
  } else if (s.stage !== DORMANT && s.dueAt === s.dueAt && s.dueAt <= now + horizon) {
    kind = 'due';
    why = `${name} is due ${s.dueAt <= now ? `since ${isoDay(s.dueAt)}` : `on ${isoDay(s.dueAt)}`} (in touch ${rhythmText(s.usualGap)})`;
  } else if (s.advice === ADVICE_RECONNECT) {
    kind = 'reconnect';
    stake = s.peakStrength;
    why = `reconnect with ${name}: close once (${two(stake)} at best), silent for ${days} days`;
  } else return null;
  // It is the person's turn on a reply: no chance that the other writes first.
  const chance = kind === 'reply' ? 0 : 1 - Math.exp(-horizon / Math.max(s.usualGap, silence));
  if (kind === 'due') why += `; a ${pct(chance)} chance of contact this week without a touch`;
  return { other: tie.other, name, kind, stake, chance, value: stake * (1 - chance), why };
}

/** Best value first; ties by key, so that the plan is deterministic. */
export const byValue = (x: PlanItem, y: PlanItem): number =>
  y.value - x.value || (x.other < y.other ? -1 : x.other > y.other ? 1 : 0);

/**
 * The contacts that keep the most this week for `touches` touches: owed
 * replies, cooling ties worth saving, ties due by their rhythm and at most
 * one reconnect, each with its reason; and what was left out, and why.
 *
 * @example
 * ```ts
 * // Maya's network of the guide, now = '2025-06-30T18:00:00Z'
 * const plan = weeklyPlan(graph, 'me', { now, touches: 3 });
 * plan.picks.map((p) => p.reason);
 * // ["Reconnect with Olga: close once (0.81 at best), silent for 702 days (keeps 0.80).",
 * //  "Save Bea: in touch every month until 110 days ago, worth 0.75 at best, 0.08 now (keeps 0.71).", …]
 * ```
 *
 * @see [Coaching a networker](../../docs/guides/coach.md), the guide.
 */
export function weeklyPlan(graph: unknown, person: unknown, options: WeeklyPlanOptions): WeeklyPlan {
  const module = 'weeklyPlan';
  const ego = readEgo(graph, person, options, module);
  const touches = readNumber(options.touches, 'touches', module, 5, [0, 1e6], true);
  const reconnects = readNumber(options.reconnects, 'reconnects', module, 1, [0, 1e6], true);
  const horizon = options.horizon === undefined ? 7 * DAY_MS : parseDurationOption(options.horizon, 'horizon', module);
  const ignore = readIgnoreKinds(options.ignoreKinds, module);
  const all: (PlanItem & { why: string })[] = [];
  for (const tie of ego.ties) {
    const owed = owedOf(ego, tie, ignore, false);
    const c = candidate(tie, owed && owed.text.slice(0, -1), ego.now, horizon, ego.label(tie.other));
    if (c !== null && c.value > 0) all.push({ ...c, reason: '' });
  }
  all.sort(byValue);
  const picks: PlanItem[] = [];
  const leftOut: PlanItem[] = [];
  let reconnected = 0;
  let lastPick: PlanItem | null = null;
  for (const { why, ...c } of all) {
    const cap = c.kind === 'reconnect' && reconnected >= reconnects;
    if (!cap && picks.length < touches) {
      if (c.kind === 'reconnect') reconnected++;
      picks.push((lastPick = { ...c, reason: `${cap0(why)} (keeps ${two(c.value)}).` }));
    } else
      leftOut.push({
        ...c,
        reason: cap
          ? `${c.name}: ${reconnects === 0 ? 'no reconnect this week' : `at most ${reconnects} reconnect${reconnects === 1 ? '' : 's'} a week`} (would keep ${two(c.value)}).`
          : `${c.name}: the ${touches} touches went to ties that keep more (${two(c.value)} ≤ ${two(lastPick?.value ?? 0)}).`,
      });
  }
  const value = picks.reduce((sum, p) => sum + p.value, 0);
  const me = ego.label(ego.person);
  const text =
    picks.length === 0
      ? `${me} has nobody to contact this week.`
      : `This week ${me} could contact ${picks.map((p) => p.name).join(', ')}${leftOut.length ? `; ${leftOut.length} more can wait` : ''}.`;
  return { person: ego.person, touches, picks, leftOut, value, text };
}

const cap0 = (s: string): string => s[0]!.toUpperCase() + s.slice(1);
