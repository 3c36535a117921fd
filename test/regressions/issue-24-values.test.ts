/**
 * Issue 24's reproductions of wrong values in the reading functions
 * (../shared/repro/hostile/D05–D08), each with the right answer.
 */
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import {
  assessRelationship,
  classifyStage,
  coldDate,
  personHealth,
  InvalidOptionError,
  networkHealth,
  tieStrength,
} from 'goodwill';
import { explainChange } from 'goodwill/explain';
import { personBrokerage } from 'goodwill/brokerage';

describe('issue 24: values in range for any valid date', () => {
  it('D05: silences of about a century give finite rhythms, chances and sentences', () => {
    const g = new Graph();
    g.addNode('a');
    g.addNode('b');
    g.addDirectedEdge('a', 'b', { interactions: [{ at: '1900-01-01' }, { at: '2023-03-26' }] });
    g.addDirectedEdge('b', 'a', { interactions: [{ at: '2000-02-29' }] });
    const t = tieStrength(g, 'a', 'b', { now: '2024-06-30' });
    // 1900-01-01 to 2000-02-29 is 36,583 days; the 2023 contact follows within a quarter of that (one episode).
    expect(t.usualGapDays).toBe(36_583);
    for (const v of [t.probability!, t.strength, ...Object.values(t.components)]) expect(Number.isFinite(v)).toBe(true);
    expect(Number.isFinite(networkHealth(g, { now: '2024-06-30' }).contact.mean!)).toBe(true);
    const h = new Graph();
    h.addNode('a');
    h.addNode('b');
    h.addDirectedEdge('a', 'b', { interactions: [{ at: '1970-01-01' }, { at: '2023-09-25' }] });
    expect(
      Number.isFinite(
        tieStrength(h, 'a', 'b', { now: '2024-06-30', thresholds: { defaultGap: { years: 300 } } }).probability!,
      ),
    ).toBe(true);
    const c = classifyStage(h, 'a', 'b', { now: '2024-06-30', thresholds: { defaultGap: { years: 1000 } } });
    for (const r of c.reasons) {
      expect(Number.isFinite(r.threshold) && Number.isFinite(r.value)).toBe(true);
      expect(r.text).not.toMatch(/NaN|undefined/);
    }
  });

  it('D06: giverFatigueRun 0 is refused with a typed error naming the field', () => {
    const g = new Graph();
    g.mergeEdge('a', 'b', { interactions: [{ at: '2024-01-01', kind: 'message' }] });
    g.mergeEdge('b', 'a', { interactions: [{ at: '2024-01-02', kind: 'message' }] });
    expect(() => personHealth(g, 'a', { now: '2024-06-30', thresholds: { giverFatigueRun: 0 } })).toThrow(
      InvalidOptionError,
    );
    expect(() => personHealth(g, 'a', { now: '2024-06-30', thresholds: { giverFatigueRun: 0 } })).toThrow(
      /thresholds\.giverFatigueRun/,
    );
  });

  it('D07: a silence of 9.5 to 10 usual gaps is never "about undefined times"', () => {
    const g = new Graph({ type: 'undirected' });
    g.addNode('ann');
    g.addNode('bob');
    g.addUndirectedEdge('ann', 'bob', {
      interactions: [
        { at: '2023-10-14T23:00:00Z', from: 'bob' },
        { at: '2024-06-12', from: 'ann' },
        { at: '2024-06-29', from: 'bob' },
        { at: '2024-07-31', from: 'bob' },
      ],
    });
    const sentence = explainChange(g, 'ann', 'bob', { from: '2024-08-01', to: '2025-11-27' }).sentence;
    expect(sentence).not.toMatch(/undefined|NaN/);
    expect(sentence).toMatch(/^Strength fell from/);
  });

  it('D08: a tie that never became two-way has no cold date, as its stage never goes dormant', () => {
    const g = new Graph();
    g.addNode('ann');
    g.addNode('bob');
    g.addDirectedEdge('ann', 'bob', { interactions: [{ at: '2023-01-10' }, { at: '2023-02-10' }] });
    const o = { now: '2024-06-30' };
    expect(coldDate(g, 'ann', 'bob', o)).toBeNull();
    expect(assessRelationship(g, 'ann', 'bob', o).rhythm.cold).toBeNull();
    expect(classifyStage(g, 'ann', 'bob', o).stage).toBe('connected');
  });
});

describe('issue 24: D09', () => {
  it("personHealth's brokerage is personBrokerage()'s: unweighted, parallel edges of one direction count once", () => {
    const g = new Graph({ multi: true });
    for (const k of ['p', 'a', 'b', 'c']) g.addNode(k);
    const e = (s: string, t: string, at: string) => g.addDirectedEdge(s, t, { interactions: [{ at }] });
    e('p', 'a', '2024-06-01');
    e('a', 'p', '2024-06-02');
    e('p', 'a', '2024-06-03');
    e('p', 'b', '2024-06-01');
    e('b', 'p', '2024-06-05');
    e('p', 'c', '2024-06-01');
    e('c', 'p', '2024-06-05');
    e('a', 'b', '2024-06-07');
    e('b', 'a', '2024-06-08');
    const b = personBrokerage(g, 'p');
    // Mutual weights 2 with each of a, b, c (the second p → a edge adds nothing), a–b 2: p_pj = 1/3,
    // p_ab = p_ba = 1/2 (a and b each have p and one another): c(a) = c(b) = (1/3 + 1/6)² = 1/4,
    // c(c) = (1/3)² = 1/9 → constraint 11/18.
    expect(b.constraint).toBeCloseTo(11 / 18, 12);
    expect(personHealth(g, 'p', { now: '2024-06-30' }).brokerage).toEqual({
      constraint: b.constraint,
      effectiveSize: b.effectiveSize,
      efficiency: b.efficiency,
    });
  });
});
