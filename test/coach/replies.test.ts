/**
 * Who owes a reply: answer delays, whose turn it is, and the owed list —
 * which agrees with the kernel's count of initiatives still pending.
 */
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { owedReplies, replyState, tieRhythm } from 'goodwill/coach';
import { generateNetwork } from 'goodwill/fixtures';
import { assessPair, readPair } from '../../src/kernel/read.js';

const DAY = 86_400_000;
const at = (d: number, hours = 9) => Date.UTC(2025, 0, 1) + d * DAY + hours * 3_600_000;
const now = at(60, 12);

function inbox(): Graph {
  const g = new Graph();
  for (const [k, name] of [
    ['me', 'Sam'],
    ['dana', 'Dana'],
    ['ann', 'Ann'],
    ['rick', 'Rick'],
    ['news', 'Weekly News'],
  ])
    g.addNode(k, { name });
  // Dana writes every week; Sam answers a few hours later. Her last note, 5 days ago, waits.
  const weeks = [0, 7, 14, 21, 28, 35, 42, 49];
  g.addEdge('dana', 'me', { interactions: [...weeks, 55].map((d) => ({ at: at(d), kind: 'message' })) });
  g.addEdge('me', 'dana', { interactions: weeks.map((d) => ({ at: at(d, 15), kind: 'message' })) });
  // Ann wrote for the first time 2 days ago.
  g.addEdge('ann', 'me', { interactions: [{ at: at(58), kind: 'message' }] });
  // Rick pitches; a newsletter writes every week, never answered.
  g.addEdge('rick', 'me', { interactions: [{ at: at(50), kind: 'pitch' }] });
  g.addEdge('news', 'me', { interactions: [4, 11, 18, 25, 32, 39, 46, 53].map((d) => ({ at: at(d) })) });
  return g;
}

describe('who owes a reply', () => {
  const g = inbox();

  it('Dana waits for Sam, who usually answers within 6 hours', () => {
    const r = replyState(g, 'me', 'dana', { now });
    expect(r.turn).toBe('me');
    expect(r.latencyDays.a).toBeCloseTo(0.25, 12);
    expect(r.answers.a).toBe(8);
    expect(r.waiting).toMatchObject({ from: 'dana', to: 'me', count: 1, days: 5, lapsed: false, ignored: null });
    expect(r.text).toBe('Dana wrote 5 days ago; Sam usually answers within 6 hours.');
  });

  it("Sam owes Dana and Ann, oldest first; not Rick's pitch, not the newsletter", () => {
    const o = owedReplies(g, 'me', { now });
    expect(o.owed.map((x) => x.other)).toEqual(['dana', 'ann']);
    expect(o.owed.map((x) => x.text)).toEqual([
      'Dana wrote 5 days ago; you usually answer within 6 hours.',
      'Ann wrote 2 days ago; you have not answered Ann before.',
    ]);
    expect(o.text).toBe('Sam owes 2 replies: Dana, Ann.');
    expect(replyState(g, 'me', 'rick', { now }).waiting!.ignored).toBe('kind');
    expect(replyState(g, 'me', 'news', { now }).waiting!.ignored).toBe('broadcast');
  });

  it('a pitch is owed a reply when the caller says pitches count', () => {
    expect(owedReplies(g, 'me', { now, ignoreKinds: [] }).owed.map((x) => x.other)).toEqual(['rick', 'dana', 'ann']);
  });

  it('once Sam answers, nobody waits for Sam', () => {
    const h = inbox();
    h.getEdgeAttribute('me', 'dana', 'interactions').push({ at: at(59) });
    expect(replyState(h, 'me', 'dana', { now }).turn).toBe('dana');
    expect(owedReplies(h, 'me', { now }).owed.map((x) => x.other)).toEqual(['ann']);
  });

  it("Dana's weekly notes are regular: burstiness near −1 on days with contact", () => {
    const r = tieRhythm(g, 'me', 'dana', { now });
    expect(r.activeDays).toBe(9);
    expect(r.burstiness.n).toBe(8);
    // Gaps 7 (seven times) and 6: μ = 6.875, σ² = 0.109375.
    const sd = Math.sqrt(0.109375);
    expect(r.burstiness.b).toBeCloseTo((sd - 6.875) / (sd + 6.875), 14);
  });

  it('bad options are typed errors', () => {
    expect(() => owedReplies(g, 'me', { now, ignoreKinds: 'pitch' as never })).toThrow(/ignoreKinds/);
    expect(() => owedReplies(g, 'nobody', { now })).toThrow(/nobody/);
  });

  it("on random networks, the open run's size is the kernel's pending count", () => {
    const net = generateNetwork({ seed: 5, people: 120 });
    const t = '2025-01-01';
    let open = 0;
    for (const p of net.nodes().slice(0, 30))
      for (const q of net.neighbors(p)) {
        const s = assessPair(readPair(net, p, q, { now: t }, 'test'))!;
        const r = replyState(net, p, q, { now: t });
        const count = r.waiting && !r.waiting.lapsed ? r.waiting.count : 0;
        expect(count).toBe(s.pending0 + s.pending1);
        open += count;
      }
    expect(open).toBeGreaterThan(0);
  });
});
