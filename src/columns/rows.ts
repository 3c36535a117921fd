/**
 * Validating each row of a table of interactions as the graph path validates
 * each interaction (time, weight, kind), with errors that name the row.
 *
 * @module
 * @internal
 */
import { InvalidInteractionError, describeValue, quoteKey } from '../core/errors.js';
import { MAX_WEIGHT, unknownKindAdvice, type KindTable } from '../core/kinds.js';
import {
  MAX_TIME_MS,
  MIN_TIME_MS,
  TIME_FORMS,
  TIME_RULE,
  describeTimeProblem,
  isEpochMs,
  looksLikeUnixSeconds,
  timeToMs,
} from '../core/time.js';
import type { RowPeople } from './keys.js';
import type { InteractionColumns } from './types.js';

/** The valid rows, as columns: endpoints (lower id `a`, −1 for a self-pair left out), side, kind, time, weight. */
export interface Rows {
  /** The dyad's lower id, or −1 for a row left out (a self-pair). */
  readonly a: Int32Array;
  /** The dyad's upper id. */
  readonly b: Int32Array;
  /** 0 when `a` initiated, 1 when `b` did. */
  readonly dir: Uint8Array;
  /** Kind id, or −1 for a row whose unknown kind is ignored (`unknownKind: 'ignore'`). */
  readonly kind: Int32Array;
  /** Epoch ms. */
  readonly time: Float64Array;
  /** Weights, or `null` when every row kept weighs 1. */
  readonly weight: Float64Array | null;
  /** Valid rows left out as self-pairs (`selfPairs: 'ignore'`). */
  readonly selfLoopEvents: number;
}

/** What a row's error says about where it is: `row 12 ("ann" -> "bob")`. */
function rowName(module: string, row: number, people: RowPeople): string {
  return `${module}: row ${row} (${quoteKey(people.keys[people.s[row]!]!)} -> ${quoteKey(people.keys[people.t[row]!]!)})`;
}

function rowError(module: string, row: number, people: RowPeople, field: string, text: string) {
  return new InvalidInteractionError(`${rowName(module, row, people)} ${text}`, {
    source: people.keys[people.s[row]!]!,
    target: people.keys[people.t[row]!]!,
    row,
    field,
  });
}

/** Reads every row's time, weight and kind (in row order: the first invalid row is the one reported). */
export function readRows(
  columns: InteractionColumns,
  m: number,
  people: RowPeople,
  kinds: KindTable,
  checkSeconds: boolean,
  selfPairs: 'error' | 'ignore',
  module: string,
): Rows {
  const { at, kind: kindColumn, weight: weightColumn, kindNames } = columns;
  const a = new Int32Array(m);
  const b = new Int32Array(m);
  const dir = new Uint8Array(m);
  const kind = new Int32Array(m);
  const time = new Float64Array(m);
  let weight: Float64Array | null = null;
  let selfLoopEvents = 0;
  const { s, t } = people;
  const byName = kinds.byName;
  // Kind ids resolved per dictionary entry once (−2: not yet).
  const dictionary = kindNames === undefined ? null : new Int32Array(kindNames.length).fill(-2);
  for (let row = 0; row < m; row++) {
    const rawAt = at[row];
    // As in the graph path: `+ 0` turns −0 into 0, so that equal content gives equal bytes.
    const ms =
      typeof rawAt === 'number'
        ? (checkSeconds ? isEpochMs(rawAt) : rawAt >= MIN_TIME_MS && rawAt <= MAX_TIME_MS)
          ? rawAt + 0
          : Number.NaN
        : timeToMs(rawAt);
    if (ms !== ms)
      throw rowError(
        module,
        row,
        people,
        'at',
        rawAt === undefined || rawAt === null
          ? `has no \`at\` (${describeValue(rawAt)}). Give each row its date: ${TIME_FORMS}.`
          : `has \`at\` = ${describeValue(rawAt)}, which is not a valid date: ${describeTimeProblem(rawAt)}. Use ${TIME_RULE}${typeof rawAt === 'number' && looksLikeUnixSeconds(rawAt) ? ' (if your times really are milliseconds near 1970, pass the option checkUnixSeconds: false)' : ''}.`,
      );
    let w = 1;
    const rawWeight = weightColumn?.[row];
    if (rawWeight !== undefined && rawWeight !== null) {
      if (typeof rawWeight !== 'number' || !(rawWeight >= 0 && rawWeight <= MAX_WEIGHT))
        throw rowError(
          module,
          row,
          people,
          'weight',
          `has \`weight\` = ${describeValue(rawWeight)}; a weight must be a finite number >= 0 and at most 1e12 (or null, meaning 1).`,
        );
      w = rawWeight + 0;
    }
    let k = 0;
    const rawKind: unknown = kindColumn?.[row];
    if (dictionary !== null && typeof rawKind === 'number') {
      const id = rawKind;
      if (!Number.isInteger(id) || id < 0 || id >= dictionary.length)
        throw rowError(
          module,
          row,
          people,
          'kind',
          `has kind id ${describeValue(id)}, which is not in \`kindNames\` (ids 0 to ${dictionary.length - 1}).`,
        );
      if (dictionary[id] === -2) dictionary[id] = resolveKind(kindNames![id], kinds);
      k = dictionary[id]!;
      if (k === -3) throw rowError(module, row, people, 'kind', unknownText(kindNames![id], byName));
    } else if (rawKind !== undefined && rawKind !== null) {
      k = resolveKind(rawKind, kinds);
      if (k === -3) throw rowError(module, row, people, 'kind', unknownText(rawKind, byName));
    }
    const x = s[row]!;
    const y = t[row]!;
    if (x === y) {
      if (selfPairs === 'error')
        throw rowError(
          module,
          row,
          people,
          'target',
          `has the same person as source and target; goodwill measures relationships between two people. Remove such rows, or pass selfPairs: 'ignore' to leave them out (as a graph leaves out self-loops).`,
        );
      a[row] = -1;
      if (k >= 0) selfLoopEvents++;
      continue;
    }
    a[row] = x < y ? x : y;
    b[row] = x < y ? y : x;
    dir[row] = x < y ? 0 : 1;
    kind[row] = k;
    time[row] = ms;
    if (w !== 1 && k >= 0) (weight ??= new Float64Array(m).fill(1))[row] = w;
  }
  return { a, b, dir, kind, time, weight, selfLoopEvents };
}

/** The kind id of a name, −1 for an unknown kind ignored, −3 for one refused. */
function resolveKind(rawKind: unknown, kinds: KindTable): number {
  const resolved = typeof rawKind === 'string' ? kinds.byName.get(rawKind) : undefined;
  if (resolved !== undefined) return resolved.id;
  if (typeof rawKind !== 'string' || kinds.unknown === 'error') return -3;
  return kinds.unknown === 'ignore' ? -1 : 0;
}

function unknownText(rawKind: unknown, byName: KindTable['byName']): string {
  return `has \`kind\` = ${describeValue(rawKind)}, which the kind catalogue does not define. ${unknownKindAdvice(rawKind, byName)}`;
}
