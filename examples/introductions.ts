/**
 * Warm introductions to everyone at a company, in a generated network: one
 * finder, many queries, k different people to ask.
 *
 * Run: npx tsx examples/introductions.ts
 */
import { createIntroductionFinder, findIntroductionPaths } from 'goodwill/introductions';
import { generateNetwork } from 'goodwill/fixtures';

const quiet = process.env['GOODWILL_EXAMPLE_QUIET'] === '1';
const log = (...args: unknown[]): void => {
  if (!quiet) console.log(...args);
};

const graph = generateNetwork({ seed: 42, people: 400 });
const now = '2025-01-01';
const me = 'p0001';
const myCompany = graph.getNodeAttribute(me, 'company');
// A company I do not work at, with the most people.
const sizes = new Map<string, number>();
graph.forEachNode((_k, a) => sizes.set(a.company, (sizes.get(a.company) ?? 0) + 1));
const company = [...sizes]
  .filter(([c]) => c !== myCompany)
  .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]![0];

// Build the index once; ask many questions.
const finder = createIntroductionFinder(graph, { now });
log(
  `finder: ${finder.size.people} people, ${finder.size.arcs} usable hops, ${(finder.memoryBytes / 1024).toFixed(0)} KiB`,
);

const atCompany = (_key: string, attributes: Record<string, unknown>): boolean => attributes['company'] === company;
const { paths, reason } = finder.find(me, atCompany, { k: 5, diverse: true });
log(`\nintroductions from ${me} (${graph.getNodeAttribute(me, 'name')}) to anyone at ${company}:`);
if (paths.length === 0) log(`  none: ${reason}`);
for (const p of paths) log(`  ${p.people.join(' → ')}  reliability ${p.reliability.toFixed(3)}\n    ${p.explanation}`);

// One person, the three best chains (Yen), and the one-shot form.
const target = paths[0]?.people.at(-1);
if (target) {
  const best = findIntroductionPaths(graph, me, target, { now, k: 3 });
  log(
    `\nthe 3 best chains to ${target}:`,
    best.paths.map((p) => `${p.people.join('→')} (${p.reliability.toFixed(3)})`),
  );
}
if (
  paths.length === 0 ||
  new Set(paths.flatMap((p) => p.people.slice(1, -1))).size !== paths.flatMap((p) => p.people.slice(1, -1)).length
)
  process.exit(1);
