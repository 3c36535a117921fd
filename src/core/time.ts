/**
 * Time inputs: dates and durations, parsed once and checked, the same on
 * every machine.
 *
 * - A time is a `Date`, epoch milliseconds (a number) or an ISO 8601 string:
 *   a date `YYYY-MM-DD`, or a date-time `YYYY-MM-DDThh:mm[:ss[.fff…]]` with an
 *   optional offset `Z`, `±hh:mm` or `±hhmm`. Calendar dates are checked
 *   (`2023-02-29` and `2024-02-30` are errors), hours are 00–23, minutes and
 *   seconds 00–59. **A time without an offset is read as UTC**, never in the
 *   machine's local time zone (unlike `Date.parse`). Digits after the
 *   milliseconds are dropped (truncated), as `Date.parse` does.
 * - Every time lies within the years 1900–2200 inclusive
 *   ({@link MIN_TIME_MS} .. {@link MAX_TIME_MS}), so that date arithmetic on it
 *   never yields an Invalid Date.
 * - A duration lies within 0 .. {@link MAX_DURATION_MS} (1000 years).
 * - **A number that looks like Unix seconds is refused**, not read as a date in
 *   early 1970: a number from 100,000,000 to 7,289,654,399.999
 *   ({@link SECONDS_LIKE_MIN} .. {@link SECONDS_LIKE_MAX}) read as seconds is
 *   a time from 1973-03-03 to the end of 2200, and read as milliseconds
 *   (as goodwill reads numbers) a time between 2 January and 26 March 1970 —
 *   almost surely a timestamp in seconds. It is an error that says so and
 *   gives the fix (multiply by 1000, or pass an ISO string). A `Date` or an
 *   ISO string in early 1970 is accepted as written.
 *
 * @module
 */
import { milliseconds } from 'date-fns/milliseconds';
import type { Duration } from 'date-fns';
import { InvalidOptionError, describeValue, optionError, optionIsError } from './errors.js';

/** A point in time: a `Date`, epoch milliseconds, or an ISO 8601 string. */
export type TimeInput = Date | number | string;

/** A length of time: a date-fns `Duration` (`{ days: 90 }`) or milliseconds. */
export type DurationInput = Duration | number;

/** The earliest time goodwill accepts: 1900-01-01T00:00:00.000Z, in epoch ms. */
export const MIN_TIME_MS = -2_208_988_800_000;
/** The latest time goodwill accepts: 2200-12-31T23:59:59.999Z, in epoch ms. */
export const MAX_TIME_MS = 7_289_654_399_999;
/** The longest duration goodwill accepts: 1000 years of 365.2425 days, in ms. */
export const MAX_DURATION_MS = 31_556_952_000_000;

/**
 * The smallest number read as Unix seconds by mistake (see {@link looksLikeUnixSeconds}):
 * 100,000,000, which is 1973-03-03T09:46:40Z in seconds and 1970-01-02T03:46:40Z in ms.
 */
export const SECONDS_LIKE_MIN = 100_000_000;
/**
 * The largest number read as Unix seconds by mistake: {@link MAX_TIME_MS} / 1000,
 * the end of 2200 in seconds (1970-03-26 in ms).
 */
export const SECONDS_LIKE_MAX = 7_289_654_399.999;

/** One day in milliseconds. */
export const DAY_MS = 86_400_000;

const YEARS = 'the years 1900–2200';
/** The forms of a time, for messages. */
export const TIME_FORMS = 'a Date, epoch milliseconds or an ISO 8601 string';
/** What a time must be, for messages: its forms, how a string without an offset reads, and the range. */
export const TIME_RULE = `${TIME_FORMS} (read as UTC without an offset), within ${YEARS}`;
const OUT_OF_RANGE = `outside the supported range, ${YEARS}`;

/** Char codes. */
const ZERO = 48;
const DASH = 45;
const PLUS = 43;
const COLON = 58;
const DOT = 46;
const T = 84;
const Z = 90;

/** The digit at `i` of `s`, or −1. */
function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - ZERO;
  return c >= 0 && c <= 9 ? c : -1;
}

/** Two digits at `i` of `s` as a number, or −1. */
function twoDigits(s: string, i: number): number {
  const a = digit(s, i);
  const b = digit(s, i + 1);
  return a < 0 || b < 0 ? -1 : 10 * a + b;
}

/** Days in `month` (1–12) of `year`, Gregorian. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Days since 1970-01-01 of a Gregorian date (Hinnant's `days_from_civil`):
 * plain arithmetic, no `Date`, no time zone.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/**
 * Parses an ISO 8601 string (see the module comment for the grammar) into
 * epoch milliseconds, or `NaN` when it is not one, names an impossible date
 * or time, or falls outside the years 1900–2200. A hand-written scan over
 * char codes: the reader parses millions of these.
 *
 * @example
 * ```ts
 * parseIsoTime('2024-02-29');                // 1709164800000 (UTC midnight)
 * parseIsoTime('2024-02-29T12:30:00+02:00'); // 1709202600000
 * parseIsoTime('2023-02-29');                // NaN: not a calendar date
 * parseIsoTime('12/31/2023');                // NaN: not ISO 8601
 * ```
 */
export function parseIsoTime(s: string): number {
  const len = s.length;
  if (len < 10 || s.charCodeAt(4) !== DASH || s.charCodeAt(7) !== DASH) return Number.NaN;
  const y0 = twoDigits(s, 0);
  const y1 = twoDigits(s, 2);
  const month = twoDigits(s, 5);
  const day = twoDigits(s, 8);
  if (y0 < 0 || y1 < 0 || month < 1 || month > 12 || day < 1) return Number.NaN;
  const year = 100 * y0 + y1;
  if (day > daysInMonth(year, month)) return Number.NaN;
  let ms = daysFromCivil(year, month, day) * DAY_MS;
  if (len > 10) {
    // Time of day: Thh:mm[:ss[.f…]] then an optional offset.
    if (s.charCodeAt(10) !== T || len < 16 || s.charCodeAt(13) !== COLON) return Number.NaN;
    const hour = twoDigits(s, 11);
    const minute = twoDigits(s, 14);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return Number.NaN;
    ms += hour * 3_600_000 + minute * 60_000;
    let i = 16;
    if (i < len && s.charCodeAt(i) === COLON) {
      const second = twoDigits(s, i + 1);
      if (second < 0 || second > 59) return Number.NaN;
      ms += second * 1000;
      i += 3;
      if (i < len && s.charCodeAt(i) === DOT) {
        i++;
        const first = i;
        let fraction = 0;
        let scale = 100;
        for (let d = digit(s, i); d >= 0; d = digit(s, ++i)) {
          fraction += d * scale; // milliseconds; digits beyond the third are dropped
          scale /= 10;
        }
        if (i === first) return Number.NaN;
        ms += Math.floor(fraction);
      }
    }
    if (i < len) {
      const c = s.charCodeAt(i);
      if (c === Z) {
        i++;
      } else if (c === PLUS || c === DASH) {
        const oh = twoDigits(s, i + 1);
        const colon = s.charCodeAt(i + 3) === COLON ? 1 : 0;
        const om = twoDigits(s, i + 3 + colon);
        if (oh < 0 || oh > 23 || om < 0 || om > 59) return Number.NaN;
        const offset = oh * 3_600_000 + om * 60_000;
        ms += c === PLUS ? -offset : offset;
        i += 5 + colon;
      } else {
        return Number.NaN;
      }
    }
    if (i !== len) return Number.NaN;
  }
  return ms >= MIN_TIME_MS && ms <= MAX_TIME_MS ? ms : Number.NaN;
}

/**
 * Whether the number `n` looks like Unix seconds rather than epoch
 * milliseconds: it lies within {@link SECONDS_LIKE_MIN} .. {@link SECONDS_LIKE_MAX},
 * so that read as seconds it is a time from 1973-03-03 to 2200-12-31, and read
 * as milliseconds a time between 2 January and 26 March 1970. goodwill refuses
 * such numbers as times (in `at` and in every time option): pass `n * 1000`
 * or an ISO string instead.
 *
 * @example
 * ```ts
 * looksLikeUnixSeconds(1714521600);    // true: 2024-05-01 in seconds, 1970-01-20 in ms
 * looksLikeUnixSeconds(1714521600000); // false: 2024-05-01 in ms
 * looksLikeUnixSeconds(86400000);      // false: 1970-01-02 in ms, 1972-09-27 in seconds
 * ```
 */
export function looksLikeUnixSeconds(n: number): boolean {
  return n >= SECONDS_LIKE_MIN && n <= SECONDS_LIKE_MAX;
}

/**
 * Whether the number `ms` is a time goodwill accepts: within the years
 * 1900–2200 and not a number that looks like Unix seconds (see
 * {@link looksLikeUnixSeconds}). The check of every numeric time, in one place.
 *
 * @example
 * ```ts
 * isEpochMs(1714521600000); // true
 * isEpochMs(1714521600);    // false: Unix seconds
 * isEpochMs(1e300);         // false: after 2200
 * ```
 */
export function isEpochMs(ms: number): boolean {
  // Most numbers are recent times in ms, above the seconds-like band: one comparison for them.
  return ms > SECONDS_LIKE_MAX ? ms <= MAX_TIME_MS : ms >= MIN_TIME_MS && ms < SECONDS_LIKE_MIN;
}

/**
 * Reads a time input as epoch milliseconds, or returns `NaN` when it cannot:
 * an ISO 8601 string (see {@link parseIsoTime}; no offset = UTC), a `Date` or
 * a number of epoch milliseconds, within the years 1900–2200. A number that
 * looks like Unix seconds ({@link looksLikeUnixSeconds}) gives `NaN`;
 * {@link describeTimeProblem} says why.
 *
 * @example
 * ```ts
 * timeToMs('2024-06-30');          // 1719705600000, on every machine
 * timeToMs(new Date(1719705600000)); // 1719705600000
 * timeToMs('Tue Mar 05 2024');      // NaN
 * timeToMs(1e300);                  // NaN: outside 1900–2200
 * timeToMs(1714521600);             // NaN: Unix seconds (2024-05-01), not ms
 * ```
 */
export function timeToMs(input: unknown): number {
  if (typeof input === 'number') return isEpochMs(input) ? input : Number.NaN;
  if (typeof input === 'string') return parseIsoTime(input);
  if (input instanceof Date) {
    const ms = input.getTime();
    return ms >= MIN_TIME_MS && ms <= MAX_TIME_MS ? ms : Number.NaN;
  }
  return Number.NaN;
}

/**
 * Why `input` is not a time goodwill accepts, for an error message (called on
 * error only).
 *
 * @example
 * ```ts
 * describeTimeProblem('2024-02-30'); // 'not a calendar date or time of day'
 * describeTimeProblem(1714521600);   // 'it looks like Unix seconds (2024-05-01T00:00:00.000Z), … Multiply by 1000 or pass an ISO string'
 * ```
 */
export function describeTimeProblem(input: unknown): string {
  if (typeof input === 'number' || input instanceof Date) {
    const ms = typeof input === 'number' ? input : input.getTime();
    if (ms !== ms) return input instanceof Date ? 'an Invalid Date' : 'NaN';
    if (typeof input === 'number' && looksLikeUnixSeconds(input))
      return `it looks like Unix seconds (${new Date(input * 1000).toISOString()}), which goodwill would read as milliseconds (${new Date(input).toISOString()}). Multiply by 1000 or pass an ISO string`;
    return `${OUT_OF_RANGE} (epoch ms -2208988800000 .. 7289654399999)`;
  }
  if (typeof input === 'string') {
    const shape = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
    if (!shape.test(input))
      return "not ISO 8601 (use '2024-06-30', '2024-06-30T09:15:00Z' or '2024-06-30T09:15+02:00')";
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(input)!;
    const year = Number(m[1]);
    if (year < 1900 || year > 2200) return OUT_OF_RANGE;
    const month = Number(m[2]);
    if (month < 1 || month > 12 || Number(m[3]) < 1 || Number(m[3]) > daysInMonth(year, month))
      return 'not a calendar date';
    return `not a valid time of day or offset (hours 00–23, minutes and seconds 00–59), or outside ${YEARS}`;
  }
  return `not ${TIME_FORMS}`;
}

/**
 * Parses a required time option (such as `now`) or throws an
 * {@link InvalidOptionError} naming the option and the module.
 *
 * @example
 * ```ts
 * parseTimeOption('2024-06-30', 'now', 'tieStrength'); // 1719705600000
 * parseTimeOption('06/30/2024', 'now', 'tieStrength'); // throws InvalidOptionError, location.field 'now'
 * ```
 */
export function parseTimeOption(input: unknown, field: string, module: string): number {
  if (input === undefined || input === null) {
    throw new InvalidOptionError(
      `${module}: the option \`${field}\` is required. goodwill never reads the clock: pass it, e.g. { ${field}: new Date() } or { ${field}: '2024-06-30' }.`,
      { field },
    );
  }
  const ms = timeToMs(input);
  if (Number.isNaN(ms)) {
    throw new InvalidOptionError(
      `${module}: the option \`${field}\` is ${describeValue(input)}, which is not a valid date: ${describeTimeProblem(input)}. Pass ${TIME_RULE}.`,
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
 * finite number `> 0` (or `>= 0` when `allowZero`) and at most 1000 years
 * ({@link MAX_DURATION_MS}), so that adding it to any accepted time stays a
 * valid date.
 *
 * @example
 * ```ts
 * parseDurationOption({ days: 30 }, 'halfLife', 'tieStrength'); // 2592000000
 * parseDurationOption({ years: 1e6 }, 'halfLife', 'tieStrength'); // throws InvalidOptionError
 * ```
 */
export function parseDurationOption(input: unknown, field: string, module: string, allowZero = false): number {
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
    throw optionIsError(
      module,
      field,
      input,
      'pass a date-fns Duration such as { days: 30 } or a number of milliseconds',
    );
  }
  if (!Number.isFinite(ms) || ms < 0 || (!allowZero && ms === 0) || ms > MAX_DURATION_MS) {
    throw optionError(
      module,
      field,
      `must be a finite duration ${allowZero ? '>= 0' : '> 0'} and at most 1000 years`,
      input,
    );
  }
  return ms;
}

/** A date in ms as a `Date`, or `null` for NaN (no such date): how results give optional dates. */
export const dateOrNull = (ms: number): Date | null => (ms === ms ? new Date(ms) : null);
