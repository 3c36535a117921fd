/**
 * classifyStages over a generated network of ~1,000,000 interactions, against
 * a bare loop that reads every interaction once (its time and kind) and keeps
 * per-edge counts and last contact: the floor of any whole-network pass.
 * Measured from the graph (reading and validating every interaction, merging
 * each relationship's two directions) and from a prepared network (read once
 * by `prepareNetwork`, as an app does for several reports or dates).
 * The three are timed alternately, so that the garbage collector weighs alike.
 */
import { classifyStages, DEFAULT_KINDS, prepareNetwork } from 'goodwill';
import { generateNetwork } from 'goodwill/fixtures';
import { interleave, keep, measure, ms, table, type Measurement } from './harness.js';

export default function run(): void {
  const graph = generateNetwork({ seed: 1, people: 8500 });
  let interactions = 0;
  graph.forEachEdge((_e, a) => (interactions += a.interactions.length));
  const now = '2025-01-01';

  const bareLoop = () => {
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
  };
  const prepare = measure(() => keep(prepareNetwork(graph)), { minRuns: 7 });
  keep(null);
  const network = prepareNetwork(graph);
  const [bare, cold, warm] = interleave(
    [bareLoop, () => keep(classifyStages(graph, { now })), () => keep(classifyStages(network, { now }))],
    11,
  ) as [Measurement, Measurement, Measurement];

  table(`classifyStages: ${graph.order} people, ${graph.size} directed ties, ${interactions} interactions`, [
    { what: 'bare loop (read every interaction once)', median: ms(bare.median), p95: ms(bare.p95), ratio: '1.00' },
    {
      what: 'classifyStages(prepared network)',
      median: ms(warm.median),
      p95: ms(warm.p95),
      ratio: (warm.median / bare.median).toFixed(2),
    },
    {
      what: 'classifyStages(graph): read + classify',
      median: ms(cold.median),
      p95: ms(cold.p95),
      ratio: (cold.median / bare.median).toFixed(2),
    },
    {
      what: 'prepareNetwork(graph) alone (once per graph)',
      median: ms(prepare.median),
      p95: ms(prepare.p95),
      ratio: (prepare.median / bare.median).toFixed(2),
    },
  ]);
}
