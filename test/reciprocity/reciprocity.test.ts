import Graph, { MultiDirectedGraph, UndirectedGraph } from 'graphology';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  tieReciprocity,
  InvalidInteractionError,
  InvalidOptionError,
  NodeNotFoundError,
  networkReciprocity,
  personReciprocity,
} from 'goodwill';
import { parseEdgeList, type ParseEdgeListOptions } from 'goodwill/fixtures';
import { describeData, readDataFile } from '../helpers/data.js';
import { freezeGraph, snapshot } from '../helpers/frozen.js';
import { cleanPrototypePollutionAfterEach } from '../helpers/pollution.js';

cleanPrototypePollutionAfterEach();

const DAY = 86_400_000;
const at = (d: number) => Date.UTC(2024, 0, 1) + d * DAY;
type Ev = [day: number, by: 'a' | 'b', kind?: string];
function pair(events: Ev[]): Graph {
  const g = new Graph();
  g.addNode('a');
  g.addNode('b');
  for (const side of ['a', 'b'] as const) {
    const list = events.filter((e) => e[1] === side).map(([d, , kind]) => (kind ? { at: at(d), kind } : { at: at(d) }));
    if (list.length) g.addEdge(side, side === 'a' ? 'b' : 'a', { interactions: list });
  }
  return g;
}

describe('tieReciprocity (hand-computed)', () => {
  // a: message(1), help(4), referral(8); b: call(2), request(2).
  const g = pair([
    [0, 'a', 'message'],
    [1, 'b', 'call'],
    [2, 'a', 'help'],
    [3, 'b', 'request'],
    [4, 'a', 'referral'],
  ]);
  const now = at(10);

  it("initiative: contact kinds by each side; exchange: gives plus the other side's asks", () => {
    const r = tieReciprocity(g, 'a', 'b', { now });
    expect(r.initiative).toEqual({
      given: 1,
      received: 2,
      balance: -1 / 3,
      mutuality: 0.5,
      givenCount: 1,
      receivedCount: 1,
    });
    // a gave help 4 + referral 8, and b's request (2) is a claim on a: given 14, received 0.
    expect(r.exchange).toEqual({ given: 14, received: 0, balance: 1, mutuality: 0, givenCount: 3, receivedCount: 0 });
    expect(r.waitingSince).toEqual(new Date(at(2))); // a's gives since b last gave (never)
    expect(r.relationship).toBe(true);
    expect(r.interactions).toBe(5);
  });

  it('the ledger gives both balances after each interaction, in time order', () => {
    const { ledger } = tieReciprocity(g, 'a', 'b', { now });
    expect(ledger.map((e) => [e.by, e.kind, e.role, e.value, e.initiativeBalance, e.exchangeBalance])).toEqual([
      ['a', 'message', 'contact', 1, 1, 0],
      ['b', 'call', 'contact', 2, -1 / 3, 0],
      ['a', 'help', 'give', 4, -1 / 3, 1],
      ['b', 'request', 'ask', 2, -1 / 3, 1],
      ['a', 'referral', 'give', 8, -1 / 3, 1],
    ]);
  });

  it('is antisymmetric: b sees the negative balance; a give back ends the wait', () => {
    const fromB = tieReciprocity(g, 'b', 'a', { now });
    expect(fromB.exchange).toMatchObject({ given: 0, received: 14, balance: -1 });
    expect(fromB.initiative.balance).toBeCloseTo(1 / 3, 15);
    expect(fromB.waitingSince).toBeNull();
    const returned = pair([
      [2, 'a', 'help'],
      [5, 'b', 'favor'],
      [7, 'a', 'help'],
      [8, 'a', 'favor'],
    ]);
    expect(tieReciprocity(returned, 'a', 'b', { now }).waitingSince).toEqual(new Date(at(7)));
  });

  it('decays with a half-life, and leaves out interactions after now', () => {
    const h = pair([
      [0, 'a', 'help'],
      [30, 'b', 'help'],
      [40, 'a', 'help'],
    ]);
    const r = tieReciprocity(h, 'a', 'b', { now: at(30), recencyHalfLife: { days: 30 } });
    expect(r.exchange.given).toBeCloseTo(2, 12); // 4 · 2^(−1)
    expect(r.exchange.received).toBeCloseTo(4, 12);
    expect(r.exchange.balance).toBeCloseTo(-1 / 3, 12);
    expect(r.interactions).toBe(2);
  });

  it('a pair with no interactions is a defined "no relationship", never NaN', () => {
    const e = new Graph();
    e.addNode('a');
    e.addNode('b');
    const r = tieReciprocity(e, 'a', 'b', { now });
    expect(r).toEqual({
      person: 'a',
      other: 'b',
      relationship: false,
      initiative: { given: 0, received: 0, balance: 0, mutuality: null, givenCount: 0, receivedCount: 0 },
      exchange: { given: 0, received: 0, balance: 0, mutuality: null, givenCount: 0, receivedCount: 0 },
      ledger: [],
      waitingSince: null,
      interactions: 0,
    });
  });

  it('needs `from` on undirected edges', () => {
    const u = new UndirectedGraph();
    u.addNode('a');
    u.addNode('b');
    u.addEdge('a', 'b', { interactions: [{ at: at(0), from: 'b', kind: 'help' }] });
    expect(tieReciprocity(u, 'a', 'b', { now }).exchange.received).toBe(4);
    u.setEdgeAttribute('a', 'b', 'interactions', [{ at: at(0) }]);
    expect(() => tieReciprocity(u, 'a', 'b', { now })).toThrow(InvalidInteractionError);
  });
});

describe('tieReciprocity properties', () => {
  const events = fc.array(
    fc.tuple(
      fc.integer({ min: 0, max: 60 }),
      fc.constantFrom<'a' | 'b'>('a', 'b'),
      fc.constantFrom(undefined, 'call', 'help', 'referral', 'request', 'pitch'),
    ),
    { maxLength: 25 },
  );
  it('bounds, antisymmetry and invariance to storage order', () => {
    fc.assert(
      fc.property(events, fc.boolean(), (list, reverse) => {
        const g = pair(list as Ev[]);
        const h = pair((reverse ? [...list].reverse() : list) as Ev[]);
        const ab = tieReciprocity(g, 'a', 'b', { now: at(100), recencyHalfLife: { days: 20 } });
        const ba = tieReciprocity(h, 'b', 'a', { now: at(100), recencyHalfLife: { days: 20 } });
        for (const lens of ['initiative', 'exchange'] as const) {
          expect(ab[lens].balance).toBeGreaterThanOrEqual(-1);
          expect(ab[lens].balance).toBeLessThanOrEqual(1);
          if (ab[lens].mutuality !== null) expect(ab[lens].mutuality!).toBeLessThanOrEqual(1);
          expect(ba[lens].balance).toBeCloseTo(-ab[lens].balance, 12);
          expect(ba[lens].given).toBeCloseTo(ab[lens].received, 9);
        }
      }),
    );
  });
  it("adding a give by a never lowers a's exchange balance", () => {
    fc.assert(
      fc.property(events, fc.integer({ min: 0, max: 99 }), (list, day) => {
        const before = tieReciprocity(pair(list as Ev[]), 'a', 'b', { now: at(100) }).exchange.balance;
        const after = tieReciprocity(pair([...(list as Ev[]), [day, 'a', 'help']]), 'a', 'b', { now: at(100) }).exchange
          .balance;
        expect(after).toBeGreaterThanOrEqual(before - 1e-12);
      }),
    );
  });
});

describe('personReciprocity', () => {
  const g = new Graph();
  for (const k of ['me', 'x', 'y', 'z', 'w']) g.addNode(k);
  // x: I give 3 times in a row (fatigue); y: balanced; z: I take; w: only messages.
  g.addEdge('me', 'x', {
    interactions: [
      { at: at(1), kind: 'help' },
      { at: at(2), kind: 'favor' },
      { at: at(3), kind: 'help' },
    ],
  });
  g.addEdge('x', 'me', { interactions: [{ at: at(0), kind: 'message' }] });
  g.addEdge('me', 'y', { interactions: [{ at: at(1), kind: 'help' }] });
  g.addEdge('y', 'me', { interactions: [{ at: at(2), kind: 'favor' }] });
  g.addEdge('z', 'me', { interactions: [{ at: at(1), kind: 'referral' }] });
  g.addEdge('me', 'w', { interactions: [{ at: at(1) }] });

  it('totals, classes, shares, style and giver fatigue', () => {
    const r = personReciprocity(g, 'me', { now: at(10) });
    // Given: 4 + 4 + 4 (x) + 4 (y) = 16; received: 4 (y) + 8 (z) = 12 → balance 4/28.
    expect(r.exchange).toMatchObject({ given: 16, received: 12 });
    expect(r.exchange.balance).toBeCloseTo(4 / 28, 15);
    expect(r.style).toBe('matcher');
    expect([r.tieCount, r.balanced, r.overGiving, r.overTaking, r.noExchange]).toEqual([4, 1, 1, 1, 1]);
    expect(r.shares).toEqual({ balanced: 1 / 3, overGiving: 1 / 3, overTaking: 1 / 3 });
    expect(r.giverFatigue).toEqual([{ other: 'x', run: 3, since: new Date(at(1)) }]);
    expect(r.ties.map((t) => [t.other, t.class])).toEqual([
      ['w', 'no-exchange'],
      ['x', 'over-giving'],
      ['y', 'balanced'],
      ['z', 'over-taking'],
    ]);
    expect(personReciprocity(g, 'me', { now: at(10), giverThreshold: 0.1 }).style).toBe('giver');
    // z gave one referral: too little give-and-take to call z a giver (5 gives and asks by default)…
    expect(personReciprocity(g, 'z', { now: at(10) }).style).toBe('none');
    // …unless one is enough.
    expect(personReciprocity(g, 'z', { now: at(10), minExchanges: 1 }).style).toBe('giver');
    expect(personReciprocity(g, 'w', { now: at(10) }).style).toBe('none');
    // Giver fatigue is the model's rule, the one behind the giver-fatigue flag.
    expect(personReciprocity(g, 'me', { now: at(10), thresholds: { giverFatigueRun: 4 } }).giverFatigue).toEqual([]);
  });

  it('names what is wrong', () => {
    expect(() => personReciprocity(g, 'nobody', { now: at(1) })).toThrow(NodeNotFoundError);
    expect(() => personReciprocity(g, 'me', { now: at(1), giverThreshold: 2 })).toThrow(/giverThreshold/);
    expect(() => personReciprocity(g, 'me', { now: at(1), thresholds: { giverFatigueRun: 0 } })).toThrow(
      InvalidOptionError,
    );
  });
});

describe('networkReciprocity', () => {
  it("the design notes' test vector (../shared/DESIGN.md): 0↔1, 1→2, 2↔3, 3→0 → r = 2/3, every node 2/3, ā = 1/2, ρ = 1/3", () => {
    const g = new Graph();
    for (const [s, t] of [
      [0, 1],
      [1, 0],
      [1, 2],
      [2, 3],
      [3, 2],
      [3, 0],
    ])
      g.mergeEdge(String(s), String(t), { interactions: [{ at: at(0) }] });
    const r = networkReciprocity(g);
    expect(r.overall).toBeCloseTo(2 / 3, 15);
    expect(Object.entries(r.nodes)).toEqual([
      ['0', 2 / 3],
      ['1', 2 / 3],
      ['2', 2 / 3],
      ['3', 2 / 3],
    ]);
    expect(r.linkDensity).toBe(0.5);
    expect(r.rho).toBeCloseTo(1 / 3, 15);
    expect(r.weighted).toBeCloseTo(2 / 3, 15);
  });

  it('weighted reciprocity W↔/W, decay and windows; isolated people are null; self-loops excluded', () => {
    const g = new Graph({ allowSelfLoops: true });
    for (const k of ['a', 'b', 'c', 'lonely']) g.addNode(k);
    g.addEdge('a', 'b', { interactions: [{ at: at(0), kind: 'meeting' }, { at: at(30) }] }); // 3 + 1
    g.addEdge('b', 'a', { interactions: [{ at: at(30) }] }); // 1
    g.addEdge('a', 'c', { interactions: [{ at: at(60), kind: 'call' }] }); // 2
    g.addEdge('c', 'c', { interactions: [{ at: at(1) }] });
    const r = networkReciprocity(g);
    expect(r).toMatchObject({ links: 3, reciprocatedLinks: 2, overall: 2 / 3, totalWeight: 7, reciprocatedWeight: 2 });
    expect(r.weighted).toBeCloseTo(2 / 7, 15);
    expect(r.nodes['lonely']).toBeNull();
    expect(r.nodes['c']).toBe(0);
    // Window: only day 30 onward → a→b (1), b→a (1), a→c (2).
    const w = networkReciprocity(g, { now: at(100), window: { from: at(30) } });
    expect(w).toMatchObject({ links: 3, totalWeight: 4, reciprocatedWeight: 2 });
    const early = networkReciprocity(g, { now: at(100), window: { to: at(10) } });
    expect(early).toMatchObject({ links: 1, overall: 0 });
    // Decay: half-life 30 days at day 60.
    const d = networkReciprocity(g, { now: at(60), recencyHalfLife: { days: 30 } });
    expect(d.totalWeight).toBeCloseTo(3 / 4 + 1 / 2 + 1 / 2 + 2, 12);
    expect(d.weighted).toBeCloseTo(1 / (3 / 4 + 1 / 2 + 1 / 2 + 2), 12);
    expect(() => networkReciprocity(g, { recencyHalfLife: { days: 1 } })).toThrow(/needs `now`/);
    expect(() => networkReciprocity(g, { now: at(1), window: { from: at(5), to: at(2) } })).toThrow(InvalidOptionError);
  });

  it("links: 'edges' reads the graph structure (trust networks without histories)", () => {
    const g = new Graph();
    g.mergeEdge('a', 'b');
    g.mergeEdge('b', 'a');
    g.mergeEdge('b', 'c');
    expect(networkReciprocity(g).links).toBe(0);
    expect(networkReciprocity(g, { links: 'edges' })).toMatchObject({ links: 3, overall: 2 / 3 });
  });

  it('assign writes node attributes; the pure form never mutates a frozen graph; prototype keys work', () => {
    const g = new MultiDirectedGraph();
    for (const k of ['__proto__', 'constructor', 'x']) g.addNode(k);
    g.addEdge('__proto__', 'constructor', { interactions: [{ at: at(0) }] });
    g.addEdge('constructor', '__proto__', { interactions: [{ at: at(0) }] });
    g.addEdge('x', 'constructor', { interactions: [{ at: at(0) }] });
    const copy = g.copy();
    freezeGraph(g);
    const before = snapshot(g);
    const r = networkReciprocity(g);
    expect(Object.entries(r.nodes)).toEqual([
      ['__proto__', 1],
      ['constructor', 2 / 3],
      ['x', 0],
    ]);
    // Plain JSON, the `__proto__` entry included.
    expect(JSON.parse(JSON.stringify(r.nodes))).toEqual({ ['__proto__']: 1, constructor: 2 / 3, x: 0 });
    expect(snapshot(g)).toBe(before);
    networkReciprocity.assign(copy, { attribute: 'r' });
    expect(copy.getNodeAttribute('constructor', 'r')).toBeCloseTo(2 / 3, 15);
  });
});

interface Oracle {
  networkx: string;
  sets: Record<string, { nodes: number; edges: number; overall: number; reciprocity: Record<string, number | null> }>;
}
const DATASETS: [string, string, ParseEdgeListOptions][] = [
  ['collegemsg', 'collegemsg/CollegeMsg.txt', { format: 'snap' }],
  // email-Eu-core counts seconds from the start of the recording: give its 0 a date.
  ['email-eu', 'email-eu-core-temporal/email-Eu-core-temporal.txt.gz', { format: 'snap', timeOrigin: '2003-10-01' }],
  [
    'bitcoin-otc',
    'soc-sign-bitcoinotc/soc-sign-bitcoinotc.csv',
    { format: 'csv', header: false, columns: { source: 0, target: 1, time: 3 } },
  ],
  [
    'enron',
    'enron/enron-edges.csv',
    { format: 'csv', columns: { source: 'sender_id', target: 'receiver_id', time: 'unix_time' } },
  ],
  ['mathoverflow-c2a', 'sx-mathoverflow/sx-mathoverflow-c2a.txt.gz', { format: 'snap' }],
];

describeData('networkReciprocity agrees with NetworkX on the real data (test/oracles/reciprocity.json)', async () => {
  const { readFileSync } = await import('node:fs');
  const oracle = JSON.parse(readFileSync(new URL('../oracles/reciprocity.json', import.meta.url), 'utf8')) as Oracle;
  for (const [name, file, options] of DATASETS) {
    it(`${name}: overall and every node's reciprocity to 1e-12`, () => {
      const graph = parseEdgeList(readDataFile(file), options);
      const expected = oracle.sets[name]!;
      const r = networkReciprocity(graph);
      expect(r.links).toBe(expected.edges);
      expect(r.overall!).toBeCloseTo(expected.overall, 12);
      let nodesWithLinks = 0;
      for (const [node, value] of Object.entries(r.nodes)) {
        if (value === null) continue; // NetworkX drops nodes that only had self-loops from nothing; they have no links
        nodesWithLinks++;
        expect(value, node).toBeCloseTo(expected.reciprocity[node]!, 12);
      }
      expect(nodesWithLinks).toBe(Object.values(expected.reciprocity).filter((v) => v !== null).length);
    });
  }
});
