/**
 * People of a table: the key table (given, or gathered from string columns),
 * numbered in code-unit order of the keys as the graph path numbers nodes, and
 * each row's source and target as those numbers.
 *
 * @module
 * @internal
 */
import { InvalidInteractionError, InvalidOptionError, describeValue } from '../core/errors.js';
import { compareKeys } from '../core/graph.js';
import type { InteractionColumns } from './types.js';

/** The people of a table and each row's endpoints as their ids (code-unit order of keys). */
export interface RowPeople {
  /** Keys by id, sorted. */
  readonly keys: string[];
  /** Source id of each row. */
  readonly s: Int32Array;
  /** Target id of each row. */
  readonly t: Int32Array;
  /** Position (id) in `keys` of each entry of the given key table, or `null` when keys came from the rows. */
  readonly tableRank: Int32Array | null;
}

/** The error for a row's `field` ('source' or 'target') that names no person. */
function badPerson(module: string, row: number, field: string, value: unknown, fix: string): InvalidInteractionError {
  return new InvalidInteractionError(`${module}: row ${row} has ${field} = ${describeValue(value)}; ${fix}.`, {
    row,
    field,
  });
}

/**
 * Reads the people of `columns` (`m` rows): with `keys`, every source and
 * target must be an integer id into it; without, a string key.
 */
export function readPeople(columns: InteractionColumns, m: number, module: string): RowPeople {
  const { source, target, keys } = columns;
  const s = new Int32Array(m);
  const t = new Int32Array(m);
  if (keys !== undefined) {
    if (!Array.isArray(keys))
      throw new InvalidOptionError(`${module}: \`keys\` is ${describeValue(keys)}; pass an array of strings.`, {
        field: 'keys',
      });
    const seen = new Set<string>();
    for (let id = 0; id < keys.length; id++) {
      const key = keys[id] as unknown;
      if (typeof key !== 'string' || seen.has(key))
        throw new InvalidOptionError(
          `${module}: keys[${id}] is ${describeValue(key)}; the key table holds distinct strings.`,
          { field: 'keys' },
        );
      seen.add(key);
    }
    const byKey = keys.map((_, id) => id).sort((x, y) => compareKeys(keys[x]!, keys[y]!));
    const rank = new Int32Array(keys.length);
    byKey.forEach((id, r) => (rank[id] = r));
    const n = keys.length;
    const fix = `with a key table, each source and target is an integer id from 0 to ${n - 1}`;
    for (let row = 0; row < m; row++) {
      const x = source[row];
      const y = target[row];
      if (typeof x !== 'number' || !Number.isInteger(x) || x < 0 || x >= n)
        throw badPerson(module, row, 'source', x, fix);
      if (typeof y !== 'number' || !Number.isInteger(y) || y < 0 || y >= n)
        throw badPerson(module, row, 'target', y, fix);
      s[row] = rank[x]!;
      t[row] = rank[y]!;
    }
    return { keys: byKey.map((id) => keys[id]!), s, t, tableRank: rank };
  }
  // Keys from the rows: provisional ids in order of first sight, then renumbered in key order.
  const idOf = new Map<string, number>();
  const fix =
    'without a key table (`keys`), each source and target is a person key, a non-empty string; for integer ids, pass the key table as `keys`';
  const read = (value: unknown, row: number, field: string): number => {
    if (typeof value !== 'string') throw badPerson(module, row, field, value, fix);
    let id = idOf.get(value);
    if (id === undefined) idOf.set(value, (id = idOf.size));
    return id;
  };
  for (let row = 0; row < m; row++) {
    s[row] = read(source[row], row, 'source');
    t[row] = read(target[row], row, 'target');
  }
  const seen = [...idOf.keys()];
  const order = seen.map((_, id) => id).sort((x, y) => compareKeys(seen[x]!, seen[y]!));
  const rank = new Int32Array(seen.length);
  order.forEach((id, r) => (rank[id] = r));
  for (let row = 0; row < m; row++) {
    s[row] = rank[s[row]!]!;
    t[row] = rank[t[row]!]!;
  }
  return { keys: order.map((id) => seen[id]!), s, t, tableRank: null };
}
