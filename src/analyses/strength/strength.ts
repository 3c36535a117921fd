/**
 * `tieStrength`, `tieStrengths`, `warmth` and `coldDate`: how strong and how
 * warm a relationship is at any date, and when it goes cold — each read from
 * the kernel's one assessment of the tie.
 *
 * @module
 */
import { checkAttribute, type PeopleGraph } from '../../core/graph.js';
import { assertGraphBacked, type PreparedNetwork } from '../../core/prepared.js';
import { DAY_MS, dateOrNull } from '../../core/time.js';
import { assessDyad, DORMANT, newAssessment } from '../../kernel/assess.js';
import { strengthResult, type StrengthOptions, type TieStrength } from '../../kernel/strength-result.js';
import { activeTieCounts, pairProbability, probabilityOf, resolveContactModel } from '../../kernel/contact.js';
import { assessPair, readAll, readTie, writeByDyad } from '../../kernel/read.js';

export type { StrengthOptions, TieStrength } from '../../kernel/strength-result.js';

/** The result of {@link warmth}. */
export interface Warmth {
  /** Total warmth at `now`. */
  warmth: number;
  /** The part from what `a` started. */
  fromA: number;
  /** The part from what `b` started. */
  fromB: number;
  /** The half-life used, in days. */
  halfLifeDays: number;
}

/**
 * The strength of the tie between `a` and `b` at `now`, in [0, 1]: how close
 * and mutual it is. Strength = mutuality × evidence, where the evidence is a
 * weighted sum of recency (against the tie's own rhythm), frequency,
 * intensity, duration and exchange (gives both ways) — Granovetter 1973;
 * Gilbert & Karahalios 2009 — and mutuality is 1 for a two-way tie and
 * `oneSidedFactor` (0.8) for a one-sided one; with no exchange and little
 * intensity or duration, unanswered outreach is weak however recent. Symmetric in `a` and `b`; a manual override
 * (`getStrengthOverride`) wins; two people without a tie get 0. It reads
 * every tie of both people, for the chance of contact's activity features.
 *
 * @see [Strength and decay](../../../docs/guides/strength.md), the guide.
 *
 * @example
 * ```ts
 * const { strength, components, mutuality } = tieStrength(graph, 'ann', 'bob', { now: '2024-06-30' });
 * // strength 0.62, components { recency: 0.79, … }, mutuality 1
 * ```
 */
export function tieStrength(graph: PeopleGraph, a: string, b: string, options: StrengthOptions): TieStrength {
  const module = 'tieStrength';
  const ctx = readTie(graph, a, b, options, module, true);
  const contact = resolveContactModel(options.contactModel, module);
  const s = assessPair(ctx, null, true);
  return strengthResult(s, ctx.model.halfLifeMs, ctx.model.weights, pairProbability(ctx, s, ctx.now, contact));
}

/** One tie of {@link tieStrengths}' result. */
export interface TieStrengthEntry {
  /** The smaller key of the pair (code-unit order). */
  a: string;
  /** The larger key. */
  b: string;
  /** Strength in [0, 1]. */
  strength: number;
  /** Warmth at `now`. */
  warmth: number;
  /** The last contact, or `null`. */
  lastContact: Date | null;
  /** Whether the tie has gone cold (stage `dormant`). */
  dormant: boolean;
  /** The chance of contact within the contact model's horizon, or `null` without any interaction (see {@link TieStrength}). */
  probability: number | null;
}

/** Options of `tieStrengths.assign`. */
export interface AssignStrengthOptions extends StrengthOptions {
  /** The edge attribute to write the strength to. Default `'strength'`. */
  attribute?: string;
}

function allStrengths(network: unknown, options: StrengthOptions, module: string) {
  const { graph, index, now, model } = readAll(network, options, module);
  const contact = resolveContactModel(options.contactModel, module);
  const strengths = new Float64Array(index.dyadCount);
  const entries: TieStrengthEntry[] = new Array(index.dyadCount);
  const s = newAssessment();
  const active = activeTieCounts(index, now);
  for (let d = 0; d < index.dyadCount; d++) {
    assessDyad(index, d, now, model, s, null, true, true);
    strengths[d] = s.strength;
    entries[d] = {
      a: index.nodes[index.dyadA[d]!]!,
      b: index.nodes[index.dyadB[d]!]!,
      strength: s.strength,
      warmth: s.warmth0 + s.warmth1,
      lastContact: dateOrNull(s.last),
      dormant: s.stage === DORMANT,
      probability: probabilityOf(s, now, model, contact, active[index.dyadA[d]!]!, active[index.dyadB[d]!]!),
    };
  }
  return { graph, index, strengths, entries };
}

function strengthsOf(graph: PeopleGraph | PreparedNetwork, options: StrengthOptions): TieStrengthEntry[] {
  return allStrengths(graph, options, 'tieStrengths').entries;
}

function assignStrengths(graph: PeopleGraph | PreparedNetwork, options: AssignStrengthOptions): void {
  const module = 'tieStrengths.assign';
  assertGraphBacked(graph, module);
  const attribute = checkAttribute(options, 'strength', module);
  const { graph: g, index, strengths } = allStrengths(graph, options, module);
  writeByDyad(g, index, attribute, (d) => strengths[d]!);
}

/**
 * The strength of every tie of the graph at `now`, in one pass over the
 * interactions: an array sorted by (a, b), each equal to {@link tieStrength}'s.
 * Accepts a network from `prepareNetwork` in place of the graph.
 * `tieStrengths.assign(graph, { now, attribute })` writes each strength to the
 * edge attribute `attribute` (default `'strength'`) on every edge of the pair
 * instead: the one writer of the strength functions.
 *
 * @function
 * @see [Strength and decay](../../../docs/guides/strength.md), the guide.
 *
 * @example
 * ```ts
 * const ties = tieStrengths(graph, { now: '2024-06-30' });
 * ties.filter((t) => t.strength > 0.5).length;
 * tieStrengths.assign(graph, { now: '2024-06-30', attribute: 'strength' });
 * ```
 */
export const tieStrengths = /* @__PURE__ */ Object.assign(strengthsOf, { assign: assignStrengths });

/**
 * The warmth of the relationship at `now`: the exponentially decayed value of
 * its interactions, w(t) = Σ valueᵢ · 2^(−(t − tᵢ)/T½) (relational-event
 * models, Lerner & Lomi 2020), split by who started them. It never rises
 * without a new interaction.
 *
 * @see [Strength and decay](../../../docs/guides/strength.md), the guide.
 *
 * @example
 * ```ts
 * // One meeting (value 3) 30 days ago, half-life 30 days:
 * warmth(graph, 'ann', 'bob', { now: '2024-01-31' }).warmth; // 1.5
 * ```
 */
export function warmth(graph: PeopleGraph, a: string, b: string, options: StrengthOptions): Warmth {
  const ctx = readTie(graph, a, b, options, 'warmth');
  const s = assessPair(ctx);
  const w0 = s === null ? 0 : s.warmth0;
  const w1 = s === null ? 0 : s.warmth1;
  return {
    warmth: w0 + w1,
    fromA: ctx.aSide === 0 ? w0 : w1,
    fromB: ctx.aSide === 0 ? w1 : w0,
    halfLifeDays: ctx.model.halfLifeMs / DAY_MS,
  };
}

/**
 * When the relationship goes cold if nothing happens: the moment its silence
 * reaches the dormancy rule — the longer of 8× its usual gap and 90 days
 * (`thresholds.dormantGapFactor`, `dormantMinSilence`) — the same rule that
 * makes `classifyStage` say `dormant`. A date at or before `now` means it has
 * gone cold already; `null` for two people without any interaction.
 *
 * @see [Strength and decay](../../../docs/guides/strength.md), the guide.
 *
 * @example
 * ```ts
 * coldDate(graph, 'ann', 'bob', { now: '2024-06-30' }); // 2024-10-12T…: 90 days after the last contact
 * ```
 */
export function coldDate(graph: PeopleGraph, a: string, b: string, options: StrengthOptions): Date | null {
  const ctx = readTie(graph, a, b, options, 'coldDate');
  const s = assessPair(ctx);
  return s === null ? null : dateOrNull(s.coldAt);
}
