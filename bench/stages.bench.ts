/**
 * classifyStages over a generated network of ~1,000,000 interactions, against
 * a bare loop that reads every interaction once (its time and kind) and keeps
 * per-edge counts and last contact: the floor of any whole-network pass.
 */
import { classifyStages, DEFAULT_KINDS } from 'goodwill';
import { generateNetwork } from 'goodwill/fixtures';
import { keep, measure, ms, table } from './harness.js';

export default function run(): void {
  const graph = generateNetwork({ seed: 1, people: 8500 });
  let interactions = 0;
  graph.forEachEdge((_e, a) => (interactions += a.interactions.length));
  const now = '2025-01-01';

  const bare = measure(() => {
    const nowMs = Date.parse(now);
    let checksum = 0;
    graph.forEachEdge((_e, attributes) => {
      let count = 0;
      let last = -Infinity;
      let gives = 0;
      for (const i of attributes.interactions) {
        const t = i.at as number;
        if (t > nowMs) continue;
        count++;
        if (t > last) last = t;
        if (i.kind !== undefined && DEFAULT_KINDS[i.kind]?.role === 'give') gives++;
      }
      checksum += count + gives + (last > 0 ? 1 : 0);
    });
    keep(checksum);
  }, { minRuns: 7 });
  const stages = measure(() => keep(classifyStages(graph, { now })), { minRuns: 7 });

  table(`classifyStages: ${graph.order} people, ${graph.size} directed ties, ${interactions} interactions`, [
    { what: 'bare loop (read every interaction once)', median: ms(bare.median), p95: ms(bare.p95), ratio: '1.00' },
    { what: 'classifyStages (index + one pass + results)', median: ms(stages.median), p95: ms(stages.p95), ratio: (stages.median / bare.median).toFixed(2) },
  ]);
}
