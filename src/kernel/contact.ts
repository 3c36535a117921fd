/**
 * The contact model: the chance that two people are in contact within a
 * horizon (30 days by default), a small regularised logistic regression over
 * the kernel's view of the tie — its features and its scoring. The fit is in
 * `calibrate-contact.ts` (`calibrateContact`); the numbers of the default model, fitted
 * across the validation data sets, in `contact-default.ts`.
 *
 * @module
 */
import { InvalidOptionError, describeValue } from '../core/errors.js';
import { DAY_MS, type DurationInput } from '../core/time.js';
import { eventsEnd, type InteractionIndex } from '../core/interaction-index.js';
import type { Assessment } from './assess.js';
import { rhythmChance } from './chance.js';
import type { ResolvedModel } from './options.js';
import type { ModelQueryOptions, PairRead } from './read.js';
import { DEFAULT_FIT } from './contact-default.js';

/** The features' names, in order: all that scoring and checking a model need. */
const NAMES = [
  'volume10',
  'volume30',
  'volume90',
  'silence',
  'overdue',
  'mutuality',
  'balance',
  'duration',
  'activeFewer',
  'activeMore',
  'rhythm',
];

/**
 * The features of the contact model, in order, with what each measures (a
 * fitted model carries the meanings; the shipped model's numbers in
 * `contact-default.ts` follow this order).
 */
export const CONTACT_FEATURES: readonly { readonly name: string; readonly meaning: string }[] =
  /* @__PURE__ */ Object.freeze(
    /* @__PURE__ */ [
      'ln(1 + interactions decayed with a 10-day half-life): very recent activity',
      'ln(1 + interactions decayed with a 30-day half-life)',
      'ln(1 + interactions decayed with a 90-day half-life): lasting activity',
      'ln(1 + days since the last contact)',
      "ln((1 + days of silence) / (1 + the tie's usual gap in days)): silence against the tie's own rhythm",
      'how two-way the tie is, 0 (one-sided) to 1 (balanced)',
      'the share of the recent warmth that the quieter side started, 0 to 0.5',
      'the duration component of strength: how long the tie has lasted',
      'ln(1 + ties in contact in the last 30 days) of the less active of the two: are both still active?',
      'the same, of the more active of the two',
      "log-odds of the chance of contact by the tie's own rhythm: how long its silences usually last before the next contact",
    ].map((meaning, k) => Object.freeze({ name: NAMES[k]!, meaning })),
  );

/** Number of features. */
export const F = 11;

/** A tie counts as active for the activity features when its last contact is at most this old. */
export const ACTIVE_WINDOW_MS = 30 * DAY_MS;

/** Whether dyad `d` had contact in [t − 30 days, t]. */
function activeAt(index: InteractionIndex, d: number, t: number): boolean {
  const end = eventsEnd(index, d, t);
  return end > index.eventOffset[d]! && t - index.time[end - 1]! <= ACTIVE_WINDOW_MS;
}

/** Every person's number of ties with contact in the 30 days up to `t`: the activity features. */
export function activeTieCounts(index: InteractionIndex, t: number): Int32Array {
  const counts = new Int32Array(index.nodes.length);
  for (let d = 0; d < index.dyadCount; d++) {
    if (!activeAt(index, d, t)) continue;
    counts[index.dyadA[d]!]!++;
    counts[index.dyadB[d]!]!++;
  }
  return counts;
}

/** One person's number of ties with contact in the 30 days up to `t` (the index must hold all their ties). */
export function activeTiesOf(index: InteractionIndex, node: number, t: number): number {
  let n = 0;
  for (let i = index.nodeDyadOffset[node]!; i < index.nodeDyadOffset[node + 1]!; i++)
    if (activeAt(index, index.nodeDyads[i]!, t)) n++;
  return n;
}

/**
 * One person's number of active ties at any date, by binary search: each tie
 * is active on the union of [t, t + 30 days] over its contacts `t`, so the
 * count at a date is the intervals begun by then less those ended before.
 * For a person asked about at many dates (the *feed* of a person with many ties).
 */
export function activeTieCounter(index: InteractionIndex, node: number): (t: number) => number {
  const starts: number[] = [];
  const ends: number[] = [];
  const { time } = index;
  for (let i = index.nodeDyadOffset[node]!; i < index.nodeDyadOffset[node + 1]!; i++) {
    const d = index.nodeDyads[i]!;
    const last = index.eventOffset[d + 1]!;
    for (let e = index.eventOffset[d]!; e < last;) {
      const start = time[e]!;
      let end = start + ACTIVE_WINDOW_MS;
      while (++e < last && time[e]! <= end) end = time[e]! + ACTIVE_WINDOW_MS;
      starts.push(start);
      ends.push(end);
    }
  }
  // Ends before t are the negated ends above −t.
  const s = Float64Array.from(starts).sort();
  const e = Float64Array.from(ends, (v) => -v).sort();
  // Elements ≤ t of a sorted array.
  const upTo = (a: Float64Array, t: number): number => {
    let lo = 0;
    let hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (a[mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return (t) => upTo(s, t) - e.length + upTo(e, -t);
}

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
    /** Pairs read and positives among them, over all cuts (a cut with more pairs than the option `sample` is read in a sample). */
    pairs: number;
    positives: number;
    /** On the latest cut, predicted by a model fitted on the earlier cuts only: ROC AUC, Brier score and reliability; `null` when not measured. */
    auc: number | null;
    brier: number | null;
    reliability: ReliabilityBin[];
  };
}

/** A model from a fit: its intercept, and per feature its mean, scale and coefficient. */
export function modelOf(
  fit: { intercept: number; mean: ArrayLike<number>; scale: ArrayLike<number>; beta: ArrayLike<number> },
  horizonDays: number,
  info: ContactModel['fit'],
): ContactModel {
  return {
    kind: 'contact-model',
    horizonDays,
    intercept: fit.intercept,
    features: CONTACT_FEATURES.map((f, k) => ({
      name: f.name,
      meaning: f.meaning,
      mean: fit.mean[k]!,
      scale: fit.scale[k]!,
      coefficient: fit.beta[k]!,
    })),
    fit: info,
  };
}

/** What the shipped model's fit says of itself (`calibrateContact` adds the reason and its back-test dates). */
export const DEFAULT_FIT_INFO: ContactModel['fit'] = {
  source: 'default',
  reason: null,
  cuts: [],
  pairs: DEFAULT_FIT.pairs,
  positives: DEFAULT_FIT.positives,
  auc: null,
  brier: null,
  reliability: [],
};

/**
 * The shipped model (30-day horizon), fitted across the validation data sets,
 * for scoring: its numbers under the features' names, without their meanings
 * (which only a bundle with `calibrateContact` carries: it gives this model with them
 * when a network is too small to fit its own).
 */
export const DEFAULT_CONTACT_MODEL: ContactModel = {
  kind: 'contact-model',
  horizonDays: 30,
  intercept: DEFAULT_FIT.intercept,
  features: NAMES.map((name, k) => ({
    name,
    meaning: '',
    mean: DEFAULT_FIT.mean[k]!,
    scale: DEFAULT_FIT.scale[k]!,
    coefficient: DEFAULT_FIT.coefficient[k]!,
  })),
  fit: DEFAULT_FIT_INFO,
};

/** Options of {@link calibrateContact}. */
export interface CalibrateContactOptions extends ModelQueryOptions {
  /** The horizon of the chance of contact. Default `{ days: 30 }`. */
  horizon?: DurationInput;
  /** Number of back-test cuts: now − horizon, now − 2 horizons, … Default 4. */
  cuts?: number;
  /** Pairs read per cut: with more, a uniform sample of this many, chosen by a hash of the pair. Default 10,000; `Infinity` reads all. */
  sample?: number;
}

/** How evenly a share splits: 1 up to 70/30, 0 from 80/20, linear between. */
function evenness(x: number, y: number): number {
  const share = (x > y ? x : y) / (x + y);
  return share >= 0.8 ? 0 : share <= 0.7 ? 1 : (0.8 - share) * 10;
}

/**
 * The `mutuality` feature: how evenly the two sides start the interactions
 * and, once there are three gives and asks, how evenly value flows — the
 * lesser of the two. A predictor of contact, not a judgement: the strength's
 * mutuality (answers) is another measure.
 */
function balanceOf(s: Assessment): number {
  if (s.n === 0) return 0;
  let b = evenness(s.i0, s.i1);
  const x0 = s.given0 + s.asked1;
  const x1 = s.given1 + s.asked0;
  if (s.gives0 + s.gives1 + s.asks0 + s.asks1 >= 3 && x0 + x1 > 0) b = Math.min(b, evenness(x0, x1));
  return b;
}

/**
 * The features of an assessment (with volumes) at `now`, into `out` from
 * `offset`; `activeA` and `activeB` are the two people's numbers of ties with
 * contact in the last 30 days (in either order).
 */
export function contactFeatures(
  s: Assessment,
  now: number,
  m: ResolvedModel,
  activeA: number,
  activeB: number,
  horizonMs: number,
  out: Float64Array,
  offset = 0,
): void {
  const silenceDays = (now - s.last) / DAY_MS;
  const gapDays = s.usualGap / DAY_MS;
  const w = s.warmth0 + s.warmth1;
  out[offset] = Math.log1p(s.volume10);
  out[offset + 1] = Math.log1p(s.volume30);
  out[offset + 2] = Math.log1p(s.volume90);
  out[offset + 3] = Math.log1p(silenceDays);
  out[offset + 4] = Math.log((1 + silenceDays) / (1 + gapDays));
  out[offset + 5] = balanceOf(s);
  out[offset + 6] = w > 0 ? Math.min(s.warmth0, s.warmth1) / w : 0;
  out[offset + 7] = s.lasted;
  out[offset + 8] = Math.log1p(Math.min(activeA, activeB));
  out[offset + 9] = Math.log1p(Math.max(activeA, activeB));
  const p = Math.min(Math.max(rhythmChance(s, now, horizonMs), 1e-6), 1 - 1e-6);
  out[offset + 10] = Math.log(p / (1 - p));
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
        f.name === NAMES[k] &&
        [f.mean, f.scale, f.coefficient].every((v) => typeof v === 'number' && Number.isFinite(v)) &&
        f.scale > 0,
    );
  if (!ok) {
    throw new InvalidOptionError(
      `${module}: the option \`contactModel\` is ${describeValue(input)}, not a contact model; pass calibrateContact's result, or leave it out for the default.`,
      { field: 'contactModel' },
    );
  }
  return m as ContactModel;
}

const features = new Float64Array(F);
/**
 * The chance of contact of an assessment made with volumes, or `null` without
 * interactions; `activeA`, `activeB`: the two people's numbers of ties with
 * contact in the 30 days up to `now`.
 */
export function probabilityOf(
  s: Assessment | null,
  now: number,
  m: ResolvedModel,
  contact: ContactModel,
  activeA: number,
  activeB: number,
): number | null {
  if (s === null || s.n === 0) return null;
  contactFeatures(s, now, m, activeA, activeB, contact.horizonDays * DAY_MS, features);
  return contactProbability(contact, features);
}

/** The chance of contact of a pair read with its neighbourhood, assessed at `t`. */
export function pairProbability(ctx: PairRead, s: Assessment | null, t: number, contact: ContactModel): number | null {
  if (s === null || s.n === 0) return null;
  const { index } = ctx;
  return probabilityOf(
    s,
    t,
    ctx.model,
    contact,
    activeTiesOf(index, index.dyadA[ctx.d]!, t),
    activeTiesOf(index, index.dyadB[ctx.d]!, t),
  );
}
