/**
 * personHealth's brokerage is the one `brokerage` computes (unweighted), on
 * every graph type — directed, undirected, mixed, simple or multi — and on a
 * prepared network, where the kernel measures it around the person only.
 */
import Graph from 'graphology';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { personHealth, prepareNetwork } from 'goodwill';
import { personBrokerage as brokerage } from 'goodwill/brokerage';

const T0 = Date.UTC(2024, 0, 1);
const N = 7;

const edges = fc.array(
  fc.record({
    s: fc.integer({ min: 0, max: N - 1 }),
    t: fc.integer({ min: 0, max: N - 1 }),
    undirected: fc.boolean(),
  }),
  { maxLength: 30 },
);

function build(
  type: 'directed' | 'undirected' | 'mixed',
  multi: boolean,
  list: { s: number; t: number; undirected: boolean }[],
) {
  const g = new Graph({ type, multi });
  for (let i = 0; i < N; i++) g.addNode(`n${i}`);
  for (const { s, t, undirected } of list) {
    if (s === t) continue;
    const [a, b] = [`n${s}`, `n${t}`];
    const asUndirected = type === 'undirected' || (type === 'mixed' && undirected);
    const attributes = { interactions: [{ at: T0, from: a }] };
    if (!multi && (asUndirected ? g.hasUndirectedEdge(a, b) : g.hasDirectedEdge(a, b))) continue;
    if (!multi && type === 'mixed' && (g.hasUndirectedEdge(a, b) || g.hasDirectedEdge(a, b) || g.hasDirectedEdge(b, a)))
      continue;
    if (asUndirected) g.addUndirectedEdge(a, b, attributes);
    else g.addDirectedEdge(a, b, attributes);
  }
  return g;
}

describe("personHealth's brokerage", () => {
  it('equals brokerage() on every graph type, from the graph and from a prepared network', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('directed' as const, 'undirected' as const, 'mixed' as const),
        fc.boolean(),
        edges,
        fc.integer({ min: 0, max: N - 1 }),
        (type, multi, list, p) => {
          const g = build(type, multi, list);
          const person = `n${p}`;
          const b = brokerage(g, person);
          const want = { constraint: b.constraint, effectiveSize: b.effectiveSize, efficiency: b.efficiency };
          expect(personHealth(g, person, { now: T0 }).brokerage).toEqual(want);
          expect(personHealth(prepareNetwork(g), person, { now: T0 }).brokerage).toEqual(want);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('a mixed graph of undirected edges only is not read as undirected (the case that differed)', () => {
    const g = new Graph({ type: 'mixed' });
    for (const n of ['a', 'b', 'c', 'd']) g.addNode(n);
    g.addUndirectedEdge('a', 'b', { interactions: [{ at: T0, from: 'a' }] });
    g.addUndirectedEdge('a', 'c', { interactions: [{ at: T0, from: 'a' }] });
    g.addUndirectedEdge('a', 'd', { interactions: [{ at: T0, from: 'a' }] });
    g.addUndirectedEdge('b', 'c', { interactions: [{ at: T0, from: 'b' }] });
    // Σⱼ [1 − Σ_q pᵢq m_jq / maxₖ m_jk] by hand: b and c each lose 1/3 · 2/2, d loses nothing: 3 − 2/3.
    expect(brokerage(g, 'a').effectiveSize).toBeCloseTo(3 - 2 / 3, 12);
    expect(personHealth(g, 'a', { now: T0 }).brokerage.effectiveSize).toBe(brokerage(g, 'a').effectiveSize);
  });
});
