/**
 * The public strength of a tie, built from its assessment: the shape every
 * answer about strength shares (`tieStrength`, `assessRelationship`, the
 * coach's `simulate`).
 *
 * @module
 * @internal
 */
import { DAY_MS, dateOrNull } from '../core/time.js';
import { DORMANT, newAssessment, type Assessment } from './assess.js';
import type { ContactModel } from './contact.js';
import type { StrengthComponents, StrengthWeights } from './options.js';
import type { ModelQueryOptions } from './read.js';

/** Options of the strength functions: the date, how to read the graph, the relationship model, and the contact model. */
export interface StrengthOptions extends ModelQueryOptions {
  /** The model of the chance of contact (from {@link "goodwill/calibrate"!calibrateContact | calibrateContact}, in `goodwill/calibrate`); default: the shipped model, fitted across the validation data sets. */
  contactModel?: ContactModel;
}

/** The result of {@link tieStrength}. */
export interface TieStrength {
  /** Strength in [0, 1]: mutuality × evidence, or the manual override where there is one. */
  strength: number;
  /** The components of the evidence, each in [0, 1]. */
  components: StrengthComponents;
  /** The weights applied (normalised to sum to 1). */
  weights: StrengthWeights;
  /** The weighted sum of the components. */
  evidence: number;
  /** The factor for give-and-take in [oneSidedFactor, 1]: 1 for a balanced tie, oneSidedFactor for a one-sided one. */
  mutuality: number;
  /** Warmth at `now`: Σ value · 2^(−age / half-life) over both directions. */
  warmth: number;
  /** The half-life of warmth, in days. */
  halfLifeDays: number;
  /** The tie's usual gap between contacts in days, or `null` while its rhythm is not known. */
  usualGapDays: number | null;
  /** Interactions at or before `now`. */
  interactions: number;
  /** First and last contact at or before `now`, or `null`. */
  firstContact: Date | null;
  lastContact: Date | null;
  /** Whether the tie has gone cold (its stage is `dormant`). */
  dormant: boolean;
  /** Whether a manual override set `strength`. */
  overridden: boolean;
  /**
   * The chance that the two are in contact within the contact model's horizon
   * (30 days by default), or `null` without any interaction: from the tie's
   * history and how active each of the two is with anyone (see `calibrateContact`).
   */
  probability: number | null;
}

/** The public strength of an assessment (`null`: no relationship). */
export function strengthResult(
  s: Assessment | null,
  halfLifeMs: number,
  weights: StrengthWeights,
  probability: number | null = null,
): TieStrength {
  // No tie reads as a fresh assessment: no interactions, no dates, strength 0, not dormant, no override.
  const t = s ?? newAssessment();
  return {
    strength: t.strength,
    components: {
      recency: t.recency,
      frequency: t.frequency,
      intensity: t.intensity,
      duration: t.duration,
      exchange: t.exchange,
    },
    weights: { ...weights },
    evidence: t.evidence,
    mutuality: t.mutuality,
    warmth: t.warmth0 + t.warmth1,
    halfLifeDays: halfLifeMs / DAY_MS,
    usualGapDays: t.gapCount === 0 ? null : t.usualGap / DAY_MS,
    interactions: t.n,
    firstContact: dateOrNull(t.first),
    lastContact: dateOrNull(t.last),
    dormant: t.stage === DORMANT,
    overridden: t.override === t.override,
    probability,
  };
}
