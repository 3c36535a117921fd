/**
 * People worth meeting: the link scores equal NetworkX's on the karate club
 * and the Florentine families (test/oracles/link-prediction.json, made by
 * scripts/oracles/link-prediction.py from the same CSV files), and seeds
 * come through a trusted introducer, with the redundancy penalty.
 */
import { readFileSync } from 'node:fs';
import Graph, { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { linkScores, peopleWorthMeeting } from 'goodwill/coach';
import { describeData, readDataFile } from '../helpers/data.js';

interface Oracle {
  graphs: Record<string, [string, string, number, number, number][]>;
}

describeData('link scores equal NetworkX (1e-12)', () => {
  const oracle = JSON.parse(
    readFileSync(new URL('../oracles/link-prediction.json', import.meta.url), 'utf8'),
  ) as Oracle;
  for (const [file, rows] of Object.entries(oracle.graphs)) {
    it(`${file}: every pair, ${rows.length} of them`, () => {
      const g = new UndirectedGraph();
      for (const line of readDataFile(`karate-florentine/${file}`).trim().split('\n').slice(1)) {
        const [s, t] = line.trim().split(',') as [string, string];
        g.mergeEdge(s, t);
      }
      expect(rows.length).toBe((g.order * (g.order - 1)) / 2);
      for (const [u, v, cn, aa, ra] of rows) {
        const r = linkScores(g, u, v);
        expect(r.commonNeighbors).toBe(cn);
        expect(Math.abs(r.adamicAdar - aa)).toBeLessThanOrEqual(1e-12);
        expect(Math.abs(r.resourceAllocation - ra)).toBeLessThanOrEqual(1e-12);
      }
    });
  }
});

describe('peopleWorthMeeting', () => {
  const DAY = 86_400_000;
  const T0 = Date.UTC(2024, 0, 1);
  const now = T0 + 178 * DAY;
  /** Weekly meetings for 6 months, both setting them up: an engaged tie. */
  const close = (g: Graph, a: string, b: string) => {
    g.addEdge(a, b, {
      interactions: Array.from({ length: 13 }, (_, i) => ({ at: T0 + 14 * i * DAY, kind: 'meeting' })),
    });
    g.addEdge(b, a, {
      interactions: Array.from({ length: 13 }, (_, i) => ({ at: T0 + (14 * i + 7) * DAY, kind: 'meeting' })),
    });
  };
  const g = new Graph();
  for (const k of ['me', 'ann', 'bob', 'cy', 'dee', 'eve', 'fay'])
    g.addNode(k, { name: k[0]!.toUpperCase() + k.slice(1) });
  close(g, 'me', 'ann'); // Ann trusts me
  g.addEdge('me', 'bob', { interactions: [{ at: T0 + 170 * DAY }] }); // Bob barely knows me
  close(g, 'ann', 'cy');
  close(g, 'bob', 'dee');
  close(g, 'ann', 'eve');
  g.addEdge('bob', 'eve'); // Eve also knows Bob: 2 mutual connections
  g.addEdge('cy', 'fay');

  it('only through a contact who trusts me; not a contact already; not two hops away', () => {
    const r = peopleWorthMeeting(g, 'me', { now, peak: 2 });
    expect(r.seeds.map((s) => s.person).sort()).toEqual(['cy', 'eve']);
    const eve = r.seeds.find((s) => s.person === 'eve')!;
    expect(eve.introducer).toBe('ann');
    expect(eve.commonNeighbors).toBe(2);
    expect(eve.novelty).toBe(1);
    expect(r.seeds[0]!.person).toBe('eve');
    expect(eve.reason).toMatch(
      /^Meet Eve through Ann \(Ann and Me 0\.\d\d; Ann and Eve 0\.\d\d\); 2 mutual connections\.$/,
    );
  });

  it('the peak moves the ranking: with a peak at 1 mutual connection, Cy (1) comes first', () => {
    expect(peopleWorthMeeting(g, 'me', { now, peak: 1 }).seeds[0]!.person).toBe('cy');
  });

  it('with groups, the list spreads over them: Hal (Globex) comes before a second seed from Acme', () => {
    const h = g.copy();
    h.addNode('hal', { name: 'Hal', company: 'Globex' });
    h.mergeNodeAttributes('eve', { company: 'Acme' });
    h.mergeNodeAttributes('cy', { company: 'Acme' });
    // Ann sees Hal now and then: a weaker path than to Cy.
    h.addEdge('ann', 'hal', { interactions: [{ at: T0 + 150 * DAY }, { at: T0 + 170 * DAY }, { at: T0 + 176 * DAY }] });
    h.addEdge('hal', 'ann', { interactions: [{ at: T0 + 160 * DAY }] });
    const plain = peopleWorthMeeting(h, 'me', { now, peak: 2 }).seeds;
    expect(plain.map((x) => x.person)).toEqual(['eve', 'cy', 'hal']);
    const [, cy, hal] = plain as [unknown, { score: number }, { score: number }];
    expect(hal.score).toBeGreaterThan(cy.score / 2);
    const spread = peopleWorthMeeting(h, 'me', { now, peak: 2, getGroup: 'company' }).seeds;
    expect(spread.map((x) => x.person)).toEqual(['eve', 'hal', 'cy']);
  });

  it('bad options are typed errors', () => {
    expect(() => peopleWorthMeeting(g, 'me', { now, getGroup: 5 as never })).toThrow(/getGroup/);
    expect(() => peopleWorthMeeting(g, 'me', { now, peak: 0 })).toThrow(/peak/);
    expect(() => linkScores(g, 'me', 'nobody')).toThrow(/nobody/);
  });
});
