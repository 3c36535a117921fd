import Graph, { DirectedGraph, MultiDirectedGraph, UndirectedGraph } from 'graphology';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InvalidOptionError, NodeNotFoundError, tieStrengths } from 'goodwill';
import { personBrokerage, networkBrokerage } from 'goodwill/brokerage';
import { parseEdgeList } from 'goodwill/fixtures';
import { describeData, readDataFile } from '../helpers/data.js';
import { freezeGraph, snapshot } from '../helpers/frozen.js';
import { cleanPrototypePollutionAfterEach } from '../helpers/pollution.js';

cleanPrototypePollutionAfterEach();

interface OracleGraph {
  directed: boolean;
  weight: string | null;
  edges?: [string, string, number][];
  values: Record<string, [number | null, number | null]>;
}
const oracle = JSON.parse(readFileSync(new URL('../oracles/brokerage.json', import.meta.url), 'utf8')) as {
  graphs: Record<string, OracleGraph>;
};

function fromOracle(g: OracleGraph): Graph {
  const graph = g.directed ? new DirectedGraph() : new UndirectedGraph();
  for (const [u, v, w] of g.edges!) graph.mergeEdge(u, v, { weight: w });
  return graph;
}

function compare(graph: Graph, expected: OracleGraph, weighted: boolean) {
  const all = networkBrokerage(graph, weighted ? { getEdgeWeight: 'weight' } : {});
  let compared = 0;
  for (const [node, [c, e]] of Object.entries(expected.values)) {
    const ours = all[node]!;
    if (c === null) {
      // NetworkX: NaN for a node without successors; goodwill measures every node with a neighbour.
      expect(graph.outDegree(node), node).toBe(0);
      continue;
    }
    expect(ours.constraint!, `${node} constraint`).toBeCloseTo(c, 9);
    expect(ours.effectiveSize!, `${node} effective size`).toBeCloseTo(e!, 9);
    compared++;
  }
  return compared;
}

describe('brokerage: the NetworkX test graphs (published values)', () => {
  const borgatti = fromOracle(oracle.graphs['borgatti']!);
  it("Borgatti's example: C = 0.400 / 0.595 / 1, ES = 4.67 / 2.50 / 1", () => {
    expect(personBrokerage(borgatti, 'G').constraint).toBeCloseTo(0.4, 3);
    expect(personBrokerage(borgatti, 'A').constraint).toBeCloseTo(0.595, 3);
    expect(personBrokerage(borgatti, 'C').constraint).toBeCloseTo(1, 3);
    expect(personBrokerage(borgatti, 'G').effectiveSize).toBeCloseTo(4.67, 2);
    expect(personBrokerage(borgatti, 'A').effectiveSize).toBeCloseTo(2.5, 2);
    expect(personBrokerage(borgatti, 'C')).toMatchObject({ effectiveSize: 1, efficiency: 1, degree: 1 });
    // G has 6 contacts: efficiency 4.67 / 6.
    expect(personBrokerage(borgatti, 'G').efficiency).toBeCloseTo(4.6666666667 / 6, 9);
  });
  for (const name of ['nx-directed', 'nx-directed-weighted', 'borgatti', 'borgatti-weighted']) {
    it(`${name}: every node to 1e-9`, () => {
      const g = oracle.graphs[name]!;
      expect(compare(fromOracle(g), g, g.weight !== null)).toBe(Object.keys(g.values).length);
    });
  }
  it('the constraint contributions sum to the constraint and name the neighbours', () => {
    const r = personBrokerage(borgatti, 'A');
    expect(r.contributions.map((c) => c.person).sort()).toEqual(['B', 'E', 'F', 'G']);
    expect(r.contributions.reduce((s, c) => s + c.constraint, 0)).toBeCloseTo(r.constraint!, 12);
    expect(r.contributions.reduce((s, c) => s + c.investment, 0)).toBeCloseTo(1, 12);
  });
});

describeData('brokerage agrees with NetworkX on real graphs (test/oracles/brokerage.json)', () => {
  it('karate club and Florentine families: every node', () => {
    for (const [name, file] of [
      ['karate', 'karate-club.edges.csv'],
      ['florentine', 'florentine-families.edges.csv'],
    ] as const) {
      const g = parseEdgeList(readDataFile(`karate-florentine/${file}`), { format: 'csv', type: 'undirected' });
      expect(compare(g, oracle.graphs[name]!, false)).toBe(g.order);
    }
  });
  it('email-Eu-core (directed): 150 seeded nodes (those with successors; NetworkX gives the others NaN)', () => {
    const g = parseEdgeList(readDataFile('email-eu-core-temporal/email-Eu-core-temporal.txt.gz'), {
      format: 'snap',
      timeOrigin: '2003-10-01', // its times count from the start of the recording
    });
    g.forEachEdge((e, _a, s, t) => {
      if (s === t) g.dropEdge(e);
    });
    expect(compare(g, oracle.graphs['email-eu']!, false)).toBeGreaterThan(100);
  });
  it('Bitcoin OTC (positive ratings as weights) and Advogato (trust levels): 200 seeded nodes each', () => {
    const otc = parseEdgeList(readDataFile('soc-sign-bitcoinotc/soc-sign-bitcoinotc.csv'), {
      format: 'csv',
      header: false,
      columns: { source: 0, target: 1, weight: 2 },
    });
    const positive = new DirectedGraph();
    otc.forEachEdge((_e, a, s, t) => {
      if ((a.weight as number) > 0 && s !== t) positive.mergeEdge(s, t, { weight: a.weight });
    });
    expect(compare(positive, oracle.graphs['bitcoin-otc-positive']!, true)).toBeGreaterThan(100);
    const advogato = parseEdgeList(readDataFile('advogato/out.advogato'), { format: 'konect' });
    advogato.forEachEdge((e, _a, s, t) => {
      if (s === t) advogato.dropEdge(e);
    });
    expect(compare(advogato, oracle.graphs['advogato']!, true)).toBeGreaterThan(100);
  });
});

describe('brokerage properties', () => {
  const graphs = fc.record({
    n: fc.integer({ min: 2, max: 8 }),
    edges: fc.array(
      fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 7 }), fc.integer({ min: 1, max: 5 })),
      { maxLength: 20 },
    ),
    directed: fc.boolean(),
  });
  it('bounds; one call per person equals the whole-network pass; relabelling does not change the values', () => {
    fc.assert(
      fc.property(graphs, ({ n, edges, directed }) => {
        const make = (name: (i: number) => string) => {
          const g = directed ? new DirectedGraph() : new UndirectedGraph();
          for (let i = 0; i < n; i++) g.addNode(name(i));
          for (const [u, v, w] of edges) if (u % n !== v % n) g.mergeEdge(name(u % n), name(v % n), { weight: w });
          return g;
        };
        const g = make((i) => `n${i}`);
        const h = make((i) => `m${String.fromCharCode(122 - i)}`); // reversed key order
        for (const options of [{}, { getEdgeWeight: 'weight' }]) {
          const all = networkBrokerage(g, options);
          const other = networkBrokerage(h, options);
          for (let i = 0; i < n; i++) {
            const r = all[`n${i}`]!;
            const one = personBrokerage(g, `n${i}`, options);
            expect(one.constraint).toEqual(r.constraint === null ? null : expect.closeTo(r.constraint, 12));
            const s = other[`m${String.fromCharCode(122 - i)}`]!;
            if (r.constraint === null) {
              expect(r).toEqual({ constraint: null, effectiveSize: null, efficiency: null, degree: 0 });
              continue;
            }
            expect(s.constraint!).toBeCloseTo(r.constraint, 12);
            expect(s.effectiveSize!).toBeCloseTo(r.effectiveSize!, 12);
            expect(r.constraint).toBeGreaterThan(0);
            // A lone contact constrains fully: C = 1 for degree 1.
            if (r.degree === 1) expect(r.constraint).toBeCloseTo(1, 12);
            expect(r.efficiency!).toBeGreaterThan(0);
            expect(r.efficiency!).toBeLessThanOrEqual(1 + 1e-12);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('brokerage options, purity and errors', () => {
  it('weights ties by strength; works with prototype keys and frozen graphs', () => {
    const g = new MultiDirectedGraph();
    for (const k of ['__proto__', 'constructor', 'toString']) g.addNode(k);
    const at = (d: number) => Date.UTC(2024, 0, 1 + d);
    g.addEdge('__proto__', 'constructor', { interactions: [{ at: at(0) }, { at: at(5) }] });
    g.addEdge('constructor', '__proto__', { interactions: [{ at: at(1) }] });
    g.addEdge('__proto__', 'toString', { interactions: [{ at: at(2) }] });
    freezeGraph(g);
    const before = snapshot(g);
    const plain = personBrokerage(g, '__proto__');
    expect(plain.degree).toBe(2);
    // Two unconnected contacts: no redundancy.
    expect(plain.effectiveSize).toBeCloseTo(2, 12);
    const byStrength = personBrokerage(g, '__proto__', { weightByStrength: true, now: at(10) });
    expect(byStrength.contributions[0]!.person).toBe('constructor'); // the stronger tie constrains more
    expect(snapshot(g)).toBe(before);
    expect(networkBrokerage(g)['toString']).toMatchObject({ degree: 1, constraint: 1 });
  });
  it('assign writes node attributes', () => {
    const g = fromOracle(oracle.graphs['borgatti']!);
    networkBrokerage.assign(g);
    expect(g.getNodeAttribute('G', 'brokerage')).toEqual(networkBrokerage(g)['G']);
    expect(g.getNodeAttribute('G', 'brokerage').constraint).toBeCloseTo(0.4, 3);
    networkBrokerage.assign(g, { attribute: 'burt' });
    expect(g.getNodeAttribute('A', 'burt')).toEqual(networkBrokerage(g)['A']);
    expect(g.getNodeAttribute('G', 'constraint')).toBeUndefined();
  });
  it('names what is wrong', () => {
    const g = fromOracle(oracle.graphs['borgatti']!);
    expect(() => personBrokerage(g, 'Z')).toThrow(NodeNotFoundError);
    expect(() => personBrokerage(g, 'A', { getEdgeWeight: 42 as never })).toThrow(InvalidOptionError);
    g.setEdgeAttribute('A', 'B', 'weight', -1);
    expect(() => personBrokerage(g, 'A', { getEdgeWeight: 'weight' })).toThrow(/weights must be finite numbers >= 0/);
    expect(() => personBrokerage(g, 'A', { weightByStrength: true })).toThrow(/`now` is required/);
    const both = () => personBrokerage(g, 'A', { weightByStrength: true, getEdgeWeight: 'weight', now: '2024-01-01' });
    expect(both).toThrow(/`getEdgeWeight` must be left out with `weightByStrength: true`/);
    expect(() => personBrokerage(g, 'A', { weightByStrength: 'yes' as never })).toThrow(
      /`weightByStrength` must be true/,
    );
  });
  it("getEdgeWeight: 'strength' reads the edge attribute, as tieStrengths.assign writes it", () => {
    const g = new DirectedGraph();
    const at = (d: number) => Date.UTC(2024, 0, 1 + d);
    // One edge per pair (both sides' interactions on it, with `from`): strength weighs each pair once.
    g.mergeEdge('a', 'b', { interactions: [{ at: at(0) }, { at: at(2), from: 'b' }, { at: at(9), kind: 'call' }] });
    g.mergeEdge('a', 'c', { interactions: [{ at: at(3) }] });
    g.mergeEdge('c', 'b', { interactions: [{ at: at(4), kind: 'meeting' }] });
    g.mergeEdge('c', 'd', { interactions: [{ at: at(6) }, { at: at(7) }] });
    const now = at(10);
    expect(() => personBrokerage(g, 'a', { getEdgeWeight: 'strength' })).toThrow(/is undefined/);
    tieStrengths.assign(g, { now });
    const byAttribute = networkBrokerage(g, { getEdgeWeight: 'strength' });
    expect(byAttribute).toEqual(networkBrokerage(g, { weightByStrength: true, now }));
    expect(byAttribute).not.toEqual(networkBrokerage(g));
  });
});

describe('brokerage over the interaction index (networkHealth)', () => {
  it('equals networkBrokerage on a simple directed graph', async () => {
    const { buildIndex } = await import('../../src/core/interaction-index.js');
    const { brokerageOfIndex } = await import('../../src/kernel/brokerage.js');
    const { generateNetwork } = await import('goodwill/fixtures');
    const g = generateNetwork({ seed: 8, people: 200 });
    const a = brokerageOfIndex(buildIndex(g, {}, 'test'));
    const b = networkBrokerage(g);
    expect(Object.keys(a)).toEqual(Object.keys(b));
    for (const [k, v] of Object.entries(b)) {
      const w = a[k]!;
      expect(w.degree).toBe(v.degree);
      if (v.constraint === null) expect(w.constraint).toBeNull();
      else {
        expect(w.constraint!).toBeCloseTo(v.constraint, 12);
        expect(w.effectiveSize!).toBeCloseTo(v.effectiveSize!, 12);
      }
    }
  });
});

describe('brokerage with hubs (repro D23: linear in the ties read)', () => {
  /** NetworkX's formulas, pair by pair: O(d²) per person, the reference. */
  function reference(g: Graph, weighted: boolean): Map<string, { constraint: number; effectiveSize: number }> {
    const m = new Map<string, Map<string, number>>();
    const add = (u: string, v: string, w: number) => {
      if (!m.has(u)) m.set(u, new Map());
      m.get(u)!.set(v, (m.get(u)!.get(v) ?? 0) + w);
    };
    // Unweighted, aᵢⱼ ∈ {0, 1}: parallel edges of one direction count once.
    const arcs = new Set<string>();
    g.forEachEdge((_e, a, s, t, _sa, _ta, undirected) => {
      if (s === t) return;
      let w: number;
      if (weighted) w = (a['weight'] as number) * (undirected ? 2 : 1);
      else {
        w = 0;
        for (const [x, y] of undirected
          ? [
              [s, t],
              [t, s],
            ]
          : [[s, t]]) {
          const arc = JSON.stringify([x, y]);
          if (!arcs.has(arc)) {
            arcs.add(arc);
            w++;
          }
        }
        if (w === 0) return;
      }
      add(s, t, w);
      add(t, s, w);
    });
    const mm = (u: string, v: string) => m.get(u)?.get(v) ?? 0;
    const sum = (u: string) => [...(m.get(u)?.values() ?? [])].reduce((x, y) => x + y, 0);
    const max = (u: string) => Math.max(0, ...(m.get(u)?.values() ?? []));
    const p = (u: string, v: string) => mm(u, v) / sum(u);
    const out = new Map<string, { constraint: number; effectiveSize: number }>();
    for (const [i, row] of m) {
      const nbrs = [...row.keys()];
      let constraint = 0;
      let effectiveSize = 0;
      for (const j of nbrs) {
        let indirect = 0;
        let redundancy = 0;
        for (const q of nbrs) {
          if (q === j) continue;
          indirect += p(i, q) * p(q, j);
          redundancy += (p(i, q) * mm(j, q)) / max(j);
        }
        constraint += (p(i, j) + indirect) ** 2;
        effectiveSize += 1 - redundancy;
      }
      out.set(i, { constraint, effectiveSize });
    }
    return out;
  }

  it('equals the pair-by-pair formulas where a hub meets small neighbourhoods (property)', () => {
    const graphs = fc.record({
      hubTies: fc.integer({ min: 5, max: 40 }),
      extra: fc.array(fc.tuple(fc.nat({ max: 40 }), fc.nat({ max: 40 }), fc.integer({ min: 1, max: 4 })), {
        maxLength: 40,
      }),
    });
    fc.assert(
      fc.property(graphs, ({ hubTies, extra }) => {
        const g = new MultiDirectedGraph();
        const key = (i: number) => `p${String(i).padStart(2, '0')}`;
        g.addNode('hub');
        for (let i = 0; i < 41; i++) g.addNode(key(i));
        for (let i = 0; i < hubTies; i++)
          g.addEdge(i % 3 === 0 ? key(i) : 'hub', i % 3 === 0 ? 'hub' : key(i), { weight: 1 + (i % 4) });
        for (const [u, v, w] of extra) if (u !== v) g.addEdge(key(u), key(v), { weight: w });
        for (const weighted of [false, true]) {
          const expected = reference(g, weighted);
          const all = networkBrokerage(g, weighted ? { getEdgeWeight: 'weight' } : {});
          for (const [node, r] of expected) {
            expect(all[node]!.constraint!, node).toBeCloseTo(r.constraint, 12);
            expect(all[node]!.effectiveSize!, node).toBeCloseTo(r.effectiveSize, 12);
          }
          const hub = personBrokerage(g, 'hub', weighted ? { getEdgeWeight: 'weight' } : {});
          expect(hub.constraint!).toBeCloseTo(expected.get('hub')!.constraint, 12);
          expect(hub.effectiveSize!).toBeCloseTo(expected.get('hub')!.effectiveSize, 12);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('brokerage errors do not depend on insertion order', () => {
  it('reports the same bad weight whatever the edge order', () => {
    const build = (order: number[]) => {
      const g = new DirectedGraph();
      for (const k of ['a', 'b', 'c']) g.addNode(k);
      const edges: [string, string, string, unknown][] = [
        ['cb', 'c', 'b', -1],
        ['ab', 'a', 'b', 'x'],
        ['bc', 'b', 'c', 2],
      ];
      for (const i of order) g.addEdgeWithKey(edges[i]![0], edges[i]![1], edges[i]![2], { weight: edges[i]![3] });
      return g;
    };
    const error = (g: Graph) => {
      try {
        networkBrokerage(g, { getEdgeWeight: 'weight' });
      } catch (e) {
        return (e as InvalidOptionError).location;
      }
      return null;
    };
    expect(error(build([0, 1, 2]))).toEqual({ edge: 'ab', source: 'a', target: 'b', field: 'getEdgeWeight' });
    expect(error(build([2, 1, 0]))).toEqual(error(build([0, 1, 2])));
  });
});
