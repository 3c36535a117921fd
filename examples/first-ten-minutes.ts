/**
 * The "first ten minutes" guide, kept runnable: a history on a graph, whom
 * to call this week, who can introduce me to someone at Acme, one
 * relationship in full.
 *
 * Run: npx tsx examples/first-ten-minutes.ts
 */
import assert from 'node:assert/strict';
import { MultiDirectedGraph } from 'graphology';
import { assessRelationship, personHealth, keepInTouch } from 'goodwill';
import { summarize } from 'goodwill/explain';
import { findIntroductionPaths } from 'goodwill/introductions';

const quiet = process.env['GOODWILL_EXAMPLE_QUIET'] === '1';
const log = (...args: unknown[]): void => {
  if (!quiet) console.log(...args);
};

const graph = new MultiDirectedGraph();
graph.addNode('me', { name: 'Maya' });
graph.addNode('chris', { name: 'Chris', company: 'Globex' });
graph.addNode('dana', { name: 'Dana', company: 'Acme' });
graph.addEdge('me', 'chris', {
  interactions: [
    { at: '2025-05-02', kind: 'call' },
    { at: '2025-05-28', kind: 'favor' },
    { at: '2025-06-10', kind: 'message' },
  ],
});
graph.addEdge('chris', 'me', {
  interactions: [
    { at: '2025-05-20', kind: 'help' },
    { at: '2025-06-11', kind: 'message' },
  ],
});
graph.addEdge('chris', 'dana', { interactions: [{ at: '2025-06-01', kind: 'meeting' }] });
graph.addEdge('dana', 'chris', { interactions: [{ at: '2025-06-02', kind: 'message' }] });

// The history is from spring 2025: ask as of a few weeks after it. In an app, `now` is today (new Date()).
const now = '2025-07-01';
const { contacts, reconnect } = keepInTouch(graph, 'me', { now });
for (const c of contacts.filter((x) => x.overdueDays > 0)) log(`${c.name}: ${c.reason}`);
assert.deepEqual(
  contacts.map((c) => c.other),
  ['chris'],
);
assert.ok(contacts[0]!.overdueDays > 0, 'Chris is due: the page promises someone to call');
assert.deepEqual(reconnect, []);

const { paths, reason } = findIntroductionPaths(graph, 'me', (_key, person) => person['company'] === 'Acme', { now });
log(paths[0]?.explanation ?? `no introduction: ${reason}`);
assert.deepEqual(paths[0]!.people, ['me', 'chris', 'dana']);
assert.match(
  paths[0]!.explanation,
  /^Ask Chris, who trusts you \(0\.\d\d\): Chris introduces you to Dana \(0\.\d\d\)\. Reliability 0\.\d\d over 2 hops\.$/,
);

const r = assessRelationship(graph, 'me', 'chris', { now });
log(r.stage, r.strengthDetail.probability, r.rhythm.cold);
assert.equal(r.stage, 'acquainted');
assert.ok(r.strengthDetail.probability! > 0 && r.strengthDetail.probability! < 1);
const report = summarize(personHealth(graph, 'me', { now }));
log(report);
assert.match(report, /a matcher/); // a favour each way: neither giver nor taker
