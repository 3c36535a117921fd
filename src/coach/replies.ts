/**
 * Who owes a reply: per tie, how fast each side usually answers and whose
 * turn it is; per person, the replies they owe, oldest first. Pitches and
 * one-way broadcasts call for none: a run made only of ignored kinds
 * (default `pitch`), or written by a side the kernel flags one-sided (its
 * initiatives mostly go unanswered: a recruiter's sequence, a newsletter),
 * is not owed.
 *
 * @module
 */
import { DAY_MS } from '../core/time.js';
import type { InteractionIndex } from '../core/interaction-index.js';
import { FLAG_ONE_SIDED, type Assessment } from '../kernel/assess.js';
import { readEgo, readPair, type EgoContext, type EgoTie, type ModelQueryOptions } from '../kernel/read.js';
import { tieRhythmOf, type TieRhythm } from './rhythm.js';
import { medianOrNull, turnsOf, type Turns } from './turns.js';
import { agoText, isoDay, readIgnoreKinds, withinText } from './words.js';

/** Options of the reply questions. */
export interface ReplyOptions extends ModelQueryOptions {
  /** Kind names whose initiatives call for no reply. Default `['pitch']`. */
  ignoreKinds?: readonly string[];
}

/** Initiatives waiting for an answer. */
export interface Waiting {
  /** Who wrote (key) and whose turn it is (key). */
  from: string;
  to: string;
  /** The oldest and the latest initiative waiting (ISO), and how many wait. */
  since: string;
  last: string;
  count: number;
  /** Days since the oldest waiting initiative. */
  days: number;
  /** Whether the answer window has passed for all of them (the kernel then counts them unanswered). */
  lapsed: boolean;
  /** Why no reply is owed: only ignored kinds (pitches), or a one-way broadcast; `null` when one is owed. */
  ignored: 'kind' | 'broadcast' | null;
}

/** The turns of one tie. */
export interface ReplyState {
  a: string;
  b: string;
  names: { a: string; b: string };
  /** Median days each side takes to answer the other (`null` before a first answer), and how many answers that is. */
  latencyDays: { a: number | null; b: number | null };
  answers: { a: number; b: number };
  /** The run waiting for an answer, or `null`. */
  waiting: Waiting | null;
  /** Whose turn it is: the key of the one who owes a reply (not lapsed, not ignored), or `null`. */
  turn: string | null;
  /** The rhythm's components: usual gap, days with contact, burstiness. */
  rhythm: TieRhythm;
  /** The answer in a sentence. */
  text: string;
}

/** One reply a person owes. */
export interface OwedReply {
  /** Who is waiting (key) and their label. */
  other: string;
  name: string;
  since: string;
  last: string;
  count: number;
  days: number;
  /** The person's usual answer time to them (days), or `null`. */
  usualDays: number | null;
  /** "Dana wrote 5 days ago; you usually answer within a day." */
  text: string;
}

/** A person's owed replies. */
export interface OwedReplies {
  person: string;
  /** Oldest first. */
  owed: OwedReply[];
  text: string;
}

/** The waiting run of `turns`, as seen with `keys` [side 0, side 1]. */
function waitingOf(
  index: InteractionIndex,
  turns: Turns,
  s: Assessment,
  now: number,
  keys: readonly [string, string],
  ignore: ReadonlySet<string>,
): Waiting | null {
  const w = turns.waitSide;
  if (w < 0) return null;
  const lapsed = turns.waitOpen > turns.waitEnd;
  let onlyIgnored = true;
  for (let e = turns.waitStart; e <= turns.waitEnd; e++)
    if (!ignore.has(index.kinds.list[index.kind[e]!]!.name)) onlyIgnored = false;
  const broadcast = (s.flags & FLAG_ONE_SIDED) !== 0 && s.oneSidedSide === w;
  const since = index.time[lapsed ? turns.waitStart : turns.waitOpen]!;
  return {
    from: keys[w]!,
    to: keys[1 - w]!,
    since: isoDay(since),
    last: isoDay(index.time[turns.waitEnd]!),
    count: lapsed ? turns.waitEnd + 1 - turns.waitStart : turns.waitEnd + 1 - turns.waitOpen,
    days: Math.floor((now - since) / DAY_MS),
    lapsed,
    ignored: onlyIgnored ? 'kind' : broadcast ? 'broadcast' : null,
  };
}

/** The verb of a run's first initiative, to `to`: "wrote", "asked you for something", "helped Tom". */
function verbOf(index: InteractionIndex, e: number, to: string): string {
  const role = index.kindRole[index.kind[e]!]!;
  return role === 1 ? `helped ${to}` : role === 2 ? `asked ${to} for something` : 'wrote';
}

/**
 * Whose turn it is on the tie between `a` and `b`: each side's usual answer
 * time (median of its answer delays), the initiatives waiting for an answer,
 * and the tie's rhythm with its burstiness.
 *
 * @example
 * ```ts
 * // Maya's network of the guide, now = '2025-06-30T18:00:00Z'
 * const r = replyState(graph, 'me', 'dana', { now });
 * r.turn; // 'me'
 * r.text; // "Dana wrote 5 days ago; Maya usually answers within 4 hours."
 * ```
 *
 * @see [Coaching a networker](../../docs/guides/coach.md), the guide.
 */
export function replyState(graph: unknown, a: unknown, b: unknown, options: ReplyOptions): ReplyState {
  const module = 'replyState';
  const ctx = readPair(graph, a, b, options, module);
  const ignore = readIgnoreKinds(options.ignoreKinds, module);
  const names = { a: ctx.label(ctx.a), b: ctx.label(ctx.b) };
  const { assessment: s, ...rhythm } = tieRhythmOf(ctx.index, ctx.d, ctx.now, ctx.model, names.a, names.b);
  const empty: ReplyState = {
    a: ctx.a,
    b: ctx.b,
    names,
    latencyDays: { a: null, b: null },
    answers: { a: 0, b: 0 },
    waiting: null,
    turn: null,
    rhythm,
    text: `${names.a} and ${names.b} have no interaction to answer.`,
  };
  if (ctx.d < 0) return empty;
  const turns = turnsOf(ctx.index, ctx.d, ctx.now, ctx.model, s);
  const keys: [string, string] = ctx.aSide === 0 ? [ctx.a, ctx.b] : [ctx.b, ctx.a];
  const da = turns.delays[ctx.aSide]!;
  const db = turns.delays[1 - ctx.aSide]!;
  const latency = { a: toDays(medianOrNull(da)), b: toDays(medianOrNull(db)) };
  const waiting = waitingOf(ctx.index, turns, s, ctx.now, keys, ignore);
  const turn = waiting && !waiting.lapsed && !waiting.ignored ? waiting.to : null;
  return {
    ...empty,
    latencyDays: latency,
    answers: { a: da.length, b: db.length },
    waiting,
    turn,
    text: sentence(ctx.index, turns, waiting, ctx.label, ctx.now, waiting?.to === ctx.a ? latency.a : latency.b),
  };
}

const toDays = (ms: number | null): number | null => (ms === null ? null : ms / DAY_MS);

/** The sentence of a tie's turns, naming the one whose turn it is by `label` (or "you" via `you`). */
function sentence(
  index: InteractionIndex,
  turns: Turns,
  waiting: Waiting | null,
  label: (key: string) => string,
  now: number,
  usualDays: number | null,
  you?: string,
): string {
  if (waiting === null) return 'Nobody is waiting for an answer.';
  const from = label(waiting.from);
  const to = you ?? label(waiting.to);
  const first = waiting.lapsed ? turns.waitStart : turns.waitOpen;
  const wrote = `${from} ${verbOf(index, first, to)} ${agoText(now - index.time[first]!)}`;
  if (waiting.ignored === 'kind') return `${wrote}, a pitch: no reply is owed.`;
  if (waiting.ignored === 'broadcast')
    return `${wrote}, one-way: most of ${from}'s messages go unanswered, no reply is owed.`;
  if (waiting.lapsed) return `${wrote}; the answer window of ${Math.round(turns.window / DAY_MS)} days has passed.`;
  const answers = you ? 'answer' : 'answers';
  return usualDays === null
    ? `${wrote}; ${to} ${you ? 'have' : 'has'} not answered ${from} before.`
    : `${wrote}; ${to} usually ${answers} ${withinText(usualDays * DAY_MS)}.`;
}

/**
 * The reply `ego.person` owes on `tie`, or `null`; its sentence says "you"
 * (`you`, the default) or names the person.
 */
export function owedOf(ego: EgoContext, tie: EgoTie, ignore: ReadonlySet<string>, you = true): OwedReply | null {
  const { index, now, label } = ego;
  if (tie.a.pending0 + tie.a.pending1 === 0) return null;
  const turns = turnsOf(index, tie.d, now, ego.model, tie.a);
  const keys: [string, string] = tie.side === 0 ? [ego.person, tie.other] : [tie.other, ego.person];
  const w = waitingOf(index, turns, tie.a, now, keys, ignore);
  if (w === null || w.to !== ego.person || w.lapsed || w.ignored) return null;
  const usual = toDays(medianOrNull(turns.delays[tie.side]!));
  return {
    other: tie.other,
    name: label(tie.other),
    since: w.since,
    last: w.last,
    count: w.count,
    days: w.days,
    usualDays: usual,
    text: sentence(index, turns, w, label, now, usual, you ? 'you' : undefined),
  };
}

/**
 * The replies `person` owes, oldest first: every tie where the other wrote
 * (or asked, or helped) within the answer window and `person` has not taken
 * part since — pitches and one-way broadcasts left out.
 *
 * @example
 * ```ts
 * // Maya's network of the guide, now = '2025-06-30T18:00:00Z'
 * owedReplies(graph, 'me', { now }).owed.map((o) => o.text);
 * // ["Tom helped you 20 days ago; you usually answer within 5 days.",
 * //  "Dana wrote 5 days ago; you usually answer within 4 hours.",
 * //  "Leo wrote 2 days ago; you have not answered Leo before."]
 * ```
 *
 * @see [Coaching a networker](../../docs/guides/coach.md), the guide.
 */
export function owedReplies(graph: unknown, person: unknown, options: ReplyOptions): OwedReplies {
  const module = 'owedReplies';
  const ego = readEgo(graph, person, options, module);
  const ignore = readIgnoreKinds(options.ignoreKinds, module);
  const owed: OwedReply[] = [];
  for (const tie of ego.ties) {
    const o = owedOf(ego, tie, ignore);
    if (o) owed.push(o);
  }
  owed.sort((x, y) => (x.since < y.since ? -1 : x.since > y.since ? 1 : x.other < y.other ? -1 : 1));
  const me = ego.label(ego.person);
  const text =
    owed.length === 0
      ? `${me} owes no reply.`
      : `${me} owes ${owed.length} ${owed.length === 1 ? 'reply' : 'replies'}: ${owed.map((o) => o.name).join(', ')}.`;
  return { person: ego.person, owed, text };
}
