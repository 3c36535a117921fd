/**
 * `stageAdvice`: "feed, weed and reconnect" on one person's relationships —
 * which valuable ties to feed before they lapse, which never grew and can be
 * let go, which went cold after they mattered. Read from the kernel's one
 * assessment of each tie, so the three lists never overlap.
 *
 * @module
 */
import { buildIndex, type InteractionIndex } from '../../core/interaction-index.js';
import { isPreparedNetwork } from '../../core/prepared.js';
import { ADVICE_FEED } from '../../kernel/assess.js';
import { adviceOf, keptFeedChances, type StageAdvice } from '../../kernel/advice.js';
import { resolveContactModel } from '../../kernel/contact.js';
import { checkOptions, readEgo, type PersonNetwork } from '../../kernel/read.js';
import type { StageOptions } from '../../kernel/stage-result.js';

export type { FeedAdvice, ReconnectAdvice, StageAdvice, WeedAdvice } from '../../kernel/advice.js';

/**
 * "Feed, weed and reconnect" on `person`'s relationships at `now`, three
 * lists that never share a person: *feed* the valuable two-way ties (once
 * engaged or trusted) that are going quiet — cooling, or silent past their own
 * rhythm — before they lapse, the largest expected loss first (how much the
 * chance of contact fell since the last contact, times strength); *weed* the ties that never grew (never engaged)
 * and are one-sided or began with a premature ask; *reconnect* the ties that
 * were engaged or trusted and have gone cold, by what they were worth. For *seed* (friends of friends
 * worth meeting) see `personHealth`.
 *
 * @see [Stages](../../../docs/guides/stages.md), the guide.
 *
 * @example
 * ```ts
 * const { feed, weed, reconnect } = stageAdvice(graph, 'ann', { now: '2024-06-30' });
 * feed[0]; // { other: 'bob', name: 'Bob', stage: 'cooling', peak: 'trusted', silenceDays: 48, reason: '…' }
 * ```
 */
export function stageAdvice(network: PersonNetwork, person: string, options: StageOptions): StageAdvice {
  const module = 'stageAdvice';
  checkOptions(options, module);
  const contact = resolveContactModel(options.contactModel, module);
  const ctx = readEgo(network, person, options, module);
  // The chance of contact reads how active the other person of each feed tie is with anyone: their ties too
  // (a prepared network's index holds them already).
  let reach: InteractionIndex | undefined;
  const reachOf = (): InteractionIndex => {
    if (isPreparedNetwork(network)) return ctx.index;
    const others = ctx.ties.filter((t) => t.a.advice === ADVICE_FEED).map((t) => t.other);
    return (reach ??= buildIndex(ctx.graph, options, module, { kind: 'nodes', nodes: others }));
  };
  return adviceOf(ctx.person, ctx.ties, ctx.now, ctx.label, keptFeedChances(ctx, contact, reachOf));
}
