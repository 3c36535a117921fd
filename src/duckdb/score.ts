/**
 * `scoreTable`: a table of interactions scored on DuckDB, batch by batch.
 *
 * @module
 */
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { readInteger, readOptionsObject } from '../core/args.js';
import { InvalidOptionError } from '../core/errors.js';
import { DAY_MS, parseTimeOption } from '../core/time.js';
import { activeTies, scorePairs, type ScorePairsOptions } from '../columns/score.js';
import { prepareInput, type ColumnNames, type TableInput } from './sql.js';
import { appendRow, inInput, RowBatch, streamRows } from './stream.js';
import { appendScores, finishScores, openScores, type TableOutput } from './write.js';
import { BatchRunner } from './batches.js';
import { ScorePool } from './pool.js';

/** Progress of {@link scoreTable}, after each batch. */
export interface ScoreProgress {
  /** Interactions (rows) read so far. */
  interactions: number;
  /** Pairs scored so far. */
  pairs: number;
  /** Batches scored so far. */
  batches: number;
  /** Seconds since the start. */
  seconds: number;
  /** Pairs scored per second, so far. */
  pairsPerSecond: number;
}

/** Options of {@link scoreTable}: where, when, how, and the model's options of `scorePairs`. */
export interface ScoreTableOptions extends Omit<ScorePairsOptions, 'activeTies'> {
  /**
   * The database (a `DuckDBInstance` of `@duckdb/node-api`) that holds the
   * input table or reads the files, and gets the output table. Default: a new
   * in-memory database. scoreTable opens two connections to it (rows stream
   * out of one while answers are appended through the other) and closes them.
   */
  instance?: DuckDBInstance;
  /** The interactions: a `.parquet` or `.csv` file, or `{ table }` of the connection. */
  input: TableInput;
  /** The answers: a `.parquet` file, or `{ table }` (created or replaced). */
  output: TableOutput;
  /** The input's column names, where they are not `source`, `target`, `at`, `kind`, `weight`. */
  columns?: ColumnNames;
  /** Interactions per batch (whole pairs: a batch ends at the first pair past it). Default 1,000,000. */
  batchSize?: number;
  /** Called after each batch. */
  onProgress?: (progress: ScoreProgress) => void;
  /**
   * Worker threads scoring batches in parallel (default 1: on the main
   * thread). Each worker gets the person-level counts once, so every answer
   * is the serial one; the output is the same, row for row.
   */
  workers?: number;
}

/** What {@link scoreTable} did. */
export interface ScoreTableResult extends ScoreProgress {
  /** People with a tie active in the 30 days up to `now` (the person-level pass). */
  activePeople: number;
}

/** Two connections to `given` (or to a new in-memory DuckDB; the peer dependency is loaded only then). */
async function connect(
  given: DuckDBInstance | undefined,
  module: string,
): Promise<{ reader: DuckDBConnection; writer: DuckDBConnection }> {
  let instance = given;
  if (instance === undefined) {
    let duckdb: typeof import('@duckdb/node-api');
    try {
      duckdb = await import('@duckdb/node-api');
    } catch {
      throw new InvalidOptionError(
        `${module}: needs the package @duckdb/node-api (an optional peer dependency of goodwill); install it with npm install @duckdb/node-api.`,
        { field: 'instance' },
      );
    }
    instance = await duckdb.DuckDBInstance.create(':memory:');
  }
  // Appending through the connection whose result is still streaming loses rows: one connection each.
  return { reader: await instance.connect(), writer: await instance.connect() };
}

/**
 * Scores every pair of a table of interactions on DuckDB, without a graph and
 * with memory bounded by `batchSize`: a first pass counts each person's ties
 * active in the 30 days up to `now` (the person-level feature), then the
 * rows stream ordered by pair, a batch of whole pairs at a time, through
 * `scorePairs`, and the answers go to a table or a Parquet file, one row per
 * pair: `a`, `b` (a < b), `strength`, `probability`, `warmth`, `stage`,
 * `level`, `peak`, `since`, `last_contact`, `dormant`, `flags`,
 * `interactions`. Each answer is the one `tieStrengths` and `classifyStages`
 * give for the whole network; a bad row throws the graph's typed error,
 * naming the input's row.
 *
 * @see [At scale](../../docs/guides/scale.md), the guide.
 *
 * @example
 * ```ts
 * import { scoreTable } from 'goodwill/duckdb';
 *
 * await scoreTable({
 *   input: 'interactions.parquet', // at, source, target, kind[, weight]
 *   output: 'scores.parquet',
 *   now: '2026-12-01',
 *   onProgress: (p) => console.log(`${p.pairs} pairs, ${Math.round(p.pairsPerSecond)}/s`),
 * });
 * ```
 */
export async function scoreTable(options: ScoreTableOptions): Promise<ScoreTableResult> {
  const module = 'scoreTable';
  readOptionsObject(module, options, "{ input: 'events.parquet', now: '2024-06-30' }");
  const now = parseTimeOption(options.now, 'now', module);
  const batchSize = readInteger(module, 'batchSize', options.batchSize ?? 1_000_000, 1);
  const workers = readInteger(module, 'workers', options.workers ?? 1, 1, 256);
  const { input, output, columns = {}, onProgress, instance, batchSize: _b, workers: _w, ...rest } = options;
  const model: ScorePairsOptions = rest;
  scorePairs({ source: [], target: [], at: [] }, model); // bad model options fail before any SQL runs
  const started = Date.now();
  const { reader, writer } = await connect(instance, module);
  try {
    const shape = await prepareInput(reader, input, columns, module);
    // Pass 1: the person-level feature, from the rows of the 30 days up to now (all rows when `at` is text).
    const recent = new RowBatch();
    const window = shape.numericAt ? ` WHERE "at" BETWEEN ${now - 30 * DAY_MS} AND ${now}` : '';
    await streamRows(reader, `SELECT * FROM ${shape.view}${window}`, (chunk) => {
      for (let i = 0; i < chunk.count; i++) appendRow(recent, chunk, i);
    });
    let active: Record<string, number>;
    try {
      active = activeTies(recent.columns(shape.hasKind, shape.hasWeight), model);
    } catch (error) {
      throw inInput(error, recent.row, module);
    }
    // Pass 2: whole pairs, in batches.
    const appender = await openScores(writer);
    const progress: ScoreProgress = { interactions: 0, pairs: 0, batches: 0, seconds: 0, pairsPerSecond: 0 };
    const pool = workers > 1 ? new ScorePool(workers, model, active) : null;
    const runner = new BatchRunner(
      async (b) => {
        const table = b.columns(shape.hasKind, shape.hasWeight);
        try {
          return pool === null ? scorePairs(table, { ...model, activeTies: active }) : await pool.score(table);
        } catch (error) {
          throw inInput(error, b.row, module);
        }
      },
      workers,
      (b, scores) => {
        appendScores(appender, scores);
        progress.interactions += b.length;
        progress.pairs += scores.length;
        progress.batches++;
        progress.seconds = (Date.now() - started) / 1000;
        progress.pairsPerSecond = progress.pairs / progress.seconds;
        onProgress?.({ ...progress });
      },
    );
    try {
      let batch = new RowBatch();
      let lastS: string | null = null;
      let lastT: string | null = null;
      await streamRows(
        reader,
        `SELECT * FROM ${shape.view} ORDER BY least(source, target), greatest(source, target)`,
        async (chunk) => {
          for (let i = 0; i < chunk.count; i++) {
            const s = chunk.source[i]!;
            const t = chunk.target[i]!;
            // The same pair either way round; a batch ends only between pairs, so each is scored whole.
            const samePair = (s === lastS && t === lastT) || (s === lastT && t === lastS);
            if (batch.length >= batchSize && !samePair) {
              await runner.add(batch);
              batch = new RowBatch();
            }
            lastS = s;
            lastT = t;
            appendRow(batch, chunk, i);
          }
        },
      );
      if (batch.length > 0) await runner.add(batch);
      await runner.finish();
    } finally {
      await pool?.close();
    }
    await finishScores(writer, appender, output);
    return { ...progress, activePeople: Object.keys(active).length };
  } finally {
    reader.closeSync();
    writer.closeSync();
  }
}
