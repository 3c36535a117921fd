/**
 * The kernel's answers in words: stage names, every rule as a plain
 * sentence, flags, changes of stage and advice — naming people by their
 * labels. One home for each sentence, so that a reason reads the same in
 * `classifyStage`, the timeline, the reports and the picture.
 *
 * @module
 * @internal
 */
import { DAY_MS } from '../core/time.js';
import {
  ACQUAINTED,
  ADVICE_FEED,
  ADVICE_RECONNECT,
  ADVICE_WEED,
  ENGAGED,
  FLAG_GIVER_FATIGUE,
  FLAG_ONE_SIDED,
  FLAG_PREMATURE_ASK,
  ratioOf,
  type Assessment,
  type RawChange,
} from './assess.js';
import type { ResolvedModel } from './options.js';
import {
  STAGES,
  type Advice,
  type Stage,
  type StageFlag,
  type StageFlagDetail,
  type StageLevel,
  type StageReason,
} from './types.js';

/** Stage names by code (0–5 the machine's, 6 none). */
export const STAGE_OF_CODE: readonly Stage[] = /* @__PURE__ */ Object.freeze([...STAGES.slice(1), STAGES[0]!]);
/** Ladder rungs by level: the first four stages. */
export const LEVEL_OF_CODE: readonly StageLevel[] = /* @__PURE__ */ Object.freeze(
  STAGE_OF_CODE.slice(0, 4) as StageLevel[],
);
/** Advice by code (0: none). */
export const ADVICE_OF_CODE: readonly (Advice | null)[] = /* @__PURE__ */ Object.freeze([
  null,
  'feed',
  'weed',
  'reconnect',
]);
/** Flags by bit, in display order. */
export const FLAG_BITS: readonly [number, StageFlag][] = /* @__PURE__ */ Object.freeze([
  [FLAG_ONE_SIDED, 'one-sided'],
  [FLAG_PREMATURE_ASK, 'premature-ask'],
  [FLAG_GIVER_FATIGUE, 'giver-fatigue'],
]);

/** The flags of an assessment, in display order. */
export function flagList(flags: number): StageFlag[] {
  const out: StageFlag[] = [];
  for (const [bit, name] of FLAG_BITS) if (flags & bit) out.push(name);
  return out;
}

/** Whole days, for sentences. */
export const dayCount = (ms: number): number => Math.round(ms / DAY_MS);
/** "1 day", "12 days". */
export const days = (ms: number): string => plural(dayCount(ms), 'day');
/** "1 interaction", "2 interactions". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
const percent = (x: number): string => `${Math.round(x * 100)}%`;
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
/** Days rounded to 0.01, for rule values. */
const toDays = (ms: number): number => Math.round((ms / DAY_MS) * 100) / 100;

/** Who is who in a sentence: the labels of side 0 (the dyad's A) and side 1. */
export type Names = readonly [string, string];

/**
 * Every rule of the ladder and of the way down, met or missed, with its value,
 * threshold and a sentence (see the relationship-model guide).
 */
export function reasonsOf(s: Assessment, now: number, m: ResolvedModel, names: Names): StageReason[] {
  const reasons: StageReason[] = [];
  const add = (rule: string, stage: Stage, value: number, threshold: number, unit: string, text: string): void => {
    reasons.push({ rule, stage, met: value >= threshold, value, threshold, unit, text });
  };
  const [x, y] = names;
  const twoWay = Math.min(s.p0, s.p1);
  const span = s.n > 0 ? s.last - s.first : 0;
  const started = `${x} took part in ${plural(s.p0, 'interaction')} and ${y} in ${s.p1} (joint ones such as calls and meetings count for both)`;
  add(
    'two-way-contact',
    'acquainted',
    twoWay,
    1,
    'interactions',
    `${started}; acquainted needs each to take part in at least one.`,
  );
  add(
    'interactions',
    'engaged',
    s.n,
    m.engagedMinInteractions,
    'interactions',
    `${plural(s.n, 'interaction')} so far; engaged needs ${m.engagedMinInteractions}.`,
  );
  add(
    'active-weeks',
    'engaged',
    s.activeWeeks,
    m.engagedMinActiveWeeks,
    'weeks',
    `Contact in ${plural(s.activeWeeks, 'different week')}; engaged needs ${m.engagedMinActiveWeeks}.`,
  );
  add(
    'span',
    'engaged',
    toDays(span),
    toDays(m.engagedMinSpan),
    'days',
    `${days(span)} from the first contact to the last; engaged needs ${days(m.engagedMinSpan)}.`,
  );
  add(
    'each-side',
    'engaged',
    twoWay,
    m.engagedMinEachSide,
    'interactions',
    `${started}; engaged needs each to take part in at least ${m.engagedMinEachSide}.`,
  );
  add(
    'duration',
    'trusted',
    toDays(span),
    toDays(m.trustedMinSpan),
    'days',
    `${days(span)} of contact; trusted needs ${days(m.trustedMinSpan)}.`,
  );
  add(
    'trusted-interactions',
    'trusted',
    s.n,
    m.trustedMinInteractions,
    'interactions',
    `${plural(s.n, 'interaction')}; trusted needs ${m.trustedMinInteractions}.`,
  );
  add(
    'gives-both-ways',
    'trusted',
    Math.min(s.gives0, s.gives1),
    m.trustedMinGivesEach,
    'gives',
    `${x} gave ${plural(s.gives0, 'time')} and ${y} ${s.gives1}; trusted needs gives both ways (at least ${m.trustedMinGivesEach} each).`,
  );
  const mutuality = ratioOf(s.given0, s.given1);
  add(
    'exchange-mutuality',
    'trusted',
    mutuality,
    m.trustedMinExchangeMutuality,
    'ratio',
    `The lesser giver gave ${percent(mutuality)} of what the other gave; trusted needs ${percent(m.trustedMinExchangeMutuality)}.`,
  );
  if (s.n > 0) {
    const silence = now - s.last;
    const rhythm =
      s.gapCount > 0
        ? `they are usually in touch ${rhythmText(s.usualGap)} (a usual gap of ${days(s.usualGap)})`
        : `their rhythm is not known yet (taken as ${days(s.usualGap)})`;
    add(
      'silence-cooling',
      'cooling',
      toDays(silence),
      toDays(s.coolAfter),
      'days',
      `Last contact ${days(silence)} ago; ${rhythm}, so an engaged or trusted tie starts cooling after ${days(s.coolAfter)} of silence.`,
    );
    add(
      'silence-dormant',
      'dormant',
      toDays(silence),
      toDays(s.coldAfter),
      'days',
      `Last contact ${days(silence)} ago; a tie goes cold (dormant) after ${days(s.coldAfter)} of silence.`,
    );
  }
  if (s.override === s.override) {
    reasons.unshift({
      rule: 'override',
      stage: LEVEL_OF_CODE[s.level]!,
      met: true,
      value: s.override,
      threshold: 0,
      unit: 'strength',
      text: `A manual strength override of ${s.override} sets the strength, and the rung to ${LEVEL_OF_CODE[s.level]!}.`,
    });
  }
  return reasons;
}

/**
 * How often a tie with usual gap `gap` (ms) is in touch, as a person says it:
 * "every day or so", "every week", "every two months".
 */
export function rhythmText(gap: number): string {
  const d = gap / DAY_MS;
  if (d < 1.6) return 'every day or so';
  if (d < 2.5) return 'every other day';
  if (d < 5) return 'every few days';
  if (d < 10) return 'every week';
  if (d < 18) return 'every two weeks';
  if (d < 25) return 'every three weeks';
  if (d < 45) return 'every month';
  if (d < 75) return 'every two months';
  if (d < 120) return 'every three months';
  if (d < 300) return `every ${Math.round(d / 30.44)} months`;
  if (d < 548) return 'about once a year';
  return `every ${Math.round(d / 365.25)} years`;
}

/** A silence as a person says it: "5 days", "10 weeks", "14 months", "3 years". */
export function silenceText(ms: number): string {
  const d = dayCount(ms);
  if (d < 14) return plural(d, 'day');
  if (d < 63) return plural(Math.round(d / 7), 'week');
  if (d < 730) return plural(Math.round(d / 30.44), 'month');
  return plural(Math.round(d / 365.25), 'year');
}

/** Who usually reaches out, when one side started at least 60 % of the interactions: " (Nora usually reached out)"; else ''. */
export function initiativeText(s: Assessment, names: Names): string {
  if (s.n < 3) return '';
  const side = s.i0 >= s.i1 ? 0 : 1;
  return (side === 0 ? s.i0 : s.i1) / s.n >= 0.6 ? ` (${names[side]!} usually reached out)` : '';
}

/** "Ann's", and "your" for the person a report speaks to. */
export const possessive = (name: string): string => (name === YOU ? 'your' : `${name}'s`);
/** How a person-centric answer names its person. */
export const YOU = 'you';
/** A sentence starts with a capital ("You and Priya …"). */
const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Who holds a one-sided tie (`me`), and how: "Rick's 4 interactions went unanswered", "3 of Ann's 5 initiatives went unanswered". */
function oneSidedText(s: Assessment, me: string, other: string): string {
  const side = s.oneSidedSide;
  const started = side === 0 ? s.i0 : s.i1;
  if ((side === 0 ? s.p1 : s.p0) === 0)
    return `${other} never answered ${possessive(me)} ${plural(started, 'interaction')}`;
  const missed = side === 0 ? s.unanswered0 : s.unanswered1;
  const decided = missed + (side === 0 ? s.answered0 : s.answered1);
  return `${missed} of ${possessive(me)} ${plural(decided, 'initiative')} went unanswered by ${other} (${percent(s.oneSidedShare)})`;
}

/** The flags with whom they are about (keys) and why (labels). */
export function flagDetailsOf(s: Assessment, keys: readonly [string, string], names: Names): StageFlagDetail[] {
  const details: StageFlagDetail[] = [];
  if (s.flags & FLAG_ONE_SIDED) {
    const side = s.oneSidedSide;
    const text = `${oneSidedText(s, names[side]!, names[1 - side]!)}.`;
    details.push({ flag: 'one-sided', by: keys[side]!, text });
  }
  if (s.flags & FLAG_PREMATURE_ASK) {
    details.push({
      flag: 'premature-ask',
      by: keys[s.prematureSide]!,
      text: `${names[s.prematureSide]!} asked on ${isoDay(s.prematureAt)}, before the relationship was engaged.`,
    });
  }
  if (s.flags & FLAG_GIVER_FATIGUE) {
    details.push({
      flag: 'giver-fatigue',
      by: keys[s.giveRunSide]!,
      text: `${names[s.giveRunSide]!} gave ${s.giveRun} times in a row with nothing given back.`,
    });
  }
  return details;
}

/** Why the stage changed, in a sentence. */
export function changeText(c: RawChange, s: Assessment, m: ResolvedModel): string {
  switch (c.why) {
    case 0:
      return 'First contact.';
    case 1:
      if (c.to === ACQUAINTED) return 'Both have now taken part (two-way contact).';
      if (c.to === ENGAGED)
        return `${plural(c.count, 'interaction')} over ${plural(c.weeks, 'week')} and ${days(c.span)}, both sides taking part.`;
      return `${days(c.span)} of contact with gives both ways (${c.g0} and ${c.g1}); the lesser giver gave ${percent(c.ratio)} of what the other gave.`;
    case 2:
      return `The lesser giver now gave only ${percent(c.ratio)} of what the other gave (trusted needs ${percent(m.trustedMinExchangeMutuality)}).`;
    case 3:
      return `No contact for ${days(c.silence)}: cooling after the longer of ${m.coolingGapFactor}× the usual gap (${days(c.gap)}) and ${days(m.coolingMinSilence)}.`;
    case 4:
      return `No contact for ${days(c.silence)}: gone cold (dormant) after the longer of ${m.dormantGapFactor}× the usual gap (${days(c.gap)}) and ${days(m.dormantMinSilence)}.`;
    case 5:
      return `Contact resumed after ${days(c.silence)} of silence.`;
    default:
      return `A manual strength override of ${s.override} sets the rung to ${LEVEL_OF_CODE[s.level]!}.`;
  }
}

/** Why a tie is in its advice list (feed, weed or reconnect), in a sentence; `''` for none. */
export function adviceText(s: Assessment, now: number, names: Names): string {
  return capital(adviceWords(s, now, names));
}

function adviceWords(s: Assessment, now: number, names: Names): string {
  const [x, y] = names;
  const peak = LEVEL_OF_CODE[s.peak]!;
  switch (s.advice) {
    case ADVICE_FEED:
      return `${x} and ${y} reached ${peak} and were in touch ${rhythmText(s.usualGap)}${initiativeText(s, names)}; no contact for ${silenceText(now - s.last)}, longer than the usual ${days(s.usualGap)}: time to get in touch.`;
    case ADVICE_RECONNECT:
      return `${x} and ${y} were ${peak}${s.peakStrength === s.peakStrength ? ` (a strength of ${s.peakStrength.toFixed(2)} at the last contact)` : ''} and in touch ${rhythmText(s.usualGap)}; no contact for ${silenceText(now - s.last)}, and the tie went cold after ${days(s.coldAfter)}: worth reconnecting on purpose.`;
    case ADVICE_WEED: {
      const why: string[] = [];
      if (s.flags & FLAG_ONE_SIDED) why.push(oneSidedText(s, names[s.oneSidedSide]!, names[1 - s.oneSidedSide]!));
      if (s.flags & FLAG_PREMATURE_ASK)
        why.push(`${names[s.prematureSide]!} asked before the relationship was engaged`);
      return `${why.join('; ')}; it never became engaged.`;
    }
    default:
      return '';
  }
}
