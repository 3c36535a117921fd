/**
 * Is give-and-take balanced? Per relationship, per person and per network,
 * on a generated network.
 *
 * Run: npx tsx examples/reciprocity.ts
 */
import { tieReciprocity, networkReciprocity, personReciprocity } from 'goodwill';
import { generateNetwork } from 'goodwill/fixtures';

const quiet = process.env['GOODWILL_EXAMPLE_QUIET'] === '1';
const log = (...args: unknown[]): void => {
  if (!quiet) console.log(...args);
};

const graph = generateNetwork({ seed: 42, people: 300 });
const now = '2025-01-01';

// The network as a whole, and in the last quarter only.
const all = networkReciprocity(graph);
const recent = networkReciprocity(graph, { now, window: { from: '2024-10-01' } });
log(
  `overall reciprocity ${all.overall?.toFixed(3)} (rho ${all.rho?.toFixed(3)}, weighted ${all.weighted?.toFixed(3)}); last quarter ${recent.overall?.toFixed(3)}`,
);

// A one-sided taker found by its archetype label, seen from both sides.
let taker: [string, string] | undefined;
graph.forEachEdge((_e, attributes, source, target) => {
  if (!taker && attributes.archetype === 'one-sided-taker' && attributes.actor === source) taker = [source, target];
});
const [t, giver] = taker!;
const view = tieReciprocity(graph, giver, t, { now });
log(
  `${giver} → ${t}: exchange balance ${view.exchange.balance.toFixed(2)} (${view.exchange.givenCount} given, ${view.exchange.receivedCount} received), waiting since ${view.waitingSince?.toISOString().slice(0, 10) ?? '—'}`,
);
log(
  `last ledger entries:`,
  view.ledger
    .slice(-3)
    .map((e) => `${e.at.toISOString().slice(0, 10)} ${e.by} ${e.kind} → ${e.exchangeBalance.toFixed(2)}`),
);

// Styles across the network.
const styles = new Map<string, number>();
graph.forEachNode((person) => {
  const { style } = personReciprocity(graph, person, { now });
  styles.set(style, (styles.get(style) ?? 0) + 1);
});
log('styles:', Object.fromEntries(styles));
const me = personReciprocity(graph, t, { now });
log(
  `${t} is a ${me.style}: gives ${me.exchange.given}, receives ${me.exchange.received}; giver fatigue on ${me.giverFatigue.length} ties`,
);

if (!(view.exchange.balance > 0) || me.style !== 'taker') process.exit(1);
