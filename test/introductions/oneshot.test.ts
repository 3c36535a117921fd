/**
 * Issue 25's property: a one-shot question (which first proves, on the raw
 * graph, whether a chain exists within the hop limit, then searches only the
 * people a chain can pass through) gives the finder's answer — paths, costs
 * and the reason when there is none — on random small graphs of every kind:
 * directed, undirected and mixed edges, parallel edges, self-loops, missing
 * and zero probabilities, a probability threshold, excluded people, teams and
 * target predicates.
 */
import { MultiGraph } from 'graphology';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NodeNotFoundError } from 'goodwill';
import { createIntroductionFinder, findIntroductionPaths, type FindOptions } from 'goodwill/introductions';
import { applyEdgeStep, edgeStep } from './chains.js';

const edge = fc.record({
  a: fc.nat(7),
  b: fc.nat(7),
  p: fc.constantFrom(0, 0.3, 0.5, 0.6, 0.9, 1, null),
  undirected: fc.boolean(),
});

const question = fc.record({
  s: fc.nat(7),
  t: fc.nat(7),
  team: fc.boolean(),
  predicate: fc.boolean(),
  exclude: fc.array(fc.nat(7), { maxLength: 2 }),
  k: fc.integer({ min: 1, max: 3 }),
  maxHops: fc.constantFrom(1, 2, 3, 4, 5),
  diverse: fc.boolean(),
});

const graphArb = fc.record({
  n: fc.integer({ min: 2, max: 8 }),
  type: fc.constantFrom('directed' as const, 'undirected' as const, 'mixed' as const),
  edges: fc.array(edge, { maxLength: 30 }),
  minProbability: fc.constantFrom(0, 0.5),
  questions: fc.array(question, { minLength: 1, maxLength: 8 }),
});

describe('one-shot equals the finder (property, issue 25)', () => {
  it('same paths, costs and no-chain reasons on random graphs and questions', () => {
    fc.assert(
      fc.property(graphArb, ({ n, type, edges, minProbability, questions }) => {
        const g = new MultiGraph({ type });
        for (let i = 0; i < n; i++) g.addNode(`n${i}`);
        for (const { a, b, p, undirected } of edges) {
          const [x, y] = [`n${a % n}`, `n${b % n}`];
          const attributes = p === null ? {} : { p };
          if (type === 'undirected' || (type === 'mixed' && undirected)) g.addUndirectedEdge(x, y, attributes);
          else g.addDirectedEdge(x, y, attributes);
        }
        const options = { getProbability: 'p', minProbability } as const;
        const finder = createIntroductionFinder(g, options);
        expect(finder.size.people).toBe(n); // built now: its index, not questions on the raw graph
        for (const q of questions) {
          const s = `n${q.s % n}`;
          const t = `n${q.t % n}`;
          const other = `n${(q.s + 1) % n}`;
          const source = q.team && other !== t ? [s, other] : s;
          const target = q.predicate ? (key: string) => key === t || key === `n${(q.t + 3) % n}` : t;
          const find: FindOptions = {
            k: q.k,
            maxHops: q.maxHops,
            diverse: q.diverse,
            exclude: q.exclude.map((x) => `n${x % n}`),
          };
          const expected = finder.find(source, target, find);
          expect(findIntroductionPaths(g, source, target, { ...options, ...find })).toEqual(expected);
        }
      }),
      { numRuns: 1500 },
    );
  });
});

describe('a finder before its build (issue 25)', () => {
  /** The 30 questions between p0 … p5; `find` gets the question's number too. */
  const ask = (find: (s: string, t: string, o: FindOptions, i: number) => unknown) => {
    const out: unknown[] = [];
    for (let s = 0; s < 6; s++)
      for (let t = 0; t < 6; t++)
        if (s !== t) out.push(find(`p${s}`, `p${t}`, { k: 2, maxHops: 1 + ((s + t) % 4) }, out.length));
    return out;
  };
  // A finder builds once its questions have read as much as a build costs: on a small graph, after its first
  // question. So every question also goes to a finder of its own, which answers it on the raw graph.
  const options = { getProbability: 'p' } as const;
  const firstQuestions = (g: MultiGraph) => Array.from({ length: 31 }, () => createIntroductionFinder(g, options));

  it('answers as a built finder, after edits and updates too; people added later are not there for it', () => {
    fc.assert(
      fc.property(fc.array(edgeStep, { maxLength: 40 }), fc.array(edgeStep, { maxLength: 20 }), (before, after) => {
        const g = new MultiGraph();
        for (let i = 0; i < 6; i++) g.addNode(`p${i}`);
        for (const s of before) applyEdgeStep(g, s);
        const lazy = createIntroductionFinder(g, options);
        const fresh = firstQuestions(g);
        const later = firstQuestions(g);
        const built = createIntroductionFinder(g, options);
        expect(built.size.people).toBe(6);
        const expected = ask((s, t, o) => built.find(s, t, o));
        expect(ask((s, t, o) => lazy.find(s, t, o))).toEqual(expected);
        expect(ask((s, t, o, i) => fresh[i]!.find(s, t, o))).toEqual(expected);
        // Someone new, who trusts and is trusted by everyone: not in the finders' people.
        g.addNode('late');
        for (let i = 0; i < 6; i++) {
          g.addDirectedEdge('late', `p${i}`, { p: 1 });
          g.addDirectedEdge(`p${i}`, 'late', { p: 1 });
        }
        for (const s of after) {
          const pair = applyEdgeStep(g, s);
          for (const finder of [lazy, built, ...later]) finder.update([pair]);
        }
        expect(() => createIntroductionFinder(g, options).find('p0', 'late')).not.toThrow();
        expect(() => later[30]!.find('p0', 'late')).toThrow(NodeNotFoundError);
        expect(() => later[30]!.update([['p0', 'late']])).toThrow(NodeNotFoundError);
        const now = ask((s, t, o) => built.find(s, t, o));
        expect(ask((s, t, o) => lazy.find(s, t, o))).toEqual(now);
        expect(ask((s, t, o, i) => later[i]!.find(s, t, o))).toEqual(now);
      }),
      { numRuns: 300 },
    );
  });
});
