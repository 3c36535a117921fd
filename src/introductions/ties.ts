/**
 * One tie as a hop: its probability (and stage) in strength mode, from the
 * kernel's assessment, or in probability mode, from an edge — 0 when the
 * finder's options leave it out.
 *
 * @module
 * @internal
 */
import type { Attributes } from 'graphology-types';
import { InvalidOptionError, describeValue, quoteKey, type GoodwillError } from '../core/errors.js';
import { compareKeys } from '../core/graph.js';
import { compareFaults, type InteractionIndex } from '../core/interaction-index.js';
import { assessDyad, CONNECTED, DORMANT, FLAG_ONE_SIDED, type Assessment } from '../kernel/assess.js';
import { STAGE_OF_CODE } from '../kernel/words.js';
import type { Mode } from './mode.js';

/** Strength mode: the hop probability of dyad d (its kernel strength) and its stage code, or p = 0 when the tie is not usable. */
export function assessTie(
  mode: Mode,
  index: InteractionIndex,
  d: number,
  s: Assessment,
  keyA: string,
  keyB: string,
): { p: number; stage: number } {
  assessDyad(index, d, mode.now, mode.model!, s);
  const p = s.strength;
  const stage = s.n === 0 && s.override !== s.override ? CONNECTED : s.stage;
  if (!(p > 0) || p < mode.minStrength) return { p: 0, stage };
  const overridden = s.override === s.override;
  // One-sided: contact only one way, or the kernel's one-sided flag.
  const oneSided = !overridden && (s.i0 === 0 || s.i1 === 0 || (s.flags & FLAG_ONE_SIDED) !== 0);
  const dormant = s.stage === DORMANT;
  if (oneSided && !mode.includeOneSided) return { p: 0, stage };
  if (dormant && !mode.includeDormant) return { p: 0, stage };
  if (mode.minLevel >= 0 && s.level < mode.minLevel) return { p: 0, stage };
  if (
    mode.eligible &&
    !mode.eligible({ a: keyA, b: keyB, probability: p, strength: p, stage: STAGE_OF_CODE[stage]!, dormant, oneSided })
  )
    return { p: 0, stage };
  return { p, stage };
}

/**
 * Probability mode: the probability an edge gives its hop (target → source),
 * 0 when it gives none. A bad value is added to `faults` (and gives 0): the
 * caller reports the first in content order ({@link reportFault}), so that
 * which edge an error names never depends on the graph's insertion order.
 */
export function edgeProbability(
  mode: Mode,
  edge: string,
  attributes: Attributes,
  source: string,
  target: string,
  faults: GoodwillError[],
): number {
  const raw = mode.get!(edge, attributes, source, target);
  if (raw === undefined || raw === null) return 0;
  if (typeof raw !== 'number' || !(raw >= 0 && raw <= 1)) {
    faults.push(
      new InvalidOptionError(
        `${mode.module}: the probability of edge ${quoteKey(edge)} (${quoteKey(source)} -> ${quoteKey(target)}) is ${describeValue(raw)}; it must be a number in [0, 1]. Map your ratings to probabilities first.`,
        { edge, source, target, field: 'getProbability' },
      ),
    );
    return 0;
  }
  if (raw === 0 || raw < mode.minP) return 0;
  if (mode.eligible) {
    const first = compareKeys(source, target) < 0;
    if (
      !mode.eligible({
        a: first ? source : target,
        b: first ? target : source,
        probability: raw,
        strength: null,
        stage: null,
        dormant: false,
        oneSided: false,
      })
    )
      return 0;
  }
  return raw;
}

/** Throws the first of `faults` in content order (edge endpoints, then the message, then the edge key), if any. */
export function reportFault(faults: GoodwillError[]): void {
  if (faults.length > 0) throw faults.sort(compareFaults)[0]!;
}
