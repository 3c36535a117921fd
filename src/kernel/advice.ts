/**
 * The advice lists of one person's assessed ties — *feed* the valuable ties
 * going quiet, *weed* the ones that never grew, *reconnect* the ones that
 * went cold after they mattered — read from the kernel's advice code of each
 * tie, so the three never overlap. Shared by `stageAdvice`, `keepInTouch`
 * and `egoHealth`.
 *
 * @module
 * @internal
 */
import { compareKeys } from '../core/graph.js';
import type { InteractionIndex } from '../core/interaction-index.js';
import type { Labeler } from '../core/labels.js';
import { ADVICE_FEED, ADVICE_RECONNECT, ADVICE_WEED, assessDyad, newAssessment } from './assess.js';
import { activeTieCounter, activeTiesOf, probabilityOf, type ContactModel } from './contact.js';
import type { ResolvedModel } from './options.js';
import type { EgoContext, EgoTie } from './read.js';
import type { Stage, StageFlag, StageLevel } from './types.js';
import { adviceText, dayCount, flagList, LEVEL_OF_CODE, STAGE_OF_CODE, YOU, type Names } from './words.js';

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
 * The feed chances of a person's ties (see {@link feedChances}), each
 * computed once per contact model and kept with the person's ties: a report
 * and `stageAdvice` asked on one prepared network share them. `reach` gives
 * an index holding every tie of the feed ties' other people (built only if a
 * feed tie asks).
 */
export function keptFeedChances(
  ctx: EgoContext,
  contact: ContactModel,
  reach: () => InteractionIndex,
): (tie: EgoTie) => { probability: number; probabilityThen: number } {
  let byTie = ctx.kept.get(contact) as Map<number, { probability: number; probabilityThen: number }> | undefined;
  if (byTie === undefined) ctx.kept.set(contact, (byTie = new Map()));
  const chances = byTie;
  return (tie) => {
    let c = chances.get(tie.d);
    if (c === undefined) {
      const activeSelf = ctx.kept.get(ACTIVE_SELF) as ((t: number) => number) | undefined;
      const counter = activeSelf ?? activeTieCounter(ctx.index, ctx.self);
      if (activeSelf === undefined) ctx.kept.set(ACTIVE_SELF, counter);
      chances.set(tie.d, (c = feedChances(ctx.index, tie, ctx.now, ctx.model, contact, counter, reach())));
    }
    return c;
  };
}

/** The key of the person's active-tie counter among the kept values. */
const ACTIVE_SELF = Symbol('activeSelf');
