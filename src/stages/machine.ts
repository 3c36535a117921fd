/**
 * The stage machine: one pass over a dyad's events in time order, keeping
 * running counts, that yields the stage at `now` and (optionally) every change
 * on the way — so that the timeline and the classification at `now` can never
 * disagree, and classifying a whole network costs one pass over its events.
 *
 * Ladder rules (each a threshold of {@link ResolvedThresholds}):
 * - connected: a link or one-way contact;
 * - acquainted: both sides have initiated contact (Knapp's initiating and experimenting stages);
 * - engaged: ≥ n interactions over ≥ w distinct weeks and ≥ s days, each side initiating ≥ e;
 * - trusted: engaged, over ≥ a quarter, with gives both ways and exchange mutuality ≥ μ.
 * On the way down, measured against the tie's own rhythm (the usual gap between
 * its days of contact): an engaged or trusted tie cools after 3× its usual gap;
 * any two-way tie is dormant after 8× (Navarro et al. 2017).
 *
 * @module
 * @internal
 */
import { DAY_MS } from '../core/time.js';
import type { InteractionIndex } from '../core/interaction-index.js';
import type { ResolvedThresholds } from './options.js';
import type { Stage, StageLevel } from './types.js';

const WEEK_MS = 7 * DAY_MS;
/** Contact days at most this many days apart belong to one episode (a message and its replies). */
export const EPISODE_DAYS = 2;
const LEVELS: readonly StageLevel[] = ['connected', 'acquainted', 'engaged', 'trusted'];
const ROLE_GIVE = 1;
const ROLE_ASK = 2;
/** ln(k) for gaps of k days, tabulated: Math.log was a third of the machine's time. Same values as Math.log. */
const LN_DAYS = /* @__PURE__ */ Float64Array.from({ length: 4096 }, (_, k) => Math.log(k));

/** A change of stage, times in ms. */
export interface RawChange {
  at: number;
  from: Stage;
  to: Stage;
  reason: string;
}

/**
 * The running state of one dyad; sides are 0 (the dyad's A) and 1 (B), as
 * scalar fields, so that the hot loop touches no arrays.
 */
export interface DyadState {
  n: number;
  initiated0: number;
  initiated1: number;
  first: number;
  last: number;
  firstDay: number;
  lastDay: number;
  activeDays: number;
  /** Contact episodes: runs of contact days at most 2 days apart (a message and its replies). */
  episodes: number;
  /** First day of the current episode. */
  episodeDay: number;
  /** Σ ln(gap in days) over the gaps between the starts of consecutive episodes. */
  logGapSum: number;
  lastWeek: number;
  activeWeeks: number;
  gives0: number;
  gives1: number;
  given0: number;
  given1: number;
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

/** A fresh state: an object literal of scalars, so that V8 allocates it in one step. */
export function newState(): DyadState {
  return {
    n: 0,
    initiated0: 0,
    initiated1: 0,
    first: NaN,
    last: NaN,
    firstDay: 0,
    lastDay: 0,
    activeDays: 0,
    episodes: 0,
    episodeDay: 0,
    logGapSum: 0,
    lastWeek: NaN,
    activeWeeks: 0,
    gives0: 0,
    gives1: 0,
    given0: 0,
    given1: 0,
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
  return mutualityOf(s.given0, s.given1);
}

/** Mutuality min/max of two given values; 0 when nobody gave. */
function mutualityOf(v0: number, v1: number): number {
  const hi = v0 > v1 ? v0 : v1;
  return hi > 0 ? (v0 < v1 ? v0 : v1) / hi : 0;
}

/**
 * The ladder rung reached by running counts (the rules of the module comment),
 * on scalars so that the machine's loop calls it without building a state.
 */
function rungOf(n: number, i0: number, i1: number, weeks: number, span: number, g0: number, g1: number, v0: number, v1: number, th: ResolvedThresholds): number {
  if (i0 < 1 || i1 < 1) return 0;
  if (n < th.engagedMinInteractions || weeks < th.engagedMinActiveWeeks || span < th.engagedMinSpan || (i0 < i1 ? i0 : i1) < th.engagedMinEachSide) return 1;
  if (span < th.trustedMinSpan || n < th.trustedMinInteractions || (g0 < g1 ? g0 : g1) < th.trustedMinGivesEach || mutualityOf(v0, v1) < th.trustedMinExchangeMutuality) return 2;
  return 3;
}

/** The ladder rung reached by a state's counts. */
export function levelOf(s: DyadState, th: ResolvedThresholds): number {
  return rungOf(s.n, s.initiated0, s.initiated1, s.activeWeeks, s.last - s.first, s.gives0, s.gives1, s.given0, s.given1, th);
}

/**
 * The usual gap of a tie: the geometric mean of the gaps between the starts
 * of its contact episodes — runs of contact days at most 2 days apart, so that
 * a message and its replies count once — robust to a few long silences, as a
 * median would be, and updated in O(1); the default for a single episode.
 */
export function usualGap(s: DyadState, th: ResolvedThresholds): number {
  return s.episodes > 1 ? Math.exp(s.logGapSum / (s.episodes - 1)) * DAY_MS : th.defaultGap;
}

/** Silence after which the tie cools, and after which it is dormant (ms). */
export function silenceThresholds(s: DyadState, th: ResolvedThresholds): [cooling: number, dormant: number] {
  const gap = usualGap(s, th);
  return [Math.max(th.coolingGapFactor * gap, th.coolingMinSilence), Math.max(th.dormantGapFactor * gap, th.dormantMinSilence)];
}

const days = (ms: number): string => `${Math.round(ms / DAY_MS)} days`;

function levelReason(level: number, previous: number, n: number, weeks: number, span: number, g0: number, g1: number, mutuality: number, th: ResolvedThresholds): string {
  if (level > previous) {
    switch (level) {
      case 1:
        return 'both sides have now reached out (two-way contact)';
      case 2:
        return `${n} interactions over ${weeks} weeks and ${days(span)}, both sides initiating`;
      default:
        return `${days(span)} of contact with gives both ways (${g0} and ${g1}), exchange mutuality ${mutuality.toFixed(2)}`;
    }
  }
  if (previous === 3) return `exchange mutuality fell to ${mutuality.toFixed(2)} (< ${th.trustedMinExchangeMutuality})`;
  return 'contact became one-way';
}

function silenceReason(stage: typeof COOLING | typeof DORMANT, after: number, gap: number, th: ResolvedThresholds): string {
  return stage === COOLING
    ? `no contact for ${days(after)}: cooling after the longer of ${th.coolingGapFactor}× the usual gap (${days(gap)}) and ${days(th.coolingMinSilence)}`
    : `no contact for ${days(after)}: dormant after the longer of ${th.dormantGapFactor}× the usual gap (${days(gap)}) and ${days(th.dormantMinSilence)}`;
}

/** Stage codes inside the machine: the ladder levels 0–3, then cooling and dormant. */
const COOLING = 4;
const DORMANT = 5;
const STAGE_NAMES: readonly Stage[] = ['connected', 'acquainted', 'engaged', 'trusted', 'cooling', 'dormant'];

/**
 * Runs the machine over dyad `d`'s events before `end` (the first event after
 * `now`). When `changes` is given, records every change of stage into it.
 * When `into` is given, the result is written there (every field) and returned.
 *
 * The running counts live in local variables (registers, unboxed doubles) and
 * are written to a {@link DyadState} once at the end: this loop is the cost of
 * classifying a whole network.
 */
export function runDyad(
  index: InteractionIndex,
  d: number,
  end: number,
  now: number,
  th: ResolvedThresholds,
  changes: RawChange[] | null,
  into: DyadState | null = null,
): DyadState {
  const { time, dir, kind, weight, kindValue, kindRole } = index;
  const start = index.eventOffset[d]!;
  // Both silence thresholds are at least their minimum: below it, nothing decays.
  const minSilence = Math.min(th.coolingMinSilence, th.dormantMinSilence);
  let n = 0;
  let i0 = 0;
  let i1 = 0;
  let first = NaN;
  let last = NaN;
  let firstDay = 0;
  let lastDay = 0;
  let nextDay = -Infinity;
  let activeDays = 0;
  let episodes = 0;
  let episodeDay = 0;
  let logGapSum = 0;
  let lastWeek = NaN;
  let nextWeek = -Infinity;
  let activeWeeks = 0;
  let g0 = 0;
  let g1 = 0;
  let v0 = 0;
  let v1 = 0;
  let runSide = -1;
  let run = 0;
  let prematureSide = -1;
  let prematureAt = NaN;
  let level = 0;
  let peak = 0;
  let stage = 0;
  let since = NaN;
  // Silence thresholds for the current usual gap (NaN: recompute when needed).
  let coolAfter = NaN;
  let dormantAfter = NaN;
  let gap = NaN;

  // A float64 copy of `now`: with the tagged parameter itself, the choice below made
  // V8 box every event's time (a heap number per event, 20 MB per million events).
  const nowMs = now + 0;
  for (let e = start; e <= end; e++) {
    // The last round (e === end) only lets the silence up to `now` decay the tie.
    const t = e < end ? time[e]! : nowMs;
    if (level >= 1 && t - last >= minSilence) {
      // Cooling and dormancy happen in the silence before t: they are entered at the
      // moment the silence crossed the threshold. Strictly longer than the threshold
      // before an event; at `now`, reaching it is enough.
      if (coolAfter !== coolAfter) {
        // Usual gap: geometric mean of the gaps between episode starts (see usualGap).
        gap = episodes > 1 ? Math.exp(logGapSum / (episodes - 1)) * DAY_MS : th.defaultGap;
        coolAfter = Math.max(th.coolingGapFactor * gap, th.coolingMinSilence);
        dormantAfter = Math.max(th.dormantGapFactor * gap, th.dormantMinSilence);
      }
      const silence = t - last;
      // Only an engaged or trusted tie has warmth to lose (cooling); any two-way tie can lapse.
      if (level >= 2 && stage < COOLING && (e === end ? silence >= coolAfter : silence > coolAfter)) {
        if (changes !== null) changes.push({ at: last + coolAfter, from: STAGE_NAMES[stage]!, to: 'cooling', reason: silenceReason(COOLING, coolAfter, gap, th) });
        stage = COOLING;
        since = last + coolAfter;
      }
      if (stage !== DORMANT && (e === end ? silence >= dormantAfter : silence > dormantAfter)) {
        if (changes !== null) changes.push({ at: last + dormantAfter, from: STAGE_NAMES[stage]!, to: 'dormant', reason: silenceReason(DORMANT, dormantAfter, gap, th) });
        stage = DORMANT;
        since = last + dormantAfter;
      }
    }
    if (e === end) break;

    const side = dir[e]!;
    const k = kind[e]!;
    const r = kindRole[k]!;
    if (r === ROLE_ASK && prematureSide < 0 && level < 2) {
      prematureSide = side;
      prematureAt = t;
    }
    n++;
    if (side === 0) i0++;
    else i1++;
    if (t >= nextDay) {
      // A new day of contact (events are sorted: no earlier day comes back).
      const day = Math.floor(t / DAY_MS);
      nextDay = (day + 1) * DAY_MS;
      if (n === 1) {
        first = t;
        firstDay = day;
        episodes = 1;
        episodeDay = day;
      } else if (day - lastDay > EPISODE_DAYS) {
        const gapDays = day - episodeDay;
        logGapSum += gapDays < LN_DAYS.length ? LN_DAYS[gapDays]! : Math.log(gapDays);
        episodeDay = day;
        episodes++;
        coolAfter = NaN; // the usual gap changed
      }
      lastDay = day;
      activeDays++;
      if (t >= nextWeek) {
        const week = Math.floor(t / WEEK_MS);
        nextWeek = (week + 1) * WEEK_MS;
        lastWeek = week;
        activeWeeks++;
      }
    }
    const previousContact = last;
    last = t;
    if (r === ROLE_GIVE) {
      if (side === 0) {
        g0++;
        v0 += weight === null ? kindValue[k]! : kindValue[k]! * weight[e]!;
      } else {
        g1++;
        v1 += weight === null ? kindValue[k]! : kindValue[k]! * weight[e]!;
      }
      if (runSide === side) run++;
      else {
        runSide = side;
        run = 1;
      }
    }
    const span = last - first;
    const rung = rungOf(n, i0, i1, activeWeeks, span, g0, g1, v0, v1, th);
    const previous = level;
    level = rung;
    if (level > peak) peak = level;
    if (since !== since) {
      if (changes !== null) changes.push({ at: t, from: 'none', to: STAGE_NAMES[level]!, reason: 'first contact' });
      stage = level;
      since = t;
    } else if (level !== stage) {
      if (changes !== null) {
        const revived = stage >= COOLING && level === previous;
        const reason = revived ? `contact resumed after ${days(t - previousContact)} of silence` : levelReason(level, previous, n, activeWeeks, span, g0, g1, mutualityOf(v0, v1), th);
        changes.push({ at: t, from: STAGE_NAMES[stage]!, to: STAGE_NAMES[level]!, reason });
      }
      stage = level;
      since = t;
    }
  }

  // A whole-network pass reuses one state (`into`): no garbage per relationship.
  const s = into ?? newState();
  s.n = n;
  s.initiated0 = i0;
  s.initiated1 = i1;
  s.first = first;
  s.last = last;
  s.firstDay = firstDay;
  s.lastDay = lastDay;
  s.activeDays = activeDays;
  s.episodes = episodes;
  s.episodeDay = episodeDay;
  s.logGapSum = logGapSum;
  s.lastWeek = lastWeek;
  s.activeWeeks = activeWeeks;
  s.gives0 = g0;
  s.gives1 = g1;
  s.given0 = v0;
  s.given1 = v1;
  s.giveRunSide = runSide;
  s.giveRun = run;
  s.prematureSide = prematureSide;
  s.prematureAt = prematureAt;
  s.level = level;
  s.peak = peak;
  s.stage = STAGE_NAMES[stage]!;
  s.since = since;
  return s;
}

/** The ladder rung's name. */
export function levelName(level: number): StageLevel {
  return LEVELS[level]!;
}
