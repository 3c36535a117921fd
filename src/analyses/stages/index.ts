/**
 * Stages: where each relationship stands in its life cycle, why, and how it
 * got there; "seed, feed and weed" advice.
 *
 * @module
 */
export { classifyStage, stageTimeline, classifyStages } from './classify.js';
export type { RelationshipStage, NetworkStages, AssignStageOptions } from './classify.js';
export { stageAdvice } from './advice.js';
export type { StageAdvice, FeedAdvice, WeedAdvice } from './advice.js';
export { STAGES } from './types.js';
export type {
  Stage,
  StageLevel,
  StageFlag,
  StageThresholds,
  StageOptions,
  StageReason,
  StageFlagDetail,
  StageResult,
  StageChange,
  StageTimeline,
} from './types.js';
export { DEFAULT_STAGE_THRESHOLDS } from './options.js';
