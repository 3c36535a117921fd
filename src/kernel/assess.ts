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
 * - acquainted: both sides have started an interaction (Knapp's initiating and experimenting stages);
 * - engaged: ≥ n interactions over ≥ w distinct weeks and ≥ s days, each side starting ≥ e;
 * - trusted: engaged, over ≥ a quarter, with gives both ways and exchange mutuality ≥ μ.
 * On the way down, measured against the tie's own rhythm (its usual gap, see
 * {@link usualGapMs}): an engaged or trusted tie cools after 3× its usual gap;
 * any two-way tie goes cold — `dormant` — after 8× (Navarro et al. 2017).
 *
 * The running counts live in local variables (registers, unboxed doubles) and
 * are written to the reused {@link Assessment} once at the end: this loop is
 * the cost of assessing a whole network.
 *
 * @module
 * @internal
 */
import { DAY_MS } from '../core/time.js';
import { eventsEnd, type InteractionIndex } from '../core/interaction-index.js';
import type { ResolvedModel } from './options.js';

const WEEK_MS = 7 * DAY_MS;
/** Contact days at most this many days apart belong to one episode (a message and its replies)… */
export const EPISODE_DAYS = 2;
/** …and so do contact days closer than this share of the tie's usual gap (a meeting and its follow-up). */
export const FOLLOW_UP_SHARE = 0.25;
/** An episode that lasts at most this many days is a burst, counted as one contact; a longer one is a steady stream, whose daily rhythm counts. */
export const BURST_DAYS = 7;
const ROLE_GIVE = 1;
const ROLE_ASK = 2;
/** ln(k) for gaps of k days, tabulated: Math.log was a third of the machine's time. Same values as Math.log. */
const LN_DAYS = /* @__PURE__ */ Float64Array.from({ length: 4096 }, (_, k) => Math.log(k));

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

/** One-sided lenses: who starts the interactions, and who gives (gives, and the other's asks). */
export const LENS_NONE = 0;
export const LENS_CONTACT = 1;
export const LENS_EXCHANGE = 2;

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
export interface Assessment {
  /** Interactions at or before now. */
  n: number;
  /** Interactions started by each side. */
  i0: number;
  i1: number;
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
  /** The side of the current run of gives without a give back, and its length. */
  giveRunSide: number;
  giveRun: number;
  /** Side that first asked before the tie was engaged (−1: none), and when. */
  prematureSide: number;
  prematureAt: number;
  /** Σ ln(gap in days) and number of gaps of the tie's rhythm (see usualGapMs). */
  gapLogSum: number;
  gapCount: number;
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
  /** Flag bits, the one-sided lens and the side that holds it, with its share. */
  flags: number;
  oneSidedLens: number;
  oneSidedSide: number;
  oneSidedShare: number;
  /** The mutuality factor applied to the evidence: oneSidedFactor … 1. */
  mutuality: number;
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
    prematureSide: -1,
    prematureAt: NaN,
    gapLogSum: 0,
    gapCount: 0,
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
    oneSidedLens: LENS_NONE,
    oneSidedSide: -1,
    oneSidedShare: 0,
    mutuality: 0,
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
 * on scalars so that the loop calls it without building a state.
 */
function rungOf(
  n: number,
  i0: number,
  i1: number,
  weeks: number,
  span: number,
  g0: number,
  g1: number,
  v0: number,
  v1: number,
  m: ResolvedModel,
): number {
  if (i0 < 1 || i1 < 1) return CONNECTED;
  if (
    n < m.engagedMinInteractions ||
    weeks < m.engagedMinActiveWeeks ||
    span < m.engagedMinSpan ||
    (i0 < i1 ? i0 : i1) < m.engagedMinEachSide
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

/**
 * The usual gap of a tie (ms): the geometric mean of the gaps of its rhythm —
 * robust to a few long silences, as a median would be, and updated in O(1).
 * An episode is a run of contact days each at most 2 days, or less than a
 * quarter of the usual gap so far, after the one before (a message and its
 * replies, a meeting and its follow-up). An episode that lasts at most a week
 * — a burst — counts as one contact at its start; a longer one — a steady
 * stream — keeps its day-to-day gaps, so that near-daily contact has a usual
 * gap of a day or two. The default gap until the rhythm is known.
 */
export function usualGapMs(gapLogSum: number, gapCount: number, defaultGap: number): number {
  // Whole milliseconds: the dates that follow (due, cooling, cold) are exact instants.
  return gapCount > 0 ? Math.round(Math.exp(gapLogSum / gapCount) * DAY_MS) : defaultGap;
}

/** The silence after which a tie with usual gap `gap` cools, or goes cold: max(factor × gap, minimum), in whole ms. */
export function silenceAfter(gap: number, factor: number, minimum: number): number {
  return Math.max(Math.round(factor * gap), minimum);
}

/** How often a tie is due for contact by its own rhythm: its usual gap, and never sooner than `minDueGap`. */
export function rhythmCadence(usualGap: number, m: ResolvedModel): number {
  return usualGap > m.minDueGap ? usualGap : m.minDueGap;
}

/** The level an override in [0, 1] stands for: ≥ 0.75 trusted, ≥ 0.5 engaged, ≥ 0.25 acquainted, else connected. */
export function overrideLevel(o: number): number {
  return o >= 0.75 ? TRUSTED : o >= 0.5 ? ENGAGED : o >= 0.25 ? ACQUAINTED : CONNECTED;
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
    out.recency = out.frequency = out.intensity = out.duration = out.exchange = out.evidence = out.strength = NaN;
  return out;
}

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
  const { time, dir, kind, weight, kindValue, kindRole } = index;
  const start = index.eventOffset[d]!;
  // Both silence thresholds are at least their minimum: below it, nothing decays.
  const minSilence = th.coolingMinSilence;
  // A float64 copy of `now`: with the tagged parameter itself, V8 boxed every event's time.
  const nowMs = now + 0;
  const decay = Math.LN2 / th.halfLifeMs;
  const windowStart = nowMs - th.frequencyWindowMs;
  let n = 0,
    i0 = 0,
    i1 = 0;
  let first = NaN,
    last = NaN;
  let lastDay = 0,
    nextDay = -Infinity,
    activeDays = 0;
  let episodeDay = 0,
    sustained = false,
    pendingLog = 0,
    pendingCount = 0;
  let gapLogSum = 0,
    gapCount = 0;
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
  let runSide = -1,
    run = 0;
  let prematureSide = -1,
    prematureAt = NaN;
  let level = 0,
    peak = 0,
    stage = 0,
    since = NaN;
  let w0 = 0,
    w1 = 0,
    recent = 0;
  // Decayed counts at 90, 30 and 10 days from one exponential: u = 2^(−age/90 d), u³ and u⁹.
  let v90 = 0,
    v30 = 0,
    v10 = 0;
  const decay90 = Math.LN2 / (90 * DAY_MS);
  // Silence thresholds for the current usual gap (NaN: recompute when needed).
  let coolAfter = NaN,
    coldAfter = NaN,
    gap = NaN;

  for (let e = start; e <= end; e++) {
    // The last round (e === end) only lets the silence up to `now` decay the tie.
    const t = e < end ? time[e]! : nowMs;
    if (level >= ACQUAINTED && t - last >= minSilence) {
      // Cooling and dormancy happen in the silence before t: they are entered at the
      // moment the silence crossed the threshold. Strictly longer than the threshold
      // before an event; at `now`, reaching it is enough.
      if (coolAfter !== coolAfter) {
        gap = usualGapMs(gapLogSum, gapCount, th.defaultGap);
        coolAfter = silenceAfter(gap, th.coolingGapFactor, th.coolingMinSilence);
        coldAfter = silenceAfter(gap, th.dormantGapFactor, th.dormantMinSilence);
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
    const value = weight === null ? kindValue[k]! : kindValue[k]! * weight[e]!;
    if (r === ROLE_ASK && prematureSide < 0 && level < ENGAGED) {
      prematureSide = side;
      prematureAt = t;
    }
    n++;
    // Warmth w(now) = Σ value · 2^(−(now − t)/T½) (relational-event models, Lerner & Lomi 2020).
    const w = warm ? value * Math.exp((t - nowMs) * decay) : 0;
    if (side === 0) {
      i0++;
      w0 += w;
    } else {
      i1++;
      w1 += w;
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
      if (n === 1) {
        first = t;
        episodeDay = day;
      } else {
        const step = day - lastDay;
        // Compared in whole milliseconds, as the usual gap is everywhere else: exp(ln 360) is not exactly 360 days.
        if (step > EPISODE_DAYS && step * DAY_MS >= FOLLOW_UP_SHARE * usualGapMs(gapLogSum, gapCount, th.defaultGap)) {
          // A new episode: the gap runs from the last contact of a steady stream, or from the start of a burst.
          const gapDays = sustained ? step : day - episodeDay;
          gapLogSum += gapDays < LN_DAYS.length ? LN_DAYS[gapDays]! : Math.log(gapDays);
          gapCount++;
          episodeDay = day;
          sustained = false;
          pendingLog = 0;
          pendingCount = 0;
          coolAfter = NaN; // the usual gap changed
        } else {
          const ln = LN_DAYS[step]!;
          if (sustained) {
            gapLogSum += ln;
            gapCount++;
            coolAfter = NaN;
          } else if (day - episodeDay > BURST_DAYS) {
            // The episode outlasted a burst: a steady stream, whose day-to-day gaps count.
            gapLogSum += pendingLog + ln;
            gapCount += pendingCount + 1;
            sustained = true;
            coolAfter = NaN;
          } else {
            pendingLog += ln;
            pendingCount++;
          }
        }
      }
      lastDay = day;
      activeDays++;
      if (t >= nextWeek) {
        const week = Math.floor(t / WEEK_MS);
        nextWeek = (week + 1) * WEEK_MS;
        activeWeeks++;
      }
    }
    const previousContact = last;
    last = t;
    if (r === ROLE_GIVE) {
      if (side === 0) {
        g0++;
        v0 += value;
      } else {
        g1++;
        v1 += value;
      }
      if (runSide === side) run++;
      else {
        runSide = side;
        run = 1;
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
    const rung = rungOf(n, i0, i1, activeWeeks, last - first, g0, g1, v0, v1, th);
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
        const c = change(t, stage, level, revived ? 5 : level > previous ? 1 : 2, t - previousContact, 0);
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

  s.n = n;
  s.i0 = i0;
  s.i1 = i1;
  s.first = first;
  s.last = last;
  s.activeDays = activeDays;
  s.activeWeeks = activeWeeks;
  s.gives0 = g0;
  s.gives1 = g1;
  s.given0 = v0;
  s.given1 = v1;
  s.asks0 = a0;
  s.asks1 = a1;
  s.asked0 = av0;
  s.asked1 = av1;
  s.giveRunSide = runSide;
  s.giveRun = run;
  s.prematureSide = prematureSide;
  s.prematureAt = prematureAt;
  s.gapLogSum = gapLogSum;
  s.gapCount = gapCount;
  s.historyLevel = level;
  s.historyPeak = peak;
  s.historyStage = stage;
  s.historySince = since;
  s.warmth0 = w0;
  s.warmth1 = w1;
  s.volume90 = v90;
  s.volume30 = v30;
  s.volume10 = v10;
  s.recent = recent;
}

/**
 * The mutuality of one lens in [0, 1], from the share of the side that holds
 * more: 0 at the one-sided share (0.8) and above, 1 at 0.1 below it (70/30)
 * and under, linear between.
 */
function lensMutuality(x: number, y: number, oneSidedShare: number): number {
  const share = (x > y ? x : y) / (x + y);
  return share >= oneSidedShare ? 0 : share <= oneSidedShare - 0.1 ? 1 : (oneSidedShare - share) / 0.1;
}

/**
 * Everything that follows from the history at `now`: rhythm, flags,
 * mutuality, strength, override, dates and advice — each rule in one place.
 */
function derive(s: Assessment, override: number, now: number, m: ResolvedModel, changes: RawChange[] | null): void {
  const n = s.n;
  // Rhythm, and the silences after which the tie cools and goes cold.
  const gap = usualGapMs(s.gapLogSum, s.gapCount, m.defaultGap);
  s.usualGap = gap;
  s.coolAfter = silenceAfter(gap, m.coolingGapFactor, m.coolingMinSilence);
  s.coldAfter = silenceAfter(gap, m.dormantGapFactor, m.dormantMinSilence);

  // One-sidedness: who starts the interactions (contact lens), or who gives —
  // a side's gives and the other's asks (exchange lens, as dyadReciprocity's).
  const x0 = s.given0 + s.asked1;
  const x1 = s.given1 + s.asked0;
  const exchangeCount = s.gives0 + s.gives1 + s.asks0 + s.asks1;
  let flags = 0;
  s.oneSidedLens = LENS_NONE;
  s.oneSidedSide = -1;
  s.oneSidedShare = 0;
  if (n >= m.oneSidedMinInteractions && n > 0 && Math.max(s.i0, s.i1) / n >= m.oneSidedShare) {
    flags |= FLAG_ONE_SIDED;
    s.oneSidedLens = LENS_CONTACT;
    s.oneSidedSide = s.i0 >= s.i1 ? 0 : 1;
    s.oneSidedShare = Math.max(s.i0, s.i1) / n;
  } else if (
    exchangeCount >= m.oneSidedMinInteractions &&
    x0 + x1 > 0 &&
    Math.max(x0, x1) / (x0 + x1) >= m.oneSidedShare
  ) {
    flags |= FLAG_ONE_SIDED;
    s.oneSidedLens = LENS_EXCHANGE;
    s.oneSidedSide = x0 >= x1 ? 0 : 1;
    s.oneSidedShare = Math.max(x0, x1) / (x0 + x1);
  }
  if (s.prematureSide >= 0) flags |= FLAG_PREMATURE_ASK;
  if (s.giveRun >= m.giverFatigueRun && s.giveRunSide >= 0) flags |= FLAG_GIVER_FATIGUE;
  s.flags = flags;

  // Mutuality: both lenses, each 0 at the one-sided share and 1 from 70/30 in; a
  // one-way tie has none. The exchange lens counts once it has the evidence.
  let mutual = n > 0 ? lensMutuality(s.i0, s.i1, m.oneSidedShare) : 0;
  if (exchangeCount >= m.oneSidedMinInteractions && x0 + x1 > 0)
    mutual = Math.min(mutual, lensMutuality(x0, x1, m.oneSidedShare));
  s.mutuality = m.oneSidedFactor + (1 - m.oneSidedFactor) * mutual;

  // Strength = mutuality × evidence; the evidence is a weighted sum of components in [0, 1].
  if (n > 0) {
    const twoWay = s.i0 > 0 && s.i1 > 0;
    // Recency against the tie's own rhythm: a quarterly tie is not stale after a month.
    const scale = twoWay && gap > m.halfLifeMs ? gap : m.halfLifeMs;
    s.recency = Math.pow(2, -(now - s.last) / scale);
    s.frequency = 1 - Math.exp(-s.recent / m.frequencyScale);
    const warmth = s.warmth0 + s.warmth1;
    s.intensity = warmth / (warmth + m.intensityScale);
    s.duration = 1 - Math.pow(2, -(s.last - s.first) / m.durationScaleMs);
    const gaveLess = s.given0 < s.given1 ? s.given0 : s.given1;
    s.exchange = gaveLess / (gaveLess + m.exchangeScale);
    const w = m.weights;
    s.evidence =
      w.recency * s.recency +
      w.frequency * s.frequency +
      w.intensity * s.intensity +
      w.duration * s.duration +
      w.exchange * s.exchange;
  } else {
    s.recency = s.frequency = s.intensity = s.duration = s.exchange = s.evidence = 0;
  }
  s.strength = s.mutuality * s.evidence;

  // A manual override sets the strength and the rung of the ladder; silence
  // still cools and chills the tie by the same rule as the history's.
  s.override = override;
  s.level = s.historyLevel;
  s.peak = s.historyPeak;
  s.stage = s.historyStage;
  s.since = s.historySince;
  if (override === override) {
    s.strength = override;
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

  // Dates: due once silent for the usual gap (at least minDueGap), cooling and cold per the thresholds.
  s.coolsAt = n > 0 && s.level >= ENGAGED ? s.last + s.coolAfter : NaN;
  s.coldAt = n > 0 ? s.last + s.coldAfter : NaN;
  const weed = override !== override && s.peak < ENGAGED && (flags & (FLAG_ONE_SIDED | FLAG_PREMATURE_ASK)) !== 0;
  const keep =
    n > 0 &&
    s.stage !== DORMANT &&
    s.level >= ACQUAINTED &&
    (override === override || ((flags & FLAG_ONE_SIDED) === 0 && !weed));
  s.dueAt = keep ? s.last + rhythmCadence(gap, m) : NaN;

  // Advice, disjoint: reconnect (went cold after it mattered), feed (valuable, going quiet), weed (never grew).
  if (n > 0 && s.stage === DORMANT && s.peak >= ENGAGED) s.advice = ADVICE_RECONNECT;
  else if (keep && s.peak >= ENGAGED && (s.stage === COOLING || now >= s.dueAt)) s.advice = ADVICE_FEED;
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
