/**
 * Where a relationship stands, why, and how it got there; then "feed and
 * weed" advice for one person of a generated network.
 *
 * Run: npx tsx examples/stages.ts
 */
import Graph from 'graphology';
import { classifyStage, classifyStages, stageAdvice, stageTimeline } from 'goodwill';
import { generateNetwork } from 'goodwill/fixtures';

const quiet = process.env['GOODWILL_EXAMPLE_QUIET'] === '1';
const log = (...args: unknown[]): void => {
  if (!quiet) console.log(...args);
};
const day = (d: number): string => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString();

// Ann and Bob: weekly coffee for a quarter, favours both ways, then silence.
const graph = new Graph();
graph.addNode('ann');
graph.addNode('bob');
const ann = [];
const bob = [];
for (let week = 0; week < 14; week++) {
  ann.push({ at: day(7 * week), kind: 'message' });
  bob.push({ at: day(7 * week + 2), kind: week % 4 === 0 ? 'meeting' : 'message' });
}
ann.push({ at: day(30), kind: 'help' });
bob.push({ at: day(60), kind: 'introduction' });
graph.addEdge('ann', 'bob', { interactions: ann });
graph.addEdge('bob', 'ann', { interactions: bob });

const now = day(250);
const { changes, current } = stageTimeline(graph, 'ann', 'bob', { now });
log(
  `ann & bob on ${now.slice(0, 10)}: ${current.stage} (peak ${current.peak}) since ${current.since?.toISOString().slice(0, 10)}`,
);
for (const c of changes)
  log(`  ${c.at.toISOString().slice(0, 10)}  ${c.from.padEnd(10)} → ${c.to.padEnd(10)} ${c.reason}`);
const missed = classifyStage(graph, 'ann', 'bob', { now: day(60) }).reasons.filter(
  (r) => !r.met && r.stage === 'trusted',
);
log(
  `on ${day(60).slice(0, 10)}, not yet trusted because:`,
  missed.map((r) => r.text),
);

// A whole network: counts per stage, and advice for one person.
const network = generateNetwork({ seed: 42, people: 300 });
const { stageCounts: counts, flagCounts } = classifyStages(network, { now: '2025-01-01' });
log('network stages:', counts, 'flags:', flagCounts);
const advice = stageAdvice(network, 'p0001', { now: '2025-01-01' });
log(
  `p0001 should feed ${advice.feed.length} ties, e.g.`,
  advice.feed.slice(0, 3).map((f) => `${f.other}: ${f.reason}`),
);
log(
  `p0001 could weed ${advice.weed.length} ties, e.g.`,
  advice.weed.slice(0, 3).map((w) => `${w.other}: ${w.reason}`),
);

if (current.stage !== 'dormant' || changes.length < 5) process.exit(1);
