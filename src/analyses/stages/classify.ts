/**
 * `classifyStage`, `stageTimeline` and `classifyStages`: where relationships
 * stand in their life cycle, why, and how they got there — read from the
 * kernel's one assessment of each tie.
 *
 * @module
 */
import type { InteractionIndex } from '../../core/interaction-index.js';
import { checkAttribute, type PeopleGraph } from '../../core/graph.js';
import { assertGraphBacked, type PreparedNetwork } from '../../core/prepared.js';
import { makeLabeler, type Labeler } from '../../core/labels.js';
import { assessDyad, newAssessment, type RawChange } from '../../kernel/assess.js';
import type { ResolvedModel } from '../../kernel/options.js';
import { assessPair, readAll, readPair, writeByDyad } from '../../kernel/read.js';
import { changeText, flagDetailsOf, flagList, FLAG_BITS, LEVEL_OF_CODE, STAGE_OF_CODE } from '../../kernel/words.js';
import {
  type Stage,
  type StageChange,
  type StageFlag,
  type StageFlagDetail,
  type StageLevel,
  type StageOptions,
  type StageResult,
  type StageTimeline,
  flagCounts,
  noneResult,
  stageCounts,
  stageResult,
} from '../../kernel/stage-result.js';
import { dateOrNull } from '../../core/time.js';

function dyadKeys(index: InteractionIndex, d: number): [string, string] {
  return [index.nodes[index.dyadA[d]!]!, index.nodes[index.dyadB[d]!]!];
}

function classifyPair(
  graph: unknown,
  a: unknown,
  b: unknown,
  options: StageOptions,
  module: string,
  record: boolean,
): { result: StageResult; changes: StageChange[] } {
  const ctx = readPair(graph, a, b, options, module);
  const raw: RawChange[] | null = record ? [] : null;
  const s = assessPair(ctx, raw);
  if (s === null) return { result: noneResult(), changes: [] };
  const keys = dyadKeys(ctx.index, ctx.d);
  const result = stageResult(s, ctx.now, ctx.model, keys, [ctx.label(keys[0]), ctx.label(keys[1])]);
  const changes = (raw ?? []).map((c) => ({
    at: new Date(c.at),
    from: STAGE_OF_CODE[c.from]!,
    to: STAGE_OF_CODE[c.to]!,
    reason: changeText(c, s, ctx.model),
  }));
  return { result, changes };
}

/**
 * Where the relationship between `a` and `b` stands at `now`: a stage of the
 * ladder `connected` → `acquainted` → `engaged` → `trusted`, or on the way
 * down `cooling` / `dormant` (`none` for no link and no interaction), with
 * every rule met or missed as a sentence, the date since when it is in this
 * stage, and warning flags (`one-sided`, `premature-ask`, `giver-fatigue`).
 * Symmetric in `a` and `b`. A manual strength override sets the rung; silence
 * still cools it and chills it by the tie's own rhythm.
 *
 * @see [Stages](../../../docs/guides/stages.md), the guide.
 *
 * @example
 * ```ts
 * const { stage, since, reasons, flags } = classifyStage(graph, 'ann', 'bob', { now: '2024-06-30' });
 * // stage 'engaged', since 2024-03-02, flags ['premature-ask']
 * reasons.filter((r) => !r.met).map((r) => r.text); // what it takes to become trusted
 * ```
 */
export function classifyStage(graph: PeopleGraph, a: string, b: string, options: StageOptions): StageResult {
  return classifyPair(graph, a, b, options, 'classifyStage', false).result;
}

/**
 * The relationship's history of stages: every change (date, from, to, reason),
 * computed in the same one pass over its interactions as {@link classifyStage}.
 * Its last change leads to the stage that `classifyStage` gives at `now`,
 * which is in `current`.
 *
 * @see [Stages](../../../docs/guides/stages.md), the guide.
 *
 * @example
 * ```ts
 * const { changes } = stageTimeline(graph, 'ann', 'bob', { now: '2024-06-30' });
 * for (const c of changes) console.log(c.at.toISOString().slice(0, 10), c.from, '→', c.to, c.reason);
 * ```
 */
export function stageTimeline(graph: PeopleGraph, a: string, b: string, options: StageOptions): StageTimeline {
  const { result, changes } = classifyPair(graph, a, b, options, 'stageTimeline', true);
  return { changes, current: result };
}

/** One relationship in {@link classifyStages}' result. */
export interface RelationshipStage {
  /** The smaller key of the pair (code-unit order). */
  a: string;
  /** The larger key. */
  b: string;
  /** The stage at `now`. */
  stage: Stage;
  /** The ladder rung. */
  level: StageLevel;
  /** The highest rung it ever reached. */
  peak: StageLevel;
  /** Since when, or `null` when unknown (a bare link, or set by an override). */
  since: Date | null;
  /** Warning flags (read-only: relationships without flags share one frozen empty list). */
  flags: readonly StageFlag[];
  /** The flags with whom they are about (read-only, as `flags`). */
  flagDetails: readonly StageFlagDetail[];
}

/** The result of {@link classifyStages}. */
export interface NetworkStages {
  /** Number of relationships per stage (every stage present, `none` always 0). */
  stageCounts: Record<Stage, number>;
  /** Number of relationships per flag. */
  flagCounts: Record<StageFlag, number>;
  /** Every relationship (tie), sorted by (a, b). */
  ties: RelationshipStage[];
}

/** Options of `classifyStages.assign` (see {@link classifyStages}). */
export interface AssignStageOptions extends StageOptions {
  /** The edge attribute to write the stage to. Default `'stage'`. */
  attribute?: string;
}

/** Most relationships carry no flag: they share these (frozen) rather than allocate two empty arrays each. */
const NO_FLAGS: readonly StageFlag[] = /* @__PURE__ */ Object.freeze([]);
const NO_FLAG_DETAILS: readonly StageFlagDetail[] = /* @__PURE__ */ Object.freeze([]);

/** Every relationship of an index at `now` (see {@link classifyStages}): one kernel pass and one small object per dyad. */
export function classifyIndex(
  index: InteractionIndex,
  now: number,
  model: ResolvedModel,
  label: Labeler,
): NetworkStages {
  const counts = stageCounts();
  const flags = flagCounts();
  const relationships: RelationshipStage[] = new Array(index.dyadCount);
  const s = newAssessment();
  for (let d = 0; d < index.dyadCount; d++) {
    assessDyad(index, d, now, model, s, null, false);
    const keys = dyadKeys(index, d);
    const stage = STAGE_OF_CODE[s.stage]!;
    counts[stage]++;
    let list: readonly StageFlag[] = NO_FLAGS;
    let details: readonly StageFlagDetail[] = NO_FLAG_DETAILS;
    if (s.flags !== 0) {
      details = flagDetailsOf(s, keys, [label(keys[0]), label(keys[1])]);
      list = flagList(s.flags);
      for (const [bit, name] of FLAG_BITS) if (s.flags & bit) flags[name]++;
    }
    relationships[d] = {
      a: keys[0],
      b: keys[1],
      stage,
      level: LEVEL_OF_CODE[s.level]!,
      peak: LEVEL_OF_CODE[s.peak]!,
      since: dateOrNull(s.since),
      flags: list,
      flagDetails: details,
    };
  }
  return { stageCounts: counts, flagCounts: flags, ties: relationships };
}

function classifyAll(network: unknown, options: StageOptions, module: string) {
  const { graph, index, now, model } = readAll(network, options, module);
  return { graph, index, result: classifyIndex(index, now, model, makeLabeler(graph, options, module)) };
}

function stagesOf(graph: PeopleGraph | PreparedNetwork, options: StageOptions): NetworkStages {
  return classifyAll(graph, options, 'classifyStages').result;
}

function assignStages(graph: PeopleGraph | PreparedNetwork, options: AssignStageOptions): void {
  const module = 'classifyStages.assign';
  assertGraphBacked(graph, module);
  const attribute = checkAttribute(options, 'stage', module);
  const { graph: g, index, result } = classifyAll(graph, options, module);
  writeByDyad(g, index, attribute, (d) => result.ties[d]!.stage);
}

/**
 * Classifies every relationship of the graph at `now` in one pass over its
 * interactions: counts per stage and per flag, and each relationship's stage,
 * equal to {@link classifyStage}'s. `classifyStages.assign(graph, { now,
 * attribute })` writes each stage to an edge attribute instead (default
 * `'stage'`): the one writer of the stage functions. Accepts a network from
 * `prepareNetwork` in place of the graph, to skip reading it again.
 *
 * @function
 * @see [Stages](../../../docs/guides/stages.md), the guide.
 *
 * @example
 * ```ts
 * const { stageCounts, ties } = classifyStages(graph, { now: '2024-06-30' });
 * stageCounts.trusted; // e.g. 12
 * ties.filter((r) => r.flags.includes('one-sided'));
 *
 * classifyStages.assign(graph, { now: '2024-06-30', attribute: 'stage' });
 *
 * // Several dates (or reports) from one reading of the graph:
 * const network = prepareNetwork(graph);
 * const history = ['2023-06-30', '2024-06-30'].map((now) => classifyStages(network, { now }).stageCounts);
 * ```
 */
export const classifyStages = /* @__PURE__ */ Object.assign(stagesOf, { assign: assignStages });
