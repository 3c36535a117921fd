/**
 * The chance of contact by a tie's own rhythm: a renewal process whose gaps
 * follow a log-logistic law around the tie's usual gap — the heavy, power-law
 * tail of human inter-event times (Barabási 2005; Malmgren et al. 2008), so
 * that a long break is not read as certain death — and a tie that may have
 * ended. Given a silence `s` and a horizon `h`:
 *
 *   S(x) = 1 / (1 + (x / g)^β)                          survival of a gap
 *   alive = π·S(s) / (π·S(s) + 1 − π)                   the tie has not ended
 *   P = alive · (1 − S(s + h) / S(s))                   contact within h
 *
 * with g the usual gap, and β = π / (σ√3) the shape whose log-gaps have the
 * spread σ of the tie's own log gaps, pooled with a prior spread
 * (`SPREAD_PRIOR`, worth `PRIOR_GAPS` gaps) so that a new tie borrows what
 * ties share, and never below `MIN_SPREAD` (a clockwork rhythm still slips).
 * Nothing here reads the people's other ties: on a personal network, where
 * the others' other ties are not in the graph, an invisible tie is not read as
 * inactivity. A weekly tie seen days ago is very likely in touch within a
 * month; a tie silent for years, almost surely not.
 *
 * @module
 * @internal
 */
import { DAY_MS } from '../core/time.js';
import type { Assessment } from './assess.js';

/** The spread (σ of ln gap) a tie is assumed to have before its own gaps say otherwise. */
export const SPREAD_PRIOR = 0.9;
/** How many gaps the prior spread is worth. */
export const PRIOR_GAPS = 4;
/** The least spread: even a weekly call slips by days. */
export const MIN_SPREAD = 0.5;
/** The prior chance that a tie is still alive, before its silence is seen. */
export const ALIVE_PRIOR = 0.98;

/** S(x): the survival of a gap of `ms` under the log-logistic law of usual gap `gapDays` and shape `shape`. */
function survival(ms: number, gapDays: number, shape: number): number {
  return ms <= 0 ? 1 : 1 / (1 + Math.pow(ms / DAY_MS / gapDays, shape));
}

/** The chance of contact within `horizon` ms of `now`, by the tie's rhythm (see the module comment); 0 without interactions. */
export function rhythmChance(s: Assessment, now: number, horizon: number): number {
  if (s.n === 0) return 0;
  const k = s.gapCount;
  const sigma = Math.max(
    MIN_SPREAD,
    Math.sqrt((k * s.gapSpread + PRIOR_GAPS * SPREAD_PRIOR * SPREAD_PRIOR) / (k + PRIOR_GAPS)),
  );
  const shape = Math.PI / (sigma * Math.sqrt(3));
  const gap = s.usualGap / DAY_MS;
  const silence = now - s.last;
  const later = survival(silence, gap, shape);
  if (!(later > 0)) return 0;
  const alive = (ALIVE_PRIOR * later) / (ALIVE_PRIOR * later + 1 - ALIVE_PRIOR);
  return alive * (1 - survival(silence + horizon, gap, shape) / later);
}
