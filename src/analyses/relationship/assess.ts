/**
 * `assessRelationship`: everything goodwill says about one relationship at
 * `now` — strength, stage, rhythm, due, cooling and cold dates, advice — from
 * the kernel's one assessment, so that an app showing them side by side never
 * shows a contradiction.
 *
 * @module
 */
import type { PeopleGraph } from '../../core/graph.js';
import { relationshipOf, type RelationshipAssessment } from '../../kernel/relationship.js';
import type { StrengthOptions } from '../../kernel/strength-result.js';

export type { AnswerCounts, RelationshipAssessment } from '../../kernel/relationship.js';

/**
 * Everything goodwill says about the relationship between `a` and `b` at
 * `now`, from one assessment: its strength (as `tieStrength`), stage (as
 * `classifyStage`), rhythm and the dates it is due, starts cooling and goes
 * cold (as `coldDate`), and the advice for it (as `stageAdvice`).
 *
 * @see [The relationship model](../../../docs/guides/model.md), the guide.
 *
 * @example
 * ```ts
 * const r = assessRelationship(graph, 'ann', 'bob', { now: '2024-06-30' });
 * r.stage;             // 'engaged' (why: r.stageDetail.reasons)
 * r.strength;          // 0.58 (its components: r.strengthDetail.components)
 * r.rhythm.due;         // 2024-07-04: Ann and Bob usually talk every 12 days
 * r.advice;             // null: nothing to do yet
 * ```
 */
export function assessRelationship(
  graph: PeopleGraph,
  a: string,
  b: string,
  options: StrengthOptions,
): RelationshipAssessment {
  return relationshipOf(graph, a, b, options, 'assessRelationship');
}
