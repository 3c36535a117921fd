/**
 * At scale (issue 22): a generated network of about 10⁶ interactions read
 * from a table — through a graph (build it, prepareNetwork) and without one
 * (fromColumns) — and the kernel's rate, in pairs per second; then the same
 * table scored end to end on DuckDB (scoreTable, from Parquet). Ratios are
 * measured in one run, alternating the two paths.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MultiDirectedGraph } from 'graphology';
import { prepareNetwork, tieStrengths, type PeopleGraph } from 'goodwill';
import { fromColumns, scorePairs, type InteractionColumns } from 'goodwill/columns';
import { scoreTable } from 'goodwill/duckdb';
import { generateNetwork } from 'goodwill/fixtures';
import { interleave, keep, measure, ms, table } from './harness.js';

/** The graph's interactions as typed columns: ids into the node list, epoch ms, kind names. */
function columnsOf(graph: PeopleGraph): InteractionColumns & { rows: number } {
  const keys = graph.nodes();
  const id = new Map(keys.map((k, i) => [k, i]));
  const s: number[] = [];
  const t: number[] = [];
  const at: number[] = [];
  const kind: string[] = [];
  graph.forEachEdge((_e, attributes, source, target) => {
    for (const i of attributes['interactions'] as { at: string | number; kind: string }[]) {
      s.push(id.get(source)!);
      t.push(id.get(target)!);
      at.push(new Date(i.at).getTime());
      kind.push(i.kind);
    }
  });
  return {
    source: Int32Array.from(s),
    target: Int32Array.from(t),
    at: Float64Array.from(at),
    kind,
    keys,
    rows: s.length,
  };
}

/** A table's rows into a graph, as an app holding a table must build one: an edge per directed pair. */
function graphOf(columns: InteractionColumns & { rows: number }): PeopleGraph {
  const graph = new MultiDirectedGraph();
  const keys = columns.keys!;
  for (const key of keys) graph.addNode(key);
  const edges = new Map<number, { at: number; kind: string }[]>();
  const n = keys.length;
  for (let r = 0; r < columns.rows; r++) {
    const pair = (columns.source[r] as number) * n + (columns.target[r] as number);
    let list = edges.get(pair);
    if (list === undefined) edges.set(pair, (list = []));
    list.push({ at: columns.at[r] as number, kind: columns.kind![r] as string });
  }
  for (const [pair, interactions] of edges)
    graph.addEdge(keys[Math.floor(pair / n)]!, keys[pair % n]!, { interactions });
  return graph;
}

export default async function run(): Promise<void> {
  const now = '2025-01-01';
  const generated = generateNetwork({ seed: 22, people: 10_000 });
  const columns = columnsOf(generated);
  const prepared = fromColumns(columns);
  console.log(
    `${columns.rows.toLocaleString('en')} interactions, ${prepared.relationships.toLocaleString('en')} pairs, ${prepared.people.toLocaleString('en')} people`,
  );

  const [viaGraph, viaColumns] = interleave(
    [
      () => keep(tieStrengths(prepareNetwork(graphOf(columns)), { now })),
      () => keep(tieStrengths(fromColumns(columns), { now })),
    ],
    3,
  );
  const [readGraph, readColumns] = interleave(
    [() => keep(prepareNetwork(generated)), () => keep(fromColumns(columns))],
    3,
  );
  const kernel = measure(() => keep(tieStrengths(prepared, { now })), { minRuns: 3, minTimeMs: 0 });
  const batch = measure(() => keep(scorePairs(columns, { now })), { minRuns: 3, minTimeMs: 0 });
  const rate = (m: { median: number }) =>
    `${Math.round(prepared.relationships / (m.median / 1000)).toLocaleString('en')}`;
  table('a table of 10⁶ interactions to tieStrengths', [
    { path: 'graph: build it from the rows, prepareNetwork, tieStrengths', median: ms(viaGraph!.median), ratio: '1' },
    {
      path: 'columns: fromColumns, tieStrengths',
      median: ms(viaColumns!.median),
      ratio: `${(viaGraph!.median / viaColumns!.median).toFixed(1)}× faster`,
    },
    { path: 'reading only: prepareNetwork (graph given)', median: ms(readGraph!.median), ratio: '1' },
    {
      path: 'reading only: fromColumns',
      median: ms(readColumns!.median),
      ratio: `${(readGraph!.median / readColumns!.median).toFixed(1)}× faster`,
    },
  ]);
  table('the kernel, pairs per second (one core)', [
    { what: 'tieStrengths on a prepared network', median: ms(kernel.median), 'pairs/s': rate(kernel) },
    { what: 'scorePairs on the table (reading included)', median: ms(batch.median), 'pairs/s': rate(batch) },
  ]);

  // DuckDB end to end: Parquet in, Parquet out, in batches of 200,000 interactions.
  const dir = mkdtempSync(join(tmpdir(), 'goodwill-bench-'));
  try {
    const keys = columns.keys!;
    const lines = ['at,source,target,kind'];
    for (let r = 0; r < columns.rows; r++)
      lines.push(
        `${new Date(columns.at[r] as number).toISOString()},${keys[columns.source[r] as number]},${keys[columns.target[r] as number]},${columns.kind![r]}`,
      );
    writeFileSync(join(dir, 'in.csv'), lines.join('\n'));
    const duckdb = await import('@duckdb/node-api');
    const instance = await duckdb.DuckDBInstance.create(':memory:');
    const c = await instance.connect();
    await c.run(
      `COPY (SELECT * FROM read_csv('${join(dir, 'in.csv')}')) TO '${join(dir, 'in.parquet')}' (FORMAT PARQUET)`,
    );
    c.closeSync();
    const rows = [];
    for (const workers of [1, 2]) {
      const t0 = performance.now();
      const result = await scoreTable({
        instance,
        input: join(dir, 'in.parquet'),
        output: join(dir, 'out.parquet'),
        now,
        batchSize: 100_000,
        workers,
      });
      const seconds = (performance.now() - t0) / 1000;
      rows.push({
        what: `scoreTable, Parquet to Parquet, ${workers} thread${workers > 1 ? 's' : ''}`,
        seconds: seconds.toFixed(2),
        'pairs/s': Math.round(result.pairs / seconds).toLocaleString('en'),
        batches: result.batches,
      });
    }
    table('DuckDB end to end', rows);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
