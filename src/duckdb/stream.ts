/**
 * Rows out of DuckDB, a chunk at a time, into the columns of `fromColumns`;
 * and the errors of a batch renumbered to the input's rows.
 *
 * @module
 * @internal
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  GoodwillError,
  InvalidGraphError,
  InvalidInteractionError,
  InvalidOptionError,
  NodeNotFoundError,
  ParseError,
} from '../core/errors.js';
import type { InteractionColumns } from '../columns/types.js';

/** A batch of rows as growing columns: `row` is each row's number in the input. */
export class RowBatch {
  row: number[] = [];
  source: (string | null)[] = [];
  target: (string | null)[] = [];
  at: (number | string | null)[] = [];
  kind: (string | null)[] = [];
  weight: (number | null)[] = [];

  get length(): number {
    return this.row.length;
  }

  /** The batch as columns (kinds and weights only where the input has them). */
  columns(hasKind: boolean, hasWeight: boolean): InteractionColumns {
    return {
      source: this.source,
      target: this.target,
      at: this.at,
      ...(hasKind ? { kind: this.kind } : {}),
      ...(hasWeight ? { weight: this.weight } : {}),
    };
  }
}

/**
 * Streams the rows of `sql` (columns row, source, target, at, kind, weight)
 * and calls `onRow` for each chunk's rows; awaits `onChunk` between chunks, so
 * that a batch is scored before more rows are read (memory bounded by it).
 */
export async function streamRows(
  connection: DuckDBConnection,
  sql: string,
  onChunk: (chunk: ChunkRows) => Promise<void> | void,
): Promise<void> {
  const result = await connection.stream(sql);
  for (;;) {
    const chunk = await result.fetchChunk();
    if (chunk === null || chunk.rowCount === 0) break;
    await onChunk({
      count: chunk.rowCount,
      row: chunk.getColumnValues(0) as number[],
      source: chunk.getColumnValues(1) as (string | null)[],
      target: chunk.getColumnValues(2) as (string | null)[],
      at: chunk.getColumnValues(3) as (number | string | null)[],
      kind: chunk.getColumnValues(4) as (string | null)[],
      weight: chunk.getColumnValues(5) as (number | null)[],
    });
  }
}

/** The rows of one chunk, column by column. */
export interface ChunkRows {
  count: number;
  row: number[];
  source: (string | null)[];
  target: (string | null)[];
  at: (number | string | null)[];
  kind: (string | null)[];
  weight: (number | null)[];
}

/** Appends row `i` of `chunk` to `batch`. */
export function appendRow(batch: RowBatch, chunk: ChunkRows, i: number): void {
  batch.row.push(chunk.row[i]!);
  batch.source.push(chunk.source[i]!);
  batch.target.push(chunk.target[i]!);
  batch.at.push(chunk.at[i]!);
  batch.kind.push(chunk.kind[i]!);
  batch.weight.push(chunk.weight[i]!);
}

const CLASSES = { InvalidGraphError, NodeNotFoundError, InvalidInteractionError, InvalidOptionError, ParseError };

/** A goodwill error made again from its parts (its class name, message and location), e.g. after a thread. */
export function typedError(name: string, message: string, location: object = {}): Error {
  const Class = CLASSES[name as keyof typeof CLASSES];
  return Class === undefined ? new Error(message) : new Class(message, location);
}

/**
 * The error of a batch, naming the input's row instead of the batch's: the
 * same class and code, `location.row` and the message's "row N" rewritten.
 */
export function inInput(error: unknown, rows: readonly number[], module: string): unknown {
  if (!(error instanceof GoodwillError) || error.location.row === undefined) return error;
  const row = rows[error.location.row]!;
  const message = error.message.replace(/^\w+: row \d+/, `${module}: row ${row} of the input`);
  return typedError(error.name, message, { ...error.location, row });
}
