/**
 * A heavy-tailed trust network for the introductions benchmark and oracle:
 * the Chung–Lu expected-degree model (Chung & Lu 2002) with a power law of
 * exponent γ, seeded. Person i (before a seeded shuffle of the keys) has the
 * weight (i + 1)^(−1/(γ − 1)); each relationship draws both ends with
 * probability proportional to the weights (duplicates and self-pairs drawn
 * again), so expected degrees follow the weights: a few hubs with thousands
 * of ties, a median of about a dozen. A share of the directed ties is
 * reciprocated; every directed tie u → v ("u trusts v") carries a
 * probability `p` in (0, 1].
 */
import Graph from 'graphology';
import { createRandom } from '../src/fixtures/random.js';

export interface HeavyTailedOptions {
  seed?: number;
  people?: number;
  /** Directed ties (approximately: exactly, unless the pairs run out). */
  ties?: number;
  /** Share of the directed ties whose reverse tie exists too. */
  reciprocated?: number;
  /** Power-law exponent of the degree distribution. */
  gamma?: number;
}

/** The ties as arrays (u trusts v with probability p), and the keys. */
export interface HeavyTailedTies {
  keys: string[];
  u: Int32Array;
  v: Int32Array;
  p: Float64Array;
}

/**
 * The ties of a heavy-tailed network, without building a graph.
 *
 * @example
 * ```ts
 * const { keys, u, v, p } = heavyTailedTies({ seed: 14, people: 20_000, ties: 200_000 });
 * ```
 */
export function heavyTailedTies({
  seed = 1,
  people = 100_000,
  ties = 1_000_000,
  reciprocated = 0.6,
  gamma = 2.5,
}: HeavyTailedOptions = {}): HeavyTailedTies {
  const rng = createRandom(seed);
  const n = people;
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += Math.pow(i + 1, -1 / (gamma - 1));
    cumulative[i] = total;
  }
  const draw = (): number => {
    const x = rng.next() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // Shuffled keys, so that key order says nothing about degree.
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  const keys = Array.from({ length: n }, (_, i) => `p${order[i]}`);
  // A reciprocated relationship holds two ties, a one-way relationship one.
  const mutual = Math.round((reciprocated * ties) / 2);
  const dyads = ties - mutual;
  const seen = new Set<number>();
  const u = new Int32Array(ties);
  const v = new Int32Array(ties);
  const p = new Float64Array(ties);
  let m = 0;
  const probability = () => 1 - 0.95 * rng.next(); // (0.05, 1]
  for (let d = 0; d < dyads; d++) {
    let a: number;
    let b: number;
    for (;;) {
      a = draw();
      b = draw();
      if (a === b) continue;
      const key = a < b ? a * n + b : b * n + a;
      if (seen.has(key)) continue;
      seen.add(key);
      break;
    }
    if (d < mutual) {
      u[m] = a;
      v[m] = b;
      p[m++] = probability();
      u[m] = b;
      v[m] = a;
      p[m++] = probability();
    } else {
      u[m] = a;
      v[m] = b;
      p[m++] = probability();
    }
  }
  return { keys, u: u.subarray(0, m), v: v.subarray(0, m), p: p.subarray(0, m) };
}

/**
 * The heavy-tailed network as a directed graphology graph: edge u → v with attribute `p`.
 *
 * @example
 * ```ts
 * const graph = heavyTailedNetwork({ seed: 14 }); // 100,000 people, 1,000,000 ties
 * createIntroductionFinder(graph, { getProbability: 'p' });
 * ```
 */
export function heavyTailedNetwork(options: HeavyTailedOptions = {}): Graph {
  const { keys, u, v, p } = heavyTailedTies(options);
  const graph = new Graph({ type: 'directed' });
  for (const k of keys) graph.addNode(k);
  for (let i = 0; i < u.length; i++) graph.addEdge(keys[u[i]!]!, keys[v[i]!]!, { p: p[i]! });
  return graph;
}
