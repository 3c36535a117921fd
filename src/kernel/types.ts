/**
 * The words of the relationship model: stages, levels, flags and reasons.
 *
 * @module
 */

/**
 * Where a relationship stands. The ladder `connected` → `acquainted` →
 * `engaged` → `trusted`, and on the way down `cooling` (an engaged or trusted
 * tie silent for longer than its rhythm) and `dormant` (a tie that has gone
 * cold); `none` for two people with no link and no interaction.
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
 * - `one-sided`: one side starts (almost) all the interactions, or (almost) all value flows one way;
 * - `premature-ask`: an ask or pitch came before the tie was engaged (the "networking jerk" pattern);
 * - `giver-fatigue`: one side gave several times in a row with nothing given back.
 */
export type StageFlag = 'one-sided' | 'premature-ask' | 'giver-fatigue';

/** What to do about a tie, from one person's view; at most one applies. */
export type Advice = 'feed' | 'weed' | 'reconnect';

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
  /** A sentence that says it, naming people by their labels. */
  text: string;
}

/** A flag with the person it is about and why. */
export interface StageFlagDetail {
  /** The flag. */
  flag: StageFlag;
  /** The key of the person it is about: who starts (almost) everything or gives (almost) everything, who asked early, or who keeps giving. */
  by: string;
  /** A sentence that says it. */
  text: string;
}
