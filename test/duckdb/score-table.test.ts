/**
 * The DuckDB path gives the column path's answers: scoreTable over a CSV, a
 * Parquet file and a table, in small batches, equals scorePairs over the
 * whole table — on the generator and on a shared data set.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidInteractionError } from 'goodwill';
import { scorePairs, type PairScore } from 'goodwill/columns';
import { scoreTable, type ScoreProgress } from 'goodwill/duckdb';
import { generateNetwork, parseEdgeList } from 'goodwill/fixtures';
import { graphToColumns } from '../helpers/columns.js';
import { toCsv } from '../helpers/csv.js';
import { describeData, readDataFile } from '../helpers/data.js';

let dir = '';
let instance: DuckDBInstance;
let connection: DuckDBConnection;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'goodwill-duckdb-'));
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
});
afterAll(() => {
  connection.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

/** The column path's answers as the output's rows. */
function expectedRows(scores: PairScore[]) {
  return scores.map((p) => ({
    a: p.a,
    b: p.b,
    strength: p.strength,
    probability: p.probability,
    warmth: p.warmth,
    stage: p.stage,
    level: p.level,
    peak: p.peak,
    since: p.since?.getTime() ?? null,
    last_contact: p.lastContact?.getTime() ?? null,
    dormant: p.dormant,
    flags: p.flags.join(','),
    interactions: p.interactions,
  }));
}

/** The output's rows, in (a, b) order as JavaScript sorts keys. */
async function outputRows(from: string) {
  const reader = await connection.runAndReadAll(
    `SELECT a, b, strength, probability, warmth, stage, level, peak, epoch_ms(since)::DOUBLE AS since,
       epoch_ms(last_contact)::DOUBLE AS last_contact, dormant, flags, interactions FROM ${from}`,
  );
  return reader
    .getRowObjectsJS()
    .sort((x, y) => (x['a']! < y['a']! ? -1 : x['a']! > y['a']! ? 1 : x['b']! < y['b']! ? -1 : 1));
}

describe('scoreTable = scorePairs on the generator', () => {
  const now = '2024-10-01';
  const table = graphToColumns(generateNetwork({ seed: 5, people: 200 }));
  const expected = expectedRows(scorePairs(table, { now }));

  it('CSV in, Parquet out, batches of 1,000 interactions, with progress', async () => {
    const csv = join(dir, 'generated.csv');
    writeFileSync(csv, toCsv(table));
    const seen: ScoreProgress[] = [];
    const result = await scoreTable({
      instance,
      input: csv,
      output: join(dir, 'out.parquet'),
      now,
      batchSize: 1000,
      onProgress: (p) => seen.push(p),
    });
    expect(await outputRows(`read_parquet('${join(dir, 'out.parquet')}')`)).toEqual(expected);
    expect(result.pairs).toBe(expected.length);
    expect(result.interactions).toBe(table.rows);
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.at(-1)!.pairs).toBe(expected.length);
    expect(seen.every((p) => p.pairsPerSecond > 0)).toBe(true);
  });

  it('Parquet in, a table out, one batch: the same rows', async () => {
    const parquet = join(dir, 'generated.parquet');
    await connection.run(
      `COPY (SELECT * FROM read_csv('${join(dir, 'generated.csv')}')) TO '${parquet}' (FORMAT PARQUET)`,
    );
    await scoreTable({ instance, input: parquet, output: { table: 'scores' }, now });
    expect(await outputRows('scores')).toEqual(expected);
  });

  it('on two worker threads: the serial output, row for row; a bad row still named', async () => {
    const csv = join(dir, 'generated.csv');
    await scoreTable({ instance, input: csv, output: { table: 'serial' }, now, batchSize: 500 });
    const result = await scoreTable({
      instance,
      input: csv,
      output: { table: 'parallel' },
      now,
      batchSize: 500,
      workers: 2,
    });
    expect(result.batches).toBeGreaterThan(4);
    expect(await outputRows('parallel')).toEqual(await outputRows('serial'));
    expect(await outputRows('parallel')).toEqual(expected);
    await connection.run(`CREATE OR REPLACE TABLE bad2 AS SELECT * FROM read_csv('${csv}')`);
    await connection.run(`UPDATE bad2 SET "at" = NULL WHERE rowid IN (3000, 40)`);
    const error = await scoreTable({
      instance,
      input: { table: 'bad2' },
      output: { table: 'x' },
      now,
      batchSize: 200,
      workers: 2,
    }).catch((e: unknown) => e);
    const serial = await scoreTable({
      instance,
      input: { table: 'bad2' },
      output: { table: 'x' },
      now,
      batchSize: 200,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInteractionError);
    expect((error as InvalidInteractionError).message).toBe((serial as Error).message);
  });

  it('a bad row of the input throws the typed error naming it', async () => {
    await connection.run(`CREATE OR REPLACE TABLE bad AS SELECT * FROM read_csv('${join(dir, 'generated.csv')}')`);
    await connection.run(`UPDATE bad SET kind = 'favour' WHERE rowid = 17`);
    const error = await scoreTable({
      instance,
      input: { table: 'bad' },
      output: { table: 'x' },
      now,
      batchSize: 100,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInteractionError);
    expect((error as InvalidInteractionError).location).toMatchObject({ row: 17, field: 'kind' });
    expect((error as Error).message).toMatch(/^scoreTable: row 17 of the input \(".+" -> ".+"\) has `kind` = "favour"/);
  });
});

describeData('scoreTable = scorePairs on a shared data set (enron)', () => {
  it('enron, batches of 5,000', async () => {
    const graph = parseEdgeList(readDataFile('enron/enron-edges.csv'), {
      format: 'csv',
      columns: { source: 'sender_id', target: 'receiver_id', time: 'unix_time' },
    });
    const table = graphToColumns(graph);
    const now = '2002-07-01';
    const csv = join(dir, 'enron.csv');
    writeFileSync(csv, toCsv(table));
    await scoreTable({
      instance,
      input: csv,
      output: { table: 'enron_scores' },
      now,
      batchSize: 5000,
      selfPairs: 'ignore',
    });
    expect(await outputRows('enron_scores')).toEqual(expectedRows(scorePairs(table, { now, selfPairs: 'ignore' })));
  });
});
