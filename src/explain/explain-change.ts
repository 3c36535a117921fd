/**
 * `explainChange`: why a tie's strength changed between two dates, as each
 * part's contribution to the difference and a sentence.
 *
 * @module
 */
import { readOptionsObject } from '../core/args.js';
import { InvalidOptionError } from '../core/errors.js';
import type { PeopleGraph } from '../core/graph.js';
import { parseTimeOption } from '../core/time.js';
import { assessDyad, newAssessment, type Assessment } from '../kernel/assess.js';
import { STRENGTH_COMPONENTS, type StrengthComponents } from '../kernel/options.js';
import { readPair } from '../kernel/read.js';
import { dayCount } from '../kernel/words.js';
import type { TimeInput } from '../core/time.js';
import { pairProbability, resolveContactModel } from '../kernel/contact.js';
import type { StrengthOptions } from '../kernel/strength-result.js';

/** Options of {@link explainChange}: the two dates instead of `now`. */
export interface ExplainChangeOptions extends Omit<StrengthOptions, 'now'> {
  /** The earlier date. */
  from: TimeInput;
  /** The later date. */
  to: TimeInput;
}

/** The tie at one date. */
export interface StrengthSnapshot {
  at: Date;
  strength: number;
  mutuality: number;
  evidence: number;
  components: StrengthComponents;
  /** The chance of contact within the contact model's horizon, or `null` without any interaction. */
  probability: number | null;
  /** Days since the last contact, and the tie's usual gap in days (`null` before any contact or while the rhythm is unknown). */
  silenceDays: number | null;
  usualGapDays: number | null;
}

/** One part's share of the change. */
export interface StrengthContribution {
  /** A component, `mutuality`, or `override` (a manual override at either date explains everything). */
  part: keyof StrengthComponents | 'mutuality' | 'override';
  /** Its contribution to `to.strength − from.strength`; the contributions add up to the difference. */
  value: number;
}

/** The result of {@link explainChange}. */
export interface StrengthChange {
  /** The two people, as given, and their display names. */
  a: string;
  b: string;
  names: { a: string; b: string };
  from: StrengthSnapshot;
  to: StrengthSnapshot;
  /** `to.strength − from.strength`. */
  difference: number;
  /** Each part's contribution, largest first (by size); they add up to `difference`. */
  contributions: StrengthContribution[];
  /** The change in a sentence, naming the largest contribution. */
  sentence: string;
}

const round2 = (x: number): string => x.toFixed(2);

function snapshot(s: Assessment, at: number, probability: number | null): StrengthSnapshot {
  return {
    at: new Date(at),
    strength: s.strength,
    mutuality: s.mutuality,
    evidence: s.evidence,
    components: {
      recency: s.recency,
      frequency: s.frequency,
      intensity: s.intensity,
      duration: s.duration,
      exchange: s.exchange,
    },
    probability,
    silenceDays: s.n > 0 ? (at - s.last) / 86_400_000 : null,
    usualGapDays: s.gapCount > 0 ? s.usualGap / 86_400_000 : null,
  };
}

/** Why a part moved, in a clause. */
function because(
  part: StrengthContribution['part'],
  rising: boolean,
  before: StrengthSnapshot,
  after: StrengthSnapshot,
  names: { a: string; b: string },
): string {
  const between = `between ${names.a} and ${names.b}`;
  // With no contact in between, what faded (recency, warmth, frequency) faded because of the silence.
  const silentSince =
    before.silenceDays !== null &&
    after.silenceDays !== null &&
    after.silenceDays - before.silenceDays >= (after.at.getTime() - before.at.getTime()) / 86_400_000 - 1e-9;
  if (!rising && silentSince && (part === 'intensity' || part === 'frequency')) part = 'recency';
  switch (part) {
    case 'recency': {
      if (rising || after.silenceDays === null) return `there was contact ${between} since`;
      const days = dayCount(after.silenceDays * 86_400_000);
      const gap = after.usualGapDays;
      if (gap === null || gap <= 0) return `there has been no contact ${between} for ${days} days`;
      const ratio = Math.round(after.silenceDays / gap);
      const times =
        ratio < 2
          ? `about their usual gap of ${Math.round(gap)} days`
          : `about ${TIMES[ratio] ?? ratio} times their usual gap of ${Math.round(gap)} days`;
      return `there has been no contact ${between} for ${days} days, ${times}`;
    }
    case 'intensity':
      return rising
        ? `more was exchanged ${between} lately`
        : `less was exchanged ${between} lately: their recent warmth faded`;
    case 'frequency':
      return rising
        ? `they were in touch more often in the last 90 days`
        : `they were in touch less often in the last 90 days`;
    case 'duration':
      return rising
        ? `the tie ${between} has now lasted longer`
        : `what the tie ${between} built over time fades with ${after.silenceDays === null ? 'the' : `${dayCount(after.silenceDays * 86_400_000)} days of`} silence, longer than their usual gap`;
    case 'exchange':
      return rising ? `they gave to each other both ways` : `their gives both ways count for less after the silence`;
    case 'mutuality':
      return rising
        ? `more of the initiatives ${between} were answered`
        : `more of the initiatives ${between} went unanswered`;
    default:
      return `a manual strength override changed`;
  }
}

/** A change smaller than this is "about the same": two strengths shown to two decimals a wobble apart are not news. */
const VISIBLE_STEP = 0.05;
/** Small multiples in words. */
const TIMES: readonly (string | undefined)[] = [
  '',
  '',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
];

/**
 * Why the strength of the tie between `a` and `b` changed from `from` to
 * `to`: the tie at both dates (strength, mutuality, components, chance of
 * contact), each part's contribution to the difference, and a sentence.
 * Strength is mutuality × evidence, so the difference splits exactly as
 * m̄ · ΔE + Ē · Δm (bars: the mean of the two dates), and ΔE by component,
 * weight × Δcomponent: the contributions add up to the difference.
 *
 * @see [Strength and decay](../../docs/guides/strength.md), the guide.
 *
 * @example
 * ```ts
 * const change = explainChange(graph, 'ann', 'bob', { from: '2024-05-01', to: '2024-07-01' });
 * change.sentence;
 * // 'Strength fell from 0.71 to 0.42, mostly because there has been no contact between Ann and Bob for 64 days, about three times their usual gap of 21 days.'
 * ```
 */
export function explainChange(graph: PeopleGraph, a: string, b: string, options: ExplainChangeOptions): StrengthChange {
  const module = 'explainChange';
  readOptionsObject(module, options, "{ from: '2024-01-01', to: '2024-06-30' }");
  const from = parseTimeOption(options.from, 'from', module);
  const to = parseTimeOption(options.to, 'to', module);
  if (!(from < to))
    throw new InvalidOptionError(
      `${module}: \`from\` (${new Date(from).toISOString()}) must be before \`to\` (${new Date(to).toISOString()}).`,
      { field: 'from' },
    );
  const ctx = readPair(graph, a, b, { ...options, now: to }, module, true);
  const contact = resolveContactModel(options.contactModel, module);
  const names = { a: ctx.label(ctx.a), b: ctx.label(ctx.b) };
  const at = (t: number): StrengthSnapshot => {
    if (ctx.d < 0) return snapshot(newAssessment(), t, null);
    const s = assessDyad(ctx.index, ctx.d, t, ctx.model, newAssessment(), null, true, true);
    return snapshot(s, t, pairProbability(ctx, s, t, contact));
  };
  const before = at(from);
  const after = at(to);
  const difference = after.strength - before.strength;
  const overridden = ctx.d >= 0 && ctx.index.override[ctx.d] === ctx.index.override[ctx.d];
  let contributions: StrengthContribution[];
  if (overridden) {
    contributions = [{ part: 'override', value: difference }];
  } else {
    const mBar = (before.mutuality + after.mutuality) / 2;
    const eBar = (before.evidence + after.evidence) / 2;
    const w = ctx.model.weights;
    contributions = [
      ...STRENGTH_COMPONENTS.map((k) => ({
        part: k,
        value: mBar * w[k] * (after.components[k] - before.components[k]),
      })),
      { part: 'mutuality' as const, value: eBar * (after.mutuality - before.mutuality) },
    ];
  }
  contributions.sort(
    (x, y) =>
      Math.abs(y.value) - Math.abs(x.value) ||
      STRENGTH_COMPONENTS.indexOf(x.part as keyof StrengthComponents) -
        STRENGTH_COMPONENTS.indexOf(y.part as keyof StrengthComponents),
  );
  // The main reason is the largest part that moved the score the way it went.
  const main = contributions.find((c) => (difference > 0 ? c.value > 0 : c.value < 0)) ?? contributions[0]!;
  const verb = Math.abs(difference) < VISIBLE_STEP ? 'stayed about the same' : difference > 0 ? 'rose' : 'fell';
  const sentence =
    verb === 'stayed about the same'
      ? `Strength stayed about the same (${round2(before.strength)} to ${round2(after.strength)}).`
      : `Strength ${verb} from ${round2(before.strength)} to ${round2(after.strength)}, mostly because ${because(main.part, main.value > 0, before, after, names)}.`;
  return { a: ctx.a, b: ctx.b, names, from: before, to: after, difference, contributions, sentence };
}
