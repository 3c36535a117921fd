import Graph, { MultiDirectedGraph } from 'graphology';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calibrateDecay,
  coldDate,
  dunbarLayers,
  InvalidOptionError,
  keepInTouch,
  NodeNotFoundError,
  tieStrength,
  tieStrengths,
  warmth,
} from 'goodwill';
import { generateNetwork } from 'goodwill/fixtures';
import { rocAuc } from '../../src/analyses/strength/calibrate.js';
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

  it('cold date: t* = now + T½ · log2(w / θ), and warmth at t* equals θ', () => {
    const g = pair([{ at: at(0), kind: 'referral' }]); // value 8
    // w(now = day 0) = 8; θ = 1 → 3 half-lives = 90 days.
    expect(coldDate(g, 'a', 'b', { now: at(0), threshold: 1 })).toEqual(new Date(at(90)));
    const t = coldDate(g, 'a', 'b', { now: at(10), threshold: 0.5 })!;
    expect(warmth(g, 'a', 'b', { now: t }).warmth).toBeCloseTo(0.5, 9);
    expect(coldDate(g, 'a', 'b', { now: at(200), threshold: 1 })).toBeNull(); // already cold
    expect(() => coldDate(g, 'a', 'b', { now: at(0), threshold: 0 })).toThrow(InvalidOptionError);
  });

  it('ignores interactions after now; a pair without a tie has no warmth and no cold date', () => {
    const g = pair([{ at: at(0) }, { at: at(50) }]);
    expect(warmth(g, 'a', 'b', { now: at(0) }).warmth).toBe(1);
    g.addNode('c');
    expect(warmth(g, 'a', 'c', { now: at(0) }).warmth).toBe(0);
    expect(coldDate(g, 'a', 'c', { now: at(0) })).toBeNull();
    expect(tieStrength(g, 'a', 'c', { now: at(0) })).toMatchObject({ strength: 0, interactions: 0, lastContact: null });
  });

  it('never rises without a new interaction; the cold date agrees with warmth (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 300 }), fc.boolean(), fc.constantFrom(undefined, 'call', 'help', 'referral')), { minLength: 1, maxLength: 15 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 90 }),
        (events, nowDay, later, halfLifeDays) => {
          const mk = (fromA: boolean) => events.filter((e) => e[1] === fromA).map(([d, , kind]) => (kind ? { at: at(d), kind } : { at: at(d) }));
          const g = pair(mk(true), mk(false));
          const lastEvent = Math.max(...events.map((e) => e[0]));
          const options = { halfLife: { days: halfLifeDays } };
          const w1 = warmth(g, 'a', 'b', { now: at(nowDay), ...options }).warmth;
          const w2 = warmth(g, 'a', 'b', { now: at(nowDay + later), ...options }).warmth;
          if (nowDay >= lastEvent) expect(w2).toBeLessThanOrEqual(w1);
          const cold = coldDate(g, 'a', 'b', { now: at(nowDay), threshold: 0.3, ...options });
          if (cold && nowDay >= lastEvent) expect(warmth(g, 'a', 'b', { now: cold, ...options }).warmth).toBeCloseTo(0.3, 6);
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
  it('explains itself: components, weights, and their weighted sum', () => {
    const g = pair([{ at: at(0) }, { at: at(20), kind: 'help' }], [{ at: at(10) }]);
    const s = tieStrength(g, 'a', 'b', { now: at(30) });
    const { components: c, weights: w } = s;
    expect(c.recency).toBeCloseTo(Math.pow(2, -10 / 30), 12);
    expect(c.frequency).toBeCloseTo(1 - Math.exp(-3 / 6), 12);
    const wA = Math.pow(2, -1) + 4 * Math.pow(2, -10 / 30);
    const wB = Math.pow(2, -20 / 30);
    expect(s.warmth).toBeCloseTo(wA + wB, 12);
    expect(c.intensity).toBeCloseTo((wA + wB) / (wA + wB + 5), 12);
    expect(c.reciprocity).toBeCloseTo(wB / wA, 12);
    expect(c.duration).toBeCloseTo(1 - Math.pow(2, -20 / 180), 12);
    const sum = w.recency * c.recency + w.frequency * c.frequency + w.intensity * c.intensity + w.reciprocity * c.reciprocity + w.duration * c.duration;
    expect(s.strength).toBeCloseTo(sum, 12);
    expect(w.recency + w.frequency + w.intensity + w.reciprocity + w.duration).toBeCloseTo(1, 12);
    expect(s).toMatchObject({ interactions: 3, firstContact: new Date(at(0)), lastContact: new Date(at(20)), overridden: false, dormant: false });
  });

  it('a manual override wins; weights are normalised; older ties decay slower with ageFactor', () => {
    const g = pair([{ at: at(0) }]);
    g.setEdgeAttribute('a', 'b', 'strengthOverride', 0.9);
    expect(tieStrength(g, 'a', 'b', { now: at(1) })).toMatchObject({ strength: 0.9, overridden: true });
    const plain = pair([{ at: at(0) }], [{ at: at(1) }]);
    expect(tieStrength(plain, 'a', 'b', { now: at(2), weights: { recency: 2, frequency: 0, intensity: 0, reciprocity: 0, duration: 0 } }).strength).toBeCloseTo(Math.pow(2, -1 / 30), 12);
    const old = tieStrength(plain, 'a', 'b', { now: at(366), ageFactor: 1 });
    expect(old.halfLifeDays).toBeCloseTo(30 * (1 + 366 / 365.2425), 9);
  });

  it('is dormant after max(8 × usual gap, 90 days) of silence', () => {
    const weekly = Array.from({ length: 10 }, (_, w) => ({ at: at(7 * w) }));
    const g = pair(weekly);
    expect(tieStrength(g, 'a', 'b', { now: at(63 + 89) }).dormant).toBe(false);
    expect(tieStrength(g, 'a', 'b', { now: at(63 + 90) }).dormant).toBe(true);
    expect(tieStrength(g, 'a', 'b', { now: at(63 + 56), dormancyMinSilence: 0 }).dormant).toBe(true);
  });

  it('tieStrengths covers every tie, sorted by key, equal to tieStrength; assign writes edges', () => {
    const g = generateNetwork({ seed: 4, people: 60 });
    const all = tieStrengths(g, { now: '2025-01-01' });
    for (let i = 1; i < all.length; i++) expect(`${all[i - 1]!.a}|${all[i - 1]!.b}` < `${all[i]!.a}|${all[i]!.b}`).toBe(true);
    for (const t of all.slice(0, 25)) expect(tieStrength(g, t.b, t.a, { now: '2025-01-01' }).strength).toBe(t.strength);
    const copy = g.copy();
    tieStrengths.assign(copy, { now: '2025-01-01', attribute: 'tie' });
    const first = all[0]!;
    copy.forEachEdge((_e, attrs, s, t) => {
      if ((s === first.a && t === first.b) || (s === first.b && t === first.a)) expect((attrs as unknown as Record<string, unknown>)['tie']).toBe(first.strength);
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
    expect(mean(by('close-friend').map((t) => t.strength))).toBeGreaterThan(mean(by('colleague').map((t) => t.strength)));
  });
});

describe('dunbarLayers and keepInTouch', () => {
  // me with 20 friends: friend k was last contacted k days ago, with (20 − k) messages over the past.
  const g = new Graph();
  g.addNode('me');
  for (let k = 1; k <= 20; k++) {
    const f = `f${String(k).padStart(2, '0')}`;
    g.addNode(f, { tags: k === 20 ? ['vip'] : [] });
    const list = Array.from({ length: 21 - k }, (_, i) => ({ at: at(100 - k - 3 * i) }));
    g.addEdge('me', f, { interactions: list });
    g.addEdge(f, 'me', { interactions: [{ at: at(100 - k - 1) }] });
  }
  const now = at(100);

  it('sorts ties into 5 / 15 / 50 / 150 by strength, with cadences', () => {
    const { layers } = dunbarLayers(g, 'me', { now });
    expect(layers.map((l) => [l.size, l.cadenceDays, l.ties.length])).toEqual([
      [5, 7, 5],
      [15, 30, 10],
      [50, 182, 5],
      [150, 365, 0],
      [null, null, 0],
    ]);
    expect(layers[0]!.ties.map((t) => t.person)).toEqual(['f01', 'f02', 'f03', 'f04', 'f05']);
  });

  it('keepInTouch: due = last + cadence, priority = strength × overdue ratio, sorted; a new contact resets it', () => {
    const todo = keepInTouch(g, 'me', { now });
    const f10 = todo.find((e) => e.person === 'f10')!; // layer 15 (monthly), last contact 10 days ago
    expect(f10).toMatchObject({ layer: 15, cadenceDays: 30, overdueDays: 0, priority: 0, due: new Date(at(90 + 30)), latest: new Date(at(90 + 60)) });
    const f05 = todo.find((e) => e.person === 'f05')!; // layer 5 (weekly), last contact 5 days ago: not due
    expect(f05.due).toEqual(new Date(at(95 + 7)));
    for (let i = 1; i < todo.length; i++) expect(todo[i - 1]!.priority).toBeGreaterThanOrEqual(todo[i]!.priority);
    // Per-tag cadence: the VIP every 3 days.
    const vip = keepInTouch(g, 'me', { now, getCadence: (_k, attrs) => ((attrs['tags'] as string[]).includes('vip') ? { days: 3 } : null) });
    const f20 = vip.find((e) => e.person === 'f20')!;
    expect(f20).toMatchObject({ cadenceSource: 'user', cadenceDays: 3, overdueDays: 17 });
    expect(f20.priority).toBeCloseTo((f20.strength * 17) / 3, 12);
    // Logging a call with f20 today resets it.
    const g2 = g.copy();
    g2.updateEdgeAttribute('me', 'f20', 'interactions', (list) => [...(list as object[]), { at: now, kind: 'call' }]);
    expect(keepInTouch(g2, 'me', { now, getCadence: () => ({ days: 3 }) }).find((e) => e.person === 'f20')!).toMatchObject({ overdueDays: 0, due: new Date(now + 3 * DAY) });
  });

  it('is deterministic and does not mutate a frozen graph; prototype-named keys work', () => {
    const m = new MultiDirectedGraph();
    for (const k of ['__proto__', 'constructor', 'toString']) m.addNode(k);
    m.addEdge('__proto__', 'constructor', { interactions: [{ at: at(0) }] });
    m.addEdge('toString', '__proto__', { interactions: [{ at: at(1) }] });
    freezeGraph(m);
    const before = snapshot(m);
    const a = keepInTouch(m, '__proto__', { now: at(40) });
    expect(a.map((e) => e.person)).toEqual(['constructor', 'toString']);
    expect(keepInTouch(m, '__proto__', { now: at(40) })).toEqual(a);
    expect(dunbarLayers(m, '__proto__', { now: at(40) }).layers[0]!.ties.map((t) => t.person)).toEqual(['toString', 'constructor']);
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
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.boolean()), { minLength: 2, maxLength: 40 }), (rows) => {
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
      }),
    );
  });

  it('fits on history before now only, and its options plug into tieStrength', () => {
    const g = generateNetwork({ seed: 5, people: 300 });
    const { options, report } = calibrateDecay(g, { now: '2024-10-01' });
    expect(report.cut).toEqual(new Date(Date.UTC(2024, 8, 1)));
    expect(report.auc).toBeGreaterThan(0.7);
    expect(report.candidates[0]!.auc).toBe(report.auc);
    expect(report.candidates.length).toBe(16 * 8);
    // Interactions after `now` change nothing.
    const later = g.copy();
    later.forEachEdge((e, attrs) => later.setEdgeAttribute(e, 'interactions', [...attrs.interactions, { at: Date.UTC(2024, 11, 1), kind: 'meeting' }]));
    expect(calibrateDecay(later, { now: '2024-10-01' })).toEqual({ options, report });
    const s = tieStrength(g, 'p0001', g.neighbors('p0001')[0]!, { now: '2024-10-01', ...options });
    expect(s.halfLifeDays).toBe(options.halfLife.days);
  });
});
