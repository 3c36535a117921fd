/**
 * networkReciprocity over sx-mathoverflow (506,550 interactions, when
 * ../shared/data is present) and a ~1,000,000-interaction generated network,
 * against a bare loop that reads every interaction once and marks which
 * directed pairs exist (the floor), measured in the same run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { networkReciprocity, type PeopleGraph } from 'goodwill';
import { generateNetwork, parseEdgeList } from 'goodwill/fixtures';
import { keep, measure, ms, table } from './harness.js';

function bareLoop(graph: PeopleGraph): number {
  // Read every interaction once; a directed pair counts when it has one; then count reciprocated pairs.
  const pairs = new Set<string>();
  graph.forEachEdge((_e, attributes, source, target) => {
    if (source === target) return;
    for (const i of attributes['interactions'] as { at: number }[]) {
      if (i.at === i.at) {
        pairs.add(`${source}\u0000${target}`);
      }
    }
  });
  let reciprocated = 0;
  for (const p of pairs) {
    const cut = p.indexOf('\u0000');
    if (pairs.has(`${p.slice(cut + 1)}\u0000${p.slice(0, cut)}`)) reciprocated++;
  }
  return reciprocated / pairs.size;
}

export default function run(): void {
  const rows: Record<string, string>[] = [];
  const cases: [string, PeopleGraph][] = [];
  const here = dirname(fileURLToPath(import.meta.url));
  const path = resolve(here, '../../shared/data/sx-mathoverflow/sx-mathoverflow.txt.gz');
  if (existsSync(path))
    cases.push([
      'sx-mathoverflow (506,550 interactions)',
      parseEdgeList(gunzipSync(readFileSync(path)).toString('utf8'), { format: 'snap' }),
    ]);
  else console.log('(sx-mathoverflow absent: ../shared/data not found)');
  const generated = generateNetwork({ seed: 1, people: 8500 });
  cases.push(['generated (1,019,382 interactions)', generated]);
  for (const [name, graph] of cases) {
    const bare = measure(() => keep(bareLoop(graph)), { minRuns: 5 });
    const ours = measure(() => keep(networkReciprocity(graph)), { minRuns: 5 });
    rows.push({
      data: name,
      'bare loop': ms(bare.median),
      networkReciprocity: ms(ours.median),
      ratio: (ours.median / bare.median).toFixed(2),
    });
  }
  table('networkReciprocity vs a bare loop over the same interactions', rows);
}
