/**
 * Bounded expansion of recurring events with ical.js: a budget of search
 * steps, a stop once the search has passed `now`, and the checks ical.js
 * leaves out (RFC 5545 §3.3.10: INTERVAL is a positive integer; a rule that
 * names a date that does not exist, such as 30 February, skips it).
 *
 * @module
 * @internal
 */
import type ICAL from 'ical.js';

type Time = InstanceType<typeof ICAL.Time>;
type Expansion = ReturnType<InstanceType<typeof ICAL.Event>['iterator']>;
type Recur = InstanceType<typeof ICAL.Recur>;

/** Thrown out of `iterator.next()` when a series has used its budget of search steps. */
export class SearchBudgetExceeded {
  constructor(readonly steps: number) {}
}

/** The search steps left, shared by every series of a file. */
export interface StepBudget {
  /** Steps left for the file. */
  total: number;
}

/** A calendar date as a number (2024-02-29 → 20240229), to compare cheaply at every step. */
function dayNumber(year: number, month: number, day: number): number {
  return year * 10_000 + month * 100 + day;
}

/**
 * Bounds ical.js's search for the next occurrence: ical.js tries candidate
 * dates one by one (every second for FREQ=SECONDLY) until one passes the
 * rule's filters, forever for a rule that no date passes
 * (`FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30`). Each candidate is counted against
 * `perSeries` and the file's budget (over either, a
 * {@link SearchBudgetExceeded} is thrown out of `iterator.next()`); once a
 * rule's candidates are past `now` (two days of margin for any zone offset)
 * the rule is ended: its candidate then is returned as a last occurrence,
 * after `now`, which the caller drops. Returns the count of steps so far.
 */
export function boundSearch(expansion: Expansion, now: number, perSeries: number, budget: StepBudget): () => number {
  const end = new Date(now + 2 * 86_400_000);
  const last = dayNumber(end.getUTCFullYear(), end.getUTCMonth() + 1, end.getUTCDate());
  let steps = 0;
  const iterators = (expansion as unknown as { ruleIterators?: unknown[] }).ruleIterators ?? [];
  for (const iterator of iterators as RuleIterator[]) {
    const check = iterator.check_contracting_rules;
    iterator.check_contracting_rules = function (this: RuleIterator): boolean {
      if (++steps > perSeries || --budget.total < 0) throw new SearchBudgetExceeded(steps);
      const t = this.last;
      if (dayNumber(t.year, t.month, t.day) <= last) return check.call(this);
      this.completed = true;
      return true;
    };
  }
  return () => steps;
}

/** What {@link boundSearch} uses of ical.js's rule iterator. */
interface RuleIterator {
  check_contracting_rules: () => boolean;
  last: Time;
  completed: boolean;
}

/** The rules of a recurring event. */
export function rulesOf(component: InstanceType<typeof ICAL.Component>): Recur[] {
  return component.getAllProperties('rrule').map((p) => p.getFirstValue() as Recur);
}

/**
 * The problem with an RRULE line as written, or null. ical.js reads
 * `INTERVAL=0` (or a negative or non-numeric interval) as 1; RFC 5545
 * §3.3.10 allows only a positive integer, so the series is not guessed at.
 * `text` is the VEVENT's text; folded lines are unfolded first (§3.1).
 */
export function ruleTextProblem(text: string): string | null {
  const unfolded = text.replace(/\r?\n[ \t]/g, '');
  for (const line of unfolded.split(/\r?\n/)) {
    if (line.length < 6 || line.slice(0, 5).toUpperCase() !== 'RRULE' || (line[5] !== ':' && line[5] !== ';')) continue;
    const value = line.slice(line.indexOf(':') + 1);
    for (const part of value.split(';')) {
      const eq = part.indexOf('=');
      if (part.slice(0, eq).toUpperCase() !== 'INTERVAL') continue;
      const interval = part.slice(eq + 1);
      if (!/^\d{1,9}$/.test(interval) || Number(interval) === 0)
        return `RRULE with INTERVAL=${interval.slice(0, 20)} (RFC 5545 §3.3.10: a positive integer)`;
    }
  }
  return null;
}

/** The most days each month can have (February in a leap year). */
const MAX_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether a rule names no date that exists in any year: every BYMONTHDAY
 * beyond the length of every BYMONTH (`BYMONTH=2;BYMONTHDAY=30`,
 * `BYMONTH=4,6;BYMONTHDAY=31`). ical.js would search such a rule date by
 * date until a budget stops it; it is known without searching.
 */
export function namesNoDate(rule: Recur): boolean {
  const parts = (rule as unknown as { parts: Record<string, number[] | undefined> }).parts;
  const days = parts['BYMONTHDAY'];
  if (days === undefined || days.length === 0) return false;
  const months = parts['BYMONTH'] ?? [];
  for (const month of months.length > 0 ? months : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) {
    const most = MAX_DAYS[month - 1];
    if (most !== undefined && days.some((d) => d !== 0 && Math.abs(d) <= most)) return false;
  }
  return true;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Whether an occurrence lies on a date its rule names. ical.js rolls a date
 * that does not exist over (BYMONTHDAY=30 in February → 1 or 2 March); RFC
 * 5545 §3.3.10 says such a date is ignored. An occurrence from any rule that
 * has no BYMONTH / BYMONTHDAY, from RDATE or the DTSTART itself, is kept.
 */
export function onRuleDate(time: Time, rules: readonly Recur[]): boolean {
  if (rules.length === 0) return true;
  for (const rule of rules) {
    const parts = (rule as unknown as { parts: Record<string, number[] | undefined> }).parts;
    const months = parts['BYMONTH'];
    const days = parts['BYMONTHDAY'];
    if (months !== undefined && months.length > 0 && !months.includes(time.month)) continue;
    if (days !== undefined && days.length > 0) {
      const length = daysInMonth(time.year, time.month);
      if (!days.some((d) => (d > 0 ? d : length + d + 1) === time.day)) continue;
    }
    return true;
  }
  return false;
}
