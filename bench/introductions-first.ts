/**
 * A few hundred questions on a fresh graph (issue 25): a heavy-tailed network
 * of 30,000 people and 300,000 directed ties with hubs (see
 * `heavy-tailed.ts`), 200 random questions (≤ 3 hops), timed whole —
 * including whatever a finder builds — against graphology-shortest-path's
 * `dijkstra.bidirectional` on the same pairs, in three rounds, each
 * interleaved so that every way meets the same machine load: a new finder
 * asked the 200 questions (it answers on the raw graph until a build pays),
 * a finder whose index is built first (reading `size`), and 200 one-shot
 * `findIntroductionPaths` calls.
 */
import Graph from 'graphology';
import { bidirectional } from 'graphology-shortest-path/dijkstra.js';
import { createIntroductionFinder, findIntroductionPaths } from 'goodwill/introductions';
import { createRandom } from '../src/fixtures/random.js';
import { keep, ms } from './harness.js';
import { heavyTailedNetwork } from './heavy-tailed.js';
import { uniformPairs } from './introductions-heavy.js';

export default function run(): void {
  const graph = heavyTailedNetwork({ seed: 25, people: 30_000, ties: 300_000, reciprocated: 0.6, gamma: 2.5 });
  let maxDegree = 0;
  graph.forEachNode((k) => (maxDegree = Math.max(maxDegree, graph.degree(k))));
  // graphology's graph of hops: the hop x→y reads the edge y→x, weight −ln p.
  const weighted = new Graph({ type: 'directed' });
  graph.forEachNode((k) => weighted.addNode(k));
  graph.forEachEdge((_e, a, s, t) => weighted.addEdge(t, s, { w: -Math.log(a['p'] as number) }));
  const rng = createRandom(2525);
  const pairs = uniformPairs(graph.nodes(), rng, 200);
  const total = (fn: () => void): number => {
    const t0 = performance.now();
    fn();
    return performance.now() - t0;
  };
  const ways: [string, (k: number) => void][] = [
    [
      'graphology dijkstra.bidirectional × 200',
      () => pairs.forEach(([s, t]) => keep(bidirectional(weighted, s, t, 'w'))),
    ],
    [
      'new finder, 200 questions',
      (k) => {
        const finder = createIntroductionFinder(graph, { getProbability: 'p' });
        for (const [s, t] of pairs) keep(finder.find(s, t, { k }));
      },
    ],
    [
      'finder built first (size), 200 questions',
      (k) => {
        const finder = createIntroductionFinder(graph, { getProbability: 'p' });
        keep(finder.size);
        for (const [s, t] of pairs) keep(finder.find(s, t, { k }));
      },
    ],
    [
      'findIntroductionPaths × 200',
      (k) => pairs.forEach(([s, t]) => keep(findIntroductionPaths(graph, s, t, { getProbability: 'p', k }))),
    ],
  ];
  ways.forEach(([, fn]) => fn(1)); // warm-up
  console.log(
    `\n## 200 questions on a fresh graph: ${graph.order} people, ${graph.size} directed ties (largest degree ${maxDegree}), ≤ 3 hops\n`,
  );
  console.log('total time per round (speed-up over graphology in the same round)\n');
  const verdicts: number[] = [];
  for (const k of [1, 3]) {
    for (let round = 1; round <= 3; round++) {
      const times = ways.map(([, fn]) => total(() => fn(k)));
      const peer = times[0]!;
      const cells = ways.map(
        ([what], i) => `${what} ${ms(times[i]!)}${i === 0 ? '' : ` (${(peer / times[i]!).toFixed(1)}×)`}`,
      );
      console.log(`- k = ${k}, round ${round}: ${cells.join('; ')}`);
      verdicts.push(peer / times[1]!);
    }
  }
  const worst = Math.min(...verdicts);
  console.log(
    `\ntarget (issue 25): 200 questions on a new finder, build included, ≥ 5× faster than graphology: ${worst >= 5 ? 'met' : 'NOT met'} (worst round ${worst.toFixed(1)}×)`,
  );
}
