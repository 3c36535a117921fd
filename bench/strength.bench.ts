/**
 * Strength of every tie of a ~1,000,000-interaction generated network, against
 * a bare loop over the same interactions that sums each edge's decayed value
 * (the floor of any whole-network scoring), measured in the same run. Also the
 * split: the shared interaction index versus the scoring pass.
 */
import { prepareNetwork, tieStrengths } from 'goodwill';
import { calibrateContact } from 'goodwill/calibrate';
import { generateNetwork } from 'goodwill/fixtures';
import { buildIndex } from '../src/core/interaction-index.js';
import { computeDyadStrengths } from '../src/kernel/assess.js';
import { resolveModel } from '../src/kernel/options.js';
import { keep, measure, ms, table } from './harness.js';

export default function run(): void {
  const graph = generateNetwork({ seed: 1, people: 8500 });
  let interactions = 0;
  graph.forEachEdge((_e, a) => (interactions += a.interactions.length));
  const now = '2025-01-01';
  const nowMs = Date.parse(now);
  const halfLife = 30 * 86_400_000;

  const bare = measure(
    () => {
      const out = new Map<string, number>();
      graph.forEachEdge((edge, attributes) => {
        let w = 0;
        for (const i of attributes.interactions) {
          const t = i.at as number;
          if (t <= nowMs) w += Math.pow(2, (t - nowMs) / halfLife);
        }
        out.set(edge, w);
      });
      keep(out);
    },
    { minRuns: 7 },
  );
  const all = measure(() => keep(tieStrengths(graph, { now })), { minRuns: 7 });
  const prepared = prepareNetwork(graph);
  const fromPrepared = measure(() => keep(tieStrengths(prepared, { now })), { minRuns: 7 });
  const fitted = measure(() => keep(calibrateContact(prepared, { now })), { minRuns: 3 });
  const index = measure(() => keep(buildIndex(graph, {}, 'bench')), { minRuns: 7 });
  const built = buildIndex(graph, {}, 'bench');
  const r = resolveModel({}, 'bench');
  const scoring = measure(() => keep(computeDyadStrengths(built, nowMs, r)), { minRuns: 7 });

  table(
    `Strength of every tie: ${graph.order} people, ${built.dyadCount} relationships, ${interactions} interactions`,
    [
      { what: 'bare loop (decayed sum per edge)', median: ms(bare.median), p95: ms(bare.p95), ratio: '1.00' },
      {
        what: 'tieStrengths (index + scoring + result objects)',
        median: ms(all.median),
        p95: ms(all.p95),
        ratio: (all.median / bare.median).toFixed(2),
      },
      {
        what: 'tieStrengths(prepared network) (scoring + chance of contact + result objects)',
        median: ms(fromPrepared.median),
        p95: ms(fromPrepared.p95),
        ratio: (fromPrepared.median / bare.median).toFixed(2),
      },
      {
        what: 'calibrate(prepared network): 4 back-test cuts and the fit (goal ≤ 5 × tieStrengths)',
        median: ms(fitted.median),
        p95: ms(fitted.p95),
        ratio: `${(fitted.median / bare.median).toFixed(2)} (${(fitted.median / fromPrepared.median).toFixed(1)} × tieStrengths)`,
      },
      {
        what: '  of which: interaction index (validate, sort)',
        median: ms(index.median),
        p95: ms(index.p95),
        ratio: (index.median / bare.median).toFixed(2),
      },
      {
        what: '  of which: scoring pass on the index',
        median: ms(scoring.median),
        p95: ms(scoring.p95),
        ratio: (scoring.median / bare.median).toFixed(2),
      },
    ],
  );
}
