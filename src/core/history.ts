/**
 * When a history starts, whatever `now`: for answers that are empty because
 * `now` precedes every interaction, to say so.
 *
 * @module
 * @internal
 */
import type { InteractionIndex } from './interaction-index.js';

/**
 * The date of the first interaction of the dyads `dyads` of `index` (every
 * dyad when omitted), including interactions after `now`, or `null` when they
 * hold none. A dyad's events are in time order, so its first is the earliest.
 *
 * @example
 * ```ts
 * historyStart(index);          // the network's first interaction
 * historyStart(index, [d1, d2]); // the first of one person's ties
 * ```
 */
export function historyStart(index: InteractionIndex, dyads?: Iterable<number>): Date | null {
  const { eventOffset, time } = index;
  let first = Infinity;
  const visit = (d: number): void => {
    const at = eventOffset[d]!;
    if (at < eventOffset[d + 1]! && time[at]! < first) first = time[at]!;
  };
  if (dyads === undefined) for (let d = 0; d < index.dyadCount; d++) visit(d);
  else for (const d of dyads) visit(d);
  return first === Infinity ? null : new Date(first);
}
