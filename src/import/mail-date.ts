/**
 * The e-mail Date header (RFC 5322 §3.3, with the obsolete forms of §4.3),
 * read in one pass: comments dropped, then whitespace-separated tokens, each
 * matched alone. No pattern runs over the whole value, so the time is linear
 * in its length whatever the input (a pattern with optional whitespace on
 * both sides of an optional part backtracks quadratically on a long run of
 * spaces).
 *
 * @module
 * @internal
 */
import { parseIsoTime } from '../core/time.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The obsolete zone names of RFC 5322 §4.3, in hours from UTC. */
const ZONES: Record<string, number> = {
  ut: 0,
  gmt: 0,
  est: -5,
  edt: -4,
  cst: -6,
  cdt: -5,
  mst: -7,
  mdt: -6,
  pst: -8,
  pdt: -7,
};

/** Whether the character code is white space (RFC 5322 FWS, with CR and LF of folded lines). */
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * The value's tokens: words separated by white space, a comment
 * (`(…)`, nested, with `\` quoting a character: RFC 5322 §3.2.2) or a comma
 * (after the day name), each comma kept as a token of its own. Linear.
 */
export function dateTokens(value: string): string[] {
  const tokens: string[] = [];
  let word = '';
  let depth = 0;
  const end = () => {
    if (word !== '') tokens.push(word);
    word = '';
  };
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (depth > 0) {
      if (c === 92) i++;
      else if (c === 40) depth++;
      else if (c === 41) depth--;
    } else if (c === 40) {
      end();
      depth = 1;
    } else if (c === 44) {
      end();
      tokens.push(',');
    } else if (isSpace(c)) end();
    else word += value[i];
  }
  end();
  return tokens;
}

/** The zone token as an ISO 8601 offset, or null when it is not one. */
function zoneOffset(zone: string | undefined): string | null {
  if (zone === undefined) return '+00:00';
  if (/^[+-]\d{4}$/.test(zone)) return `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const lower = zone.toLowerCase();
  const hours = Object.prototype.hasOwnProperty.call(ZONES, lower) ? ZONES[lower] : undefined;
  if (hours !== undefined) return `${hours < 0 ? '-' : '+'}${String(Math.abs(hours)).padStart(2, '0')}:00`;
  // The military letters (one letter): RFC 5322 §4.3 says to read them as unknown, i.e. UTC.
  return /^[a-z]$/i.test(zone) ? '+00:00' : null;
}

/**
 * An RFC 5322 §3.3 date-time (`Tue, 5 Mar 2024 09:15:00 +0100`, with the
 * obsolete forms of §4.3: two-digit years, zone names, a missing zone) as
 * epoch ms, checked by goodwill's own parser: `31 Feb` is unreadable, never
 * 2 March. A missing zone, `-0000` and the military letters (which §4.3 says
 * to read as unknown) are UTC, so the answer never depends on the machine's
 * time zone (JavaScript's `Date` would read them as local time). NaN when
 * the text is not one.
 */
export function rfc5322Time(value: string): number {
  const t = dateTokens(value);
  // An optional day name and its comma.
  if (t.length > 1 && t[1] === ',' && /^[a-z]{3}$/i.test(t[0]!)) t.splice(0, 2);
  if (t.length < 4 || t.length > 5) return Number.NaN;
  const [day, monthName, yearText, clock, zone] = t as [string, string, string, string, string | undefined];
  if (!/^\d{1,2}$/.test(day) || !/^\d{2,4}$/.test(yearText) || !/^[a-z]{3,}$/i.test(monthName)) return Number.NaN;
  const month = MONTHS.indexOf(monthName.slice(0, 3).toLowerCase()) + 1;
  const time = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(clock);
  const offset = zoneOffset(zone);
  if (month === 0 || time === null || offset === null) return Number.NaN;
  // Two digits: 00–49 are 2000–2049, 50–99 are 1950–1999; three: 1900 + (RFC 5322 §4.3).
  let year = Number(yearText);
  if (yearText.length === 2) year += year < 50 ? 2000 : 1900;
  else if (yearText.length === 3) year += 1900;
  const two = (x: string | number) => String(x).padStart(2, '0');
  return parseIsoTime(`${year}-${two(month)}-${two(day)}T${two(time[1]!)}:${time[2]}:${time[3] ?? '00'}${offset}`);
}
