/**
 * k best simple paths within a hop limit: Yen's algorithm (Yen 1971; the
 * semantics of NetworkX `shortest_simple_paths`, restricted to paths of at
 * most `maxHops` arcs), and a node-disjoint variant.
 *
 * @module
 * @internal
 */
import { findInRow } from '../../core/csr.js';
import { comparePaths, type Blocked, type Csr, type HopSearch, type Path } from './search.js';

/** The index of the arc u→v (the CSR holds at most one arc per ordered pair, sorted by target), or −1. */
export function arcIndex(g: Csr, u: number, v: number): number {
  return findInRow(g.offset, g.target, u, v);
}

/** A path's cost summed from the source in path order, exactly as the search adds it. */
export function pathCost(g: Csr, nodes: readonly number[], hopPenalty: number): number {
  let c = 0;
  for (let i = 0; i + 1 < nodes.length; i++) c = c + g.cost[arcIndex(g, nodes[i]!, nodes[i + 1]!)]! + hopPenalty;
  return c;
}

/** What every search of one query shares. */
export interface Query {
  source: number;
  isTarget: Uint8Array;
  k: number;
  maxHops: number;
  hopPenalty: number;
  /** People the paths may not go through. */
  excluded: Uint8Array;
}

function blockedWith(q: Query, n: number): Blocked {
  const node = new Uint8Array(n);
  node.set(q.excluded);
  return { node, arcs: new Set<number>() };
}

/**
 * Yen's k shortest simple paths, each with at most `maxHops` arcs, ordered by
 * (cost, hops, node ids): the first path is the best; each next one is the
 * best deviation from a path already found (spur node, root path blocked,
 * the arcs that earlier paths with the same root take next removed).
 */
export function yen(g: Csr, search: HopSearch, q: Query): Path[] {
  const first = search.search(q.source, q.isTarget, q.maxHops, q.hopPenalty, q.excluded.some((x) => x === 1) ? blockedWith(q, g.n) : null);
  if (first === null) return [];
  first.cost = pathCost(g, first.nodes, q.hopPenalty);
  const found: Path[] = [first];
  const candidates: Path[] = [];
  const seen = new Set<string>([first.nodes.join(',')]);
  while (found.length < q.k) {
    const last = found[found.length - 1]!;
    for (let i = 0; i + 1 < last.nodes.length; i++) {
      const spur = last.nodes[i]!;
      const root = last.nodes.slice(0, i + 1);
      const blocked = blockedWith(q, g.n);
      for (let j = 0; j < i; j++) blocked.node[root[j]!] = 1;
      for (const p of found) {
        if (p.nodes.length > i + 1 && root.every((x, j) => p.nodes[j] === x)) {
          const arc = arcIndex(g, p.nodes[i]!, p.nodes[i + 1]!);
          if (arc >= 0) blocked.arcs.add(arc);
        }
      }
      const tail = search.search(spur, q.isTarget, q.maxHops - i, q.hopPenalty, blocked);
      if (tail === null) continue;
      const nodes = [...root.slice(0, -1), ...tail.nodes];
      const key = nodes.join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      candidates.push({ nodes, cost: pathCost(g, nodes, q.hopPenalty) });
    }
    if (candidates.length === 0) break;
    candidates.sort(comparePaths);
    found.push(candidates.shift()!);
  }
  return found;
}

/**
 * k paths whose intermediaries are all different people (node-disjoint but
 * for the ends), greedily: each next path is the best one avoiding the
 * intermediaries of the paths already found (and their direct arcs), so the
 * k answers are k different people to ask. Greedy, not jointly optimal.
 */
export function diversePaths(g: Csr, search: HopSearch, q: Query): Path[] {
  const blocked = blockedWith(q, g.n);
  const found: Path[] = [];
  while (found.length < q.k) {
    const p = search.search(q.source, q.isTarget, q.maxHops, q.hopPenalty, blocked);
    if (p === null) break;
    p.cost = pathCost(g, p.nodes, q.hopPenalty);
    found.push(p);
    for (let i = 1; i + 1 < p.nodes.length; i++) blocked.node[p.nodes[i]!] = 1;
    if (p.nodes.length === 2) blocked.arcs.add(arcIndex(g, p.nodes[0]!, p.nodes[1]!));
  }
  return found;
}
