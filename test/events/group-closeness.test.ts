/**
 * Closeness weighs a 1:1 above being one of many: an interaction in a group
 * of more than 4 people counts 3 / (size − 1) of its value (`groupShare`,
 * chosen on the Enron e-mail: scripts/group-closeness.ts, the data guide).
 */
import fc from 'fast-check';
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { InvalidInteractionError, tieStrength } from 'goodwill';
import { addEvents } from 'goodwill/import';
import { groupShare } from '../../src/core/kinds.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);

describe('closeness and group size', () => {
  it('a group counts in full up to 4 people, then 3 / (size − 1)', () => {
    expect([2, 3, 4].map(groupShare)).toEqual([1, 1, 1]);
    expect(groupShare(5)).toBe(3 / 4);
    expect(groupShare(15)).toBe(3 / 14);
  });

  it('a weekly 1:1 meeting yields more closeness than the same meeting with 14 attendees', () => {
    const others = Array.from({ length: 13 }, (_, i) => `p${i}`);
    const weekly = (attendees: string[]) =>
      Array.from({ length: 12 }, (_, w) => ({ at: T0 + w * 7 * DAY, kind: 'meeting', from: 'ann', attendees }));
    const alone = new Graph();
    addEvents(alone, weekly(['bob']));
    const many = new Graph();
    addEvents(many, weekly(['bob', ...others]));
    const now = T0 + 80 * DAY;
    const one = tieStrength(alone, 'ann', 'bob', { now });
    const fourteen = tieStrength(many, 'ann', 'bob', { now });
    expect(one.strength).toBeGreaterThan(fourteen.strength);
    // The same meetings, counted alike: only their value (warmth) is shared, 3 / 14 of it with 14 attendees.
    expect(fourteen.interactions).toBe(one.interactions);
    expect(fourteen.warmth).toBeCloseTo((one.warmth * 3) / 14, 12);
  });

  it('raising the size of an interaction’s group never raises the strength', () => {
    const history = fc.array(
      fc.record({
        day: fc.integer({ min: 0, max: 300 }),
        fromA: fc.boolean(),
        kind: fc.constantFrom('message', 'call', 'meeting', 'help', 'request'),
        size: fc.option(fc.integer({ min: 2, max: 40 }), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 30 },
    );
    fc.assert(
      fc.property(
        history,
        fc.nat(),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 120 }),
        (events, pick, more, after) => {
          const build = (list: typeof events) => {
            const g = new Graph();
            g.addNode('a');
            g.addNode('b');
            for (const [s, t, fromA] of [
              ['a', 'b', true],
              ['b', 'a', false],
            ] as const) {
              const mine = list.filter((e) => e.fromA === fromA);
              if (mine.length > 0)
                g.addEdge(s, t, {
                  interactions: mine.map((e) => ({
                    at: T0 + e.day * DAY,
                    kind: e.kind,
                    ...(e.size === undefined ? {} : { group: { size: e.size } }),
                  })),
                });
            }
            return g;
          };
          const now = T0 + (Math.max(...events.map((e) => e.day)) + after) * DAY;
          const i = pick % events.length;
          const bigger = events.map((e, j) => (j === i ? { ...e, size: (e.size ?? 2) + more } : e));
          const before = tieStrength(build(events), 'a', 'b', { now }).strength;
          expect(tieStrength(build(bigger), 'a', 'b', { now }).strength).toBeLessThanOrEqual(before + 1e-12);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a group that is not { size } with a whole size >= 2 is a typed error naming the field', () => {
    for (const group of [{ size: 1 }, { size: 2.5 }, { size: '3' }, 'team', {}]) {
      const g = new Graph();
      g.mergeEdge('a', 'b', { interactions: [{ at: T0, group }] });
      expect(() => tieStrength(g, 'a', 'b', { now: T0 })).toThrow(InvalidInteractionError);
      expect(() => tieStrength(g, 'a', 'b', { now: T0 })).toThrow(/`group` = .*whole number >= 2/);
    }
  });
});
