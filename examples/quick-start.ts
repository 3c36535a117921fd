/**
 * The README's quick start, kept runnable (the test suite runs every example).
 *
 * Run: npx tsx examples/quick-start.ts
 */
import Graph from 'graphology';
import { classifyStage, classifyStages, dyadReciprocity, egoHealth, findIntroductionPaths, networkHealth, prepareNetwork, summarize, tieStrength } from 'goodwill';

const quiet = process.env['GOODWILL_EXAMPLE_QUIET'] === '1';
const log = (...args: unknown[]): void => {
  if (!quiet) console.log(...args);
};

// A people graph: the edge A→B holds what A initiated toward B.
const graph = new Graph();
graph.addNode('ann', { company: 'Acme' });
graph.addNode('bob', { company: 'Globex' });
graph.addEdge('ann', 'bob', { interactions: [{ at: '2024-05-01', kind: 'meeting' }, { at: '2024-06-02', kind: 'help' }] });
graph.addEdge('bob', 'ann', { interactions: [{ at: '2024-05-03', kind: 'referral' }] });

const now = '2024-06-30'; // goodwill never reads the clock
const strength = tieStrength(graph, 'ann', 'bob', { now });
const reciprocity = dyadReciprocity(graph, 'ann', 'bob', { now });
const stage = classifyStage(graph, 'ann', 'bob', { now });
const intros = findIntroductionPaths(graph, 'ann', (_key, person) => person['company'] === 'Globex', { now });
log(strength.strength.toFixed(2), strength.components);
log('exchange balance from Ann', reciprocity.exchange.balance.toFixed(2), 'waiting since', reciprocity.waitingSince);
log(stage.stage, stage.flags);
log(intros.paths.map((p) => p.explanation));
log(summarize(egoHealth(graph, 'ann', { now })));
if (stage.stage !== 'acquainted' || intros.paths.length !== 1) process.exit(1);

// Several whole-network results from one reading of the graph.
const prepared = prepareNetwork(graph);
log(summarize(networkHealth(prepared, { now })));
log(classifyStages(prepared, { now: '2024-01-31' }).counts);
