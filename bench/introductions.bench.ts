/**
 * Introduction paths at scale. First the heavy-tailed network of issue 14
 * (see `introductions-heavy.ts`: 100,000 people, 1,000,000 directed ties,
 * against graphology, ngraph.path and NetworkX in the same run); then a
 * generated network of 100,000 people with interaction histories: median and
 * p95 per query over 300 seeded pairs (targets 2–3 warm hops away), for k = 1
 * and k = 5 within 3 hops, against graphology-shortest-path's
 * `dijkstra.bidirectional` on the same −ln p weights (no hop limit), measured
 * in the same run. Also the finder's build time and the memory of its index;
 * and (issue 25, `introductions-first.ts`) 200 questions on a fresh graph of
 * 30,000 people, build included.
 */
import Graph from 'graphology';
import { bidirectional } from 'graphology-shortest-path/dijkstra.js';
import { tieStrengths } from 'goodwill';
import { createIntroductionFinder } from 'goodwill/introductions';
import { generateNetwork } from 'goodwill/fixtures';
import { createRandom } from '../src/fixtures/random.js';
import { keep, ms, summarize, table } from './harness.js';
import heavy from './introductions-heavy.js';
import firstQuestions from './introductions-first.js';

export default function run(): void {
  heavy();
  firstQuestions();
  generated();
}

function generated(): void {
  const now = '2025-01-01';
  let t = performance.now();
  const graph = generateNetwork({ seed: 7, people: 100_000, ties: 10, activity: 0.12 });
  const genMs = performance.now() - t;
  let interactions = 0;
  graph.forEachEdge((_e, a) => (interactions += a.interactions.length));

  t = performance.now();
  const finder = createIntroductionFinder(graph, {
    now,
    includeOneSided: true,
    includeDormant: true,
    minStrength: 0.02,
  });
  const buildMs = performance.now() - t;

  // The same hops for graphology: an undirected graph weighted by −ln p.
  const weighted = new Graph({ type: 'undirected' });
  graph.forEachNode((k) => weighted.addNode(k));
  for (const tie of tieStrengths(graph, { now })) {
    if (tie.strength >= 0.02) weighted.addEdge(tie.a, tie.b, { w: -Math.log(tie.strength) });
  }
  // Seeded queries: a random source, and a target 2–3 warm hops away by a random walk.
  const rng = createRandom(99);
  const people = weighted.nodes();
  const pairs: [string, string][] = [];
  while (pairs.length < 300) {
    const s = people[rng.int(people.length)]!;
    let x = s;
    const steps = 2 + rng.int(2);
    for (let i = 0; i < steps; i++) {
      const next = weighted.neighbors(x);
      if (next.length === 0) break;
      x = next[rng.int(next.length)]!;
    }
    if (x !== s) pairs.push([s, x]);
  }
  const time = (fn: (s: string, t: string) => unknown) => {
    const samples: number[] = [];
    for (const [s, x] of pairs) {
      const t0 = performance.now();
      keep(fn(s, x));
      samples.push(performance.now() - t0);
    }
    return summarize(samples);
  };
  // Warm up each, then measure in the same run.
  time((s, x) => finder.find(s, x, { k: 1 }));
  time((s, x) => bidirectional(weighted, s, x, 'w'));
  const k1 = time((s, x) => finder.find(s, x, { k: 1 }));
  const k5 = time((s, x) => finder.find(s, x, { k: 5 }));
  const peer = time((s, x) => bidirectional(weighted, s, x, 'w'));
  const found = pairs.filter(([s, x]) => finder.find(s, x, { k: 1 }).paths.length > 0).length;

  table(
    `Introduction paths: ${graph.order} people, ${graph.size} directed ties, ${interactions} interactions (generated in ${ms(genMs)}); ${finder.size.arcs} usable hops`,
    [
      {
        what: 'graphology dijkstra.bidirectional (1 path, no hop limit)',
        median: ms(peer.median),
        p95: ms(peer.p95),
        'speed-up': '1.00',
      },
      {
        what: 'finder.find k = 1 (≤ 3 hops)',
        median: ms(k1.median),
        p95: ms(k1.p95),
        'speed-up': (peer.median / k1.median).toFixed(1),
      },
      {
        what: 'finder.find k = 5 (≤ 3 hops, Yen)',
        median: ms(k5.median),
        p95: ms(k5.p95),
        'speed-up': (peer.median / k5.median).toFixed(1),
      },
    ],
  );
  console.log(
    `\nfinder build (index once, strengths, CSR): ${ms(buildMs)}; index memory ${(finder.memoryBytes / 1e6).toFixed(1)} MB; ${found}/${pairs.length} pairs have a path within 3 hops`,
  );
  console.log(
    `k = 1 with the build amortised over the 300 queries: ${ms(k1.median + buildMs / pairs.length)} per query`,
  );
}
