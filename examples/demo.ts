/**
 * `npm run demo`: goodwill's main job on a generated network — prints what the
 * library finds. Grows as features land.
 */
import { generateNetwork } from 'goodwill/fixtures';

const now = '2025-01-01';
const graph = generateNetwork({ seed: 2024, people: 500 });
let interactions = 0;
graph.forEachEdge((_e, attributes) => {
  interactions += attributes.interactions.length;
});
console.log(`goodwill demo — a generated network of ${graph.order} people, ${graph.size} directed ties, ${interactions} interactions, as of ${now}\n`);
