import Graph, { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  LINK_AB,
  LINK_BA,
  LINK_UNDIRECTED,
  buildIndex,
  buildPairIndex,
  eventRole,
  eventValue,
  eventsEnd,
  findDyad,
  otherEnd,
  type InteractionIndex,
} from '../../src/core/interaction-index.js';
import { cleanPrototypePollutionAfterEach } from '../helpers/pollution.js';
import { PairTable } from '../../src/core/event-columns.js';

/** Every event's value (kind value × weight). */
const values = (index: InteractionIndex): number[] => Array.from(index.time, (_, e) => eventValue(index, e));

// Graphs with a `__proto__` key make graphology 0.26 write onto Object.prototype: undo it after each test.
cleanPrototypePollutionAfterEach();

const day = (d: number) => Date.UTC(2024, 0, d);

function sample(): Graph {
  const g = new Graph({ multi: true, type: 'mixed' });
  for (const k of ['carol', 'bob', 'ann']) g.addNode(k); // insertion order differs from key order
  g.addDirectedEdge('bob', 'ann', { interactions: [{ at: day(3) }, { at: day(1), kind: 'referral', weight: 2 }] });
  g.addDirectedEdge('ann', 'bob', { interactions: [{ at: new Date(day(2)), kind: 'meeting' }] });
  g.addDirectedEdge('ann', 'bob', { interactions: [{ at: '2024-01-05T00:00:00Z', kind: 'pitch' }] }); // parallel edge
  g.addUndirectedEdge('carol', 'ann', { interactions: [{ at: day(4), from: 'carol' }] });
  g.addDirectedEdge('carol', 'bob'); // a link without interactions
  return g;
}

describe('buildIndex', () => {
  it('numbers nodes in key order and dyads by (A, B)', () => {
    const index = buildIndex(sample(), {}, 'test');
    expect(index.nodes).toEqual(['ann', 'bob', 'carol']);
    expect([...index.dyadA]).toEqual([0, 0, 1]);
    expect([...index.dyadB]).toEqual([1, 2, 2]);
  });

  it('merges parallel edges and both directions into one dyad, sorted by time, values resolved', () => {
    const index = buildIndex(sample(), {}, 'test');
    const d = findDyad(index, 0, 1);
    expect(d).toBe(0);
    const lo = index.eventOffset[d]!;
    const hi = index.eventOffset[d + 1]!;
    expect(hi - lo).toBe(4);
    expect([...index.time.subarray(lo, hi)]).toEqual([day(1), day(2), day(3), day(5)]);
    // referral (give, 8 × weight 2) from bob = B; meeting (contact 3) from ann = A; plain message from bob; pitch (ask 2) from ann
    expect(values(index).slice(lo, hi)).toEqual([16, 3, 1, 2]);
    expect(index.weight).not.toBeNull(); // the referral has weight 2
    expect([...index.dir.subarray(lo, hi)]).toEqual([1, 0, 1, 0]);
    expect(Array.from({ length: hi - lo }, (_, i) => eventRole(index, lo + i))).toEqual([1, 0, 0, 2]);
    expect(index.kinds.list[index.kind[lo]!]!.name).toBe('referral');
    expect(index.links[d]).toBe(LINK_AB | LINK_BA);
  });

  it('reads undirected edges through `from`, and links without interactions', () => {
    const index = buildIndex(sample(), {}, 'test');
    const ac = findDyad(index, 0, 2);
    expect(index.links[ac]).toBe(LINK_UNDIRECTED);
    expect(index.dir[index.eventOffset[ac]!]).toBe(1); // carol (B) initiated
    const bc = findDyad(index, 2, 1);
    expect(bc).toBe(2);
    expect(index.links[bc]).toBe(LINK_BA); // the edge carol -> bob runs from B (carol) to A (bob)
  });

  it('finds dyads from either side and the other end', () => {
    const index = buildIndex(sample(), {}, 'test');
    expect(findDyad(index, 1, 0)).toBe(findDyad(index, 0, 1));
    expect(otherEnd(index, 0, 0)).toBe(1);
    expect(otherEnd(index, 0, 1)).toBe(0);
    const g = new Graph();
    g.addNode('x');
    g.addNode('y');
    expect(findDyad(buildIndex(g, {}, 'test'), 0, 1)).toBe(-1);
  });

  it('cuts events at `now` inclusively', () => {
    const index = buildIndex(sample(), {}, 'test');
    const lo = index.eventOffset[0]!;
    expect(eventsEnd(index, 0, day(2)) - lo).toBe(2);
    expect(eventsEnd(index, 0, day(2) - 1) - lo).toBe(1);
    expect(eventsEnd(index, 0, day(0)) - lo).toBe(0);
    expect(eventsEnd(index, 0, day(99)) - lo).toBe(4);
  });

  it('leaves self-loops out but validates them', () => {
    const g = new Graph({ allowSelfLoops: true });
    g.addNode('a');
    g.addEdge('a', 'a', { interactions: [{ at: 1 }, { at: 2 }] });
    const index = buildIndex(g, {}, 'test');
    expect(index.dyadCount).toBe(0);
    expect(index.selfLoopEvents).toBe(2);
    g.replaceEdgeAttributes(g.edge('a', 'a')!, { interactions: [{ at: 'nope' }] });
    expect(() => buildIndex(g, {}, 'test')).toThrow(/not a valid date/);
  });

  it('reads only the pair or the person when scoped', () => {
    const g = sample();
    const pair = buildIndex(g, {}, 'test', { kind: 'pair', a: 'bob', b: 'ann' });
    expect(pair.nodes).toEqual(['ann', 'bob']);
    expect(pair.dyadCount).toBe(1);
    expect(pair.eventOffset[1]).toBe(4);
    const ego = buildIndex(g, {}, 'test', { kind: 'node', node: 'carol' });
    expect(ego.nodes).toEqual(['ann', 'bob', 'carol']);
    expect(ego.dyadCount).toBe(2); // carol-ann and carol-bob, not ann-bob
  });

  it('takes the larger strength override of the two directions', () => {
    const g = new Graph();
    g.addNode('a');
    g.addNode('b');
    g.addEdge('a', 'b', { strengthOverride: 0.2 });
    g.addEdge('b', 'a', { strengthOverride: 0.7 });
    expect(buildIndex(g, {}, 'test').override[0]).toBe(0.7);
    expect(buildIndex(g, { getStrengthOverride: null }, 'test').override[0]).toBeNaN();
    expect(buildIndex(g, { getStrengthOverride: () => 0.1 }, 'test').override[0]).toBe(0.1);
  });

  it('accepts a getter for interactions (one multi-edge per interaction)', () => {
    const g = new Graph({ multi: true });
    g.addNode('a');
    g.addNode('b');
    g.addEdge('a', 'b', { at: day(2), kind: 'call' });
    g.addEdge('b', 'a', { at: day(1) });
    const index = buildIndex(g, { getInteractions: (_e, attributes) => [attributes as never] }, 'test');
    expect([...index.time]).toEqual([day(1), day(2)]);
    expect(values(index)).toEqual([1, 2]);
  });

  it('is invariant to the storage order of interactions and the insertion order of nodes (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            t: fc.integer({ min: 0, max: 50 }),
            fromA: fc.boolean(),
            kind: fc.constantFrom('message', 'help', 'pitch'),
          }),
          { maxLength: 20 },
        ),
        fc.boolean(),
        (events, reverse) => {
          const build = (list: typeof events, flip: boolean) => {
            const g = new Graph({ multi: true });
            for (const k of flip ? ['b', 'a'] : ['a', 'b']) g.addNode(k);
            g.addEdge('a', 'b', { interactions: list.filter((e) => e.fromA).map((e) => ({ at: e.t, kind: e.kind })) });
            g.addEdge('b', 'a', { interactions: list.filter((e) => !e.fromA).map((e) => ({ at: e.t, kind: e.kind })) });
            const index = buildIndex(g, {}, 'test');
            // Multisets of (time, dir, value) per time must agree; order among equal times may differ.
            return [...index.time].map((t, i) => `${t}:${index.dir[i]}:${eventValue(index, i)}`).sort();
          };
          const shuffled = reverse ? [...events].reverse() : events;
          expect(build(shuffled, reverse)).toEqual(build(events, false));
          const index = (() => {
            const g = new Graph({ multi: true });
            g.addNode('a');
            g.addNode('b');
            g.addEdge('a', 'b', { interactions: shuffled.map((e) => ({ at: e.t })) });
            return buildIndex(g, {}, 'test');
          })();
          for (let i = 1; i < index.time.length; i++) expect(index.time[i]!).toBeGreaterThanOrEqual(index.time[i - 1]!);
        },
      ),
    );
  });
});

/** An expected event, and the documented content order of events: time, side, kind name (code units), weight. */
interface Row {
  t: number;
  side: number;
  kind: string;
  weight: number;
  row: string;
}
const contentOrder = (x: Row, y: Row): number =>
  x.t - y.t || x.side - y.side || (x.kind < y.kind ? -1 : x.kind > y.kind ? 1 : 0) || x.weight - y.weight;

describe('event order (property)', () => {
  it('equals a sort of the events by (time, side, kind name, weight), with ignored kinds dropped', () => {
    const event = fc.record({
      t: fc.integer({ min: 0, max: 30 }),
      kind: fc.constantFrom('message', 'help', 'pitch', 'gossip'),
      weight: fc.constantFrom(undefined, 1, 0.5, 3),
    });
    const edge = fc.record({ fromA: fc.boolean(), events: fc.array(event, { maxLength: 12 }) });
    fc.assert(
      fc.property(fc.array(edge, { minLength: 1, maxLength: 45 }), (edges) => {
        const g = new Graph({ multi: true });
        g.addNode('a');
        g.addNode('b');
        const expected: string[] = [];
        const rows: Row[] = [];
        for (const e of edges) {
          g.addEdge(e.fromA ? 'a' : 'b', e.fromA ? 'b' : 'a', {
            interactions: e.events.map((x) =>
              x.weight === undefined ? { at: x.t, kind: x.kind } : { at: x.t, kind: x.kind, weight: x.weight },
            ),
          });
          const base: Record<string, number> = { message: 1, help: 4, pitch: 2 };
          for (const x of e.events)
            if (x.kind !== 'gossip')
              rows.push({
                t: x.t,
                side: e.fromA ? 0 : 1,
                kind: x.kind,
                weight: x.weight ?? 1,
                row: `${x.t}:${e.fromA ? 0 : 1}:${x.kind}:${base[x.kind]! * (x.weight ?? 1)}`,
              });
        }
        rows.sort(contentOrder);
        for (const r of rows) expected.push(r.row);
        const index = buildIndex(g, { unknownKind: 'ignore' }, 'test');
        const got = [...index.time].map(
          (t, i) => `${t}:${index.dir[i]}:${index.kinds.list[index.kind[i]!]!.name}:${eventValue(index, i)}`,
        );
        expect(got).toEqual(expected);
        expect(index.eventOffset[index.dyadCount]).toBe(expected.length);
        // A pair's index (a Map and a comparison sort in place of the hash table and merges) is the same, byte for byte.
        expect(buildPairIndex(g, { unknownKind: 'ignore' }, 'test', { kind: 'pair', a: 'b', b: 'a' })).toEqual(index);
        // The weight column exists exactly when some kept interaction weighs other than 1.
        const weighted = edges.some((e) =>
          e.events.some((x) => x.kind !== 'gossip' && x.weight !== undefined && x.weight !== 1),
        );
        expect(index.weight !== null).toBe(weighted);
      }),
      { numRuns: 300 },
    );
  });
});

describe('kind names (property)', () => {
  it('resolves every name to its kind, whatever the order, across collisions of the name cache', () => {
    // 40 kinds whose names share lengths and end characters, so that they collide in the writer's cache.
    const names = Array.from(
      { length: 40 },
      (_, i) => `k${String.fromCharCode(97 + (i % 5))}${'x'.repeat(i % 3)}${i}z`,
    );
    const kinds = Object.fromEntries(names.map((name, i) => [name, { role: 'contact' as const, value: i + 1 }]));
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.nat({ max: names.length + 1 }), { maxLength: 30 }), { minLength: 1, maxLength: 8 }),
        (lists) => {
          const g = new Graph({ multi: true });
          g.addNode('a');
          g.addNode('b');
          // Index names.length is an unknown kind (ignored), names.length + 1 no kind at all (value 1).
          const expected: number[] = [];
          for (const list of lists) {
            g.addEdge('a', 'b', {
              interactions: list.map((k, t) =>
                k === names.length + 1 ? { at: t } : { at: t, kind: k < names.length ? names[k]! : 'gossip' },
              ),
            });
          }
          const rows = lists.flatMap((list) => list.map((k, t) => ({ t, k }))).filter((r) => r.k !== names.length);
          const name = (k: number) => (k === names.length + 1 ? '(none)' : names[k]!);
          rows.sort((x, y) => x.t - y.t || (name(x.k) < name(y.k) ? -1 : name(x.k) > name(y.k) ? 1 : 0));
          for (const r of rows) expected.push(r.k === names.length + 1 ? 1 : r.k + 1);
          const index = buildIndex(g, { kinds, unknownKind: 'ignore' }, 'test');
          expect(values(index)).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('merging the two directions (property)', () => {
  it('merges an A→B and a B→A run, each sorted, in the content order (whichever edge is read first), with holes from ignored kinds', () => {
    const run = fc
      .array(
        fc.record({
          t: fc.integer({ min: 0, max: 20 }),
          kind: fc.constantFrom('message', 'help', 'gossip'),
          weight: fc.constantFrom(1, 1, 2.5),
        }),
        { maxLength: 30 },
      )
      .map((xs) => [...xs].sort((x, y) => x.t - y.t));
    fc.assert(
      fc.property(run, run, fc.boolean(), (ab, ba, abFirst) => {
        const g = new Graph();
        g.addNode('a');
        g.addNode('b');
        const edges: [string, string, typeof ab][] = abFirst
          ? [
              ['a', 'b', ab],
              ['b', 'a', ba],
            ]
          : [
              ['b', 'a', ba],
              ['a', 'b', ab],
            ];
        const rows: Row[] = [];
        for (const [s, t, events] of edges) {
          g.addEdge(s, t, { interactions: events.map((x) => ({ at: x.t, kind: x.kind, weight: x.weight })) });
          for (const x of events)
            if (x.kind !== 'gossip')
              rows.push({
                t: x.t,
                side: s === 'a' ? 0 : 1,
                kind: x.kind,
                weight: x.weight,
                row: `${x.t}:${s === 'a' ? 0 : 1}:${x.kind}:${(x.kind === 'help' ? 4 : 1) * x.weight}`,
              });
        }
        rows.sort(contentOrder);
        const index = buildIndex(g, { unknownKind: 'ignore' }, 'test');
        const got = [...index.time].map(
          (t, i) => `${t}:${index.dir[i]}:${index.kinds.list[index.kind[i]!]!.name}:${eventValue(index, i)}`,
        );
        expect(got).toEqual(rows.map((r) => r.row));
      }),
      { numRuns: 400 },
    );
  });
});

describe('PairTable', () => {
  it('gives each key one id, in order of first sight, across rehashes and keys beyond 2^32 (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })), {
          maxLength: 600,
        }),
        (keys) => {
          const table = new PairTable();
          const oracle = new Map<number, number>();
          for (const key of keys) {
            if (!oracle.has(key)) oracle.set(key, oracle.size);
            expect(table.idOf(key)).toBe(oracle.get(key));
          }
          expect(table.size).toBe(oracle.size);
          expect([...table.keys.subarray(0, table.size)]).toEqual([...oracle.keys()]);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('the `nodes` scope (an ego network)', () => {
  it('reads every edge touching the set, once, as the whole-graph index does (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 7 }),
            fc.integer({ min: 0, max: 7 }),
            fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 3 }),
          ),
          { maxLength: 25 },
        ),
        fc.subarray([0, 1, 2, 3, 4, 5, 6, 7], { minLength: 1 }),
        fc.boolean(),
        (edges, chosen, prototypeKeys) => {
          const names = prototypeKeys
            ? ['constructor', '__proto__', 'toString', 'a', 'b', 'c', 'd', 'e']
            : ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
          const g = new MultiDirectedGraph();
          names.forEach((k) => g.addNode(k));
          for (const [x, y, times] of edges)
            g.addEdge(names[x]!, names[y]!, { interactions: times.map((t) => ({ at: t })) });
          const set = chosen.map((i) => names[i]!);
          const all = buildIndex(g, {}, 'test');
          const part = buildIndex(g, {}, 'test', { kind: 'nodes', nodes: set });
          const describeIndex = (index: typeof all, keep: (a: string, b: string) => boolean) => {
            const out: string[] = [];
            for (let d = 0; d < index.dyadCount; d++) {
              const a = index.nodes[index.dyadA[d]!]!;
              const b = index.nodes[index.dyadB[d]!]!;
              if (!keep(a, b)) continue;
              const events = [];
              for (let e = index.eventOffset[d]!; e < index.eventOffset[d + 1]!; e++)
                events.push(`${index.time[e]}${index.dir[e]}`);
              out.push(`${a}|${b}|${index.links[d]}|${events.join(',')}`);
            }
            return out.sort();
          };
          const touches = (a: string, b: string) => set.includes(a) || set.includes(b);
          expect(describeIndex(part, () => true)).toEqual(describeIndex(all, touches));
          expect(buildPairIndex(g, {}, 'test', { kind: 'nodes', nodes: set })).toEqual(part);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('graphology prototype pollution', () => {
  it('keeps working after graphology 0.26 has polluted Object.prototype', async () => {
    const { isPrototypePolluted } = await import('../../src/core/graph.js');
    const { removePrototypePollution } = await import('../helpers/pollution.js');
    removePrototypePollution();
    expect(isPrototypePolluted()).toBe(false);
    const evil = new MultiDirectedGraph();
    evil.addNode('__proto__');
    evil.addNode('x');
    evil.addEdge('x', '__proto__');
    expect(isPrototypePolluted()).toBe(true); // graphology wrote `previous` onto Object.prototype
    // A clean graph now breaks graphology's own per-node iteration …
    const clean = new MultiDirectedGraph();
    clean.addNode('a');
    clean.addNode('b');
    clean.addEdge('a', 'b', { interactions: [{ at: 1 }] });
    clean.addEdge('b', 'a', { interactions: [{ at: 2 }] });
    clean.addEdge('a', 'b', { interactions: [{ at: 3 }] });
    expect(() => clean.forEachEdge('b', () => undefined)).toThrow(TypeError);
    // … but goodwill detects the pollution and reads the graph-wide edge list instead.
    const index = buildIndex(clean, {}, 'test', { kind: 'node', node: 'b' });
    expect([...index.time]).toEqual([1, 2, 3]);
    removePrototypePollution();
    expect(isPrototypePolluted()).toBe(false);
  });
});

describe('purity', () => {
  it('reads a deep-frozen graph without mutating it', async () => {
    const { freezeGraph, snapshot } = await import('../helpers/frozen.js');
    const g = sample();
    const before = snapshot(g);
    freezeGraph(g);
    const index = buildIndex(g, {}, 'test');
    expect(index.time.length).toBe(5);
    expect(snapshot(g)).toBe(before);
  });
});
