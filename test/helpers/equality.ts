/**
 * The column path against the graph path: the JSON of three whole-network
 * answers, compared byte for byte, and the check of a shared data set.
 */
import { expect, it } from 'vitest';
import { classifyStages, networkHealth, prepareNetwork, tieStrengths, type PreparedNetwork } from 'goodwill';
import { fromColumns, type ColumnReadOptions } from 'goodwill/columns';
import { parseEdgeList, type ParseEdgeListOptions } from 'goodwill/fixtures';
import { graphToColumns } from './columns.js';
import { readDataFile } from './data.js';

/** The three whole-network answers at `now`, as JSON. */
export function answers(network: PreparedNetwork, now: string): string[] {
  return [
    JSON.stringify(tieStrengths(network, { now })),
    JSON.stringify(classifyStages(network, { now })),
    JSON.stringify(networkHealth(network, { now })),
  ];
}

/** Equal strings, or the first place where they differ (a diff of megabytes of JSON says nothing). */
export function expectSame(actual: string[], expected: string[]): void {
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

/** A shared data set: its name, file, and how to parse it. */
export type DataSet = [name: string, file: string, parse: ParseEdgeListOptions];

/** One test per data set: read as a graph and as a table (ids into a key table), answers equal, `now` the day after the last interaction. */
export function itIsTheSame(datasets: readonly DataSet[], options: ColumnReadOptions = { selfPairs: 'ignore' }): void {
  for (const [name, file, parse] of datasets) {
    it(name, () => {
      const graph = parseEdgeList(readDataFile(file), parse);
      const columns = graphToColumns(graph, true);
      let last = 0;
      for (let r = 0; r < columns.rows; r++) last = Math.max(last, new Date(columns.at[r] as string).getTime());
      const now = new Date(last + 86_400_000).toISOString();
      const expected = answers(prepareNetwork(graph), now);
      expectSame(answers(fromColumns(columns, options), now), expected);
    });
  }
}
