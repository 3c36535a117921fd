/**
 * personHealth for one person of a 100,000-person generated network, against a
 * bare pass over that person's ties (reading each interaction once); and
 * networkHealth over ~1,000,000 interactions against a bare loop over them.
 * Measured in the same run.
 */
import { personHealth, networkHealth, prepareNetwork } from 'goodwill';
import { generateNetwork } from 'goodwill/fixtures';
import { interleave, keep, measure, ms, table, type Measurement } from './harness.js';

export default function run(): void {
  const now = '2025-01-01';
  const nowMs = Date.parse(now);
  const decayed = (t: number) => Math.pow(2, (t - nowMs) / 2.592e9);

  // networkHealth first, with nothing else alive on the heap.
  const mid = generateNetwork({ seed: 1, people: 8500 });
  let interactions = 0;
  mid.forEachEdge((_e, a) => (interactions += a.interactions.length));
  const bareLoop = () => {
    let w = 0;
    mid.forEachEdge((_e, a) => {
      for (const i of a.interactions) if ((i.at as number) <= nowMs) w += decayed(i.at as number);
    });
    keep(w);
  };
  const network = prepareNetwork(mid);
  // Alternate them, so that the garbage collector weighs on all alike.
  const [bareAll, net, netLean, netPrepared] = interleave(
    [
      bareLoop,
      () => keep(networkHealth(mid, { now })),
      () => keep(networkHealth(mid, { now, skipCentrality: true })),
      () => keep(networkHealth(network, { now })),
    ],
    11,
  ) as [Measurement, Measurement, Measurement, Measurement];
  keep(null);

  const big = generateNetwork({ seed: 7, people: 100_000, ties: 8, activity: 0.1 });
  // A well-connected person: the first with at least 20 contacts.
  let person = '';
  big.forEachNode((k) => {
    if (!person && big.degree(k) >= 20) person = k;
  });
  const bareEgo = measure(
    () => {
      let w = 0;
      big.forEachEdge(person, (_e, a) => {
        for (const i of a.interactions) if ((i.at as number) <= nowMs) w += decayed(i.at as number);
      });
      keep(w);
    },
    { settled: false },
  );
  const ego = measure(() => keep(personHealth(big, person, { now })), { minRuns: 20, settled: false });

  table(
    `Health reports: networkHealth on ${interactions} interactions; personHealth on ${big.order} people (person ${person}, ${big.degree(person)} edges)`,
    [
      { what: 'bare loop over every interaction', median: ms(bareAll.median), ratio: '1.00' },
      { what: 'networkHealth (everything)', median: ms(net.median), ratio: (net.median / bareAll.median).toFixed(1) },
      {
        what: 'networkHealth (skipCentrality)',
        median: ms(netLean.median),
        ratio: (netLean.median / bareAll.median).toFixed(1),
      },
      {
        what: 'networkHealth (prepared network, everything)',
        median: ms(netPrepared.median),
        ratio: (netPrepared.median / bareAll.median).toFixed(1),
      },
      { what: `bare pass over ${person}'s ties`, median: ms(bareEgo.median), ratio: '1.00' },
      {
        what: 'personHealth (two-step neighbourhood)',
        median: ms(ego.median),
        ratio: (ego.median / bareEgo.median).toFixed(1),
      },
    ],
  );
}
