import Graph from 'graphology';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildIndex, eventsEnd } from '../../src/core/interaction-index.js';
import { assessDyad, newAssessment, type RawChange } from '../../src/kernel/assess.js';
import { resolveModel } from '../../src/kernel/options.js';
import { STAGE_OF_CODE } from '../../src/kernel/words.js';
import {
  rhythmTrack,
  runDyad as referenceRun,
  usualGap,
  type RawChange as ReferenceChange,
} from './reference-machine.js';

const DAY = 86_400_000;
// Mid-morning, or exactly the start of a day and of an epoch week (a Thursday, 00:00 UTC).
const STARTS = [Date.UTC(2024, 0, 1, 9), Date.UTC(2024, 0, 4)];

/** A history: steps of (gap in minutes or days, who, kind). */
const step = fc.record({
  // Minutes (replies), arbitrary days, and whole days equal to the thresholds below (exact boundaries).
  gap: fc.oneof(
    fc.integer({ min: 0, max: 600 }).map((m) => m * 60_000),
    fc.integer({ min: 1, max: 400 }).map((d) => d * DAY),
    fc.constantFrom(1, 3, 7, 21, 30, 60, 90).map((d) => d * DAY),
  ),
  fromA: fc.boolean(),
  kind: fc.constantFrom('message', 'message', 'call', 'help', 'referral', 'pitch', 'request'),
});
const thresholds = fc.record({
  engagedMinInteractions: fc.integer({ min: 1, max: 12 }),
  engagedMinActiveWeeks: fc.integer({ min: 1, max: 5 }),
  engagedMinSpan: fc.integer({ min: 0, max: 40 }).map((days) => ({ days })),
  trustedMinSpan: fc.integer({ min: 0, max: 200 }).map((days) => ({ days })),
  trustedMinGivesEach: fc.integer({ min: 0, max: 3 }),
  coolingGapFactor: fc.constantFrom(1, 2, 3, 4.5),
  coolingMinSilence: fc.oneof(fc.integer({ min: 0, max: 60 }), fc.constantFrom(7, 21, 30)).map((days) => ({ days })),
  dormantMinSilence: fc.oneof(fc.integer({ min: 60, max: 200 }), fc.constantFrom(60, 90)).map((days) => ({ days })),
});

describe('the one-pass kernel', () => {
  it('agrees with the plain reference machine on every state field and every change (property)', () => {
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 60 }),
        thresholds,
        fc.integer({ min: 0, max: 900 }),
        fc.constantFrom(...STARTS),
        (steps, custom, after, T0) => {
          const g = new Graph();
          g.addNode('a');
          g.addNode('b');
          let t = T0;
          const ab: object[] = [];
          const ba: object[] = [];
          for (const s of steps) {
            t += s.gap;
            (s.fromA ? ab : ba).push({ at: t, kind: s.kind });
          }
          if (ab.length) g.addEdge('a', 'b', { interactions: ab });
          if (ba.length) g.addEdge('b', 'a', { interactions: ba });
          if (g.size === 0) return;
          const th = resolveModel({ thresholds: custom }, 'test');
          const index = buildIndex(g, {}, 'test');
          // Cut somewhere inside or after the history.
          const now = T0 + Math.floor(((t - T0) * after) / 600);
          const end = eventsEnd(index, 0, now);
          const fast: RawChange[] = [];
          const slow: ReferenceChange[] = [];
          const x = assessDyad(index, 0, now, th, newAssessment(), fast);
          const y = referenceRun(index, 0, end, now, th, slow);
          expect(
            fast.map((c) => ({
              at: c.at,
              from: c.from === 6 ? 'none' : STAGE_OF_CODE[c.from],
              to: STAGE_OF_CODE[c.to],
            })),
          ).toEqual(slow.map((c) => ({ at: c.at, from: c.from, to: c.to })));
          expect({
            stage: STAGE_OF_CODE[x.historyStage],
            since: x.historySince,
            level: x.historyLevel,
            peak: x.historyPeak,
            n: x.n,
            first: x.first,
            last: x.last,
            activeDays: x.activeDays,
            activeWeeks: x.activeWeeks,
            gaps: x.gapCount,
          }).toEqual({
            stage: y.stage,
            since: y.since,
            level: y.level,
            peak: y.peak,
            n: y.n,
            first: y.first,
            last: y.last,
            activeDays: y.activeDays,
            activeWeeks: y.activeWeeks,
            gaps: rhythmTrack(y).gaps.length,
          });
          expect(x.usualGap / DAY).toBeCloseTo(usualGap(y, th) / DAY, 9);
          expect([x.i0, x.i1, x.p0, x.p1, x.gives0, x.gives1, x.given0, x.given1]).toEqual([
            ...y.initiated,
            ...y.tookPart,
            ...y.gives,
            ...y.given,
          ]);
          expect([x.giveRunSide, x.giveRun, x.prematureSide, x.prematureAt]).toEqual([
            y.giveRunSide,
            y.giveRun,
            y.prematureSide,
            y.prematureAt,
          ]);
          // Without recording, the same state.
          const quiet = assessDyad(index, 0, now, th, newAssessment(), null);
          expect([quiet.stage, quiet.since, quiet.level, quiet.peak]).toEqual([x.stage, x.since, x.level, x.peak]);
        },
      ),
      {
        numRuns: 1500,
        examples: [
          // Gaps of 360 and then exactly a quarter of that, 90 days: a new episode (once missed by exp(ln 360) ≠ 360).
          [
            [
              { gap: DAY, fromA: false, kind: 'message' },
              { gap: 360 * DAY, fromA: false, kind: 'message' },
              { gap: 90 * DAY, fromA: false, kind: 'message' },
              { gap: DAY, fromA: false, kind: 'message' },
            ],
            {
              engagedMinInteractions: 1,
              engagedMinActiveWeeks: 1,
              engagedMinSpan: { days: 0 },
              trustedMinSpan: { days: 0 },
              trustedMinGivesEach: 0,
              coolingGapFactor: 1,
              coolingMinSilence: { days: 0 },
              dormantMinSilence: { days: 60 },
            },
            600,
            STARTS[0]!,
          ],
        ],
      },
    );
  });
});
