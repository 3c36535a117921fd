/**
 * `stageAdvice`: "feed, weed and reconnect" on one person's relationships —
 * which valuable ties to feed before they lapse, which never grew and can be
 * let go, which went cold after they mattered. Read from the kernel's one
 * assessment of each tie, so the three lists never overlap.
 *
 * @module
 */
import { compareKeys, type PeopleGraph } from '../../core/graph.js';
import { buildIndex, type InteractionIndex } from '../../core/interaction-index.js';
import { ADVICE_FEED, ADVICE_RECONNECT, ADVICE_WEED, assessDyad, newAssessment } from '../../kernel/assess.js';
import type { ResolvedModel } from '../../kernel/options.js';
import { activeTieCounter, activeTiesOf, resolveContactModel, type ContactModel } from '../strength/contact.js';
import { probabilityOf } from '../strength/strength.js';
import { readEgo, type EgoTie } from '../../kernel/read.js';
import { adviceText, dayCount, flagList, LEVEL_OF_CODE, STAGE_OF_CODE, YOU, type Names } from '../../kernel/words.js';
import type { Labeler } from '../../core/labels.js';
import type { Stage, StageFlag, StageLevel, StageOptions } from './types.js';

/** A valuable two-way tie going quiet: it was engaged or trusted, and it is cooling or past its due date. */
export interface FeedAdvice {
  /** The other person's key. */
  other: string;
  /** Their display name. */
  name: string;
  /** Its stage now: `engaged`, `trusted` or `cooling`. */
  stage: Stage;
  /** The highest rung it reached. */
  peak: StageLevel;
  /** Tie strength, the value at stake. */
  strength: number;
  /** The last contact. */
  lastContact: Date;
  /** Days since the last contact. */
  silenceDays: number;
  /** The date contact was due by the tie's own rhythm. */
  due: Date;
  /** The chance of contact within the contact model's horizon now, and right after the last contact. */
  probability: number;
  probabilityThen: number;
  /** What the silence has cost: (probabilityThen − probability) × strength, the order of the list. */
  expectedLoss: number;
  /** Why, in a sentence. */
  reason: string;
}

/** A tie that never grew: never engaged, and one-sided or begun with a premature ask. */
export interface WeedAdvice {
  /** The other person's key. */
  other: string;
  /** Their display name. */
  name: string;
  /** Its stage now. */
  stage: Stage;
  /** The flags behind the advice. */
  flags: StageFlag[];
  /** Why, in a sentence. */
  reason: string;
}

/** A tie that was engaged or trusted and has gone cold (dormant): worth reconnecting on purpose. */
export interface ReconnectAdvice {
  /** The other person's key. */
  other: string;
  /** Their display name. */
  name: string;
  /** The highest rung it reached. */
  peak: StageLevel;
  /** What it was worth: its strength at its last contact (see `peakStrength` of the assessment). */
  peakStrength: number;
  /** Days from its first contact to its last: how long it lasted. */
  lastedDays: number;
  /** The last contact. */
  lastContact: Date;
  /** Days since the last contact. */
  silenceDays: number;
  /** Why, in a sentence. */
  reason: string;
}

/** The result of {@link stageAdvice}: three disjoint lists. */
export interface StageAdvice {
  /** Ties to feed, the largest expected loss first (the drop in the chance of contact since the last contact × strength), then by key. */
  feed: FeedAdvice[];
  /** Ties to weed, by key. */
  weed: WeedAdvice[];
  /** Ties to reconnect, by what they were worth: trusted first, then strength at the last contact, then how long they lasted. */
  reconnect: ReconnectAdvice[];
}

/** The names of a tie's two sides (0: the dyad's A), for sentences. */
export function tieNames(_person: string, tie: EgoTie, label: Labeler): Names {
  // Person-centric answers speak to their person: "Carla and you", "your 5 initiatives".
  return tie.side === 0 ? [YOU, label(tie.other)] : [label(tie.other), YOU];
}

/**
 * The chance of contact of a tie now and right after its last contact, for a
 * feed entry; `activeSelf` gives the person's number of ties with contact in
 * the 30 days up to a date, and `reach` holds every tie of the other person.
 */
export function feedChances(
  index: InteractionIndex,
  tie: EgoTie,
  now: number,
  model: ResolvedModel,
  contact: ContactModel,
  activeSelf: (t: number) => number,
  reach: InteractionIndex,
): { probability: number; probabilityThen: number } {
  const other = reach.nodeId.get(tie.other)!;
  const at = (t: number): number =>
    probabilityOf(
      assessDyad(index, tie.d, t, model, newAssessment(), null, true, true),
      t,
      model,
      contact,
      activeSelf(t),
      activeTiesOf(reach, other, t),
    ) ?? 0;
  return { probability: at(now), probabilityThen: at(tie.a.last) };
}

/** The advice lists of a person's assessed ties (see {@link stageAdvice}); `chances` gives a feed tie's chance of contact now and after its last contact. */
export function adviceOf(
  person: string,
  ties: readonly EgoTie[],
  now: number,
  label: Labeler,
  chances: (tie: EgoTie) => { probability: number; probabilityThen: number },
): StageAdvice {
  const feed: FeedAdvice[] = [];
  const weed: WeedAdvice[] = [];
  for (const tie of ties) {
    const a = tie.a;
    if (a.advice !== ADVICE_FEED && a.advice !== ADVICE_WEED) continue;
    const base = { other: tie.other, name: label(tie.other) };
    const reason = adviceText(a, now, tieNames(person, tie, label));
    if (a.advice === ADVICE_FEED) {
      const { probability, probabilityThen } = chances(tie);
      feed.push({
        ...base,
        stage: STAGE_OF_CODE[a.stage]!,
        peak: LEVEL_OF_CODE[a.peak]!,
        strength: a.strength,
        lastContact: new Date(a.last),
        silenceDays: dayCount(now - a.last),
        due: new Date(a.dueAt),
        probability,
        probabilityThen,
        expectedLoss: (probabilityThen - probability) * a.strength,
        reason,
      });
    } else {
      weed.push({
        ...base,
        stage: STAGE_OF_CODE[a.stage]!,
        flags: flagList(a.flags).filter((f) => f !== 'giver-fatigue'),
        reason,
      });
    }
  }
  feed.sort((x, y) => y.expectedLoss - x.expectedLoss || compareKeys(x.other, y.other));
  weed.sort((x, y) => compareKeys(x.other, y.other));
  return { feed, weed, reconnect: reconnectOf(person, ties, now, label) };
}

/**
 * The ties of a person that were engaged or trusted and have gone cold, by
 * what they were worth: trusted before engaged, then the strength they had at
 * their last contact, then how long they lasted (see {@link stageAdvice}).
 */
export function reconnectOf(person: string, ties: readonly EgoTie[], now: number, label: Labeler): ReconnectAdvice[] {
  const reconnect: ReconnectAdvice[] = [];
  for (const tie of ties) {
    const a = tie.a;
    if (a.advice !== ADVICE_RECONNECT) continue;
    reconnect.push({
      other: tie.other,
      name: label(tie.other),
      peak: LEVEL_OF_CODE[a.peak]!,
      peakStrength: a.peakStrength,
      lastedDays: dayCount(a.last - a.first),
      lastContact: new Date(a.last),
      silenceDays: dayCount(now - a.last),
      reason: adviceText(a, now, tieNames(person, tie, label)),
    });
  }
  const rung = (r: ReconnectAdvice): number => (r.peak === 'trusted' ? 1 : 0);
  return reconnect.sort(
    (x, y) =>
      rung(y) - rung(x) ||
      y.peakStrength - x.peakStrength ||
      y.lastedDays - x.lastedDays ||
      compareKeys(x.other, y.other),
  );
}

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
export function stageAdvice(graph: PeopleGraph, person: string, options: StageOptions): StageAdvice {
  const module = 'stageAdvice';
  const ctx = readEgo(graph, person, options, module);
  const contact = resolveContactModel(options.contactModel, module);
  // The chance of contact reads how active the other person of each feed tie is with anyone: their ties too.
  const others = ctx.ties.filter((t) => t.a.advice === ADVICE_FEED).map((t) => t.other);
  const reach = buildIndex(graph, options, module, { kind: 'nodes', nodes: others });
  const activeSelf = activeTieCounter(ctx.index, ctx.self);
  return adviceOf(ctx.person, ctx.ties, ctx.now, ctx.label, (tie) =>
    feedChances(ctx.index, tie, ctx.now, ctx.model, contact, activeSelf, reach),
  );
}
