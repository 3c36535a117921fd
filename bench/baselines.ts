/**
 * The baselines that `npm run validate` and the strength-weights procedure
 * compare goodwill's strength with (the design notes' §4): raw count, days
 * since the last contact, decayed counts, and 100·R·F·Q — each a score per
 * dyad of an index at a cut.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { PeopleGraph } from 'goodwill';
import { parseEdgeList, type ParseEdgeListOptions } from 'goodwill/fixtures';
import { eventsEnd, type InteractionIndex } from '../src/core/interaction-index.js';

const DAY = 86_400_000;

/** A dyad's events before the cut: start, end, count, initiated by A, in the last 90 days, last time. */
export function dyadStats(index: InteractionIndex, d: number, cut: number) {
  const start = index.eventOffset[d]!;
  const end = eventsEnd(index, d, cut);
  let out = 0;
  let n90 = 0;
  for (let e = start; e < end; e++) {
    if (index.dir[e] === 0) out++;
    if (index.time[e]! > cut - 90 * DAY) n90++;
  }
  return { start, end, count: end - start, out, in: end - start - out, n90, last: index.time[end - 1]! };
}

/** Σ 2^(−age / h days) over the dyad's events before the cut. */
export function decayedCount(index: InteractionIndex, d: number, cut: number, halfLifeDays: number): number {
  let w = 0;
  for (let e = index.eventOffset[d]!; e < eventsEnd(index, d, cut); e++)
    w += Math.pow(2, -(cut - index.time[e]!) / (halfLifeDays * DAY));
  return w;
}

/** 100·R·F·Q: recency (half-life 30 days) × frequency (90 days, capped at 20) × balance of initiative. */
export function rfq(index: InteractionIndex, d: number, cut: number): number {
  const s = dyadStats(index, d, cut);
  const R = Math.pow(2, -(cut - s.last) / (30 * DAY));
  const F = Math.min(1, s.n90 / 20);
  const Q = 0.25 + 0.75 * (1 - Math.abs(s.in - s.out) / (s.in + s.out));
  return 100 * R * F * Q;
}

/** The shared data sets, read in place: `../shared/data` beside the project, or `GOODWILL_SHARED_DATA`. */
export const DATA =
  process.env['GOODWILL_SHARED_DATA'] ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../shared/data');

/** The graph of a data set under {@link DATA} (gzip or not), or null when the file is absent. */
export function readDataSet(file: string, options: ParseEdgeListOptions): PeopleGraph | null {
  const path = join(DATA, file);
  if (!existsSync(path)) return null;
  const buffer = readFileSync(path);
  return parseEdgeList((file.endsWith('.gz') ? gunzipSync(buffer) : buffer).toString('utf8'), options);
}

/** The first and last event time of an index. */
export function timeRange(index: InteractionIndex): { lo: number; hi: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const t of index.time) {
    lo = Math.min(lo, t);
    hi = Math.max(hi, t);
  }
  return { lo, hi };
}

/** The validation data sets with timestamps: name, path under ../shared/data, parser options. */
export const VALIDATION_SETS: [string, string, ParseEdgeListOptions][] = [
  ['CollegeMsg', 'collegemsg/CollegeMsg.txt', { format: 'snap' }],
  // Its times count seconds from the start of the recording: `timeOrigin` gives that 0 a date.
  [
    'email-Eu-core',
    'email-eu-core-temporal/email-Eu-core-temporal.txt.gz',
    { format: 'snap', timeOrigin: '2003-10-01' },
  ],
  ['radoslaw-email', 'radoslaw-email/out.radoslaw_email_email', { format: 'konect' }],
  [
    'Enron',
    'enron/enron-edges.csv',
    { format: 'csv', columns: { source: 'sender_id', target: 'receiver_id', time: 'unix_time' } },
  ],
  ['sx-mathoverflow', 'sx-mathoverflow/sx-mathoverflow.txt.gz', { format: 'snap' }],
];

/**
 * DeLong's standard error of the difference of two ROC AUCs on the same
 * pairs (DeLong, DeLong & Clarke-Pearson 1988): how far apart two scores'
 * AUCs could be by the luck of which pairs happened to be in contact.
 */
export function aucDifferenceSe(a: ArrayLike<number>, b: ArrayLike<number>, labels: ArrayLike<number>): number {
  // Per positive: the share of negatives it beats (ties count half); per negative: the share of positives that beat it.
  const components = (score: ArrayLike<number>) => {
    const pos: number[] = [];
    const neg: number[] = [];
    for (let i = 0; i < labels.length; i++) (labels[i] ? pos : neg).push(score[i]!);
    const sortedPos = Float64Array.from(pos).sort();
    const sortedNeg = Float64Array.from(neg).sort();
    const below = (sorted: Float64Array, x: number, strict: boolean) => {
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (strict ? sorted[mid]! < x : sorted[mid]! <= x) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    const v10 = pos.map((x) => (below(sortedNeg, x, true) + below(sortedNeg, x, false)) / 2 / neg.length);
    const v01 = neg.map(
      (x) => (2 * pos.length - below(sortedPos, x, false) - below(sortedPos, x, true)) / 2 / pos.length,
    );
    return { v10, v01 };
  };
  const x = components(a);
  const y = components(b);
  const variance = (u: number[], v: number[]) => {
    const d = u.map((ui, i) => ui - v[i]!);
    const mean = d.reduce((t, q) => t + q, 0) / d.length;
    return d.reduce((t, q) => t + (q - mean) ** 2, 0) / (d.length - 1);
  };
  return Math.sqrt(variance(x.v10, y.v10) / x.v10.length + variance(x.v01, y.v01) / x.v01.length);
}
