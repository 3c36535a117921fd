/**
 * `personReciprocity`: one person's give-and-take over all their ties, and
 * their style — giver, matcher or taker (A. Grant, Give and Take, 2013).
 *
 * @module
 */
import { readInteger, readNumber } from '../../core/args.js';
import { isPreparedNetwork } from '../../core/prepared.js';
import { assertGraph } from '../../core/graph.js';
import { personLenses, readEgo, type PersonNetwork } from '../../kernel/read.js';
import type { RelationshipModelOptions } from '../../kernel/options.js';
import {
  DEFAULT_STYLE_RULE,
  MIN_EXCHANGES,
  personReciprocityOf,
  type PersonReciprocity,
} from '../../kernel/reciprocity.js';
import { readOptions, type ReciprocityOptions } from './dyad.js';

export type { GiverFatigue, PersonReciprocity, PersonTie, ReciprocityStyle } from '../../kernel/reciprocity.js';
export { MIN_EXCHANGES } from '../../kernel/reciprocity.js';

/** Options of {@link personReciprocity}. */
export interface PersonReciprocityOptions extends ReciprocityOptions, Pick<RelationshipModelOptions, 'thresholds'> {
  /** Overall exchange balance at or above which a person is a giver. Default 0.2. */
  giverThreshold?: number;
  /** Overall exchange balance at or below which a person is a taker. Default −0.2. */
  takerThreshold?: number;
  /** A tie is balanced when |exchange balance| < this. Default 0.2. */
  balancedBand?: number;
  /** A style (giver, matcher, taker) needs at least this many gives and asks, both ways together. Default 5: one favour received does not make a taker. */
  minExchanges?: number;
}

function ratio(value: unknown, field: string, fallback: number, module: string, min: number, max: number): number {
  return readNumber(module, field, value === undefined ? fallback : value, min, max);
}

/**
 * One person's give-and-take at `now`: totals over all their ties, the share
 * of ties that are balanced, over-giving or over-taking, a style — *giver*
 * (overall exchange balance ≥ 0.2), *taker* (≤ −0.2) or *matcher* (between),
 * after Grant (2013), thresholds being options — and *giver fatigue*: ties
 * where the person gave `thresholds.giverFatigueRun` (3) or more times in a row with nothing given back
 * (even generous givers stop giving when they repeatedly receive nothing).
 *
 * @see [Reciprocity](../../../docs/guides/reciprocity.md), the guide.
 *
 * @example
 * ```ts
 * const r = personReciprocity(graph, 'ann', { now: '2024-06-30' });
 * r.style;        // 'giver'
 * r.giverFatigue; // [{ other: 'bob', run: 4, since: 2024-03-02 }]
 * ```
 */
export function personReciprocity(
  network: PersonNetwork,
  person: string,
  options: PersonReciprocityOptions,
): PersonReciprocity {
  const module = 'personReciprocity';
  if (!isPreparedNetwork(network)) assertGraph(network, module);
  const { halfLife } = readOptions(options, module);
  const giverThreshold = ratio(
    options.giverThreshold,
    'giverThreshold',
    DEFAULT_STYLE_RULE.giverThreshold,
    module,
    0,
    1,
  );
  const takerThreshold = ratio(
    options.takerThreshold,
    'takerThreshold',
    DEFAULT_STYLE_RULE.takerThreshold,
    module,
    -1,
    0,
  );
  const band = ratio(options.balancedBand, 'balancedBand', DEFAULT_STYLE_RULE.band, module, 0, 1);
  const minExchanges = readInteger(module, 'minExchanges', options.minExchanges ?? MIN_EXCHANGES, 1, 1e9);
  // Giver fatigue is the model's rule (`thresholds.giverFatigueRun`).
  // Reciprocity's lenses alone for each tie: the kernel's rule, without the rest of its pass.
  const ctx = readEgo(network, person, options, module, false, false);
  return personReciprocityOf(ctx.person, personLenses(ctx, halfLife), {
    giverThreshold,
    takerThreshold,
    band,
    fatigueRun: ctx.model.giverFatigueRun,
    minExchanges,
  });
}
