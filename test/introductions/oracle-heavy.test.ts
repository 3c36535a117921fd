/**
 * Unbounded best-chain costs on a heavy-tailed network (Chung–Lu, γ = 2.5,
 * 20,000 people, 200,000 directed ties, 60 % reciprocated, seed 14 — the
 * benchmark's model at a fifth of its size) equal NetworkX
 * `bidirectional_dijkstra` on −ln p weights for 200 seeded random pairs, from
 * the finder and from the one-shot search. Reference values:
 * test/oracles/introductions-heavy.json, made by
 * scripts/oracles/introductions-heavy.py.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { createIntroductionFinder, findIntroductionPaths } from 'goodwill/introductions';
import { heavyTailedNetwork } from '../../bench/heavy-tailed.js';

interface Row {
  source: string;
  target: string;
  cost: number | null;
  hops: number | null;
}
const oracle = JSON.parse(readFileSync(new URL('../oracles/introductions-heavy.json', import.meta.url), 'utf8')) as {
  graph: { people: number; ties: number; seed: number };
  pairs: Row[];
};

it('heavy-tailed network: unbounded best costs for 200 pairs equal NetworkX, from the finder and one-shot', () => {
  const { people, ties, seed } = oracle.graph;
  const graph = heavyTailedNetwork({ seed, people, ties, reciprocated: 0.6, gamma: 2.5 });
  const finder = createIntroductionFinder(graph, { getProbability: 'p' });
  let reachable = 0;
  oracle.pairs.forEach((row, i) => {
    const result = finder.find(row.source, row.target, { k: 1, maxHops: Infinity });
    if (row.cost === null) {
      expect(result, `${row.source}→${row.target}`).toEqual({ paths: [], reason: 'no-path' });
    } else {
      reachable++;
      expect(result.paths[0]!.cost, `${row.source}→${row.target}`).toBeCloseTo(row.cost, 9);
      // Within the best chain's own hop count, the bounded search finds the same cost.
      expect(finder.find(row.source, row.target, { k: 1, maxHops: row.hops! }).paths[0]!.cost).toBe(
        result.paths[0]!.cost,
      );
    }
    if (i % 10 === 0)
      expect(
        findIntroductionPaths(graph, row.source, row.target, { getProbability: 'p', k: 1, maxHops: Infinity }),
      ).toEqual(result);
  });
  expect(reachable).toBeGreaterThan(150);
});
