/**
 * `npm run validate`: does strength mean anything? For each real data set
 * with timestamps, cut the history at its midpoint, score every pair with data
 * before the cut, label whether the pair interacts in the next 30 days, and
 * print ROC AUC of goodwill's strength (default, and calibrated on data before
 * the cut only) next to the baselines of the design notes (../shared/DESIGN.md §4). Then the stage checks.
 */
import { join } from 'node:path';
import { calibrateContact, calibrateDecay } from 'goodwill/calibrate';
import { buildIndex } from '../src/core/interaction-index.js';
import { backTestPairs, rocAuc } from '../src/calibrate/calibrate-decay.js';
import { activeTieCounts, contactFeatures, contactProbability, F } from '../src/kernel/contact.js';
import { reliability } from '../src/calibrate/calibrate-contact.js';
import { assessDyad, newAssessment } from '../src/kernel/assess.js';
import { resolveModel, type RelationshipModelOptions } from '../src/kernel/options.js';
import { table } from './harness.js';
import {
  aucDifferenceSe,
  DATA,
  decayedCount,
  dyadStats,
  readDataSet,
  rfq,
  timeRange,
  VALIDATION_SETS,
} from './baselines.js';

const DAY = 86_400_000;

/**
 * A peer's plain logistic fit (Newton, no penalty) of contact in the next 30
 * days on ln(1 + decayed counts at 7, 30 and 90 days), learned on the same
 * back-test months as `calibrateContact` (the four months before the cut).
 */
function peerFit(index: ReturnType<typeof buildIndex>, cut: number): (d: number, at: number) => number {
  const features = (d: number, at: number) => [
    1,
    Math.log1p(decayedCount(index, d, at, 7)),
    Math.log1p(decayedCount(index, d, at, 30)),
    Math.log1p(decayedCount(index, d, at, 90)),
  ];
  const xs: number[][] = [];
  const ys: number[] = [];
  for (let k = 1; k <= 4; k++) {
    const at = cut - k * 30 * DAY;
    const { dyads, labels } = backTestPairs(index, at, at + 30 * DAY);
    dyads.forEach((d, i) => {
      xs.push(features(d, at));
      ys.push(labels[i]!);
    });
  }
  const w = [0, 0, 0, 0];
  for (let iteration = 0; iteration < 30; iteration++) {
    const g = [0, 0, 0, 0];
    // The Hessian, with a tiny ridge so that a constant feature cannot make it singular.
    const h = Array.from({ length: 4 }, (_, j) => [0, 0, 0, 0].map((_v, l) => (j === l ? 1e-9 : 0)));
    xs.forEach((x, i) => {
      const p = 1 / (1 + Math.exp(-x.reduce((t, v, j) => t + v * w[j]!, 0)));
      for (let j = 0; j < 4; j++) {
        g[j]! += (ys[i]! - p) * x[j]!;
        for (let l = 0; l < 4; l++) h[j]![l]! += p * (1 - p) * x[j]! * x[l]!;
      }
    });
    // Solve h · step = g (Gaussian elimination on 4 unknowns).
    const m = h.map((row, j) => [...row, g[j]!]);
    for (let c = 0; c < 4; c++) {
      const pivot = m[c]![c]!;
      for (let r = 0; r < 4; r++) {
        if (r === c) continue;
        const f = m[r]![c]! / pivot;
        for (let k = c; k <= 4; k++) m[r]![k]! -= f * m[c]![k]!;
      }
    }
    let moved = 0;
    for (let j = 0; j < 4; j++) {
      const step = m[j]![4]! / m[j]![j]!;
      w[j]! += step;
      moved += Math.abs(step);
    }
    if (moved < 1e-9) break;
  }
  return (d, at) => 1 / (1 + Math.exp(-features(d, at).reduce((t, v, j) => t + v * w[j]!, 0)));
}

/** Brier score and expected calibration error (ten equal-width bins of predicted chance). */
function calibration(p: Float64Array, y: Uint8Array): { brier: number; ece: number } {
  let brier = 0;
  const n = new Float64Array(10);
  const sp = new Float64Array(10);
  const sy = new Float64Array(10);
  for (let i = 0; i < p.length; i++) {
    brier += (p[i]! - y[i]!) ** 2;
    const b = Math.min(9, Math.floor(p[i]! * 10));
    n[b]!++;
    sp[b]! += p[i]!;
    sy[b]! += y[i]!;
  }
  let ece = 0;
  for (let b = 0; b < 10; b++) if (n[b]! > 0) ece += Math.abs(sp[b]! - sy[b]!) / p.length;
  return { brier: brier / p.length, ece };
}

/**
 * The standard error of ECE(p) − ECE(q) on the same pairs, by a paired
 * bootstrap (200 resamples of the pairs, a fixed seed): how far apart the two
 * errors could be by the luck of which pairs happened to be in contact.
 */
function eceDifferenceSe(p: Float64Array, q: Float64Array, y: Uint8Array): number {
  let seed = 0x2545f491;
  // mulberry32: a small seeded generator, so that the printed numbers repeat.
  const random = (): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const n = y.length;
  const bp = new Float64Array(n);
  const bq = new Float64Array(n);
  const by = new Uint8Array(n);
  const d: number[] = [];
  for (let b = 0; b < 200; b++) {
    for (let i = 0; i < n; i++) {
      const j = Math.floor(random() * n);
      bp[i] = p[j]!;
      bq[i] = q[j]!;
      by[i] = y[j]!;
    }
    d.push(calibration(bp, by).ece - calibration(bq, by).ece);
  }
  const mean = d.reduce((t, v) => t + v, 0) / d.length;
  return Math.sqrt(d.reduce((t, v) => t + (v - mean) ** 2, 0) / (d.length - 1));
}

// `npm run validate -- Enron CollegeMsg` scores only those data sets; `--chance` only the chance of contact.
const args = process.argv.slice(2);
const names = args.filter((a) => !a.startsWith('--'));
const chanceOnly = args.includes('--chance');
const SETS = VALIDATION_SETS.filter(([name]) => names.length === 0 || names.includes(name));

const rows: Record<string, string | number>[] = [];
for (const [name, file, options] of chanceOnly ? [] : SETS) {
  const graph = readDataSet(file, options);
  if (graph === null) {
    console.log(`(${name}: ${join(DATA, file)} is absent, skipped)`);
    continue;
  }
  const index = buildIndex(graph, {}, 'validate');
  const { lo, hi } = timeRange(index);
  const cut = lo + (hi - lo) / 2;
  const { dyads, labels } = backTestPairs(index, cut, cut + 30 * DAY);
  const scores = new Float64Array(dyads.length);
  const auc = (score: (d: number) => number): number => {
    for (let i = 0; i < dyads.length; i++) scores[i] = score(dyads[i]!);
    return rocAuc(scores, labels);
  };
  const stats = (d: number) => dyadStats(index, d, cut);
  const decayed = (h: number) => (d: number) => decayedCount(index, d, cut, h);
  const goodwill = (options: RelationshipModelOptions) => {
    const r = resolveModel(options, 'validate');
    const s = newAssessment();
    return (d: number) => assessDyad(index, d, cut, r, s).strength;
  };
  const t0 = performance.now();
  const calibration = calibrateDecay(graph, { now: cut });
  const calibrateMs = performance.now() - t0;
  const row: Record<string, string | number> = {
    data: name,
    pairs: dyads.length,
    'active next 30d': `${Math.round((100 * labels.reduce((s, x) => s + x, 0)) / labels.length)}%`,
    count: auc((d) => stats(d).count).toFixed(3),
    'days since last': auc((d) => -(cut - stats(d).last)).toFixed(3),
    'decayed 7d': auc(decayed(7)).toFixed(3),
    'decayed 30d': auc(decayed(30)).toFixed(3),
    'decayed 90d': auc(decayed(90)).toFixed(3),
    '100·R·F·Q': auc((d) => rfq(index, d, cut)).toFixed(3),
    'goodwill default': auc(goodwill({})).toFixed(3),
    'goodwill calibrated': auc(goodwill(calibration.options)).toFixed(3),
    fitted: `${calibration.options.halfLife.days} d, ${calibration.report.candidates[0]!.preset} (${Math.round(calibrateMs)} ms)`,
  };
  rows.push(row);
}
if (!chanceOnly)
  table('Validity: ROC AUC of predicting contact in the 30 days after the midpoint, from the history before it', rows);

// The chance of contact: calibrated on each network's history before the cut, at three cuts.
const contactRows: Record<string, string | number>[] = [];
for (const [name, file, options] of SETS) {
  const graph = readDataSet(file, options);
  if (graph === null) continue;
  const index = buildIndex(graph, {}, 'validate');
  const { lo, hi } = timeRange(index);
  for (const at of [0.3, 0.5, 0.7]) {
    const cut = lo + (hi - lo) * at;
    const { dyads, labels } = backTestPairs(index, cut, cut + 30 * DAY);
    const fitted = calibrateContact(graph, { now: cut });
    const resolved = resolveModel({}, 'validate');
    const s = newAssessment();
    const x = new Float64Array(F);
    const active = activeTieCounts(index, cut);
    const p = Float64Array.from(dyads, (d) => {
      assessDyad(index, d, cut, resolved, s, null, true, true);
      contactFeatures(
        s,
        cut,
        resolved,
        active[index.dyadA[d]!]!,
        active[index.dyadB[d]!]!,
        fitted.horizonDays * DAY,
        x,
      );
      return contactProbability(fitted, x);
    });
    const decay = calibrateDecay(graph, { now: cut });
    const presetOptions = resolveModel(decay.options, 'validate');
    const scores = (score: (d: number) => number) => Float64Array.from(dyads, score);
    const baselines: Record<string, Float64Array> = {
      count: scores((d) => dyadStats(index, d, cut).count),
      recency: scores((d) => -(cut - dyadStats(index, d, cut).last)),
      'decayed 7d': scores((d) => decayedCount(index, d, cut, 7)),
      'decayed 30d': scores((d) => decayedCount(index, d, cut, 30)),
      'decayed 90d': scores((d) => decayedCount(index, d, cut, 90)),
      'R·F·Q': scores((d) => rfq(index, d, cut)),
      'best preset': scores((d) => assessDyad(index, d, cut, presetOptions, s).strength),
    };
    const best = Object.entries(baselines)
      .map(([what, x]) => [what, rocAuc(x, labels), x] as const)
      .sort((a, b) => b[1] - a[1])[0]!;
    const probability = rocAuc(p, labels);
    const bins = reliability(p, labels).bins.filter((b) => b.pairs >= 100);
    // The worst decile, and its gap in binomial standard errors (what chance alone would give a calibrated model).
    const worst = bins.reduce<(typeof bins)[number] | null>(
      (w, b) => (w === null || Math.abs(b.predicted - b.observed) > Math.abs(w.predicted - w.observed) ? b : w),
      null,
    );
    const gap =
      worst === null
        ? '—'
        : `${Math.abs(worst.predicted - worst.observed).toFixed(3)} (${(
            Math.abs(worst.predicted - worst.observed) /
            Math.sqrt((worst.predicted * (1 - worst.predicted)) / worst.pairs)
          ).toFixed(1)} SE)`;
    // The share in contact in the month scored, and in the month before it (the latest the fit learned from).
    const share = (l: Uint8Array) => `${Math.round((100 * l.reduce((t, v) => t + v, 0)) / l.length)}%`;
    const before = backTestPairs(index, cut - 30 * DAY, cut).labels;
    contactRows.push({
      data: name,
      cut: `${Math.round(at * 100)}%`,
      pairs: dyads.length,
      fit: fitted.fit.source === 'fitted' ? `fitted (${fitted.fit.pairs} pairs)` : 'default',
      // No pair in contact in the month after (a gap in the data): no AUC to compare.
      'probability AUC': Number.isNaN(probability) ? '—' : probability.toFixed(3),
      'best baseline': Number.isNaN(probability) ? '—' : `${best[1].toFixed(3)} (${best[0]})`,
      'margin ± SE': Number.isNaN(probability)
        ? '—'
        : `${(probability - best[1]).toFixed(3)} ± ${aucDifferenceSe(p, best[2], labels).toFixed(3)}`,
      'in contact: month after (before)': `${share(labels)} (${share(before)})`,
      'deciles ≥ 100 ties': bins.length,
      'worst decile gap': gap,
      ...(() => {
        const peer = peerFit(index, cut);
        const q = Float64Array.from(dyads, (d) => peer(d, cut));
        const ours = calibration(p, labels);
        const theirs = calibration(q, labels);
        return {
          'Brier (peer)': `${ours.brier.toFixed(4)} (${theirs.brier.toFixed(4)})`,
          'ECE (peer)': `${ours.ece.toFixed(4)} (${theirs.ece.toFixed(4)})`,
          'ECE − peer ± SE': `${(ours.ece - theirs.ece).toFixed(4)} ± ${eceDifferenceSe(p, q, labels).toFixed(4)}`,
        };
      })(),
    });
  }
}
table(
  "Chance of contact within 30 days, calibrated on the history before each cut: ROC AUC against the best baseline (margin ± its DeLong standard error), the share of pairs in contact in the month scored and in the month before, reliability (the largest |predicted − observed| over deciles of predicted chance with at least 100 ties, and that gap in binomial standard errors), and Brier score and expected calibration error against a peer's plain logistic fit on decayed counts (7, 30, 90 days) learned on the same four back-test months, with the difference of the two errors and its standard error (paired bootstrap)",
  contactRows,
);

if (!process.env['SKIP_STAGES'] && !chanceOnly) await import('./validate-stages.js');
