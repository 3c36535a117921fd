/**
 * The index depends on the graph's content only: the same nodes, edges and
 * interactions inserted in any order give byte-identical columns, and the same
 * error (class, message, location) when some are invalid.
 */
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildIndex, type InteractionIndex } from '../../src/core/interaction-index.js';
import { GoodwillError } from '../../src/core/errors.js';

type GraphKind = 'directed' | 'multi-directed' | 'undirected' | 'mixed';

interface EdgeSpec {
  source: string;
  target: string;
  undirected: boolean;
  interactions: unknown;
  override?: unknown;
}

const NODES = ['a', 'b', 'c', 'd'];
const day = (d: number) => Date.UTC(2024, 0, 1 + d);

/** A valid interaction: few distinct times (ties are the point), every time format, kinds and weights. */
const interaction = fc.record({
  t: fc.integer({ min: 0, max: 3 }),
  format: fc.constantFrom('ms', 'iso', 'date', 'iso-time'),
  kind: fc.constantFrom(undefined, 'message', 'help', 'pitch', 'call', 'gossip'),
  weight: fc.constantFrom(undefined, 0.5, 1, 2, 0),
  fromTarget: fc.boolean(),
});

/** Invalid things to sprinkle in, for the error property. */
const fault = fc.constantFrom(
  { at: 'last tuesday' },
  { at: '2024-02-30' },
  { at: 1e300 },
  { at: day(1), weight: -1 },
  { at: day(1), weight: 1e13 },
  { at: day(1), kind: 'nope' },
  { at: day(1), from: 'zzz' },
  'not an object',
);

function toInteraction(
  x: { t: number; format: string; kind: string | undefined; weight: number | undefined; fromTarget: boolean },
  source: string,
  target: string,
  undirected: boolean,
): Record<string, unknown> {
  const ms = day(x.t);
  const at =
    x.format === 'ms'
      ? ms
      : x.format === 'date'
        ? new Date(ms)
        : x.format === 'iso'
          ? new Date(ms).toISOString().slice(0, 10)
          : new Date(ms).toISOString();
  const out: Record<string, unknown> = { at };
  if (x.kind !== undefined) out['kind'] = x.kind;
  if (x.weight !== undefined) out['weight'] = x.weight;
  if (undirected || x.fromTarget) out['from'] = undirected && x.fromTarget ? target : source;
  return out;
}

const edgeSpec = (kind: GraphKind, withFaults: boolean) =>
  fc
    .record({
      s: fc.constantFrom(...NODES),
      t: fc.constantFrom(...NODES),
      undirected: kind === 'undirected' ? fc.constant(true) : kind === 'mixed' ? fc.boolean() : fc.constant(false),
      items: fc.array(interaction, { maxLength: 6 }),
      faults: withFaults ? fc.array(fc.tuple(fault, fc.nat()), { maxLength: 1 }) : fc.constant([]),
      badList: withFaults ? fc.constantFrom(false, false, false, true) : fc.constant(false),
      override: fc.constantFrom(undefined, 0.2, 0.7, ...(withFaults ? [80] : [])),
    })
    .map(({ s, t, undirected, items, faults, badList, override }): EdgeSpec => {
      const list: unknown[] = items.map((x) => toInteraction(x, s, t, undirected));
      for (const [f, at] of faults) list.splice(at % (list.length + 1), 0, f);
      const spec: EdgeSpec = { source: s, target: t, undirected, interactions: badList ? 5 : list };
      if (override !== undefined) spec.override = override;
      return spec;
    });

/** The content: edges, deduplicated for simple graphs (one edge per ordered pair, per unordered pair if undirected). */
function content(kind: GraphKind, withFaults: boolean) {
  return fc.array(edgeSpec(kind, withFaults), { maxLength: 10 }).map((edges) => {
    if (kind !== 'directed' && kind !== 'undirected') return edges;
    const seen = new Set<string>();
    return edges.filter((e) => {
      const key = kind === 'undirected' ? [e.source, e.target].sort().join('|') : `${e.source}|${e.target}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  });
}

/** Builds the graph: nodes and edges in the order of `order`, each edge's list permuted by `listOrder`. */
function build(
  kind: GraphKind,
  edges: EdgeSpec[],
  order: number[],
  nodeOrder: string[],
  permuteLists: (list: unknown[], edge: number) => unknown[],
): Graph {
  const g = new Graph({
    type: kind === 'undirected' ? 'undirected' : kind === 'mixed' ? 'mixed' : 'directed',
    multi: kind === 'multi-directed' || kind === 'mixed',
    allowSelfLoops: true,
  });
  for (const k of nodeOrder) g.addNode(k);
  for (const i of order) {
    const e = edges[i]!;
    const list = Array.isArray(e.interactions) ? permuteLists(e.interactions, i) : e.interactions;
    const attributes: Record<string, unknown> = { interactions: list };
    if (e.override !== undefined) attributes['strengthOverride'] = e.override;
    // Explicit keys, from the content (graphology's generated keys depend on insertion order).
    if (e.undirected) g.addUndirectedEdgeWithKey(`e${i}`, e.source, e.target, attributes);
    else g.addDirectedEdgeWithKey(`e${i}`, e.source, e.target, attributes);
  }
  return g;
}

/** Every column of the index, as bytes and keys. */
function columns(index: InteractionIndex): string {
  const hex = (a: ArrayBufferView | null) =>
    a === null ? 'null' : Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex');
  return JSON.stringify({
    nodes: index.nodes,
    dyadA: hex(index.dyadA),
    dyadB: hex(index.dyadB),
    links: hex(index.links),
    override: hex(index.override),
    eventOffset: hex(index.eventOffset),
    time: hex(index.time),
    weight: hex(index.weight),
    dir: hex(index.dir),
    kind: hex(index.kind),
    kindValue: hex(index.kindValue),
    kindRole: hex(index.kindRole),
    nodeDyadOffset: hex(index.nodeDyadOffset),
    nodeDyads: hex(index.nodeDyads),
    selfLoopEvents: index.selfLoopEvents,
  });
}

/** What `buildIndex` gives: its columns, or its error (class, code, message, location). */
function outcome(g: Graph, options = {}): string {
  try {
    return columns(buildIndex(g, options, 'test'));
  } catch (error) {
    if (!(error instanceof GoodwillError)) throw error;
    return JSON.stringify({ name: error.name, code: error.code, message: error.message, location: error.location });
  }
}

const permutation = (n: number, seed: number): number[] => {
  const out = Array.from({ length: n }, (_, i) => i);
  let x = seed >>> 0 || 1;
  for (let i = n - 1; i > 0; i--) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const j = (x >>> 0) % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
};

const KINDS: GraphKind[] = ['directed', 'multi-directed', 'undirected', 'mixed'];

describe('the index depends on content only (property)', () => {
  for (const kind of KINDS) {
    it(`${kind}: the same interactions in any edge order and list order give byte-identical columns`, () => {
      fc.assert(
        fc.property(content(kind, false), fc.integer(), fc.integer(), fc.integer(), (edges, s1, s2, s3) => {
          const identity = (list: unknown[]) => list;
          const shuffled = (list: unknown[], edge: number) => permutation(list.length, s3 + edge).map((i) => list[i]);
          const first = outcome(
            build(
              kind,
              edges,
              edges.map((_, i) => i),
              NODES,
              identity,
            ),
            { unknownKind: 'ignore' },
          );
          const second = outcome(
            build(
              kind,
              edges,
              permutation(edges.length, s1),
              permutation(NODES.length, s2).map((i) => NODES[i]!),
              shuffled,
            ),
            { unknownKind: 'ignore' },
          );
          expect(second).toBe(first);
          expect(first).not.toMatch(/"code"/); // no error on valid content
        }),
        { numRuns: 250 },
      );
    });

    it(`${kind}: with invalid interactions, the same error whatever the edge order`, () => {
      fc.assert(
        fc.property(content(kind, true), fc.integer(), fc.integer(), (edges, s1, s2) => {
          const identity = (list: unknown[]) => list;
          const first = outcome(
            build(
              kind,
              edges,
              edges.map((_, i) => i),
              NODES,
              identity,
            ),
          );
          const second = outcome(
            build(
              kind,
              edges,
              permutation(edges.length, s1),
              permutation(NODES.length, s2).map((i) => NODES[i]!),
              identity,
            ),
          );
          expect(second).toBe(first);
        }),
        { numRuns: 250 },
      );
    });
  }
});

describe('equal times', () => {
  it('are ordered by side, then kind name (not catalogue id), then weight', () => {
    const g = new Graph();
    g.addNode('x');
    g.addNode('y');
    const at = '2024-01-01';
    // `zz` is defined before `aa`, so its catalogue id is lower: the order must still follow the names.
    const kinds = { zz: { role: 'contact' as const, value: 1 }, aa: { role: 'give' as const, value: 1 } };
    g.addEdge('y', 'x', {
      interactions: [
        { at, kind: 'aa' },
        { at, kind: 'zz', weight: 2 },
        { at, kind: 'zz', weight: 0.5 },
      ],
    });
    g.addEdge('x', 'y', {
      interactions: [
        { at, kind: 'zz' },
        { at, kind: 'aa' },
      ],
    });
    const index = buildIndex(g, { kinds }, 'test');
    const rows = [...index.time].map(
      (_, e) => `${index.dir[e]}:${index.kinds.list[index.kind[e]!]!.name}:${index.weight?.[e] ?? 1}`,
    );
    expect(rows).toEqual(['0:aa:1', '0:zz:1', '1:aa:1', '1:zz:0.5', '1:zz:2']);
  });

  it('give the same ledger in both insertion orders (repro D05b)', () => {
    const build2 = (xyFirst: boolean) => {
      const g = new Graph();
      g.addNode('x');
      g.addNode('y');
      const xy = () =>
        g.addEdgeWithKey('xy', 'x', 'y', { interactions: [{ at: '2024-01-01', kind: 'recommendation' }] });
      const yx = () =>
        g.addEdgeWithKey('yx', 'y', 'x', {
          interactions: [
            { at: '2024-01-01', kind: 'recommendation' },
            { at: '2024-01-01', kind: 'introduction' },
            { at: '2024-01-01', kind: 'favor' },
          ],
        });
      if (xyFirst) {
        xy();
        yx();
      } else {
        yx();
        xy();
      }
      return g;
    };
    expect(outcome(build2(true))).toBe(outcome(build2(false)));
  });
});

describe('which error is reported', () => {
  it('does not depend on the edge order (repro D19)', () => {
    const build3 = (order: string[]) => {
      const g = new Graph();
      for (const k of ['a', 'b', 'c']) g.addNode(k);
      const e: Record<string, () => void> = {
        ab: () => g.addEdgeWithKey('ab', 'a', 'b', { interactions: 5 }),
        bc: () => g.addEdgeWithKey('bc', 'b', 'c', { interactions: [{ at: '2024-06-01' }], strengthOverride: 80 }),
        ca: () => g.addEdgeWithKey('ca', 'c', 'a', { interactions: [{ at: 'yesterday' }] }),
      };
      for (const k of order) e[k]!();
      return g;
    };
    const first = outcome(build3(['ab', 'bc', 'ca']));
    expect(JSON.parse(first).location).toEqual({ edge: 'ab', source: 'a', target: 'b', field: 'interactions' });
    for (const order of [
      ['bc', 'ab', 'ca'],
      ['ca', 'bc', 'ab'],
      ['ca', 'ab', 'bc'],
    ])
      expect(outcome(build3(order))).toBe(first);
  });

  it('is the first in the order of endpoints, then position in the list', () => {
    const g = new Graph({ multi: true });
    for (const k of ['a', 'b', 'c']) g.addNode(k);
    g.addEdgeWithKey('late', 'b', 'c', { interactions: [{ at: 'x' }] });
    g.addEdgeWithKey('second', 'a', 'b', { interactions: [{ at: 1 }, { at: 'y' }] });
    g.addEdgeWithKey('first', 'a', 'b', { interactions: [{ at: 'z' }] });
    const error = JSON.parse(outcome(g));
    expect(error.location).toEqual({ edge: 'first', source: 'a', target: 'b', index: 0, field: 'at' });
  });
});

describe('one-shot iterables', () => {
  it('are refused, not consumed by the first call (repro D21)', () => {
    const g = new Graph();
    g.addNode('a');
    g.addNode('b');
    g.addEdgeWithKey('ab', 'a', 'b', {
      interactions: (function* () {
        yield { at: '2024-06-01' };
      })(),
    });
    const first = outcome(g);
    expect(JSON.parse(first)).toMatchObject({
      name: 'InvalidInteractionError',
      location: { edge: 'ab', field: 'interactions' },
    });
    expect(JSON.parse(first).message).toMatch(/one-shot iterator/);
    expect(outcome(g)).toBe(first);
  });

  it('reusable iterables are read, each call the same', () => {
    const g = new Graph();
    g.addNode('a');
    g.addNode('b');
    g.addEdge('a', 'b', { interactions: new Set([{ at: '2024-06-01' }, { at: '2024-06-02' }]) });
    expect(buildIndex(g, {}, 'test').time.length).toBe(2);
    expect(buildIndex(g, {}, 'test').time.length).toBe(2);
  });
});
