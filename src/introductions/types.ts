/**
 * The public shapes of `goodwill/introductions`: the finder's options, a
 * search's options, the people selectors and the paths a search returns.
 *
 * @module
 */
import type { Attributes } from 'graphology-types';
import type { LabelOptions } from '../core/labels.js';
import type { TimeInput } from '../core/time.js';
import type { GraphReadOptions } from '../core/types.js';
import type { RelationshipModelOptions } from '../kernel/options.js';
import type { Stage, StageLevel } from '../kernel/types.js';

/** Reads a hop's probability from an edge: `(edge, attributes, source, target) => p in [0, 1]`. */
export type ProbabilityGetter = (
  edge: string,
  attributes: Attributes,
  source: string,
  target: string,
) => number | null | undefined;

/** What an eligibility predicate sees about a tie. */
export interface TieInfo {
  /** The two people (key order). */
  a: string;
  b: string;
  /** The hop probability. */
  probability: number;
  /** Tie strength (strength mode only). */
  strength: number | null;
  /** Stage (strength mode only). */
  stage: Stage | null;
  /** Whether the tie is dormant (strength mode only). */
  dormant: boolean;
  /** Whether the tie is one-sided: contact only one way, or the kernel's `one-sided` flag (strength mode only). */
  oneSided: boolean;
}

/** Options of {@link createIntroductionFinder}: how ties become hops. */
export interface IntroductionFinderOptions extends GraphReadOptions, RelationshipModelOptions, LabelOptions {
  /** The date of the trust model; required unless `getProbability` is given. */
  now?: TimeInput;
  /**
   * A hop's probability from an edge attribute name or a getter, instead of
   * tie strength — for trust networks without histories. The hop x→y reads the
   * edge y→x ("y trusts x": y vouches for x or listens to x); an undirected edge
   * serves both ways; parallel edges keep the largest value.
   */
  getProbability?: string | ProbabilityGetter;
  /** Ties with a smaller strength are not used (strength mode). Default 0.05. */
  minStrength?: number;
  /** Ties with a smaller probability are not used (with `getProbability`). Default: any p > 0. */
  minProbability?: number;
  /** Require every tie to have reached this stage (by its history; dormant ties stay excluded unless `includeDormant`). */
  minStage?: StageLevel;
  /** Use dormant ties too. Default false. */
  includeDormant?: boolean;
  /** Use ties whose contact went one way only. Default false. */
  includeOneSided?: boolean;
  /** A last word on each tie: return false to leave it out. */
  eligible?: (tie: TieInfo) => boolean;
}

/** People: a key, a list or set of keys, or a predicate over people. */
export type PeopleSelector =
  string | readonly string[] | ReadonlySet<string> | ((key: string, attributes: Attributes) => boolean);

/** Options of one search. */
export interface FindOptions {
  /** How many paths. Default 3. */
  k?: number;
  /** At most this many hops (introductions + 1): an integer ≥ 1, or `Infinity` for no limit. Default 3. */
  maxHops?: number;
  /** Added to the cost −ln p of every hop: > 0 prefers shorter chains. Default 0. */
  hopPenalty?: number;
  /** People the paths may not go through: an array or Set of node keys. */
  exclude?: readonly string[] | ReadonlySet<string>;
  /** Paths through different intermediaries, so that the k answers are k different people to ask. Default false. */
  diverse?: boolean;
}

/** One hop of a path. */
export interface IntroductionHop {
  /** Who is introduced (or asks). */
  from: string;
  /** Who vouches for `from` and makes the next introduction, or the target. */
  to: string;
  /** The hop's probability. */
  probability: number;
  /** Tie strength (strength mode), else null. */
  strength: number | null;
  /** Stage of the tie (strength mode), else null. */
  stage: Stage | null;
}

/** One introduction path. */
export interface IntroductionPath {
  /** The source it starts from: with a team of sources, the member who asks. */
  from: string;
  /** The people from the source to the target. */
  people: string[];
  /** Π of the hop probabilities. */
  reliability: number;
  /** Σ (−ln p + hopPenalty): what the search minimised. */
  cost: number;
  /** The hops. */
  hops: IntroductionHop[];
  /** A sentence for the user. */
  explanation: string;
}

/** Why no path was found. */
export type NoPathReason = 'same-person' | 'no-match' | 'no-eligible-tie' | 'hop-limit' | 'no-path';

/** The result of a search. */
export interface IntroductionResult {
  /** Up to k paths, best first; empty when there is none. */
  paths: IntroductionPath[];
  /** Why there is no path, when `paths` is empty. */
  reason?: NoPathReason;
}

/** A finder built once over a graph, answering many queries. */
export interface IntroductionFinder {
  /**
   * Best introduction paths from `source` — a person, or a team: a list or
   * set of people, or a predicate — to `target` (a person, or a predicate).
   */
  find(
    source: PeopleSelector,
    target: string | ((key: string, attributes: Attributes) => boolean),
    options?: FindOptions,
  ): IntroductionResult;
  /**
   * Reads the ties between the given pairs of people again from the graph
   * (after interactions were added, edges added or removed, or a probability
   * changed) and refreshes them in the index, in time proportional to the two
   * people's degrees. Both people must have been in the graph when the
   * finder was built.
   */
  update(pairs: readonly (readonly [string, string])[]): void;
  /** Number of people and usable hops (arcs) in the index (reading it builds the index if it is not yet). */
  readonly size: { people: number; arcs: number };
  /** Bytes the finder retains: its typed arrays, search buffers and key table (estimated at 64 bytes a person); builds the index if it is not yet. */
  readonly memoryBytes: number;
}
