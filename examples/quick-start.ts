/**
 * The README's quick start, kept runnable (the test suite runs every example).
 *
 * Run: npx tsx examples/quick-start.ts
 */
import assert from 'node:assert/strict';
import Graph from 'graphology';
import {
  assessRelationship,
  classifyStages,
  tieReciprocity,
  personHealth,
  keepInTouch,
  networkHealth,
  prepareNetwork,
  tieStrength,
} from 'goodwill';
import { summarize } from 'goodwill/explain';
import { findIntroductionPaths } from 'goodwill/introductions';

const quiet = process.env['GOODWILL_EXAMPLE_QUIET'] === '1';
const log = (...args: unknown[]): void => {
  if (!quiet) console.log(...args);
};

// A people graph: the edge A→B holds what A initiated toward B.
const graph = new Graph();
graph.addNode('ann', { name: 'Ann', company: 'Acme' });
graph.addNode('bob', { name: 'Bob', company: 'Globex' });
graph.addEdge('ann', 'bob', {
  interactions: [
    { at: '2024-05-01', kind: 'meeting' },
    { at: '2024-06-02', kind: 'help' },
  ],
});
graph.addEdge('bob', 'ann', { interactions: [{ at: '2024-05-03', kind: 'referral' }] });

const now = '2024-06-30'; // goodwill never reads the clock
// Everything about one relationship, from one assessment: strength, stage, rhythm, dates, advice.
const r = assessRelationship(graph, 'ann', 'bob', { now });
log(
  r.stage,
  r.stageDetail.reasons.filter((x) => !x.met).map((x) => x.text),
);
log(r.strength.toFixed(2), r.strengthDetail.components, 'goes cold on', r.rhythm.cold);
assert.equal(r.stage, 'acquainted');
assert.equal(r.strength, tieStrength(graph, 'bob', 'ann', { now }).strength);
// Whom to contact this week, by each tie's own rhythm; cold ties that mattered to reconnect with.
const { contacts, reconnect } = keepInTouch(graph, 'ann', { now });
log(
  contacts.map((c) => `${c.name}: ${c.reason}`),
  reconnect,
);
assert.deepEqual(
  contacts.map((c) => c.other),
  ['bob'],
);
const reciprocity = tieReciprocity(graph, 'ann', 'bob', { now });
log('exchange balance from Ann', reciprocity.exchange.balance.toFixed(2), 'waiting since', reciprocity.waitingSince);
const intros = findIntroductionPaths(graph, 'ann', (_key, person) => person['company'] === 'Globex', { now });
log(intros.paths.map((p) => p.explanation));
assert.equal(intros.paths.length, 1);
log(summarize(personHealth(graph, 'ann', { now })));

// Several whole-network results from one reading of the graph.
const prepared = prepareNetwork(graph);
log(summarize(networkHealth(prepared, { now })));
log(classifyStages(prepared, { now: '2024-01-31' }).stageCounts);
