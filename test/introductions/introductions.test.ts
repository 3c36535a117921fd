import Graph, { MultiDirectedGraph } from 'graphology';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidOptionError, NodeNotFoundError } from 'goodwill';
import { createIntroductionFinder, findIntroductionPaths } from 'goodwill/introductions';
import { freezeGraph, snapshot } from '../helpers/frozen.js';
import { cleanPrototypePollutionAfterEach } from '../helpers/pollution.js';
import { allChains, seededPairs, trustNetwork } from './chains.js';

cleanPrototypePollutionAfterEach();

/** A trust graph from hops: [x, y, p] means the hop x→y has probability p, i.e. y trusts x (edge y→x). */
function trust(hops: [string, string, number][], nodes: string[] = []): Graph {
  const g = new Graph();
  for (const n of nodes) g.mergeNode(n);
  for (const [x, y, p] of hops) {
    g.mergeNode(x);
    g.mergeNode(y);
    g.mergeEdge(y, x, { p });
  }
  return g;
}

describe("the design notes' test vector (../shared/DESIGN.md)", () => {
  // me→c→d→t at 0.95 each (0.857) beats me→b→t (0.9 × 0.6 = 0.54) and me→a→t (0.5 × 0.9 = 0.45), though longer.
  const g = trust([
    ['me', 'a', 0.5],
    ['a', 't', 0.9],
    ['me', 'b', 0.9],
    ['b', 't', 0.6],
    ['me', 'c', 0.95],
    ['c', 'd', 0.95],
    ['d', 't', 0.95],
  ]);
  it('ranks by reliability, not by hop count', () => {
    const { paths } = findIntroductionPaths(g, 'me', 't', { getProbability: 'p' });
    expect(paths.map((p) => p.people)).toEqual([
      ['me', 'c', 'd', 't'],
      ['me', 'b', 't'],
      ['me', 'a', 't'],
    ]);
    expect(paths[0]!.reliability).toBeCloseTo(0.95 ** 3, 15);
    expect(paths[1]!.reliability).toBeCloseTo(0.54, 15);
    expect(paths[2]!.reliability).toBeCloseTo(0.45, 15);
    expect(paths[0]!.cost).toBeCloseTo(-3 * Math.log(0.95), 12);
    expect(paths[0]!.hops.map((h) => [h.from, h.to, h.probability])).toEqual([
      ['me', 'c', 0.95],
      ['c', 'd', 0.95],
      ['d', 't', 0.95],
    ]);
    expect(paths[0]!.explanation).toContain('Ask c, who trusts you (0.95)');
  });
  it('hop limit, hop penalty, exclusions and diversity', () => {
    expect(findIntroductionPaths(g, 'me', 't', { getProbability: 'p', maxHops: 2 }).paths[0]!.people).toEqual([
      'me',
      'b',
      't',
    ]);
    // A penalty of 0.5 per hop: 3 hops cost 0.154 + 1.5 = 1.654 > 2 hops via b: 0.616 + 1.0.
    expect(
      findIntroductionPaths(g, 'me', 't', { getProbability: 'p', hopPenalty: 0.5, k: 1 }).paths[0]!.people,
    ).toEqual(['me', 'b', 't']);
    expect(
      findIntroductionPaths(g, 'me', 't', { getProbability: 'p', exclude: ['c', 'b'] }).paths.map((p) => p.people),
    ).toEqual([['me', 'a', 't']]);
    const diverse = findIntroductionPaths(g, 'me', 't', { getProbability: 'p', diverse: true, k: 5 });
    expect(diverse.paths.map((p) => p.people[1])).toEqual(['c', 'b', 'a']);
  });
  it('says why when there is no path', () => {
    const h = trust(
      [
        ['me', 'a', 0.9],
        ['a', 'b', 0.9],
        ['b', 'c', 0.9],
        ['c', 't', 0.9],
      ],
      ['lonely', 'island'],
    );
    expect(findIntroductionPaths(h, 'me', 't', { getProbability: 'p' })).toEqual({ paths: [], reason: 'hop-limit' });
    expect(findIntroductionPaths(h, 'me', 't', { getProbability: 'p', maxHops: 4 }).paths).toHaveLength(1);
    expect(findIntroductionPaths(h, 'me', 'island', { getProbability: 'p' })).toEqual({ paths: [], reason: 'no-path' });
    expect(findIntroductionPaths(h, 'lonely', 't', { getProbability: 'p' })).toEqual({
      paths: [],
      reason: 'no-eligible-tie',
    });
    expect(findIntroductionPaths(h, 'me', 'me', { getProbability: 'p' })).toEqual({ paths: [], reason: 'same-person' });
    expect(findIntroductionPaths(h, 'me', (key) => key === 'nobody', { getProbability: 'p' })).toEqual({
      paths: [],
      reason: 'no-match',
    });
    expect(() => findIntroductionPaths(h, 'me', 'ghost', { getProbability: 'p' })).toThrow(NodeNotFoundError);
  });
});

describe('targets by predicate', () => {
  it('reaches the best-connected match; a match is never passed through', () => {
    const g = trust([
      ['me', 'x', 0.9],
      ['x', 'acme1', 0.5],
      ['x', 'y', 0.9],
      ['y', 'acme2', 0.9],
      ['acme1', 'acme2', 1],
    ]);
    g.setNodeAttribute('acme1', 'company', 'Acme');
    g.setNodeAttribute('acme2', 'company', 'Acme');
    const { paths } = findIntroductionPaths(g, 'me', (_k, a) => a['company'] === 'Acme', { getProbability: 'p', k: 5 });
    expect(paths.map((p) => p.people)).toEqual([
      ['me', 'x', 'y', 'acme2'],
      ['me', 'x', 'acme1'],
    ]);
  });
});

/** All simple paths from s with at most H arcs, ending at a target, not passing through one; cost as the finder sums it. */
function bruteForce(
  _n: number,
  arcs: Map<number, Map<number, number>>,
  s: number,
  targets: Set<number>,
  H: number,
  penalty: number,
) {
  return allChains(arcs, [s], targets, H, penalty);
}

describe('k best paths against brute force (property)', () => {
  const arb = fc.record({
    n: fc.integer({ min: 2, max: 7 }),
    arcs: fc.array(
      fc.tuple(
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom(0.5, 0.6, 0.8, 1, 0.9, 0.35, 0.72),
      ),
      { maxLength: 22 },
    ),
    k: fc.integer({ min: 1, max: 6 }),
    H: fc.integer({ min: 1, max: 5 }),
    penalty: fc.constantFrom(0, 0, 0.1),
    multi: fc.boolean(),
  });
  it('Yen: the same best reliability and the same k-best list', () => {
    fc.assert(
      fc.property(arb, ({ n, arcs, k, H, penalty, multi }) => {
        const { graph: g, map } = trustNetwork(n, arcs);
        const targets = multi ? new Set([n - 1, Math.floor(n / 2)].filter((t) => t !== 0)) : new Set([n - 1]);
        const expected = bruteForce(n, map, 0, targets, H, penalty).slice(0, k);
        const target = multi ? (key: string) => targets.has(Number(key.slice(1))) : `n${n - 1}`;
        const result = findIntroductionPaths(g, 'n0', target, {
          getProbability: 'p',
          k,
          maxHops: H,
          hopPenalty: penalty,
        });
        // The one-shot search reads rows lazily; the finder reads an index built once: the same answer.
        expect(
          createIntroductionFinder(g, { getProbability: 'p' }).find('n0', target, {
            k,
            maxHops: H,
            hopPenalty: penalty,
          }),
        ).toEqual(result);
        expect(result.paths.map((p) => p.people.map((x) => Number(x.slice(1))))).toEqual(expected.map((p) => p.nodes));
        result.paths.forEach((p, i) => expect(p.cost).toBe(expected[i]!.cost));
        if (expected.length === 0) expect(result.reason).toBeDefined();
      }),
      { numRuns: 3000 },
    );
  });

  it('diverse: intermediaries never repeat, and the first path is the best', () => {
    fc.assert(
      fc.property(arb, ({ n, arcs, k, H }) => {
        const names = Array.from({ length: n }, (_, i) => `n${i}`);
        const g = trust(
          arcs
            .filter(([u, v]) => u % n !== v % n)
            .map(([u, v, p]) => [names[u % n]!, names[v % n]!, p] as [string, string, number]),
          names,
        );
        const best = findIntroductionPaths(g, 'n0', `n${n - 1}`, { getProbability: 'p', k: 1, maxHops: H });
        const diverse = findIntroductionPaths(g, 'n0', `n${n - 1}`, {
          getProbability: 'p',
          k,
          maxHops: H,
          diverse: true,
        });
        expect(diverse.paths[0]?.people).toEqual(best.paths[0]?.people);
        const middles = diverse.paths.flatMap((p) => p.people.slice(1, -1));
        expect(new Set(middles).size).toBe(middles.length);
        const keys = diverse.paths.map((p) => p.people.join());
        expect(new Set(keys).size).toBe(keys.length);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('k = 1 is the first of the k = 2 list, and one-shot equals the finder (strength mode)', () => {
  it('on a generated network: 300 seeded pairs, 2 to 4 hops', async () => {
    const { generateNetwork } = await import('goodwill/fixtures');
    const g = generateNetwork({ seed: 21, people: 400 });
    const finder = createIntroductionFinder(g, { now: '2025-01-01' });
    let found = 0;
    for (const [s, t, i] of seededPairs(g.nodes(), 300)) {
      const maxHops = 2 + (i % 3);
      const one = finder.find(s, t, { k: 1, maxHops });
      const yenFirst = finder.find(s, t, { k: 2, maxHops }).paths[0];
      expect(one.paths[0]?.people, `${s}→${t}`).toEqual(yenFirst?.people);
      if (i % 10 === 0) expect(findIntroductionPaths(g, s, t, { now: '2025-01-01', k: 1, maxHops })).toEqual(one);
      if (yenFirst) {
        found++;
        expect(one.paths[0]!.cost).toBe(yenFirst.cost);
      }
    }
    expect(found).toBeGreaterThan(30);
  });
});

describe('strength mode', () => {
  const DAY = 86_400_000;
  const at = (d: number) => Date.UTC(2024, 0, 1) + d * DAY;
  const weekly = (from: number, to: number, offset = 0) =>
    Array.from({ length: to - from }, (_, w) => ({ at: at(7 * (from + w) + offset) }));
  const g = new Graph();
  for (const k of ['me', 'warm', 'old', 'fan', 't']) g.addNode(k);
  g.addEdge('me', 'warm', { interactions: weekly(0, 20) });
  g.addEdge('warm', 'me', { interactions: weekly(0, 20, 1) });
  g.addEdge('warm', 't', { interactions: weekly(0, 20) });
  g.addEdge('t', 'warm', { interactions: weekly(0, 20, 2) });
  g.addEdge('me', 'old', { interactions: weekly(0, 5) }); // dormant by day 140
  g.addEdge('old', 'me', { interactions: weekly(0, 5, 1) });
  g.addEdge('old', 't', { interactions: weekly(0, 20) });
  g.addEdge('t', 'old', { interactions: weekly(0, 20, 1) });
  g.addEdge('me', 'fan', { interactions: weekly(0, 20) }); // one-sided: fan never writes back
  g.addEdge('fan', 't', { interactions: weekly(0, 20) });
  g.addEdge('t', 'fan', { interactions: weekly(0, 20, 1) });
  const now = at(140);

  it('uses warm ties only: dormant and one-sided ties are left out unless asked', () => {
    const r = findIntroductionPaths(g, 'me', 't', { now });
    expect(r.paths.map((p) => p.people)).toEqual([['me', 'warm', 't']]);
    expect(r.paths[0]!.hops[0]).toMatchObject({ from: 'me', to: 'warm', stage: 'engaged' }); // weekly, two-way, no gives: engaged
    expect(r.paths[0]!.hops[0]!.strength).toBe(r.paths[0]!.hops[0]!.probability);
    const all = findIntroductionPaths(g, 'me', 't', { now, includeDormant: true, includeOneSided: true, k: 5 });
    expect(all.paths.map((p) => p.people[1]).sort()).toEqual(['fan', 'old', 'warm']);
    expect(findIntroductionPaths(g, 'me', 't', { now, minStage: 'trusted' }).paths).toEqual([]);
    expect(
      findIntroductionPaths(g, 'me', 't', { now, eligible: (tie) => tie.a !== 'warm' && tie.b !== 'warm' }).reason,
    ).toBe('no-eligible-tie');
    expect(
      findIntroductionPaths(g, 'me', 't', { now, eligible: (tie) => !(tie.a === 't' && tie.b === 'warm') }).reason,
    ).toBe('no-path');
  });

  it('a finder answers many queries on one index, deterministically, without mutating a frozen graph', () => {
    const copy = g.copy();
    freezeGraph(copy);
    const before = snapshot(copy);
    const finder = createIntroductionFinder(copy, { now });
    expect(finder.size).toEqual({ people: 5, arcs: 8 }); // me–warm, warm–t, old–t, fan–t, both ways
    expect(finder.memoryBytes).toBeGreaterThan(0);
    expect(finder.find('me', 't')).toEqual(finder.find('me', 't'));
    expect(finder.find('t', 'me').paths[0]!.people).toEqual(['t', 'warm', 'me']);
    expect(snapshot(copy)).toBe(before);
  });

  it('works with prototype-named keys', () => {
    const m = new MultiDirectedGraph();
    for (const k of ['__proto__', 'constructor', 'toString']) m.addNode(k);
    m.addEdge('__proto__', 'constructor', { p: 0.9 });
    m.addEdge('toString', '__proto__', { p: 0.8 });
    // hop constructor→__proto__ (0.9), __proto__→toString (0.8)
    expect(findIntroductionPaths(m, 'constructor', 'toString', { getProbability: 'p' }).paths[0]!.people).toEqual([
      'constructor',
      '__proto__',
      'toString',
    ]);
  });

  it('names what is wrong', () => {
    expect(() => createIntroductionFinder(g, {})).toThrow(/`now` is required/);
    expect(() => createIntroductionFinder(g, { now, minStage: 'friend' as never })).toThrow(InvalidOptionError);
    const bad = trust([['a', 'b', 1.5]]);
    // A finder reads a probability when a question (or its build) first needs it.
    expect(() => createIntroductionFinder(bad, { getProbability: 'p' }).find('a', 'b')).toThrow(
      /must be a number in \[0, 1\]/,
    );
    expect(() => createIntroductionFinder(bad, { getProbability: 'p' }).size).toThrow(/must be a number in \[0, 1\]/);
    const finder = createIntroductionFinder(g, { now });
    expect(() => finder.find('me', 't', { k: 0 })).toThrow(/`k`/);
    expect(() => finder.find('me', 't', { maxHops: 0 })).toThrow(/maxHops/);
    expect(() => finder.find('me', 't', { exclude: ['ghost'] })).toThrow(NodeNotFoundError);
    expect(() => finder.find('me', {} as never)).toThrow(/target must be/);
    expect(() => finder.find('me', 't', { exclude: 'ghost' as never })).toThrow(/`exclude` must be an array/);
  });
});

const keep = (x: unknown) => x;

describe('probability mode: which bad value is reported', () => {
  it('does not depend on the order edges were added in', () => {
    const edges: [string, string, unknown][] = [
      ['a', 'b', 1.5],
      ['c', 'd', -1],
      ['b', 'c', 0.5],
      ['d', 'a', 'high'],
    ];
    const build = (order: number[]) => {
      const g = new Graph();
      for (const i of order) {
        const [s, t, p] = edges[i]!;
        g.mergeNode(s);
        g.mergeNode(t);
        g.addEdgeWithKey(`${s}->${t}`, s, t, { p }); // keys from content: graphology's generated keys depend on the order
      }
      return g;
    };
    const error = (order: number[]) => {
      try {
        keep(createIntroductionFinder(build(order), { getProbability: 'p' }).size); // the build reads every edge
      } catch (e) {
        return { message: (e as Error).message, location: (e as { location: unknown }).location };
      }
      return null;
    };
    const first = error([0, 1, 2, 3]);
    expect(first).toMatchObject({ location: { source: 'a', target: 'b', field: 'getProbability' } });
    for (const order of [
      [3, 2, 1, 0],
      [1, 3, 0, 2],
      [2, 0, 3, 1],
    ])
      expect(error(order)).toEqual(first);
  });
});
