/**
 * The strength kernel: one pass over a dyad's events that yields warmth and
 * the components of tie strength. Shared by `tieStrength`, `keepInTouch`,
 * stages, introductions and the health reports, so that they all agree on
 * what a strong tie is.
 *
 * Contract used across modules: `resolveStrengthOptions(options, module)`,
 * `computeDyadStrengths(index, nowMs, resolved)` → strength of every dyad in
 * [0, 1] by dyad id (override wins; 0 without events at or before `now`), and
 * `isDormantDyad(index, d, nowMs, resolved)`.
 *
 * @module
 * @internal
 */
import { InvalidOptionError, describeValue } from '../core/errors.js';
import { DAY_MS, parseDurationOption, type DurationInput } from '../core/time.js';
import { eventsEnd, type InteractionIndex } from '../core/interaction-index.js';

/** The components of tie strength, each in [0, 1]. */
export interface StrengthComponents {
  /** 2^(−days since last contact / half-life): recency, the strongest single predictor (Gilbert & Karahalios 2009). */
  recency: number;
  /** 1 − e^(−interactions in the frequency window / frequency scale). */
  frequency: number;
  /** Warmth / (warmth + intensity scale): the decayed value exchanged. */
  intensity: number;
  /** min/max of the two directions' warmth: weighted reciprocity (Raeder et al. 2011). */
  reciprocity: number;
  /** 1 − 2^(−days from first to last contact / duration scale). */
  duration: number;
}

/** Weights of the components; they are normalised to sum to 1. */
export type StrengthWeights = { [K in keyof StrengthComponents]: number };

/** The options of the strength model (see the strength guide). */
export interface StrengthModelOptions {
  /** Half-life of warmth and recency. Default `{ days: 30 }`; `calibrateDecay` fits it. */
  halfLife?: DurationInput;
  /**
   * Older ties decay more slowly (Burt 2000): the half-life of a tie is
   * multiplied by (1 + ageFactor × its age in years). Default 0 (off).
   */
  ageFactor?: number;
  /** Weights of the components. Default recency 0.35, frequency 0.25, intensity 0.15, reciprocity 0.15, duration 0.1. */
  weights?: Partial<StrengthWeights>;
  /** Window of the frequency component. Default `{ days: 90 }`. */
  frequencyWindow?: DurationInput;
  /** Interactions in the window at which frequency reaches 1 − 1/e. Default 6. */
  frequencyScale?: number;
  /** Warmth at which intensity reaches 1/2. Default 5 (five fresh plain messages). */
  intensityScale?: number;
  /** Duration at which the duration component reaches 1/2. Default `{ days: 180 }`. */
  durationScale?: DurationInput;
  /** A tie is dormant after silence ≥ this many usual gaps (Navarro et al. 2017). Default 8. */
  dormancyFactor?: number;
  /** …and at least this long. Default `{ days: 90 }`. */
  dormancyMinSilence?: DurationInput;
}

/** Validated strength options, durations in milliseconds, weights normalised. */
export interface ResolvedStrengthOptions {
  readonly halfLifeMs: number;
  readonly ageFactor: number;
  readonly weights: Readonly<StrengthWeights>;
  readonly frequencyWindowMs: number;
  readonly frequencyScale: number;
  readonly intensityScale: number;
  readonly durationScaleMs: number;
  readonly dormancyFactor: number;
  readonly dormancyMinSilenceMs: number;
}

/** Default component weights. */
export const DEFAULT_STRENGTH_WEIGHTS: Readonly<StrengthWeights> = /* @__PURE__ */ Object.freeze({
  recency: 0.35,
  frequency: 0.25,
  intensity: 0.15,
  reciprocity: 0.15,
  duration: 0.1,
});

const COMPONENTS = /* @__PURE__ */ Object.keys(DEFAULT_STRENGTH_WEIGHTS) as (keyof StrengthComponents)[];

function positive(value: unknown, field: string, fallback: number, module: string, allowZero = false): number {
  const v = value === undefined ? fallback : value;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (!allowZero && v === 0)) {
    throw new InvalidOptionError(`${module}: the option \`${field}\` must be a finite number ${allowZero ? '>= 0' : '> 0'}; got ${describeValue(v)}.`, { field });
  }
  return v;
}

/** Validates the strength options once, naming `module` in errors. */
export function resolveStrengthOptions(options: StrengthModelOptions, module: string): ResolvedStrengthOptions {
  const halfLifeMs = options.halfLife === undefined ? 30 * DAY_MS : parseDurationOption(options.halfLife, 'halfLife', module, false);
  const given = options.weights ?? {};
  if (given === null || typeof given !== 'object') {
    throw new InvalidOptionError(`${module}: the option \`weights\` must be an object such as { recency: 0.5 }; got ${describeValue(given)}.`, { field: 'weights' });
  }
  for (const key of Object.keys(given)) {
    if (!COMPONENTS.includes(key as keyof StrengthComponents)) {
      throw new InvalidOptionError(`${module}: unknown weight \`${key}\`; the components are ${COMPONENTS.join(', ')}.`, { field: `weights.${key}` });
    }
  }
  const raw = { ...DEFAULT_STRENGTH_WEIGHTS, ...given };
  let total = 0;
  for (const key of COMPONENTS) total += positive(raw[key], `weights.${key}`, 0, module, true);
  if (total === 0) throw new InvalidOptionError(`${module}: every weight is 0; give at least one component a positive weight.`, { field: 'weights' });
  const weights = Object.fromEntries(COMPONENTS.map((k) => [k, raw[k] / total])) as unknown as StrengthWeights;
  const dormancyFactor = positive(options.dormancyFactor, 'dormancyFactor', 8, module);
  if (dormancyFactor <= 1) {
    throw new InvalidOptionError(`${module}: the option \`dormancyFactor\` must be > 1; got ${dormancyFactor}.`, { field: 'dormancyFactor' });
  }
  return {
    halfLifeMs,
    ageFactor: positive(options.ageFactor, 'ageFactor', 0, module, true),
    weights: Object.freeze(weights),
    frequencyWindowMs: options.frequencyWindow === undefined ? 90 * DAY_MS : parseDurationOption(options.frequencyWindow, 'frequencyWindow', module, false),
    frequencyScale: positive(options.frequencyScale, 'frequencyScale', 6, module),
    intensityScale: positive(options.intensityScale, 'intensityScale', 5, module),
    durationScaleMs: options.durationScale === undefined ? 180 * DAY_MS : parseDurationOption(options.durationScale, 'durationScale', module, false),
    dormancyFactor,
    dormancyMinSilenceMs: options.dormancyMinSilence === undefined ? 90 * DAY_MS : parseDurationOption(options.dormancyMinSilence, 'dormancyMinSilence', module, true),
  };
}

/** Everything the kernel measures on one dyad at `now`. */
export interface DyadMeasures {
  /** Events at or before now. */
  count: number;
  /** Warmth initiated by the dyad's A and by its B. */
  warmthA: number;
  warmthB: number;
  /** The tie's effective half-life (ms), after the age adjustment. */
  halfLifeMs: number;
  first: number;
  last: number;
  /** Events in the frequency window. */
  recent: number;
  components: StrengthComponents;
  /** The weighted sum of the components (before any override). */
  modelled: number;
}

/** An empty {@link DyadMeasures}, to be filled by {@link measureDyad}. */
export function newMeasures(r: ResolvedStrengthOptions): DyadMeasures {
  return {
    count: 0,
    warmthA: 0,
    warmthB: 0,
    halfLifeMs: r.halfLifeMs,
    first: NaN,
    last: NaN,
    recent: 0,
    components: { recency: 0, frequency: 0, intensity: 0, reciprocity: 0, duration: 0 },
    modelled: 0,
  };
}

/**
 * Measures dyad `d` at `nowMs`: warmth w(t) = Σ value_i · 2^(−(t − t_i)/T½)
 * per direction (relational-event models, Lerner & Lomi 2020), and the
 * strength components. `out` is reused to avoid allocation in bulk passes.
 */
export function measureDyad(index: InteractionIndex, d: number, nowMs: number, r: ResolvedStrengthOptions, out?: DyadMeasures): DyadMeasures {
  const m: DyadMeasures = out ?? newMeasures(r);
  const start = index.eventOffset[d]!;
  const end = eventsEnd(index, d, nowMs);
  const c = m.components;
  m.count = end - start;
  m.warmthA = 0;
  m.warmthB = 0;
  m.recent = 0;
  if (end === start) {
    m.first = NaN;
    m.last = NaN;
    m.halfLifeMs = r.halfLifeMs;
    c.recency = c.frequency = c.intensity = c.reciprocity = c.duration = 0;
    m.modelled = 0;
    return m;
  }
  const { time, dir, kind, weight, kindValue } = index;
  const first = time[start]!;
  const last = time[end - 1]!;
  // Burt (2000): older ties decay more slowly.
  const h = r.ageFactor > 0 ? r.halfLifeMs * (1 + (r.ageFactor * (nowMs - first)) / (365.2425 * DAY_MS)) : r.halfLifeMs;
  const windowStart = nowMs - r.frequencyWindowMs;
  let wA = 0;
  let wB = 0;
  let recent = 0;
  const inv = 1 / h;
  for (let e = start; e < end; e++) {
    const t = time[e]!;
    const value = weight === null ? kindValue[kind[e]!]! : kindValue[kind[e]!]! * weight[e]!;
    const w = value * Math.pow(2, (t - nowMs) * inv);
    if (dir[e] === 0) wA += w;
    else wB += w;
    if (t > windowStart) recent++;
  }
  const warmth = wA + wB;
  const hi = wA > wB ? wA : wB;
  c.recency = Math.pow(2, (last - nowMs) * inv);
  c.frequency = 1 - Math.exp(-recent / r.frequencyScale);
  c.intensity = warmth / (warmth + r.intensityScale);
  c.reciprocity = hi > 0 ? (wA < wB ? wA : wB) / hi : 0;
  c.duration = 1 - Math.pow(2, -(last - first) / r.durationScaleMs);
  const w = r.weights;
  m.modelled = w.recency * c.recency + w.frequency * c.frequency + w.intensity * c.intensity + w.reciprocity * c.reciprocity + w.duration * c.duration;
  m.count = end - start;
  m.warmthA = wA;
  m.warmthB = wB;
  m.halfLifeMs = h;
  m.first = first;
  m.last = last;
  m.recent = recent;
  return m;
}

/** Strength in [0, 1] of every dyad of `index` at `nowMs`, by dyad id (a manual override wins). */
export function computeDyadStrengths(index: InteractionIndex, nowMs: number, resolved: ResolvedStrengthOptions): Float64Array {
  const out = new Float64Array(index.dyadCount);
  const { override } = index;
  const scratch = newMeasures(resolved);
  for (let d = 0; d < index.dyadCount; d++) {
    const o = override[d]!;
    out[d] = o === o ? o : measureDyad(index, d, nowMs, resolved, scratch).modelled;
  }
  return out;
}

/**
 * The usual gap of dyad `d` (ms) from its events before `end`: the geometric
 * mean of the gaps between the starts of its contact episodes (contact days at
 * most 2 days apart count as one episode), as the stage machine; NaN with a
 * single episode.
 */
export function usualGapOf(index: InteractionIndex, d: number, end: number): number {
  const start = index.eventOffset[d]!;
  let lastDay = NaN;
  let episodeDay = NaN;
  let episodes = 0;
  let logSum = 0;
  for (let e = start; e < end; e++) {
    const day = Math.floor(index.time[e]! / DAY_MS);
    if (day === lastDay) continue;
    if (episodes === 0 || day - lastDay > 2) {
      if (episodes > 0) logSum += Math.log(day - episodeDay);
      episodeDay = day;
      episodes++;
    }
    lastDay = day;
  }
  return episodes > 1 ? Math.exp(logSum / (episodes - 1)) * DAY_MS : NaN;
}

/**
 * Whether dyad `d` is dormant at `nowMs`: silence ≥ max(dormancyFactor × its
 * usual gap, dormancyMinSilence) (Navarro et al. 2017). A tie with a single
 * episode of contact uses a usual gap of 30 days; a tie without events is not dormant.
 */
export function isDormantDyad(index: InteractionIndex, d: number, nowMs: number, resolved: ResolvedStrengthOptions): boolean {
  const end = eventsEnd(index, d, nowMs);
  if (end === index.eventOffset[d]!) return false;
  const gap = usualGapOf(index, d, end);
  const usual = Number.isNaN(gap) ? 30 * DAY_MS : gap;
  return nowMs - index.time[end - 1]! >= Math.max(resolved.dormancyFactor * usual, resolved.dormancyMinSilenceMs);
}
