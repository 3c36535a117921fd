/**
 * `npm run demo`: goodwill's main job on a generated network — a network
 * report, one person's report with "seed, feed, weed" advice, the best warm
 * introductions to a company, and a picture of that person's network written
 * to docs/guides/img/ego-network.svg (not in the test suite's quiet mode).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { personHealth, networkHealth } from 'goodwill';
import { summarize } from 'goodwill/explain';
import { createIntroductionFinder } from 'goodwill/introductions';
import { renderEgoSvg } from 'goodwill/svg';
import { generateNetwork } from 'goodwill/fixtures';

const quiet = process.env['GOODWILL_EXAMPLE_QUIET'] === '1';
const now = '2025-01-01';
const graph = generateNetwork({ seed: 2024, people: 500 });
const out: string[] = [];
const say = (line = ''): void => void out.push(line);

say(`goodwill demo — a generated network of ${graph.order} people (seed 2024), as of ${now}`);
say();
say('== The network ==');
const network = networkHealth(graph, { now, compareTo: '2024-07-01' });
say(summarize(network));

// One person: the top broker.
const person = network.brokers[0]!.person;
const attrs = graph.getNodeAttributes(person);
say();
say(`== ${attrs.name} (${person}), ${attrs.title} at ${attrs.company} ==`);
say(summarize(personHealth(graph, person, { now })));

// Warm introductions from that person to anyone at the biggest other company.
const sizes = new Map<string, number>();
graph.forEachNode((_k, a) => sizes.set(a.company, (sizes.get(a.company) ?? 0) + 1));
const company = [...sizes]
  .filter(([c]) => c !== attrs.company)
  .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]![0];
const finder = createIntroductionFinder(graph, { now });
const intros = finder.find(person, (_k, a) => a['company'] === company, { k: 3, diverse: true });
say();
say(`== Warm introductions from ${person} to ${company} ==`);
if (intros.paths.length === 0) say(`none (${intros.reason})`);
for (const p of intros.paths)
  say(
    `${p.people.map((k) => graph.getNodeAttribute(k, 'name') as string).join(' → ')} (reliability ${p.reliability.toFixed(2)}): ${p.explanation}`,
  );

const svg = renderEgoSvg(graph, person, { now });
if (!quiet) {
  const path = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'guides', 'img', 'ego-network.svg');
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, svg);
  say();
  say(`Wrote a picture of ${attrs.name}'s network to docs/guides/img/ego-network.svg`);
  console.log(out.join('\n'));
}
if (network.relationships === 0 || svg.length < 1000 || intros.paths.length === 0) process.exit(1);
