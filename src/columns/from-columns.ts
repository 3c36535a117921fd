/**
 * `fromColumns`: a prepared network from a table of interactions, without a
 * graph.
 *
 * @module
 */
import { MultiDirectedGraph } from 'graphology';
import { readBoolean, readOneOf, readOptionsObject } from '../core/args.js';
import { InvalidOptionError, describeValue, optionIsError } from '../core/errors.js';
import { resolveKinds } from '../core/kinds.js';
import { preparedFromColumns, type PreparedNetwork } from '../core/prepared.js';
import { indexFromRows } from './build.js';
import { readPeople } from './keys.js';
import { readRows } from './rows.js';
import type { ColumnReadOptions, InteractionColumns } from './types.js';

/** Whether `value` is an array or a typed array (a column). */
function isColumn(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

/** The number of rows, after checking that every column is one and all are as long. */
function rowCount(columns: InteractionColumns, module: string): number {
  if (columns === null || typeof columns !== 'object')
    throw new InvalidOptionError(
      `${module}: expected columns { source, target, at, kind?, weight? }, got ${describeValue(columns)}.`,
      { field: 'columns' },
    );
  const m = (columns.source as ArrayLike<unknown> | undefined)?.length;
  for (const name of ['source', 'target', 'at', 'kind', 'weight'] as const) {
    const column = columns[name] as unknown;
    if (column === undefined && (name === 'kind' || name === 'weight')) continue;
    if (!isColumn(column))
      throw new InvalidOptionError(
        `${module}: the column \`${name}\` is ${describeValue(column)}; pass an array or a typed array${name === 'kind' || name === 'weight' ? ' (or leave it out)' : ''}.`,
        { field: name },
      );
    if (column.length !== m)
      throw new InvalidOptionError(
        `${module}: the column \`${name}\` has ${column.length} rows and \`source\` ${m}; every column has one entry per row.`,
        { field: name },
      );
  }
  return m!;
}

/**
 * Reads a table of interactions — one row per interaction, as columns — into
 * a network prepared for the whole-network functions (`tieStrengths`,
 * `classifyStages`, `networkHealth`, `networkReciprocity`, `calibrateContact`…),
 * without building a graph: every answer is the one the graph holding those
 * rows would give (an edge source→target per row's pair, the row's `at`,
 * `kind` and `weight` as an interaction), byte for byte. Each row is validated
 * as an interaction in a graph is; an invalid row throws a typed error that
 * names it (`location.row`, 0-based).
 *
 * The network has no graph: the `.assign` writers and the introduction finder
 * refuse it; `network.graph` holds only the people given `names`.
 *
 * @see [At scale](../../docs/guides/scale.md), the guide.
 *
 * @example
 * ```ts
 * import { tieStrengths } from 'goodwill';
 * import { fromColumns } from 'goodwill/columns';
 *
 * const network = fromColumns({
 *   source: ['ann', 'bob', 'ann'],
 *   target: ['bob', 'ann', 'cy'],
 *   at: ['2024-05-02', '2024-05-03', '2024-06-01'],
 *   kind: ['message', 'message', 'meeting'],
 * });
 * tieStrengths(network, { now: '2024-06-30' }).length; // 2
 * ```
 */
export function fromColumns(columns: InteractionColumns, options: ColumnReadOptions = {}): PreparedNetwork {
  const module = 'fromColumns';
  readOptionsObject(module, options);
  const m = rowCount(columns, module);
  const kinds = resolveKinds(options, module);
  const checkSeconds = readBoolean(module, 'checkUnixSeconds', options.checkUnixSeconds ?? true);
  const selfPairs = readOneOf(module, 'selfPairs', options.selfPairs ?? 'error', ['error', 'ignore']);
  if (columns.kindNames !== undefined && !Array.isArray(columns.kindNames))
    throw optionIsError(module, 'kindNames', columns.kindNames, 'pass an array of kind names');
  const people = readPeople(columns, m, module);
  const rows = readRows(columns, m, people, kinds, checkSeconds, selfPairs, module);
  const index = indexFromRows(people.keys, rows, kinds);
  return preparedFromColumns(namesGraph(columns, people.keys, people.tableRank, module), index);
}

/** The stand-in graph: the people given a name, with it (what the sentences read), and no edge. */
function namesGraph(
  columns: InteractionColumns,
  keys: readonly string[],
  tableRank: Int32Array | null,
  module: string,
): MultiDirectedGraph {
  const graph = new MultiDirectedGraph();
  const names = columns.names;
  if (names === undefined) return graph;
  if (tableRank === null || !isColumn(names) || names.length !== tableRank.length)
    throw new InvalidOptionError(
      `${module}: \`names\` gives the names of the people of \`keys\`, one per key; pass it with a key table of the same length.`,
      { field: 'names' },
    );
  for (let id = 0; id < names.length; id++) {
    const name = names[id];
    if (name !== null && name !== undefined) graph.addNode(keys[tableRank[id]!]!, { name });
  }
  return graph;
}
