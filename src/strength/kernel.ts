/**
 * The strength kernel: one pass over the interaction index that scores every
 * dyad. Shared by `tieStrength`, `keepInTouch`, stages, introductions and the
 * health reports, so that they all agree on what a strong tie is.
 *
 * CONTRACT (other modules depend on it; keep the signatures):
 * - `resolveStrengthOptions(options, module)` validates the public options once;
 * - `computeDyadStrengths(index, nowMs, resolved)` → strength of every dyad in
 *   [0, 1] by dyad id (0 for a dyad with no event at or before `now` and no override);
 * - `isDormantDyad(index, dyad, nowMs, resolved)` → the dormancy rule.
 *
 * @module
 * @internal
 */
import { InvalidOptionError, describeValue } from '../core/errors.js';
import { DAY_MS, parseDurationOption, type DurationInput } from '../core/time.js';
import { eventsEnd, type InteractionIndex } from '../core/interaction-index.js';

/** The public options of the strength model (see the strength guide). */
export interface StrengthModelOptions {
  /** Half-life of warmth. Default `{ days: 30 }`. */
  halfLife?: DurationInput;
  /** Silence longer than `dormancyFactor` × the dyad's usual gap means dormant (Navarro et al. 2017). Default 8. */
  dormancyFactor?: number;
}

/** Validated strength options, in milliseconds. */
export interface ResolvedStrengthOptions {
  readonly halfLifeMs: number;
  readonly dormancyFactor: number;
}

/** Validates the strength options once, naming `module` in errors. */
export function resolveStrengthOptions(options: StrengthModelOptions, module: string): ResolvedStrengthOptions {
  const halfLifeMs =
    options.halfLife === undefined ? 30 * DAY_MS : parseDurationOption(options.halfLife, 'halfLife', module, false);
  const dormancyFactor = options.dormancyFactor ?? 8;
  if (typeof dormancyFactor !== 'number' || !Number.isFinite(dormancyFactor) || dormancyFactor <= 1) {
    throw new InvalidOptionError(
      `${module}: the option \`dormancyFactor\` must be a finite number > 1; got ${describeValue(dormancyFactor)}.`,
      { field: 'dormancyFactor' },
    );
  }
  return { halfLifeMs, dormancyFactor };
}

/** Strength in [0, 1] of every dyad of `index` at `nowMs`, by dyad id. */
export function computeDyadStrengths(
  index: InteractionIndex,
  nowMs: number,
  resolved: ResolvedStrengthOptions,
): Float64Array {
  const out = new Float64Array(index.dyadCount);
  const { eventOffset, time, value, dir, override } = index;
  const h = resolved.halfLifeMs;
  for (let d = 0; d < index.dyadCount; d++) {
    const o = override[d]!;
    if (o === o) {
      out[d] = o;
      continue;
    }
    const start = eventOffset[d]!;
    const end = eventsEnd(index, d, nowMs);
    if (end === start) continue;
    let wA = 0;
    let wB = 0;
    for (let e = start; e < end; e++) {
      const w = value[e]! * Math.pow(2, -(nowMs - time[e]!) / h);
      if (dir[e] === 0) wA += w;
      else wB += w;
    }
    const warmth = wA + wB;
    const intensity = warmth / (warmth + 1);
    const mutuality = Math.max(wA, wB) > 0 ? Math.min(wA, wB) / Math.max(wA, wB) : 0;
    out[d] = intensity * (0.5 + 0.5 * mutuality);
  }
  return out;
}

/** Whether dyad `d` is dormant at `nowMs`: silence > factor × its median gap (at least one gap needed). */
export function isDormantDyad(
  index: InteractionIndex,
  d: number,
  nowMs: number,
  resolved: ResolvedStrengthOptions,
): boolean {
  const start = index.eventOffset[d]!;
  const end = eventsEnd(index, d, nowMs);
  if (end - start < 2) return false;
  const gaps: number[] = [];
  for (let e = start + 1; e < end; e++) gaps.push(index.time[e]! - index.time[e - 1]!);
  gaps.sort((x, y) => x - y);
  const median = gaps[gaps.length >> 1]!;
  return nowMs - index.time[end - 1]! > resolved.dormancyFactor * Math.max(median, DAY_MS);
}
