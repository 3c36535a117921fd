/**
 * One question without a finder (issue 25): `findIntroductionPaths` on the
 * raw heavy-tailed graph, in the cases users hit — random pairs (most with no
 * chain within 3 hops), near pairs (a best chain of 2–3 hops), pairs whose
 * chain passes through a hub, and pairs with no chain at all — with the
 * probabilities read by attribute name and by a callback, each against
 * graphology-shortest-path's `dijkstra.bidirectional` on the same pairs in the
 * same run (p50 and p95), and the built finder's 3-hop answer on the same
 * pairs. Ends with which of issue 25's targets the run met.
 */
import type Graph from 'graphology';
import { bidirectional } from 'graphology-shortest-path/dijkstra.js';
import { findIntroductionPaths, type IntroductionFinder } from 'goodwill/introductions';
import type { Random } from '../src/fixtures/random.js';
import { ms } from './harness.js';
import { stats, timeEach, type Stats } from './introductions-heavy.js';

type Pair = [string, string];

function timePairs(pairs: Pair[], fn: (s: string, t: string) => unknown): Stats {
  return stats(timeEach(pairs, ([s, t]) => fn(s, t)));
}

/** Pairs whose best chain goes through one of the 20 people with the most ties: s → hub → t. */
function hubPairs(graph: Graph, rng: Random, count: number): Pair[] {
  const hubs = graph
    .nodes()
    .sort((a, b) => graph.degree(b) - graph.degree(a))
    .slice(0, 20);
  const out: Pair[] = [];
  for (let i = 0; out.length < count && i < 20 * count; i++) {
    const hub = hubs[rng.int(hubs.length)]!;
    // The hop s → hub reads the edge hub → s; the hop hub → t reads t → hub.
    const from = graph.outNeighbors(hub);
    const to = graph.inNeighbors(hub);
    if (from.length === 0 || to.length === 0) continue;
    const s = from[rng.int(from.length)]!;
    const t = to[rng.int(to.length)]!;
    if (s !== t && !graph.hasEdge(t, s)) out.push([s, t]);
  }
  return out;
}

/** Random pairs with no chain of any length (the finder's reason `no-path`). */
function unreachablePairs(keys: string[], finder: IntroductionFinder, rng: Random, count: number): Pair[] {
  const out: Pair[] = [];
  for (let i = 0; out.length < count && i < 200 * count; i++) {
    const s = keys[rng.int(keys.length)]!;
    const t = keys[rng.int(keys.length)]!;
    if (s !== t && finder.find(s, t, { k: 1, maxHops: Infinity }).reason === 'no-path') out.push([s, t]);
  }
  return out;
}

/**
 * Runs the cases; `weighted` is the graph of hops graphology searches (the
 * hop x → y as an edge x → y of weight −ln p), `finder` a built finder.
 */
export default function oneShotCases(
  graph: Graph,
  weighted: Graph,
  finder: IntroductionFinder,
  randomPairs: Pair[],
  nearPairs: Pair[],
  rng: Random,
): void {
  const keys = graph.nodes();
  const byName = { getProbability: 'p', k: 1, maxHops: 3 } as const;
  const getter = (_e: string, a: Record<string, unknown>) => a['p'] as number;
  const byCallback = { getProbability: getter, k: 1, maxHops: 3 };
  const results = randomPairs.map(([s, t]) => finder.find(s, t, { k: 1 }));
  const withChain = randomPairs.filter((_p, i) => results[i]!.paths.length > 0);
  const withoutChain = randomPairs.filter((_p, i) => results[i]!.paths.length === 0);
  const cases: [string, Pair[]][] = [
    ['random pairs', randomPairs],
    ['  … with a chain within 3 hops', withChain],
    ['  … with none within 3 hops', withoutChain],
    ['near pairs (best chain of 2–3 hops)', nearPairs],
    ['pairs through a hub', hubPairs(graph, rng, 100)],
    ['pairs with no chain at all', unreachablePairs(keys, finder, rng, 50)],
  ];
  // Warm-up of each function.
  for (const [s, t] of randomPairs.slice(0, 20)) {
    findIntroductionPaths(graph, s, t, byName);
    findIntroductionPaths(graph, s, t, byCallback);
  }
  const x = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
  const rows: [string, string, string, string, string][] = [];
  const measured = new Map<string, { name: Stats; callback: Stats; peer: Stats; finder: Stats }>();
  for (const [what, pairs] of cases) {
    if (pairs.length === 0) continue;
    const peer = timePairs(pairs, (s, t) => bidirectional(weighted, s, t, 'w'));
    const name = timePairs(pairs, (s, t) => findIntroductionPaths(graph, s, t, byName));
    const callback = timePairs(pairs, (s, t) => findIntroductionPaths(graph, s, t, byCallback));
    const built = timePairs(pairs, (s, t) => finder.find(s, t, { k: 1 }));
    measured.set(what, { name, callback, peer, finder: built });
    const ratio = (ours: Stats) => `p50 ${x(peer.p50, ours.p50)}, p95 ${x(peer.p95, ours.p95)}`;
    rows.push([
      `${what} (${pairs.length})`,
      `${ms(name.p50)} / ${ms(name.p95)} (${ratio(name)})`,
      `${ms(callback.p50)} / ${ms(callback.p95)} (${ratio(callback)})`,
      `${ms(built.p50)} / ${ms(built.p95)} (${ratio(built)})`,
      `${ms(peer.p50)} / ${ms(peer.p95)}`,
    ]);
  }
  console.log(
    '\n### One question, ≤ 3 hops, k = 1: p50 / p95 (speed-up over graphology dijkstra.bidirectional on the same pairs)\n',
  );
  const head: [string, string, string, string, string] = [
    'pairs',
    'one-shot, attribute name',
    'one-shot, callback',
    'built finder',
    'graphology',
  ];
  const all = [head, ...rows];
  const widths = head.map((_h, i) => Math.max(...all.map((r) => r[i]!.length)));
  for (const r of all) console.log(`| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`);

  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const random = measured.get('random pairs')!;
  const found = measured.get('  … with a chain within 3 hops');
  const none = measured.get('  … with none within 3 hops');
  const targets: [string, string][] = [
    [
      'one-shot 3-hop, random pairs: p50 ≤ 1/10, p95 ≤ 1/3 of one graphology query',
      `${met(random.name.p50 * 10 <= random.peer.p50 && random.name.p95 * 3 <= random.peer.p95)} by name (p50 ${x(random.peer.p50, random.name.p50)}, p95 ${x(random.peer.p95, random.name.p95)}), ${met(random.callback.p50 * 10 <= random.peer.p50 && random.callback.p95 * 3 <= random.peer.p95)} by callback (p50 ${x(random.peer.p50, random.callback.p50)}, p95 ${x(random.peer.p95, random.callback.p95)})`,
    ],
    [
      'one-shot: no chain within 3 hops ≤ 2× a found chain (p50)',
      found && none
        ? `${met(none.name.p50 <= 2 * found.name.p50)} (${x(none.name.p50, found.name.p50)})`
        : 'not measured',
    ],
    [
      '3-hop finder, random pairs: p95 ≥ 300× graphology',
      `${met(random.peer.p95 >= 300 * random.finder.p95)} (${x(random.peer.p95, random.finder.p95)})`,
    ],
  ];
  console.log('\ntargets (issue 25, one-shot):');
  for (const [what, verdict] of targets) console.log(`- ${what}: ${verdict}`);
}
