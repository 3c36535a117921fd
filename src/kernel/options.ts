/**
 * The options of the relationship model, in one place: every rule of the
 * kernel (rhythm, ladder, cooling and dormancy, one-sidedness, strength) has
 * one option name and one default here, and the public functions that answer
 * about a tie through the kernel take the same {@link RelationshipModelOptions}.
 * The reciprocity functions do not: their `halfLife` means no decay unless
 * given, and `personReciprocity`'s `fatigueRun` repeats `giverFatigueRun`.
 *
 * @module
 */
import { readInteger, readNumber, readObject } from '../core/args.js';
import { InvalidOptionError, optionError } from '../core/errors.js';
import { DAY_MS, parseDurationOption, type DurationInput } from '../core/time.js';

/** The thresholds of the relationship rules; every one is an option (see the relationship-model guide for sources). */
export interface StageThresholds {
  /** `engaged` needs at least this many interactions. Default 6. */
  engagedMinInteractions: number;
  /** `engaged` needs contact spread over at least this many distinct weeks. Default 3. */
  engagedMinActiveWeeks: number;
  /** `engaged` needs this much time from the first to the last contact. Default `{ days: 21 }`. */
  engagedMinSpan: DurationInput;
  /** `engaged` needs each side to have started at least this many interactions. Default 2. */
  engagedMinEachSide: number;
  /** `trusted` needs this much time from the first to the last contact. Default `{ days: 90 }`. */
  trustedMinSpan: DurationInput;
  /** `trusted` needs each side to have given (give kinds) at least this many times. Default 1. */
  trustedMinGivesEach: number;
  /** `trusted` needs exchange mutuality (min/max of the value each side gave) at least this. Default 0.2. */
  trustedMinExchangeMutuality: number;
  /** `trusted` needs at least this many interactions. Default 12. */
  trustedMinInteractions: number;
  /** An engaged or trusted tie silent longer than this many usual gaps is `cooling`. Default 2.5. */
  coolingGapFactor: number;
  /** …and at least this long. Default `{ days: 21 }`. */
  coolingMinSilence: DurationInput;
  /** A tie silent longer than this many usual gaps has gone cold: `dormant` (Navarro et al. 2017: ~8). Default 8. */
  dormantGapFactor: number;
  /** …and at least this long. Default `{ days: 90 }`. */
  dormantMinSilence: DurationInput;
  /** The usual gap of a tie whose rhythm is not known yet (a single burst of contact). Default `{ days: 30 }`. */
  defaultGap: DurationInput;
  /** A tie is due for contact once silent for its usual gap, and never sooner than this. Default `{ days: 7 }`. */
  minDueGap: DurationInput;
  /** An initiative counts as answered when the other side takes part within this time (or the tie's usual gap, if longer). Default `{ days: 30 }`. */
  answerWindow: DurationInput;
  /** `one-sided` when at least this share of one side's initiatives went unanswered. Default 0.5. */
  oneSidedUnanswered: number;
  /** …counted once at least this many of that side's initiatives are answered or past their answer window. Default 3. */
  oneSidedMinInteractions: number;
  /** `giver-fatigue` after this many gives in a row without a give back. Default 3. */
  giverFatigueRun: number;
}

/** The components of tie strength, each in [0, 1]. */
export interface StrengthComponents {
  /** 2^(−silence / T), T the larger of the half-life and the tie's usual gap: recency judged against the tie's own rhythm (Gilbert & Karahalios 2009). */
  recency: number;
  /** 1 − e^(−interactions in the frequency window / frequency scale). */
  frequency: number;
  /** Warmth / (warmth + intensity scale): the decayed value exchanged (Lerner & Lomi 2020). */
  intensity: number;
  /** 1 − 2^(−days from first to last contact / duration scale): how long the tie has lasted. */
  duration: number;
  /** m / (m + exchange scale), m the smaller of the values the two sides gave: gives both ways, the mark of trust. */
  exchange: number;
}

/** Weights of the strength components; they are normalised to sum to 1. */
export type StrengthWeights = { [K in keyof StrengthComponents]: number };

/** The options of the relationship model: one name and one default for each rule. */
export interface RelationshipModelOptions {
  /** Half-life of warmth and recency. Default `{ days: 30 }`. */
  halfLife?: DurationInput;
  /** Weights of the strength components. Default recency 0.17, frequency 0, intensity 0.425, duration 0.255, exchange 0.15 (chosen on the validation data sets; see the strength guide). */
  weights?: Partial<StrengthWeights>;
  /** What is left of the strength of a tie whose initiatives go unanswered (or whose other side never took part): its evidence × this; a tie answered at least 80 % of the time keeps all of it. Default 0.25. */
  oneSidedFactor?: number;
  /** Window of the frequency component. Default `{ days: 90 }`. */
  frequencyWindow?: DurationInput;
  /** Interactions in the window at which frequency reaches 1 − 1/e. Default 6. */
  frequencyScale?: number;
  /** Warmth at which intensity reaches 1/2. Default 5 (five fresh plain messages). */
  intensityScale?: number;
  /** Duration at which the duration component reaches 1/2. Default `{ days: 180 }`. */
  durationScale?: DurationInput;
  /** Value given by the lesser giver at which the exchange component reaches 1/2. Default 4 (one help each way). */
  exchangeScale?: number;
  /** Thresholds of the stage, rhythm and one-sidedness rules; the others keep their defaults. */
  thresholds?: Partial<StageThresholds>;
}

/**
 * Default thresholds. Sources (see the relationship-model guide):
 * - engaged ≈ "regular two-way contact over weeks": Dunbar's 50-layer is
 *   contact about monthly (Hill & Dunbar 2003); Knapp's *intensifying* stage
 *   needs repeated contact; 6 interactions over ≥ 3 distinct weeks and 21 days;
 * - trusted ≈ "sustained, reciprocated exchange including gives, over months":
 *   a quarter (90 days), gives both ways, exchange mutuality ≥ 0.2 (Raeder et
 *   al. 2011: reciprocated ties persist); Hall 2019 finds ~90–200 hours over
 *   months turn acquaintances into friends;
 * - dormant after 8× the usual gap (Navarro et al. 2017), cooling after 2.5× (a monthly tie silent
 *   for ten weeks is drifting, as its owner would say).
 */
export const DEFAULT_STAGE_THRESHOLDS: Readonly<StageThresholds> = /* @__PURE__ */ deepFreeze({
  engagedMinInteractions: 6,
  engagedMinActiveWeeks: 3,
  engagedMinSpan: { days: 21 },
  engagedMinEachSide: 2,
  trustedMinSpan: { days: 90 },
  trustedMinGivesEach: 1,
  trustedMinExchangeMutuality: 0.2,
  trustedMinInteractions: 12,
  coolingGapFactor: 2.5,
  coolingMinSilence: { days: 21 },
  dormantGapFactor: 8,
  dormantMinSilence: { days: 90 },
  defaultGap: { days: 30 },
  minDueGap: { days: 7 },
  answerWindow: { days: 30 },
  oneSidedUnanswered: 0.5,
  oneSidedMinInteractions: 3,
  giverFatigueRun: 3,
});

/** Default strength weights (chosen on the validation data sets; see the strength guide). */
export const DEFAULT_STRENGTH_WEIGHTS: Readonly<StrengthWeights> = /* @__PURE__ */ deepFreeze({
  recency: 0.17,
  frequency: 0,
  intensity: 0.425,
  duration: 0.255,
  exchange: 0.15,
});

/** What is left of the strength of a tie whose initiatives go unanswered: a quarter. */
export const DEFAULT_ONE_SIDED_FACTOR = 0.25;

/** The half-life of warmth and recency when `halfLife` is left out, in days. */
export const DEFAULT_HALF_LIFE_DAYS = 30;

/** The strength components, in display order. */
export const STRENGTH_COMPONENTS: readonly (keyof StrengthComponents)[] = /* @__PURE__ */ Object.freeze([
  'recency',
  'frequency',
  'intensity',
  'duration',
  'exchange',
]);

/** The resolved model: durations in milliseconds, weights normalised. One object literal of a fixed shape (read in hot loops). */
export interface ResolvedModel {
  readonly halfLifeMs: number;
  readonly weights: Readonly<StrengthWeights>;
  readonly oneSidedFactor: number;
  readonly frequencyWindowMs: number;
  readonly frequencyScale: number;
  readonly intensityScale: number;
  readonly durationScaleMs: number;
  readonly exchangeScale: number;
  readonly engagedMinInteractions: number;
  readonly engagedMinActiveWeeks: number;
  readonly engagedMinSpan: number;
  readonly engagedMinEachSide: number;
  readonly trustedMinSpan: number;
  readonly trustedMinGivesEach: number;
  readonly trustedMinExchangeMutuality: number;
  readonly trustedMinInteractions: number;
  readonly coolingGapFactor: number;
  readonly coolingMinSilence: number;
  readonly dormantGapFactor: number;
  readonly dormantMinSilence: number;
  readonly defaultGap: number;
  readonly minDueGap: number;
  readonly answerWindow: number;
  readonly oneSidedUnanswered: number;
  readonly oneSidedMinInteractions: number;
  readonly giverFatigueRun: number;
}

/** Freezes an object and every object inside it. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** Throws on the first key of the option `option` that is not one of `known`, naming them all. */
function checkKeys(
  given: object,
  known: readonly string[],
  option: string,
  what: string,
  module: string,
  whose = option,
): void {
  for (const key of Object.keys(given))
    if (!known.includes(key))
      throw new InvalidOptionError(`${module}: unknown ${what} \`${key}\`; the ${whose} are ${known.join(', ')}.`, {
        field: `${option}.${key}`,
      });
}

/** The thresholds that are ratios in [0, 1], and factors of the usual gap; the others are durations (a Duration by default) or counts. */
const RATIOS: readonly (keyof StageThresholds)[] = ['trustedMinExchangeMutuality', 'oneSidedUnanswered'];
const FACTORS: readonly (keyof StageThresholds)[] = ['coolingGapFactor', 'dormantGapFactor'];
const isDuration = (key: keyof StageThresholds): boolean => typeof DEFAULT_STAGE_THRESHOLDS[key] === 'object';
/** Why a dormancy threshold may not be below its cooling one. */
const COOLS_FIRST = ': a tie cools before it goes cold.';
/** Counts and factors above this are surely a mistake (and would overflow dates). */
const MAX_COUNT = 1e9;

function positive(
  value: unknown,
  field: string,
  fallback: number,
  module: string,
  allowZero: boolean,
  max = 1e12,
): number {
  return readNumber(module, field, value === undefined ? fallback : value, 0, max, allowZero ? '[]' : '(]');
}

function duration(value: unknown, field: string, fallback: number, module: string): number {
  return value === undefined ? fallback : parseDurationOption(value, field, module, false);
}

/** Validates the thresholds option, naming the field at fault; durations in ms. */
function resolveThresholds(input: unknown, module: string): Record<keyof StageThresholds, number> {
  if (input !== undefined) readObject(module, 'thresholds', input, '{ dormantGapFactor: 6 }');
  const given = (input ?? {}) as Record<string, unknown>;
  checkKeys(given, Object.keys(DEFAULT_STAGE_THRESHOLDS), 'thresholds', 'threshold', module);
  const pick = (key: keyof StageThresholds): unknown =>
    given[key] === undefined ? DEFAULT_STAGE_THRESHOLDS[key] : given[key];
  const out = {} as Record<keyof StageThresholds, number>;
  const keys = Object.keys(DEFAULT_STAGE_THRESHOLDS) as (keyof StageThresholds)[];
  // Counts, ratios, factors, then durations, each in the defaults' order.
  for (const key of keys) {
    if (isDuration(key) || RATIOS.includes(key) || FACTORS.includes(key)) continue;
    // A run of gives is at least one give: 0 would flag every tie from its first interaction.
    out[key] = readInteger(module, `thresholds.${key}`, pick(key), key === 'giverFatigueRun' ? 1 : 0, MAX_COUNT);
  }
  for (const key of RATIOS) out[key] = readNumber(module, `thresholds.${key}`, pick(key), 0, 1);
  if (out.oneSidedUnanswered <= 0) {
    throw optionError(
      module,
      'thresholds.oneSidedUnanswered',
      'must be above 0 (at 0 every tie would be one-sided)',
      out.oneSidedUnanswered,
    );
  }
  for (const key of FACTORS) out[key] = readNumber(module, `thresholds.${key}`, pick(key), 0, 1000, '(]');
  // Whole milliseconds, so that every date that follows is an exact instant.
  for (const key of keys.filter(isDuration))
    out[key] = Math.round(parseDurationOption(pick(key), `thresholds.${key}`, module, key !== 'defaultGap'));
  if (out.dormantGapFactor < out.coolingGapFactor) {
    throw new InvalidOptionError(
      `${module}: \`thresholds.dormantGapFactor\` (${out.dormantGapFactor}) must be >= \`coolingGapFactor\` (${out.coolingGapFactor})${COOLS_FIRST}`,
      { field: 'thresholds.dormantGapFactor' },
    );
  }
  if (out.dormantMinSilence < out.coolingMinSilence) {
    throw new InvalidOptionError(
      `${module}: \`thresholds.dormantMinSilence\` must be at least \`coolingMinSilence\`${COOLS_FIRST}`,
      { field: 'thresholds.dormantMinSilence' },
    );
  }
  return out;
}

/** Validates the strength weights, naming the field at fault; normalised to sum to 1. */
function resolveWeights(input: unknown, module: string): StrengthWeights {
  const given = readObject(module, 'weights', input ?? {}, '{ recency: 0.5 }');
  checkKeys(given, STRENGTH_COMPONENTS, 'weights', 'weight', module, 'components');
  const raw = given as Partial<Record<string, unknown>>;
  let total = 0;
  const w = {} as StrengthWeights;
  for (const key of STRENGTH_COMPONENTS) {
    w[key] = positive(
      raw[key] === undefined ? DEFAULT_STRENGTH_WEIGHTS[key] : raw[key],
      `weights.${key}`,
      0,
      module,
      true,
      1e6,
    );
    total += w[key];
  }
  if (total === 0)
    throw new InvalidOptionError(`${module}: every weight is 0; give at least one component a positive weight.`, {
      field: 'weights',
    });
  for (const key of STRENGTH_COMPONENTS) w[key] /= total;
  return w;
}

/**
 * Validates the model options once, naming `module` and the field at fault
 * in errors. Options are read as properties (an inherited one counts); the
 * unknown-key checks of `thresholds` and `weights` see their own keys only.
 */
export function resolveModel(options: RelationshipModelOptions, module: string): ResolvedModel {
  // The default model, resolved once: most questions set none of the model's options.
  if (MODEL_OPTIONS.every((name) => options[name] === undefined))
    return (defaultModel ??= Object.freeze(resolveGiven({}, module)));
  return resolveGiven(options, module);
}

/** The options of the model: when none is set, the default model answers. */
const MODEL_OPTIONS = [
  'thresholds',
  'oneSidedFactor',
  'halfLife',
  'weights',
  'frequencyWindow',
  'frequencyScale',
  'intensityScale',
  'durationScale',
  'exchangeScale',
] as const;

/** The default model, once resolved (frozen: every question shares it). */
let defaultModel: ResolvedModel | undefined;

function resolveGiven(options: RelationshipModelOptions, module: string): ResolvedModel {
  const th = resolveThresholds(options.thresholds, module);
  const oneSidedFactor = readNumber(
    module,
    'oneSidedFactor',
    options.oneSidedFactor === undefined ? DEFAULT_ONE_SIDED_FACTOR : options.oneSidedFactor,
    0,
    1,
  );
  return {
    halfLifeMs: duration(options.halfLife, 'halfLife', DEFAULT_HALF_LIFE_DAYS * DAY_MS, module),
    weights: Object.freeze(resolveWeights(options.weights, module)),
    oneSidedFactor,
    frequencyWindowMs: duration(options.frequencyWindow, 'frequencyWindow', 90 * DAY_MS, module),
    frequencyScale: positive(options.frequencyScale, 'frequencyScale', 6, module, false),
    intensityScale: positive(options.intensityScale, 'intensityScale', 5, module, false),
    durationScaleMs: duration(options.durationScale, 'durationScale', 180 * DAY_MS, module),
    exchangeScale: positive(options.exchangeScale, 'exchangeScale', 4, module, false),
    ...th,
  };
}
