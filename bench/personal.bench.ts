/**
 * One person's network assessed in full, as a personal CRM does on every
 * page: personHealth, keepInTouch and stageAdvice for a person with 200 ties
 * (weekly, monthly, quarterly, fading, one-way and silent ones, ~20,000
 * interactions, the others' other ties absent), against a bare pass reading
 * each of the person's interactions once. Goal: under 5 ms for the three.
 */
import { DirectedGraph } from 'graphology';
import { keepInTouch, personHealth, prepareNetwork, stageAdvice } from 'goodwill';
import { keep, measure, ms, table } from './harness.js';

/** A person with `ties` ties of varied rhythms, seeded (a linear congruential generator). */
function personalNetwork(ties: number): DirectedGraph {
  const g = new DirectedGraph();
  g.addNode('me', { name: 'Me' });
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const end = Date.UTC(2025, 0, 1);
  const kinds = ['message', 'message', 'call', 'meeting', 'help', 'favor', 'request'];
  for (let k = 0; k < ties; k++) {
    const other = `p${k}`;
    g.addNode(other, { name: `Person ${k}` });
    const every = [1, 7, 14, 30, 60, 91][k % 6]! * (0.8 + 0.4 * random());
    const stop = end - (k % 5 === 0 ? 400 : k % 7 === 0 ? 90 : 2) * 86_400_000;
    const oneWay = k % 11 === 0;
    const ab: object[] = [];
    const ba: object[] = [];
    for (
      let t = end - 3 * 365 * 86_400_000 + random() * 9e8;
      t < stop;
      t += every * 86_400_000 * (0.7 + 0.6 * random())
    ) {
      const item = { at: Math.round(t), kind: kinds[Math.floor(random() * kinds.length)] };
      (oneWay || random() < 0.5 ? ab : ba).push(item);
      if (ab.length + ba.length > 300) break;
    }
    if (ab.length) g.addEdge('me', other, { interactions: ab });
    if (ba.length) g.addEdge(other, 'me', { interactions: ba });
  }
  return g;
}

export default function run(): void {
  const g = personalNetwork(200);
  const now = '2025-01-01';
  let interactions = 0;
  g.forEachEdge((_e, a) => (interactions += (a.interactions as unknown[]).length));
  const bare = measure(
    () => {
      let w = 0;
      g.forEachEdge('me', (_e, a) => {
        for (const i of a.interactions as { at: number }[]) w += i.at;
      });
      keep(w);
    },
    { settled: false },
  );
  const all = measure(
    () => {
      keep(personHealth(g, 'me', { now }));
      keep(keepInTouch(g, 'me', { now }));
      keep(stageAdvice(g, 'me', { now }));
    },
    { minRuns: 30, settled: false },
  );
  // A page read once: the network prepared, then its three questions, which share the person's assessed ties.
  const page = measure(
    () => {
      const network = prepareNetwork(g);
      keep(personHealth(network, 'me', { now }));
      keep(keepInTouch(network, 'me', { now }));
      keep(stageAdvice(network, 'me', { now }));
    },
    { minRuns: 30, settled: false },
  );
  // One kernel pass over the person's ties, no answer built: the floor of the three.
  const pass = measure(() => keep(keepInTouch(prepareNetwork(g), 'me', { now })), {
    minRuns: 30,
    settled: false,
  });
  const row = (what: string, m: { median: number }) => ({
    what,
    median: ms(m.median),
    ratio: (m.median / bare.median).toFixed(1),
  });
  table(`One person's network: 200 ties, ${interactions} interactions (goal: the three under 5 ms)`, [
    { what: "bare pass over the person's interactions", median: ms(bare.median), ratio: '1.00' },
    row('personHealth + keepInTouch + stageAdvice, each on the graph', all),
    row('prepareNetwork, then the three on it (one assessment of each tie)', page),
    row('prepareNetwork + keepInTouch alone', pass),
  ]);
}
