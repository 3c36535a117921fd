import Graph, { MultiDirectedGraph, UndirectedGraph } from 'graphology';
import pagerank from 'graphology-metrics/centrality/pagerank.js';
import { undirectedDensity } from 'graphology-metrics/graph/density.js';
import { describe, expect, it } from 'vitest';
import {
  classifyStages,
  personHealth,
  InvalidOptionError,
  networkHealth,
  NodeNotFoundError,
  networkReciprocity,
  tieStrength,
  tieStrengths,
} from 'goodwill';
import { summarize } from 'goodwill/explain';
import { generateNetwork } from 'goodwill/fixtures';
import { freezeGraph, snapshot } from '../helpers/frozen.js';
import { cleanPrototypePollutionAfterEach } from '../helpers/pollution.js';

cleanPrototypePollutionAfterEach();

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);
const at = (d: number) => T0 + d * DAY;
const NOW = at(400);

/** Weekly or monthly contact between x and y from day `from` to day `to`, both ways; optional gives. */
function add(g: Graph, x: string, y: string, from: number, to: number, step: number, gives = false) {
  for (const k of [x, y]) g.mergeNode(k);
  const xy = [];
  const yx = [];
  for (let d = from; d <= to; d += step) {
    xy.push({ at: at(d) });
    yx.push({ at: at(d + 1) });
  }
  if (gives) {
    xy.push({ at: at(from + 10), kind: 'help' });
    yx.push({ at: at(from + 20), kind: 'favor' });
    xy.sort((a, b) => a.at - b.at);
    yx.sort((a, b) => a.at - b.at);
  }
  g.mergeEdge(x, y, { interactions: xy });
  g.mergeEdge(y, x, { interactions: yx });
}

function network(): Graph {
  const g = new Graph();
  add(g, 'me', 'close', 35, 399, 7, true); // weekly for a year, gives both ways: trusted, weekly layer
  add(g, 'me', 'monthly', 10, 395, 30); // monthly: engaged, monthly layer
  add(g, 'me', 'lapsed', 0, 150, 7); // weekly, then 250 days of silence: dormant
  add(g, 'me', 'cooling', 200, 370, 7); // weekly until day 371, then 29 days: cooling
  g.mergeNode('cold');
  g.mergeEdge('me', 'cold', { interactions: [{ at: at(300), kind: 'pitch' }, { at: at(310) }, { at: at(320) }] });
  add(g, 'close', 'fof', 100, 399, 7); // a friend of friends, strongly tied to two of my contacts
  add(g, 'monthly', 'fof', 100, 399, 7);
  add(g, 'close', 'other', 100, 399, 7);
  return g;
}

describe('personHealth: every field on a network whose answer is known', () => {
  const g = freezeGraph(network());
  const before = snapshot(g);
  const r = personHealth(g, 'me', { now: NOW });

  it('size, layers, contact frequency, stages and flags', () => {
    expect(r.kind).toBe('person');
    expect(r.at).toEqual(new Date(NOW));
    expect(r.tieCounts).toMatchObject({ all: 5, active90: 4 }); // all but lapsed
    // Dunbar layers by strength, living two-way ties only: three fit the inner 5; the one-way pitch and
    // the lapsed (dormant) tie have no layer.
    expect(r.layers.map((l) => [l.size, l.count])).toEqual([
      [5, 3],
      [15, 0],
      [50, 0],
      [150, 0],
    ]);
    expect(r.layers[0]!.others[0]).toBe('close');
    expect(r.layers[0]!.others).not.toContain('cold');
    // Past year: close 104 contacts (weekly), monthly ~26 (both ways), cooling ~50 (weekly both ways, in the year), lapsed 2·? (days 35–150), cold 3.
    expect(r.contactFrequency.map((l) => [l.norm, l.count])).toEqual([
      [5, 1],
      [15, 4],
      [50, 5],
      [150, 5],
    ]);
    expect(r.stageCounts).toMatchObject({ trusted: 1, engaged: 1, cooling: 1, dormant: 1, connected: 1 });
    expect(r.flagCounts).toEqual({ 'one-sided': 1, 'premature-ask': 1, 'giver-fatigue': 0 });
  });

  it('reciprocity and brokerage', () => {
    // Gives: me 'help' (4) to close, close 'favor' (4) back; cold's pitch is a claim on... me asked cold: received by me.
    // My pitch to cold (2) counts as received: 4 given, 6 received — but 3 gives and asks are too few
    // to call me a taker (5 needed).
    expect(r.reciprocity.style).toBe('none');
    expect(r.reciprocity.exchangeBalance).toBeCloseTo((4 - 6) / 10, 12);
    expect(r.reciprocity.outOfBalance).toEqual([{ other: 'cold', name: 'cold', balance: -1, class: 'over-taking' }]);
    // Mutual weights: 2 for each two-way tie, 1 for cold; no ties among my contacts.
    expect(r.brokerage.constraint).toBeCloseTo(4 * (2 / 9) ** 2 + (1 / 9) ** 2, 12);
    expect(r.brokerage.effectiveSize).toBeCloseTo(5, 12);
    expect(r.brokerage.efficiency).toBeCloseTo(1, 12);
  });

  it('advice: seed the friend of friends via the best introducer, feed the cooling tie, reconnect the lapsed one, weed the cold pitch', () => {
    expect(r.advice.seed.map((s) => s.person)).toEqual(['fof', 'other']);
    expect(r.advice.seed[0]!.via.sort()).toEqual(['close', 'monthly']);
    // Adamic–Adar: 1/ln(strong ties of close) + 1/ln(strong ties of monthly); close has 3 (me, fof, other), monthly 2.
    const strong = (a: string, b: string) => tieStrength(g, a, b, { now: NOW }).strength >= 0.4;
    const k = (y: string) =>
      ['me', 'fof', 'other', 'close', 'monthly'].filter(
        (z) => z !== y && g.hasNode(z) && (g.hasEdge(y, z) || g.hasEdge(z, y)) && strong(y, z),
      ).length;
    expect(r.advice.seed[0]!.score).toBeCloseTo(1 / Math.log(k('close')) + 1 / Math.log(k('monthly')), 12);
    expect(r.advice.feed.map((f) => f.other)).toEqual(['cooling']);
    expect(r.advice.reconnect.map((f) => f.other)).toEqual(['lapsed']);
    expect(r.advice.weed.map((w) => w.other)).toEqual(['cold']);
  });

  it('is deterministic, JSON-serialisable, and leaves the graph untouched', () => {
    expect(personHealth(g, 'me', { now: NOW })).toEqual(r);
    expect(JSON.parse(JSON.stringify(r)).advice.seed[0].person).toBe('fof');
    expect(snapshot(g)).toBe(before);
    const text = summarize(r);
    expect(text).toContain("me's network on 2025-02-04: 5 relationships");
    expect(text).toContain('Seed — people to meet:\n  fof: 2 of your strong contacts know fof well');
    // A report that went through JSON summarises the same.
    expect(summarize(JSON.parse(JSON.stringify(r)))).toBe(text);
  });

  it('names what is wrong', () => {
    expect(() => personHealth(g, 'nobody', { now: NOW })).toThrow(NodeNotFoundError);
    expect(() => personHealth(g, 'me', { now: NOW, strongTie: 0 })).toThrow(InvalidOptionError);
    expect(() => personHealth(g, 'me', {} as never)).toThrow(/`now` is required/);
    expect(() => summarize({} as never)).toThrow(/expected a report/);
  });
});

describe('networkHealth', () => {
  const g = freezeGraph(network());
  const before = snapshot(g);
  const r = networkHealth(g, { now: NOW, compareTo: at(199) });

  it('agrees with the functions it summarises', () => {
    expect(r.kind).toBe('network');
    expect(r.people).toBe(8);
    expect(r.relationships).toBe(8);
    let interactions = 0;
    g.forEachEdge((_e, a) => (interactions += (a.interactions as unknown[]).length));
    expect(r.interactions).toBe(interactions);
    const rec = networkReciprocity(g, { now: NOW });
    expect(r.reciprocity).toEqual({ overall: rec.overall, rho: rec.rho, weighted: rec.weighted });
    expect(r.reciprocity.overall).toBeCloseTo(14 / 15, 15); // 15 links, only me→cold unreturned
    expect(r.stageCounts).toEqual(classifyStages(g, { now: NOW }).stageCounts);
    expect(r.strength.histogram.reduce((s, x) => s + x, 0)).toBe(8);
    expect(r.strength.q1).toBeLessThanOrEqual(r.strength.median);
    expect(r.strength.median).toBeLessThanOrEqual(r.strength.q3);
    // The expected number of relationships in contact is the sum of the ties' chances.
    const chances = tieStrengths(g, { now: NOW }).map((t) => t.probability ?? 0);
    expect(r.contact.expectedActive).toBeCloseTo(
      chances.reduce((t, p) => t + p, 0),
      9,
    );
    expect(r.contact.horizonDays).toBe(30);
  });

  it('ties and people at risk, brokers, central people', () => {
    expect(r.atRisk.count).toBe(2); // lapsed (dormant) and cooling, both were engaged
    expect(r.tiesAtRisk.map((t) => [t.a, t.b, t.stage])).toEqual([
      ['cooling', 'me', 'cooling'],
      ['lapsed', 'me', 'dormant'],
    ]);
    expect(r.peopleAtRisk).toEqual([]);
    expect(r.brokers[0]!.person).toBe('me'); // the only person with five contacts and no ties among them
    expect(r.central.length).toBe(5);
    // PageRank on today's strengths: me's lapsed and cooling ties have faded, so close — three
    // strong weekly ties — ranks first and me second.
    expect(r.central.slice(0, 2).map((c) => c.person)).toEqual(['close', 'me']);
  });

  it('trend since an earlier date', () => {
    expect(r.trend!.from.at).toEqual(new Date(at(199)));
    expect(r.trend!.from.relationships).toBe(6); // cooling (from day 200) and cold (day 300) had not started
    expect(r.trend!.change.relationships).toBe(2);
    expect(summarize(r)).toContain('Since 2024-07-18: relationships +2');
    expect(snapshot(g)).toBe(before);
  });

  it('works with prototype-named keys and names what is wrong', () => {
    const m = new MultiDirectedGraph();
    for (const k of ['__proto__', 'constructor', 'toString']) m.addNode(k);
    m.addEdge('__proto__', 'constructor', { interactions: [{ at: at(0) }] });
    m.addEdge('constructor', '__proto__', { interactions: [{ at: at(1) }] });
    m.addEdge('toString', '__proto__', { interactions: [{ at: at(2) }] });
    const report = networkHealth(m, { now: at(3) });
    expect(report.relationships).toBe(2);
    expect(personHealth(m, '__proto__', { now: at(3) }).tieCounts.all).toBe(2);
    expect(() => networkHealth(g, { now: NOW, compareTo: at(500) })).toThrow(/must be before/);
    expect(() => networkHealth(g, { now: NOW, limit: -1 })).toThrow(InvalidOptionError);
  });

  it('on a generated network: every relationship is counted once, fading/dormant archetypes are at risk', () => {
    const gen = generateNetwork({ seed: 12, people: 300 });
    const report = networkHealth(gen, { now: '2025-01-01', limit: 3 });
    expect(Object.values(report.stageCounts).reduce((s, x) => s + x, 0)).toBeGreaterThanOrEqual(report.relationships);
    expect(report.atRisk.share!).toBeGreaterThan(0.2);
    expect(report.brokers).toHaveLength(3);
  });
});

describe('PageRank', () => {
  it('the power iteration on the index equals graphology-metrics, and density its undirectedDensity', async () => {
    const { buildIndex } = await import('../../src/core/interaction-index.js');
    const { computeDyadStrengths } = await import('../../src/kernel/assess.js');
    const { resolveModel } = await import('../../src/kernel/options.js');
    const { powerIteration } = await import('../../src/reports/network.js');
    const g = generateNetwork({ seed: 2, people: 150 });
    const now = Date.UTC(2025, 0, 1);
    const index = buildIndex(g, {}, 'test');
    const strengths = computeDyadStrengths(index, now, resolveModel({}, 'test'));
    const ties = new UndirectedGraph();
    for (let i = 0; i < index.nodes.length; i++) ties.addNode(String(i));
    for (let d = 0; d < index.dyadCount; d++)
      if (strengths[d]! > 0) ties.addEdge(String(index.dyadA[d]!), String(index.dyadB[d]!), { w: strengths[d]! });
    const metrics = pagerank(ties, { getEdgeWeight: 'w' });
    const ours = powerIteration(index, strengths, 0.85, 100, 1e-6);
    for (let i = 0; i < ours.length; i++) expect(ours[i]!).toBeCloseTo(metrics[String(i)]!, 12);
    const report = networkHealth(g, { now });
    expect(report.density).toBe(undirectedDensity(g.order, report.relationships));
  });
});
