/**
 * Fixtures for your own tests: a seeded, realistic network with labelled
 * archetypes, and an edge-list parser for real data.
 *
 * Run: npx tsx examples/fixtures.ts
 */
import { ARCHETYPES, generateNetwork, parseEdgeList } from 'goodwill/fixtures';

const quiet = process.env['GOODWILL_EXAMPLE_QUIET'] === '1';
const log = (...args: unknown[]): void => {
  if (!quiet) console.log(...args);
};

// Same seed, same graph: safe to use as a unit-test fixture.
const graph = generateNetwork({ seed: 42, people: 300 });
const byArchetype = new Map<string, number>();
let interactions = 0;
graph.forEachEdge((_edge, attributes) => {
  interactions += attributes.interactions.length;
  byArchetype.set(attributes.archetype, (byArchetype.get(attributes.archetype) ?? 0) + 1);
});
log(`${graph.order} people, ${graph.size} directed ties, ${interactions} interactions`);
for (const { name, behaviour } of ARCHETYPES)
  log(`  ${name.padEnd(17)} ${String(byArchetype.get(name) ?? 0).padStart(4)} edges  ${behaviour}`);

const first = graph.getNodeAttributes('p0001');
log(`p0001 is ${first.name}, ${first.title} at ${first.company} (${first.community})`);

// Real data: parse text you read yourself (goodwill does no I/O).
const snap = '1 2 1082040961\n2 1 1082155839\n1 3 1082414391\n';
const college = parseEdgeList(snap, { format: 'snap' });
log(`parsed ${college.order} people, ${college.size} ties; 1→2:`, college.getEdgeAttribute('1', '2', 'interactions'));

if (college.size !== 3 || graph.order !== 300 || byArchetype.size !== ARCHETYPES.length) process.exit(1);
