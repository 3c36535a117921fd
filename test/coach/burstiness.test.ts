/**
 * Burstiness oracles: Goh & Barabási's B is −1 for a periodic sequence and
 * ≈ 0 for a Poisson process; Kim & Jo's finite-size A_n on hand-computed
 * cases.
 */
import { describe, expect, it } from 'vitest';
import { burstiness, burstinessOfRatio } from 'goodwill/coach';
import { createRandom } from '../../src/fixtures/random.js';

describe('burstiness (Goh & Barabási 2008; Kim & Jo 2016)', () => {
  it('a periodic sequence has B = −1 and A_n = −1', () => {
    const r = burstiness(Array.from({ length: 50 }, () => 7));
    expect(r.b).toBe(-1);
    expect(r.corrected).toBe(-1);
  });

  it('a seeded Poisson process of 10⁴ events has B within 0.02 of 0, and A_n too', () => {
    const random = createRandom(2008);
    const gaps = Array.from({ length: 10_000 }, () => random.exponential(3));
    const r = burstiness(gaps);
    expect(Math.abs(r.b!)).toBeLessThan(0.02);
    expect(Math.abs(r.corrected!)).toBeLessThan(0.02);
  });

  it('gaps 1 and 3: μ = 2, σ = 1, B = −1/3, A_2 = 1 − 2/√3 exactly', () => {
    const r = burstiness([1, 3]);
    expect(r.mean).toBe(2);
    expect(r.sd).toBe(1);
    expect(r.b).toBeCloseTo(-1 / 3, 15);
    expect(r.corrected).toBeCloseTo(1 - 2 / Math.sqrt(3), 15);
  });

  it('gaps 0, 0, 0, 4: r = √3 = √(n − 1), the most a finite sequence can reach: A_4 = 1, B = 2 − √3', () => {
    const r = burstiness([0, 0, 0, 4]);
    expect(r.sd).toBeCloseTo(Math.sqrt(3), 15);
    expect(r.corrected).toBeCloseTo(1, 14);
    expect(r.b).toBeCloseTo(2 - Math.sqrt(3), 15);
  });

  it('at the Poisson expectation r = √((n − 1)/(n + 1)), A_n = 0 for every n', () => {
    for (const n of [2, 3, 10, 1000]) expect(burstinessOfRatio(Math.sqrt((n - 1) / (n + 1)), n)).toBeCloseTo(0, 14);
  });

  it('fewer than two gaps, or a zero mean, has no burstiness', () => {
    expect(burstiness([]).b).toBeNull();
    expect(burstiness([5]).corrected).toBeNull();
    expect(burstiness([0, 0]).b).toBeNull();
  });
});
