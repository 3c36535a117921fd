/**
 * Brute force for the introduction tests: every simple chain within a hop
 * limit, in the finder's order.
 */
import Graph, { type MultiGraph } from 'graphology';
import fc from 'fast-check';

/** A trust graph of people n0 … n(n − 1) from hops [x, y, p] (ids mod n; y trusts x: the edge y→x with p), and its hops as a map; repeated hops and self-hops are dropped. */
export function trustNetwork(
  n: number,
  arcs: readonly (readonly [number, number, number])[],
): { graph: Graph; map: Map<number, Map<number, number>> } {
  const graph = new Graph();
  const map = new Map<number, Map<number, number>>();
  for (let i = 0; i < n; i++) graph.addNode(`n${i}`);
  for (const [u0, v0, p] of arcs) {
    const u = u0 % n;
    const v = v0 % n;
    if (u === v || map.get(u)?.has(v)) continue;
    if (!map.has(u)) map.set(u, new Map());
    map.get(u)!.set(v, p);
    graph.addEdge(`n${v}`, `n${u}`, { p });
  }
  return { graph, map };
}

/** A chain as node ids, with its cost summed from the source in path order. */
export interface Chain {
  nodes: number[];
  cost: number;
}

/** The finder's order: cost, then fewer hops, then node ids from the source. */
export function compareChains(a: Chain, b: Chain): number {
  if (a.cost !== b.cost) return a.cost < b.cost ? -1 : 1;
  if (a.nodes.length !== b.nodes.length) return a.nodes.length - b.nodes.length;
  for (let i = 0; i < a.nodes.length; i++) if (a.nodes[i] !== b.nodes[i]) return a.nodes[i]! - b.nodes[i]!;
  return 0;
}

/**
 * All simple chains from each source with at most H arcs, ending at a target
 * and not passing through one, cost Σ (−ln p + penalty) as the finder sums
 * it; sorted by {@link compareChains}.
 */
export function allChains(
  arcs: Map<number, Map<number, number>>,
  sources: number[],
  targets: Set<number>,
  H: number,
  penalty = 0,
): Chain[] {
  const out: Chain[] = [];
  for (const s of sources) {
    const walk = (path: number[], cost: number) => {
      const u = path[path.length - 1]!;
      if (path.length > 1 && targets.has(u)) {
        out.push({ nodes: [...path], cost });
        return;
      }
      if (path.length - 1 >= H) return;
      for (const [v, p] of arcs.get(u) ?? new Map<number, number>()) {
        if (path.includes(v)) continue;
        path.push(v);
        walk(path, cost + -Math.log(p) + penalty);
        path.pop();
      }
    };
    walk([s], 0);
  }
  return out.sort(compareChains);
}

/** `count` seeded pairs of different people (a fixed stride through the list), with their index. */
export function seededPairs(people: readonly string[], count: number): [string, string, number][] {
  const out: [string, string, number][] = [];
  for (let i = 0; i < count; i++) {
    const s = people[(i * 7919) % people.length]!;
    const t = people[(i * 104729 + 13) % people.length]!;
    if (s !== t) out.push([s, t, i]);
  }
  return out;
}

/** An edit of a mixed multigraph of people p0 … p5: add an edge with probability p (directed or not), or drop the edges between a and b (p null). */
export const edgeStep = fc.record({
  a: fc.nat(5),
  b: fc.nat(5),
  p: fc.constantFrom(0, 0.2, 0.5, 0.9, 1, null),
  undirected: fc.boolean(),
});

/** Applies an {@link edgeStep} to `g`; returns the pair it touched. */
export function applyEdgeStep(
  g: MultiGraph,
  { a, b, p, undirected }: { a: number; b: number; p: number | null; undirected: boolean },
): [string, string] {
  const [x, y] = [`p${a}`, `p${b}`];
  if (p === null) for (const e of g.edges(x, y)) g.dropEdge(e);
  else if (undirected) g.addUndirectedEdge(x, y, { p });
  else g.addDirectedEdge(x, y, { p });
  return [x, y];
}
