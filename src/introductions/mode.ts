/**
 * A finder's options read once: how ties become hops — strength mode (the
 * kernel's tie strength at `now`) or probability mode (`getProbability`) —
 * and which ties are left out.
 *
 * @module
 * @internal
 */
import { readFunction, readNumber, readOneOf, readOptionsObject } from '../core/args.js';
import { optionError } from '../core/errors.js';
import { ownAttribute, type PeopleGraph } from '../core/graph.js';
import { parseTimeOption } from '../core/time.js';
import type { GraphReadOptions } from '../core/types.js';
import { resolveModel, type ResolvedModel } from '../kernel/options.js';
import type { StageLevel } from '../kernel/types.js';
import type { IntroductionFinderOptions, ProbabilityGetter, TieInfo } from './types.js';

const LEVEL_RANK: Readonly<Record<StageLevel, number>> = { connected: 0, acquainted: 1, engaged: 2, trusted: 3 };
const LEVELS = Object.keys(LEVEL_RANK) as StageLevel[];

/** How ties become hops: the validated options of a finder. */
export interface Mode {
  module: string;
  graph: PeopleGraph;
  /** Probability mode: the getter and the threshold. */
  get: ProbabilityGetter | null;
  minP: number;
  /** Strength mode. */
  now: number;
  model: ResolvedModel | null;
  minStrength: number;
  minLevel: number;
  includeDormant: boolean;
  includeOneSided: boolean;
  eligible: ((tie: TieInfo) => boolean) | null;
  readOptions: GraphReadOptions;
}

/** Reads a finder's options (or a one-shot question's), refusing bad values before the graph is read. */
export function resolveMode(graph: PeopleGraph, options: IntroductionFinderOptions, module: string): Mode {
  readOptionsObject(module, options, "{ now: '2024-06-30' }, or { getProbability: 'trust' } for a trust network");
  const eligible = readFunction<(tie: TieInfo) => boolean>(module, 'eligible', options.eligible, '(tie) => boolean');
  const minStage = options.minStage === undefined ? undefined : readOneOf(module, 'minStage', options.minStage, LEVELS);
  const mode: Mode = {
    module,
    graph,
    get: null,
    minP: 0,
    now: NaN,
    model: null,
    minStrength: 0.05,
    minLevel: minStage === undefined ? -1 : LEVEL_RANK[minStage],
    includeDormant: options.includeDormant === true,
    includeOneSided: options.includeOneSided === true,
    eligible: eligible ?? null,
    readOptions: options,
  };
  if (options.getProbability !== undefined) {
    mode.get = probabilityGetter(options.getProbability, module);
    mode.minP = readNumber(module, 'minProbability', options.minProbability ?? 0, 0, 1);
  } else {
    mode.now = parseTimeOption(options.now, 'now', module);
    mode.model = resolveModel(options, module);
    mode.minStrength = readNumber(module, 'minStrength', options.minStrength ?? 0.05, 0, 1);
  }
  return mode;
}

/** The getter of `getProbability`: an edge attribute name (own attributes only) or the caller's function. */
function probabilityGetter(option: unknown, module: string): ProbabilityGetter {
  if (typeof option === 'string') return (_e, attributes) => ownAttribute(attributes, option) as number | undefined;
  if (typeof option === 'function') return option as ProbabilityGetter;
  throw optionError(module, 'getProbability', 'must be an edge attribute name or a function', option);
}
