/**
 * `IntroductionFinder.update`: the ties between given pairs of people read
 * again from the graph and their arcs set in the finder's index, in time
 * proportional to the two people's degrees.
 *
 * @module
 * @internal
 */
import { InvalidOptionError, NodeNotFoundError, quoteKey, type GoodwillError } from '../core/errors.js';
import { compareKeys, forEachEdgeOf, nodeKey, type PeopleGraph } from '../core/graph.js';
import { buildIndex, findDyad } from '../core/interaction-index.js';
import { CONNECTED, newAssessment } from '../kernel/assess.js';
import { argumentError } from './checks.js';
import type { Network } from './network.js';
import { assessTie, edgeProbability, reportFault } from './ties.js';

/**
 * Checks `pairs`, then refreshes each pair's arcs in `net`. `net` is null
 * while a lazy finder has not built its index (its questions read the graph
 * as it is: nothing to refresh); `known` is then the people it was made with.
 * A finder built from a prepared network (`prepared`) holds a snapshot and
 * cannot be updated.
 */
export function updatePairs(
  g: PeopleGraph,
  pairs: readonly (readonly [string, string])[],
  prepared: boolean,
  net: Network | null,
  known: ReadonlySet<string> | null,
): void {
  const where = 'IntroductionFinder.update';
  if (prepared) {
    throw new InvalidOptionError(
      `${where}: this finder was built from a prepared network, a snapshot of the graph; build it from the graph to update it, or prepare the network again.`,
      { field: 'update' },
    );
  }
  if (!Array.isArray(pairs)) throw argumentError(where, 'pairs', 'must be an array of [a, b] pairs of people', pairs);
  const knows = (key: string) => (net === null ? known!.has(key) : net.nodeId.has(key));
  for (const pair of pairs) {
    if (!Array.isArray(pair) || pair.length !== 2) throw argumentError(where, 'pairs', 'must each be [a, b]', pair);
    const a = nodeKey(g, pair[0], where, 'a');
    const b = nodeKey(g, pair[1], where, 'b');
    if (!knows(a) || !knows(b)) {
      const key = knows(a) ? b : a;
      throw new NodeNotFoundError(
        `${where}: ${quoteKey(key)} was added to the graph after the finder was built; build the finder again to add people.`,
        { node: key, field: key === a ? 'a' : 'b' },
      );
    }
    if (a === b || net === null) continue;
    refreshPair(net, a, b, net.nodeId.get(a)!, net.nodeId.get(b)!, where);
  }
}

/** Reads the ties between a and b again (both directions) and sets their arcs. */
function refreshPair(net: Network, a: string, b: string, ia: number, ib: number, where: string): void {
  const { mode } = net;
  const g = mode.graph;
  if (mode.get === null) {
    const index = buildIndex(g, mode.readOptions, where, { kind: 'pair', a, b });
    const d = findDyad(index, index.nodeId.get(a)!, index.nodeId.get(b)!);
    let p = 0;
    let stage = CONNECTED;
    if (d >= 0) {
      const lo = compareKeys(a, b) < 0;
      const tie = assessTie(mode, index, d, newAssessment(), lo ? a : b, lo ? b : a);
      p = tie.p;
      stage = tie.stage;
    }
    net.fw.set(ia, ib, p, stage);
    net.fw.set(ib, ia, p, stage);
    return;
  }
  // Probability mode: the hop a→b reads the edges b→a (and undirected ones), parallel edges keep the largest.
  let ab = 0;
  let ba = 0;
  const faults: GoodwillError[] = [];
  forEachEdgeOf(g, a, (edge, attributes, source, target, _sa, _ta, undirected) => {
    if (!((source === a && target === b) || (source === b && target === a))) return;
    const p = edgeProbability(mode, edge, attributes, source, target, faults);
    if (p === 0) return;
    if (undirected || source === b) ab = Math.max(ab, p);
    if (undirected || source === a) ba = Math.max(ba, p);
  });
  reportFault(faults);
  net.fw.set(ia, ib, ab, 0);
  net.fw.set(ib, ia, ba, 0);
  net.bw.set(ib, ia, ab, 0);
  net.bw.set(ia, ib, ba, 0);
}
