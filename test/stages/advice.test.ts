import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { keepInTouch, stageAdvice } from 'goodwill';

const day = (d: number) => Date.UTC(2024, 0, 1) + d * 86_400_000;

describe('stageAdvice and keepInTouch: one due date', () => {
  // An engaged tie: contact on days 0, 1, 2, 8 and 91; due 7 days after the last contact (day 98).
  const g = new Graph();
  g.addNode('a');
  g.addNode('b');
  g.addEdge('b', 'a', { interactions: [{ at: day(0) }, { at: day(1) }] });
  g.addEdge('a', 'b', { interactions: [{ at: day(0) }, { at: day(2) }, { at: day(8) }, { at: day(91) }] });

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
