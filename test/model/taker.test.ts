/**
 * Asks without gives back lower closeness, the way unanswered initiatives do:
 * a side that keeps asking, is helped, and never helps back takes without
 * giving (see `answeredShare` in the kernel).
 */
import Graph from 'graphology';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tieStrength } from 'goodwill';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const T0 = Date.UTC(2024, 0, 1);

/**
 * t asks o on each of `days` (each ask met by a help from o the next day);
 * t helps back, one hour after asking, on the first `back` of them.
 */
function taker(days: readonly number[], back: number): Graph {
  const g = new Graph();
  g.addNode('t');
  g.addNode('o');
  const fromT = days.flatMap((d, i) => [
    { at: T0 + d * DAY, kind: 'request' },
    ...(i < back ? [{ at: T0 + d * DAY + HOUR, kind: 'help' }] : []),
  ]);
  g.addEdge('t', 'o', { interactions: fromT });
  g.addEdge('o', 't', { interactions: days.map((d) => ({ at: T0 + (d + 1) * DAY, kind: 'help' })) });
  return g;
}

/** Ask days: 3 to 12 asks at least 3 days apart. */
const askDays = fc
  .array(fc.integer({ min: 3, max: 40 }), { minLength: 3, maxLength: 12 })
  .map((steps) => steps.reduce<number[]>((days, s) => [...days, (days.at(-1) ?? 0) + s], []));

describe('a taker: asks met, never returned', () => {
  it('helping back never lowers the strength, and a taker who never helps back is not fully mutual', () => {
    fc.assert(
      fc.property(askDays, fc.integer({ min: 0, max: 60 }), (days, after) => {
        const now = T0 + (days.at(-1)! + 2 + after) * DAY;
        let previous = -Infinity;
        let taken = NaN;
        for (let back = 0; back <= days.length; back++) {
          const s = tieStrength(taker(days, back), 't', 'o', { now });
          expect(s.strength).toBeGreaterThanOrEqual(previous);
          previous = s.strength;
          // Three asks or more met and none returned: taking without giving is not an exchange answered.
          if (back === 0) {
            expect(s.mutuality).toBeLessThan(1);
            taken = s.mutuality;
          }
          if (back === days.length) expect(s.mutuality).toBeGreaterThanOrEqual(taken);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('one favour asked does not make a taker; six asks met and none returned leave a quarter', () => {
    // Five days after the last ask: o's last help is still within its answer window (pending).
    const now = T0 + 165 * DAY;
    // Each ask met, none returned: every one of t's initiatives is unreturned, the answered share 0.
    expect(tieStrength(taker([10, 40, 70, 100, 130, 160], 0), 't', 'o', { now }).mutuality).toBe(0.25);
    // Two asks are below the evidence minimum (three, as for one-sided).
    expect(tieStrength(taker([130, 160], 0), 't', 'o', { now }).mutuality).toBe(1);
    // Half returned: t's 9 initiatives (6 asks, 3 helps) were all answered, 3 asks stay unreturned:
    // answered share 6 / 9, mutuality 0.25 + 0.75 × (6/9 − 0.2) / 0.6 = 0.8333… (o's 5 helps decided were all answered).
    expect(tieStrength(taker([10, 40, 70, 100, 130, 160], 3), 't', 'o', { now }).mutuality).toBeCloseTo(
      0.25 + (0.75 * (6 / 9 - 0.2)) / 0.6,
      12,
    );
  });
});
