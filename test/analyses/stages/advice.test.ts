import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { keepInTouch, stageAdvice } from 'goodwill';

const day = (d: number) => Date.UTC(2024, 0, 1) + d * 86_400_000;

describe('stageAdvice and keepInTouch: one due date', () => {
  // An engaged tie: contact every 4 days from day 0 to day 88, then day 91 (the same episode): a usual
  // gap of 4 days, so due 7 days (the floor, minDueGap) after the last contact, on day 98.
  const g = new Graph();
  g.addNode('a');
  g.addNode('b');
  const every = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ at: day(from + 8 * i) }));
  g.addEdge('b', 'a', { interactions: every(0, 12) });
  g.addEdge('a', 'b', { interactions: [...every(4, 11), { at: day(91) }] });

  it('a tie on its due date is due, not overdue: not yet in feed', () => {
    const now = day(98);
    const contact = keepInTouch(g, 'a', { now }).contacts.find((c) => c.other === 'b')!;
    expect(contact.due.getTime()).toBe(now);
    expect(contact.overdueDays).toBe(0);
    expect(stageAdvice(g, 'a', { now }).feed.map((f) => f.other)).toEqual([]);
  });

  it('a day later it is overdue, and in feed', () => {
    const now = day(99);
    expect(keepInTouch(g, 'a', { now }).contacts.find((c) => c.other === 'b')!.overdueDays).toBe(1);
    expect(stageAdvice(g, 'a', { now }).feed.map((f) => f.other)).toEqual(['b']);
  });
});
