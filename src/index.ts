/**
 * goodwill: relationship-health algorithms over a graphology people graph.
 *
 * - one relationship model: `assessRelationship` — strength, stage, rhythm, dates and advice from one assessment;
 * - reciprocity: is give-and-take balanced, per pair, per person, per network;
 * - strength and decay: how strong and warm a tie is, when it goes cold, whom to contact next;
 * - stages: where each relationship stands in its life cycle, and why;
 * - reports: one person's network, the whole network.
 *
 * Every function is pure: it reads the graph, never mutates it (only the
 * `.assign` writers do), and never reads the clock. Capabilities that not
 * every page needs have their own entries, so that this one stays small:
 * warm-introduction chains in `goodwill/introductions`, fitting the models to
 * a network's history in `goodwill/calibrate`, Burt's structural holes in
 * `goodwill/brokerage`, explanations in words (a change of strength, a report
 * as text) in `goodwill/explain`, importers in `goodwill/import`, the picture
 * of a person's network in `goodwill/svg`, fixtures in `goodwill/fixtures`.
 *
 * @packageDocumentation
 * @module goodwill
 */
// The model: errors, interactions, kinds, time, reading a graph once.
export {
  GoodwillError,
  InvalidGraphError,
  NodeNotFoundError,
  InvalidInteractionError,
  InvalidOptionError,
  ParseError,
} from './core/errors.js';
export type { GoodwillErrorCode, ErrorLocation } from './core/errors.js';
export { DEFAULT_KINDS, DEFAULT_KIND_NAME, MAX_KIND_VALUE, MAX_WEIGHT, ROLES } from './core/kinds.js';
export type { Role, KnownKind, KindDefinition, KindCatalogue, KindOptions, UnknownKindPolicy } from './core/kinds.js';
export type { TimeInput, DurationInput } from './core/time.js';
export type {
  Interaction,
  InteractionsGetter,
  StrengthOverrideGetter,
  GraphReadOptions,
  TimeOptions,
} from './core/types.js';
export type { PeopleGraph } from './core/graph.js';
export type { LabelOptions, NodeLabelGetter } from './core/labels.js';
export { prepareNetwork, PreparedNetwork } from './core/prepared.js';
// The relationship model's options and words.
export { DEFAULT_STAGE_THRESHOLDS, DEFAULT_STRENGTH_WEIGHTS } from './kernel/options.js';
export type {
  RelationshipModelOptions,
  StageThresholds,
  StrengthComponents,
  StrengthWeights,
} from './kernel/options.js';
export type { ModelQueryOptions, PersonNetwork } from './kernel/read.js';
export type { LayerOptions } from './kernel/layers.js';
export { STAGES } from './kernel/types.js';
export type { Stage, StageLevel, StageFlag, StageReason, StageFlagDetail, Advice } from './kernel/types.js';
// One relationship.
export { assessRelationship } from './analyses/relationship/assess.js';
export type { AnswerCounts, RelationshipAssessment } from './analyses/relationship/assess.js';
// Reciprocity.
export { tieReciprocity } from './analyses/reciprocity/dyad.js';
export type { ReciprocityOptions, ReciprocityLens, LedgerEntry, TieReciprocity } from './analyses/reciprocity/dyad.js';
export { personReciprocity } from './analyses/reciprocity/person.js';
export type {
  PersonReciprocityOptions,
  PersonReciprocity,
  PersonTie,
  GiverFatigue,
  ReciprocityStyle,
} from './analyses/reciprocity/person.js';
export { networkReciprocity } from './analyses/reciprocity/network.js';
export type {
  NetworkReciprocityOptions,
  NetworkReciprocity,
  AssignReciprocityOptions,
} from './analyses/reciprocity/network.js';
// Strength and decay.
export { tieStrength, tieStrengths, warmth, coldDate } from './analyses/strength/strength.js';
export type {
  StrengthOptions,
  TieStrength,
  TieStrengthEntry,
  Warmth,
  AssignStrengthOptions,
} from './analyses/strength/strength.js';
export { dunbarLayers, keepInTouch } from './analyses/strength/layers.js';
export type {
  DunbarLayers,
  DunbarLayer,
  DunbarLayerOptions,
  RankedTie,
  KeepInTouch,
  KeepInTouchOptions,
  KeepInTouchEntry,
} from './analyses/strength/layers.js';
// The contact model's type (`calibrateContact`, which fits one, is in `goodwill/calibrate`).
export type { ContactModel, ContactFeature, ReliabilityBin } from './kernel/contact.js';
// Stages.
export { classifyStage, stageTimeline, classifyStages } from './analyses/stages/classify.js';
export type { RelationshipStage, NetworkStages, AssignStageOptions } from './analyses/stages/classify.js';
export { stageAdvice } from './analyses/stages/advice.js';
export type { StageAdvice, FeedAdvice, WeedAdvice, ReconnectAdvice } from './analyses/stages/advice.js';
export type { StageOptions, StageResult, StageChange, StageTimeline } from './kernel/stage-result.js';
// Reports.
export { personHealth } from './reports/ego.js';
export type { PersonHealth, PersonHealthOptions, LayerCount, ContactFrequency, SeedAdvice } from './reports/ego.js';
export { networkHealth } from './reports/network.js';
export type { NetworkHealth, NetworkHealthOptions, NetworkSnapshot } from './reports/network.js';
// Events with several participants (the functions are in `goodwill/import`, so that the main entry stays small).
export type {
  GroupEvent,
  GroupRole,
  EventGroup,
  GroupInteraction,
  PairwiseInteraction,
  Dilution,
  AliasInput,
  PrivacyFilter,
  EventOptions,
  EventReport,
} from './events/types.js';
// Names before the naming rule, kept until 1.0.
export { dyadReciprocity, egoHealth } from './deprecated.js';
export type { DyadReciprocity, EgoHealth, EgoHealthOptions } from './deprecated.js';
