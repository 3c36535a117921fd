/**
 * Public types of the stage classifier.
 *
 * @module
 */
import type { ModelQueryOptions } from '../../kernel/read.js';
import type { ContactModel } from '../strength/contact.js';
import type { Stage, StageFlag, StageFlagDetail, StageLevel, StageReason } from '../../kernel/types.js';

export type { Stage, StageFlag, StageFlagDetail, StageLevel, StageReason } from '../../kernel/types.js';
export { STAGES } from '../../kernel/types.js';

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
