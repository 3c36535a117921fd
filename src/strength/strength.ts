/**
 * `tieStrength`, `tieStrengths`, `warmth` and `coldDate`: how warm a
 * relationship is at any date, how strong, and when it goes cold.
 *
 * @module
 */
import { InvalidOptionError, describeValue } from '../core/errors.js';
import { assertGraph, type PeopleGraph } from '../core/graph.js';
import { isPreparedNetwork, readNetwork, type PreparedNetwork } from '../core/prepared.js';
import { buildIndex, findDyad, type InteractionIndex } from '../core/interaction-index.js';
import { DAY_MS, parseTimeOption } from '../core/time.js';
import type { GraphReadOptions, TimeOptions } from '../core/types.js';
import {
  isDormantDyad,
  measureDyad,
  newMeasures,
  resolveStrengthOptions,
  type ResolvedStrengthOptions,
  type StrengthComponents,
  type StrengthModelOptions,
  type StrengthWeights,
} from './kernel.js';

/** Options of the strength functions. */
export interface StrengthOptions extends GraphReadOptions, TimeOptions, StrengthModelOptions {}

/** The result of {@link tieStrength}. */
export interface TieStrength {
  /** Strength in [0, 1]: the weighted components, or the manual override where there is one. */
  strength: number;
  /** The components, each in [0, 1]. */
  components: StrengthComponents;
  /** The weights applied (normalised to sum to 1). */
  weights: StrengthWeights;
  /** Warmth at `now`: Σ value · 2^(−age / half-life) over both directions. */
  warmth: number;
  /** The tie's half-life in days (after the age adjustment, if any). */
  halfLifeDays: number;
  /** Interactions at or before `now`. */
  interactions: number;
  /** First and last contact at or before `now`, or `null`. */
  firstContact: Date | null;
  lastContact: Date | null;
  /** Whether the silence exceeds the dormancy rule (Navarro et al. 2017). */
  dormant: boolean;
  /** Whether a manual override set `strength`. */
  overridden: boolean;
}

/** The result of {@link warmth}. */
export interface Warmth {
  /** Total warmth at `now`. */
  warmth: number;
  /** The part from what `a` initiated. */
  fromA: number;
  /** The part from what `b` initiated. */
  fromB: number;
  /** The half-life used, in days. */
  halfLifeDays: number;
}

function checkOptions(options: unknown, module: string): asserts options is StrengthOptions {
  if (options === null || typeof options !== 'object') {
    throw new InvalidOptionError(`${module}: options are required, at least { now }: goodwill never reads the clock; got ${describeValue(options)}.`, { field: 'options' });
  }
}

interface PairContext {
  index: InteractionIndex;
  d: number;
  now: number;
  r: ResolvedStrengthOptions;
  /** Whether `a` is the dyad's A side. */
  aIsA: boolean;
}

function pair(graph: unknown, a: string, b: string, options: StrengthOptions, module: string): PairContext {
  assertGraph(graph, module);
  checkOptions(options, module);
  const now = parseTimeOption(options.now, 'now', module);
  const r = resolveStrengthOptions(options, module);
  const index = buildIndex(graph, options, module, { kind: 'pair', a, b });
  if (a === b) throw new InvalidOptionError(`${module}: a and b are the same person (${JSON.stringify(a)}); a tie needs two people.`, { field: 'b', node: a });
  const ia = index.nodeId.get(a)!;
  const d = findDyad(index, ia, index.nodeId.get(b)!);
  return { index, d, now, r, aIsA: ia < index.nodeId.get(b)! };
}

function strengthOf(ctx: PairContext): TieStrength {
  const { index, d, now, r } = ctx;
  const m = d < 0 ? newMeasures(r) : measureDyad(index, d, now, r);
  const o = d < 0 ? NaN : index.override[d]!;
  return {
    strength: o === o ? o : m.modelled,
    components: { ...m.components },
    weights: { ...r.weights },
    warmth: m.warmthA + m.warmthB,
    halfLifeDays: m.halfLifeMs / DAY_MS,
    interactions: m.count,
    firstContact: m.count > 0 ? new Date(m.first) : null,
    lastContact: m.count > 0 ? new Date(m.last) : null,
    dormant: d >= 0 && isDormantDyad(index, d, now, r),
    overridden: o === o,
  };
}

/**
 * The strength of the tie between `a` and `b` at `now`, in [0, 1], with the
 * components it is made of — recency, frequency, intensity, reciprocity and
 * duration (Granovetter 1973; Gilbert & Karahalios 2009) — and their weights,
 * so that every score can be explained. Strength belongs to the relationship:
 * `tieStrength(a, b)` equals `tieStrength(b, a)`. A manual override
 * (`getStrengthOverride`) wins where present. Two people without a tie get 0.
 *
 * @example
 * ```ts
 * const { strength, components, lastContact } = tieStrength(graph, 'ann', 'bob', { now: '2024-06-30' });
 * // strength 0.62, components { recency: 0.79, frequency: 0.63, … }
 * tieStrength(graph, 'ann', 'bob', { now: '2024-06-30', halfLife: { days: 90 } });
 * ```
 */
export function tieStrength(graph: PeopleGraph, a: string, b: string, options: StrengthOptions): TieStrength {
  return strengthOf(pair(graph, a, b, options, 'tieStrength'));
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
  /** Whether the tie is dormant. */
  dormant: boolean;
}

/**
 * The strength of every tie of the graph at `now`, in one pass over the
 * interactions: an array sorted by (a, b). `tieStrengths.assign` writes each
 * strength to an edge attribute instead (the one mutating variant).
 *
 * @example
 * ```ts
 * const ties = tieStrengths(graph, { now: '2024-06-30' });
 * ties.filter((t) => t.strength > 0.5).length;
 * tieStrengths.assign(graph, { now: '2024-06-30', attribute: 'strength' });
 * ```
 */
export const tieStrengths = /* @__PURE__ */ Object.assign(
  function tieStrengths(graph: PeopleGraph | PreparedNetwork, options: StrengthOptions): TieStrengthEntry[] {
    return allStrengths(graph, options, 'tieStrengths').entries;
  },
  {
    /** Writes each tie's strength to the edge attribute `options.attribute` (default `'strength'`) on every edge of the pair. */
    assign(graph: PeopleGraph | PreparedNetwork, options: StrengthOptions & { attribute?: string }): void {
      const module = 'tieStrengths.assign';
      const attribute = options?.attribute ?? 'strength';
      if (typeof attribute !== 'string' || attribute === '') {
        throw new InvalidOptionError(`${module}: the option \`attribute\` must be a non-empty string; got ${describeValue(attribute)}.`, { field: 'attribute' });
      }
      const { graph: g, index, strengths } = allStrengths(graph, options, module);
      g.forEachEdge((edge, _attributes, source, target) => {
        if (source === target) return;
        const d = findDyad(index, index.nodeId.get(source)!, index.nodeId.get(target)!);
        if (d >= 0) g.setEdgeAttribute(edge, attribute, strengths[d]!);
      });
    },
  },
);

function allStrengths(graph: unknown, options: StrengthOptions, module: string): { graph: PeopleGraph; index: InteractionIndex; strengths: Float64Array; entries: TieStrengthEntry[] } {
  if (!isPreparedNetwork(graph)) assertGraph(graph, module);
  checkOptions(options, module);
  const now = parseTimeOption(options.now, 'now', module);
  const r = resolveStrengthOptions(options, module);
  const { graph: g, index } = readNetwork(graph, options, module);
  const strengths = new Float64Array(index.dyadCount);
  const entries: TieStrengthEntry[] = new Array(index.dyadCount);
  const m = newMeasures(r);
  for (let d = 0; d < index.dyadCount; d++) {
    measureDyad(index, d, now, r, m);
    const o = index.override[d]!;
    const strength = o === o ? o : m.modelled;
    strengths[d] = strength;
    entries[d] = {
      a: index.nodes[index.dyadA[d]!]!,
      b: index.nodes[index.dyadB[d]!]!,
      strength,
      warmth: m.warmthA + m.warmthB,
      lastContact: m.count > 0 ? new Date(m.last) : null,
      dormant: m.count > 0 && isDormantDyad(index, d, now, r),
    };
  }
  return { graph: g, index, strengths, entries };
}

/**
 * The warmth of the relationship at `now`: the exponentially decayed value of
 * its interactions, w(t) = Σ valueᵢ · 2^(−(t − tᵢ)/T½) (relational-event
 * models, Lerner & Lomi 2020), split by who initiated. It never rises without
 * a new interaction.
 *
 * @example
 * ```ts
 * // One meeting (value 3) 30 days ago, half-life 30 days:
 * warmth(graph, 'ann', 'bob', { now: '2024-01-31' }).warmth; // 1.5
 * ```
 */
export function warmth(graph: PeopleGraph, a: string, b: string, options: StrengthOptions): Warmth {
  const ctx = pair(graph, a, b, options, 'warmth');
  const m = ctx.d < 0 ? newMeasures(ctx.r) : measureDyad(ctx.index, ctx.d, ctx.now, ctx.r);
  return {
    warmth: m.warmthA + m.warmthB,
    fromA: ctx.aIsA ? m.warmthA : m.warmthB,
    fromB: ctx.aIsA ? m.warmthB : m.warmthA,
    halfLifeDays: m.halfLifeMs / DAY_MS,
  };
}

/** Options of {@link coldDate}. */
export interface ColdDateOptions extends StrengthOptions {
  /** Warmth below which a tie is cold. Default 0.25 (a quarter of one fresh message). */
  threshold?: number;
}

/**
 * The date at which the relationship's warmth falls below `threshold` if
 * nothing happens: t* = now + T½ · log2(w(now) / θ), in closed form. `null`
 * when it is already cold at `now`. Warmth evaluated at the returned date
 * equals the threshold.
 *
 * @example
 * ```ts
 * coldDate(graph, 'ann', 'bob', { now: '2024-06-30', threshold: 0.5 }); // 2024-09-12T…
 * ```
 */
export function coldDate(graph: PeopleGraph, a: string, b: string, options: ColdDateOptions): Date | null {
  const module = 'coldDate';
  const ctx = pair(graph, a, b, options, module);
  const threshold = options.threshold ?? 0.25;
  if (typeof threshold !== 'number' || !Number.isFinite(threshold) || threshold <= 0) {
    throw new InvalidOptionError(`${module}: the option \`threshold\` must be a finite number > 0; got ${describeValue(threshold)}.`, { field: 'threshold' });
  }
  if (ctx.d < 0) return null;
  const m = measureDyad(ctx.index, ctx.d, ctx.now, ctx.r);
  const w = m.warmthA + m.warmthB;
  if (!(w >= threshold)) return null;
  return new Date(ctx.now + m.halfLifeMs * Math.log2(w / threshold));
}
