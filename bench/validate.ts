/**
 * `npm run validate`: does strength mean anything? For each real data set
 * with timestamps, cut the history at its midpoint, score every pair with data
 * before the cut, label whether the pair interacts in the next 30 days, and
 * print ROC AUC of goodwill's strength (default, and calibrated on data before
 * the cut only) next to the baselines of DESIGN.md §4. Then the stage checks.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { calibrateDecay } from 'goodwill';
import { parseEdgeList, type ParseEdgeListOptions } from 'goodwill/fixtures';
import { buildIndex, eventsEnd } from '../src/core/interaction-index.js';
import { backTestPairs, rocAuc } from '../src/analyses/strength/calibrate.js';
import { assessDyad, newAssessment } from '../src/kernel/assess.js';
import { resolveModel, type RelationshipModelOptions } from '../src/kernel/options.js';
import { table } from './harness.js';
import { decayedCount, dyadStats, rfq } from './baselines.js';

const DAY = 86_400_000;
const here = dirname(fileURLToPath(import.meta.url));
const DATA = process.env['GOODWILL_SHARED_DATA'] ?? resolve(here, '../../shared/data');

const SETS: [string, string, ParseEdgeListOptions][] = [
  ['CollegeMsg', 'collegemsg/CollegeMsg.txt', { format: 'snap' }],
  ['email-Eu-core', 'email-eu-core-temporal/email-Eu-core-temporal.txt.gz', { format: 'snap' }],
  ['radoslaw-email', 'radoslaw-email/out.radoslaw_email_email', { format: 'konect' }],
  ['Enron', 'enron/enron-edges.csv', { format: 'csv', columns: { source: 'sender_id', target: 'receiver_id', time: 'unix_time' } }],
  ['sx-mathoverflow', 'sx-mathoverflow/sx-mathoverflow.txt.gz', { format: 'snap' }],
];

const rows: Record<string, string | number>[] = [];
for (const [name, file, options] of SETS) {
  const path = join(DATA, file);
  if (!existsSync(path)) {
    console.log(`(${name}: ${path} is absent, skipped)`);
    continue;
  }
  const buffer = readFileSync(path);
  const graph = parseEdgeList((file.endsWith('.gz') ? gunzipSync(buffer) : buffer).toString('utf8'), options);
  const index = buildIndex(graph, {}, 'validate');
  const { time } = index;
  let lo = Infinity;
  let hi = -Infinity;
  for (let e = 0; e < time.length; e++) {
    lo = Math.min(lo, time[e]!);
    hi = Math.max(hi, time[e]!);
  }
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
    'fitted': `${calibration.options.halfLife.days} d, ${calibration.report.candidates[0]!.preset} (${Math.round(calibrateMs)} ms)`,
  };
  rows.push(row);
}
table('Validity: ROC AUC of predicting contact in the 30 days after the midpoint, from the history before it', rows);

await import('./validate-stages.js');
