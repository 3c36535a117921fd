/**
 * DuckDB as goodwill's engine for tables too large for a graph: read a
 * Parquet or CSV file (or a table), score every pair through goodwill's
 * kernel in batches of bounded memory, and write the answers back. Needs the
 * optional peer dependency `@duckdb/node-api`. Import from `goodwill/duckdb`.
 *
 * @module goodwill/duckdb
 */
export { scoreTable } from './score.js';
export type { ScoreTableOptions, ScoreTableResult, ScoreProgress } from './score.js';
export type { TableInput, ColumnNames } from './sql.js';
export type { TableOutput } from './write.js';
