/**
 * `npx tsx bench/strength-weights.ts`: the procedure that chose the default
 * strength weights and `oneSidedFactor` (see the strength guide).
 *
 * For each validation data set, the history is cut at its midpoint; every
 * pair with contact before the cut is scored with the kernel's components
 * (default half-life) and labelled by contact in the 30 days after the cut.
 * Candidates: recency, frequency, intensity and duration weights on a 0.1
 * grid (the exchange component is 0 on these sets — they have no give kinds —
 * so its weight is set by judgment, not here), times five one-sided factors.
 * A candidate's margin on a set is its AUC minus the best single decayed
 * count's (half-life 7, 30 or 90 days). Leave one set out: choose the
 * candidate with the best worst-case margin on the other four, report its
 * margin on the set it did not see. The default is the candidate with the
 * best worst-case margin on all five, among those that keep duration ≥ 0.1
 * (a lasting tie must count for something the data cannot show).
 */
import { type ParseEdgeListOptions } from 'goodwill/fixtures';
import { buildIndex } from '../src/core/interaction-index.js';
import { DATA, decayedCount, dyadStats, readDataSet, rfq, timeRange, VALIDATION_SETS } from './baselines.js';
import { backTestPairs, rocAuc } from '../src/calibrate/calibrate-decay.js';
import { assessDyad, newAssessment } from '../src/kernel/assess.js';
import { resolveModel } from '../src/kernel/options.js';

const DAY = 86_400_000;

interface SetColumns {
  name: string;
  labels: Uint8Array;
  components: Float64Array[]; // recency, frequency, intensity, duration
  mutual: Float64Array; // the lens mutuality in [0, 1] (before the one-sided factor)
  bestDecayed: number;
  /** AUC of the raw count and of 100·R·F·Q (as `npm run validate`). */
  count: number;
  rfq: number;
}

const FACTORS = (process.env['FACTORS'] ?? '0.3,0.5,0.6,0.7,0.8').split(',').map(Number);
const model = resolveModel({ oneSidedFactor: 0 }, 'strength-weights');

function load(name: string, file: string, options: ParseEdgeListOptions): SetColumns | null {
  const graph = readDataSet(file, options);
  if (graph === null) return null;
  const index = buildIndex(graph, {}, 'strength-weights');
  const { lo, hi } = timeRange(index);
  const cut = lo + (hi - lo) / 2;
  const { dyads, labels } = backTestPairs(index, cut, cut + 30 * DAY);
  const n = dyads.length;
  const components = [0, 1, 2, 3].map(() => new Float64Array(n));
  const mutual = new Float64Array(n);
  const s = newAssessment();
  for (let i = 0; i < n; i++) {
    assessDyad(index, dyads[i]!, cut, model, s);
    components[0]![i] = s.recency;
    components[1]![i] = s.frequency;
    components[2]![i] = s.intensity;
    components[3]![i] = s.duration;
    mutual[i] = s.mutuality; // oneSidedFactor 0: the lens mutuality itself
  }
  const score = (f: (d: number) => number): number => rocAuc(Float64Array.from(dyads, f), labels);
  const bestDecayed = Math.max(...[7, 30, 90].map((h) => score((d) => decayedCount(index, d, cut, h))));
  return {
    name,
    labels,
    components,
    mutual,
    bestDecayed,
    count: score((d) => dyadStats(index, d, cut).count),
    rfq: score((d) => rfq(index, d, cut)),
  };
}

export interface Candidate {
  weights: [number, number, number, number];
  factor: number;
}

function candidates(): Candidate[] {
  const out: Candidate[] = [];
  for (let r = 0; r <= 10; r++)
    for (let f = 0; f <= 10 - r; f++)
      for (let i = 0; i <= 10 - r - f; i++) {
        const d = 10 - r - f - i;
        for (const factor of FACTORS) out.push({ weights: [r / 10, f / 10, i / 10, d / 10], factor });
      }
  return out;
}

function margin(set: SetColumns, c: Candidate, scores: Float64Array): number {
  const n = set.labels.length;
  for (let i = 0; i < n; i++) {
    let e = 0;
    for (let k = 0; k < 4; k++) e += c.weights[k]! * set.components[k]![i]!;
    scores[i] = (c.factor + (1 - c.factor) * set.mutual[i]!) * e;
  }
  // The slack against the goal: within 0.02 of the best decayed count, above the count and R·F·Q.
  const auc = rocAuc(scores, set.labels);
  return Math.min(auc - set.bestDecayed + 0.02, auc - set.count, auc - set.rfq);
}

const sets = VALIDATION_SETS.map(([name, file, options]) => load(name, file, options)).filter(
  (s): s is SetColumns => s !== null,
);
if (sets.length < VALIDATION_SETS.length)
  console.log(`(${DATA}: ${VALIDATION_SETS.length - sets.length} data sets absent)`);
const all = candidates();
const margins = all.map((c) => sets.map((set) => margin(set, c, new Float64Array(set.labels.length))));
const describe = (c: Candidate): string =>
  `recency ${c.weights[0]}, frequency ${c.weights[1]}, intensity ${c.weights[2]}, duration ${c.weights[3]}, oneSidedFactor ${c.factor}`;
const worst = (m: number[], skip = -1): number => Math.min(...m.filter((_, k) => k !== skip));
for (let k = 0; k < sets.length; k++) {
  let best = 0;
  for (let c = 1; c < all.length; c++) if (worst(margins[c]!, k) > worst(margins[best]!, k)) best = c;
  console.log(
    `leave out ${sets[k]!.name}: chose ${describe(all[best]!)}; worst margin on the others ${worst(margins[best]!, k).toFixed(3)}, margin on ${sets[k]!.name} ${margins[best]![k]!.toFixed(3)}`,
  );
}
let chosen = -1;
for (let c = 0; c < all.length; c++)
  if (all[c]!.weights[3] >= 0.1 && (chosen < 0 || worst(margins[c]!) > worst(margins[chosen]!))) chosen = c;
console.log(
  `default: ${describe(all[chosen]!)}; margins ${sets.map((s, k) => `${s.name} ${margins[chosen]![k]!.toFixed(3)}`).join(', ')}`,
);
if (process.env['DIAG']) {
  for (const factor of FACTORS) {
    let best = -1;
    for (let c = 0; c < all.length; c++)
      if (all[c]!.factor === factor && (best < 0 || worst(margins[c]!) > worst(margins[best]!))) best = c;
    console.log(
      `factor ${factor}: best ${describe(all[best]!)} margins ${margins[best]!.map((m) => m.toFixed(3)).join(' ')}`,
    );
  }
  for (let k = 0; k < 4; k++) {
    const c = all.findIndex((x) => x.weights[k] === 1 && x.factor === FACTORS[FACTORS.length - 1]);
    console.log(`only component ${k}: margins ${margins[c]!.map((m) => m.toFixed(3)).join(' ')}`);
  }
}
