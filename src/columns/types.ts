/**
 * The column schema of a table of interactions: one row per interaction, the
 * row's source having initiated it toward its target — the meaning of an edge
 * A→B in the graph.
 *
 * @module
 */
import type { KindOptions } from '../core/kinds.js';

/**
 * A table of interactions as columns of equal length (arrays or typed arrays):
 * row r says that `source[r]` initiated an interaction of kind `kind[r]` with
 * `target[r]` at `at[r]`, weighing `weight[r]`.
 *
 * People are keys (strings), or, with a key table `keys`, integer ids into it
 * (dictionary encoding, as Arrow and DuckDB hand them out: an `Int32Array`
 * per column and the names once).
 *
 * @example
 * ```ts
 * const columns: InteractionColumns = {
 *   source: ['ann', 'bob', 'ann'],
 *   target: ['bob', 'ann', 'cy'],
 *   at: ['2024-01-05', '2024-01-06', Date.UTC(2024, 1, 1)],
 *   kind: ['message', 'message', 'meeting'],
 * };
 * ```
 */
export interface InteractionColumns {
  /** Who initiated each interaction: keys, or ids into `keys`. */
  readonly source: ArrayLike<string | number | null | undefined>;
  /** The other person: keys, or ids into `keys`. */
  readonly target: ArrayLike<string | number | null | undefined>;
  /**
   * When: epoch milliseconds (a `Float64Array` is read fastest), ISO 8601
   * strings or Dates, under the graph's rules (1900–2200; numbers that look
   * like Unix seconds are refused unless `checkUnixSeconds: false`).
   */
  readonly at: ArrayLike<number | string | Date | null | undefined>;
  /**
   * The kind of each interaction: names, or ids into `kindNames`. Absent (or
   * a null cell): the implicit kind, a contact of value 1, as an interaction
   * without `kind` in a graph.
   */
  readonly kind?: ArrayLike<string | number | null | undefined>;
  /** Each interaction's weight, a number in [0, 10¹²]. Absent (or a null cell): 1. */
  readonly weight?: ArrayLike<number | null | undefined>;
  /**
   * The key table, when `source` and `target` hold integer ids: `keys[id]` is
   * the person's key. Keys must be distinct. People in it with no row are in
   * the network too (as nodes without edges are in a graph).
   */
  readonly keys?: readonly string[];
  /**
   * Display names of the people of `keys` (same positions; `null` for none):
   * what the sentences say, as the `name` node attribute in a graph.
   */
  readonly names?: ArrayLike<string | null | undefined>;
  /** The kind table, when `kind` holds integer ids: `kindNames[id]` is the kind's name. */
  readonly kindNames?: readonly string[];
}

/** How {@link InteractionColumns} are read: the graph's read options that apply to a table. */
export interface ColumnReadOptions extends KindOptions {
  /**
   * Refuse numbers in `at` that look like Unix seconds, as the graph path
   * does (see `GraphReadOptions.checkUnixSeconds`). Default `true`.
   */
  checkUnixSeconds?: boolean;
  /**
   * Rows whose source is their target: `'error'` (default) throws, naming
   * the row; `'ignore'` leaves them out after checking them, as a graph
   * leaves out self-loops.
   */
  selfPairs?: 'error' | 'ignore';
}
