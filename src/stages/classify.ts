/**
 * `classifyStage`, `stageTimeline` and `classifyStages`: where relationships
 * stand in their life cycle, why, and how they got there.
 *
 * @module
 */
import { InvalidOptionError, describeValue } from '../core/errors.js';
import { assertGraph, type PeopleGraph } from '../core/graph.js';
import { buildIndex, eventsEnd, findDyad, type InteractionIndex } from '../core/interaction-index.js';
import { isPreparedNetwork, readNetwork, type PreparedNetwork } from '../core/prepared.js';
import { DAY_MS, parseTimeOption } from '../core/time.js';
import { exchangeMutuality, levelName, newState, runDyad, silenceThresholds, usualGap, type DyadState, type RawChange } from './machine.js';
import { resolveThresholds, type ResolvedThresholds } from './options.js';
import {
  STAGES,
  type Stage,
  type StageChange,
  type StageFlag,
  type StageFlagDetail,
  type StageLevel,
  type StageOptions,
  type StageReason,
  type StageResult,
  type StageTimeline,
} from './types.js';

function checkOptions(options: unknown, module: string): asserts options is StageOptions {
  if (options === null || typeof options !== 'object') {
    throw new InvalidOptionError(`${module}: options are required, at least { now }: goodwill never reads the clock; got ${describeValue(options)}.`, { field: 'options' });
  }
}

const toDays = (ms: number): number => Math.round((ms / DAY_MS) * 100) / 100;

/** The reasons of a classification: every rule with its number and threshold. */
function reasonsOf(s: DyadState, now: number, th: ResolvedThresholds): StageReason[] {
  const reasons: StageReason[] = [];
  const add = (rule: string, stage: Stage, value: number, threshold: number, unit: string, text: string): void => {
    reasons.push({ rule, stage, met: value >= threshold, value, threshold, unit, text });
  };
  const twoWay = Math.min(s.initiated0, s.initiated1);
  const span = s.n > 0 ? s.last - s.first : 0;
  add('two-way-contact', 'acquainted', twoWay, 1, 'interactions', `the quieter side initiated ${twoWay} interaction(s); acquainted needs both sides to reach out`);
  add('interactions', 'engaged', s.n, th.engagedMinInteractions, 'interactions', `${s.n} interactions; engaged needs ${th.engagedMinInteractions}`);
  add('active-weeks', 'engaged', s.activeWeeks, th.engagedMinActiveWeeks, 'weeks', `contact in ${s.activeWeeks} distinct weeks; engaged needs ${th.engagedMinActiveWeeks}`);
  add('span', 'engaged', toDays(span), toDays(th.engagedMinSpan), 'days', `${toDays(span)} days from first to last contact; engaged needs ${toDays(th.engagedMinSpan)}`);
  add('each-side', 'engaged', twoWay, th.engagedMinEachSide, 'interactions', `each side initiated at least ${twoWay}; engaged needs ${th.engagedMinEachSide}`);
  add('duration', 'trusted', toDays(span), toDays(th.trustedMinSpan), 'days', `${toDays(span)} days of contact; trusted needs ${toDays(th.trustedMinSpan)}`);
  add('trusted-interactions', 'trusted', s.n, th.trustedMinInteractions, 'interactions', `${s.n} interactions; trusted needs ${th.trustedMinInteractions}`);
  const givesEach = Math.min(s.gives0, s.gives1);
  add('gives-both-ways', 'trusted', givesEach, th.trustedMinGivesEach, 'gives', `the lesser giver gave ${givesEach} time(s); trusted needs ${th.trustedMinGivesEach} each way`);
  const mutuality = exchangeMutuality(s);
  add('exchange-mutuality', 'trusted', mutuality, th.trustedMinExchangeMutuality, 'ratio', `exchange mutuality (min/max of value given) is ${mutuality.toFixed(2)}; trusted needs ${th.trustedMinExchangeMutuality}`);
  if (s.n > 0) {
    const [cooling, dormant] = silenceThresholds(s, th);
    const silence = toDays(now - s.last);
    const gap = toDays(usualGap(s, th));
    add('silence-cooling', 'cooling', silence, toDays(cooling), 'days', `${silence} days since the last contact; the usual gap is ${gap} days, cooling after ${toDays(cooling)}`);
    add('silence-dormant', 'dormant', silence, toDays(dormant), 'days', `${silence} days since the last contact; dormant after ${toDays(dormant)}`);
  }
  return reasons;
}

function flagsOf(s: DyadState, keyOf: (side: number) => string, th: ResolvedThresholds): StageFlagDetail[] {
  const details: StageFlagDetail[] = [];
  const totalGives = s.gives0 + s.gives1;
  if (s.n >= th.oneSidedMinInteractions && Math.max(s.initiated0, s.initiated1) / s.n >= th.oneSidedShare) {
    const side = s.initiated0 >= s.initiated1 ? 0 : 1;
    const share = Math.round(((side === 0 ? s.initiated0 : s.initiated1) / s.n) * 100);
    details.push({ flag: 'one-sided', by: keyOf(side), text: `${keyOf(side)} initiated ${share}% of ${s.n} interactions` });
  } else if (totalGives >= th.oneSidedMinInteractions && Math.max(s.gives0, s.gives1) / totalGives >= th.oneSidedShare) {
    const side = s.gives0 >= s.gives1 ? 0 : 1;
    details.push({ flag: 'one-sided', by: keyOf(side), text: `${keyOf(side)} made ${side === 0 ? s.gives0 : s.gives1} of ${totalGives} gives` });
  }
  if (s.prematureSide >= 0) {
    details.push({
      flag: 'premature-ask',
      by: keyOf(s.prematureSide),
      text: `${keyOf(s.prematureSide)} asked on ${new Date(s.prematureAt).toISOString().slice(0, 10)}, before the relationship was engaged`,
    });
  }
  if (s.giveRun >= th.giverFatigueRun && s.giveRunSide >= 0) {
    details.push({ flag: 'giver-fatigue', by: keyOf(s.giveRunSide), text: `${keyOf(s.giveRunSide)} gave ${s.giveRun} times in a row with nothing given back` });
  }
  return details;
}

/** Which flags a state carries, as bits: 1 one-sided, 2 premature-ask, 4 giver-fatigue (same rules as {@link flagsOf}). */
function flagBits(s: DyadState, th: ResolvedThresholds): number {
  const totalGives = s.gives0 + s.gives1;
  let bits = 0;
  if (
    (s.n >= th.oneSidedMinInteractions && Math.max(s.initiated0, s.initiated1) / s.n >= th.oneSidedShare) ||
    (totalGives >= th.oneSidedMinInteractions && Math.max(s.gives0, s.gives1) / totalGives >= th.oneSidedShare)
  ) {
    bits |= 1;
  }
  if (s.prematureSide >= 0) bits |= 2;
  if (s.giveRun >= th.giverFatigueRun && s.giveRunSide >= 0) bits |= 4;
  return bits;
}

/** Compact stages of every dyad: stage (index into STAGES), peak level, and counts; no objects per dyad. */
export interface StageCodes {
  stage: Uint8Array;
  peak: Uint8Array;
  counts: Record<Stage, number>;
  flagCounts: Record<StageFlag, number>;
}

/** Every dyad's stage at `now`, as codes, for whole-network reports. */
export function classifyCodes(index: InteractionIndex, now: number, th: ResolvedThresholds): StageCodes {
  const stage = new Uint8Array(index.dyadCount);
  const peak = new Uint8Array(index.dyadCount);
  const counts = Object.fromEntries(STAGES.map((x) => [x, 0])) as Record<Stage, number>;
  const flagCounts: Record<StageFlag, number> = { 'one-sided': 0, 'premature-ask': 0, 'giver-fatigue': 0 };
  const state = newState();
  for (let d = 0; d < index.dyadCount; d++) {
    const s = runDyad(index, d, eventsEnd(index, d, now), now, th, null, state);
    const o = index.override[d]!;
    let st: Stage = s.stage;
    let pk = s.peak;
    if (o === o) {
      const level = overrideLevel(o);
      st = levelName(level);
      pk = Math.max(pk, level);
    }
    stage[d] = STAGES.indexOf(st);
    peak[d] = pk;
    counts[st]++;
    const bits = flagBits(s, th);
    if (bits & 1) flagCounts['one-sided']++;
    if (bits & 2) flagCounts['premature-ask']++;
    if (bits & 4) flagCounts['giver-fatigue']++;
  }
  return { stage, peak, counts, flagCounts };
}

/** The level an override in [0, 1] stands for: ≥ 0.75 trusted, ≥ 0.5 engaged, ≥ 0.25 acquainted, else connected. */
function overrideLevel(o: number): number {
  return o >= 0.75 ? 3 : o >= 0.5 ? 2 : o >= 0.25 ? 1 : 0;
}

interface Classified {
  result: StageResult;
  changes: RawChange[];
}

function classifyDyad(index: InteractionIndex, d: number, now: number, th: ResolvedThresholds, keys: [string, string], record: boolean, detail = true): Classified {
  const end = eventsEnd(index, d, now);
  const changes: RawChange[] = [];
  const s = runDyad(index, d, end, now, th, record ? changes : null);
  const keyOf = (side: number): string => keys[side]!;
  const flagDetails = flagsOf(s, keyOf, th);
  const o = index.override[d]!;
  const overridden = o === o;
  let stage: Stage = s.stage;
  let level = s.level;
  let peak = s.peak;
  const reasons = detail ? reasonsOf(s, now, th) : [];
  if (overridden) {
    level = overrideLevel(o);
    peak = Math.max(peak, level);
    stage = levelName(level);
    reasons.unshift({ rule: 'override', stage, met: true, value: o, threshold: 0, unit: 'strength', text: `a manual strength override of ${o} sets the stage to ${stage}` });
  }
  return {
    result: {
      stage,
      level: levelName(level),
      peak: levelName(peak),
      since: overridden || Number.isNaN(s.since) ? null : new Date(s.since),
      reasons,
      flags: flagDetails.map((f) => f.flag),
      flagDetails,
      lastContact: s.n > 0 ? new Date(s.last) : null,
      interactions: s.n,
      overridden,
    },
    changes,
  };
}

function noneResult(): StageResult {
  return { stage: 'none', level: null, peak: null, since: null, reasons: [], flags: [], flagDetails: [], lastContact: null, interactions: 0, overridden: false };
}

function classifyPair(graph: unknown, a: unknown, b: unknown, options: StageOptions, module: string, record: boolean): { result: StageResult; changes: StageChange[] } {
  assertGraph(graph, module);
  checkOptions(options, module);
  const now = parseTimeOption(options.now, 'now', module);
  const th = resolveThresholds(options.thresholds, module);
  const index = buildIndex(graph, options, module, { kind: 'pair', a: a as string, b: b as string });
  if (a === b) {
    throw new InvalidOptionError(`${module}: a and b are the same person (${JSON.stringify(a)}); a relationship needs two people.`, { field: 'b', node: a as string });
  }
  const ia = index.nodeId.get(a as string)!;
  const ib = index.nodeId.get(b as string)!;
  const d = findDyad(index, ia, ib);
  if (d < 0) return { result: noneResult(), changes: [] };
  // Sides: 0 is the dyad's A (the smaller key).
  const keys: [string, string] = [index.nodes[index.dyadA[d]!]!, index.nodes[index.dyadB[d]!]!];
  const { result, changes } = classifyDyad(index, d, now, th, keys, record);
  return { result, changes: changes.map((c) => ({ at: new Date(c.at), from: c.from, to: c.to, reason: c.reason })) };
}

/**
 * Where the relationship between `a` and `b` stands at `now`: a stage of the
 * ladder `connected` → `acquainted` → `engaged` → `trusted`, or on the way
 * down `cooling` / `dormant` (`none` for no link and no interaction), with
 * every rule met or missed, the date since when it is in this stage, and
 * warning flags (`one-sided`, `premature-ask`, `giver-fatigue`). Symmetric in
 * `a` and `b`. A manual strength override, where present, sets the stage.
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
 * computed in one pass over its interactions. Its last change leads to the
 * stage that {@link classifyStage} gives at `now`, which is in `current`.
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
  /** The ladder rung by its own history. */
  level: StageLevel;
  /** The highest rung it ever reached. */
  peak: StageLevel;
  /** Since when, or `null` for a bare link. */
  since: Date | null;
  /** Warning flags (read-only: relationships without flags share one frozen empty list). */
  flags: readonly StageFlag[];
  /** The flags with whom they are about (read-only, as `flags`). */
  flagDetails: readonly StageFlagDetail[];
}

/** The result of {@link classifyStages}. */
export interface NetworkStages {
  /** Number of relationships per stage (every stage present, `none` always 0). */
  counts: Record<Stage, number>;
  /** Number of relationships per flag. */
  flagCounts: Record<StageFlag, number>;
  /** Every relationship, sorted by (a, b). */
  relationships: RelationshipStage[];
}

/** Options of `classifyStages.assign` (see {@link classifyStages}). */
export interface AssignStageOptions extends StageOptions {
  /** The edge attribute to write the stage to. Default `'stage'`. */
  attribute?: string;
}

function classifyAll(graph: unknown, options: StageOptions, module: string): { graph: PeopleGraph; index: InteractionIndex; result: NetworkStages } {
  if (!isPreparedNetwork(graph)) assertGraph(graph, module);
  checkOptions(options, module);
  const now = parseTimeOption(options.now, 'now', module);
  const th = resolveThresholds(options.thresholds, module);
  const { graph: g, index } = readNetwork(graph, options, module);
  return { graph: g, index, result: classifyIndex(index, now, th) };
}

/** Most relationships carry no flag: they share these (frozen) rather than allocate two empty arrays each. */
const NO_FLAGS: readonly StageFlag[] = /* @__PURE__ */ Object.freeze([]);
const NO_FLAG_DETAILS: readonly StageFlagDetail[] = /* @__PURE__ */ Object.freeze([]);

/** Every relationship of an index at `now` (see {@link classifyStages}): one machine run and one small object per dyad. */
export function classifyIndex(index: InteractionIndex, now: number, th: ResolvedThresholds): NetworkStages {
  const counts = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  const flagCounts: Record<StageFlag, number> = { 'one-sided': 0, 'premature-ask': 0, 'giver-fatigue': 0 };
  const relationships: RelationshipStage[] = new Array(index.dyadCount);
  const { nodes, dyadA, dyadB, override } = index;
  const state = newState();
  for (let d = 0; d < index.dyadCount; d++) {
    const s = runDyad(index, d, eventsEnd(index, d, now), now, th, null, state);
    const a = nodes[dyadA[d]!]!;
    const b = nodes[dyadB[d]!]!;
    let stage: Stage = s.stage;
    let level = s.level;
    let peak = s.peak;
    const o = override[d]!;
    const overridden = o === o;
    if (overridden) {
      level = overrideLevel(o);
      peak = Math.max(peak, level);
      stage = levelName(level);
    }
    counts[stage]++;
    let flags: readonly StageFlag[] = NO_FLAGS;
    let flagDetails: readonly StageFlagDetail[] = NO_FLAG_DETAILS;
    if (flagBits(s, th) !== 0) {
      flagDetails = flagsOf(s, (side) => (side === 0 ? a : b), th);
      flags = flagDetails.map((f) => f.flag);
      for (const f of flags) flagCounts[f]++;
    }
    relationships[d] = {
      a,
      b,
      stage,
      level: levelName(level),
      peak: levelName(peak),
      since: overridden || s.since !== s.since ? null : new Date(s.since),
      flags,
      flagDetails,
    };
  }
  return { counts, flagCounts, relationships };
}

/**
 * Classifies every relationship of the graph at `now` in one pass over its
 * interactions: counts per stage and per flag, and each relationship's stage.
 * `classifyStages.assign` writes each stage to an edge attribute instead (the
 * one function here that mutates the graph). Accepts a network from
 * `prepareNetwork` in place of the graph, to skip reading it again.
 *
 * @example
 * ```ts
 * const { counts, relationships } = classifyStages(graph, { now: '2024-06-30' });
 * counts.trusted; // e.g. 12
 * relationships.filter((r) => r.flags.includes('one-sided'));
 *
 * classifyStages.assign(graph, { now: '2024-06-30', attribute: 'stage' });
 * graph.getEdgeAttribute('ann', 'bob', 'stage'); // 'engaged'
 *
 * // Several dates (or reports) from one reading of the graph:
 * const network = prepareNetwork(graph);
 * const history = ['2023-06-30', '2024-06-30'].map((now) => classifyStages(network, { now }).counts);
 * ```
 */
export const classifyStages = /* @__PURE__ */ Object.assign(
  function classifyStages(graph: PeopleGraph | PreparedNetwork, options: StageOptions): NetworkStages {
    return classifyAll(graph, options, 'classifyStages').result;
  },
  {
    /** Writes each relationship's stage to the edge attribute `options.attribute` (default `'stage'`) on every edge of the pair. */
    assign(graph: PeopleGraph | PreparedNetwork, options: AssignStageOptions): void {
      const module = 'classifyStages.assign';
      const attribute = options?.attribute ?? 'stage';
      if (typeof attribute !== 'string' || attribute === '') {
        throw new InvalidOptionError(`${module}: the option \`attribute\` must be a non-empty string; got ${describeValue(attribute)}.`, { field: 'attribute' });
      }
      const { graph: g, index, result } = classifyAll(graph, options, module);
      const byPair = new Map<string, Stage>();
      for (const r of result.relationships) byPair.set(`${r.a}\u0000${r.b}`, r.stage);
      g.forEachEdge((edge, _attributes, source, target) => {
        if (source === target) return;
        const [x, y] = index.nodeId.get(source)! < index.nodeId.get(target)! ? [source, target] : [target, source];
        const stage = byPair.get(`${x}\u0000${y}`);
        if (stage !== undefined) g.setEdgeAttribute(edge, attribute, stage);
      });
    },
  },
);
