/**
 * The rhythm of a tie: how long its silences usually last between episodes
 * of contact, as a person would state it ("every weekday", "every week",
 * "every two months").
 *
 * - An *episode* is a run of contact days each at most {@link EPISODE_DAYS}
 *   after the one before, or closer than a quarter of the usual gap so far (a
 *   message and its replies, a meeting and its follow-up, a working week of
 *   messages over a weekend).
 * - An episode that lasts at most {@link BURST_DAYS} — a burst — counts as one
 *   contact at its start, and so does a burst with its follow-up; a longer
 *   run of contact days at most {@link EPISODE_DAYS} apart — a steady stream — keeps its
 *   day-to-day gaps, so that contact every weekday has a usual gap of about a
 *   day (1, 1, 1, 1, 3 days: geometric mean 1.25).
 * - Contact (messages, calls, meetings) and exchange (gives and asks) keep a
 *   rhythm each, and the tie's usual gap is the shorter of the two: a favour
 *   between two calls does not split the calls' cadence, and a tie whose
 *   contact is its requests still has the requests' rhythm.
 *
 * The usual gap of one track is the geometric mean of its gaps — robust to a
 * few long silences, as a median would be, and updated in O(1).
 *
 * @module
 * @internal
 */
import { DAY_MS } from '../core/time.js';

/** Contact days at most this many days apart belong to one episode (a message and its replies; Friday and Monday)… */
export const EPISODE_DAYS = 3;
/** …and so do contact days closer than this share of the tie's usual gap (a meeting and its follow-up). */
export const FOLLOW_UP_SHARE = 0.25;
/** An episode that lasts at most this many days is a burst, counted as one contact; a longer one is a steady stream, whose daily rhythm counts. */
export const BURST_DAYS = 7;
/** ln(k) for gaps of k days, tabulated: Math.log was a third of the machine's time. Same values as Math.log. */
const LN_DAYS = /* @__PURE__ */ Float64Array.from({ length: 4096 }, (_, k) => Math.log(k));
const ln = (days: number): number => (days < LN_DAYS.length ? LN_DAYS[days]! : Math.log(days));

/** The usual gap (ms, whole) of Σ ln(gap in days) over `count` gaps, or NaN without any gap. */
export function trackGapMs(logSum: number, count: number): number {
  return count > 0 ? Math.round(Math.exp(logSum / count) * DAY_MS) : NaN;
}

/** The tie's usual gap (ms): the shorter of its two tracks' gaps, or `defaultGap` while neither has one. */
export function usualGapMs(a: Rhythm, b: Rhythm, defaultGap: number): number {
  const x = trackGapMs(a.logSum, a.count);
  const y = trackGapMs(b.logSum, b.count);
  return x === x ? (y === y && y < x ? y : x) : y === y ? y : defaultGap;
}

/** One track of a tie's rhythm, fed with contact days in order. */
export class Rhythm {
  /** Σ ln(gap in days) and the number of gaps. */
  logSum = 0;
  count = 0;
  private lastDay = -1;
  private episodeDay = 0;
  private sustained = false;
  /** Whether the current episode was extended by a follow-up: it stays one contact, never a stream. */
  private followed = false;
  private pendingLog = 0;
  private pendingCount = 0;

  /** Starts over, for the next tie. */
  reset(): void {
    this.logSum = 0;
    this.count = 0;
    this.lastDay = -1;
    this.sustained = false;
    this.followed = false;
    this.pendingLog = 0;
    this.pendingCount = 0;
  }

  /**
   * Adds a day of contact (days since the epoch, never earlier than the last);
   * `usualGap` is the tie's usual gap so far (ms), for the follow-up rule, or 0
   * while the tie has no rhythm yet (the default gap says nothing of follow-ups).
   * Returns whether the track's gap changed.
   */
  add(day: number, usualGap: number): boolean {
    const lastDay = this.lastDay;
    if (day === lastDay) return false;
    this.lastDay = day;
    if (lastDay < 0) {
      this.episodeDay = day;
      return false;
    }
    const step = day - lastDay;
    // Compared in whole milliseconds, as the usual gap is everywhere else: exp(ln 360) is not exactly 360 days.
    if (step > EPISODE_DAYS && step * DAY_MS >= FOLLOW_UP_SHARE * usualGap) {
      // A new episode: the gap runs from the last contact of a steady stream, or from the start of a burst.
      this.logSum += ln(this.sustained ? step : day - this.episodeDay);
      this.count++;
      this.episodeDay = day;
      this.sustained = false;
      this.followed = false;
      this.pendingLog = 0;
      this.pendingCount = 0;
      return true;
    }
    if (this.sustained) {
      this.logSum += ln(step);
      this.count++;
      return true;
    }
    if (step > EPISODE_DAYS || this.followed) {
      // A follow-up (or contact after one): the episode is a burst and its follow-up, one contact.
      this.followed = true;
      return false;
    }
    if (day - this.episodeDay > BURST_DAYS) {
      // The episode outlasted a burst: a steady stream, whose day-to-day gaps count.
      this.logSum += this.pendingLog + ln(step);
      this.count += this.pendingCount + 1;
      this.sustained = true;
      return true;
    }
    this.pendingLog += ln(step);
    this.pendingCount++;
    return false;
  }
}
