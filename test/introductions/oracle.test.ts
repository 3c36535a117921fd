/**
 * Best-path costs equal NetworkX `bidirectional_dijkstra` on −ln p weights for
 * 300 seeded pairs per trust network, and the 5 best costs equal
 * `shortest_simple_paths` for 25 of them (hop limit not binding; the fixture
 * holds 60). Reference
 * values: test/oracles/introductions.json, made by scripts/oracles/introductions.py.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { createIntroductionFinder } from 'goodwill/introductions';
import { parseEdgeList } from 'goodwill/fixtures';
import { describeData, readDataFile } from '../helpers/data.js';

interface Row {
  source: string;
  target: string;
  cost: number | null;
  hops: number | null;
  kbest?: number[];
}
const oracle = JSON.parse(readFileSync(new URL('../oracles/introductions.json', import.meta.url), 'utf8')) as {
  sets: Record<string, Row[]>;
};

describeData('introduction paths agree with NetworkX on real trust networks', () => {
  const cases = [
    {
      name: 'bitcoin-otc',
      graph: () =>
        parseEdgeList(readDataFile('soc-sign-bitcoinotc/soc-sign-bitcoinotc.csv'), {
          format: 'csv',
          header: false,
          columns: { source: 0, target: 1, weight: 2, time: 3 },
        }),
      // Only positive ratings are trust: p = rating / 10.
      getProbability: (_e: string, attributes: Record<string, unknown>) =>
        (attributes['weight'] as number) > 0 ? (attributes['weight'] as number) / 10 : null,
    },
    {
      name: 'advogato',
      graph: () => parseEdgeList(readDataFile('advogato/out.advogato'), { format: 'konect' }),
      getProbability: 'weight' as const,
    },
  ];
  for (const c of cases) {
    it(`${c.name}: best-path costs for 300 pairs and 5-best lists for 25`, () => {
      const finder = createIntroductionFinder(c.graph(), { getProbability: c.getProbability });
      let reachable = 0;
      let kbest = 0;
      for (const row of oracle.sets[c.name]!) {
        // The 5-best lists of the first 25 reachable pairs (Yen over the whole graph is the slow part).
        const withK = row.kbest !== undefined && kbest++ < 25;
        const result = finder.find(row.source, row.target, { k: withK ? 5 : 1, maxHops: 64 });
        if (row.cost === null) {
          expect(result.paths, `${row.source}→${row.target}`).toEqual([]);
          expect(result.reason).toBe('no-path');
          continue;
        }
        reachable++;
        expect(result.paths[0]!.cost, `${row.source}→${row.target}`).toBeCloseTo(row.cost, 9);
        if (withK)
          expect(
            result.paths.map((p) => p.cost),
            `${row.source}→${row.target}`,
          ).toEqual(row.kbest!.map((x) => expect.closeTo(x, 9)));
      }
      expect(reachable).toBeGreaterThan(150);
    });
  }
});
