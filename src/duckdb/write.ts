/**
 * Writing the answers back: a staging table filled through DuckDB's
 * appender, batch by batch, then the output table or Parquet file.
 *
 * @module
 * @internal
 */
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import type { PairScore } from '../columns/score.js';
import { ident, literal } from './sql.js';

/** Where the answers go: a Parquet file (a path ending in `.parquet`) or a table of the connection. */
export type TableOutput = string | { readonly table: string };

// A table of the database, not a temporary one: it is filled through a connection other than the reader's.
const STAGING = 'goodwill_scores_staging';

/** Creates the staging table and its appender. */
export async function openScores(connection: DuckDBConnection): Promise<DuckDBAppender> {
  await connection.run(
    `CREATE OR REPLACE TABLE ${STAGING} (a VARCHAR, b VARCHAR, strength DOUBLE, probability DOUBLE,
       warmth DOUBLE, stage VARCHAR, level VARCHAR, peak VARCHAR, since_ms DOUBLE, last_contact_ms DOUBLE,
       dormant BOOLEAN, flags VARCHAR, interactions INTEGER)`,
  );
  return connection.createAppender(STAGING);
}

/** Appends one batch's answers. */
export function appendScores(appender: DuckDBAppender, scores: readonly PairScore[]): void {
  const orNull = (value: number | null, append: (v: number) => void) =>
    value === null ? appender.appendNull() : append(value);
  for (const p of scores) {
    appender.appendVarchar(p.a);
    appender.appendVarchar(p.b);
    appender.appendDouble(p.strength);
    orNull(p.probability, (v) => appender.appendDouble(v));
    appender.appendDouble(p.warmth);
    appender.appendVarchar(p.stage);
    appender.appendVarchar(p.level);
    appender.appendVarchar(p.peak);
    orNull(p.since === null ? null : p.since.getTime(), (v) => appender.appendDouble(v));
    orNull(p.lastContact === null ? null : p.lastContact.getTime(), (v) => appender.appendDouble(v));
    appender.appendBoolean(p.dormant);
    appender.appendVarchar(p.flags.join(','));
    appender.appendInteger(p.interactions);
    appender.endRow();
  }
  appender.flushSync();
}

/** Moves the staged answers to the output, sorted by (a, b), times as TIMESTAMPs (UTC). */
export async function finishScores(
  connection: DuckDBConnection,
  appender: DuckDBAppender,
  output: TableOutput,
): Promise<void> {
  appender.closeSync();
  const select = `SELECT a, b, strength, probability, warmth, stage, level, peak,
      make_timestamp(CAST(since_ms AS BIGINT) * 1000) AS since,
      make_timestamp(CAST(last_contact_ms AS BIGINT) * 1000) AS last_contact,
      dormant, flags, interactions
    FROM ${STAGING} ORDER BY a, b`;
  if (typeof output === 'string') await connection.run(`COPY (${select}) TO ${literal(output)} (FORMAT PARQUET)`);
  else await connection.run(`CREATE OR REPLACE TABLE ${output.table.split('.').map(ident).join('.')} AS ${select}`);
  await connection.run(`DROP TABLE ${STAGING}`);
}
