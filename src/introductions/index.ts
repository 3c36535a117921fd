/**
 * Warm introductions: the best chains from one person (or a team) to a
 * target or to anyone who matches, through people who trust both sides —
 * one-shot, or a finder that answers many queries and follows updates.
 * Import from `goodwill/introductions`, so that the main entry stays small.
 *
 * @module goodwill/introductions
 */
export { createIntroductionFinder, findIntroductionPaths } from './finder.js';
export type {
  IntroductionFinder,
  IntroductionFinderOptions,
  FindOptions,
  IntroductionResult,
  IntroductionPath,
  IntroductionHop,
  NoPathReason,
  PeopleSelector,
  ProbabilityGetter,
  TieInfo,
} from './types.js';
