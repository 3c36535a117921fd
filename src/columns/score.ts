/**
 * `scorePairs` and `activeTies`: the answers about each pair of a batch of
 * complete pair histories, with the person-level features (each person's
 * active ties) from a pass over the whole table — so that a table too large
 * for memory is scored batch by batch, each answer exact.
 *
 * @module
 */
import { optionIsError } from '../core/errors.js';
import { readNetwork } from '../core/prepared.js';
import { parseTimeOption, dateOrNull } from '../core/time.js';
import { assessDyad, DORMANT, newAssessment } from '../kernel/assess.js';
import { checkOptions } from '../kernel/read.js';
import { resolveModel, type RelationshipModelOptions } from '../kernel/options.js';
import { FLAG_BITS, LEVEL_OF_CODE, STAGE_OF_CODE } from '../kernel/words.js';
import type { Stage, StageFlag, StageLevel } from '../kernel/types.js';
import { activeTieCounts, resolveContactModel, type ContactModel } from '../kernel/contact.js';
import { probabilityOf } from '../kernel/contact.js';
import { fromColumns } from './from-columns.js';
import type { ColumnReadOptions, InteractionColumns } from './types.js';
import type { TimeInput } from '../core/time.js';

/** Options of {@link scorePairs}. */
export interface ScorePairsOptions extends ColumnReadOptions, RelationshipModelOptions {
  /** The date of the answers. Required: goodwill never reads the clock. */
  now: TimeInput;
  /** The model of the chance of contact (see `tieStrengths`); default: the shipped model. */
  contactModel?: ContactModel;
  /**
   * Each person's number of ties with contact in the 30 days up to `now`
   * (from {@link activeTies} over the whole table; people left out have 0).
   * Default: counted in this batch, which is exact only when the batch holds
   * every tie of its people.
   */
  activeTies?: Readonly<Record<string, number>>;
}

/** The answers about one pair (`a` < `b` in code-unit order), as `tieStrengths` and `classifyStages` give them. */
export interface PairScore {
  a: string;
  b: string;
  /** As `tieStrengths`' `strength`, `warmth`, `probability`, `lastContact` and `dormant`. */
  strength: number;
  warmth: number;
  probability: number | null;
  lastContact: Date | null;
  dormant: boolean;
  /** As `classifyStages`' `stage`, `level`, `peak`, `since` and `flags`. */
  stage: Stage;
  level: StageLevel;
  peak: StageLevel;
  since: Date | null;
  flags: StageFlag[];
  /** Interactions at or before `now`. */
  interactions: number;
}

/**
 * The answers about every pair of a table of complete pair histories (a
 * batch: every interaction of each pair it holds, in any order), one entry
 * per pair, sorted by (a, b). With `activeTies` from the whole table, each
 * answer is the one `tieStrengths` and `classifyStages` give for the whole
 * network: batches can be scored one at a time, or in parallel.
 *
 * @see [At scale](../../docs/guides/scale.md), the guide.
 *
 * @example
 * ```ts
 * const table = { source: ['ann', 'bob'], target: ['bob', 'ann'], at: ['2024-06-01', '2024-06-02'] };
 * const [pair] = scorePairs(table, { now: '2024-06-30' });
 * pair.stage; // 'acquainted'
 * ```
 */
export function scorePairs(columns: InteractionColumns, options: ScorePairsOptions): PairScore[] {
  const module = 'scorePairs';
  checkOptions(options, module);
  const now = parseTimeOption(options.now, 'now', module);
  const model = resolveModel(options, module);
  const contact = resolveContactModel(options.contactModel, module);
  const given = options.activeTies;
  if (given !== undefined && (given === null || typeof given !== 'object' || Array.isArray(given)))
    throw optionIsError(module, 'activeTies', given, 'pass the object that activeTies(table, { now }) returns');
  const { index } = readNetwork(fromColumns(columns, readOptions(options)), undefined, module);
  const counted = given === undefined ? activeTieCounts(index, now) : null;
  // Own keys only: a person keyed `constructor` has no count unless one is given.
  const active = (id: number) =>
    counted !== null ? counted[id]! : Object.hasOwn(given!, index.nodes[id]!) ? given![index.nodes[id]!]! : 0;
  const s = newAssessment();
  const out: PairScore[] = new Array(index.dyadCount);
  for (let d = 0; d < index.dyadCount; d++) {
    assessDyad(index, d, now, model, s, null, true, true);
    const a = index.dyadA[d]!;
    const b = index.dyadB[d]!;
    const flags: StageFlag[] = [];
    for (const [bit, name] of FLAG_BITS) if (s.flags & bit) flags.push(name);
    out[d] = {
      a: index.nodes[a]!,
      b: index.nodes[b]!,
      strength: s.strength,
      warmth: s.warmth0 + s.warmth1,
      probability: probabilityOf(s, now, model, contact, active(a), active(b)),
      lastContact: dateOrNull(s.last),
      dormant: s.stage === DORMANT,
      stage: STAGE_OF_CODE[s.stage]!,
      level: LEVEL_OF_CODE[s.level]!,
      peak: LEVEL_OF_CODE[s.peak]!,
      since: dateOrNull(s.since),
      flags,
      interactions: s.n,
    };
  }
  return out;
}

/** The read options among `options` (fromColumns refuses none, but passes only these on). */
function readOptions(options: ColumnReadOptions): ColumnReadOptions {
  const { kinds, replaceKinds, unknownKind, checkUnixSeconds, selfPairs } = options;
  return Object.fromEntries(
    Object.entries({ kinds, replaceKinds, unknownKind, checkUnixSeconds, selfPairs }).filter(
      ([, v]) => v !== undefined,
    ),
  );
}

/**
 * Each person's number of ties with contact in the 30 days up to `now` — the
 * person-level feature of the chance of contact — from a table of
 * interactions (the whole table, or only its rows of those 30 days: no other
 * row counts), as an object keyed by person. People without such a tie are
 * left out (their count is 0).
 *
 * @see [At scale](../../docs/guides/scale.md), the guide.
 *
 * @example
 * ```ts
 * const recent = { source: ['ann', 'ann'], target: ['bob', 'cy'], at: ['2024-06-20', '2024-06-25'] };
 * activeTies(recent, { now: '2024-06-30' }).ann; // 2
 * ```
 */
export function activeTies(
  columns: InteractionColumns,
  options: ColumnReadOptions & { now: TimeInput },
): Record<string, number> {
  const module = 'activeTies';
  checkOptions(options, module);
  const now = parseTimeOption(options.now, 'now', module);
  const { index } = readNetwork(fromColumns(columns, readOptions(options)), undefined, module);
  const counts = activeTieCounts(index, now);
  // Plain data, as every answer is (no prototype: any key is a person).
  const out = Object.create(null) as Record<string, number>;
  for (let id = 0; id < counts.length; id++) if (counts[id]! > 0) out[index.nodes[id]!] = counts[id]!;
  return out;
}
