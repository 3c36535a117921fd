/**
 * `stageAdvice`: "seed, feed and weed" on one person's relationships — which
 * valuable ties to feed before they lapse, which never grew and can be let go.
 *
 * @module
 */
import { InvalidOptionError, describeValue } from '../../core/errors.js';
import { assertGraph, assertNode, type PeopleGraph } from '../../core/graph.js';
import { buildIndex, eventsEnd } from '../../core/interaction-index.js';
import { DAY_MS, parseTimeOption } from '../../core/time.js';
import { levelName, runDyad } from './machine.js';
import { resolveThresholds } from './options.js';
import type { Stage, StageFlag, StageLevel, StageOptions } from './types.js';

const MODULE = 'stageAdvice';

/** A relationship to feed: it was engaged or trusted, and it is cooling or dormant. */
export interface FeedAdvice {
  /** The other person. */
  person: string;
  /** Its stage now: `cooling` or `dormant`. */
  stage: Stage;
  /** The highest rung it reached. */
  peak: StageLevel;
  /** The last contact. */
  lastContact: Date;
  /** Days since the last contact. */
  silenceDays: number;
  /** Why, in a sentence. */
  reason: string;
}

/** A relationship to weed: one-sided or a premature ask, and it never became engaged. */
export interface WeedAdvice {
  /** The other person. */
  person: string;
  /** Its stage now. */
  stage: Stage;
  /** The flags behind the advice. */
  flags: StageFlag[];
  /** Why, in a sentence. */
  reason: string;
}

/** The result of {@link stageAdvice}. */
export interface StageAdvice {
  /** Ties to feed, most valuable first (trusted before engaged), then the most recently silent, then by key. */
  feed: FeedAdvice[];
  /** Ties to weed, by key. */
  weed: WeedAdvice[];
}

/**
 * "Seed, feed and weed" on `person`'s relationships at `now`: *feed* the ties
 * that were engaged or trusted and are now cooling or dormant (a quick
 * message revives them), *weed* the ties that are one-sided or began with a
 * premature ask and never became engaged. Ties with a manual strength
 * override are left out (the user has decided about them). For *seed* (friends
 * of friends worth meeting) see `egoHealth`.
 *
 * @example
 * ```ts
 * const { feed, weed } = stageAdvice(graph, 'ann', { now: '2024-06-30' });
 * feed[0]; // { person: 'bob', stage: 'cooling', peak: 'trusted', silenceDays: 48, reason: '…' }
 * ```
 */
export function stageAdvice(graph: PeopleGraph, person: string, options: StageOptions): StageAdvice {
  assertGraph(graph, MODULE);
  if (options === null || typeof options !== 'object') {
    throw new InvalidOptionError(`${MODULE}: options are required, at least { now }; got ${describeValue(options)}.`, { field: 'options' });
  }
  assertNode(graph, person, MODULE, 'person');
  const now = parseTimeOption(options.now, 'now', MODULE);
  const th = resolveThresholds(options.thresholds, MODULE);
  const index = buildIndex(graph, options, MODULE, { kind: 'node', node: person });
  const self = index.nodeId.get(person)!;
  const feed: FeedAdvice[] = [];
  const weed: WeedAdvice[] = [];
  for (let i = index.nodeDyadOffset[self]!; i < index.nodeDyadOffset[self + 1]!; i++) {
    const d = index.nodeDyads[i]!;
    if (index.override[d] === index.override[d]) continue;
    const mySide = index.dyadA[d] === self ? 0 : 1;
    const other = index.nodes[mySide === 0 ? index.dyadB[d]! : index.dyadA[d]!]!;
    const s = runDyad(index, d, eventsEnd(index, d, now), now, th, null);
    if (s.n === 0) continue;
    const silenceDays = Math.round((now - s.last) / DAY_MS);
    if ((s.stage === 'cooling' || s.stage === 'dormant') && s.peak >= 2) {
      feed.push({
        person: other,
        stage: s.stage,
        peak: levelName(s.peak),
        lastContact: new Date(s.last),
        silenceDays,
        reason: `was ${levelName(s.peak)}, now ${s.stage}: no contact for ${silenceDays} days`,
      });
    } else if (s.level < 2) {
      const flags: StageFlag[] = [];
      const reasons: string[] = [];
      const share = Math.max(s.initiated0, s.initiated1) / s.n;
      if (s.n >= th.oneSidedMinInteractions && share >= th.oneSidedShare) {
        flags.push('one-sided');
        reasons.push(`${(mySide === 0 ? s.initiated0 >= s.initiated1 : s.initiated1 >= s.initiated0) ? person : other} initiated ${Math.round(share * 100)}% of ${s.n} interactions`);
      }
      if (s.prematureSide >= 0) {
        flags.push('premature-ask');
        reasons.push(`${s.prematureSide === mySide ? person : other} asked before the relationship was engaged`);
      }
      if (flags.length > 0) weed.push({ person: other, stage: s.stage, flags, reason: `${reasons.join('; ')}; it never became engaged` });
    }
  }
  feed.sort((x, y) => (x.peak === y.peak ? 0 : x.peak === 'trusted' ? -1 : y.peak === 'trusted' ? 1 : 0) || x.silenceDays - y.silenceDays || (x.person < y.person ? -1 : 1));
  return { feed, weed };
}
