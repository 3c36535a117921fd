/**
 * The column path gives the graph path's answers, byte for byte: the same
 * interactions read from a table (fromColumns) or a graph (prepareNetwork),
 * compared as JSON — on the generator and on the shared data sets (the
 * larger ones in equality-large.test.ts, which runs beside this file).
 */
import { MultiDirectedGraph } from 'graphology';
import { describe, it } from 'vitest';
import { prepareNetwork } from 'goodwill';
import { fromColumns } from 'goodwill/columns';
import { generateNetwork } from 'goodwill/fixtures';
import { describeData } from '../helpers/data.js';
import { graphToColumns } from '../helpers/columns.js';
import { answers, expectSame, itIsTheSame } from '../helpers/equality.js';

describe('fromColumns = prepareNetwork on generated networks', () => {
  it.each([1, 2])('seed %i, people as key strings and as ids into a key table', (seed) => {
    const graph = generateNetwork({ seed, people: 300 });
    const now = '2024-10-01';
    expectSame(answers(fromColumns(graphToColumns(graph, true)), now), answers(prepareNetwork(graph), now));
    // Keys as strings carry no names: the sentences name people by key, as in a graph without names.
    graph.forEachNode((node) => graph.removeNodeAttribute(node, 'name'));
    expectSame(answers(fromColumns(graphToColumns(graph)), now), answers(prepareNetwork(graph), now));
  });
});

describe('fromColumns = prepareNetwork with weights, ignored kinds and self-pairs', () => {
  it('every third interaction weighs 2.5, every seventh is of an unknown kind (ignored), some rows are self-pairs', () => {
    // A copy that allows self-loops (the generator's graph does not).
    const generated = generateNetwork({ seed: 3, people: 200 });
    const graph = new MultiDirectedGraph();
    graph.import(generated.export());
    let i = 0;
    graph.forEachEdge((_e, attributes) => {
      for (const interaction of attributes['interactions'] as Record<string, unknown>[]) {
        if (i % 3 === 0) interaction['weight'] = 2.5;
        if (i % 7 === 0) interaction['kind'] = 'mystery';
        i++;
      }
    });
    const [p, q] = graph.nodes();
    graph.addEdge(p, p, { interactions: [{ at: '2024-01-01', kind: 'message' }] });
    graph.addEdge(q, p, { interactions: [{ at: '2024-02-01', kind: 'mystery' }] });
    const now = '2024-10-01';
    const read = { unknownKind: 'ignore' } as const;
    expectSame(
      answers(fromColumns(graphToColumns(graph, true), { ...read, selfPairs: 'ignore' }), now),
      answers(prepareNetwork(graph, read), now),
    );
  });
});

describeData('fromColumns = prepareNetwork on the shared data sets', () => {
  itIsTheSame([
    ['collegemsg', 'collegemsg/CollegeMsg.txt', { format: 'snap' }],
    ['radoslaw', 'radoslaw-email/out.radoslaw_email_email', { format: 'konect' }],
    [
      'enron',
      'enron/enron-edges.csv',
      { format: 'csv', columns: { source: 'sender_id', target: 'receiver_id', time: 'unix_time' } },
    ],
    [
      'bitcoin-alpha',
      'soc-sign-bitcoinalpha/soc-sign-bitcoinalpha.csv',
      { format: 'csv', header: false, columns: { source: 0, target: 1, time: 3 } },
    ],
    [
      'bitcoin-otc',
      'soc-sign-bitcoinotc/soc-sign-bitcoinotc.csv',
      { format: 'csv', header: false, columns: { source: 0, target: 1, time: 3 } },
    ],
    ...[1, 2, 3, 4].map((d): [string, string, { format: 'snap'; timeOrigin: string }] => [
      `email-eu dept${d}`,
      `email-eu-core-temporal/email-Eu-core-temporal-Dept${d}.txt`,
      { format: 'snap', timeOrigin: '2003-10-01' },
    ]),
  ]);
});
