/**
 * Brokerage of a hub: one person with 100,000 ties (each leaf also tied to the
 * next, a ring), against a bare pass over the hub's ties. Brokerage reads the
 * hub's ties and its neighbours' ties, so its cost must stay a small multiple
 * of that pass, not grow with the square of the hub's degree (0.1.0 took
 * ~50 s here). Also networkBrokerage of the whole hub graph, whose leaves each
 * share the hub as a neighbour.
 */
import Graph from 'graphology';
import { personBrokerage, networkBrokerage } from 'goodwill/brokerage';
import { keep, measure, ms, table } from './harness.js';

export default function run(): void {
  const ties = 100_000;
  const g = new Graph();
  g.addNode('hub');
  const key = (i: number) => `n${String(i).padStart(6, '0')}`;
  for (let i = 0; i < ties; i++) g.addNode(key(i));
  for (let i = 0; i < ties; i++) {
    g.addEdge('hub', key(i));
    g.addEdge(key(i), 'hub');
    g.addEdge(key(i), key((i + 1) % ties));
  }
  const bare = measure(
    () => {
      let w = 0;
      g.forEachEdge('hub', (_e, _a, s, t) => {
        w += s.length + t.length;
      });
      keep(w);
    },
    { minRuns: 5 },
  );
  const hub = measure(() => keep(personBrokerage(g, 'hub')), { minRuns: 5 });
  const leaf = measure(() => keep(personBrokerage(g, key(0))), { minRuns: 5 });
  const all = measure(() => keep(networkBrokerage(g)), { minRuns: 3 });

  table(`Brokerage of a hub with ${ties} ties (${g.order} people, ${g.size} directed edges)`, [
    { what: `bare pass over the hub's ${g.degree('hub')} edges`, median: ms(bare.median), ratio: '1.00' },
    {
      what: 'brokerage(hub): constraint, effective size, efficiency',
      median: ms(hub.median),
      ratio: (hub.median / bare.median).toFixed(1),
    },
    { what: 'brokerage(one of its leaves)', median: ms(leaf.median), ratio: (leaf.median / bare.median).toFixed(1) },
    { what: 'networkBrokerage (every person)', median: ms(all.median), ratio: (all.median / bare.median).toFixed(1) },
  ]);
}
