/**
 * `goodwill score` end to end: a small CSV in, a Parquet file out, as a
 * process (the sources through tsx, as the bin runs the build); its rows are
 * scorePairs' answers.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { scorePairs } from 'goodwill/columns';
import { generateNetwork } from 'goodwill/fixtures';
import { graphToColumns } from '../helpers/columns.js';
import { toCsv } from '../helpers/csv.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'goodwill-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `goodwill <args>` from the sources. */
function goodwill(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/run.ts'), ...args], {
    cwd: root, // where tsx resolves; the files are named by absolute paths
    encoding: 'utf8',
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('goodwill score', () => {
  const table = graphToColumns(generateNetwork({ seed: 6, people: 60 }));
  writeFileSync(join(dir, 'interactions.csv'), toCsv(table));

  it('scores a CSV into a Parquet file: one row per pair, scorePairs’ answers', async () => {
    const out = join(dir, 'scores.parquet');
    const run = goodwill(
      'score',
      '--input',
      join(dir, 'interactions.csv'),
      '--now',
      '2024-10-01',
      '--out',
      out,
      '--batch-size',
      '200',
    );
    expect(run.stderr).toMatch(/interactions, \d+ pairs, [\d,]+ pairs\/s/);
    expect(run.code).toBe(0);
    const expected = scorePairs(table, { now: '2024-10-01' });
    expect(run.stdout).toBe(
      `${out}: ${expected.length} pairs from ${table.rows} interactions in ${/in ([\d.]+) s/.exec(run.stdout)![1]} s\n`,
    );
    const connection = await (await DuckDBInstance.create(':memory:')).connect();
    const rows = (
      await connection.runAndReadAll(
        `SELECT a, b, strength, probability, stage FROM read_parquet('${join(dir, 'scores.parquet')}')`,
      )
    ).getRowObjectsJS();
    connection.closeSync();
    const byPair = new Map(rows.map((r) => [`${r['a']} ${r['b']}`, r]));
    expect(byPair.size).toBe(expected.length);
    for (const p of expected)
      expect(byPair.get(`${p.a} ${p.b}`)).toEqual({
        a: p.a,
        b: p.b,
        strength: p.strength,
        probability: p.probability,
        stage: p.stage,
      });
  });

  it('says what is wrong: exit 2 for usage, 1 for bad data naming the row', () => {
    const usage = goodwill('score', '--input', join(dir, 'interactions.csv'));
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^goodwill: missing --now, --out\n\nUsage: goodwill score/);
    writeFileSync(
      join(dir, 'bad.csv'),
      'at,source,target,kind\n2024-01-01,ann,bob,message\n2024-01-02,bob,ann,favour\n',
    );
    const bad = goodwill(
      'score',
      '--input',
      join(dir, 'bad.csv'),
      '--now',
      '2024-10-01',
      '--out',
      join(dir, 'bad.parquet'),
      '--quiet',
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^goodwill: scoreTable: row 1 of the input \("bob" -> "ann"\) has `kind` = "favour"/);
    // DuckDB's own errors (a file that is not there) are one line too, not a stack.
    const absent = goodwill(
      'score',
      '--input',
      join(dir, 'absent.csv'),
      '--now',
      '2024-10-01',
      '--out',
      join(dir, 'x.parquet'),
    );
    expect(absent.code).toBe(1);
    expect(absent.stderr).toMatch(/^goodwill: .*No files found.*absent\.csv/);
  });
});
