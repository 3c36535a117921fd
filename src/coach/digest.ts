/**
 * What moved between two dates, for one person: a weekly digest instead of
 * a reminder per contact. Every entry is the difference of two assessments
 * of the same tie — at `from` and at `to` (the kernel's, with evidence: the
 * values at both dates) — so the digest cannot disagree with what goodwill
 * says about the tie on either date.
 *
 * @module
 */
import { DAY_MS, parseTimeOption } from '../core/time.js';
import { DORMANT, assessDyad, newAssessment, type Assessment } from '../kernel/assess.js';
import { checkOptions, readEgo, type EgoTie } from '../kernel/read.js';
import { STAGE_OF_CODE } from '../kernel/words.js';
import type { Stage } from '../kernel/types.js';
import { optionError } from '../core/errors.js';
import { owedOf, type ReplyOptions } from './replies.js';
import { readIgnoreKinds, readNumber } from './words.js';
import type { TimeInput } from '../core/time.js';
import type { InteractionIndex } from '../core/interaction-index.js';

/** Options of {@link digest}: the two dates (`to` is the `now` of the second assessment). */
export interface DigestOptions extends Omit<ReplyOptions, 'now'> {
  from: TimeInput;
  to: TimeInput;
  /** The change of strength that counts as warmed or cooled. Default 0.1. */
  minChange?: number;
}

/** What moved on one tie. */
export type DigestKind = 'new' | 'cold' | 'stage' | 'warmed' | 'cooled' | 'owed' | 'revived';

/** One entry of the digest, with its evidence. */
export interface DigestEntry {
  kind: DigestKind;
  other: string;
  name: string;
  /** Strength and stage at `from` and at `to`. */
  strength: [number, number];
  stage: [Stage, Stage];
  text: string;
}

/** The digest of a person between two dates. */
export interface Digest {
  person: string;
  from: string;
  to: string;
  entries: DigestEntry[];
  text: string;
}

const ORDER: readonly DigestKind[] = ['owed', 'revived', 'new', 'warmed', 'stage', 'cooled', 'cold'];
const two = (x: number): string => x.toFixed(2);

/** The other side's first interaction in (from, to] that broke a silence of at least `silence` ms, or NaN. */
function revivedAt(index: InteractionIndex, tie: EgoTie, from: number, to: number, silence: number): number {
  let previous = NaN;
  for (let e = index.eventOffset[tie.d]!; e < index.eventOffset[tie.d + 1]!; e++) {
    const t = index.time[e]!;
    if (t > to) break;
    if (t > from && index.dir[e] !== tie.side && !(t - previous < silence)) return t;
    previous = t;
  }
  return NaN;
}

/**
 * What moved for `person` between `from` and `to`: replies newly owed, ties
 * revived by the other after a silence, new ties, ties warmed or cooled by at
 * least `minChange`, changes of stage, and ties gone cold — each with the
 * strength and stage at both dates.
 *
 * @example
 * ```ts
 * // Maya's network of the guide, now = '2025-06-30T18:00:00Z'
 * digest(graph, 'me', { from: '2025-06-23T18:00:00Z', to: now }).text;
 * // "Between 2025-06-23 and 2025-06-30: 2 replies owed, 1 new tie."
 * ```
 *
 * @see [Coaching a networker](../../docs/guides/coach.md), the guide.
 */
export function digest(graph: unknown, person: unknown, options: DigestOptions): Digest {
  const module = 'digest';
  checkOptions(options, module);
  const from = parseTimeOption(options.from, 'from', module);
  const to = parseTimeOption(options.to, 'to', module);
  if (!(from < to)) throw optionError(module, 'from', 'must be before `to`', options.from);
  const minChange = readNumber(options.minChange, 'minChange', module, 0.1, [0, 1]);
  const ignore = readIgnoreKinds(options.ignoreKinds, module);
  const ego = readEgo(graph, person, { ...options, now: to }, module);
  const atFrom = { ...ego, now: from };
  const entries: DigestEntry[] = [];
  for (const tie of ego.ties) {
    const s0: Assessment = assessDyad(ego.index, tie.d, from, ego.model, newAssessment());
    const s1 = tie.a;
    const name = ego.label(tie.other);
    const stage: [Stage, Stage] = [s0.n > 0 ? STAGE_OF_CODE[s0.stage]! : 'none', STAGE_OF_CODE[s1.stage]!];
    const strength: [number, number] = [s0.strength, s1.strength];
    const add = (kind: DigestKind, text: string) =>
      entries.push({ kind, other: tie.other, name, strength, stage, text });
    const owed = owedOf(ego, tie, ignore);
    if (owed && !owedOf(atFrom, { ...tie, a: s0 }, ignore)) add('owed', owed.text);
    const silence = s0.n > 0 ? s0.coolAfter : Infinity;
    const back = s0.n > 0 ? revivedAt(ego.index, tie, from, to, silence) : NaN;
    if (back === back)
      add('revived', `${name} got back in touch after ${Math.round((back - s0.last) / DAY_MS)} days of silence.`);
    if (s0.n === 0 && s1.n > 0) add('new', `${name} is a new tie (${stage[1]}).`);
    else if (s0.stage !== DORMANT && s1.stage === DORMANT && s0.n > 0)
      add('cold', `The tie with ${name} went cold (was ${stage[0]}).`);
    else if (stage[0] !== stage[1] && s0.n > 0) add('stage', `${name}: ${stage[0]} → ${stage[1]}.`);
    const delta = s1.strength - s0.strength;
    if (s0.n === 0) continue; // A new tie has warmed from nothing: 'new' says it.
    if (delta >= minChange) add('warmed', `${name} warmed: ${two(s0.strength)} → ${two(s1.strength)}.`);
    else if (-delta >= minChange) add('cooled', `${name} cooled: ${two(s0.strength)} → ${two(s1.strength)}.`);
  }
  entries.sort((x, y) => ORDER.indexOf(x.kind) - ORDER.indexOf(y.kind) || (x.other < y.other ? -1 : 1));
  const counts = ORDER.map((k) => [k, entries.filter((e) => e.kind === k).length] as const).filter(([, n]) => n > 0);
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const words: Record<DigestKind, [string, string]> = {
    owed: ['reply owed', 'replies owed'],
    revived: ['tie back after a silence', 'ties back after a silence'],
    new: ['new tie', 'new ties'],
    warmed: ['warmed', 'warmed'],
    stage: ['change of stage', 'changes of stage'],
    cooled: ['cooled', 'cooled'],
    cold: ['gone cold', 'gone cold'],
  };
  const text = counts.length
    ? `Between ${day(from)} and ${day(to)}: ${counts.map(([k, n]) => `${n} ${words[k][n === 1 ? 0 : 1]}`).join(', ')}.`
    : `Between ${day(from)} and ${day(to)}: nothing moved.`;
  return { person: ego.person, from: day(from), to: day(to), entries, text };
}
