/**
 * `calibrateDecay`: fits the strength model's half-life and component weights
 * on the graph's own history, by back-testing.
 *
 * @module
 */
import { readInteger } from '../core/args.js';
import { optionError } from '../core/errors.js';
import type { PeopleGraph } from '../core/graph.js';
import type { PreparedNetwork } from '../core/prepared.js';
import { eventsEnd, type InteractionIndex } from '../core/interaction-index.js';
import { DAY_MS, parseDurationOption, type DurationInput } from '../core/time.js';
import { assessDyad, newAssessment } from '../kernel/assess.js';
import {
  DEFAULT_HALF_LIFE_DAYS,
  DEFAULT_STRENGTH_WEIGHTS,
  STRENGTH_COMPONENTS,
  deepFreeze,
  resolveModel,
  type StrengthWeights,
} from '../kernel/options.js';
import { readAll } from '../kernel/read.js';
import type { StrengthOptions } from '../kernel/strength-result.js';

/**
 * The option `horizon` of the back-tests (`calibrate`, `calibrateDecay`), in
 * ms: 30 days when left out, the horizon the shipped contact model predicts.
 */
export function readHorizon(horizon: unknown, module: string): number {
  return horizon === undefined ? 30 * DAY_MS : parseDurationOption(horizon, 'horizon', module, false);
}

/**
 * ROC AUC of `scores` against binary `labels`: the Mann–Whitney probability
 * that a positive scores above a negative, ties counting one half. Both
 * classes are sorted natively and swept once. NaN when either class is empty.
 */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<boolean | number>): number {
  let positives = 0;
  for (let i = 0; i < scores.length; i++) if (labels[i]) positives++;
  const negatives = scores.length - positives;
  if (positives === 0 || negatives === 0) return NaN;
  const pos = new Float64Array(positives);
  const neg = new Float64Array(negatives);
  for (let i = 0, p = 0, q = 0; i < scores.length; i++) {
    if (labels[i]) pos[p++] = scores[i]!;
    else neg[q++] = scores[i]!;
  }
  pos.sort();
  neg.sort();
  // For each positive: negatives strictly below it, and negatives equal to it.
  let below = 0;
  let upTo = 0;
  let u = 0;
  for (let i = 0; i < positives; i++) {
    const x = pos[i]!;
    while (below < negatives && neg[below]! < x) below++;
    if (upTo < below) upTo = below;
    while (upTo < negatives && neg[upTo]! <= x) upTo++;
    u += below + (upTo - below) / 2;
  }
  return u / (positives * negatives);
}

/** Options of {@link calibrateDecay}. */
export interface CalibrateDecayOptions extends StrengthOptions {
  /** The back-test predicts contact within this horizon after the cut (`now − horizon`). Default `{ days: 30 }`. */
  horizon?: DurationInput;
  /**
   * Number of back-test cuts (now − horizon, now − 2·horizon, …) whose AUCs are
   * averaged, from 1 to 100. Default 1: on the validation data sets the latest month
   * predicted the next one better than an average over three.
   */
  cuts?: number;
  /** Candidate half-lives in days. Default [1, 2, 3, 5, 7, 10, 14, 21, 30, 45, 60, 90, 120, 180, 270, 365]. */
  halfLives?: number[];
}

/** One candidate of the back-test. */
export interface CalibrationCandidate {
  /** Half-life in days. */
  halfLifeDays: number;
  /** The weight preset's name. */
  preset: string;
  /** ROC AUC of strength at the cut against "contact within the horizon"; `null` when no back-test cut had both classes (see `report.reason`). */
  auc: number | null;
}

/** The result of {@link calibrateDecay}. */
export interface DecayCalibration {
  /** Options to spread into `tieStrength` and friends: `{ ...options, ...calibration.options }`. */
  options: { halfLife: { days: number }; weights: StrengthWeights };
  /** How the fit went. */
  report: {
    /** The latest back-test cut, `now − horizon` (the others are 2 and 3 horizons back). */
    cut: Date;
    /** Horizon in days. */
    horizonDays: number;
    /** Pairs scored at the latest cut (those with an interaction at or before it). */
    pairs: number;
    /** Of those, pairs in touch within the horizon after the cut. */
    positives: number;
    /** The best ROC AUC (0.5 = chance), averaged over the back-test cuts; `null` when there is not enough history (see `reason`). */
    auc: number | null;
    /** Why `auc` is `null` (no pair before the cut, or every pair in touch after it, or none): then `options` are the defaults. Absent when the fit succeeded. */
    reason?: string;
    /** Every candidate tried, best first. */
    candidates: CalibrationCandidate[];
  };
}

/** Weight presets tried by the calibration (normalised by the kernel). */
export const WEIGHT_PRESETS: Readonly<Record<string, Readonly<StrengthWeights>>> = /* @__PURE__ */ deepFreeze({
  balanced: { ...DEFAULT_STRENGTH_WEIGHTS },
  rhythm: { recency: 0.3, frequency: 0.45, intensity: 0.15, duration: 0.05, exchange: 0.05 },
  recent: { recency: 0.6, frequency: 0.2, intensity: 0.1, duration: 0.05, exchange: 0.05 },
  volume: { recency: 0.2, frequency: 0.2, intensity: 0.5, duration: 0.05, exchange: 0.05 },
  lasting: { recency: 0.3, frequency: 0.1, intensity: 0.2, duration: 0.25, exchange: 0.15 },
  warmth: { recency: 0, frequency: 0, intensity: 1, duration: 0, exchange: 0 },
  'warmth+recency': { recency: 0.3, frequency: 0, intensity: 0.7, duration: 0, exchange: 0 },
});

/** Scores every dyad with events at or before `cut`; labels whether it has an event in (cut, now]. */
export function backTestPairs(
  index: InteractionIndex,
  cut: number,
  now: number,
): { dyads: Int32Array; labels: Uint8Array } {
  const dyads: number[] = [];
  const labels: number[] = [];
  for (let d = 0; d < index.dyadCount; d++) {
    const start = index.eventOffset[d]!;
    const before = eventsEnd(index, d, cut);
    if (before === start) continue;
    const upTo = eventsEnd(index, d, now);
    dyads.push(d);
    labels.push(upTo > before ? 1 : 0);
  }
  return { dyads: Int32Array.from(dyads), labels: Uint8Array.from(labels) };
}

/**
 * Fits the half-life and the component weights of the strength model on the
 * graph's own history, without labels: it cuts the history at `now − horizon`,
 * scores every pair with what came before the cut, and keeps the candidate
 * whose strength best predicts which pairs were in touch within the horizon
 * (ROC AUC). Only interactions at or before `now` are used. There is no
 * universal half-life (Burt 2000): e-mail ties and chat ties decay at very
 * different rates, which is why goodwill fits it.
 *
 * @see [Strength and decay](../../docs/guides/strength.md), the guide.
 *
 * @example
 * ```ts
 * const { options, report } = calibrateDecay(graph, { now: '2024-06-30' });
 * report.auc; // e.g. 0.86
 * tieStrength(graph, 'ann', 'bob', { now: '2024-06-30', ...options });
 * ```
 */
export function calibrateDecay(graph: PeopleGraph | PreparedNetwork, options: CalibrateDecayOptions): DecayCalibration {
  const module = 'calibrateDecay';
  const { index, now } = readAll(graph, options, module);
  const horizon = readHorizon(options.horizon, module);
  const halfLives = options.halfLives ?? [1, 2, 3, 5, 7, 10, 14, 21, 30, 45, 60, 90, 120, 180, 270, 365];
  if (
    !Array.isArray(halfLives) ||
    halfLives.length === 0 ||
    halfLives.some((h) => typeof h !== 'number' || !Number.isFinite(h) || h <= 0)
  ) {
    throw optionError(module, 'halfLives', 'must be a non-empty array of positive numbers of days', halfLives);
  }
  // Back-test at `cuts` cuts (now − horizon, now − 2·horizon, …) and average the AUCs.
  const foldCount = readInteger(module, 'cuts', options.cuts ?? 1, 1, 100);
  const folds = Array.from({ length: foldCount }, (_, i) => i + 1)
    .map((k) => {
      const cut = now - k * horizon;
      return { cut, ...backTestPairs(index, cut, cut + horizon) };
    })
    .filter((f) => f.dyads.length > 0);
  const presets = Object.entries(WEIGHT_PRESETS);
  const sums = new Float64Array(halfLives.length * presets.length);
  const counts = new Int32Array(halfLives.length * presets.length);
  const names = STRENGTH_COMPONENTS;
  for (const fold of folds) {
    const n = fold.dyads.length;
    const columns = names.map(() => new Float64Array(n));
    const mutuality = new Float64Array(n);
    const scores = new Float64Array(n);
    halfLives.forEach((halfLifeDays, h) => {
      const model = resolveModel({ ...options, halfLife: halfLifeDays * DAY_MS }, module);
      const s = newAssessment();
      for (let i = 0; i < n; i++) {
        assessDyad(index, fold.dyads[i]!, fold.cut, model, s);
        names.forEach((name, j) => (columns[j]![i] = s[name]));
        mutuality[i] = s.mutuality;
      }
      presets.forEach(([, weights], p) => {
        let total = 0;
        for (const name of names) total += weights[name];
        scores.fill(0);
        names.forEach((name, j) => {
          const w = weights[name] / total;
          if (w === 0) return;
          const col = columns[j]!;
          for (let i = 0; i < n; i++) scores[i] = scores[i]! + w * col[i]!;
        });
        for (let i = 0; i < n; i++) scores[i] = scores[i]! * mutuality[i]!;
        const auc = rocAuc(scores, fold.labels);
        if (!Number.isNaN(auc)) {
          const k = h * presets.length + p;
          sums[k] = sums[k]! + auc;
          counts[k] = counts[k]! + 1;
        }
      });
    });
  }
  const candidates: CalibrationCandidate[] = [];
  halfLives.forEach((halfLifeDays, h) =>
    presets.forEach(([preset], p) => {
      const k = h * presets.length + p;
      candidates.push({ halfLifeDays, preset, auc: counts[k]! > 0 ? sums[k]! / counts[k]! : null });
    }),
  );
  const cut = now - horizon;
  const dyads = folds[0]?.dyads ?? new Int32Array(0);
  const labels = folds[0]?.labels ?? new Uint8Array(0);
  const positives = labels.reduce((sum, x) => sum + x, 0);
  // Best first; ties (and null, when a class is empty) keep the candidate order.
  const ranked = candidates
    .map((c, i) => ({ c, i }))
    .sort((x, y) => (y.c.auc === null ? -1 : x.c.auc === null ? 1 : y.c.auc - x.c.auc) || x.i - y.i)
    .map((x) => x.c);
  const best = ranked[0]!;
  const usable = best.auc !== null;
  const chosen = usable ? best : { halfLifeDays: DEFAULT_HALF_LIFE_DAYS, preset: 'balanced', auc: null };
  const reason = usable
    ? undefined
    : 'not enough history: no back-test cut has pairs in touch and pairs out of touch after it; default options.';
  return {
    options: { halfLife: { days: chosen.halfLifeDays }, weights: { ...WEIGHT_PRESETS[chosen.preset]! } },
    report: {
      cut: new Date(cut),
      horizonDays: horizon / DAY_MS,
      pairs: dyads.length,
      positives,
      auc: chosen.auc,
      ...(reason === undefined ? {} : { reason }),
      candidates: ranked,
    },
  };
}
