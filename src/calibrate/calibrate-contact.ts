/**
 * `calibrateContact`: fits the contact model on the network's own history by
 * back-testing — a regularised logistic regression by Newton's method.
 *
 * @module
 */
import { readInteger } from '../core/args.js';
import { optionError } from '../core/errors.js';
import type { PeopleGraph } from '../core/graph.js';
import type { PreparedNetwork } from '../core/prepared.js';
import { eventsEnd, type InteractionIndex } from '../core/interaction-index.js';
import { DAY_MS } from '../core/time.js';
import { assessDyad, newAssessment } from '../kernel/assess.js';
import type { ResolvedModel } from '../kernel/options.js';
import { readAll } from '../kernel/read.js';
import { readHorizon, rocAuc } from './calibrate-decay.js';
import { DEFAULT_FIT } from '../kernel/contact-default.js';
import {
  CONTACT_FEATURES,
  DEFAULT_CONTACT_MODEL,
  DEFAULT_FIT_INFO,
  modelOf,
  activeTieCounts,
  contactFeatures,
  contactProbability,
  F,
  type CalibrateContactOptions,
  type ContactModel,
  type ReliabilityBin,
} from '../kernel/contact.js';

/**
 * A number in [0, 1) for each pair, from its two keys alone (FNV-1a, then
 * murmur3's finaliser): which pairs a sample keeps. It depends on nothing else
 * in the graph, so people or pairs added later (after `now`, say) leave the
 * sample of the others as it was.
 */
function pairRanks(index: InteractionIndex): Float64Array {
  const ranks = new Float64Array(index.dyadCount);
  const { nodes, dyadA, dyadB } = index;
  for (let d = 0; d < ranks.length; d++) {
    let h = 0x811c9dc5;
    const key = `${nodes[dyadA[d]!]!}\u0000${nodes[dyadB[d]!]!}`;
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    ranks[d] = (h >>> 0) / 4294967296;
  }
  return ranks;
}

/**
 * Back-test samples: the features of every pair with contact before `cut` (or
 * of a uniform sample of about `sample` of them, by {@link pairRanks}), and
 * whether it had contact in (cut, cut + horizon] — unless not `labelled` (the
 * pairs at `now`, whose future is not read): then every label is 0.
 */
function samples(
  index: InteractionIndex,
  cut: number,
  horizon: number,
  m: ResolvedModel,
  sample: number,
  ranks: Float64Array | null,
  labelled = true,
): { x: Float64Array; y: Uint8Array } {
  const { eventOffset, time } = index;
  // A pair counts from its first contact (a tie without interactions never does).
  const from = (d: number): boolean => eventOffset[d + 1]! > eventOffset[d]! && time[eventOffset[d]!]! <= cut;
  let eligible = 0;
  for (let d = 0; d < index.dyadCount; d++) if (from(d)) eligible++;
  const rate = eligible > sample ? sample / eligible : 1;
  const kept = (d: number): boolean => from(d) && (rate === 1 || ranks![d]! < rate);
  let size = 0;
  for (let d = 0; d < index.dyadCount; d++) if (kept(d)) size++;
  const x = new Float64Array(size * F);
  const y = new Uint8Array(size);
  let rows = 0;
  const s = newAssessment();
  const active = activeTieCounts(index, cut);
  for (let d = 0; d < index.dyadCount; d++) {
    if (!kept(d)) continue;
    const before = eventsEnd(index, d, cut);
    assessDyad(index, d, cut, m, s, null, true, true);
    contactFeatures(s, cut, m, active[index.dyadA[d]!]!, active[index.dyadB[d]!]!, horizon, x, rows * F);
    y[rows++] = labelled && eventsEnd(index, d, cut + horizon) > before ? 1 : 0;
  }
  return { x, y };
}

/** A small network needs this many pairs in contact after the back-test dates, and this many not, to recalibrate. */
const MIN_SMALL_CLASS = 5;
/** The pull of a small network's recalibration towards the default (intercept 0, slope 1): worth this many pairs. */
const SMALL_PRIOR = 10;

/**
 * Logistic recalibration of the rhythm's log-odds (Platt 1999), z = a + b·x:
 * Newton's method on the log-likelihood with a Gaussian pull of weight
 * {@link SMALL_PRIOR} towards a = 0, b = 1 (the default), halving a step
 * that would lower the penalised likelihood.
 */
export function recalibrate(x: Float64Array, y: Uint8Array): { intercept: number; slope: number } {
  const n = y.length;
  const col = F - 1;
  const objective = (a: number, b: number): number => {
    let l = -0.5 * SMALL_PRIOR * (a * a + (b - 1) * (b - 1));
    for (let i = 0; i < n; i++) {
      const z = a + b * x[i * F + col]!;
      l += y[i] ? -Math.log1p(Math.exp(-z)) : -Math.log1p(Math.exp(z));
    }
    return l;
  };
  let a = 0;
  let b = 1;
  for (let iteration = 0; iteration < 50; iteration++) {
    let ga = -SMALL_PRIOR * a;
    let gb = -SMALL_PRIOR * (b - 1);
    let haa = SMALL_PRIOR;
    let hab = 0;
    let hbb = SMALL_PRIOR;
    for (let i = 0; i < n; i++) {
      const v = x[i * F + col]!;
      const p = 1 / (1 + Math.exp(-(a + b * v)));
      const r = y[i]! - p;
      const w = p * (1 - p);
      ga += r;
      gb += r * v;
      haa += w;
      hab += w * v;
      hbb += w * v * v;
    }
    const det = haa * hbb - hab * hab;
    let da = (hbb * ga - hab * gb) / det;
    let db = (haa * gb - hab * ga) / det;
    const before = objective(a, b);
    while (objective(a + da, b + db) < before && Math.abs(da) + Math.abs(db) > 1e-12) {
      da /= 2;
      db /= 2;
    }
    a += da;
    b += db;
    if (Math.abs(da) + Math.abs(db) < 1e-10) break;
  }
  return { intercept: a, slope: b };
}

/**
 * The L2 penalty on the standardised coefficients: it pulls a small
 * network's fit (hundreds of pairs) towards fewer, steadier effects, and is
 * negligible on a large one. Chosen on the validation data sets (1, 3, 10, 30
 * and 100 tried; 10 to 100 score alike, 1 and 3 overfit the smallest).
 */
export const PENALTY = 30;

/** Above this many rows, Newton starts from a fit on an eighth of them. */
const PREFIT_ROWS = 20_000;

/** A fitted model's numbers: the intercept and coefficients on features standardised by `mean` and `scale`. */
export interface LogisticFit {
  intercept: number;
  mean: Float64Array;
  scale: Float64Array;
  beta: Float64Array;
}

/**
 * Fits a logistic regression with an L2 penalty by Newton's method (IRLS) on
 * standardised features: a handful of features and many rows, so an 11 × 11
 * solve per step, halved while it would lower the penalised likelihood
 * (damped Newton); converges in a few steps. The standardised rows are built
 * once; on many rows, Newton starts from the fit on every 8th row (`start`),
 * which is within a step or two of the answer. Rows have `width` features
 * (the model's eleven by default).
 */
export function fitLogistic(
  x: Float64Array,
  y: Uint8Array,
  lambda = PENALTY,
  weights: Float64Array | null = null,
  start: LogisticFit | null = null,
  width = F,
): LogisticFit {
  const n = y.length;
  const P = width + 1; // intercept first
  const mean = new Float64Array(width);
  const scale = new Float64Array(width).fill(1);
  for (let i = 0; i < n; i++) for (let k = 0; k < width; k++) mean[k] = mean[k]! + x[i * width + k]! / n;
  for (let k = 0; k < width; k++) {
    let v = 0;
    for (let i = 0; i < n; i++) v += (x[i * width + k]! - mean[k]!) ** 2 / n;
    scale[k] = v > 1e-12 ? Math.sqrt(v) : 1;
  }
  // The standardised rows, with the intercept's 1 first.
  const z = new Float64Array(n * P);
  for (let i = 0; i < n; i++) {
    z[i * P] = 1;
    for (let k = 0; k < width; k++) z[i * P + k + 1] = (x[i * width + k]! - mean[k]!) / scale[k]!;
  }
  // Many rows: start from a fit on every 8th row (the same optimum within a step or two).
  if (start === null && n > PREFIT_ROWS) {
    const m = Math.ceil(n / 8);
    const xs = new Float64Array(m * width);
    const ys = new Uint8Array(m);
    const ws = weights === null ? null : new Float64Array(m);
    for (let j = 0; j < m; j++) {
      xs.set(x.subarray(j * 8 * width, j * 8 * width + width), j * width);
      ys[j] = y[j * 8]!;
      if (ws !== null) ws[j] = weights![j * 8]!;
    }
    start = fitLogistic(xs, ys, lambda / 8, ws, null, width);
  }
  const beta = new Float64Array(P);
  if (start !== null) {
    // The same linear predictor on this fit's standardisation: b / scale is the raw coefficient.
    beta[0] = start.intercept;
    for (let k = 0; k < width; k++) {
      const raw = start.beta[k]! / start.scale[k]!;
      beta[0] = beta[0]! + raw * (mean[k]! - start.mean[k]!);
      beta[k + 1] = raw * scale[k]!;
    }
  }
  // The penalised log-likelihood at `b` (rows weighted, the intercept not penalised).
  const objective = (b: Float64Array): number => {
    let f = 0;
    for (let i = 0, row = 0; i < n; i++, row += P) {
      let eta = 0;
      for (let k = 0; k < P; k++) eta += b[k]! * z[row + k]!;
      // y·η − ln(1 + e^η), without overflow.
      const softplus = eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
      f += (weights === null ? 1 : weights[i]!) * (y[i]! * eta - softplus);
    }
    for (let k = 1; k < P; k++) f -= (lambda / 2) * b[k]! ** 2;
    return f;
  };
  const grad = new Float64Array(P);
  const hess = new Float64Array(P * P);
  const next = new Float64Array(P);
  let current = objective(beta);
  for (let iteration = 0; iteration < 50; iteration++) {
    grad.fill(0);
    hess.fill(0);
    for (let i = 0, row = 0; i < n; i++, row += P) {
      let eta = 0;
      for (let k = 0; k < P; k++) eta += beta[k]! * z[row + k]!;
      const p = 1 / (1 + Math.exp(-eta));
      const c = weights === null ? 1 : weights[i]!;
      const w = c * p * (1 - p);
      const r = c * (y[i]! - p);
      for (let a = 0; a < P; a++) {
        const za = z[row + a]!;
        grad[a] = grad[a]! + r * za;
        const wa = w * za;
        for (let b = a, at = a * P + a; b < P; b++, at++) hess[at] = hess[at]! + wa * z[row + b]!;
      }
    }
    // Penalty on the coefficients (not the intercept).
    for (let a = 1; a < P; a++) {
      grad[a] = grad[a]! - lambda * beta[a]!;
      hess[a * P + a] = hess[a * P + a]! + lambda;
    }
    for (let a = 0; a < P; a++) for (let b = 0; b < a; b++) hess[a * P + b] = hess[b * P + a]!;
    const step = solve(hess, grad, P);
    // Damped Newton: halve the step until the objective does not fall (a start far
    // from the optimum, or rows one class nearly separates, would make full steps diverge).
    let t = 2;
    let value = current;
    let improved = false;
    for (let halvings = 0; halvings < 40 && !improved; halvings++) {
      t /= 2;
      for (let a = 0; a < P; a++) next[a] = beta[a]! + t * step[a]!;
      value = objective(next);
      improved = value >= current - 1e-12 * Math.abs(current);
    }
    // No step helps: at the optimum to the last bits.
    if (!improved) break;
    let change = 0;
    for (let a = 0; a < P; a++) change = Math.max(change, Math.abs(next[a]! - beta[a]!));
    beta.set(next);
    current = value;
    // Newton converges quadratically: after a full step under 1e-6 the next would be under ~1e-12.
    if (t === 1 && change < 1e-6) break;
  }
  return { intercept: beta[0]!, mean, scale, beta: beta.subarray(1) };
}

/** The features of the level model: the interactions decayed at 10, 30 and 90 days (the first three). */
const LEVEL_FEATURES = 3;

/**
 * The level of the chance on the pairs at a date: the share of them expected
 * in contact within the horizon, by a plain logistic fit (no penalty) of the
 * back-test labels on the three decayed volumes alone — the slow signal of how
 * active the network is, which moves with it from month to month — applied to
 * the pairs' features at that date (`current`; labels are not read).
 */
export function levelOf(x: Float64Array, y: Uint8Array, weights: Float64Array | null, current: Float64Array): number {
  const volumes = (rows: Float64Array): Float64Array => {
    const n = rows.length / F;
    const v = new Float64Array(n * LEVEL_FEATURES);
    for (let i = 0; i < n; i++) v.set(rows.subarray(i * F, i * F + LEVEL_FEATURES), i * LEVEL_FEATURES);
    return v;
  };
  const level = fitLogistic(volumes(x), y, 1e-9, weights, null, LEVEL_FEATURES);
  const at = volumes(current);
  const n = current.length / F;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    let z = level.intercept;
    for (let k = 0; k < LEVEL_FEATURES; k++)
      z += (level.beta[k]! * (at[i * LEVEL_FEATURES + k]! - level.mean[k]!)) / level.scale[k]!;
    sum += 1 / (1 + Math.exp(-z));
  }
  return sum / n;
}

/**
 * Shifts a fit's intercept so that its mean chance over the rows `current`
 * is `level` (bisection: the mean rises with the shift). The ranking of the
 * pairs does not change; only the level does.
 */
export function shiftToLevel(fit: LogisticFit, current: Float64Array, level: number): LogisticFit {
  const n = current.length / F;
  if (n === 0) return fit;
  const model = modelOf(fit, 0, DEFAULT_FIT_INFO);
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = contactProbability(model, current, i * F);
    z[i] = Math.log(p / (1 - p));
  }
  let lo = -50;
  let hi = 50;
  for (let iteration = 0; iteration < 60; iteration++) {
    const mid = (lo + hi) / 2;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += 1 / (1 + Math.exp(-(z[i]! + mid)));
    if (sum / n < level) lo = mid;
    else hi = mid;
  }
  return { ...fit, intercept: fit.intercept + (lo + hi) / 2 };
}

/**
 * The fit of the back-test rows `x`, `y` (months weighted by `weights`),
 * its level set on the pairs at the date predicted (`current`) by
 * {@link levelOf}: the full model ranks the pairs, the decayed volumes say how
 * many of them will be in contact. On the validation data sets the full
 * model's own level was the worse forecast of the month ahead (its other
 * features — silence, duration, rhythm — drift as the pairs age).
 */
function anchoredFit(x: Float64Array, y: Uint8Array, weights: Float64Array, current: Float64Array): LogisticFit {
  const fit = fitLogistic(x, y, PENALTY, weights);
  return current.length === 0 ? fit : shiftToLevel(fit, current, levelOf(x, y, weights, current));
}

/** Solves A x = b (A symmetric positive definite, P × P) by Gaussian elimination with partial pivoting. */
function solve(a: Float64Array, b: Float64Array, P: number): Float64Array {
  const m = Float64Array.from(a);
  const x = Float64Array.from(b);
  for (let c = 0; c < P; c++) {
    let pivot = c;
    for (let r = c + 1; r < P; r++) if (Math.abs(m[r * P + c]!) > Math.abs(m[pivot * P + c]!)) pivot = r;
    if (pivot !== c) {
      for (let k = 0; k < P; k++) [m[c * P + k], m[pivot * P + k]] = [m[pivot * P + k]!, m[c * P + k]!];
      [x[c], x[pivot]] = [x[pivot]!, x[c]!];
    }
    const d = m[c * P + c]!;
    for (let r = c + 1; r < P; r++) {
      const f = m[r * P + c]! / d;
      if (f === 0) continue;
      for (let k = c; k < P; k++) m[r * P + k] = m[r * P + k]! - f * m[c * P + k]!;
      x[r] = x[r]! - f * x[c]!;
    }
  }
  for (let c = P - 1; c >= 0; c--) {
    let v = x[c]!;
    for (let k = c + 1; k < P; k++) v -= m[c * P + k]! * x[k]!;
    x[c] = v / m[c * P + c]!;
  }
  return x;
}

/** Reliability table in deciles of predicted chance, with the Brier score. */
export function reliability(p: Float64Array, y: Uint8Array): { brier: number; bins: ReliabilityBin[] } {
  let brier = 0;
  const sums = Array.from({ length: 10 }, () => ({ predicted: 0, observed: 0, pairs: 0 }));
  for (let i = 0; i < p.length; i++) {
    brier += (p[i]! - y[i]!) ** 2;
    const bin = sums[Math.min(9, Math.floor(p[i]! * 10))]!;
    bin.predicted += p[i]!;
    bin.observed += y[i]!;
    bin.pairs++;
  }
  return {
    brier: p.length > 0 ? brier / p.length : NaN,
    bins: sums.map((b, k) => ({
      from: k / 10,
      to: (k + 1) / 10,
      predicted: b.pairs ? b.predicted / b.pairs : 0,
      observed: b.pairs ? b.observed / b.pairs : 0,
      pairs: b.pairs,
    })),
  };
}

/** Weights of the back-test cuts' rows, the latest first: each earlier cut counts half as much, so the fit follows a network whose activity drifts. */
function cutWeights(parts: { y: Uint8Array }[]): Float64Array {
  const n = parts.reduce((t, p) => t + p.y.length, 0);
  const w = new Float64Array(n);
  let at = 0;
  parts.forEach((p, k) => {
    w.fill(Math.pow(0.5, k), at, at + p.y.length);
    at += p.y.length;
  });
  return w;
}

function concat(parts: { x: Float64Array; y: Uint8Array }[]): { x: Float64Array; y: Uint8Array } {
  const n = parts.reduce((t, p) => t + p.y.length, 0);
  const x = new Float64Array(n * F);
  const y = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    x.set(p.x, at * F);
    y.set(p.y, at);
    at += p.y.length;
  }
  return { x, y };
}

/**
 * Pairs read per back-test cut: above it, a uniform sample of this many. Ten
 * features need far fewer rows than a large network has pairs (the validation
 * sets' AUC moves by at most 0.003 between this and every pair), and the fit's
 * cost then stays that of a few scoring passes however large the network.
 */
export const DEFAULT_SAMPLE = 10_000;

/** Fewer pairs, or fewer of either class, than this and the network's history is too short to fit: the default model. */
const MIN_PAIRS = 200;
const MIN_CLASS = 20;

/**
 * Learns the chance of contact within `horizon` on the network's own
 * history: at `cuts` past dates (now − horizon, now − 2 × horizon, …) it
 * takes every pair with contact before the date (more than `sample`, 10,000 by
 * default: a uniform sample of that many, by a hash of the pair's keys), its
 * features then (recent and
 * lasting activity, silence against the tie's rhythm, mutuality, duration, and
 * how active each of the two people is with anyone — see
 * {@link CONTACT_FEATURES}) and whether it was in contact in the horizon
 * after, and fits a regularised logistic regression (damped Newton; no
 * dependency). Its level — how many pairs will be in contact — is then set
 * by the decayed volumes alone: the intercept is shifted so that the mean
 * chance over the pairs at `now` is what a plain logistic fit of the same
 * labels on the 10-, 30- and 90-day decayed counts gives them (the ranking
 * does not change). Only interactions at or before `now` are read. The latest cut
 * is also predicted by a model fitted on the earlier ones only (its level set
 * the same way), for an honest AUC, Brier score and reliability table. Too little history (under 200 pairs
 * or 20 of either class) gives the shipped default model, with the reason.
 * Pass the result as `contactModel`.
 *
 * @see [Strength and decay](../../docs/guides/strength.md), the guide.
 *
 * @example
 * ```ts
 * const model = calibrateContact(graph, { now: '2024-06-30' });
 * model.fit.auc;          // e.g. 0.86, on the latest month, predicted from the earlier ones
 * tieStrength(graph, 'ann', 'bob', { now: '2024-06-30', contactModel: model }).probability; // 0.62
 * ```
 */
export function calibrateContact(graph: PeopleGraph | PreparedNetwork, options: CalibrateContactOptions): ContactModel {
  const module = 'calibrateContact';
  const { index, now, model } = readAll(graph, options, module);
  const horizon = readHorizon(options.horizon, module);
  const cutCount = readInteger(module, 'cuts', options.cuts ?? 4, 1, 100);
  const sample = options.sample ?? DEFAULT_SAMPLE;
  if (typeof sample !== 'number' || !(sample === Infinity || (Number.isInteger(sample) && sample >= MIN_PAIRS))) {
    throw optionError(
      module,
      'sample',
      `must be an integer of at least ${MIN_PAIRS}, or Infinity to read every pair`,
      sample,
    );
  }
  const horizonDays = horizon / DAY_MS;
  const cuts = Array.from({ length: cutCount }, (_, k) => now - (k + 1) * horizon);
  const ranks = index.dyadCount > sample ? pairRanks(index) : null;
  const parts = cuts.map((cut) => samples(index, cut, horizon, model, sample, ranks));
  const all = concat(parts);
  const positives = all.y.reduce((t, v) => t + v, 0);
  const base = { cuts: cuts.map((c) => new Date(c)), pairs: all.y.length, positives };
  const fallback = (reason: string): ContactModel =>
    modelOf({ ...DEFAULT_FIT, beta: DEFAULT_FIT.coefficient }, horizonDays, { ...DEFAULT_FIT_INFO, ...base, reason });
  const few = Math.min(positives, all.y.length - positives);
  if (all.y.length < MIN_PAIRS) {
    if (few < MIN_SMALL_CLASS)
      return fallback(
        `only ${all.y.length} pairs had contact before the back-test dates, ${few} of them ${positives < all.y.length - positives ? 'in' : 'out of'} contact after (at least ${MIN_SMALL_CLASS} of each are needed to recalibrate): the default model, the chance by each tie's rhythm`,
      );
    // A personal network: too few pairs to fit every feature, enough to recalibrate the rhythm's chance,
    // which every tie shares (two numbers, pulled towards the default's 0 and 1).
    const { intercept, slope } = recalibrate(all.x, all.y);
    return {
      ...DEFAULT_CONTACT_MODEL,
      horizonDays,
      intercept,
      features: DEFAULT_CONTACT_MODEL.features.map((f, k) => ({
        ...f,
        meaning: CONTACT_FEATURES[k]!.meaning,
        coefficient: k === F - 1 ? slope : 0,
      })),
      fit: {
        ...DEFAULT_FIT_INFO,
        ...base,
        source: 'fitted',
        reason: `a small network (${all.y.length} pairs, ${positives} in contact after the back-test dates): only the chance by each tie's rhythm was recalibrated (intercept ${intercept.toFixed(2)}, slope ${slope.toFixed(2)} on its log-odds; the default is 0 and 1), so trust it as far as ${all.y.length} pairs go`,
      },
    };
  }
  if (few < MIN_CLASS)
    return fallback(
      `only ${few} pairs ${positives < MIN_CLASS ? 'were' : 'were not'} in contact after the back-test dates (at least ${MIN_CLASS} of each are needed to fit): the default model`,
    );
  // An honest score: the latest cut predicted from the earlier ones (when there are earlier ones with both classes).
  let auc: number | null = null;
  let brier: number | null = null;
  let bins: ReliabilityBin[] = [];
  const earlier = concat(parts.slice(1));
  const earlierPositives = earlier.y.reduce((t, v) => t + v, 0);
  const latest = parts[0]!;
  if (earlierPositives >= MIN_CLASS && earlier.y.length - earlierPositives >= MIN_CLASS && latest.y.length > 0) {
    const held = modelOf(
      anchoredFit(earlier.x, earlier.y, cutWeights(parts.slice(1)), latest.x),
      horizonDays,
      DEFAULT_FIT_INFO,
    );
    const p = new Float64Array(latest.y.length);
    for (let i = 0; i < p.length; i++) p[i] = contactProbability(held, latest.x, i * F);
    const a = rocAuc(p, latest.y);
    auc = Number.isNaN(a) ? null : a;
    const r = reliability(p, latest.y);
    brier = r.brier;
    bins = r.bins;
  }
  // The pairs at `now`, whose level the model is set to (their future is not read).
  const current = samples(index, now, horizon, model, sample, ranks, false).x;
  return modelOf(anchoredFit(all.x, all.y, cutWeights(parts), current), horizonDays, {
    ...base,
    source: 'fitted',
    reason: null,
    auc,
    brier,
    reliability: bins,
  });
}
