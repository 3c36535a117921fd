import Graph from 'graphology';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tieStrength, tieStrengths } from 'goodwill';
import { explainChange } from 'goodwill/explain';
import { calibrateContact } from 'goodwill/calibrate';
import { generateNetwork } from 'goodwill/fixtures';
import { fitLogistic, levelOf, shiftToLevel, type LogisticFit } from '../../src/calibrate/calibrate-contact.js';
import { activeTieCounter, activeTieCounts, activeTiesOf } from '../../src/kernel/contact.js';
import { buildIndex } from '../../src/core/interaction-index.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);
const at = (d: number) => T0 + d * DAY;
const F = 11; // the features of the contact model (CONTACT_FEATURES)

/** Every number inside a value, deeply. */
function numbers(value: unknown, out: number[] = []): number[] {
  if (typeof value === 'number') out.push(value);
  else if (value instanceof Date) out.push(value.getTime());
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) numbers(v, out);
  return out;
}

describe('fitLogistic (Newton on the penalised likelihood)', () => {
  it('stops where the penalised gradient is zero (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: F, maxLength: F }), fc.boolean()),
          { minLength: 20, maxLength: 80 },
        ),
        (rows) => {
          const x = Float64Array.from(rows.flatMap((r) => r[0]));
          const y = Uint8Array.from(rows.map((r) => (r[1] ? 1 : 0)));
          const fit = fitLogistic(x, y, 1);
          // ∂/∂β (log-likelihood − ½ λ |β|²) = Σ (y − p) z − λ β, and Σ (y − p) for the intercept.
          const grad = new Float64Array(F + 1);
          for (let i = 0; i < y.length; i++) {
            let eta = fit.intercept;
            const z = Array.from({ length: F }, (_, k) => (x[i * F + k]! - fit.mean[k]!) / fit.scale[k]!);
            for (let k = 0; k < F; k++) eta += fit.beta[k]! * z[k]!;
            const r = y[i]! - 1 / (1 + Math.exp(-eta));
            grad[0] = grad[0]! + r;
            for (let k = 0; k < F; k++) grad[k + 1] = grad[k + 1]! + r * z[k]!;
          }
          for (let k = 0; k < F; k++) grad[k + 1] = grad[k + 1]! - fit.beta[k]!;
          for (const g of grad) expect(Math.abs(g)).toBeLessThan(1e-6);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('fitLogistic from far away (damped Newton)', () => {
  it('reaches the same optimum from a start where full Newton steps would diverge', () => {
    // Rows in which the first feature predicts contact, with noise.
    const n = 400;
    const x = new Float64Array(n * F);
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < F; k++) x[i * F + k] = Math.sin(i * (k + 1) * 0.7);
      y[i] = x[i * F]! + 0.5 * Math.cos(i * 1.3) > 0.2 ? 1 : 0;
    }
    const best = fitLogistic(x, y, 1);
    // A start that says every pair is surely in contact: the likelihood is flat there, and a full step overshoots.
    const far = { ...best, intercept: 40, beta: new Float64Array(F).fill(-15) };
    const fromFar = fitLogistic(x, y, 1, null, far);
    expect(Number.isFinite(fromFar.intercept)).toBe(true);
    expect(fromFar.intercept).toBeCloseTo(best.intercept, 6);
    for (let k = 0; k < F; k++) expect(fromFar.beta[k]).toBeCloseTo(best.beta[k]!, 6);
  });
});

describe("calibrate's level: the decayed volumes say how many pairs will be in contact", () => {
  const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
  const fitOf = (intercept: number, beta: number[]): LogisticFit => ({
    intercept,
    mean: new Float64Array(F),
    scale: new Float64Array(F).fill(1),
    beta: Float64Array.from({ length: F }, (_, k) => beta[k] ?? 0),
  });

  it('with volumes alike, the level is the weighted share in contact, whatever the other features say', () => {
    // Four rows with the same volumes; the silence (feature 3) separates them perfectly, and is not read.
    const x = new Float64Array(4 * F);
    for (let i = 0; i < 4; i++) {
      x.fill(1, i * F, i * F + 3);
      x[i * F + 3] = i === 0 ? -5 : 5;
    }
    const y = Uint8Array.from([1, 0, 0, 0]);
    const current = x.slice(F, 3 * F); // two rows at the date predicted
    // Unweighted: 1 in 4; the first row's month three times as heavy: 3 in 6.
    expect(levelOf(x, y, null, current)).toBeCloseTo(0.25, 6);
    expect(levelOf(x, y, Float64Array.from([3, 1, 1, 1]), current)).toBeCloseTo(0.5, 6);
  });

  it('shifts the intercept by hand-computed amounts', () => {
    // Every row at log-odds 0: a level of 0.2 is an intercept of ln(0.2 / 0.8) = −1.3863.
    const rows = new Float64Array(3 * F);
    expect(shiftToLevel(fitOf(0, []), rows, 0.2).intercept).toBeCloseTo(Math.log(0.25), 9);
    // Rows at log-odds −1 and +1: σ(−1) + σ(1) = 1, so their mean is already 0.5, and nothing moves.
    const two = new Float64Array(2 * F);
    two[0] = -1;
    two[F] = 1;
    expect(shiftToLevel(fitOf(0, [1]), two, 0.5).intercept).toBeCloseTo(0, 9);
    // No rows: the fit as it was.
    expect(shiftToLevel(fitOf(0.7, [1]), new Float64Array(0), 0.1).intercept).toBe(0.7);
  });

  it('the mean chance is the level, in (0, 1), and the order of the pairs is kept (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: F + 1, maxLength: F + 1 }),
        fc.array(fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: F, maxLength: F }), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        (coef, rows, level) => {
          const fit = fitOf(coef[0]!, coef.slice(1));
          const current = Float64Array.from(rows.flat());
          const shifted = shiftToLevel(fit, current, level);
          const chance = (f: LogisticFit, i: number) => {
            let z = f.intercept;
            for (let k = 0; k < F; k++) z += f.beta[k]! * current[i * F + k]!;
            return sigmoid(z);
          };
          const before = rows.map((_, i) => chance(fit, i));
          const after = rows.map((_, i) => chance(shifted, i));
          expect(after.reduce((t, p) => t + p, 0) / rows.length).toBeCloseTo(level, 6);
          for (const p of after) expect(p > 0 && p < 1).toBe(true);
          for (let i = 0; i < rows.length; i++)
            for (let j = 0; j < rows.length; j++)
              if (before[i]! < before[j]!) expect(after[i]).toBeLessThanOrEqual(after[j]!);
        },
      ),
    );
  });
});

describe('the activity features: ties with contact in the last 30 days', () => {
  it('the counter at any date equals the direct count, and each person the whole-network pass (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 200 })),
          {
            maxLength: 40,
          },
        ),
        fc.array(fc.integer({ min: -5, max: 240 }), { minLength: 1, maxLength: 8 }),
        (events, days) => {
          const g = new Graph({ multi: true });
          for (let p = 0; p < 5; p++) g.addNode(`p${p}`);
          for (const [x, y, day] of events)
            if (x !== y) g.addEdge(`p${x}`, `p${y}`, { interactions: [{ at: at(day) }] });
          const index = buildIndex(g, {}, 'test');
          for (let node = 0; node < index.nodes.length; node++) {
            const counter = activeTieCounter(index, node);
            for (const day of [...days, ...events.map((e) => e[2]), ...events.map((e) => e[2] + 30)]) {
              const t = at(day);
              expect(counter(t)).toBe(activeTiesOf(index, node, t));
              expect(activeTieCounts(index, t)[node]).toBe(activeTiesOf(index, node, t));
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('the default chance reads the tie alone: two people who went quiet with others are not read as inactive', () => {
    const g = new Graph();
    for (const p of ['a', 'b', 'x', 'y', 'c1', 'c2', 'c3', 'c4']) g.addNode(p);
    const tie = [{ at: at(0) }, { at: at(20) }, { at: at(40) }];
    g.addEdge('a', 'b', { interactions: tie });
    g.addEdge('x', 'y', { interactions: tie });
    for (const c of ['c1', 'c2', 'c3', 'c4']) {
      g.addEdge('a', c, { interactions: [{ at: at(55) }] });
      g.addEdge('b', c, { interactions: [{ at: at(58) }] });
    }
    const p = (u: string, v: string) => tieStrength(g, u, v, { now: at(60) }).probability!;
    // In a personal network the others' other ties are not in the graph: the default does not read them.
    expect(p('a', 'b')).toBe(p('x', 'y'));
  });

  it("the default chance follows the tie's rhythm: high days after a weekly contact, near 0 after years", () => {
    const g = new Graph();
    g.addNode('me');
    g.addNode('friend');
    const weekly = Array.from({ length: 52 }, (_, w) => ({ at: at(7 * w) }));
    g.addEdge('me', 'friend', { interactions: weekly.filter((_, w) => w % 2 === 0) });
    g.addEdge('friend', 'me', { interactions: weekly.filter((_, w) => w % 2 === 1) });
    const chance = (day: number) => tieStrength(g, 'me', 'friend', { now: at(day) }).probability!;
    expect(chance(7 * 51 + 3)).toBeGreaterThan(0.9);
    expect(chance(7 * 51 + 60)).toBeLessThan(chance(7 * 51 + 3));
    expect(chance(7 * 51 + 3 * 365)).toBeLessThan(0.01);
  });
});

describe("calibrateContact: the chance of contact learned on the network's history", () => {
  const graph = generateNetwork({ seed: 5, people: 300 });
  const now = '2024-10-01';
  const model = calibrateContact(graph, { now });

  it('fits on the history, and scores the latest month from the earlier ones', () => {
    expect(model.fit.source).toBe('fitted');
    expect(model.fit.cuts).toEqual([1, 2, 3, 4].map((k) => new Date(Date.parse(now) - k * 30 * DAY)));
    expect(model.fit.auc).toBeGreaterThan(0.75);
    expect(model.fit.brier).toBeLessThan(0.25);
    expect(model.fit.reliability.reduce((t, b) => t + b.pairs, 0)).toBeGreaterThan(100);
    expect(numbers(model).every(Number.isFinite)).toBe(true);
  });

  it('reads nothing after now, and is deterministic', () => {
    const later = graph.copy();
    later.forEachEdge((e, attrs) =>
      later.setEdgeAttribute(e, 'interactions', [...attrs.interactions, { at: '2024-12-01', kind: 'meeting' }]),
    );
    expect(calibrateContact(later, { now })).toEqual(model);
    expect(calibrateContact(graph, { now })).toEqual(model);
  });

  it('its chance of contact is carried by tieStrength and tieStrengths alike', () => {
    const ties = tieStrengths(graph, { now, contactModel: model });
    for (const t of ties.slice(0, 30)) {
      const one = tieStrength(graph, t.b, t.a, { now, contactModel: model });
      expect(one.probability).toBe(t.probability);
      if (t.probability !== null) expect(t.probability > 0 && t.probability < 1).toBe(true);
    }
    // The default model when none is given; a different fitted model gives different chances.
    const byDefault = tieStrengths(graph, { now });
    expect(byDefault.some((t, i) => t.probability !== ties[i]!.probability)).toBe(true);
    expect(() => tieStrength(graph, ties[0]!.a, ties[0]!.b, { now, contactModel: {} as never })).toThrow(
      /contactModel/,
    );
    const older = { ...model, features: model.features.slice(0, 8) };
    expect(() => tieStrength(graph, ties[0]!.a, ties[0]!.b, { now, contactModel: older })).toThrow(/contactModel/);
  });

  it('reads a sample of the pairs of a large history, the same whatever is added after now', () => {
    const sampled = calibrateContact(graph, { now, sample: 200 });
    // Four cuts of about 200 pairs each (a sample by hash: about, not exactly).
    expect(sampled.fit.pairs).toBeGreaterThan(4 * 150);
    expect(sampled.fit.pairs).toBeLessThan(4 * 250);
    expect(model.fit.pairs).toBeGreaterThan(sampled.fit.pairs * 2);
    expect(sampled.fit.auc).toBeGreaterThan(0.7);
    // New people, and a new pair of old ones, all after now: the sample of the others does not move.
    // A plain graph (not the generator's typed one): the additions have no archetype.
    const later = graph.copy() as unknown as Graph;
    const [p, q] = later.nodes();
    later.addNode('zz-newcomer');
    later.addNode('aa-newcomer');
    later.addEdge('zz-newcomer', 'aa-newcomer', { interactions: [{ at: '2024-11-01' }] });
    later.addEdge('aa-newcomer', p!, { interactions: [{ at: '2024-11-02' }] });
    if (!later.hasEdge(p!, q!) && !later.hasEdge(q!, p!))
      later.addEdge(p!, q!, { interactions: [{ at: '2024-11-03' }] });
    expect(calibrateContact(later, { now, sample: 200 })).toEqual(sampled);
    for (const bad of [5, 1.5, -1, Number.NaN, '300'])
      expect(() => calibrateContact(graph, { now, sample: bad as number })).toThrow(/`sample` must be an integer/);
    expect(calibrateContact(graph, { now, sample: Infinity })).toEqual(model);
  });

  it("too little history: the default model (the rhythm's chance), with the reason, and no NaN", () => {
    const small = new Graph();
    small.addNode('a');
    small.addNode('b');
    small.addEdge('a', 'b', { interactions: [{ at: at(0) }, { at: at(40) }] });
    small.addEdge('b', 'a', { interactions: [{ at: at(20) }] });
    const m = calibrateContact(small, { now: at(200) });
    expect(m.fit.source).toBe('default');
    expect(m.fit.reason).toMatch(/pairs/);
    expect(m.fit.auc).toBeNull();
    expect(numbers(m).every(Number.isFinite)).toBe(true);
    // The default is the chance by each tie's rhythm: it serves any horizon.
    expect(calibrateContact(small, { now: at(200), horizon: { days: 7 } }).horizonDays).toBe(7);
  });

  it("a personal network of a few dozen ties: the rhythm's chance recalibrated, saying how sure it is", () => {
    const g = new Graph();
    g.addNode('me');
    // 30 ties: weekly ones stay in touch, others stop at different times.
    for (let k = 0; k < 30; k++) {
      const other = `p${k}`;
      g.addNode(other);
      const every = 7 + (k % 5) * 7;
      const stop = k % 3 === 0 ? 400 : 150 + k * 8;
      const days = Array.from({ length: 60 }, (_, i) => i * every).filter((d) => d <= stop);
      g.addEdge('me', other, { interactions: days.filter((_, i) => i % 2 === 0).map((d) => ({ at: at(d) })) });
      g.addEdge(other, 'me', { interactions: days.filter((_, i) => i % 2 === 1).map((d) => ({ at: at(d) })) });
    }
    const m = calibrateContact(g, { now: at(400) });
    expect(m.fit.source).toBe('fitted');
    expect(m.fit.pairs).toBeLessThan(200);
    expect(m.fit.reason).toMatch(/small network \(\d+ pairs, \d+ in contact/);
    expect(m.features.filter((f) => f.coefficient !== 0).map((f) => f.name)).toEqual(['rhythm']);
    expect(numbers(m).every(Number.isFinite)).toBe(true);
  });
});

describe('explainChange', () => {
  it('a weekly tie left silent: strength fell, mostly because of the silence against its rhythm', () => {
    const g = new Graph();
    g.addNode('ann', { name: 'Ann' });
    g.addNode('bob', { name: 'Bob' });
    g.addEdge('ann', 'bob', { interactions: Array.from({ length: 10 }, (_, w) => ({ at: at(14 * w) })) });
    g.addEdge('bob', 'ann', { interactions: Array.from({ length: 10 }, (_, w) => ({ at: at(14 * w + 7) })) });
    const change = explainChange(g, 'ann', 'bob', { from: at(134), to: at(197) });
    expect(change.from.strength).toBeGreaterThan(change.to.strength);
    expect(['recency', 'intensity']).toContain(change.contributions[0]!.part); // both faded with the silence
    expect(change.sentence).toBe(
      `Strength fell from ${change.from.strength.toFixed(2)} to ${change.to.strength.toFixed(2)}, mostly because there has been no contact between Ann and Bob for 64 days, about nine times their usual gap of 7 days.`,
    );
    // A wobble below a visible step is "about the same".
    const wobble = explainChange(g, 'ann', 'bob', { from: at(127), to: at(128) });
    expect(Math.abs(wobble.difference)).toBeLessThan(0.05);
    expect(wobble.sentence).toMatch(/^Strength stayed about the same/);
  });

  it('the main reason moved the score the way it went (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 300 }), fc.boolean(), fc.constantFrom('message', 'help', 'call')), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 1, max: 400 }),
        (events, from, span) => {
          const g = new Graph();
          g.addNode('a');
          g.addNode('b');
          const ab = events.filter((e) => e[1]).map(([d, , kind]) => ({ at: at(d), kind }));
          const ba = events.filter((e) => !e[1]).map(([d, , kind]) => ({ at: at(d), kind }));
          if (ab.length) g.addEdge('a', 'b', { interactions: ab });
          if (ba.length) g.addEdge('b', 'a', { interactions: ba });
          const change = explainChange(g, 'a', 'b', { from: at(from), to: at(from + span) });
          if (Math.abs(change.difference) < 0.05) return;
          // The named reason points the way the score went: a fall is never "because they were in touch".
          const rising = [
            /has now lasted longer/,
            /there was contact/,
            /more was exchanged/,
            /gave to each other/,
            /were answered/,
            /more often/,
          ];
          const falling = [
            /no contact/,
            /fades with/,
            /warmth faded/,
            /count for less/,
            /went unanswered/,
            /less often/,
          ];
          for (const phrase of change.difference < 0 ? rising : falling) expect(change.sentence).not.toMatch(phrase);
          expect(change.sentence).not.toMatch(/undefined|NaN/);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('contributions add up to the difference (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 300 }),
            fc.boolean(),
            fc.constantFrom('message', 'help', 'pitch', 'meeting'),
          ),
          { minLength: 1, maxLength: 30 },
        ),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 1, max: 200 }),
        (events, fromDay, span) => {
          const g = new Graph();
          g.addNode('a');
          g.addNode('b');
          const list = (ab: boolean) => events.filter((e) => e[1] === ab).map(([d, , kind]) => ({ at: at(d), kind }));
          if (list(true).length) g.addEdge('a', 'b', { interactions: list(true) });
          if (list(false).length) g.addEdge('b', 'a', { interactions: list(false) });
          const change = explainChange(g, 'a', 'b', { from: at(fromDay), to: at(fromDay + span) });
          const sum = change.contributions.reduce((t, c) => t + c.value, 0);
          expect(sum).toBeCloseTo(change.difference, 12);
          expect(change.from.strength).toBe(tieStrength(g, 'a', 'b', { now: at(fromDay) }).strength);
          expect(change.to.strength).toBe(tieStrength(g, 'b', 'a', { now: at(fromDay + span) }).strength);
        },
      ),
      { numRuns: 150 },
    );
  });
});
