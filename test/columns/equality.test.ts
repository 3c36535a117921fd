/**
 * The column path gives the graph path's answers, byte for byte: the same
 * interactions read from a table (fromColumns) or a graph (prepareNetwork),
 * compared as JSON — on the generator and on every shared data set.
 */
import { describe, expect, it } from 'vitest';
import { classifyStages, networkHealth, prepareNetwork, tieStrengths, type PreparedNetwork } from 'goodwill';
import { fromColumns, type ColumnReadOptions } from 'goodwill/columns';
import { generateNetwork, parseEdgeList, type ParseEdgeListOptions } from 'goodwill/fixtures';
import { describeData, readDataFile } from '../helpers/data.js';
import { graphToColumns } from '../helpers/columns.js';

/** The three whole-network answers at `now`, as JSON. */
function answers(network: PreparedNetwork, now: string): string[] {
  return [
    JSON.stringify(tieStrengths(network, { now })),
    JSON.stringify(classifyStages(network, { now })),
    JSON.stringify(networkHealth(network, { now })),
  ];
}

/** Equal strings, or the first place where they differ (a diff of megabytes of JSON says nothing). */
function expectSame(actual: string[], expected: string[]): void {
  for (let i = 0; i < expected.length; i++) {
    const x = actual[i]!;
    const y = expected[i]!;
    let at = 0;
    while (at < x.length && x[at] === y[at]) at++;
    expect(
      at === x.length && x.length === y.length
        ? 'same'
        : `answer ${i} differs at ${at}: …${x.slice(at - 80, at + 80)}… vs …${y.slice(at - 80, at + 80)}…`,
    ).toBe('same');
  }
}

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

/** Each shared data set (the ones test/reciprocity reads, and the rest): file, parse options, read options. */
const DATASETS: [string, string, ParseEdgeListOptions, ColumnReadOptions?][] = [
  ['collegemsg', 'collegemsg/CollegeMsg.txt', { format: 'snap' }],
  [
    'email-eu dept3',
    'email-eu-core-temporal/email-Eu-core-temporal-Dept3.txt',
    { format: 'snap', timeOrigin: '2003-10-01' },
  ],
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
  ['digg-reply', 'digg-reply/out.munmun_digg_reply', { format: 'konect' }],
  ['mathoverflow-c2a', 'sx-mathoverflow/sx-mathoverflow-c2a.txt.gz', { format: 'snap' }],
];

describeData('fromColumns = prepareNetwork on the shared data sets', () => {
  for (const [name, file, parse] of DATASETS) {
    it(name, () => {
      const graph = parseEdgeList(readDataFile(file), parse);
      const columns = graphToColumns(graph, true);
      let last = 0;
      for (let r = 0; r < columns.rows; r++) last = Math.max(last, new Date(columns.at[r] as string).getTime());
      const now = new Date(last + 86_400_000).toISOString();
      const expected = answers(prepareNetwork(graph), now);
      expectSame(answers(fromColumns(columns, { selfPairs: 'ignore' }), now), expected);
    });
  }
});
