/**
 * The paths of the introduction search and the order on them — cost, then
 * fewer hops, then the people compared from the source — with what a search
 * may not use.
 *
 * @module
 * @internal
 */

/** A found path: node ids and its cost (summed from the source in path order). */
export interface Path {
  nodes: number[];
  cost: number;
}

/**
 * Compares two paths by (cost, hops, node ids from the start); `before(a, b)` orders ids (default: a < b).
 *
 * @example
 * ```ts
 * comparePaths({ nodes: [0, 2], cost: 1 }, { nodes: [0, 1, 2], cost: 1 }); // < 0: fewer hops first
 * ```
 */
export function comparePaths(a: Path, b: Path, before: ((x: number, y: number) => boolean) | null = null): number {
  if (a.cost !== b.cost) return a.cost < b.cost ? -1 : 1;
  if (a.nodes.length !== b.nodes.length) return a.nodes.length - b.nodes.length;
  for (let i = 0; i < a.nodes.length; i++) {
    const x = a.nodes[i]!;
    const y = b.nodes[i]!;
    if (x !== y) return before === null ? x - y : before(x, y) ? -1 : 1;
  }
  return 0;
}

/** What a search may not use besides the query's excluded people. */
export interface Blocked {
  /** People that may not be visited. */
  nodes: number[];
  /** Arcs that may not be used (indices into the rows); they all leave one of the search's starts. */
  arcs: Set<number>;
}

/** No hop limit. */
export const UNLIMITED = 0x3fffffff;
