/**
 * Rhythms as a person states them: the usual gap of canonical patterns comes
 * out within ±15 %, with jitter, with bursts (a reply within two days), and
 * with gives and asks interleaved between contacts (property tests).
 */
import Graph from 'graphology';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessRelationship } from 'goodwill';

const DAY = 86_400_000;
const T0 = Date.UTC(2023, 0, 2); // a Monday

/** Canonical patterns: name, the usual gap a person would state (days), the days of contact. */
const PATTERNS: [string, number, (jitter: () => number) => number[]][] = [
  ['daily', 1, () => Array.from({ length: 200 }, (_, i) => i)],
  // Every weekday: gaps 1, 1, 1, 1, 3 — seven days for five contacts.
  ['every weekday', 7 / 5, () => Array.from({ length: 280 }, (_, i) => i).filter((d) => d % 7 < 5)],
  ...(
    [
      ['weekly', 7, 1],
      ['fortnightly', 14, 2],
      ['monthly', 30, 3],
      ['every two months', 60, 5],
      ['quarterly', 91, 7],
    ] as [string, number, number][]
  ).map(
    ([name, every, spread]) =>
      [
        name,
        every,
        (jitter: () => number) => Array.from({ length: 24 }, (_, i) => i * every + Math.round(jitter() * spread)),
      ] as [string, number, (jitter: () => number) => number[]],
  ),
];

function tie(days: number[], bursts: boolean, favours: boolean, every: number, seed: number): Graph {
  const g = new Graph();
  g.addNode('a');
  g.addNode('b');
  const ab: object[] = [];
  const ba: object[] = [];
  let s = seed;
  const random = () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  days.forEach((d, i) => {
    (i % 2 ? ab : ba).push({ at: T0 + d * DAY, kind: every >= 7 ? 'call' : 'message' });
    // A reply within two days: one episode.
    if (bursts && every >= 7)
      (i % 2 ? ba : ab).push({ at: T0 + (d + 1 + Math.floor(random() * 2)) * DAY, kind: 'message' });
    // Now and then a favour between two contacts (about every third period).
    if (favours && every >= 7 && i % 3 === 1)
      (i % 2 ? ba : ab).push({ at: T0 + (d + Math.floor(every / 2)) * DAY, kind: 'favor' });
  });
  g.addEdge('a', 'b', { interactions: ab });
  g.addEdge('b', 'a', { interactions: ba });
  return g;
}

describe('rhythm recovery on canonical patterns (property)', () => {
  it.each(PATTERNS)('%s: the usual gap is within 15 percent of %f days', (_name, every, pattern) => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 30 }), fc.boolean(), fc.boolean(), (seed, bursts, favours) => {
        let s = seed;
        const jitter = () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31) * 2 - 1;
        const days = [...new Set(pattern(jitter))].sort((x, y) => x - y);
        const g = tie(days, bursts, favours, every, seed);
        const last = Math.max(...days) + 2;
        const gap = assessRelationship(g, 'a', 'b', { now: T0 + last * DAY }).rhythm.usualGapDays!;
        expect(gap).toBeGreaterThanOrEqual(every * 0.85);
        expect(gap).toBeLessThanOrEqual(every * 1.15);
      }),
      // A weekly case once found: a reply two days after a contact, the next contact a day early.
      { numRuns: 40, examples: [[1_056_964_593, true, false]] },
    );
  });
});
