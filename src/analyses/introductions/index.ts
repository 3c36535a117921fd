/**
 * Introduction paths: the best warm-introduction chains from one person to a
 * target, or to anyone who matches, through people who trust both sides.
 *
 * @module
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
  ProbabilityGetter,
  TieInfo,
} from './finder.js';
