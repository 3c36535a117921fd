/**
 * Readers of options and arguments: one check and one wording for each kind
 * of value an option can hold. Each takes the module (the public function's
 * name), the option's name and the value, returns the value when it keeps the
 * rule, and otherwise throws the {@link InvalidOptionError} that
 * {@link optionError} words: "`module`: the option \``field`\` `rule`; got
 * `value`.", with `location.field` naming the option.
 *
 * Defaults stay with the caller (`options.limit ?? 5`), so that each call site
 * keeps its own reading of `null`. The readers are separate small functions
 * so that a bundler keeps only those an entry uses.
 *
 * @module
 * @internal
 */
import { describeValue, InvalidOptionError, optionError } from './errors.js';
import { suggestKind } from './kinds.js';

/**
 * Whether `value` is an object that is not an array: what an options bag or
 * an option holding named fields (`thresholds`, `weights`) must be.
 *
 * @example
 * ```ts
 * isRecord({ now: 1 }); // true
 * isRecord([]);         // false
 * isRecord(null);       // false
 * ```
 * @internal
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The error for options that are not an object, in the one wording every
 * function uses: "`module`: the options must be an object such as
 * `example`; got `value`." (`location.field` is `'options'`).
 *
 * @param example - a short literal of the options, such as `{ now: '2024-06-30' }`; left out, the message names none.
 * @example
 * ```ts
 * optionsError('tieStrength', undefined, "{ now: '2024-06-30' }").message;
 * // "tieStrength: the options must be an object such as { now: '2024-06-30' }; got undefined."
 * ```
 * @internal
 */
export function optionsError(module: string, options: unknown, example?: string): InvalidOptionError {
  return new InvalidOptionError(
    `${module}: the options must be an object${example ? ` such as ${example}` : ''}; got ${describeValue(options)}.`,
    { field: 'options' },
  );
}

/**
 * The options, checked to be an object that is not an array (see
 * {@link optionsError} for the error). Pass `options ?? {}` where the options
 * may be left out.
 *
 * @example
 * ```ts
 * readOptionsObject('tieStrength', { now: 1 }); // { now: 1 }
 * readOptionsObject('tieStrength', null);       // throws InvalidOptionError, field 'options'
 * ```
 * @internal
 */
export function readOptionsObject<T>(module: string, options: T, example?: string): T & object {
  if (!isRecord(options)) throw optionsError(module, options, example);
  return options;
}

/**
 * An option that holds named fields: an object that is not an array, else
 * "must be an object such as `example`".
 *
 * @example
 * ```ts
 * readObject('egoHealth', 'thresholds', { dormantGapFactor: 6 }, '{ dormantGapFactor: 6 }'); // the object
 * readObject('egoHealth', 'thresholds', 6, '{ dormantGapFactor: 6 }');
 * // throws: "egoHealth: the option `thresholds` must be an object such as { dormantGapFactor: 6 }; got 6."
 * ```
 * @internal
 */
export function readObject(module: string, field: string, value: unknown, example?: string): Record<string, unknown> {
  if (!isRecord(value))
    throw optionError(module, field, `must be an object${example ? ` such as ${example}` : ''}`, value);
  return value;
}

/**
 * A number from `min` to `max`. `ends` says whether each end is included,
 * as in interval notation: `'[]'` (the default) both, `'(]'` all but `min`,
 * `'[)'` all but `max`, `'()'` neither. NaN never passes. Else "must be a
 * number in [`min`, `max`]" (with the ends as given); with `max` Infinity,
 * "must be a finite number >= `min`" (or `> min`), and Infinity fails.
 *
 * @example
 * ```ts
 * readNumber('egoHealth', 'strongTie', 0.4, 0, 1, '(]'); // 0.4
 * readNumber('egoHealth', 'strongTie', 0, 0, 1, '(]');
 * // throws: "egoHealth: the option `strongTie` must be a number in (0, 1]; got 0."
 * ```
 * @internal
 */
export function readNumber(
  module: string,
  field: string,
  value: unknown,
  min: number,
  max: number,
  ends: '[]' | '(]' | '[)' | '()' = '[]',
): number {
  const aboveMin = ends[0] === '[';
  const belowMax = ends[1] === ']' && max !== Infinity;
  if (
    typeof value !== 'number' ||
    !(aboveMin ? value >= min : value > min) ||
    !(belowMax ? value <= max : value < max)
  ) {
    const rule =
      max === Infinity
        ? `must be a finite number ${aboveMin ? '>=' : '>'} ${min}`
        : `must be a number in ${ends[0]}${min}, ${max}${ends[1]}`;
    throw optionError(module, field, rule, value);
  }
  return value;
}

/**
 * An integer from `min` to `max`, both included. Else "must be an integer
 * from `min` to `max`", or with `max` Infinity (the default) "must be an
 * integer >= `min`" — `readInteger(module, field, value, 1)` is a positive
 * integer.
 *
 * @example
 * ```ts
 * readInteger('egoSvg', 'maxTies', 12, 1); // 12
 * readInteger('egoSvg', 'maxTies', 1.5, 1);
 * // throws: "egoSvg: the option `maxTies` must be an integer >= 1; got 1.5."
 * ```
 * @internal
 */
export function readInteger(module: string, field: string, value: unknown, min: number, max = Infinity): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const rule = max === Infinity ? `must be an integer >= ${min}` : `must be an integer from ${min} to ${max}`;
    throw optionError(module, field, rule, value);
  }
  return value;
}

/**
 * `true` or `false`. Else "must be true or false".
 *
 * @example
 * ```ts
 * readBoolean('fromColumns', 'checkUnixSeconds', false); // false
 * readBoolean('fromColumns', 'checkUnixSeconds', 'no');
 * // throws: 'fromColumns: the option `checkUnixSeconds` must be true or false; got "no".'
 * ```
 * @internal
 */
export function readBoolean(module: string, field: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw optionError(module, field, 'must be true or false', value);
  return value;
}

/**
 * A string, or with `nonEmpty` a string other than `''`. Else "must be a
 * string" or "must be a non-empty string".
 *
 * @example
 * ```ts
 * readString('egoSvg', 'title', 'Ann'); // 'Ann'
 * readString('parseEdgeList', 'delimiter', '', true);
 * // throws: 'parseEdgeList: the option `delimiter` must be a non-empty string; got "".'
 * ```
 * @internal
 */
export function readString(module: string, field: string, value: unknown, nonEmpty = false): string {
  if (typeof value !== 'string' || (nonEmpty && value === ''))
    throw optionError(module, field, `must be a ${nonEmpty ? 'non-empty ' : ''}string`, value);
  return value;
}

/**
 * A function, or `undefined` (the option left out). Else "must be a function
 * `shape`", where `shape` shows its parameters and result.
 *
 * @example
 * ```ts
 * readFunction('parseEdgeList', 'mapKey', undefined, '(key) => string'); // undefined
 * readFunction('parseEdgeList', 'mapKey', 'lower', '(key) => string');
 * // throws: 'parseEdgeList: the option `mapKey` must be a function (key) => string; got "lower".'
 * ```
 * @internal
 */
export function readFunction<F extends (...args: never[]) => unknown>(
  module: string,
  field: string,
  value: unknown,
  shape: string,
): F | undefined {
  if (value !== undefined && typeof value !== 'function')
    throw optionError(module, field, `must be a function ${shape}`, value);
  return value as F | undefined;
}

/**
 * One of the strings of `list` (two or more). Else "must be 'a', 'b' or 'c'", and for a
 * string close to one of them (a typo or another case, as
 * {@link suggestKind} finds), "(did you mean 'b'?)".
 *
 * @example
 * ```ts
 * readOneOf('parseEdgeList', 'format', 'csv', ['snap', 'konect', 'csv']); // 'csv'
 * readOneOf('parseEdgeList', 'format', 'CSV', ['snap', 'konect', 'csv']);
 * // throws: "parseEdgeList: the option `format` must be 'snap', 'konect' or 'csv' (did you mean 'csv'?); got \"CSV\"."
 * ```
 * @internal
 */
export function readOneOf<T extends string>(module: string, field: string, value: unknown, list: readonly T[]): T {
  if (!list.includes(value as T)) {
    const near = typeof value === 'string' ? suggestKind(value, list) : undefined;
    const quoted = list.map((name) => `'${name}'`);
    const rule = `must be ${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}${near ? ` (did you mean '${near}'?)` : ''}`;
    throw optionError(module, field, rule, value);
  }
  return value as T;
}
