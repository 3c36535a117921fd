/**
 * The weekly plan: equal to brute force on small candidate sets, never over
 * budget, at most the reconnects allowed, deterministic.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PeopleGraph } from 'goodwill';
import { weeklyPlan, type PlanItem } from 'goodwill/coach';
import { generateNetwork } from 'goodwill/fixtures';

/** The best total value of at most `touches` items with at most `reconnects` reconnects, by enumeration. */
function bruteForce(items: readonly PlanItem[], touches: number, reconnects: number): number {
  let best = 0;
  for (let mask = 0; mask < 1 << items.length; mask++) {
    let count = 0;
    let cold = 0;
    let value = 0;
    for (let i = 0; i < items.length; i++)
      if (mask & (1 << i)) {
        count++;
        if (items[i]!.kind === 'reconnect') cold++;
        value += items[i]!.value;
      }
    if (count <= touches && cold <= reconnects && value > best) best = value;
  }
  return best;
}

/** The same graph with nodes and edges added in reverse order. */
function reversed(g: PeopleGraph): PeopleGraph {
  const h = g.emptyCopy() as PeopleGraph;
  h.clear();
  for (const n of [...g.nodes()].reverse()) h.addNode(n, g.getNodeAttributes(n));
  for (const e of [...g.edges()].reverse()) h.addEdge(g.source(e), g.target(e), g.getEdgeAttributes(e));
  return h;
}

describe('weeklyPlan', () => {
  it('equals brute force on ≤ 12 candidates; never over budget; at most the reconnects allowed', () => {
    let checked = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }),
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 2 }),
        (seed, day, touches, reconnects) => {
          const g = generateNetwork({ seed, people: 30 });
          const now = Date.UTC(2024, 0, 1) + day * 86_400_000;
          for (const person of g.nodes().slice(0, 8)) {
            const plan = weeklyPlan(g, person, { now, touches, reconnects });
            expect(plan.picks.length).toBeLessThanOrEqual(touches);
            expect(plan.picks.filter((p) => p.kind === 'reconnect').length).toBeLessThanOrEqual(reconnects);
            const all = [...plan.picks, ...plan.leftOut];
            expect(new Set(all.map((p) => p.other)).size).toBe(all.length);
            if (all.length > 12) continue;
            checked++;
            expect(plan.value).toBeCloseTo(bruteForce(all, touches, reconnects), 12);
          }
        },
      ),
      { numRuns: 25, seed: 7 },
    );
    expect(checked).toBeGreaterThan(50);
  });

  it('is deterministic: the same plan twice, and for the same graph built in another order', () => {
    const g = generateNetwork({ seed: 9, people: 60 });
    const now = '2025-01-01';
    for (const person of g.nodes().slice(0, 10)) {
      const plan = weeklyPlan(g, person, { now, touches: 3 });
      expect(weeklyPlan(g, person, { now, touches: 3 })).toEqual(plan);
      expect(weeklyPlan(reversed(g), person, { now, touches: 3 })).toEqual(plan);
    }
  });

  it('bad options are typed errors', () => {
    const g = generateNetwork({ seed: 9, people: 20 });
    const p = g.nodes()[0]!;
    expect(() => weeklyPlan(g, p, { now: '2025-01-01', touches: 1.5 })).toThrow(/touches/);
    expect(() => weeklyPlan(g, p, { now: '2025-01-01', reconnects: -1 })).toThrow(/reconnects/);
    expect(() => weeklyPlan(g, p, { now: '2025-01-01', horizon: 'soon' as never })).toThrow(/horizon/);
  });
});
