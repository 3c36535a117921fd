/**
 * The model shared by every goodwill algorithm: interactions, kinds, time and errors.
 *
 * @module
 */
export * from './errors.js';
export { DEFAULT_KINDS, DEFAULT_KIND_NAME, ROLES } from './kinds.js';
export type { Role, KindDefinition, KindCatalogue, KindOptions, UnknownKindPolicy } from './kinds.js';
export type { TimeInput, DurationInput } from './time.js';
export type {
  Interaction,
  InteractionsGetter,
  StrengthOverrideGetter,
  GraphReadOptions,
  TimeOptions,
} from './types.js';
export type { PeopleGraph } from './graph.js';
export { prepareNetwork, PreparedNetwork } from './prepared.js';
