/**
 * A small benchmark harness: every number a bench prints is measured in the
 * same run as the peer it is compared with.
 *
 * Each timed sample starts from a settled heap: the previous result dropped
 * and, when the process runs with `--expose-gc` (as `npm run bench` does), a
 * full collection. So no function pays for another's garbage — a bare loop
 * timed right after a report would otherwise absorb the report's collections —
 * while each function's own collections stay inside its time.
 */
import { performance } from 'node:perf_hooks';

export interface Measurement {
  /** Median wall time of one run, in ms. */
  median: number;
  /** 95th percentile, in ms. */
  p95: number;
  /** Number of timed runs. */
  runs: number;
}

/**
 * Times `fn` (after `warmup` untimed runs) until `minRuns` runs and `minTimeMs`
 * have passed; `settled: false` skips the collection before each sample (for
 * functions of microseconds, where it would dominate the wall time).
 */
export function measure(
  fn: () => unknown,
  { warmup = 1, minRuns = 5, minTimeMs = 500, maxRuns = 1000, settled = true } = {},
): Measurement {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  const start = performance.now();
  while (samples.length < maxRuns && (samples.length < minRuns || performance.now() - start < minTimeMs)) {
    if (settled) settle();
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return summarize(samples);
}

/** Median and p95 of a list of samples (ms). */
export function summarize(samples: number[]): Measurement {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95), runs: sorted.length };
}

/** Formats milliseconds. */
export function ms(x: number): string {
  return x >= 100 ? `${x.toFixed(0)} ms` : x >= 1 ? `${x.toFixed(2)} ms` : `${(x * 1000).toFixed(1)} µs`;
}

/** Prints a table of rows (objects with the same keys). */
export function table(title: string, rows: Array<Record<string, string | number>>): void {
  console.log(`\n## ${title}\n`);
  if (rows.length === 0) return;
  const headers = Object.keys(rows[0]!);
  const cells = rows.map((row) => headers.map((h) => String(row[h] ?? '')));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (values: string[]) => `| ${values.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(headers));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const c of cells) console.log(line(c));
}

/** Keeps a value alive so the optimiser cannot drop the work that made it. */
export let sink: unknown;
export function keep(value: unknown): void {
  sink = value;
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Drops the kept result and, with `--expose-gc`, collects garbage, then sleeps
 * 80 ms: V8 sweeps on background threads after a collection, and on this
 * machine's two cores a sample started at once ran ~50 % slower. The start of
 * every timed sample.
 */
export function settle(): void {
  sink = undefined;
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) return;
  gc();
  Atomics.wait(pause, 0, 0, 80);
}

/**
 * Times several functions in alternation (a, b, c, a, b, c, …) after one
 * warm-up each, so that garbage collection and JIT state fall on all of them
 * alike; returns one summary per function.
 */
export function interleave(fns: (() => unknown)[], runs = 9): Measurement[] {
  for (const fn of fns) fn();
  const samples: number[][] = fns.map(() => []);
  for (let r = 0; r < runs; r++) {
    fns.forEach((fn, i) => {
      settle();
      const t0 = performance.now();
      fn();
      samples[i]!.push(performance.now() - t0);
    });
  }
  return samples.map(summarize);
}
