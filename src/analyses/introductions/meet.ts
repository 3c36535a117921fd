/**
 * The single best path to one target within a hop limit, by meeting in the
 * middle: hop-layered relaxation ⌈H/2⌉ hops forward from the source and
 * ⌊H/2⌋ hops backward from the target (on the transposed arcs), joined at the
 * node where the sum is smallest. With degree d it touches about d^(H/2)
 * states per side instead of the d^H of a one-sided search.
 *
 * Joined paths whose costs tie (to within rounding) are rebuilt and compared
 * by the documented order — cost summed from the source in path order, then
 * hops, then the people's ids — so the answer is the same path as the
 * one-sided search's, bit for bit.
 *
 * @module
 * @internal
 */
import { pathCost } from './kbest.js';
import { comparePaths, type Csr, type Path } from './search.js';

/** Best cost with exactly h hops to each reached node, with the predecessor for the path. */
interface Layers {
  /** layers[h]: node → [cost, predecessor at h − 1]. */
  layers: Map<number, [number, number]>[];
}

/**
 * Best cost per (node, exact hops) from `start`. Equal costs are broken
 * lexicographically in the direction of travel: `forward` compares the whole
 * prefix from the start; backward (from the target) the first differing
 * element is the predecessor itself, so comparing it is exact.
 */
function relax(g: Csr, start: number, hops: number, hopPenalty: number, excluded: Uint8Array, stop: number, forward: boolean): Layers {
  const l: Layers = { layers: [new Map([[start, [0, -1]]])] };
  for (let h = 1; h <= hops; h++) {
    const next = new Map<number, [number, number]>();
    for (const [u, [c]] of l.layers[h - 1]!) {
      if (u === stop && h > 1) continue; // the far end is terminal
      for (let e = g.offset[u]!; e < g.offset[u + 1]!; e++) {
        const v = g.target[e]!;
        if (v === start || excluded[v]) continue;
        const nc = c + g.cost[e]! + hopPenalty;
        const old = next.get(v);
        if (old === undefined || nc < old[0]) next.set(v, [nc, u]);
        else if (nc === old[0] && u !== old[1] && (forward ? lexLess(walk(l, u, h - 1), walk(l, old[1], h - 1)) : u < old[1])) next.set(v, [nc, u]);
      }
    }
    l.layers.push(next);
  }
  return l;
}

function lexLess(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

function walk(l: Layers, v: number, h: number): number[] {
  const out: number[] = [];
  for (let x = v, k = h; k >= 0; k--) {
    out.push(x);
    x = l.layers[k]!.get(x)![1];
  }
  return out.reverse();
}

/**
 * The best simple path from `source` to `target` with at most `maxHops` arcs,
 * or null. `transposed` holds the arcs reversed (the same CSR when arcs are
 * symmetric).
 */
export function meetInTheMiddle(g: Csr, transposed: Csr, source: number, target: number, maxHops: number, hopPenalty: number, excluded: Uint8Array): Path | null {
  const a = Math.ceil(maxHops / 2);
  const b = maxHops - a;
  const fwd = relax(g, source, a, hopPenalty, excluded, target, true);
  const bwd = relax(transposed, target, b, hopPenalty, excluded, source, false);
  let best = Infinity;
  const joins: [number, number, number][] = []; // meeting node, forward hops, backward hops
  for (let i = 0; i <= a; i++) {
    for (const [v, [cf]] of fwd.layers[i]!) {
      if (v === target && i > 0) {
        // Reached the target going forward.
        if (cf <= best * (1 + 1e-12) + 1e-12) joins.push([v, i, 0]);
        if (cf < best) best = cf;
        continue;
      }
      for (let j = 1; j <= b && i + j <= maxHops; j++) {
        const back = bwd.layers[j]!.get(v);
        if (back === undefined) continue;
        const total = cf + back[0];
        if (total <= best * (1 + 1e-12) + 1e-12) joins.push([v, i, j]);
        if (total < best) best = total;
      }
    }
  }
  if (best === Infinity) return null;
  let winner: Path | null = null;
  const tolerance = best * 1e-12 + 1e-12;
  for (const [v, i, j] of joins) {
    const total = j === 0 ? fwd.layers[i]!.get(v)![0] : fwd.layers[i]!.get(v)![0] + bwd.layers[j]!.get(v)![0];
    if (total > best + tolerance) continue;
    const head = walk(fwd, v, i);
    const tail = j === 0 ? [] : walk(bwd, v, j).reverse().slice(1);
    const nodes = [...head, ...tail];
    if (new Set(nodes).size !== nodes.length) continue; // not simple: its simple version is also a join
    const path = { nodes, cost: pathCost(g, nodes, hopPenalty) };
    if (winner === null || comparePaths(path, winner) < 0) winner = path;
  }
  return winner;
}
