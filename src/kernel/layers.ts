/**
 * Dunbar layers: one person's ties ranked by strength into the layers of 5,
 * 15, 50 and 150 (Zhou et al. 2005; Hill & Dunbar 2003). One rule for
 * `dunbarLayers`, `keepInTouch`, `personHealth` and the picture: only two-way
 * ties (acquainted or beyond) with some strength have a layer.
 *
 * @module
 * @internal
 */
import { optionError } from '../core/errors.js';
import { DAY_MS, parseDurationOption, type DurationInput } from '../core/time.js';
import { compareKeys } from '../core/graph.js';
import { ACQUAINTED, DORMANT, FLAG_ONE_SIDED, type Assessment } from './assess.js';
import type { EgoTie } from './read.js';

/** Options of the layers. */
export interface LayerOptions {
  /** Cumulative layer sizes. Default [5, 15, 50, 150] (Zhou et al. 2005; Hill & Dunbar 2003). */
  sizes?: number[];
  /** Contact cadence of each layer. Default weekly, monthly, half-yearly, yearly. */
  cadences?: DurationInput[];
}

/** Default cumulative layer sizes. */
export const DEFAULT_LAYER_SIZES: readonly number[] = /* @__PURE__ */ Object.freeze([5, 15, 50, 150]);
/** Default cadences of the layers, in days. */
export const DEFAULT_LAYER_CADENCE_DAYS: readonly number[] = /* @__PURE__ */ Object.freeze([7, 30, 182, 365]);

/** Validated layers: sizes and cadences in ms. */
export interface ResolvedLayers {
  sizes: readonly number[];
  cadences: readonly number[];
}

/** Validates the layer options, naming the field at fault. */
export function resolveLayers(options: LayerOptions, module: string): ResolvedLayers {
  const sizes = options.sizes ?? DEFAULT_LAYER_SIZES;
  if (
    !Array.isArray(sizes) ||
    sizes.length === 0 ||
    sizes.length > 100 ||
    sizes.some((s, i) => !Number.isInteger(s) || s < 1 || s > 1e9 || (i > 0 && s <= sizes[i - 1]!))
  ) {
    throw optionError(module, 'sizes', 'must be increasing positive integers such as [5, 15, 50, 150]', sizes);
  }
  const raw =
    options.cadences ??
    (options.sizes === undefined ? DEFAULT_LAYER_CADENCE_DAYS.map((days) => ({ days })) : undefined);
  if (!Array.isArray(raw) || raw.length !== sizes.length) {
    throw optionError(module, 'cadences', `must give one duration per layer (${sizes.length})`, raw);
  }
  return { sizes: [...sizes], cadences: raw.map((c, i) => parseDurationOption(c, `cadences[${i}]`, module, false)) };
}

/**
 * Whether a tie is a live two-way tie — acquainted or beyond, not gone cold,
 * not one-sided — the one definition that the layers, the inner circle, the
 * strong ties and the introducers of a person's report share. What a dormant
 * tie was is for reconnect, not for today's layers.
 */
export function isLiveTwoWay(a: Assessment): boolean {
  return a.level >= ACQUAINTED && a.stage !== DORMANT && (a.flags & FLAG_ONE_SIDED) === 0;
}

/** Whether a tie has a layer at all: live and two-way (see {@link isLiveTwoWay}), with some strength. */
export function hasLayer(tie: EgoTie): boolean {
  return isLiveTwoWay(tie.a) && tie.a.strength > 0;
}

/**
 * The ties ranked by strength (ties broken by key), each with its layer
 * index (−1: beyond the layers).
 */
export function rankLayers(ties: readonly EgoTie[], layers: ResolvedLayers): { tie: EgoTie; layer: number }[] {
  const ranked = [...ties].sort((x, y) => y.a.strength - x.a.strength || compareKeys(x.other, y.other));
  let rank = 0;
  return ranked.map((tie) => {
    if (!hasLayer(tie)) return { tie, layer: -1 };
    const layer = layers.sizes.findIndex((size) => rank < size);
    rank++;
    return { tie, layer };
  });
}

/** A cadence in days, for results. */
export const cadenceDays = (ms: number): number => ms / DAY_MS;
