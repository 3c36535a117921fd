/**
 * A tie's rhythm, in explained components: the usual gap (the kernel's, see
 * `kernel/rhythm.ts`), the days with contact, and the burstiness of the gaps
 * between those days (see `burstiness.ts`). Days, not events: two messages
 * of one conversation are one day of contact, so that a chatty day does not
 * read as a burst.
 *
 * @module
 */
import { DAY_MS } from '../core/time.js';
import { eventsEnd, type InteractionIndex } from '../core/interaction-index.js';
import { assessDyad, newAssessment, type Assessment } from '../kernel/assess.js';
import type { ResolvedModel } from '../kernel/options.js';
import { readPair, type ModelQueryOptions } from '../kernel/read.js';
import { rhythmText } from '../kernel/words.js';
import { burstiness, burstinessText, type Burstiness } from './burstiness.js';

/** The components of a tie's rhythm. */
export interface TieRhythm {
  /** The kernel's usual gap in days, or `null` before a second day of contact. */
  usualGapDays: number | null;
  /** Days with contact. */
  activeDays: number;
  /** Burstiness of the gaps (in days) between days with contact. */
  burstiness: Burstiness;
  /** The rhythm in a sentence. */
  text: string;
}

/** The rhythm of dyad `d` (−1: none) at `now`, with its assessment. */
export function tieRhythmOf(
  index: InteractionIndex,
  d: number,
  now: number,
  model: ResolvedModel,
  nameA: string,
  nameB: string,
): TieRhythm & { assessment: Assessment } {
  const s = newAssessment();
  const gaps: number[] = [];
  if (d >= 0) {
    assessDyad(index, d, now, model, s);
    let day = NaN;
    for (let e = index.eventOffset[d]!, end = eventsEnd(index, d, now); e < end; e++) {
      const t = Math.floor(index.time[e]! / DAY_MS);
      if (t !== day) {
        if (day === day) gaps.push(t - day);
        day = t;
      }
    }
  }
  const b = burstiness(gaps);
  const usual = s.gapCount > 0 ? s.usualGap / DAY_MS : null;
  const text =
    usual === null
      ? `${nameA} and ${nameB} have no rhythm yet (${s.activeDays} ${s.activeDays === 1 ? 'day' : 'days'} with contact).`
      : `${nameA} and ${nameB} are in touch ${rhythmText(s.usualGap)}, on ${s.activeDays} days` +
        (b.corrected === null
          ? '.'
          : `; the gaps are ${burstinessText(b.corrected)} (burstiness ${b.corrected.toFixed(2)}).`);
  return { usualGapDays: usual, activeDays: s.activeDays, burstiness: b, text, assessment: s };
}

/**
 * The components of the rhythm of the tie between `a` and `b`: usual gap,
 * days with contact, and the burstiness of the gaps between those days
 * (Goh–Barabási B and its finite-size correction A_n by Kim & Jo; the
 * sentence reads A_n).
 *
 * @example
 * ```ts
 * // Maya's network of the guide, now = '2025-06-30T18:00:00Z'
 * const r = tieRhythm(graph, 'me', 'gabe', { now });
 * r.burstiness.b; // -1: climbing every week like clockwork
 * r.text;         // "Maya and Gabe are in touch every week, on 43 days; the gaps are regular, like clockwork (burstiness -1.00)."
 * ```
 *
 * @see [Coaching a networker](../../docs/guides/coach.md), the guide.
 */
export function tieRhythm(graph: unknown, a: unknown, b: unknown, options: ModelQueryOptions): TieRhythm {
  const ctx = readPair(graph, a, b, options, 'tieRhythm');
  const { assessment: _, ...rhythm } = tieRhythmOf(
    ctx.index,
    ctx.d,
    ctx.now,
    ctx.model,
    ctx.label(ctx.a),
    ctx.label(ctx.b),
  );
  return rhythm;
}
