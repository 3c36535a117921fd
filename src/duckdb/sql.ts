/**
 * The SQL side: where the interactions are (a Parquet or CSV file, or a
 * table), and the one view that hands them to goodwill as the columns of
 * `fromColumns` — keys as text, times as epoch milliseconds (or text, parsed
 * by goodwill's own rules), each row with its number in the input.
 *
 * @module
 * @internal
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { InvalidOptionError, describeValue, optionIsError } from '../core/errors.js';

/** Where the interactions are: a file path (`.parquet`, `.csv`, `.csv.gz`, `.tsv`) or a table of the connection. */
export type TableInput = string | { readonly table: string };

/** The names of the input's columns, where they differ from `source`, `target`, `at`, `kind`, `weight`. */
export interface ColumnNames {
  source?: string;
  target?: string;
  at?: string;
  kind?: string;
  weight?: string;
}

/** A SQL identifier, quoted. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A SQL string literal. */
export function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** The input as a relation, and the expression of each row's number in it (0-based). */
function relation(input: TableInput, module: string): { from: string; row: string } {
  if (typeof input === 'string') {
    if (/\.parquet$/i.test(input))
      return { from: `read_parquet(${literal(input)}, file_row_number = true)`, row: 'file_row_number' };
    // A CSV is read into a temporary table first: its rowid is then the data row's number.
    if (/\.(csv|tsv)(\.gz)?$/i.test(input)) return { from: `read_csv(${literal(input)}, header = true)`, row: '' };
    throw new InvalidOptionError(
      `${module}: the input ${describeValue(input)} is neither a .parquet nor a .csv file; pass a file path or { table: 'name' }.`,
      { field: 'input' },
    );
  }
  if (input !== null && typeof input === 'object' && typeof input.table === 'string')
    return { from: input.table.split('.').map(ident).join('.'), row: 'rowid' };
  throw optionIsError(module, 'input', input, "pass a file path (.parquet, .csv) or { table: 'name' }");
}

/** How a column of type `type` becomes goodwill's `at`: epoch ms as a DOUBLE, or text that goodwill parses. */
function atExpression(column: string, type: string): string {
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|U\w*INT|FLOAT|DOUBLE|DECIMAL)/.test(type))
    return `CAST(${column} AS DOUBLE)`;
  if (type === 'VARCHAR') return column;
  // TIMESTAMP WITH TIME ZONE is an instant: its epoch_ms is UTC whatever the session's time zone.
  if (type === 'TIMESTAMP WITH TIME ZONE') return `CAST(epoch_ms(${column}) AS DOUBLE)`;
  return `CAST(epoch_ms(CAST(${column} AS TIMESTAMP)) AS DOUBLE)`;
}

/** What `prepareInput` made: the view's name, whether it has kinds and weights, and whether `at` is numeric. */
export interface PreparedInput {
  readonly view: string;
  readonly hasKind: boolean;
  readonly hasWeight: boolean;
  readonly numericAt: boolean;
}

/**
 * Creates the temporary view `goodwill_rows (row, source, target, at, kind,
 * weight)` over the input, after checking that its columns exist.
 */
export async function prepareInput(
  connection: DuckDBConnection,
  input: TableInput,
  names: ColumnNames,
  module: string,
): Promise<PreparedInput> {
  let { from, row } = relation(input, module);
  if (row === '') {
    await connection.run(`CREATE OR REPLACE TEMP TABLE goodwill_input AS SELECT * FROM ${from}`);
    from = 'goodwill_input';
    row = 'rowid';
  }
  const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`);
  const types = new Map(described.getRowObjectsJS().map((r) => [String(r['column_name']), String(r['column_type'])]));
  const name = (field: keyof ColumnNames) => names[field] ?? field;
  for (const field of ['source', 'target', 'at'] as const)
    if (!types.has(name(field)))
      throw new InvalidOptionError(
        `${module}: the input has no column ${describeValue(name(field))} (it has ${[...types.keys()].join(', ')}); name it with the option columns.${field}.`,
        { field: `columns.${field}` },
      );
  const hasKind = types.has(name('kind'));
  const hasWeight = types.has(name('weight'));
  const atType = types.get(name('at'))!;
  await connection.run(
    `CREATE OR REPLACE TEMP VIEW goodwill_rows AS SELECT CAST(${row} AS DOUBLE) AS row,
       CAST(${ident(name('source'))} AS VARCHAR) AS source, CAST(${ident(name('target'))} AS VARCHAR) AS target,
       ${atExpression(ident(name('at')), atType)} AS at,
       ${hasKind ? `CAST(${ident(name('kind'))} AS VARCHAR)` : 'NULL::VARCHAR'} AS kind,
       ${hasWeight ? `CAST(${ident(name('weight'))} AS DOUBLE)` : 'NULL::DOUBLE'} AS weight
     FROM ${from}`,
  );
  return { view: 'goodwill_rows', hasKind, hasWeight, numericAt: atType !== 'VARCHAR' };
}
