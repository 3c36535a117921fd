/**
 * Stage thresholds: defaults, with where each comes from, and validation.
 *
 * @module
 * @internal
 */
import { InvalidOptionError, describeValue } from '../core/errors.js';
import { parseDurationOption } from '../core/time.js';
import type { StageThresholds } from './types.js';

/**
 * Default thresholds. Sources (see docs/guides/stages.md):
 * - engaged ≈ "regular two-way contact over weeks": Dunbar's 50-layer is
 *   contact about monthly (Hill & Dunbar 2003); Knapp's *intensifying* stage
 *   needs repeated contact; 6 interactions over ≥ 3 distinct weeks and 21 days;
 * - trusted ≈ "sustained, reciprocated exchange including gives, over months":
 *   a quarter (90 days), gives both ways, exchange mutuality ≥ 0.2 (Raeder et
 *   al. 2011: reciprocated ties persist); Hall 2019 finds ~90–200 hours over
 *   months turn acquaintances into friends;
 * - dormant after 8× the usual gap (Navarro et al. 2017), cooling after 3×.
 */
export const DEFAULT_STAGE_THRESHOLDS: Readonly<StageThresholds> = /* @__PURE__ */ Object.freeze({
  engagedMinInteractions: 6,
  engagedMinActiveWeeks: 3,
  engagedMinSpan: { days: 21 },
  engagedMinEachSide: 2,
  trustedMinSpan: { days: 90 },
  trustedMinGivesEach: 1,
  trustedMinExchangeMutuality: 0.2,
  trustedMinInteractions: 12,
  coolingGapFactor: 3,
  coolingMinSilence: { days: 21 },
  dormantGapFactor: 8,
  dormantMinSilence: { days: 90 },
  defaultGap: { days: 30 },
  oneSidedShare: 0.8,
  oneSidedMinInteractions: 3,
  giverFatigueRun: 3,
});

/** Thresholds with durations in milliseconds. */
export interface ResolvedThresholds {
  engagedMinInteractions: number;
  engagedMinActiveWeeks: number;
  engagedMinSpan: number;
  engagedMinEachSide: number;
  trustedMinSpan: number;
  trustedMinGivesEach: number;
  trustedMinExchangeMutuality: number;
  trustedMinInteractions: number;
  coolingGapFactor: number;
  coolingMinSilence: number;
  dormantGapFactor: number;
  dormantMinSilence: number;
  defaultGap: number;
  oneSidedShare: number;
  oneSidedMinInteractions: number;
  giverFatigueRun: number;
}

const COUNTS = ['engagedMinInteractions', 'engagedMinActiveWeeks', 'engagedMinEachSide', 'trustedMinGivesEach', 'trustedMinInteractions', 'oneSidedMinInteractions', 'giverFatigueRun'] as const;
const RATIOS = ['trustedMinExchangeMutuality', 'oneSidedShare'] as const;
const FACTORS = ['coolingGapFactor', 'dormantGapFactor'] as const;
const DURATIONS = ['engagedMinSpan', 'trustedMinSpan', 'coolingMinSilence', 'dormantMinSilence', 'defaultGap'] as const;

/** Validates the thresholds option, naming the field at fault. */
export function resolveThresholds(input: Partial<StageThresholds> | undefined, module: string): ResolvedThresholds {
  if (input !== undefined && (input === null || typeof input !== 'object')) {
    throw new InvalidOptionError(`${module}: the option \`thresholds\` must be an object; got ${describeValue(input)}.`, { field: 'thresholds' });
  }
  const given = input ?? {};
  for (const key of Object.keys(given)) {
    if (!(key in DEFAULT_STAGE_THRESHOLDS)) {
      throw new InvalidOptionError(`${module}: unknown threshold \`${key}\`; the thresholds are ${Object.keys(DEFAULT_STAGE_THRESHOLDS).join(', ')}.`, { field: `thresholds.${key}` });
    }
  }
  const out = {} as ResolvedThresholds;
  for (const key of COUNTS) {
    const v = given[key] ?? DEFAULT_STAGE_THRESHOLDS[key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
      throw new InvalidOptionError(`${module}: \`thresholds.${key}\` must be an integer >= 0; got ${describeValue(v)}.`, { field: `thresholds.${key}` });
    }
    out[key] = v;
  }
  for (const key of RATIOS) {
    const v = given[key] ?? DEFAULT_STAGE_THRESHOLDS[key];
    if (typeof v !== 'number' || !(v >= 0 && v <= 1)) {
      throw new InvalidOptionError(`${module}: \`thresholds.${key}\` must be a number in [0, 1]; got ${describeValue(v)}.`, { field: `thresholds.${key}` });
    }
    out[key] = v;
  }
  for (const key of FACTORS) {
    const v = given[key] ?? DEFAULT_STAGE_THRESHOLDS[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) {
      throw new InvalidOptionError(`${module}: \`thresholds.${key}\` must be a finite number > 0; got ${describeValue(v)}.`, { field: `thresholds.${key}` });
    }
    out[key] = v;
  }
  for (const key of DURATIONS) {
    out[key] = parseDurationOption(given[key] ?? DEFAULT_STAGE_THRESHOLDS[key], `thresholds.${key}`, module, key !== 'defaultGap');
  }
  if (out.dormantGapFactor < out.coolingGapFactor) {
    throw new InvalidOptionError(`${module}: \`thresholds.dormantGapFactor\` (${out.dormantGapFactor}) must be >= \`coolingGapFactor\` (${out.coolingGapFactor}): a tie cools before it goes dormant.`, { field: 'thresholds.dormantGapFactor' });
  }
  // One object literal of a fixed shape: the stage machine reads these in its hot loop.
  return {
    engagedMinInteractions: out.engagedMinInteractions,
    engagedMinActiveWeeks: out.engagedMinActiveWeeks,
    engagedMinSpan: out.engagedMinSpan,
    engagedMinEachSide: out.engagedMinEachSide,
    trustedMinSpan: out.trustedMinSpan,
    trustedMinGivesEach: out.trustedMinGivesEach,
    trustedMinExchangeMutuality: out.trustedMinExchangeMutuality,
    trustedMinInteractions: out.trustedMinInteractions,
    coolingGapFactor: out.coolingGapFactor,
    coolingMinSilence: out.coolingMinSilence,
    dormantGapFactor: out.dormantGapFactor,
    dormantMinSilence: out.dormantMinSilence,
    defaultGap: out.defaultGap,
    oneSidedShare: out.oneSidedShare,
    oneSidedMinInteractions: out.oneSidedMinInteractions,
    giverFatigueRun: out.giverFatigueRun,
  };
}
