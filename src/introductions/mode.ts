/**
 * A finder's options read once: how ties become hops — strength mode (the
 * kernel's tie strength at `now`) or probability mode (`getProbability`) —
 * and which ties are left out.
 *
 * @module
 * @internal
 */
import { InvalidOptionError, describeValue } from '../core/errors.js';
import { ownAttribute, type PeopleGraph } from '../core/graph.js';
import { parseTimeOption } from '../core/time.js';
import type { GraphReadOptions } from '../core/types.js';
import { resolveModel, type ResolvedModel } from '../kernel/options.js';
import type { StageLevel } from '../kernel/types.js';
import type { IntroductionFinderOptions, ProbabilityGetter, TieInfo } from './types.js';

const LEVEL_RANK: Readonly<Record<StageLevel, number>> = { connected: 0, acquainted: 1, engaged: 2, trusted: 3 };

function probabilityGetter(option: string | ProbabilityGetter, module: string): ProbabilityGetter {
  if (typeof option === 'string') return (_e, attributes) => ownAttribute(attributes, option) as number | undefined;
  if (typeof option === 'function') return option;
  throw new InvalidOptionError(
    `${module}: the option \`getProbability\` must be an edge attribute name or a function; got ${describeValue(option)}.`,
    { field: 'getProbability' },
  );
}

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

export function resolveMode(graph: PeopleGraph, options: IntroductionFinderOptions, module: string): Mode {
  if (options === null || typeof options !== 'object') {
    throw new InvalidOptionError(
      `${module}: options are required: { now } for the strength of ties, or { getProbability }; got ${describeValue(options)}.`,
      { field: 'options' },
    );
  }
  const eligible = options.eligible;
  if (eligible !== undefined && typeof eligible !== 'function') {
    throw new InvalidOptionError(
      `${module}: the option \`eligible\` must be a function (tie) => boolean; got ${describeValue(eligible)}.`,
      { field: 'eligible' },
    );
  }
  if (options.minStage !== undefined && !Object.prototype.hasOwnProperty.call(LEVEL_RANK, options.minStage)) {
    throw new InvalidOptionError(
      `${module}: the option \`minStage\` must be 'connected', 'acquainted', 'engaged' or 'trusted'; got ${describeValue(options.minStage)}.`,
      { field: 'minStage' },
    );
  }
  const mode: Mode = {
    module,
    graph,
    get: null,
    minP: 0,
    now: NaN,
    model: null,
    minStrength: 0.05,
    minLevel: options.minStage === undefined ? -1 : LEVEL_RANK[options.minStage],
    includeDormant: options.includeDormant === true,
    includeOneSided: options.includeOneSided === true,
    eligible: eligible ?? null,
    readOptions: options,
  };
  if (options.getProbability !== undefined) {
    mode.get = probabilityGetter(options.getProbability, module);
    const minP = options.minProbability ?? 0;
    if (typeof minP !== 'number' || !(minP >= 0 && minP <= 1)) {
      throw new InvalidOptionError(
        `${module}: the option \`minProbability\` must be a number in [0, 1]; got ${describeValue(minP)}.`,
        { field: 'minProbability' },
      );
    }
    mode.minP = minP;
  } else {
    mode.now = parseTimeOption(options.now, 'now', module);
    mode.model = resolveModel(options, module);
    const minStrength = options.minStrength ?? 0.05;
    if (typeof minStrength !== 'number' || !(minStrength >= 0 && minStrength <= 1)) {
      throw new InvalidOptionError(
        `${module}: the option \`minStrength\` must be a number in [0, 1]; got ${describeValue(minStrength)}.`,
        { field: 'minStrength' },
      );
    }
    mode.minStrength = minStrength;
  }
  return mode;
}
