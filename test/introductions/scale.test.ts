/**
 * Issue 14's properties: the one-shot search (lazy rows) equals the finder;
 * no hop limit equals brute force over all simple chains; a team of sources
 * equals the best of its members' answers; `update` equals a rebuild after
 * random edits; a finder over a prepared network equals one over the graph.
 */
import Graph, { MultiGraph } from 'graphology';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidOptionError, NodeNotFoundError, prepareNetwork } from 'goodwill';
import { createIntroductionFinder, findIntroductionPaths, type IntroductionPath } from 'goodwill/introductions';
import { allChains, applyEdgeStep, compareChains, edgeStep, seededPairs, trustNetwork as trust } from './chains.js';

const ids = (paths: IntroductionPath[]) => paths.map((p) => p.people.map((x) => Number(x.slice(1))));

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
  k: fc.integer({ min: 1, max: 5 }),
  H: fc.constantFrom(1, 2, 3, 4, Infinity),
  team: fc.integer({ min: 1, max: 3 }),
});

describe('no hop limit, teams, one-shot against the finder (property)', () => {
  it('maxHops: Infinity and any hop limit: the k best chains of a team equal brute force over its members, from the finder and one-shot', () => {
    fc.assert(
      fc.property(arb, ({ n, arcs, k, H, team }) => {
        const { graph, map } = trust(n, arcs);
        const sources = Array.from({ length: Math.min(team, n - 1) }, (_, i) => i);
        const targets = new Set([n - 1]);
        const expected = allChains(map, sources, targets, H === Infinity ? n : H).slice(0, k);
        const finder = createIntroductionFinder(graph, { getProbability: 'p' });
        expect(finder.size.people).toBe(n); // built now: its index, not questions on the raw graph
        const from = sources.length === 1 ? 'n0' : sources.map((s) => `n${s}`);
        const viaFinder = finder.find(from, `n${n - 1}`, { k, maxHops: H });
        const oneShot = findIntroductionPaths(graph, from, `n${n - 1}`, { getProbability: 'p', k, maxHops: H });
        expect(ids(viaFinder.paths)).toEqual(expected.map((p) => p.nodes));
        viaFinder.paths.forEach((p, i) => {
          expect(p.cost).toBe(expected[i]!.cost);
          expect(p.from).toBe(p.people[0]);
        });
        expect(oneShot).toEqual(viaFinder);
      }),
      { numRuns: 1500 },
    );
  });

  it('with no hop limit, a costlier prefix with fewer hops is kept when rounding can make the totals equal', () => {
    // 0.9 × 0.8 = 0.72: the chains 0→3→1→5 and 0→1→5 cost the same up to rounding, and the shorter comes first.
    const { graph, map } = trust(6, [
      [0, 3, 0.9],
      [3, 1, 0.8],
      [0, 1, 0.72],
      [1, 5, 0.35],
    ]);
    const expected = allChains(map, [0], new Set([5]), 6);
    expect(expected[0]!.nodes).toEqual([0, 1, 5]);
    for (const maxHops of [Infinity, 3, 64]) {
      expect(
        ids(createIntroductionFinder(graph, { getProbability: 'p' }).find('n0', 'n5', { k: 1, maxHops }).paths),
      ).toEqual([[0, 1, 5]]);
    }
  });

  it('a team by predicate is one search: its best chain is the best of its members\u2019 best chains', () => {
    fc.assert(
      fc.property(arb, ({ n, arcs, H, team }) => {
        const { graph } = trust(n, arcs);
        const members = new Set(Array.from({ length: Math.min(team, n - 1) }, (_, i) => `n${i}`));
        const isTarget = (key: string) => key === `n${n - 1}` || key === `n${Math.floor(n / 2)}`;
        const finder = createIntroductionFinder(graph, { getProbability: 'p' });
        const multi = finder.find((key) => members.has(key), isTarget, { k: 1, maxHops: H });
        const singles = [...members].flatMap(
          (m) => finder.find(m, (key) => isTarget(key) && !members.has(key), { k: 1, maxHops: H }).paths,
        );
        singles.sort((a, b) =>
          compareChains(
            { nodes: a.people.map((x) => Number(x.slice(1))), cost: a.cost },
            { nodes: b.people.map((x) => Number(x.slice(1))), cost: b.cost },
          ),
        );
        expect(multi.paths.map((p) => p.people)).toEqual(singles.slice(0, 1).map((p) => p.people));
        if (singles.length > 0) expect(multi.paths[0]!.from).toBe(singles[0]!.from);
      }),
      { numRuns: 1000 },
    );
  });

  it('diverse chains of a team never share an intermediary', () => {
    fc.assert(
      fc.property(arb, ({ n, arcs, k, H }) => {
        const { graph } = trust(n, arcs);
        const diverse = findIntroductionPaths(graph, ['n0', 'n1'].slice(0, n - 1), `n${n - 1}`, {
          getProbability: 'p',
          k,
          maxHops: H,
          diverse: true,
        });
        const middles = diverse.paths.flatMap((p) => p.people.slice(1, -1));
        expect(new Set(middles).size).toBe(middles.length);
      }),
      { numRuns: 500 },
    );
  });
});

describe('teams and limits: misuse and reasons', () => {
  const { graph } = trust(5, [
    [0, 1, 0.9],
    [1, 2, 0.9],
    [2, 3, 0.9],
    [3, 4, 0.9],
  ]);
  it('a team member is never a target; an unknown member is a NodeNotFoundError; an empty team an InvalidOptionError', () => {
    const finder = createIntroductionFinder(graph, { getProbability: 'p' });
    expect(finder.find(['n0', 'n2'], 'n2')).toEqual({ paths: [], reason: 'same-person' });
    expect(finder.find(['n0', 'n2'], (key) => key === 'n2')).toEqual({ paths: [], reason: 'no-match' });
    const r = finder.find(['n0', 'n2'], 'n4', { maxHops: 2 });
    expect(r.paths[0]).toMatchObject({ from: 'n2', people: ['n2', 'n3', 'n4'] });
    expect(() => finder.find(['n0', 'ghost'], 'n4')).toThrow(NodeNotFoundError);
    expect(() => finder.find([], 'n4')).toThrow(InvalidOptionError);
    expect(() => finder.find(() => false, 'n4')).toThrow(/selects nobody/);
    expect(() => finder.find('n0', 'n4', { maxHops: 2.5 })).toThrow(/`maxHops` must be an integer >= 1, or Infinity/);
  });
  it('the reason of no chain: hop limit, no path, from the bounded search', () => {
    const finder = createIntroductionFinder(graph, { getProbability: 'p' });
    expect(finder.find('n0', 'n4', { maxHops: 3 })).toEqual({ paths: [], reason: 'hop-limit' });
    expect(finder.find('n0', 'n4', { maxHops: Infinity }).paths[0]!.people).toEqual(['n0', 'n1', 'n2', 'n3', 'n4']);
    expect(finder.find('n4', 'n0', { maxHops: Infinity })).toEqual({ paths: [], reason: 'no-eligible-tie' });
    expect(finder.find('n1', 'n0', { maxHops: 2 })).toEqual({ paths: [], reason: 'no-path' });
    expect(finder.find('n0', 'n4', { maxHops: 3, exclude: ['n2'] })).toEqual({ paths: [], reason: 'no-path' });
  });
});

// ---- strength mode: update equals a rebuild; one-shot and prepared networks equal the finder ----

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);
const NOW = T0 + 200 * DAY;

/** A small people graph with interactions: edges [a, b, days…] hold a's interactions toward b. */
const edit = fc.oneof(
  fc.record({
    op: fc.constant('talk' as const),
    a: fc.nat(5),
    b: fc.nat(5),
    day: fc.integer({ min: 0, max: 199 }),
    kind: fc.constantFrom('message', 'meeting', 'help'),
  }),
  fc.record({ op: fc.constant('drop' as const), a: fc.nat(5), b: fc.nat(5) }),
  fc.record({
    op: fc.constant('override' as const),
    a: fc.nat(5),
    b: fc.nat(5),
    value: fc.constantFrom(0, 0.3, 0.9, null),
  }),
);

function applyEdit(
  g: MultiGraph,
  e: { op: string; a: number; b: number; day?: number; kind?: string; value?: number | null },
): [string, string] | null {
  const a = `p${e.a}`;
  const b = `p${e.b}`;
  if (a === b) return null;
  const edges = g.edges(a, b).filter((x) => g.source(x) === a);
  if (e.op === 'talk') {
    if (edges.length === 0) g.addEdge(a, b, { interactions: [] });
    const edge = g.edges(a, b).filter((x) => g.source(x) === a)[0]!;
    if (!g.hasEdgeAttribute(edge, 'interactions')) g.setEdgeAttribute(edge, 'interactions', []);
    (g.getEdgeAttribute(edge, 'interactions') as unknown[]).push({ at: T0 + e.day! * DAY, kind: e.kind });
  } else if (e.op === 'drop') {
    for (const x of edges) g.dropEdge(x);
  } else {
    if (edges.length === 0) g.addEdge(a, b, {});
    const edge = g.edges(a, b).filter((x) => g.source(x) === a)[0]!;
    g.setEdgeAttribute(edge, 'strengthOverride', e.value);
  }
  return [a, b];
}

function seedGraph(): MultiGraph {
  const g = new MultiGraph({ type: 'directed' });
  for (let i = 0; i < 6; i++) g.addNode(`p${i}`);
  return g;
}

function answers(find: (s: string, t: string, o: object) => unknown) {
  const out: unknown[] = [];
  for (let s = 0; s < 6; s++)
    for (let t = 0; t < 6; t++)
      if (s !== t) out.push(find(`p${s}`, `p${t}`, { k: 3, maxHops: t % 2 === 0 ? 3 : Infinity }));
  return out;
}

describe('update equals a rebuild (property)', () => {
  const options = { now: NOW, minStrength: 0, includeOneSided: true } as const;
  it('strength mode: after each random edit, update([[a, b]]) gives the answers of a new finder', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 80 }), (edits) => {
        const g = seedGraph();
        const finder = createIntroductionFinder(g, options);
        for (const e of edits) {
          const pair = applyEdit(g, e);
          if (pair) finder.update([pair]);
        }
        const fresh = createIntroductionFinder(g, options);
        expect(answers((s, t, o) => finder.find(s, t, o))).toEqual(answers((s, t, o) => fresh.find(s, t, o)));
        expect(finder.size).toEqual(fresh.size);
      }),
      { numRuns: 300 },
    );
  });

  it('probability mode: changed, added and removed edges', () => {
    fc.assert(
      fc.property(fc.array(edgeStep, { minLength: 1, maxLength: 80 }), (steps) => {
        const g = new MultiGraph();
        for (let i = 0; i < 6; i++) g.addNode(`p${i}`);
        const finder = createIntroductionFinder(g, { getProbability: 'p' });
        expect(finder.size.people).toBe(6); // built now, so that update has an index to refresh
        for (const step of steps) {
          if (step.a === step.b) continue;
          finder.update([applyEdgeStep(g, step)]);
        }
        const fresh = createIntroductionFinder(g, { getProbability: 'p' });
        expect(answers((s, t, o) => finder.find(s, t, o))).toEqual(answers((s, t, o) => fresh.find(s, t, o)));
      }),
      { numRuns: 300 },
    );
  });

  it('many updates of the same people (rows moved again and again, then compacted) still equal a rebuild', () => {
    const g = new Graph();
    for (let i = 0; i < 6; i++) g.addNode(`p${i}`);
    const finder = createIntroductionFinder(g, { getProbability: 'p' });
    expect(finder.size.people).toBe(6); // built now, so that update has an index to refresh
    for (let r = 0; r < 300; r++) {
      const [a, b] = [`p${r % 6}`, `p${(r * 5 + 1 + (r >> 4)) % 6}`];
      if (a === b) continue;
      if (g.hasEdge(a, b)) g.dropEdge(a, b);
      else g.addEdge(a, b, { p: 0.3 + (r % 7) / 10 });
      finder.update([[a, b]]);
      if (r % 25 === 0) {
        const fresh = createIntroductionFinder(g, { getProbability: 'p' });
        expect(answers((s, t, o) => finder.find(s, t, o))).toEqual(answers((s, t, o) => fresh.find(s, t, o)));
      }
    }
  });

  it('names what is wrong', () => {
    const g = seedGraph();
    const finder = createIntroductionFinder(g, options);
    g.addNode('late');
    expect(() => finder.update([['p0', 'late']])).toThrow(NodeNotFoundError);
    expect(() => finder.update([['p0', 'ghost']])).toThrow(NodeNotFoundError);
    expect(() => finder.update('p0' as never)).toThrow(InvalidOptionError);
    expect(() => createIntroductionFinder(prepareNetwork(g), options).update([['p0', 'p1']])).toThrow(
      /prepared network/,
    );
  });
});

describe('one-shot and prepared networks equal the finder (strength mode, property)', () => {
  it('same chains, costs, strengths and stages', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 30 }), (edits) => {
        const g = seedGraph();
        for (const e of edits) applyEdit(g, e);
        const options = { now: NOW, minStrength: 0.01, includeOneSided: true, includeDormant: true } as const;
        const finder = createIntroductionFinder(g, options);
        const prepared = createIntroductionFinder(prepareNetwork(g), options);
        const viaFinder = answers((s, t, o) => finder.find(s, t, o));
        expect(answers((s, t, o) => prepared.find(s, t, o))).toEqual(viaFinder);
        expect(answers((s, t, o) => findIntroductionPaths(g, s, t, { ...options, ...o }))).toEqual(viaFinder);
      }),
      { numRuns: 200 },
    );
  });
});

describe('hubs: one-shot equals the finder on a heavy-tailed network', () => {
  it('300 seeded pairs, k = 3, at most 2, 3 and 4 hops and no limit, single people and teams', async () => {
    const { heavyTailedNetwork } = await import('../../bench/heavy-tailed.js');
    const g = heavyTailedNetwork({ seed: 3, people: 600, ties: 6000 });
    const finder = createIntroductionFinder(g, { getProbability: 'p' });
    expect(finder.size.people).toBe(600); // built now: its index against questions on the raw graph
    const people = g.nodes();
    let found = 0;
    for (const [s, t, i] of seededPairs(people, 300)) {
      const source = i % 5 === 0 ? [s, people[(i * 31) % people.length]!].filter((x) => x !== t) : s;
      const maxHops = [2, 3, 4, Infinity][i % 4]!;
      const expected = finder.find(source, t, { maxHops });
      expect(findIntroductionPaths(g, source, t, { getProbability: 'p', maxHops }), `${String(source)}→${t}`).toEqual(
        expected,
      );
      if (expected.paths.length > 0) found++;
    }
    expect(found).toBeGreaterThan(100);
  });
});
