/**
 * Public types of the stage classifier.
 *
 * @module
 */
import type { DurationInput } from '../core/time.js';
import type { GraphReadOptions, TimeOptions } from '../core/types.js';

/**
 * Where a relationship stands. The ladder `connected` → `acquainted` →
 * `engaged` → `trusted`, and on the way down `cooling` and `dormant`; `none`
 * for two people with no link and no interaction.
 */
export type Stage = 'none' | 'connected' | 'acquainted' | 'engaged' | 'trusted' | 'cooling' | 'dormant';

/** The stages in display order: the ladder up, then the way down. */
export const STAGES: readonly Stage[] = /* @__PURE__ */ Object.freeze([
  'none',
  'connected',
  'acquainted',
  'engaged',
  'trusted',
  'cooling',
  'dormant',
] satisfies Stage[]);

/** A rung of the ladder, ignoring cooling and dormancy. */
export type StageLevel = 'connected' | 'acquainted' | 'engaged' | 'trusted';

/**
 * A warning sign on a relationship:
 * - `one-sided`: contact or giving flows (almost) one way;
 * - `premature-ask`: an ask or pitch came before the tie was engaged (the "networking jerk" pattern);
 * - `giver-fatigue`: one side gave several times in a row with nothing given back.
 */
export type StageFlag = 'one-sided' | 'premature-ask' | 'giver-fatigue';

/** The thresholds of the stage rules; every one is an option (see the stages guide for sources). */
export interface StageThresholds {
  /** `engaged` needs at least this many interactions. Default 6. */
  engagedMinInteractions: number;
  /** `engaged` needs contact spread over at least this many distinct weeks. Default 3. */
  engagedMinActiveWeeks: number;
  /** `engaged` needs this much time from the first to the last contact. Default `{ days: 21 }`. */
  engagedMinSpan: DurationInput;
  /** `engaged` needs each side to have initiated at least this many interactions. Default 2. */
  engagedMinEachSide: number;
  /** `trusted` needs this much time from the first to the last contact. Default `{ days: 90 }`. */
  trustedMinSpan: DurationInput;
  /** `trusted` needs each side to have given (give kinds) at least this many times. Default 1. */
  trustedMinGivesEach: number;
  /** `trusted` needs exchange mutuality (min/max of given value) at least this. Default 0.2. */
  trustedMinExchangeMutuality: number;
  /** `trusted` needs at least this many interactions. Default 12. */
  trustedMinInteractions: number;
  /** Silence of an engaged or trusted tie longer than this many usual gaps means `cooling`. Default 3. */
  coolingGapFactor: number;
  /** …and at least this long. Default `{ days: 21 }`. */
  coolingMinSilence: DurationInput;
  /** Silence longer than this many usual gaps means `dormant` (Navarro et al. 2017: ~8). Default 8. */
  dormantGapFactor: number;
  /** …and at least this long. Default `{ days: 90 }`. */
  dormantMinSilence: DurationInput;
  /** The usual gap of a tie with a single day of contact. Default `{ days: 30 }`. */
  defaultGap: DurationInput;
  /** `one-sided` when one side initiated at least this share of the contact… Default 0.8. */
  oneSidedShare: number;
  /** …counted once there are at least this many interactions (or gives). Default 3. */
  oneSidedMinInteractions: number;
  /** `giver-fatigue` after this many gives in a row without a give back. Default 3. */
  giverFatigueRun: number;
}

/** Options of the stage functions. */
export interface StageOptions extends GraphReadOptions, TimeOptions {
  /** Thresholds to change; the others keep their defaults. */
  thresholds?: Partial<StageThresholds>;
}

/** One rule of a classification: what was measured, against which threshold, and whether it was met. */
export interface StageReason {
  /** A stable rule name, e.g. `'two-way-contact'`, `'active-weeks'`, `'silence-dormant'`. */
  rule: string;
  /** The stage that the rule gates. */
  stage: Stage;
  /** Whether the rule is met (value >= threshold). */
  met: boolean;
  /** The measured value. */
  value: number;
  /** The threshold it is compared with. */
  threshold: number;
  /** The unit of value and threshold (`'interactions'`, `'days'`, `'weeks'`, `'ratio'`, …). */
  unit: string;
  /** A sentence that says it. */
  text: string;
}

/** A flag with the person it is about and why. */
export interface StageFlagDetail {
  /** The flag. */
  flag: StageFlag;
  /** The person it is about: the one who does (almost) all the contacting or giving, who asked early, or who keeps giving. */
  by: string;
  /** A sentence that says it. */
  text: string;
}

/** The result of {@link classifyStage}. */
export interface StageResult {
  /** Where the relationship stands at `now`. */
  stage: Stage;
  /** The rung of the ladder it reached by its own history (ignoring cooling and dormancy); `null` for `none`. */
  level: StageLevel | null;
  /** The highest rung it ever reached; `null` for `none`. */
  peak: StageLevel | null;
  /** Since when it has been in `stage`; `null` when it has no interaction (a bare link, or none). */
  since: Date | null;
  /** Every rule, met or missed, with its number and threshold. */
  reasons: StageReason[];
  /** Warning signs, e.g. `['one-sided', 'premature-ask']`, in this order: one-sided, premature-ask, giver-fatigue. */
  flags: StageFlag[];
  /** The flags with whom they are about and why. */
  flagDetails: StageFlagDetail[];
  /** The last interaction at or before `now`, or `null`. */
  lastContact: Date | null;
  /** Interactions at or before `now`. */
  interactions: number;
  /** Whether a manual strength override decided the stage. */
  overridden: boolean;
}

/** One change of stage. */
export interface StageChange {
  /** When it happened (for cooling and dormancy: when the silence crossed the threshold). */
  at: Date;
  /** The stage before (`none` for the first). */
  from: Stage;
  /** The stage after. */
  to: Stage;
  /** Why, in a sentence. */
  reason: string;
}

/** The result of {@link stageTimeline}. */
export interface StageTimeline {
  /** The stage changes, in time order. */
  changes: StageChange[];
  /** The classification at `now` (equal to {@link classifyStage}'s). */
  current: StageResult;
}
