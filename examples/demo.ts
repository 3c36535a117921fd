/**
 * `npm run demo`: goodwill's main job on a generated network — prints what the
 * library finds, and writes a picture of one person's network to
 * docs/guides/img/ego-network.svg (not in the test suite's quiet mode).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyStages, stageAdvice } from 'goodwill';
import { generateNetwork } from 'goodwill/fixtures';
import { renderEgoSvg } from '../src/health/ego-svg.js';

const quiet = process.env['GOODWILL_EXAMPLE_QUIET'] === '1';
const now = '2025-01-01';
const graph = generateNetwork({ seed: 2024, people: 500 });
let interactions = 0;
graph.forEachEdge((_e, attributes) => {
  interactions += attributes.interactions.length;
});
const out: string[] = [];
const say = (line = ''): void => void out.push(line);
say(`goodwill demo — a generated network of ${graph.order} people, ${graph.size} directed ties, ${interactions} interactions, as of ${now}`);

// The network: where every relationship stands.
const { counts, flagCounts } = classifyStages(graph, { now });
say();
say('Relationships by stage:');
for (const [stage, n] of Object.entries(counts)) if (stage !== 'none') say(`  ${stage.padEnd(11)} ${String(n).padStart(5)}`);
say(`Warning flags: ${Object.entries(flagCounts).map(([f, n]) => `${f} ${n}`).join(', ')}`);

// One person: the best-connected.
let person = '';
let best = -1;
graph.forEachNode((key) => {
  const degree = graph.degree(key);
  if (degree > best) {
    best = degree;
    person = key;
  }
});
const name = graph.getNodeAttribute(person, 'name');
const advice = stageAdvice(graph, person, { now });
say();
say(`${name} (${person}, ${graph.getNodeAttribute(person, 'title')} at ${graph.getNodeAttribute(person, 'company')}):`);
say(`  feed ${advice.feed.length} ties before they lapse:`);
for (const f of advice.feed.slice(0, 5)) say(`    ${graph.getNodeAttribute(f.person, 'name')} (${f.person}) — ${f.reason}`);
say(`  weed ${advice.weed.length} ties that never grew:`);
for (const w of advice.weed.slice(0, 5)) say(`    ${graph.getNodeAttribute(w.person, 'name')} (${w.person}) — ${w.reason}`);

const svg = renderEgoSvg(graph, person, { now });
if (!quiet) {
  const path = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'guides', 'img', 'ego-network.svg');
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, svg);
  say();
  say(`Wrote a picture of ${name}'s network to docs/guides/img/ego-network.svg`);
  console.log(out.join('\n'));
}
if (counts.trusted === 0 || svg.length < 1000) process.exit(1);
