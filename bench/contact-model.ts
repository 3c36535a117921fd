/**
 * `npx tsx bench/contact-model.ts [--write]`: fits the default contact model
 * across the validation data sets and reports, leaving each data set out in
 * turn, how a model fitted on the other four does on it.
 *
 * Samples: on each data set, every pair with contact before the cuts at 30 %,
 * 50 % and 70 % of its history, labelled by contact in the 30 days after;
 * each data set gives at most 30,000 rows (every k-th pair), so that no single
 * set dominates the pooled fit. With `--write`, the model fitted on all five
 * is written to src/kernel/contact-default.ts (its numbers: the
 * features' names and meanings are `CONTACT_FEATURES`').
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIndex, eventsEnd, type InteractionIndex } from '../src/core/interaction-index.js';
import { rocAuc } from '../src/calibrate/calibrate-decay.js';
import { activeTieCounts, contactFeatures, contactProbability, F, modelOf } from '../src/kernel/contact.js';
import { fitLogistic, reliability } from '../src/calibrate/calibrate-contact.js';
import { assessDyad, newAssessment } from '../src/kernel/assess.js';
import { resolveModel } from '../src/kernel/options.js';
import { DATA, decayedCount, readDataSet, timeRange, VALIDATION_SETS } from './baselines.js';

const DAY = 86_400_000;
const here = dirname(fileURLToPath(import.meta.url));
const model = resolveModel({}, 'contact-model');

interface Rows {
  x: number[];
  y: number[];
}

function rowsAt(index: InteractionIndex, cut: number, limit: number): Rows & { dyads: number[] } {
  const all: number[] = [];
  for (let d = 0; d < index.dyadCount; d++) if (eventsEnd(index, d, cut) > index.eventOffset[d]!) all.push(d);
  const step = Math.max(1, Math.ceil(all.length / limit));
  const out: Rows & { dyads: number[] } = { x: [], y: [], dyads: [] };
  const s = newAssessment();
  const buffer = new Float64Array(F);
  const active = activeTieCounts(index, cut);
  for (let i = 0; i < all.length; i += step) {
    const d = all[i]!;
    assessDyad(index, d, cut, model, s, null, true, true);
    contactFeatures(s, cut, model, active[index.dyadA[d]!]!, active[index.dyadB[d]!]!, 30 * DAY, buffer);
    out.x.push(...buffer);
    out.y.push(eventsEnd(index, d, cut + 30 * DAY) > eventsEnd(index, d, cut) ? 1 : 0);
    out.dyads.push(d);
  }
  return out;
}

const sets = VALIDATION_SETS.flatMap(([name, file, options]) => {
  const graph = readDataSet(file, options);
  if (graph === null) return [];
  const index = buildIndex(graph, {}, 'contact-model');
  const { lo, hi } = timeRange(index);
  const at = (share: number) => lo + (hi - lo) * share;
  const train: Rows = { x: [], y: [] };
  for (const share of [0.3, 0.5, 0.7]) {
    const r = rowsAt(index, at(share), 10_000);
    train.x.push(...r.x);
    train.y.push(...r.y);
  }
  const mid = rowsAt(index, at(0.5), Infinity);
  return [{ name, index, train, mid, cut: at(0.5) }];
});
if (sets.length < VALIDATION_SETS.length)
  console.log(`(${DATA}: ${VALIDATION_SETS.length - sets.length} data sets absent)`);

const fitOn = (chosen: typeof sets) => {
  const x = Float64Array.from(chosen.flatMap((s) => s.train.x));
  const y = Uint8Array.from(chosen.flatMap((s) => s.train.y));
  return modelOf(fitLogistic(x, y), 30, {
    source: 'default',
    reason: null,
    cuts: [],
    pairs: y.length,
    positives: y.reduce((t, v) => t + v, 0),
    auc: null,
    brier: null,
    reliability: [],
  });
};

console.log(
  '| left out | AUC of the model fitted on the others | best decayed count | worst decile gap (≥ 100 ties) |',
);
console.log('|---|---|---|---|');
for (const held of sets) {
  const m = fitOn(sets.filter((s) => s !== held));
  const x = Float64Array.from(held.mid.x);
  const y = Uint8Array.from(held.mid.y);
  const p = Float64Array.from({ length: y.length }, (_, i) => contactProbability(m, x, i * F));
  const best = Math.max(
    ...[7, 30, 90].map((h) =>
      rocAuc(
        Float64Array.from(held.mid.dyads, (d) => decayedCount(held.index, d, held.cut, h)),
        y,
      ),
    ),
  );
  const gap = Math.max(
    0,
    ...reliability(p, y)
      .bins.filter((b) => b.pairs >= 100)
      .map((b) => Math.abs(b.predicted - b.observed)),
  );
  console.log(`| ${held.name} | ${rocAuc(p, y).toFixed(3)} | ${best.toFixed(3)} | ${gap.toFixed(3)} |`);
}
const final = fitOn(sets);
console.log(
  '\nfitted on all:',
  final.intercept.toFixed(4),
  final.features.map((f) => `${f.name} ${f.coefficient.toFixed(3)}`).join(', '),
);
if (process.argv.includes('--write')) {
  // Six significant digits: the chances move by about a millionth, the shipped bytes shrink.
  const list = (key: 'mean' | 'scale' | 'coefficient') =>
    `[${final.features.map((f) => Number(f[key].toPrecision(6))).join(', ')}]`;
  const path = join(here, '../src/kernel/contact-default.ts');
  const text = readFileSync(path, 'utf8');
  const start = text.indexOf('export const DEFAULT_FIT');
  writeFileSync(
    path,
    `${text.slice(0, start)}export const DEFAULT_FIT = {
  intercept: ${Number(final.intercept.toPrecision(6))},
  mean: ${list('mean')},
  scale: ${list('scale')},
  coefficient: ${list('coefficient')},
  pairs: ${final.fit.pairs},
  positives: ${final.fit.positives},
};
`,
  );
  console.log(`wrote ${path}`);
}
