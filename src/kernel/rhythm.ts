/**
 * The rhythm of a tie: how long its silences usually last between episodes
 * of contact, as a person would state it ("every weekday", "every week",
 * "every two months").
 *
 * - An *episode* is a run of contact days each at most {@link EPISODE_DAYS}
 *   after the one before (or a Friday and the Monday after), or closer than a
 *   quarter of the usual gap so far (a message and its replies, a meeting and
 *   its follow-up, a working week of messages over a weekend).
 * - An episode that lasts at most {@link BURST_DAYS} — a burst — counts as one
 *   contact at its start, and so does a burst with its follow-up; a longer
 *   run of contact days at most {@link EPISODE_DAYS} apart — a steady stream — keeps its
 *   day-to-day gaps, so that contact every weekday has a usual gap of about a
 *   day (1, 1, 1, 1, 3 days: geometric mean 1.25).
 * - Two tracks are kept: every interaction, and contact alone (messages,
 *   calls, meetings, without gives and asks). The tie's usual gap is that of
 *   the more regular track (the smaller variance of its log gaps): a favour
 *   between two calls does not split the calls' cadence, and a weekly tie
 *   whose week is sometimes a favour keeps its week.
 *
 * The usual gap of one track is the geometric mean of its gaps — robust to a
 * few long silences, as a median would be, and updated in O(1).
 *
 * @module
 * @internal
 */
import { DAY_MS } from '../core/time.js';
import { ROLE_CONTACT } from '../core/kinds.js';

/**
 * `lastDay` before any day: a small integer (V8 keeps the field untagged) that no date reaches
 * (JavaScript dates lie within ±10⁸ days of 1970).
 */
const NO_DAY = -0x3fffffff;

/** Contact days at most this many days apart belong to one episode (a message and its replies), and so do a Friday and the Monday after… */
export const EPISODE_DAYS = 2;

/** Whether contact days `from` and `from + step` are one episode by distance: two days at most, or Friday to Monday (day 0, 1970-01-01, was a Thursday). */
export function joins(from: number, step: number): boolean {
  return step <= EPISODE_DAYS || (step === 3 && ((from % 7) + 7) % 7 === 1);
}
/** …and so do contact days closer than this share of the tie's usual gap (a meeting and its follow-up). */
export const FOLLOW_UP_SHARE = 0.25;
/** An episode that lasts at most this many days is a burst, counted as one contact; a longer one is a steady stream, whose daily rhythm counts. */
export const BURST_DAYS = 7;
/** ln(k) for gaps of k days, tabulated: Math.log was a third of the machine's time. Same values as Math.log. */
const LN_DAYS = /* @__PURE__ */ Float64Array.from({ length: 4096 }, (_, k) => Math.log(k));
const ln = (days: number): number => (days < LN_DAYS.length ? LN_DAYS[days]! : Math.log(days));

/**
 * Log comparisons closer than this are settled exactly: a usual gap is at least a day, so rounding it to whole ms
 * moves its log by under 6e-9, and `Math.exp`/`Math.log` by a few ulps — far below the margin.
 */
export const LOG_MARGIN = 1e-6;

/** The usual gap (ms, whole) of a track whose mean log gap (days) is `logGap`: the one rounding of {@link trackGapMs}. */
export const gapOfLog = (logGap: number): number => Math.round(Math.exp(logGap) * DAY_MS);

/**
 * Whether a step of `step` days reaches the follow-up share of the usual gap e^`logGap` days (−∞: no rhythm yet,
 * always), as `step × DAY_MS ≥ FOLLOW_UP_SHARE × gapOfLog(logGap)` says: decided on the logs (no exponential)
 * unless they are within {@link LOG_MARGIN}, then exactly.
 */
export function pastFollowUp(step: number, logGap: number): boolean {
  const x = ln(step / FOLLOW_UP_SHARE) - logGap;
  if (x > LOG_MARGIN) return true;
  if (x < -LOG_MARGIN) return false;
  return step * DAY_MS >= FOLLOW_UP_SHARE * gapOfLog(logGap);
}

/** The usual gap (ms, whole) of Σ ln(gap in days) over `count` gaps, or NaN without any gap. */
export function trackGapMs(logSum: number, count: number): number {
  return count > 0 ? gapOfLog(logSum / count) : NaN;
}

/** The variance of a track's log gaps (0 without gaps). */
export const spread = (t: Rhythm): number =>
  t.count > 0 ? Math.max(0, t.squareSum / t.count - (t.logSum / t.count) ** 2) : 0;

/** The track the tie's rhythm is read from: contact alone when it has two gaps or more and is more regular. */
export function rhythmTrack(all: Rhythm, contact: Rhythm | null): Rhythm {
  return contact !== null && contact.count >= 2 && spread(contact) < spread(all) ? contact : all;
}

/**
 * The tie's usual gap (ms): of every interaction (`all`), or of contact alone
 * when that track has two gaps or more and is more regular (`null`: the tie
 * has had contact alone, so the two tracks are one); `defaultGap` while the
 * tie has no gap.
 */
export function usualGapMs(all: Rhythm, contact: Rhythm | null, defaultGap: number): number {
  if (all.count === 0) return defaultGap;
  const t = rhythmTrack(all, contact);
  return trackGapMs(t.logSum, t.count);
}

/** One track of a tie's rhythm, fed with contact days in order. */
export class Rhythm {
  /** Σ ln(gap in days), Σ ln² and the number of gaps. */
  logSum = 0;
  squareSum = 0;
  count = 0;
  /** The last day of contact, {@link NO_DAY} before any (days before 1970 are negative). Read-only outside. */
  lastDay = NO_DAY;
  /**
   * The first day of the current episode, and what it is: a burst so far (0), a steady stream whose
   * day-to-day gaps count (1), or a burst extended by a follow-up, which stays one contact (2).
   */
  private since = 0;
  private mode = 0;
  /** The gaps of the current burst, held back (Σ ln, Σ ln², count) until it outlasts a burst and becomes a stream. */
  private heldLog = 0;
  private heldSquare = 0;
  private held = 0;

  /** Becomes a copy of `other`: the contact track forks from the whole one at the first give or ask. */
  copyFrom(other: Rhythm): void {
    this.logSum = other.logSum;
    this.squareSum = other.squareSum;
    this.count = other.count;
    this.lastDay = other.lastDay;
    this.since = other.since;
    this.mode = other.mode;
    this.heldLog = other.heldLog;
    this.heldSquare = other.heldSquare;
    this.held = other.held;
  }

  /** Starts over, for the next tie. */
  reset(): void {
    this.copyFrom(EMPTY);
  }

  /**
   * Adds a day of contact (days since the epoch, never earlier than the last);
   * `logGap` is the mean log (days) of the tie's usual gap so far, for the
   * follow-up rule, or −∞ while the tie has no rhythm yet (the default gap
   * says nothing of follow-ups). Returns whether the track's gap changed.
   */
  add(day: number, logGap: number): boolean {
    const lastDay = this.lastDay;
    if (day === lastDay) return false;
    this.lastDay = day;
    if (lastDay === NO_DAY) {
      this.since = day;
      return false;
    }
    const step = day - lastDay;
    // Compared in whole milliseconds, as the usual gap is everywhere else: exp(ln 360) is not exactly 360 days.
    const near = joins(lastDay, step);
    if (!near && pastFollowUp(step, logGap)) {
      // A new episode: the gap runs from the last contact of a steady stream, or from the start of a burst.
      this.gap(ln(this.mode === 1 ? step : day - this.since));
      this.since = day;
      this.mode = 0;
      this.heldLog = 0;
      this.heldSquare = 0;
      this.held = 0;
      return true;
    }
    if (this.mode === 1) {
      this.gap(ln(step));
      return true;
    }
    if (!near || this.mode === 2) {
      // A follow-up (or contact after one): the episode is a burst and its follow-up, one contact.
      this.mode = 2;
      return false;
    }
    if (day - this.since > BURST_DAYS) {
      // The episode outlasted a burst: a steady stream, whose day-to-day gaps count.
      this.logSum += this.heldLog;
      this.squareSum += this.heldSquare;
      this.count += this.held;
      this.gap(ln(step));
      this.mode = 1;
      return true;
    }
    const x = ln(step);
    this.heldLog += x;
    this.heldSquare += x * x;
    this.held++;
    return false;
  }

  /** Counts one gap of ln-length `x`. */
  private gap(x: number): void {
    this.logSum += x;
    this.squareSum += x * x;
    this.count++;
  }
}

/** A track with no day yet: what `reset` copies. */
const EMPTY = /* @__PURE__ */ new Rhythm();

/**
 * The rhythm pass over one tie's events `start .. end − 1` (sorted by time):
 * feeds `all` every day of contact and `contact` the days with contact alone
 * (it forks from `all` at the first give or ask; until then the two are one),
 * and writes into `logGaps[e − start]` the tie's mean log usual gap (days, see
 * {@link rhythmTrack}) after event e, −∞ while the tie has no gap (the default
 * gap applies). Returns whether the tracks forked. The history pass reads the
 * gaps from `logGaps`: kept apart, each loop holds its own state in registers.
 */
export function rhythmPass(
  time: Float64Array,
  kind: Uint16Array,
  kindRole: Uint8Array,
  start: number,
  end: number,
  all: Rhythm,
  contact: Rhythm,
  logGaps: Float64Array,
): boolean {
  all.reset();
  contact.reset();
  let mixed = false,
    nextDay = -Infinity,
    day = 0,
    logGap = -Infinity;
  for (let e = start; e < end; e++) {
    const t = time[e]!;
    const isContact = kindRole[kind[e]!] === ROLE_CONTACT;
    if (!mixed && !isContact) {
      contact.copyFrom(all);
      mixed = true;
    }
    // The follow-up rule reads the usual gap before this day (−∞ while there is none).
    let changed = false;
    if (t >= nextDay) {
      day = Math.floor(t / DAY_MS);
      nextDay = (day + 1) * DAY_MS;
      changed = all.add(day, logGap);
    }
    if (mixed && isContact && day !== contact.lastDay && contact.add(day, logGap)) changed = true;
    if (changed && all.count > 0) {
      const track = rhythmTrack(all, mixed ? contact : null);
      logGap = track.logSum / track.count;
    }
    logGaps[e - start] = logGap;
  }
  return mixed;
}
