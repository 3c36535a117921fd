/**
 * k best simple paths within a hop limit: Yen's algorithm (Yen 1971; the
 * semantics of NetworkX `shortest_simple_paths`, restricted to paths of at
 * most `maxHops` arcs), and a node-disjoint variant, both over the bounded
 * search of one query (its backward half is shared by every spur search).
 * Several sources are one virtual source joined to each of them: the first
 * deviation may start from another source.
 *
 * @module
 * @internal
 */
import type { BoundedSearch } from './bounded.js';
import { comparePaths, type Blocked, type Path } from './path.js';
import type { Rows } from './rows.js';

/**
 * A path's cost summed from the source in path order, exactly as the search adds it.
 *
 * @example
 * ```ts
 * pathCost(rows, [0, 4, 7], 0); // cost(0→4) + cost(4→7)
 * ```
 */
export function pathCost(g: Rows, nodes: readonly number[], hopPenalty: number): number {
  let c = 0;
  for (let i = 0; i + 1 < nodes.length; i++) {
    const [rows, e] = g.hop(nodes[i]!, nodes[i + 1]!);
    c = c + rows.cost[e]! + hopPenalty;
  }
  return c;
}

/** What every search of one query shares. */
export interface Query {
  sources: number[];
  k: number;
  maxHops: number;
  hopPenalty: number;
  /** Orders ids as their keys (null: ids are in key order). */
  before: ((x: number, y: number) => boolean) | null;
}

function blockedWith(): Blocked {
  return { nodes: [], arcs: new Set<number>() };
}

/**
 * Yen's k shortest simple paths, each with at most `maxHops` arcs, ordered by
 * (cost, hops, node ids): the first path is the best; each next one is the
 * best deviation from a path already found (spur node, root path blocked,
 * the arcs that earlier paths with the same root take next removed), from
 * the point where that path left the one it was found from on (Lawler's
 * refinement: the earlier deviations are its parent's, already candidates).
 * A spur search is bounded by the candidate that would be chosen last: a
 * deviation costlier than the (k − found)-th candidate can never be chosen.
 *
 * @example
 * ```ts
 * search.startQuery([target], [], 3, 0, [source]);
 * yen(rows, search, { sources: [source], k: 3, maxHops: 3, hopPenalty: 0, before: null }); // up to 3 paths, best first
 * ```
 */
export function yen(g: Rows, search: BoundedSearch, q: Query): Path[] {
  const first = search.search(q.sources, q.maxHops, null, Infinity);
  if (first === null) return [];
  first.cost = pathCost(g, first.nodes, q.hopPenalty);
  const found: Path[] = [first];
  // Where each path deviates from the path it was found from (Lawler 1972): the deviations of a path before that
  // point are those of its parent, already among the candidates; only the ones from there on are new.
  const deviation = new Map<Path, number>([[first, 0]]);
  const seen = new Set<string>([first.nodes.join(',')]);
  const multi = q.sources.length > 1;
  const c: Candidates = { g, q, list: [], seen, deviation };
  const candidates = c.list;
  while (found.length < q.k) {
    const last = found[found.length - 1]!;
    const need = q.k - found.length;
    if (multi) {
      // Deviation at the virtual source: another source than every path found so far.
      const used = new Set(found.map((p) => p.nodes[0]!));
      const rest = q.sources.filter((s) => !used.has(s));
      if (rest.length > 0) {
        const tail = search.search(rest, q.maxHops, null, boundOf(c, need));
        if (tail !== null) consider(c, tail.nodes, 0);
      }
    }
    for (let i = deviation.get(last)!; i + 1 < last.nodes.length; i++) {
      const spur = last.nodes[i]!;
      const root = last.nodes.slice(0, i + 1);
      const blocked = blockedWith();
      for (let j = 0; j < i; j++) blocked.nodes.push(root[j]!);
      for (const p of found) {
        if (p.nodes.length > i + 1 && root.every((x, j) => p.nodes[j] === x)) {
          g.load(p.nodes[i]!); // the spur search reads the spur's row anyway
          const arc = g.arc(p.nodes[i]!, p.nodes[i + 1]!);
          if (arc >= 0) blocked.arcs.add(arc);
        }
      }
      const rootCost = pathCost(g, root, q.hopPenalty);
      const tail = search.search([spur], q.maxHops - i, blocked, boundOf(c, need) - rootCost);
      if (tail === null) continue;
      consider(c, [...root.slice(0, -1), ...tail.nodes], i);
    }
    if (candidates.length === 0) break;
    found.push(candidates.shift()!);
  }
  return found;
}

/** The candidates of a Yen query, best first, with what they need. */
interface Candidates {
  g: Rows;
  q: Query;
  list: Path[];
  /** The people of every path found or considered, joined. */
  seen: Set<string>;
  /** Where each path deviates from the path it was found from. */
  deviation: Map<Path, number>;
}

/** The bound of a spur search: the cost of the candidate that would be chosen last (`need` more paths), or +∞. */
function boundOf(c: Candidates, need: number): number {
  return c.list.length >= need ? c.list[need - 1]!.cost : Infinity;
}

/** Adds the path `nodes`, deviating at `at`, to the candidates, unless it was seen. */
function consider(c: Candidates, nodes: number[], at: number): void {
  const key = nodes.join(',');
  if (c.seen.has(key)) return;
  c.seen.add(key);
  const path = { nodes, cost: pathCost(c.g, nodes, c.q.hopPenalty) };
  c.deviation.set(path, at);
  c.list.push(path);
  c.list.sort((a, b) => comparePaths(a, b, c.q.before));
}

/**
 * k paths whose intermediaries are all different people (node-disjoint but
 * for the ends), greedily: each next path is the best one avoiding the
 * intermediaries of the paths already found (and their direct arcs), so the
 * k answers are k different people to ask. Greedy, not jointly optimal.
 *
 * @example
 * ```ts
 * search.startQuery([target], [], 3, 0, [source]);
 * diversePaths(rows, search, { sources: [source], k: 3, maxHops: 3, hopPenalty: 0, before: null });
 * ```
 */
export function diversePaths(g: Rows, search: BoundedSearch, q: Query): Path[] {
  const blocked = blockedWith();
  const found: Path[] = [];
  while (found.length < q.k) {
    const p = search.search(q.sources, q.maxHops, blocked, Infinity);
    if (p === null) break;
    p.cost = pathCost(g, p.nodes, q.hopPenalty);
    found.push(p);
    for (let i = 1; i + 1 < p.nodes.length; i++) blocked.nodes.push(p.nodes[i]!);
    if (p.nodes.length === 2) {
      g.load(p.nodes[0]!);
      blocked.arcs.add(g.arc(p.nodes[0]!, p.nodes[1]!));
    }
  }
  return found;
}
