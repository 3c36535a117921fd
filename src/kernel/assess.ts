/**
 * The relationship kernel: one pass over a relationship's interactions, in
 * time order, that yields everything goodwill says about it at `now` — its
 * rhythm, stage (and every change of stage on the way), flags, warmth,
 * strength with its components, and the dates it is due, cools and goes
 * cold. Every public answer about a tie is read from this one
 * {@link Assessment}, so that strength, stage, cold date, due date and
 * advice cannot disagree.
 *
 * Ladder rules (each a threshold of {@link ResolvedModel}):
 * - connected: a link or one-way contact;
 * - acquainted: both sides have taken part (started an interaction, or joined
 *   a joint one such as a call or a meeting: Knapp's initiating and
 *   experimenting stages);
 * - engaged: ≥ n interactions over ≥ w distinct weeks and ≥ s days, each side taking part in ≥ e;
 * - trusted: engaged, over ≥ a quarter, with gives both ways and exchange mutuality ≥ μ.
 * On the way down, measured against the tie's own rhythm (its usual gap, see
 * `rhythm.ts`): an engaged or trusted tie cools after 2.5× its usual gap;
 * any two-way tie goes cold — `dormant` — after 8× (Navarro et al. 2017).
 *
 * Two-way means answered: an initiative (a message, a gift, an ask) is
 * answered when the other side takes part within the answer window (30 days,
 * or the usual gap if longer); a joint interaction is answered by its nature.
 * A side most of whose initiatives go unanswered makes the tie `one-sided`,
 * and unanswered initiatives lower the strength (see `mutualityOf`); so do the
 * asks of a side that is helped and never helps back (see `answeredShare`).
 *
 * The running counts live in local variables (registers, unboxed doubles) and
 * are written to the reused {@link Assessment} once at the end: this loop is
 * the cost of assessing a whole network. The rhythm runs first in a loop of its
 * own (`rhythmPass`), leaving the usual gap after each event in a reused array:
 * fed inside the history loop, its two tracks cost a third more than both loops
 * apart. Thresholds compare the gap's log with their floors, and take its
 * exponential only where the exact gap can matter.
 *
 * @module
 * @internal
 */
import { DAY_MS } from '../core/time.js';
import { ROLE_ASK, ROLE_GIVE } from '../core/kinds.js';
import { sumLenses, type Lenses } from './lenses.js';
import { eventsEnd, type InteractionIndex } from '../core/interaction-index.js';
import type { ResolvedModel } from './options.js';
import { LOG_MARGIN, Rhythm, gapOfLog, rhythmPass, rhythmTrack, spread } from './rhythm.js';

const WEEK_MS = 7 * DAY_MS;

/** Stage codes: the ladder levels 0–3, then cooling and dormant; `NONE` for two people without a relationship. */
export const CONNECTED = 0;
export const ACQUAINTED = 1;
export const ENGAGED = 2;
export const TRUSTED = 3;
export const COOLING = 4;
export const DORMANT = 5;
export const NONE = 6;

/** Flag bits. */
export const FLAG_ONE_SIDED = 1;
export const FLAG_PREMATURE_ASK = 2;
export const FLAG_GIVER_FATIGUE = 4;

/** Advice codes: what to do about a tie, from one person's view (disjoint by construction). */
export const ADVICE_NONE = 0;
/** A valuable two-way tie going quiet: cooling, or past its due date. */
export const ADVICE_FEED = 1;
/** A tie that never grew (never engaged) and is one-sided or began with a premature ask. */
export const ADVICE_WEED = 2;
/** A tie that once was engaged or trusted and has gone cold. */
export const ADVICE_RECONNECT = 3;

/** A change of stage, times in ms, stage codes. */
export interface RawChange {
  at: number;
  from: number;
  to: number;
  /** 0 first contact, 1 up the ladder, 2 down the ladder, 3 cooling, 4 dormant, 5 revived, 6 override. */
  why: number;
  /** The silence (ms) for cooling, dormancy and revival; the usual gap in `gap`. */
  silence: number;
  gap: number;
  /** The counts when the tie moved on the ladder: interactions, active weeks, span (ms), gives of each side, exchange mutuality. */
  count: number;
  weeks: number;
  span: number;
  g0: number;
  g1: number;
  ratio: number;
}

/**
 * Everything the kernel knows about one relationship at `now`. Sides are 0
 * (the dyad's A, the smaller key) and 1 (B). A bulk pass reuses one object.
 */
export interface Assessment extends Lenses {
  /** Interactions at or before now. */
  n: number;
  /** Interactions started by each side. */
  i0: number;
  i1: number;
  /** Interactions each side took part in: those it started, and the joint ones the other started. */
  p0: number;
  p1: number;
  /** Initiatives of each side answered by the other, left unanswered, and still within the answer window at now. */
  answered0: number;
  answered1: number;
  unanswered0: number;
  unanswered1: number;
  pending0: number;
  pending1: number;
  /** First and last interaction (ms), NaN without any. */
  first: number;
  last: number;
  activeDays: number;
  activeWeeks: number;
  /** Gives made by each side, their value, asks made by each side and their value. */
  gives0: number;
  gives1: number;
  given0: number;
  given1: number;
  asks0: number;
  asks1: number;
  asked0: number;
  asked1: number;
  // Reciprocity's lenses and the run of unreturned gives (undecayed here): the fields of `Lenses`.
  /** Side that first asked before the tie was engaged (−1: none), and when. */
  prematureSide: number;
  prematureAt: number;
  /** Number of gaps the tie's rhythm was measured on (0: not known yet, the default gap applies; see `rhythm.ts`), and the variance of their logs. */
  gapCount: number;
  gapSpread: number;
  /** Ladder level (0–3) by the history, the highest ever, the stage code by the history, and since when (ms). */
  historyLevel: number;
  historyPeak: number;
  historyStage: number;
  historySince: number;
  /** Warmth (decayed value) started by each side, and interactions in the frequency window. */
  warmth0: number;
  warmth1: number;
  recent: number;
  /** Interactions decayed with half-lives of 90, 30 and 10 days (counted only for the contact model, else 0). */
  volume90: number;
  volume30: number;
  volume10: number;

  /** The manual strength override, or NaN. */
  override: number;
  /** Stage code, level, peak and since (ms, NaN when unknown) after the override. */
  stage: number;
  level: number;
  peak: number;
  since: number;
  /** The tie's usual gap (ms), and the silences after which it cools and goes cold. */
  usualGap: number;
  coolAfter: number;
  coldAfter: number;
  /** Flag bits; the side left unanswered, with the share of its initiatives that went unanswered (1: never answered). */
  flags: number;
  oneSidedSide: number;
  oneSidedShare: number;
  /** The mutuality factor applied to the evidence: oneSidedFactor … 1 (see `mutualityOf`). */
  mutuality: number;
  /** How much of what the tie built survives its silence, in [0, 1] (see `derive`). */
  fade: number;
  /** The duration component before the fade: how long the tie lasted, in [0, 1]. */
  lasted: number;
  /**
   * What the tie was worth: its strength at its last contact (silence 0, nothing faded), or today's or the
   * override where larger. Read by reconnect; today's strength, layers and inner circle read `strength`.
   */
  peakStrength: number;
  /** Components, their weighted sum (the evidence) and the strength. */
  recency: number;
  frequency: number;
  intensity: number;
  duration: number;
  exchange: number;
  evidence: number;
  strength: number;
  /** Dates (ms, NaN when none): due for contact, starts cooling, goes cold. */
  dueAt: number;
  coolsAt: number;
  coldAt: number;
  /** Advice code. */
  advice: number;
}

/** A fresh assessment: an object literal of scalars, so that V8 allocates it in one step. */
export function newAssessment(): Assessment {
  return {
    n: 0,
    i0: 0,
    i1: 0,
    p0: 0,
    p1: 0,
    answered0: 0,
    answered1: 0,
    unanswered0: 0,
    unanswered1: 0,
    pending0: 0,
    pending1: 0,
    first: NaN,
    last: NaN,
    activeDays: 0,
    activeWeeks: 0,
    gives0: 0,
    gives1: 0,
    given0: 0,
    given1: 0,
    asks0: 0,
    asks1: 0,
    asked0: 0,
    asked1: 0,
    giveRunSide: -1,
    giveRun: 0,
    giveRunStart: NaN,
    contact0: 0,
    contact1: 0,
    contactN0: 0,
    contactN1: 0,
    credit0: 0,
    credit1: 0,
    creditN0: 0,
    creditN1: 0,
    prematureSide: -1,
    prematureAt: NaN,
    gapCount: 0,
    gapSpread: 0,
    historyLevel: 0,
    historyPeak: 0,
    historyStage: CONNECTED,
    historySince: NaN,
    warmth0: 0,
    warmth1: 0,
    recent: 0,
    volume90: 0,
    volume30: 0,
    volume10: 0,
    override: NaN,
    stage: CONNECTED,
    level: 0,
    peak: 0,
    since: NaN,
    usualGap: NaN,
    coolAfter: NaN,
    coldAfter: NaN,
    flags: 0,
    oneSidedSide: -1,
    oneSidedShare: 0,
    mutuality: 0,
    fade: 0,
    lasted: 0,
    peakStrength: 0,
    recency: 0,
    frequency: 0,
    intensity: 0,
    duration: 0,
    exchange: 0,
    evidence: 0,
    strength: 0,
    dueAt: NaN,
    coolsAt: NaN,
    coldAt: NaN,
    advice: ADVICE_NONE,
  };
}

function change(at: number, from: number, to: number, why: number, silence: number, gap: number): RawChange {
  return { at, from, to, why, silence, gap, count: 0, weeks: 0, span: 0, g0: 0, g1: 0, ratio: 0 };
}

/** min/max of two values; 0 when both are 0. */
export function ratioOf(x: number, y: number): number {
  const hi = x > y ? x : y;
  return hi > 0 ? (x < y ? x : y) / hi : 0;
}

/**
 * The ladder rung reached by running counts (the rules of the module comment),
 * on scalars so that the loop calls it without building a state. `p0`, `p1`
 * are the interactions each side took part in.
 */
function rungOf(
  n: number,
  p0: number,
  p1: number,
  weeks: number,
  span: number,
  g0: number,
  g1: number,
  v0: number,
  v1: number,
  m: ResolvedModel,
): number {
  if (p0 < 1 || p1 < 1) return CONNECTED;
  if (
    n < m.engagedMinInteractions ||
    weeks < m.engagedMinActiveWeeks ||
    span < m.engagedMinSpan ||
    (p0 < p1 ? p0 : p1) < m.engagedMinEachSide
  )
    return ACQUAINTED;
  if (
    span < m.trustedMinSpan ||
    n < m.trustedMinInteractions ||
    (g0 < g1 ? g0 : g1) < m.trustedMinGivesEach ||
    ratioOf(v0, v1) < m.trustedMinExchangeMutuality
  )
    return ENGAGED;
  return TRUSTED;
}

/** The silence after which a tie with usual gap `gap` cools, or goes cold: max(factor × gap, minimum), in whole ms. */
export function silenceAfter(gap: number, factor: number, minimum: number): number {
  return Math.max(Math.round(factor * gap), minimum);
}

/** How often a tie is due for contact by its own rhythm: its usual gap, and never sooner than `minDueGap`. */
export function rhythmCadence(usualGap: number, m: ResolvedModel): number {
  return usualGap > m.minDueGap ? usualGap : m.minDueGap;
}

/** The frequency component: 1 − e^(−interactions in the window / scale). */
const frequencyOf = (recent: number, m: ResolvedModel): number => 1 - Math.exp(-recent / m.frequencyScale);
/** The intensity component: warmth / (warmth + scale). */
const intensityOf = (warmth: number, m: ResolvedModel): number => warmth / (warmth + m.intensityScale);
/** How long the tie lasted, before any fade: 1 − 2^(−span / duration scale). */
const lastedOf = (span: number, m: ResolvedModel): number => 1 - Math.pow(2, -span / m.durationScaleMs);
/** The exchange component before any fade: m / (m + scale), m the value the lesser giver gave. */
const exchangeOf = (v0: number, v1: number, m: ResolvedModel): number => {
  const less = v0 < v1 ? v0 : v1;
  return less / (less + m.exchangeScale);
};
/** The evidence: the weighted sum of the components. */
function evidenceOf(
  recency: number,
  frequency: number,
  intensity: number,
  duration: number,
  exchange: number,
  m: ResolvedModel,
): number {
  const w = m.weights;
  return (
    w.recency * recency +
    w.frequency * frequency +
    w.intensity * intensity +
    w.duration * duration +
    w.exchange * exchange
  );
}

/**
 * The first event before `e` of the run that starts at `start` older than
 * `oldest` (events at or after it lie inside the answer window), or
 * `start − 1` when the whole run does.
 */
function lastOutside(time: Float64Array, start: number, e: number, oldest: number): number {
  let j = e - 1;
  while (j >= start && time[j]! >= oldest) j--;
  return j;
}

/** The window in which an initiative counts as answered: the answer window, or the usual gap if longer. */
export function answerWindowMs(usualGap: number, m: ResolvedModel): number {
  return usualGap > m.answerWindow ? usualGap : m.answerWindow;
}

/** The level an override in [0, 1] stands for: ≥ 0.75 trusted, ≥ 0.5 engaged, ≥ 0.25 acquainted, else connected. */
export function overrideLevel(o: number): number {
  return o >= 0.75 ? TRUSTED : o >= 0.5 ? ENGAGED : o >= 0.25 ? ACQUAINTED : CONNECTED;
}

/** Answered shares at and below this count as not answered at all, at and above {@link FULLY_ANSWERED} as fully answered. */
const BARELY_ANSWERED = 0.2;
const FULLY_ANSWERED = 0.8;

/**
 * The answered share of one side's initiatives: answered over decided (1
 * without any decided), where the asks it made that were met and never
 * returned are not answered — once it has asked at least `minAsks` times and
 * the other side has given, each ask beyond its own gives. A side that keeps
 * asking, is helped, and never helps back takes without giving: by the norm of
 * reciprocity (Gouldner 1960; Granovetter's "reciprocal services"), those asks
 * are not an exchange answered. One favour asked does not make a taker; a
 * mentor who gives more than she asks is not one.
 */
function answeredShare(
  answered: number,
  unanswered: number,
  asks: number,
  gives: number,
  otherGives: number,
  minAsks: number,
): number {
  const unreturned = asks >= minAsks && otherGives > 0 && asks > gives ? asks - gives : 0;
  return answered + unanswered > 0 ? (answered > unreturned ? answered - unreturned : 0) / (answered + unanswered) : 1;
}

/**
 * The mutuality factor of the counts of `s`, in [f, 1], f = `oneSidedFactor`:
 * f when one side has never taken part; otherwise it follows the answered
 * share of the side answered least (answered / decided initiatives, 1 without
 * any decided; asks met and never returned are not answered, see
 * `answeredShare`), f at ≤ 20 % answered, 1 from 80 %, linear between.
 * Who starts more, or gives more, does not enter: a sister who makes most of
 * the calls is as mutual as a friend who alternates.
 */
export function mutualityOf(s: Assessment, m: ResolvedModel): number {
  const f = m.oneSidedFactor;
  if (s.p0 < 1 || s.p1 < 1) return f;
  const k = m.oneSidedMinInteractions;
  const s0 = answeredShare(s.answered0, s.unanswered0, s.asks0, s.gives0, s.gives1, k);
  const s1 = answeredShare(s.answered1, s.unanswered1, s.asks1, s.gives1, s.gives0, k);
  const a = s0 < s1 ? s0 : s1;
  const x =
    a <= BARELY_ANSWERED ? 0 : a >= FULLY_ANSWERED ? 1 : (a - BARELY_ANSWERED) / (FULLY_ANSWERED - BARELY_ANSWERED);
  return f + (1 - f) * x;
}

/**
 * Assesses dyad `d` at `now`: runs the one pass over its events at or before
 * `now`, then derives every answer (see {@link Assessment}). When `changes`
 * is given, records every change of stage into it. `out` is reused in bulk
 * passes. `strength: false` skips the warmth sums (an exponential per event)
 * for a caller that reads no strength — its strength fields are then NaN;
 * `volumes: true` adds the decayed counts the contact model reads.
 */
export function assessDyad(
  index: InteractionIndex,
  d: number,
  now: number,
  model: ResolvedModel,
  out: Assessment,
  changes: RawChange[] | null = null,
  strength = true,
  volumes = false,
): Assessment {
  const end = eventsEnd(index, d, now);
  runHistory(index, d, end, now, model, out, changes, strength, volumes);
  derive(out, index.override[d]!, now, model, changes);
  if (!strength)
    out.recency =
      out.frequency =
      out.intensity =
      out.duration =
      out.exchange =
      out.evidence =
      out.strength =
      out.fade =
      out.lasted =
      out.peakStrength =
        NaN;
  return out;
}

/**
 * The two tracks of the rhythm (every interaction, contact alone) and the mean log gap after each
 * event (see `rhythmPass`), reused: a pass never runs inside another.
 */
const ALL_TRACK = /* @__PURE__ */ new Rhythm();
const CONTACT_TRACK = /* @__PURE__ */ new Rhythm();
let LOG_GAPS = /* @__PURE__ */ new Float64Array(256);

/** The usual gap (ms) of a mean log gap of the rhythm pass: the default gap while the tie has none (−∞). */
const gapOf = (logGap: number, m: ResolvedModel): number => (logGap === -Infinity ? m.defaultGap : gapOfLog(logGap));

/**
 * The mean log gap (days) below which neither silence threshold depends on the usual gap (both
 * are their minimum silences), less {@link LOG_MARGIN}: the loop compares the gap's log with it
 * instead of taking an exponential per new episode. Computed for the last model a pass ran with.
 */
let floorModel: ResolvedModel | null = null,
  floor = 0;

/** The one pass over the events of dyad `d` before `end` (see the module comment); writes the running counts into `s`. */
function runHistory(
  index: InteractionIndex,
  d: number,
  end: number,
  now: number,
  th: ResolvedModel,
  s: Assessment,
  changes: RawChange[] | null,
  warm: boolean,
  volumes: boolean,
): void {
  const { time, dir, kind, weight, kindValue, kindRole, kindJoint } = index;
  const start = index.eventOffset[d]!;
  // Both silence thresholds are at least their minimum: below it, nothing decays.
  const minSilence = th.coolingMinSilence;
  // A float64 copy of `now`: with the tagged parameter itself, V8 boxed every event's time.
  const nowMs = now + 0;
  const decay = Math.LN2 / th.halfLifeMs;
  const windowMs = th.frequencyWindowMs;
  const windowStart = nowMs - windowMs;
  if (floorModel !== th) {
    floorModel = th;
    floor =
      Math.log(
        Math.min(th.coolingMinSilence / th.coolingGapFactor, th.dormantMinSilence / th.dormantGapFactor) / DAY_MS,
      ) - LOG_MARGIN;
  }
  // The rhythm first, in its own loop: the usual gap after each event, read below where a rule needs it.
  if (end - start > LOG_GAPS.length) LOG_GAPS = new Float64Array(2 * (end - start));
  const logGaps = LOG_GAPS;
  const mixed = rhythmPass(time, kind, index.kindRole, start, end, ALL_TRACK, CONTACT_TRACK, logGaps);
  let n = 0,
    i0 = 0,
    i1 = 0,
    p0 = 0,
    p1 = 0;
  let first = NaN,
    last = NaN;
  let nextDay = -Infinity,
    activeDays = 0;
  let nextWeek = -Infinity,
    activeWeeks = 0;
  let g0 = 0,
    g1 = 0,
    v0 = 0,
    v1 = 0,
    a0 = 0,
    a1 = 0,
    av0 = 0,
    av1 = 0;
  let prematureSide = -1,
    prematureAt = NaN;
  let level = 0,
    peak = 0,
    stage = 0,
    since = NaN;
  // Warmth of each side, decayed to the last contact: one exponential per event.
  let w0 = 0,
    w1 = 0,
    recent = 0;
  // Answers: the run of initiatives waiting for the other side (all by one side), and the counts.
  let waitSide = -1,
    waitStart = 0,
    ans0 = 0,
    ans1 = 0,
    un0 = 0,
    un1 = 0;
  // Decayed counts at 90, 30 and 10 days from one exponential: u = 2^(−age/90 d), u³ and u⁹.
  let v90 = 0,
    v30 = 0,
    v10 = 0;
  const decay90 = Math.LN2 / (90 * DAY_MS);
  // The silence thresholds of the usual gap whose mean log is `coolLog` (NaN: none yet), and that
  // gap in ms (NaN where the thresholds did not need it: below their floors they are their minimum
  // silences, and an exponential per episode was the loop's largest cost).
  let coolLog = NaN,
    gap = NaN,
    coolAfter = NaN,
    coldAfter = NaN;

  for (let e = start; e <= end; e++) {
    // The last round (e === end) only lets the silence up to `now` decay the tie.
    const t = e < end ? time[e]! : nowMs;
    if (level >= ACQUAINTED && t - last >= minSilence) {
      // Cooling and dormancy happen in the silence before t: they are entered at the
      // moment the silence crossed the threshold. Strictly longer than the threshold
      // before an event; at `now`, reaching it is enough.
      // The rhythm as of the last contact.
      const logGap = logGaps[e - 1 - start]!;
      if (logGap !== coolLog) {
        coolLog = logGap;
        // Below its floor, a threshold is its minimum silence whatever the exact gap; a change records the gap.
        gap = changes !== null || logGap === -Infinity || logGap >= floor ? gapOf(logGap, th) : NaN;
        coolAfter = gap !== gap ? th.coolingMinSilence : silenceAfter(gap, th.coolingGapFactor, th.coolingMinSilence);
        coldAfter = gap !== gap ? th.dormantMinSilence : silenceAfter(gap, th.dormantGapFactor, th.dormantMinSilence);
      }
      const silence = t - last;
      // Only an engaged or trusted tie has warmth to lose (cooling); any two-way tie goes cold.
      if (level >= ENGAGED && stage < COOLING && (e === end ? silence >= coolAfter : silence > coolAfter)) {
        if (changes !== null) changes.push(change(last + coolAfter, stage, COOLING, 3, coolAfter, gap));
        stage = COOLING;
        since = last + coolAfter;
      }
      if (stage !== DORMANT && (e === end ? silence >= coldAfter : silence > coldAfter)) {
        if (changes !== null) changes.push(change(last + coldAfter, stage, DORMANT, 4, coldAfter, gap));
        stage = DORMANT;
        since = last + coldAfter;
      }
    }
    if (e === end) break;

    const side = dir[e]!;
    const k = kind[e]!;
    const r = kindRole[k]!;
    const joint = kindJoint[k] === 1;
    const value = weight === null ? kindValue[k]! : kindValue[k]! * weight[e]!;
    if (r === ROLE_ASK && prematureSide < 0 && level < ENGAGED) {
      prematureSide = side;
      prematureAt = t;
    }
    n++;
    if (warm) {
      // Warmth w(t) = Σ value · 2^(−(t − tᵢ)/T½) (relational-event models, Lerner & Lomi 2020), carried from the last contact.
      if (n > 1) {
        const f = Math.exp((last - t) * decay);
        w0 *= f;
        w1 *= f;
      }
      if (side === 0) w0 += value;
      else w1 += value;
    }
    if (side === 0) {
      i0++;
      p0++;
      if (joint) p1++;
    } else {
      i1++;
      p1++;
      if (joint) p0++;
    }
    if (t > windowStart) recent++;
    if (volumes) {
      const u = Math.exp((t - nowMs) * decay90);
      const u3 = u * u * u;
      v90 += u;
      v30 += u3;
      v10 += u3 * u3 * u3;
    }
    if (t >= nextDay) {
      // A new day of contact (events are sorted: no earlier day comes back).
      const day = Math.floor(t / DAY_MS);
      nextDay = (day + 1) * DAY_MS;
      if (n === 1) first = t;
      activeDays++;
      if (t >= nextWeek) {
        const week = Math.floor(t / WEEK_MS);
        nextWeek = (week + 1) * WEEK_MS;
        activeWeeks++;
      }
    }
    // Answers: the other side taking part answers the waiting run, within the answer window of each initiative.
    if (waitSide >= 0 && (joint || side !== waitSide)) {
      // The window: the answer window, or the usual gap with this contact counted if longer. Within the
      // answer window the whole run is answered, and the gap need not be known.
      let j = waitStart - 1;
      if (time[waitStart]! < t - th.answerWindow) {
        j = lastOutside(time, waitStart, e, t - answerWindowMs(gapOf(logGaps[e - start]!, th), th));
      }
      const answered = e - 1 - j;
      const missed = j + 1 - waitStart;
      if (waitSide === 0) {
        ans0 += answered;
        un0 += missed;
      } else {
        ans1 += answered;
        un1 += missed;
      }
      waitSide = -1;
    }
    if (joint) {
      // Both took part: answered by its nature.
      if (side === 0) ans0++;
      else ans1++;
    } else if (waitSide < 0) {
      waitSide = side;
      waitStart = e;
    }
    last = t;
    if (r === ROLE_GIVE) {
      if (side === 0) {
        g0++;
        v0 += value;
      } else {
        g1++;
        v1 += value;
      }
    } else if (r === ROLE_ASK) {
      if (side === 0) {
        a0++;
        av0 += value;
      } else {
        a1++;
        av1 += value;
      }
    }
    const rung = rungOf(n, p0, p1, activeWeeks, last - first, g0, g1, v0, v1, th);
    const previous = level;
    level = rung;
    if (level > peak) peak = level;
    if (since !== since) {
      if (changes !== null) changes.push(change(t, NONE, level, 0, 0, 0));
      stage = level;
      since = t;
    } else if (level !== stage) {
      if (changes !== null) {
        const revived = stage >= COOLING && level === previous;
        const c = change(t, stage, level, revived ? 5 : level > previous ? 1 : 2, t - last, 0);
        c.count = n;
        c.weeks = activeWeeks;
        c.span = last - first;
        c.g0 = g0;
        c.g1 = g1;
        c.ratio = ratioOf(v0, v1);
        changes.push(c);
      }
      stage = level;
      since = t;
    }
  }

  gap = gapOf(end > start ? logGaps[end - 1 - start]! : -Infinity, th);
  s.n = n;
  s.i0 = i0;
  s.i1 = i1;
  s.p0 = p0;
  s.p1 = p1;
  s.answered0 = ans0;
  s.answered1 = ans1;
  s.unanswered0 = un0;
  s.unanswered1 = un1;
  s.gives0 = g0;
  s.gives1 = g1;
  s.given0 = v0;
  s.given1 = v1;
  s.asks0 = a0;
  s.asks1 = a1;
  s.asked0 = av0;
  s.asked1 = av1;
  // What the tie was worth at its last contact (silence 0, nothing faded, the answers decided by then).
  let peakStrength = 0;
  if (warm && n > 0) {
    let inWindow = end - 1;
    while (inWindow >= start && time[inWindow]! > last - windowMs) inWindow--;
    peakStrength =
      mutualityOf(s, th) *
      evidenceOf(
        1,
        frequencyOf(end - 1 - inWindow, th),
        intensityOf(w0 + w1, th),
        lastedOf(last - first, th),
        exchangeOf(v0, v1, th),
        th,
      );
  }
  // The run still waiting at now: unanswered once its answer window has passed, pending before.
  let pending = 0;
  if (waitSide >= 0) {
    const j = lastOutside(time, waitStart, end, nowMs - answerWindowMs(gap, th));
    pending = end - 1 - j;
    if (waitSide === 0) s.unanswered0 += j + 1 - waitStart;
    else s.unanswered1 += j + 1 - waitStart;
  }
  s.pending0 = waitSide === 0 ? pending : 0;
  s.pending1 = waitSide === 1 ? pending : 0;
  s.first = first;
  s.last = last;
  s.activeDays = activeDays;
  s.activeWeeks = activeWeeks;
  // Reciprocity's lenses and the run of unreturned gives: their one home (lenses.ts), over the same events.
  sumLenses(index, d, end, nowMs, NaN, s);
  s.prematureSide = prematureSide;
  s.prematureAt = prematureAt;
  s.usualGap = gap;
  const track = rhythmTrack(ALL_TRACK, mixed ? CONTACT_TRACK : null);
  s.gapCount = track.count;
  s.gapSpread = spread(track);
  s.historyLevel = level;
  s.historyPeak = peak;
  s.historyStage = stage;
  s.historySince = since;
  // Warmth at now: carried from the last contact over the silence since.
  const f = n > 0 && warm ? Math.exp((last - nowMs) * decay) : 0;
  s.warmth0 = w0 * f;
  s.warmth1 = w1 * f;
  s.peakStrength = peakStrength;
  s.volume90 = v90;
  s.volume30 = v30;
  s.volume10 = v10;
  s.recent = recent;
}

/**
 * Everything that follows from the history at `now`: rhythm, flags,
 * mutuality, strength, override, dates and advice — each rule in one place.
 */
function derive(s: Assessment, override: number, now: number, m: ResolvedModel, changes: RawChange[] | null): void {
  const n = s.n;
  // Rhythm, and the silences after which the tie cools and goes cold.
  const gap = s.usualGap;
  s.coolAfter = silenceAfter(gap, m.coolingGapFactor, m.coolingMinSilence);
  s.coldAfter = silenceAfter(gap, m.dormantGapFactor, m.dormantMinSilence);

  // One-sided: a side most of whose initiatives went unanswered (once enough are decided), or
  // that started enough while the other never took part at all.
  let flags = 0;
  s.oneSidedSide = -1;
  s.oneSidedShare = 0;
  const d0 = s.answered0 + s.unanswered0;
  const d1 = s.answered1 + s.unanswered1;
  const u0 =
    s.p1 === 0 ? (s.i0 >= m.oneSidedMinInteractions ? 1 : 0) : d0 >= m.oneSidedMinInteractions ? s.unanswered0 / d0 : 0;
  const u1 =
    s.p0 === 0 ? (s.i1 >= m.oneSidedMinInteractions ? 1 : 0) : d1 >= m.oneSidedMinInteractions ? s.unanswered1 / d1 : 0;
  if ((u0 >= u1 ? u0 : u1) >= m.oneSidedUnanswered) {
    flags |= FLAG_ONE_SIDED;
    s.oneSidedSide = u0 >= u1 ? 0 : 1;
    s.oneSidedShare = u0 >= u1 ? u0 : u1;
  }
  if (s.prematureSide >= 0) flags |= FLAG_PREMATURE_ASK;
  if (s.giveRun >= m.giverFatigueRun && s.giveRunSide >= 0) flags |= FLAG_GIVER_FATIGUE;
  s.flags = flags;
  s.mutuality = mutualityOf(s, m);

  // Strength = mutuality × evidence; the evidence is a weighted sum of components in [0, 1],
  // every one of which fades with silence: recency, frequency and intensity by their own decay,
  // duration and exchange by the fade, which spares one usual gap of silence and then halves
  // every max(half-life, usual gap) — so a tie silent for years is near 0, whatever it was.
  if (n > 0) {
    const twoWay = s.p0 > 0 && s.p1 > 0;
    // Recency against the tie's own rhythm: a quarterly tie is not stale after a month.
    const scale = twoWay && gap > m.halfLifeMs ? gap : m.halfLifeMs;
    const silence = now - s.last;
    s.recency = Math.pow(2, -silence / scale);
    s.fade = silence > gap ? Math.pow(2, -(silence - gap) / scale) : 1;
    s.frequency = frequencyOf(s.recent, m);
    s.intensity = intensityOf(s.warmth0 + s.warmth1, m);
    s.lasted = lastedOf(s.last - s.first, m);
    s.duration = s.fade * s.lasted;
    s.exchange = s.fade * exchangeOf(s.given0, s.given1, m);
    s.evidence = evidenceOf(s.recency, s.frequency, s.intensity, s.duration, s.exchange, m);
  } else {
    s.recency = s.frequency = s.intensity = s.duration = s.exchange = s.evidence = s.fade = s.lasted = 0;
  }
  s.strength = s.mutuality * s.evidence;
  if (s.strength > s.peakStrength) s.peakStrength = s.strength;

  // A manual override sets the strength and the rung of the ladder; silence
  // still cools and chills the tie by the same rule as the history's.
  s.override = override;
  s.level = s.historyLevel;
  s.peak = s.historyPeak;
  s.stage = s.historyStage;
  s.since = s.historySince;
  if (override === override) {
    s.strength = override;
    if (override > s.peakStrength) s.peakStrength = override;
    s.level = overrideLevel(override);
    if (s.level > s.peak) s.peak = s.level;
    const silence = n > 0 ? now - s.last : 0;
    const stage =
      n > 0 && s.level >= ACQUAINTED && silence >= s.coldAfter
        ? DORMANT
        : n > 0 && s.level >= ENGAGED && silence >= s.coolAfter
          ? COOLING
          : s.level;
    if (changes !== null && stage !== s.stage) changes.push(change(now, n > 0 ? s.stage : NONE, stage, 6, 0, 0));
    if (stage !== s.stage) s.since = NaN;
    s.stage = stage;
  }

  // Dates: due once silent for the usual gap (at least minDueGap); cooling and cold only where the
  // stage can follow (an engaged tie cools, a two-way tie goes cold), at the instant it would.
  s.coolsAt = n > 0 && s.level >= ENGAGED ? s.last + s.coolAfter : NaN;
  s.coldAt = n > 0 && s.level >= ACQUAINTED ? s.last + s.coldAfter : NaN;
  const weed = override !== override && s.peak < ENGAGED && (flags & (FLAG_ONE_SIDED | FLAG_PREMATURE_ASK)) !== 0;
  // Due: every living two-way tie that is not to be weeded; one that was engaged or trusted is due
  // whoever usually started it and whether or not the other answered lately.
  const keep = n > 0 && s.stage !== DORMANT && s.level >= ACQUAINTED && !weed;
  s.dueAt = keep ? s.last + rhythmCadence(gap, m) : NaN;

  // Advice, disjoint: reconnect (went cold after it mattered), feed (valuable, going quiet), weed (never grew).
  if (n > 0 && s.stage === DORMANT && s.peak >= ENGAGED) s.advice = ADVICE_RECONNECT;
  // Past its due date, as keepInTouch counts overdue days: at the due instant a tie is due, not yet overdue.
  else if (keep && s.peak >= ENGAGED && (s.stage === COOLING || now > s.dueAt)) s.advice = ADVICE_FEED;
  else if (n > 0 && weed) s.advice = ADVICE_WEED;
  else s.advice = ADVICE_NONE;
}

/** Strength in [0, 1] of every dyad of `index` at `now`, by dyad id (the kernel's strength, override included). */
export function computeDyadStrengths(index: InteractionIndex, now: number, model: ResolvedModel): Float64Array {
  const out = new Float64Array(index.dyadCount);
  const s = newAssessment();
  for (let d = 0; d < index.dyadCount; d++) out[d] = assessDyad(index, d, now, model, s).strength;
  return out;
}
