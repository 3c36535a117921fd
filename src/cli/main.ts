/// <reference types="node" />
/**
 * The command line: `goodwill score --input interactions.parquet --now
 * 2026-12-01 --out scores.parquet`, the batch job of `goodwill/duckdb` with a
 * progress line. Not an entry of the package: the `goodwill` bin runs it.
 *
 * @module
 * @internal
 */
import { parseArgs } from 'node:util';
import { GoodwillError } from '../core/errors.js';
import { scoreTable, type ScoreProgress } from '../duckdb/score.js';

/** Where the command writes: the process's streams, or a test's. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

export const USAGE = `Usage: goodwill score --input <file.parquet|file.csv> --now <date> --out <file.parquet> [options]

Scores every pair of people in a table of interactions (columns at, source,
target, kind and optionally weight; the source initiated) and writes one row
per pair: a, b, strength, probability, warmth, stage, level, peak, since,
last_contact, dormant, flags, interactions.

Options:
  --input <path>        the interactions: a .parquet or .csv file
  --now <date>          the date of the answers (ISO 8601, e.g. 2026-12-01)
  --out <path>          the answers: a .parquet file
  --batch-size <n>      interactions per batch (default 1000000): bounds memory
  --workers <n>         worker threads scoring batches in parallel (default 1)
  --source, --target, --at, --kind, --weight <column>
                        the input's column names, where they differ
  --unknown-kind <p>    error (default), contact or ignore
  --self-pairs <p>      error (default) or ignore: rows whose source is their target
  --quiet               no progress
  --help                this text
`;

/** Reads `goodwill <args>` and runs it; returns the exit code (0 done, 1 bad data, 2 bad usage). */
export async function main(args: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        input: { type: 'string' },
        now: { type: 'string' },
        out: { type: 'string' },
        'batch-size': { type: 'string' },
        workers: { type: 'string' },
        source: { type: 'string' },
        target: { type: 'string' },
        at: { type: 'string' },
        kind: { type: 'string' },
        weight: { type: 'string' },
        'unknown-kind': { type: 'string' },
        'self-pairs': { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    io.stderr.write(`goodwill: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const missing = ['input', 'now', 'out'].filter((k) => values[k as 'input'] === undefined);
  if (positionals[0] !== 'score' || positionals.length !== 1 || missing.length > 0) {
    const why =
      positionals[0] !== 'score'
        ? `unknown command ${JSON.stringify(positionals.join(' '))}`
        : `missing ${missing.map((k) => `--${k}`).join(', ')}`;
    io.stderr.write(`goodwill: ${why}\n\n${USAGE}`);
    return 2;
  }
  const batchSize = values['batch-size'] === undefined ? undefined : Number(values['batch-size']);
  const columns = Object.fromEntries(
    (['source', 'target', 'at', 'kind', 'weight'] as const).flatMap((k) =>
      values[k] === undefined ? [] : [[k, values[k]]],
    ),
  );
  const progress = (p: ScoreProgress) =>
    io.stderr.write(
      `${io.stderr.isTTY ? '\r' : ''}${p.interactions.toLocaleString('en')} interactions, ${p.pairs.toLocaleString('en')} pairs, ${Math.round(p.pairsPerSecond).toLocaleString('en')} pairs/s${io.stderr.isTTY ? '' : '\n'}`,
    );
  try {
    const result = await scoreTable({
      input: values.input!,
      output: values.out!,
      now: values.now!,
      columns,
      ...(batchSize === undefined ? {} : { batchSize }),
      ...(values.workers === undefined ? {} : { workers: Number(values.workers) }),
      ...(values['unknown-kind'] === undefined ? {} : { unknownKind: values['unknown-kind'] as 'error' }),
      ...(values['self-pairs'] === undefined ? {} : { selfPairs: values['self-pairs'] as 'error' }),
      ...(values.quiet ? {} : { onProgress: progress }),
    });
    if (!values.quiet && io.stderr.isTTY) io.stderr.write('\n');
    io.stdout.write(
      `${values.out}: ${result.pairs} pairs from ${result.interactions} interactions in ${result.seconds.toFixed(1)} s\n`,
    );
    return 0;
  } catch (error) {
    // goodwill's typed errors and DuckDB's (a missing file, a bad CSV) are the user's to fix: one line, no stack.
    if (!(error instanceof GoodwillError) && !(error instanceof Error && /^[A-Z]\w* Error: /.test(error.message)))
      throw error;
    io.stderr.write(`goodwill: ${error.message}\n`);
    return 1;
  }
}
