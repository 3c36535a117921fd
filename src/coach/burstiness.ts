/**
 * Burstiness: whether contact comes in flurries between long silences, like
 * clockwork, or at random — one explained component of a tie's rhythm.
 *
 * - Goh & Barabási (2008), "Burstiness and memory in complex systems", EPL
 *   81, 48002: B = (σ − μ) / (σ + μ) over the inter-event times, −1 for a
 *   periodic sequence, 0 for a Poisson process, → 1 for the burstiest.
 * - Kim & Jo (2016), "Measuring burstiness for finite event sequences", Phys.
 *   Rev. E 94, 032311: with n inter-event times, r = σ/μ is at most √(n − 1),
 *   and a Poisson process has E[r] ≈ √((n − 1)/(n + 1)), so B is biased for
 *   short sequences. Their corrected
 *   A_n = (√(n+1)·r − √(n−1)) / ((√(n+1) − 2)·r + √(n−1))
 *   is −1 for a periodic sequence, 0 at the Poisson value, 1 at the maximum.
 *
 * σ is the population standard deviation of the n gaps (the convention under
 * which r ≤ √(n − 1), which A_n maps to 1).
 *
 * @module
 */

/** The burstiness of a sequence of inter-event times. */
export interface Burstiness {
  /** Number of inter-event times. */
  n: number;
  /** Their mean and population standard deviation (in the unit given). */
  mean: number;
  sd: number;
  /** Goh–Barabási B = (σ − μ)/(σ + μ), or `null` with fewer than 2 gaps or a zero mean. */
  b: number | null;
  /** Kim–Jo finite-size corrected A_n, or `null` likewise (and for n = 2 and r = 0 … see the formula: defined for n ≥ 2). */
  corrected: number | null;
}

/**
 * Kim & Jo's corrected burstiness A_n for n inter-event times with
 * coefficient of variation r = σ/μ (exact formula; see the module comment).
 *
 * @example
 * ```ts
 * burstinessOfRatio(0, 10);   // -1: a periodic sequence
 * burstinessOfRatio(3, 10);   // 1: r = √(n − 1), the burstiest 10 gaps can be
 * ```
 *
 * @see [Coaching a networker](../../docs/guides/coach.md), the guide.
 */
export function burstinessOfRatio(r: number, n: number): number {
  const up = Math.sqrt(n + 1);
  const down = Math.sqrt(n - 1);
  return (up * r - down) / ((up - 2) * r + down);
}

/**
 * The burstiness of inter-event times `gaps` (any unit, each ≥ 0): B and A_n.
 *
 * @example
 * ```ts
 * burstiness([7, 7, 7, 7]).b;          // -1: weekly like clockwork
 * burstiness([1, 1, 1, 60, 1, 1]).b;   // ≈ 0.34: flurries and a long silence
 * ```
 *
 * @see [Coaching a networker](../../docs/guides/coach.md), the guide.
 */
export function burstiness(gaps: readonly number[]): Burstiness {
  const n = gaps.length;
  let sum = 0;
  for (const g of gaps) sum += g;
  const mean = n > 0 ? sum / n : NaN;
  let square = 0;
  for (const g of gaps) square += (g - mean) ** 2;
  const sd = n > 0 ? Math.sqrt(square / n) : NaN;
  if (n < 2 || !(mean > 0)) return { n, mean: n > 0 ? mean : 0, sd: n > 0 ? sd : 0, b: null, corrected: null };
  return { n, mean, sd, b: (sd - mean) / (sd + mean), corrected: burstinessOfRatio(sd / mean, n) };
}

/** How a burstiness reads in a sentence. */
export function burstinessText(b: number): string {
  if (b < -0.5) return 'regular, like clockwork';
  if (b < -0.15) return 'fairly regular';
  if (b <= 0.15) return 'as irregular as chance';
  if (b <= 0.5) return 'bursty: flurries between silences';
  return 'very bursty: long silences between flurries';
}
