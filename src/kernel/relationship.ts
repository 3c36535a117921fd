/**
 * One relationship's whole answer — strength, stage, rhythm, due, cooling
 * and cold dates, advice — from the kernel's one assessment: the builder of
 * `assessRelationship` and of the coach's `simulate`.
 *
 * @module
 * @internal
 */
import type { PeopleGraph } from '../core/graph.js';
import { DAY_MS, dateOrNull } from '../core/time.js';
import { assessPair, readPair } from './read.js';
import { ADVICE_OF_CODE, adviceText } from './words.js';
import type { Advice, Stage } from './types.js';
import { noneResult, stageResult, type StageResult } from './stage-result.js';
import { pairProbability, resolveContactModel } from './contact.js';
import { strengthResult, type StrengthOptions, type TieStrength } from './strength-result.js';

/** The result of `assessRelationship`. */
export interface RelationshipAssessment {
  /** The two people, as given. */
  a: string;
  b: string;
  /** Their display names (see `getNodeLabel`). */
  names: { a: string; b: string };
  /** The strength, 0 to 1, as `tieStrength`'s `strength`. */
  strength: number;
  /** The stage, as `classifyStage`'s `stage`. */
  stage: Stage;
  /** Strength with its components, evidence and chance of contact: `tieStrength`'s whole answer. */
  strengthDetail: TieStrength;
  /** Stage with its level, reasons and flags: `classifyStage`'s whole answer. */
  stageDetail: StageResult;
  /** The tie's rhythm and the dates that follow from it (`null` where they do not apply). */
  rhythm: {
    /** The usual gap between contacts in days, or `null` while the rhythm is not known. */
    usualGapDays: number | null;
    /** When contact is due by the tie's own rhythm (live two-way ties that are not one-sided and did not fail to grow). */
    due: Date | null;
    /** When an engaged or trusted tie starts cooling if nothing happens. */
    cools: Date | null;
    /** When the tie goes cold (dormant) if nothing happens; at or before `now` when it has. */
    cold: Date | null;
  };
  /**
   * Who does what, as neutral facts (none of them makes a tie one-sided): each
   * side's initiatives answered by the other, left unanswered, and still within
   * their answer window; the share of the interactions `a` started; and what
   * the tie was worth at its last contact (its strength then).
   */
  facts: {
    answers: { a: AnswerCounts; b: AnswerCounts };
    /** Share of the interactions that `a` started, 0 to 1 (`null` without interactions): who usually reaches out. */
    startedByA: number | null;
    /** The tie's strength at its last contact (0 without interactions): what it was worth. */
    peakStrength: number;
  };
  /** What to do about it, if anything: `feed`, `weed` or `reconnect` (see `stageAdvice`), with a sentence. */
  advice: Advice | null;
  adviceReason: string | null;
}

/** One side's initiatives: answered by the other, unanswered, and still pending. */
export interface AnswerCounts {
  answered: number;
  unanswered: number;
  pending: number;
}

/**
 * Everything the kernel says about the pair (a, b) at `now`, from one
 * assessment: `assessRelationship`'s answer, for `module` (the name its
 * errors carry).
 */
export function relationshipOf(
  graph: PeopleGraph,
  a: string,
  b: string,
  options: StrengthOptions,
  module: string,
): RelationshipAssessment {
  const ctx = readPair(graph, a, b, options, module, true);
  const contact = resolveContactModel(options.contactModel, module);
  const s = assessPair(ctx, null, true);
  const names = { a: ctx.label(ctx.a), b: ctx.label(ctx.b) };
  const strength = strengthResult(
    s,
    ctx.model.halfLifeMs,
    ctx.model.weights,
    pairProbability(ctx, s, ctx.now, contact),
  );
  if (s === null) {
    return {
      a: ctx.a,
      b: ctx.b,
      names,
      strength: strength.strength,
      stage: 'none',
      strengthDetail: strength,
      stageDetail: noneResult(),
      rhythm: { usualGapDays: null, due: null, cools: null, cold: null },
      facts: {
        answers: { a: { answered: 0, unanswered: 0, pending: 0 }, b: { answered: 0, unanswered: 0, pending: 0 } },
        startedByA: null,
        peakStrength: 0,
      },
      advice: null,
      adviceReason: null,
    };
  }
  const side0: AnswerCounts = { answered: s.answered0, unanswered: s.unanswered0, pending: s.pending0 };
  const side1: AnswerCounts = { answered: s.answered1, unanswered: s.unanswered1, pending: s.pending1 };
  const keys: [string, string] = ctx.aSide === 0 ? [ctx.a, ctx.b] : [ctx.b, ctx.a];
  const sideNames: [string, string] = ctx.aSide === 0 ? [names.a, names.b] : [names.b, names.a];
  const advice = ADVICE_OF_CODE[s.advice]!;
  const stage = stageResult(s, ctx.now, ctx.model, keys, sideNames);
  return {
    a: ctx.a,
    b: ctx.b,
    names,
    strength: strength.strength,
    stage: stage.stage,
    strengthDetail: strength,
    stageDetail: stage,
    rhythm: {
      usualGapDays: s.gapCount > 0 ? s.usualGap / DAY_MS : null,
      due: dateOrNull(s.dueAt),
      cools: dateOrNull(s.coolsAt),
      cold: dateOrNull(s.coldAt),
    },
    facts: {
      answers: ctx.aSide === 0 ? { a: side0, b: side1 } : { a: side1, b: side0 },
      startedByA: s.n > 0 ? (ctx.aSide === 0 ? s.i0 : s.i1) / s.n : null,
      peakStrength: s.peakStrength,
    },
    advice,
    adviceReason: advice === null ? null : adviceText(s, ctx.now, sideNames),
  };
}
