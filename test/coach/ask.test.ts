/**
 * May I ask? The verdict agrees with the stage ladder and the premature-ask
 * flag by construction (properties on generated networks), and says what to
 * give first.
 */
import Graph from 'graphology';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyStage, type PeopleGraph } from 'goodwill';
import { askReadiness, personAskReadiness, referralReadiness } from 'goodwill/coach';
import { generateNetwork } from 'goodwill/fixtures';

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);

/** A copy of `g` with `ask` from a to b at `at` added (the lists copied, not shared). */
function withAsk(g: PeopleGraph, a: string, b: string, at: number): PeopleGraph {
  const h = g.copy() as PeopleGraph;
  const edge = h.edge(a, b);
  const ask = { at, kind: 'request' };
  if (edge === undefined) h.addEdge(a, b, { interactions: [ask] });
  else h.setEdgeAttribute(edge, 'interactions', [...(h.getEdgeAttribute(edge, 'interactions') ?? []), ask]);
  return h;
}

describe('askReadiness agrees with the ladder and the premature-ask flag', () => {
  it('ready only on an engaged or trusted tie; never where a new ask would be flagged premature; too-early where it would', () => {
    let ready = 0;
    let early = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 0, max: 700 }), (seed, day) => {
        const g = generateNetwork({ seed, people: 40 });
        const now = Date.UTC(2024, 0, 1) + day * DAY;
        for (const me of g.nodes().slice(0, 6))
          for (const them of g.neighbors(me)) {
            const r = askReadiness(g, me, them, { now });
            const st = classifyStage(g, me, them, { now });
            const mature = ['engaged', 'trusted'].includes(st.stage) && ['engaged', 'trusted'].includes(st.level!);
            expect(r.verdict === 'too-early').toBe(!mature);
            if (st.flags.includes('premature-ask')) continue;
            const after = classifyStage(withAsk(g, me, them, now), me, them, { now });
            if (r.verdict === 'ready') {
              ready++;
              expect(after.flags).not.toContain('premature-ask');
            }
            if (st.level === 'connected' || st.level === 'acquainted') {
              early++;
              expect(r.verdict).toBe('too-early');
              expect(after.flags).toContain('premature-ask');
            }
          }
      }),
      { numRuns: 12, seed: 23 },
    );
    expect(ready).toBeGreaterThan(0);
    expect(early).toBeGreaterThan(0);
  });
});

/** Sam and Lee meet every week for a year (alternating who sets it up); gives as given. */
function pair(gives: { from: string; day: number; kind: string }[], asks: { from: string; day: number }[] = []): Graph {
  const g = new Graph();
  g.addNode('sam', { name: 'Sam' });
  g.addNode('lee', { name: 'Lee' });
  const list = (from: string) => [
    ...Array.from({ length: 26 }, (_, i) => ({ at: T0 + (14 * i + (from === 'sam' ? 0 : 7)) * DAY, kind: 'meeting' })),
    ...gives.filter((x) => x.from === from).map((x) => ({ at: T0 + x.day * DAY, kind: x.kind })),
    ...asks.filter((x) => x.from === from).map((x) => ({ at: T0 + x.day * DAY, kind: 'request' })),
  ];
  g.addEdge('sam', 'lee', { interactions: list('sam') });
  g.addEdge('lee', 'sam', { interactions: list('lee') });
  return g;
}

describe('the goodwill balance and what to give first', () => {
  const now = T0 + 365 * DAY;

  it('Lee gave twice lately and Sam nothing: give first, about one introduction', () => {
    const g = pair([
      { from: 'lee', day: 350, kind: 'referral' },
      { from: 'lee', day: 355, kind: 'help' },
      { from: 'sam', day: 100, kind: 'help' },
    ]);
    const r = askReadiness(g, 'sam', 'lee', { now, balanceHalfLife: { days: 180 } });
    // Decayed values: 8·2^(−15/180) + 4·2^(−10/180) received; 4·2^(−265/180) given.
    const received = 8 * 2 ** (-15 / 180) + 4 * 2 ** (-10 / 180);
    const gave = 4 * 2 ** (-265 / 180);
    expect(r.balance.received).toBeCloseTo(received, 12);
    expect(r.balance.gave).toBeCloseTo(gave, 12);
    expect(r.verdict).toBe('give-first');
    expect(r.giveFirst!.amount).toBeCloseTo(received - gave - 4, 12);
    expect(r.giveFirst!.suggestion).toEqual({ kind: 'introduction', count: 1, value: 6 });
    expect(r.text).toBe(
      "Give first: the goodwill must be even or in Sam's favour; Sam gave Lee 1.4 and received 11.4 (values decayed by age): the goodwill is in Lee's favour. About 6 would even it: one introduction (value 6).",
    );
    // Seen from Lee, the goodwill is in Lee's favour: Lee may ask.
    expect(askReadiness(g, 'lee', 'sam', { now }).verdict).toBe('ready');
  });

  it('an ask of Sam still open, with nothing given since: give first, or let it be answered', () => {
    const g = pair([], [{ from: 'sam', day: 360 }]);
    const r = askReadiness(g, 'sam', 'lee', { now });
    expect(r.verdict).toBe('give-first');
    expect(r.rules.find((x) => x.rule === 'no-open-ask')!.met).toBe(false);
    expect(r.giveFirst!.text).toBe('Let Lee answer the open ask first, or give before asking again.');
    // Once Lee has given, the ask is answered.
    const h = pair([{ from: 'lee', day: 362, kind: 'help' }], [{ from: 'sam', day: 360 }]);
    expect(askReadiness(h, 'sam', 'lee', { now }).rules.find((x) => x.rule === 'no-open-ask')!.met).toBe(true);
  });

  it('a balanced engaged tie without gives is ready', () => {
    const r = askReadiness(pair([]), 'sam', 'lee', { now });
    expect(r.verdict).toBe('ready');
    expect(r.text).toBe('Sam may ask Lee: the tie is engaged, the goodwill is even, and no ask is waiting.');
  });

  it('a referral needs trust on both hops', () => {
    const g = pair([
      { from: 'lee', day: 100, kind: 'help' },
      { from: 'sam', day: 200, kind: 'help' },
    ]);
    g.addNode('kim', { name: 'Kim' });
    g.addEdge('lee', 'kim', { interactions: [{ at: T0 + 300 * DAY }] });
    const r = referralReadiness(g, 'sam', 'lee', 'kim', { now });
    expect(r.rules.slice(0, 2).map((x) => x.met)).toEqual([true, false]);
    expect(r.verdict).toBe('too-early');
    expect(r.text).toBe(
      'Too early to ask Lee to refer Sam to Kim: a referral needs a trusted tie; Lee and Kim are connected.',
    );
  });

  it('bad options are typed errors', () => {
    expect(() => askReadiness(pair([]), 'sam', 'lee', { now, evenWithin: -1 })).toThrow(/evenWithin/);
    expect(() => askReadiness(pair([]), 'sam', 'lee', { now, balanceHalfLife: 'x' as never })).toThrow(
      /balanceHalfLife/,
    );
    expect(() => referralReadiness(pair([]), 'sam', 'lee', 'nobody', { now })).toThrow(/nobody/);
  });
});

describe('personAskReadiness', () => {
  it('equals askReadiness tie by tie, on a generated network', () => {
    const g = generateNetwork({ seed: 31, people: 80 });
    const now = '2025-01-01';
    for (const p of g.nodes().slice(0, 15)) {
      const all = personAskReadiness(g, p, { now });
      expect(all.ties.map((t) => t.them)).toEqual([...g.neighbors(p)].sort());
      for (const t of all.ties) expect(t).toEqual(askReadiness(g, p, t.them, { now }));
      expect(all.ready.length + all.giveFirst.length + all.tooEarly.length).toBe(all.ties.length);
    }
  });
});
