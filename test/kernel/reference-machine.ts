/**
 * The stage machine as first written (goodwill 0.1.0), with the rhythm rule of
 * 0.2 (bursts and steady streams) and of 0.3 (a track for contact and one for
 * gives and asks; episodes joined over three days), and joint kinds taking
 * part for both sides: plain, object-based and slow. It is the
 * oracle for the optimised one-pass kernel in src/kernel/assess.ts, which must
 * agree with it on every history (see machine.test.ts). Do not optimise this file.
 */
import { DAY_MS } from '../../src/core/time.js';
import { eventRole, eventValue, type InteractionIndex } from '../../src/core/interaction-index.js';
import type { ResolvedModel as ResolvedThresholds } from '../../src/kernel/options.js';
import type { Stage, StageLevel } from '../../src/kernel/types.js';

const WEEK_MS = 7 * DAY_MS;
/** Contact days at most this many days apart, or closer than a quarter of the usual gap, belong to one episode. */
export const EPISODE_DAYS = 2;
const FOLLOW_UP_SHARE = 0.25;
/** Episodes longer than this are steady streams, whose day-to-day gaps count; shorter ones are bursts. */
const BURST_DAYS = 7;
const LEVELS: readonly StageLevel[] = ['connected', 'acquainted', 'engaged', 'trusted'];
const ROLE_GIVE = 1;
const ROLE_ASK = 2;

/** A change of stage, times in ms. */
export interface RawChange {
  at: number;
  from: Stage;
  to: Stage;
  reason: string;
}

/** One track of the rhythm: contact, or gives and asks. */
export interface Track {
  /** The last day of contact on this track, or NaN before any. */
  lastDay: number;
  /** First day of the current episode, and its day-to-day gaps so far. */
  episodeDay: number;
  episodeGaps: number[];
  /** Whether the current episode outlasted a burst (a steady stream). */
  sustained: boolean;
  /** Whether the current episode was extended by a follow-up (then it is one contact, never a stream). */
  followed: boolean;
  /** The gaps of the rhythm, in days. */
  gaps: number[];
}

/** The running state of one dyad; sides are 0 (the dyad's A) and 1 (B). */
export interface DyadState {
  n: number;
  initiated: [number, number];
  /** Interactions each side took part in (its own, and the joint ones of the other). */
  tookPart: [number, number];
  first: number;
  last: number;
  firstDay: number;
  lastDay: number;
  activeDays: number;
  tracks: [Track, Track];
  /** The gaps of both tracks, in days. */
  gaps: number[];
  lastWeek: number;
  activeWeeks: number;
  gives: [number, number];
  given: [number, number];
  giveRunSide: number;
  giveRun: number;
  /** Side that first asked before the tie was engaged, or -1. */
  prematureSide: number;
  prematureAt: number;
  level: number;
  peak: number;
  stage: Stage;
  since: number;
}

function newTrack(): Track {
  return { lastDay: NaN, episodeDay: 0, episodeGaps: [], sustained: false, followed: false, gaps: [] };
}

function newState(): DyadState {
  return {
    n: 0,
    initiated: [0, 0],
    tookPart: [0, 0],
    first: NaN,
    last: NaN,
    firstDay: 0,
    lastDay: 0,
    activeDays: 0,
    tracks: [newTrack(), newTrack()],
    gaps: [],
    lastWeek: NaN,
    activeWeeks: 0,
    gives: [0, 0],
    given: [0, 0],
    giveRunSide: -1,
    giveRun: 0,
    prematureSide: -1,
    prematureAt: NaN,
    level: 0,
    peak: 0,
    stage: 'connected',
    since: NaN,
  };
}

/** Exchange mutuality min/max of given value; 0 when nobody gave. */
export function exchangeMutuality(s: DyadState): number {
  const hi = Math.max(s.given[0], s.given[1]);
  return hi > 0 ? Math.min(s.given[0], s.given[1]) / hi : 0;
}

/** The ladder rung reached by the running counts. */
export function levelOf(s: DyadState, th: ResolvedThresholds): number {
  if (s.tookPart[0] < 1 || s.tookPart[1] < 1) return 0;
  const span = s.last - s.first;
  if (
    s.n < th.engagedMinInteractions ||
    s.activeWeeks < th.engagedMinActiveWeeks ||
    span < th.engagedMinSpan ||
    Math.min(s.tookPart[0], s.tookPart[1]) < th.engagedMinEachSide
  ) {
    return 1;
  }
  if (
    span < th.trustedMinSpan ||
    s.n < th.trustedMinInteractions ||
    Math.min(s.gives[0], s.gives[1]) < th.trustedMinGivesEach ||
    exchangeMutuality(s) < th.trustedMinExchangeMutuality
  ) {
    return 2;
  }
  return 3;
}

/** The geometric mean of a track's gaps (ms, whole). */
function trackGap(t: Track): number {
  let sum = 0;
  for (const g of t.gaps) sum += Math.log(g);
  return Math.round(Math.exp(sum / t.gaps.length) * DAY_MS);
}

/** The variance of a track's log gaps. */
function spread(t: Track): number {
  const logs = t.gaps.map(Math.log);
  const mean = logs.reduce((x, y) => x + y, 0) / logs.length;
  return logs.reduce((x, y) => x + y * y, 0) / logs.length - mean * mean;
}

/**
 * The usual gap of a tie: of each track (every interaction; contact alone),
 * the geometric mean of the gaps between the starts of its episodes — runs of
 * contact days at most 3 days apart, so that a message and its replies count
 * once — and of the two the more regular (contact needs two gaps); the
 * default while the tie has no gap.
 */
export function usualGap(s: DyadState, th: ResolvedThresholds): number {
  if (s.tracks[0].gaps.length === 0) return th.defaultGap;
  return trackGap(rhythmTrack(s));
}

/** The track the rhythm is read from: contact alone when it has two gaps or more and is more regular. */
export function rhythmTrack(s: DyadState): Track {
  const [all, contact] = s.tracks;
  return contact.gaps.length >= 2 && spread(contact) < spread(all) ? contact : all;
}

/** Adds a day of contact to a track (the rules of usualGap). */
function addDay(s: DyadState, track: Track, day: number, th: ResolvedThresholds, known: number): void {
  if (day === track.lastDay) return;
  if (Number.isNaN(track.lastDay)) {
    track.lastDay = day;
    track.episodeDay = day;
    return;
  }
  const step = day - track.lastDay;
  const found: number[] = [];
  // Two days at most apart, or a Friday and the Monday after (1970-01-01, day 0, was a Thursday).
  const near = step <= EPISODE_DAYS || (step === 3 && ((track.lastDay % 7) + 7) % 7 === 1);
  if (!near && step * DAY_MS >= FOLLOW_UP_SHARE * known) {
    // A new episode: from the last day of a steady stream, or from the start of a burst.
    found.push(track.sustained ? step : day - track.episodeDay);
    track.episodeDay = day;
    track.episodeGaps = [];
    track.sustained = false;
    track.followed = false;
  } else if (track.sustained) {
    found.push(step);
  } else if (!near || track.followed) {
    track.followed = true;
    track.episodeGaps = [];
  } else {
    track.episodeGaps.push(step);
    if (day - track.episodeDay > BURST_DAYS) {
      found.push(...track.episodeGaps);
      track.episodeGaps = [];
      track.sustained = true;
    }
  }
  track.gaps.push(...found);
  if (track === s.tracks[0]) s.gaps.push(...found);
  track.lastDay = day;
}

/** Silence after which the tie cools, and after which it is dormant (ms). */
export function silenceThresholds(s: DyadState, th: ResolvedThresholds): [cooling: number, dormant: number] {
  const gap = usualGap(s, th);
  return [
    Math.max(Math.round(th.coolingGapFactor * gap), th.coolingMinSilence),
    Math.max(Math.round(th.dormantGapFactor * gap), th.dormantMinSilence),
  ];
}

const days = (ms: number): string => `${Math.round(ms / DAY_MS)} days`;

function levelReason(s: DyadState, level: number, previous: number, th: ResolvedThresholds): string {
  if (level > previous) {
    switch (level) {
      case 1:
        return 'both sides have now reached out (two-way contact)';
      case 2:
        return `${s.n} interactions over ${s.activeWeeks} weeks and ${days(s.last - s.first)}, both sides initiating`;
      default:
        return `${days(s.last - s.first)} of contact with gives both ways (${s.gives[0]} and ${s.gives[1]}), exchange mutuality ${exchangeMutuality(s).toFixed(2)}`;
    }
  }
  if (previous === 3)
    return `exchange mutuality fell to ${exchangeMutuality(s).toFixed(2)} (< ${th.trustedMinExchangeMutuality})`;
  return 'contact became one-way';
}

/** Moves the state to `to` at `at`, recording the change when asked. */
function enter(s: DyadState, changes: RawChange[] | null, at: number, to: Stage, reason: string | null): void {
  if (changes !== null) changes.push({ at, from: Number.isNaN(s.since) ? 'none' : s.stage, to, reason: reason ?? '' });
  s.stage = to;
  s.since = at;
}

/**
 * Cooling and dormancy happen in the silence before `t`: they are entered at
 * the moment the silence crossed the threshold. Only an engaged or trusted tie
 * has warmth to lose (cooling); any two-way tie can lapse (dormant).
 */
function decay(s: DyadState, t: number, inclusive: boolean, th: ResolvedThresholds, changes: RawChange[] | null): void {
  if (s.n === 0 || s.level < 1) return;
  const silence = t - s.last;
  // Both thresholds are at least their minimum silence: most events end here, cheaply.
  if (silence < th.coolingMinSilence && silence < th.dormantMinSilence) return;
  const [cooling, dormant] = silenceThresholds(s, th);
  if (
    s.level >= 2 &&
    (inclusive ? silence >= cooling : silence > cooling) &&
    s.stage !== 'cooling' &&
    s.stage !== 'dormant'
  ) {
    const why =
      changes === null
        ? null
        : `no contact for ${days(cooling)}: cooling after the longer of ${th.coolingGapFactor}× the usual gap (${days(usualGap(s, th))}) and ${days(th.coolingMinSilence)}`;
    enter(s, changes, s.last + cooling, 'cooling', why);
  }
  if ((inclusive ? silence >= dormant : silence > dormant) && s.stage !== 'dormant') {
    const why =
      changes === null
        ? null
        : `no contact for ${days(dormant)}: dormant after the longer of ${th.dormantGapFactor}× the usual gap (${days(usualGap(s, th))}) and ${days(th.dormantMinSilence)}`;
    enter(s, changes, s.last + dormant, 'dormant', why);
  }
}

/**
 * Runs the machine over dyad `d`'s events before `end` (the first event after
 * `now`). When `changes` is given, records every change of stage into it.
 */
export function runDyad(
  index: InteractionIndex,
  d: number,
  end: number,
  now: number,
  th: ResolvedThresholds,
  changes: RawChange[] | null,
): DyadState {
  const s = newState();
  const { time, dir } = index;
  const start = index.eventOffset[d]!;
  for (let e = start; e < end; e++) {
    const t = time[e]!;
    const previousContact = s.last;
    decay(s, t, false, th, changes);
    const side = dir[e]!;
    const r = eventRole(index, e);
    if (r === ROLE_ASK && s.prematureSide < 0 && s.level < 2) {
      s.prematureSide = side;
      s.prematureAt = t;
    }
    s.n++;
    s.initiated[side]!++;
    s.tookPart[side]!++;
    if (index.kindJoint[index.kind[e]!] === 1) s.tookPart[1 - side]!++;
    const day = Math.floor(t / DAY_MS);
    // Both tracks judge follow-ups by the usual gap before this day.
    const before = s.tracks[0].gaps.length > 0 ? usualGap(s, th) : 0;
    addDay(s, s.tracks[0], day, th, before);
    if (r === 0) addDay(s, s.tracks[1], day, th, before);
    if (s.n === 1) {
      s.first = t;
      s.firstDay = day;
      s.lastDay = day;
      s.activeDays = 1;
    } else if (day !== s.lastDay) {
      s.lastDay = day;
      s.activeDays++;
    }
    const week = Math.floor(t / WEEK_MS);
    if (week !== s.lastWeek) {
      s.lastWeek = week;
      s.activeWeeks++;
    }
    s.last = t;
    if (r === ROLE_GIVE) {
      s.gives[side]!++;
      s.given[side]! += eventValue(index, e);
      if (s.giveRunSide === side) s.giveRun++;
      else {
        s.giveRunSide = side;
        s.giveRun = 1;
      }
    }
    const level = levelOf(s, th);
    const previous = s.level;
    s.level = level;
    if (level > s.peak) s.peak = level;
    const to = LEVELS[level]!;
    if (Number.isNaN(s.since)) enter(s, changes, t, to, 'first contact');
    else if (to !== s.stage) {
      let why: string | null = null;
      if (changes !== null) {
        const revived = s.stage === 'cooling' || s.stage === 'dormant';
        why =
          revived && level === previous
            ? `contact resumed after ${days(t - previousContact)} of silence`
            : levelReason(s, level, previous, th);
      }
      enter(s, changes, t, to, why);
    }
  }
  decay(s, now, true, th, changes);
  return s;
}

/** The ladder rung's name. */
export function levelName(level: number): StageLevel {
  return LEVELS[level]!;
}
