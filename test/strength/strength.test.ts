import Graph, { MultiDirectedGraph } from 'graphology';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  coldDate,
  dunbarLayers,
  InvalidOptionError,
  keepInTouch,
  NodeNotFoundError,
  tieStrength,
  tieStrengths,
  warmth,
} from 'goodwill';
import { calibrateDecay } from 'goodwill/calibrate';
import { generateNetwork } from 'goodwill/fixtures';
import { rocAuc } from '../../src/calibrate/calibrate-decay.js';
import { freezeGraph, snapshot } from '../helpers/frozen.js';
import { cleanPrototypePollutionAfterEach } from '../helpers/pollution.js';

cleanPrototypePollutionAfterEach();

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);
const at = (d: number) => T0 + d * DAY;

function pair(ab: { at: number; kind?: string }[], ba: { at: number; kind?: string }[] = []): Graph {
  const g = new Graph();
  g.addNode('a');
  g.addNode('b');
  if (ab.length) g.addEdge('a', 'b', { interactions: ab });
  if (ba.length) g.addEdge('b', 'a', { interactions: ba });
  return g;
}

describe('warmth and cold dates (hand-computed)', () => {
  it('one meeting (3) 30 days ago at half-life 30 days is 1.5; a message today adds 1', () => {
    const g = pair([{ at: at(0), kind: 'meeting' }], [{ at: at(30) }]);
    expect(warmth(g, 'a', 'b', { now: at(30) })).toEqual({ warmth: 2.5, fromA: 1.5, fromB: 1, halfLifeDays: 30 });
    expect(warmth(g, 'b', 'a', { now: at(30) })).toEqual({ warmth: 2.5, fromA: 1, fromB: 1.5, halfLifeDays: 30 });
    expect(warmth(g, 'a', 'b', { now: at(60), halfLife: { days: 15 } }).warmth).toBeCloseTo(3 / 16 + 1 / 4, 12);
  });

  it('cold date: the day the silence reaches the dormancy rule, max(8 × usual gap, 90 days)', () => {
    // Weekly for ten weeks: usual gap 7 days, cold after max(56, 90) = 90 days of silence.
    const weekly = Array.from({ length: 10 }, (_, w) => ({ at: at(7 * w) }));
    const g = pair(
      weekly.filter((_, i) => i % 2 === 0),
      weekly.filter((_, i) => i % 2 === 1),
    );
    expect(coldDate(g, 'a', 'b', { now: at(70) })).toEqual(new Date(at(63 + 90)));
    expect(
      coldDate(g, 'a', 'b', {
        now: at(70),
        thresholds: { dormantMinSilence: { days: 1 }, coolingMinSilence: { days: 1 } },
      }),
    ).toEqual(new Date(at(63 + 56)));
    // A date at or before now: it has gone cold.
    expect(coldDate(g, 'a', 'b', { now: at(400) })!.getTime()).toBeLessThanOrEqual(at(400));
  });

  it('ignores interactions after now; a pair without a tie has no warmth and no cold date', () => {
    const g = pair([{ at: at(0) }, { at: at(50) }]);
    expect(warmth(g, 'a', 'b', { now: at(0) }).warmth).toBe(1);
    g.addNode('c');
    expect(warmth(g, 'a', 'c', { now: at(0) }).warmth).toBe(0);
    expect(coldDate(g, 'a', 'c', { now: at(0) })).toBeNull();
    expect(tieStrength(g, 'a', 'c', { now: at(0) })).toMatchObject({ strength: 0, interactions: 0, lastContact: null });
  });

  it('never rises without a new interaction; the cold date stays put (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 300 }),
            fc.boolean(),
            fc.constantFrom(undefined, 'call', 'help', 'referral'),
          ),
          { minLength: 1, maxLength: 15 },
        ),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 90 }),
        (events, nowDay, later, halfLifeDays) => {
          const mk = (fromA: boolean) =>
            events.filter((e) => e[1] === fromA).map(([d, , kind]) => (kind ? { at: at(d), kind } : { at: at(d) }));
          const g = pair(mk(true), mk(false));
          const lastEvent = Math.max(...events.map((e) => e[0]));
          const options = { halfLife: { days: halfLifeDays } };
          const w1 = warmth(g, 'a', 'b', { now: at(nowDay), ...options }).warmth;
          const w2 = warmth(g, 'a', 'b', { now: at(nowDay + later), ...options }).warmth;
          if (nowDay >= lastEvent) expect(w2).toBeLessThanOrEqual(w1);
          // The cold date never moves without a new interaction.
          const cold = coldDate(g, 'a', 'b', { now: at(nowDay), ...options });
          if (nowDay >= lastEvent) expect(coldDate(g, 'a', 'b', { now: at(nowDay + later), ...options })).toEqual(cold);
          const s = tieStrength(g, 'a', 'b', { now: at(nowDay), ...options });
          expect(s.strength).toBeGreaterThanOrEqual(0);
          expect(s.strength).toBeLessThanOrEqual(1);
          expect(tieStrength(g, 'b', 'a', { now: at(nowDay), ...options })).toEqual(s);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('tieStrength', () => {
  it('explains itself: mutuality × the weighted sum of its components', () => {
    const g = pair([{ at: at(0) }, { at: at(20), kind: 'help' }], [{ at: at(10) }]);
    const s = tieStrength(g, 'a', 'b', { now: at(30) });
    const { components: c, weights: w } = s;
    // Contact days 0, 10, 20: a usual gap of 10 days, below the half-life, so recency decays by the half-life.
    expect(s.usualGapDays).toBeCloseTo(10, 9);
    expect(c.recency).toBeCloseTo(Math.pow(2, -10 / 30), 12);
    expect(c.frequency).toBeCloseTo(1 - Math.exp(-3 / 6), 12);
    const wA = Math.pow(2, -1) + 4 * Math.pow(2, -10 / 30);
    const wB = Math.pow(2, -20 / 30);
    expect(s.warmth).toBeCloseTo(wA + wB, 12);
    expect(c.intensity).toBeCloseTo((wA + wB) / (wA + wB + 5), 12);
    expect(c.duration).toBeCloseTo(1 - Math.pow(2, -20 / 180), 12);
    expect(c.exchange).toBe(0); // only a gave
    // a started 2 of 3 (67%, under 70%): fully mutual.
    expect(s.mutuality).toBe(1);
    const sum =
      w.recency * c.recency +
      w.frequency * c.frequency +
      w.intensity * c.intensity +
      w.duration * c.duration +
      w.exchange * c.exchange;
    expect(s.evidence).toBeCloseTo(sum, 12);
    expect(s.strength).toBeCloseTo(sum, 12);
    expect(w.recency + w.frequency + w.intensity + w.duration + w.exchange).toBeCloseTo(1, 12);
    expect(s).toMatchObject({
      interactions: 3,
      firstContact: new Date(at(0)),
      lastContact: new Date(at(20)),
      overridden: false,
      dormant: false,
    });
  });

  it('a tie the other side never answered keeps oneSidedFactor of its evidence; answers restore it', () => {
    const oneWay = pair([{ at: at(0) }, { at: at(10) }, { at: at(20) }]);
    const s = tieStrength(oneWay, 'a', 'b', { now: at(30) });
    expect(s.mutuality).toBe(0.25);
    expect(s.strength).toBeCloseTo(0.25 * s.evidence, 12);
    expect(tieStrength(oneWay, 'a', 'b', { now: at(30), oneSidedFactor: 0.2 }).strength).toBeCloseTo(
      0.2 * s.evidence,
      12,
    );
    // One answer five days after the third message answers all three (within 30 days): fully mutual,
    // although a started three times as often.
    const threeToOne = pair([{ at: at(0) }, { at: at(10) }, { at: at(20) }], [{ at: at(25) }]);
    expect(tieStrength(threeToOne, 'a', 'b', { now: at(30) }).mutuality).toBe(1);
    // Every 40 days, answered only after the fourth: the usual gap is 40 days, so the answer covers
    // the last 40 days — 1 of 4 answered, 25 %: mutuality 0.25 + 0.75 × (0.25 − 0.2) / 0.6 = 0.3125.
    const late = pair([{ at: at(0) }, { at: at(40) }, { at: at(80) }, { at: at(120) }], [{ at: at(125) }]);
    expect(tieStrength(late, 'a', 'b', { now: at(130) }).mutuality).toBeCloseTo(0.3125, 12);
  });

  it("recency is judged against the tie's own rhythm: a quarterly tie is not stale after 45 days", () => {
    const quarterly = Array.from({ length: 8 }, (_, q) => ({ at: at(91 * q), kind: 'meeting' }));
    const g = pair(
      quarterly.filter((_, i) => i % 2 === 0),
      quarterly.filter((_, i) => i % 2 === 1),
    );
    const s = tieStrength(g, 'a', 'b', { now: at(91 * 7 + 45) });
    expect(s.usualGapDays).toBeCloseTo(91, 9);
    expect(s.components.recency).toBeCloseTo(Math.pow(2, -45 / 91), 12);
  });

  it('a manual override wins; weights are normalised', () => {
    const g = pair([{ at: at(0) }]);
    g.setEdgeAttribute('a', 'b', 'strengthOverride', 0.9);
    expect(tieStrength(g, 'a', 'b', { now: at(1) })).toMatchObject({ strength: 0.9, overridden: true });
    const plain = pair([{ at: at(0) }], [{ at: at(1) }]);
    expect(
      tieStrength(plain, 'a', 'b', {
        now: at(2),
        weights: { recency: 2, frequency: 0, intensity: 0, duration: 0, exchange: 0 },
      }).strength,
    ).toBeCloseTo(Math.pow(2, -1 / 30), 12);
  });

  it('is dormant after max(8 × usual gap, 90 days) of silence', () => {
    const weekly = Array.from({ length: 10 }, (_, w) => ({ at: at(7 * w) }));
    const g = pair(
      weekly.filter((_, i) => i % 2 === 0),
      weekly.filter((_, i) => i % 2 === 1),
    );
    expect(tieStrength(g, 'a', 'b', { now: at(63 + 89) }).dormant).toBe(false);
    expect(tieStrength(g, 'a', 'b', { now: at(63 + 90) }).dormant).toBe(true);
    expect(
      tieStrength(g, 'a', 'b', {
        now: at(63 + 56),
        thresholds: { dormantMinSilence: { days: 1 }, coolingMinSilence: { days: 1 } },
      }).dormant,
    ).toBe(true);
  });

  it('tieStrengths covers every tie, sorted by key, equal to tieStrength; assign writes edges', () => {
    const g = generateNetwork({ seed: 4, people: 60 });
    const all = tieStrengths(g, { now: '2025-01-01' });
    for (let i = 1; i < all.length; i++)
      expect(`${all[i - 1]!.a}|${all[i - 1]!.b}` < `${all[i]!.a}|${all[i]!.b}`).toBe(true);
    for (const t of all.slice(0, 25)) expect(tieStrength(g, t.b, t.a, { now: '2025-01-01' }).strength).toBe(t.strength);
    const copy = g.copy();
    tieStrengths.assign(copy, { now: '2025-01-01', attribute: 'tie' });
    const first = all[0]!;
    copy.forEachEdge((_e, attrs, s, t) => {
      if ((s === first.a && t === first.b) || (s === first.b && t === first.a))
        expect((attrs as unknown as Record<string, unknown>)['tie']).toBe(first.strength);
    });
  });

  it('finds the fading and dormant archetypes of a generated network', () => {
    const g = generateNetwork({ seed: 9, people: 800 });
    const all = tieStrengths(g, { now: '2025-01-01' });
    const archetype = new Map<string, string>();
    g.forEachEdge((_e, a, s, t) => archetype.set(s < t ? `${s}|${t}` : `${t}|${s}`, a.archetype));
    const by = (name: string) => all.filter((t) => archetype.get(`${t.a}|${t.b}`) === name);
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const dormant = by('dormant');
    expect(dormant.filter((t) => t.dormant).length / dormant.length).toBeGreaterThan(0.9);
    expect(mean(by('fading').map((t) => t.strength))).toBeLessThan(mean(by('colleague').map((t) => t.strength)));
    expect(mean(by('dormant').map((t) => t.strength))).toBeLessThan(mean(by('fading').map((t) => t.strength)));
    expect(mean(by('close-friend').map((t) => t.strength))).toBeGreaterThan(
      mean(by('colleague').map((t) => t.strength)),
    );
  });
});

describe('dunbarLayers and keepInTouch', () => {
  // me with 20 friends: friend k was last contacted k days ago, after (21 − k) exchanges every 3 days (a message, a reply the next day).
  const g = new Graph();
  g.addNode('me');
  for (let k = 1; k <= 20; k++) {
    const f = `f${String(k).padStart(2, '0')}`;
    g.addNode(f, { tags: k === 20 ? ['vip'] : [] });
    g.addEdge('me', f, { interactions: Array.from({ length: 21 - k }, (_, i) => ({ at: at(100 - k - 3 * i) })) });
    g.addEdge(f, 'me', { interactions: Array.from({ length: 21 - k }, (_, i) => ({ at: at(99 - k - 3 * i) })) });
  }
  // A one-way contact and a bare link have no layer and are never due.
  g.addNode('cold');
  g.addEdge('me', 'cold', { interactions: [{ at: at(99) }, { at: at(98) }] });
  g.addNode('link');
  g.addEdge('me', 'link');
  const now = at(100);

  it('sorts two-way ties into 5 / 15 / 50 / 150 by strength, with cadences; one-way ties go beyond', () => {
    const { layers } = dunbarLayers(g, 'me', { now });
    expect(layers.map((l) => [l.size, l.cadenceDays, l.ties.length])).toEqual([
      [5, 7, 5],
      [15, 30, 10],
      [50, 182, 5],
      [150, 365, 0],
      [null, null, 2],
    ]);
    expect(layers[0]!.ties.map((t) => t.other)).toEqual(['f01', 'f02', 'f03', 'f04', 'f05']);
    expect(layers[4]!.ties.map((t) => t.other).sort()).toEqual(['cold', 'link']);
  });

  it("keepInTouch: due when the silence reaches the tie's own rhythm; priority = strength × overdue ratio; a new contact resets it", () => {
    const todo = keepInTouch(g, 'me', { now });
    expect(todo.contacts.map((e) => e.other).sort()).toEqual(
      Array.from({ length: 20 }, (_, k) => `f${String(k + 1).padStart(2, '0')}`),
    );
    // Contact every day or two: the usual gap is under a week, so the cadence is the one-week floor (minDueGap).
    const f10 = todo.contacts.find((e) => e.other === 'f10')!;
    expect(f10).toMatchObject({
      cadenceSource: 'rhythm',
      cadenceDays: 7,
      overdueDays: 3,
      due: new Date(at(90 + 7)),
      latest: new Date(at(90 + 14)),
    });
    expect(f10.priority).toBeCloseTo((f10.strength * 3) / 7, 12);
    const f05 = todo.contacts.find((e) => e.other === 'f05')!; // last contact 5 days ago: not yet due
    expect(f05).toMatchObject({ overdueDays: 0, priority: 0, due: new Date(at(95 + 7)) });
    for (let i = 1; i < todo.contacts.length; i++)
      expect(todo.contacts[i - 1]!.priority).toBeGreaterThanOrEqual(todo.contacts[i]!.priority);
    // With cadence: 'layer', no tie waits longer than its layer's cadence; here the rhythm is the shorter.
    expect(keepInTouch(g, 'me', { now, cadence: 'layer' }).contacts.find((e) => e.other === 'f10')!.cadenceDays).toBe(
      7,
    );
    expect(
      keepInTouch(g, 'me', { now, cadence: 'layer', thresholds: { minDueGap: { days: 60 } } }).contacts.find(
        (e) => e.other === 'f10',
      )!,
    ).toMatchObject({ cadenceSource: 'layer', cadenceDays: 30 });
    // Per-tag cadence: the VIP every 3 days.
    const vip = keepInTouch(g, 'me', {
      now,
      getCadence: (_k, attrs) => ((attrs['tags'] as string[]).includes('vip') ? { days: 3 } : null),
    });
    const f20 = vip.contacts.find((e) => e.other === 'f20')!;
    expect(f20).toMatchObject({ cadenceSource: 'user', cadenceDays: 3, overdueDays: 17 });
    expect(f20.priority).toBeCloseTo((f20.strength * 17) / 3, 12);
    // Logging a call with f20 today resets it.
    const g2 = g.copy();
    g2.updateEdgeAttribute('me', 'f20', 'interactions', (list) => [...(list as object[]), { at: now, kind: 'call' }]);
    expect(
      keepInTouch(g2, 'me', { now, getCadence: () => ({ days: 3 }) }).contacts.find((e) => e.other === 'f20')!,
    ).toMatchObject({ overdueDays: 0, due: new Date(now + 3 * DAY) });
  });

  it('is deterministic and does not mutate a frozen graph; prototype-named keys work', () => {
    const m = new MultiDirectedGraph();
    for (const k of ['__proto__', 'constructor', 'toString']) m.addNode(k);
    m.addEdge('__proto__', 'constructor', { interactions: [{ at: at(0) }, { at: at(2) }] });
    m.addEdge('constructor', '__proto__', { interactions: [{ at: at(1) }] });
    m.addEdge('toString', '__proto__', { interactions: [{ at: at(1) }, { at: at(5) }] });
    m.addEdge('__proto__', 'toString', { interactions: [{ at: at(3) }] });
    freezeGraph(m);
    const before = snapshot(m);
    const a = keepInTouch(m, '__proto__', { now: at(40) });
    expect(a.contacts.map((e) => e.other).sort()).toEqual(['constructor', 'toString']);
    expect(keepInTouch(m, '__proto__', { now: at(40) })).toEqual(a);
    expect(
      dunbarLayers(m, '__proto__', { now: at(40) })
        .layers[0]!.ties.map((t) => t.other)
        .sort(),
    ).toEqual(['constructor', 'toString']);
    expect(snapshot(m)).toBe(before);
  });

  it('names what is wrong', () => {
    expect(() => dunbarLayers(g, 'nobody', { now })).toThrow(NodeNotFoundError);
    expect(() => dunbarLayers(g, 'me', { now, sizes: [5, 3] })).toThrow(/sizes/);
    expect(() => keepInTouch(g, 'me', { now, maxFactor: 0.5 })).toThrow(/maxFactor/);
    expect(() => tieStrength(g, 'me', 'f01', { now, weights: { warmth: 1 } as never })).toThrow(/unknown weight/);
    expect(() => tieStrength(g, 'me', 'f01', { now, halfLife: -1 })).toThrow(InvalidOptionError);
    expect(() => tieStrength(g, 'me', 'f01', {} as never)).toThrow(/`now` is required/);
  });
});

describe('calibrateDecay and ROC AUC', () => {
  it('rocAuc equals the brute-force pair count, ties counting one half (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.boolean()), { minLength: 2, maxLength: 40 }),
        (rows) => {
          const scores = rows.map((r) => r[0]);
          const labels = rows.map((r) => r[1]);
          let u = 0;
          let n = 0;
          for (let i = 0; i < rows.length; i++) {
            for (let j = 0; j < rows.length; j++) {
              if (labels[i] && !labels[j]) {
                n++;
                u += scores[i]! > scores[j]! ? 1 : scores[i] === scores[j] ? 0.5 : 0;
              }
            }
          }
          const auc = rocAuc(scores, labels);
          if (n === 0) expect(auc).toBeNaN();
          else expect(auc).toBeCloseTo(u / n, 12);
        },
      ),
    );
  });

  it('fits on history before now only, and its options plug into tieStrength', () => {
    const g = generateNetwork({ seed: 5, people: 300 });
    const { options, report } = calibrateDecay(g, { now: '2024-10-01' });
    expect(report.cut).toEqual(new Date(Date.UTC(2024, 8, 1)));
    expect(report.auc).toBeGreaterThan(0.7);
    expect(report.candidates[0]!.auc).toBe(report.auc);
    expect(report.candidates.length).toBe(16 * 7);
    // Interactions after `now` change nothing.
    const later = g.copy();
    later.forEachEdge((e, attrs) =>
      later.setEdgeAttribute(e, 'interactions', [
        ...attrs.interactions,
        { at: Date.UTC(2024, 11, 1), kind: 'meeting' },
      ]),
    );
    expect(calibrateDecay(later, { now: '2024-10-01' })).toEqual({ options, report });
    const s = tieStrength(g, 'p0001', g.neighbors('p0001')[0]!, { now: '2024-10-01', ...options });
    expect(s.halfLifeDays).toBe(options.halfLife.days);
  });
});
