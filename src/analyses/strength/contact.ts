/**
 * The contact model: the chance that two people are in contact within a
 * horizon (30 days by default), a small regularised logistic regression over
 * the kernel's view of the tie — its features and its scoring. The fit is in
 * `contact-fit.ts` (`calibrate`); the default model, fitted across the
 * validation data sets, in `contact-default.ts`.
 *
 * @module
 */
import { InvalidOptionError, describeValue } from '../../core/errors.js';
import { DAY_MS, type DurationInput } from '../../core/time.js';
import type { Assessment } from '../../kernel/assess.js';
import type { ResolvedModel } from '../../kernel/options.js';
import type { ModelQueryOptions } from '../../kernel/read.js';
import { DEFAULT_CONTACT_MODEL } from './contact-default.js';

/**
 * The features of the contact model, in order, with what each measures: read
 * from the shipped model (`contact-default.ts`), where each name and meaning is
 * written once; a refit (`bench/contact-model.ts --write`) keeps them.
 */
export const CONTACT_FEATURES: readonly { readonly name: string; readonly meaning: string }[] =
  /* @__PURE__ */ Object.freeze(
    /* @__PURE__ */ DEFAULT_CONTACT_MODEL.features.map(({ name, meaning }) => Object.freeze({ name, meaning })),
  );

/** Number of features. */
export const F = 8;

/** One feature of a fitted model. */
export interface ContactFeature {
  /** Its name (see {@link CONTACT_FEATURES}). */
  name: string;
  /** What it measures. */
  meaning: string;
  /** Mean and scale used to standardise it. */
  mean: number;
  scale: number;
  /** Its coefficient on the standardised feature: the change in log-odds per standard deviation. */
  coefficient: number;
}

/** One bin of a reliability table: ties whose predicted chance fell in [from, to). */
export interface ReliabilityBin {
  from: number;
  to: number;
  /** Mean predicted chance in the bin. */
  predicted: number;
  /** Share of the bin's ties that were in contact. */
  observed: number;
  /** Ties in the bin. */
  pairs: number;
}

/** A contact model: pass it as `contactModel` to `tieStrength`, `tieStrengths`, `networkHealth`. Plain JSON. */
export interface ContactModel {
  /** Discriminates the model for validation. */
  kind: 'contact-model';
  /** The horizon it predicts contact within, in days. */
  horizonDays: number;
  /** Log-odds at the mean of every feature. */
  intercept: number;
  /** The features, with their coefficients. */
  features: ContactFeature[];
  /** How it was made and how it did. */
  fit: {
    /** `fitted` on this network's history, or the shipped `default`. */
    source: 'fitted' | 'default';
    /** Why the default was used, or `null`. */
    reason: string | null;
    /** The back-test cuts (the label: contact in the horizon after each). */
    cuts: Date[];
    /** Pairs and positives over all cuts. */
    pairs: number;
    positives: number;
    /** On the latest cut, predicted by a model fitted on the earlier cuts only: ROC AUC, Brier score and reliability; `null` when not measured. */
    auc: number | null;
    brier: number | null;
    reliability: ReliabilityBin[];
  };
}

/** Options of {@link calibrate}. */
export interface CalibrateOptions extends ModelQueryOptions {
  /** The horizon of the chance of contact. Default `{ days: 30 }`. */
  horizon?: DurationInput;
  /** Number of back-test cuts: now − horizon, now − 2 horizons, … Default 4. */
  cuts?: number;
}

/** The features of an assessment (with volumes) at `now`, into `out` from `offset`. */
export function contactFeatures(s: Assessment, now: number, m: ResolvedModel, out: Float64Array, offset = 0): void {
  const silenceDays = (now - s.last) / DAY_MS;
  const gapDays = s.usualGap / DAY_MS;
  const w = s.warmth0 + s.warmth1;
  out[offset] = Math.log1p(s.volume10);
  out[offset + 1] = Math.log1p(s.volume30);
  out[offset + 2] = Math.log1p(s.volume90);
  out[offset + 3] = Math.log1p(silenceDays);
  out[offset + 4] = Math.log((1 + silenceDays) / (1 + gapDays));
  out[offset + 5] = m.oneSidedFactor < 1 ? (s.mutuality - m.oneSidedFactor) / (1 - m.oneSidedFactor) : 1;
  out[offset + 6] = w > 0 ? Math.min(s.warmth0, s.warmth1) / w : 0;
  out[offset + 7] = s.duration;
}

/** The chance of contact of one feature vector. */
export function contactProbability(model: ContactModel, x: ArrayLike<number>, offset = 0): number {
  let z = model.intercept;
  const f = model.features;
  for (let k = 0; k < F; k++) z += (f[k]!.coefficient * (x[offset + k]! - f[k]!.mean)) / f[k]!.scale;
  return 1 / (1 + Math.exp(-z));
}

/** Validates a `contactModel` option (or gives the default). */
export function resolveContactModel(input: unknown, module: string): ContactModel {
  if (input === undefined) return DEFAULT_CONTACT_MODEL;
  const m = input as Partial<ContactModel> | null;
  const ok =
    m !== null &&
    typeof m === 'object' &&
    m.kind === 'contact-model' &&
    typeof m.intercept === 'number' &&
    Number.isFinite(m.intercept) &&
    Array.isArray(m.features) &&
    m.features.length === F &&
    m.features.every(
      (f, k) =>
        f !== null &&
        typeof f === 'object' &&
        f.name === CONTACT_FEATURES[k]!.name &&
        [f.mean, f.scale, f.coefficient].every((v) => typeof v === 'number' && Number.isFinite(v)) &&
        f.scale > 0,
    );
  if (!ok) {
    throw new InvalidOptionError(
      `${module}: the option \`contactModel\` is ${describeValue(input)}, not a contact model; pass the result of calibrate(graph, { now }) (or leave it out for the default model).`,
      { field: 'contactModel' },
    );
  }
  return m as ContactModel;
}
