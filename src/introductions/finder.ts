/**
 * `createIntroductionFinder` and `findIntroductionPaths`: the best
 * warm-introduction chains from one person to a target, through people who
 * trust both sides.
 *
 * @module
 */
import type { Attributes } from 'graphology-types';
import { assertGraph, hasPrototypeKeys, type PeopleGraph } from '../core/graph.js';
import { makeLabeler } from '../core/labels.js';
import { assertGraphBacked, isPreparedNetwork, type PreparedNetwork } from '../core/prepared.js';
import { Engine } from './engine.js';
import { lazyNetwork } from './lazy.js';
import { resolveMode } from './mode.js';
import { buildNetwork, type Network } from './network.js';
import type { TargetSelector } from './people.js';
import type {
  FindOptions,
  IntroductionFinder,
  IntroductionFinderOptions,
  IntroductionResult,
  PeopleSelector,
} from './types.js';
import { updatePairs } from './update.js';

/** Bytes a person's entry in the key → id table and key list takes, about (V8, measured on 100,000 people). */
const KEY_BYTES = 64;
/**
 * The ski-rental prices, in edges a one-shot question reads (RawArcs.read): a build costs about 1–2 such reads per
 * edge of the graph (it reads each edge once and sorts the arcs twice, while a question's read walks graphology's
 * adjacency and a Map), and a question costs about 100–300 reads besides its reads (its buffers and checks) —
 * measured on the 30,000-person heavy-tailed benchmark network.
 */
const BUILD_READS = 2;
const QUESTION_READS = 256;

/**
 * Builds an introduction finder over `graph` (or a {@link PreparedNetwork}):
 * the people get integer ids (in key order, the tie-break rule), the usable
 * ties become arcs of a CSR index in typed arrays weighted by −ln p, and
 * every `find` runs on that index without touching graphology. In strength
 * mode (default) a hop's probability is the tie's strength at `now` —
 * symmetric — and dormant, one-sided and weak ties (strength < 0.05) are
 * left out; with `getProbability` it is read from the edges (for trust
 * networks), and only `minProbability` applies. Everything a query needs is
 * allocated with the index; `update` refreshes ties after the graph changes.
 * In probability mode on a graph, the index is built only once questions
 * have read about as much of the graph as the build would (they are answered
 * the one-shot way until then, with the same answers), or when `size` or
 * `memoryBytes` is read; people added to the graph later are not part of it.
 *
 * @see [Introduction paths](../../docs/guides/introductions.md), the guide.
 *
 * @example
 * ```ts
 * const finder = createIntroductionFinder(graph, { now: '2024-06-30' });
 * finder.find('me', 'ceo@acme').paths[0]; // { from: 'me', people: ['me', 'bob', 'ceo@acme'], reliability: 0.42, … }
 * finder.find(['me', 'ana', 'raj'], (key, attrs) => attrs.company === 'Acme', { k: 5, diverse: true });
 * finder.update([['me', 'bob']]); // after logging a meeting between me and bob
 * ```
 */
export function createIntroductionFinder(
  graph: PeopleGraph | PreparedNetwork,
  options: IntroductionFinderOptions,
): IntroductionFinder {
  const module = 'createIntroductionFinder';
  const prepared = isPreparedNetwork(graph);
  if (!prepared) assertGraph(graph, module);
  assertGraphBacked(graph, module);
  const g = prepared ? graph.graph : (graph as PeopleGraph);
  const mode = resolveMode(g, options, module); // bad options fail here, built or not
  const label = makeLabeler(g, options, module);
  let net: Network | null = null;
  let engine: Engine | null = null;
  const build = (): Engine => {
    net = buildNetwork(graph, options, module, known);
    engine = new Engine(net);
    return engine;
  };
  // Probability mode on a graph: questions are answered on the raw graph, as one-shot ones, until they have read as
  // many edges as a build costs; then the index is built (the ski-rental rule: at most twice the cheaper of the two,
  // Karlin et al. 1988). So a few hundred questions never pay for a build, and many pay for it once.
  const lazy = !prepared && mode.get !== null && !hasPrototypeKeys(g);
  const known = lazy ? new Set(g.nodes()) : null;
  const budget = BUILD_READS * g.size;
  let spent = 0;
  if (!lazy) build();
  const built = (): Engine => engine ?? build();
  const find = (source: PeopleSelector, target: TargetSelector, findOptions: FindOptions): IntroductionResult => {
    const where = 'IntroductionFinder.find';
    if (engine !== null || spent >= budget) return built().find(source, target, findOptions, where, label);
    const oneShot = lazyNetwork(g, options, module, known);
    try {
      return new Engine(oneShot).find(source, target, findOptions, where, label);
    } finally {
      spent += QUESTION_READS + oneShot.read!();
    }
  };
  return {
    find: (source, target, findOptions = {}) => find(source, target, findOptions),
    update: (pairs) => updatePairs(g, pairs, prepared, net, known),
    get size() {
      const { fw } = built().net;
      let arcs = 0;
      for (let u = 0; u < fw.n; u++) arcs += fw.end[u]! - fw.start[u]!;
      return { people: fw.n, arcs };
    },
    get memoryBytes() {
      const { net, search } = built();
      return net.fw.bytes + (net.bw === net.fw ? 0 : net.bw.bytes) + search.bytes + net.keys.length * KEY_BYTES;
    },
  };
}

/**
 * The best warm-introduction paths from `source` — a person, or a team — to
 * `target` — a node key, or a predicate over people ("anyone whose company
 * is Acme") — in one call, on the raw graph: it reads only the people the
 * search reaches (their ties assessed by the same kernel, so with the same
 * probabilities a finder would use), not the whole graph. Returns up to `k`
 * paths (default 3), best first by reliability (Π of hop probabilities; the
 * search minimises Σ −ln p, plus any hop penalty), ties broken by fewer hops,
 * then by the people's keys; or an empty list with the reason. In probability
 * mode with a hop limit, whether a chain exists is proven first on the raw
 * graph, and the search reads only the ties among the people around the two
 * ends. For many questions on one graph, keep a finder
 * ({@link createIntroductionFinder}).
 *
 * @see [Introduction paths](../../docs/guides/introductions.md), the guide.
 *
 * @example
 * ```ts
 * const { paths, reason } = findIntroductionPaths(graph, 'me', 'target', { now: '2024-06-30', k: 3 });
 * paths[0].explanation; // 'Ask carol, who trusts you (0.95): carol introduces you to dan (0.95), then …'
 * ```
 */
export function findIntroductionPaths(
  graph: PeopleGraph,
  source: PeopleSelector,
  target: string | ((key: string, attributes: Attributes) => boolean),
  options: IntroductionFinderOptions & FindOptions,
): IntroductionResult {
  const module = 'findIntroductionPaths';
  assertGraph(graph, module);
  const net = lazyNetwork(graph, options, module);
  const label = makeLabeler(graph, options, module);
  const { k, maxHops, hopPenalty, exclude, diverse } = options;
  const findOptions: FindOptions = {};
  if (k !== undefined) findOptions.k = k;
  if (maxHops !== undefined) findOptions.maxHops = maxHops;
  if (hopPenalty !== undefined) findOptions.hopPenalty = hopPenalty;
  if (exclude !== undefined) findOptions.exclude = exclude;
  if (diverse !== undefined) findOptions.diverse = diverse;
  return new Engine(net).find(source, target, findOptions, module, label);
}
