/**
 * The public stage of a tie, built from its assessment: the shapes every
 * answer about stages shares (`classifyStage`, `assessRelationship`, the
 * reports' counts).
 *
 * @module
 * @internal
 */
import type { ModelQueryOptions } from './read.js';
import type { ContactModel } from './contact.js';
import type { Assessment } from './assess.js';
import type { ResolvedModel } from './options.js';
import { flagDetailsOf, LEVEL_OF_CODE, reasonsOf, STAGE_OF_CODE, type Names } from './words.js';
export type { Stage, StageFlag, StageFlagDetail, StageLevel, StageReason } from './types.js';
export { STAGES } from './types.js';
import {
  STAGES,
  type Stage,
  type StageFlag,
  type StageFlagDetail,
  type StageLevel,
  type StageReason,
} from './types.js';
import { dateOrNull } from '../core/time.js';

/** Options of the stage functions: the date, how to read the graph, the relationship model (with `thresholds`), and names. */
export interface StageOptions extends ModelQueryOptions {
  /** The contact model that ranks *feed* by expected loss (from `calibrateContact`); default: the shipped model. */
  contactModel?: ContactModel;
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
  /** Whether a manual strength override set the rung. */
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

/** The public stage result of an assessment; `keys` and `names` are the dyad's sides 0 and 1. */
export function stageResult(
  s: Assessment,
  now: number,
  model: ResolvedModel,
  keys: readonly [string, string],
  names: Names,
): StageResult {
  const flagDetails = flagDetailsOf(s, keys, names);
  return {
    stage: STAGE_OF_CODE[s.stage]!,
    level: LEVEL_OF_CODE[s.level]!,
    peak: LEVEL_OF_CODE[s.peak]!,
    since: dateOrNull(s.since),
    reasons: reasonsOf(s, now, model, names),
    flags: flagDetails.map((f) => f.flag),
    flagDetails,
    lastContact: dateOrNull(s.last),
    interactions: s.n,
    overridden: s.override === s.override,
  };
}

/** The stage of two people without a relationship: `none`. */
export function noneResult(): StageResult {
  return {
    stage: 'none',
    level: null,
    peak: null,
    since: null,
    reasons: [],
    flags: [],
    flagDetails: [],
    lastContact: null,
    interactions: 0,
    overridden: false,
  };
}

/** Counts per stage, every stage present. */
export function stageCounts(): Record<Stage, number> {
  // From STAGES, the one list of the names; a loop, not Object.fromEntries (an entries array per call).
  const counts = {} as Record<Stage, number>;
  for (const stage of STAGES) counts[stage] = 0;
  return counts;
}

/** Counts per flag, every flag present. */
export function flagCounts(): Record<StageFlag, number> {
  return { 'one-sided': 0, 'premature-ask': 0, 'giver-fatigue': 0 };
}
