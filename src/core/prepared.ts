/**
 * `prepareNetwork`: read and validate a graph's interactions once, and hand
 * the result to several whole-network functions (stages, strengths,
 * reciprocity, health, calibration, the introduction finder) instead of the
 * graph.
 *
 * @module
 */
import { InvalidGraphError, InvalidOptionError, describeValue } from './errors.js';
import { assertGraph, PREPARED_BRAND, type PeopleGraph } from './graph.js';
import { buildIndex, type InteractionIndex } from './interaction-index.js';
import type { GraphReadOptions } from './types.js';

/** The options that say how a graph is read: fixed when a network is prepared. */
const READ_OPTIONS = [
  'getInteractions',
  'getStrengthOverride',
  'kinds',
  'replaceKinds',
  'unknownKind',
  'checkUnixSeconds',
] as const;

/**
 * The indexes of the prepared networks, and the networks built from columns
 * (goodwill/columns), whose `graph` holds no edges to read or write. Shared
 * through a registered symbol by every copy of this module: the CommonJS
 * build bundles each entry apart, and a network from `goodwill/columns` must
 * be one to `tieStrengths` of `goodwill`.
 */
const REGISTRY = Symbol.for('goodwill.preparedNetwork.registry');
const { INDEX, COLUMNS } = ((globalThis as Record<symbol, unknown>)[REGISTRY] ??= {
  INDEX: new WeakMap<object, InteractionIndex>(),
  COLUMNS: new WeakSet<object>(),
}) as { INDEX: WeakMap<object, InteractionIndex>; COLUMNS: WeakSet<object> };
/** The one way to make a PreparedNetwork (set by the class's static block): not part of the public API. */
let make: (graph: PeopleGraph, index: InteractionIndex) => PreparedNetwork;
/** Proves a construction comes from `make`: the constructor is reachable from JavaScript (`new PreparedNetwork()`). */
const TOKEN = Symbol('goodwill.preparedNetwork.make');

/**
 * A people graph read once: every interaction validated, each relationship's
 * history merged and sorted, in compact typed arrays. Immutable; it does not
 * follow later changes of the graph (prepare again after changing it). Make
 * one with {@link prepareNetwork}.
 */
export class PreparedNetwork {
  /**
   * The graph it was read from (node attributes and `.assign` targets still
   * come from it). For a network built from columns (`fromColumns` in
   * `goodwill/columns`) there is none: this graph then holds only the people
   * given names, with their `name`, and no edge.
   */
  readonly graph: PeopleGraph;
  /** Number of people (nodes). */
  readonly people: number;
  /** Number of relationships (dyads with an edge), self-loops left out. */
  readonly relationships: number;
  /** Number of interactions read (self-loops and ignored kinds left out). */
  readonly interactions: number;

  private constructor(token: symbol, graph: PeopleGraph, index: InteractionIndex) {
    if (token !== TOKEN) {
      throw new InvalidGraphError(
        'PreparedNetwork: has no public constructor; make one with prepareNetwork(graph, readOptions), which reads and validates the graph.',
      );
    }
    this.graph = graph;
    this.people = index.nodes.length;
    this.relationships = index.dyadCount;
    this.interactions = index.eventOffset[index.dyadCount]!;
    Object.defineProperty(this, PREPARED_BRAND, { value: true });
    INDEX.set(this, index);
    Object.freeze(this);
  }

  static {
    make = (graph, index) => new PreparedNetwork(TOKEN, graph, index);
  }
}

/**
 * Reads and validates the graph's interactions once. Pass the result instead
 * of the graph to `classifyStages`, `tieStrengths`, `networkReciprocity` (and
 * their `.assign` forms), `networkHealth`, `calibrate`, `calibrateDecay` and
 * `createIntroductionFinder` to compute several of them, or one at several
 * dates, without reading the graph again; the other functions take the graph
 * itself.
 * The read options (`getInteractions`, `kinds`, `unknownKind`,
 * `getStrengthOverride`) are given here, once.
 *
 * @see [Conventions](../../docs/guides/conventions.md), the guide.
 *
 * @example
 * ```ts
 * const network = prepareNetwork(graph);
 * const stages = classifyStages(network, { now: '2024-06-30' });
 * const report = networkHealth(network, { now: '2024-06-30' });
 * const lastYear = classifyStages(network, { now: '2023-06-30' });
 * ```
 */
export function prepareNetwork(graph: PeopleGraph, options: GraphReadOptions = {}): PreparedNetwork {
  const module = 'prepareNetwork';
  assertGraph(graph, module);
  return make(graph, buildIndex(graph, options, module));
}

/**
 * The graph and its whole-graph index, from a graph (read now) or a prepared
 * network (read before; then the read options must not be given again).
 */
export function readNetwork(
  input: unknown,
  options: GraphReadOptions | undefined,
  module: string,
): { graph: PeopleGraph; index: InteractionIndex } {
  if (isPreparedNetwork(input)) {
    if (options !== null && typeof options === 'object') {
      for (const key of READ_OPTIONS) {
        if (options[key] !== undefined) {
          throw new InvalidOptionError(
            `${module}: the option \`${key}\` (${describeValue(options[key])}) is given with a prepared network, which was read with its own; pass read options to prepareNetwork, not here.`,
            { field: key },
          );
        }
      }
    }
    return { graph: input.graph, index: INDEX.get(input)! };
  }
  assertGraph(input, module);
  return { graph: input, index: buildIndex(input, options ?? {}, module) };
}

/**
 * Wraps an index built without a graph (goodwill/columns); `names` is the
 * graph that stands in for one: people and their names, no edges.
 */
export function preparedFromColumns(names: PeopleGraph, index: InteractionIndex): PreparedNetwork {
  const network = make(names, index);
  COLUMNS.add(network);
  return network;
}

/**
 * Throws unless `input` is a graph or a network prepared from one: for the
 * functions that write to the graph's edges (`.assign`) or read them (the
 * introduction finder), which a network built from columns cannot serve.
 */
export function assertGraphBacked(input: unknown, module: string): void {
  if (typeof input === 'object' && input !== null && COLUMNS.has(input))
    throw new InvalidGraphError(
      `${module}: needs a graph's edges, and this network was built from columns (fromColumns), which has none; read the answers it returns (or write them to your table) instead.`,
    );
}

/** Whether `input` is a prepared network (see {@link prepareNetwork}). */
export function isPreparedNetwork(input: unknown): input is PreparedNetwork {
  return typeof input === 'object' && input !== null && INDEX.has(input);
}
