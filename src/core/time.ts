/**
 * Time inputs: dates and durations, parsed once and checked.
 *
 * @module
 */
import { milliseconds, type Duration } from 'date-fns';
import { InvalidOptionError, describeValue } from './errors.js';

/** A point in time: a `Date`, epoch milliseconds, or an ISO 8601 string. */
export type TimeInput = Date | number | string;

/** A length of time: a date-fns `Duration` (`{ days: 90 }`) or milliseconds. */
export type DurationInput = Duration | number;

/**
 * Reads a time input as epoch milliseconds, or returns `NaN` when it cannot.
 * Strings must be ISO 8601-like (what `Date.parse` accepts); numbers are epoch ms.
 */
export function timeToMs(input: unknown): number {
  if (typeof input === 'number') return Number.isFinite(input) ? input : Number.NaN;
  if (input instanceof Date) return input.getTime();
  if (typeof input === 'string') {
    if (input.trim() === '') return Number.NaN;
    return Date.parse(input);
  }
  return Number.NaN;
}

/**
 * Parses a required time option (such as `now`) or throws an
 * {@link InvalidOptionError} naming the option and the module.
 */
export function parseTimeOption(input: unknown, field: string, module: string): number {
  if (input === undefined || input === null) {
    throw new InvalidOptionError(
      `${module}: the option \`${field}\` is required. goodwill never reads the clock: pass the date explicitly, e.g. { ${field}: new Date() } or { ${field}: '2024-06-30' }.`,
      { field },
    );
  }
  const ms = timeToMs(input);
  if (Number.isNaN(ms)) {
    throw new InvalidOptionError(
      `${module}: the option \`${field}\` is ${describeValue(input)}, which is not a valid date. Pass a Date, epoch milliseconds or an ISO 8601 string.`,
      { field },
    );
  }
  return ms;
}

/** Fields of a date-fns Duration, in the order date-fns lists them. */
const DURATION_FIELDS = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds'] as const;

/**
 * Converts a duration option to milliseconds (years = 365.2425 days and
 * months = 30.436875 days, as date-fns `milliseconds`), checking that it is a
 * finite number `> 0` (or `>= 0` when `allowZero`).
 */
export function parseDurationOption(
  input: unknown,
  field: string,
  module: string,
  allowZero = false,
): number {
  let ms: number;
  if (typeof input === 'number') {
    ms = input;
  } else if (input !== null && typeof input === 'object' && !Array.isArray(input) && !(input instanceof Date)) {
    const record = input as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const value = record[key];
      if (!(DURATION_FIELDS as readonly string[]).includes(key)) {
        throw new InvalidOptionError(
          `${module}: the option \`${field}\` has an unknown duration field \`${key}\`. Use ${DURATION_FIELDS.join(', ')} (a date-fns Duration) or a number of milliseconds.`,
          { field },
        );
      }
      if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value))) {
        throw new InvalidOptionError(
          `${module}: the option \`${field}.${key}\` is ${describeValue(value)}; it must be a finite number.`,
          { field },
        );
      }
    }
    ms = milliseconds(record as Duration);
  } else {
    throw new InvalidOptionError(
      `${module}: the option \`${field}\` is ${describeValue(input)}; pass a date-fns Duration such as { days: 30 } or a number of milliseconds.`,
      { field },
    );
  }
  if (!Number.isFinite(ms) || ms < 0 || (!allowZero && ms === 0)) {
    throw new InvalidOptionError(
      `${module}: the option \`${field}\` must be a finite duration ${allowZero ? '>= 0' : '> 0'}; got ${describeValue(input)}.`,
      { field },
    );
  }
  return ms;
}

/** One day in milliseconds. */
export const DAY_MS = 86_400_000;
