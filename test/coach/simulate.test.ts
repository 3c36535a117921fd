/**
 * simulate equals assessing a copy of the graph with the interaction added,
 * on generated networks; the graph itself is left as it was.
 */
import Graph from 'graphology';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessRelationship, GoodwillError, type Interaction, type PeopleGraph } from 'goodwill';
import { simulate } from 'goodwill/coach';
import { generateNetwork } from 'goodwill/fixtures';

const KINDS = ['message', 'call', 'meeting', 'help', 'referral', 'request', 'pitch'];

/** A copy of `g` with `x` added between a and b (on their first edge, or a new edge from its initiator). */
function added(g: PeopleGraph, a: string, b: string, x: Interaction): PeopleGraph {
  const h = g.copy() as PeopleGraph;
  const from = x.from ?? a;
  const edge = h.edges(a, b)[0] ?? h.edges(b, a)[0];
  if (edge === undefined) h.addEdge(from, from === a ? b : a, { interactions: [{ ...x, from }] });
  else h.setEdgeAttribute(edge, 'interactions', [...(h.getEdgeAttribute(edge, 'interactions') ?? []), { ...x, from }]);
  return h;
}

describe('simulate', () => {
  it('equals assessRelationship on a copy with the interaction added (random graphs, pairs with and without an edge)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: -30, max: 0 }),
        fc.constantFrom(...KINDS),
        fc.boolean(),
        fc.nat(),
        (seed, day, offset, kind, reverse, pick) => {
          const g = generateNetwork({ seed, people: 30 });
          const now = Date.UTC(2024, 6, 1) + day * 86_400_000;
          const nodes = g.nodes();
          const a = nodes[pick % nodes.length]!;
          const near = g.neighbors(a);
          // Every other case a pair without an edge.
          const b =
            pick % 2 && near.length ? near[pick % near.length]! : nodes.find((n) => n !== a && !g.areNeighbors(a, n))!;
          const x: Interaction = { at: now + offset * 86_400_000, kind, ...(reverse ? { from: b } : {}) };
          const before = JSON.stringify(g.export());
          expect(simulate(g, a, b, x, { now })).toEqual(assessRelationship(added(g, a, b, x), a, b, { now }));
          expect(JSON.stringify(g.export())).toBe(before);
        },
      ),
      { numRuns: 30, seed: 4 },
    );
  });

  it('a call to a cooling tie brings it back', () => {
    const g = generateNetwork({ seed: 3, people: 80 });
    const now = '2025-01-01';
    const cooling = g
      .nodes()
      .flatMap((p) => g.neighbors(p).map((q) => [p, q] as const))
      .find(([p, q]) => assessRelationship(g, p, q, { now }).stage === 'cooling')!;
    const after = simulate(g, cooling[0], cooling[1], { at: now, kind: 'call' }, { now });
    expect(['engaged', 'trusted']).toContain(after.stage);
  });

  it('bad input is a typed error', () => {
    const g = generateNetwork({ seed: 3, people: 10 });
    const [p, q] = g.nodes() as [string, string];
    expect(() => simulate(g, p, p, { at: '2025-01-01' }, { now: '2025-01-01' })).toThrow(/same person/);
    expect(() => simulate(g, p, q, null as never, { now: '2025-01-01' })).toThrow(/interaction/);
  });
});

describe('simulate under a bad interactions getter (found by the fuzz)', () => {
  it("a getter that returns no list gets the reader's typed error, not a TypeError", () => {
    const g = new Graph();
    g.addNode('a');
    g.addNode('b');
    g.addEdge('a', 'b', { interactions: [{ at: '2024-01-01' }] });
    expect(() =>
      simulate(
        g,
        'a',
        'b',
        { at: '2024-06-01', kind: 'call' },
        { now: '2024-06-30', getInteractions: () => 5 as never },
      ),
    ).toThrow(GoodwillError);
  });
});
