/**
 * `npx tsx bench/reliability-plot.ts`: the reliability plot of the strength
 * guide. For each validation data set, the chance of contact within 30 days
 * is calibrated on the history before the midpoint and compared, per decile
 * of predicted chance, with the share of pairs in contact after it. Writes
 * docs/guides/img/reliability.svg.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { calibrateContact } from 'goodwill/calibrate';
import { buildIndex } from '../src/core/interaction-index.js';
import { backTestPairs } from '../src/calibrate/calibrate-decay.js';
import { activeTieCounts, contactFeatures, contactProbability, F } from '../src/kernel/contact.js';
import { reliability } from '../src/calibrate/calibrate-contact.js';
import { assessDyad, newAssessment } from '../src/kernel/assess.js';
import { resolveModel } from '../src/kernel/options.js';
import { readDataSet, timeRange, VALIDATION_SETS } from './baselines.js';

const DAY = 86_400_000;
const here = dirname(fileURLToPath(import.meta.url));
const COLORS = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e'];

const series: { name: string; points: { predicted: number; observed: number; pairs: number }[] }[] = [];
for (const [name, file, options] of VALIDATION_SETS) {
  const graph = readDataSet(file, options);
  if (graph === null) continue;
  const index = buildIndex(graph, {}, 'reliability-plot');
  const { lo, hi } = timeRange(index);
  const cut = lo + (hi - lo) / 2;
  const { dyads, labels } = backTestPairs(index, cut, cut + 30 * DAY);
  const model = calibrateContact(graph, { now: cut });
  const resolved = resolveModel({}, 'reliability-plot');
  const s = newAssessment();
  const x = new Float64Array(F);
  const active = activeTieCounts(index, cut);
  const p = Float64Array.from(dyads, (d) => {
    assessDyad(index, d, cut, resolved, s, null, true, true);
    contactFeatures(s, cut, resolved, active[index.dyadA[d]!]!, active[index.dyadB[d]!]!, model.horizonDays * DAY, x);
    return contactProbability(model, x);
  });
  series.push({ name, points: reliability(p, labels).bins.filter((b) => b.pairs >= 30) });
}

const W = 440;
const left = 50;
const top = 30;
const size = 340;
const x = (v: number) => left + v * size;
const y = (v: number) => top + size - v * size;
const f = (v: number) => (Math.round(v * 10) / 10).toString();
const parts = [
  `<svg xmlns="http://www.w3.org/2000/svg" width="${W + 190}" height="${size + 80}" viewBox="0 0 ${W + 190} ${size + 80}" font-family="system-ui, sans-serif" font-size="11">`,
  `<rect width="100%" height="100%" fill="#ffffff"/>`,
  `<text x="${(W + 190) / 2}" y="18" text-anchor="middle" font-size="13" font-weight="600">Predicted chance of contact within 30 days against what happened</text>`,
];
for (const t of [0, 0.2, 0.4, 0.6, 0.8, 1]) {
  parts.push(
    `<line x1="${x(0)}" y1="${f(y(t))}" x2="${x(1)}" y2="${f(y(t))}" stroke="#eeeeee"/>`,
    `<line x1="${f(x(t))}" y1="${y(0)}" x2="${f(x(t))}" y2="${y(1)}" stroke="#eeeeee"/>`,
  );
  parts.push(
    `<text x="${x(0) - 6}" y="${f(y(t) + 4)}" text-anchor="end" fill="#888888">${t}</text>`,
    `<text x="${f(x(t))}" y="${y(0) + 14}" text-anchor="middle" fill="#888888">${t}</text>`,
  );
}
parts.push(`<line x1="${x(0)}" y1="${y(0)}" x2="${x(1)}" y2="${y(1)}" stroke="#999999" stroke-dasharray="4 3"/>`);
parts.push(
  `<text x="${x(0.5)}" y="${y(0) + 30}" text-anchor="middle">predicted (decile mean)</text>`,
  `<text x="14" y="${y(0.5)}" text-anchor="middle" transform="rotate(-90 14 ${y(0.5)})">observed share in contact</text>`,
);
series.forEach((s, i) => {
  const color = COLORS[i % COLORS.length]!;
  parts.push(
    `<polyline fill="none" stroke="${color}" stroke-width="1.5" points="${s.points.map((b) => `${f(x(b.predicted))},${f(y(b.observed))}`).join(' ')}"/>`,
  );
  for (const b of s.points)
    parts.push(
      `<circle cx="${f(x(b.predicted))}" cy="${f(y(b.observed))}" r="${f(2 + Math.min(4, Math.log10(b.pairs)))}" fill="${color}"/>`,
    );
  parts.push(
    `<circle cx="${W + 12}" cy="${top + 10 + 18 * i}" r="5" fill="${color}"/>`,
    `<text x="${W + 22}" y="${top + 14 + 18 * i}">${s.name}</text>`,
  );
});
parts.push(
  `<text x="${W + 6}" y="${top + 24 + 18 * series.length}" fill="#888888">dot size: pairs (log);</text>`,
  `<text x="${W + 6}" y="${top + 38 + 18 * series.length}" fill="#888888">dashes: perfect calibration</text>`,
  '</svg>',
);
const out = join(here, '../docs/guides/img/reliability.svg');
writeFileSync(out, parts.join('\n') + '\n');
console.log(`wrote ${out}: ${series.map((s) => `${s.name} ${s.points.length} deciles`).join(', ')}`);
