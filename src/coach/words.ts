/**
 * The coach's words: durations as a person says them, amounts, and the
 * options every coach function shares.
 *
 * @module
 * @internal
 */
import { readInteger, readNumber as readNumberIn } from '../core/args.js';
import { optionError } from '../core/errors.js';
import { DAY_MS } from '../core/time.js';

const HOUR_MS = 3_600_000;

/** "within an hour", "within 5 hours", "within a day", "within 3 days", "within 2 weeks". */
export function withinText(ms: number): string {
  if (ms < 1.5 * HOUR_MS) return 'within an hour';
  if (ms < 20 * HOUR_MS) return `within ${Math.round(ms / HOUR_MS)} hours`;
  if (ms < 1.5 * DAY_MS) return 'within a day';
  if (ms < 14 * DAY_MS) return `within ${Math.round(ms / DAY_MS)} days`;
  return `within ${Math.round(ms / (7 * DAY_MS))} weeks`;
}

/** "today", "yesterday", "5 days ago". */
export function agoText(ms: number): string {
  const d = Math.floor(ms / DAY_MS);
  return d <= 0 ? 'today' : d === 1 ? 'yesterday' : `${d} days ago`;
}

/** A value (kind values, decayed) rounded for a sentence: "4", "2.5", "0.3". */
export function amountText(x: number): string {
  return String(Math.round(x * 10) / 10);
}

/** A date as its ISO day. */
export const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The option `ignoreKinds`: kind names whose initiatives call for no reply (default `['pitch']`). */
export function readIgnoreKinds(value: unknown, module: string): ReadonlySet<string> {
  if (value === undefined) return new Set(['pitch']);
  if (!Array.isArray(value) || value.some((k) => typeof k !== 'string'))
    throw optionError(module, 'ignoreKinds', 'must be an array of kind names', value);
  return new Set(value as string[]);
}

/** A numeric option in [min, max] with a default; `integer` for a whole number. */
export function readNumber(
  value: unknown,
  field: string,
  module: string,
  fallback: number,
  [min, max]: readonly [number, number],
  integer = false,
): number {
  if (value === undefined) return fallback;
  return (integer ? readInteger : readNumberIn)(module, field, value, min, max);
}
