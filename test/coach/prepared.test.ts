/**
 * The coach's questions about one person take a prepared network, as the
 * person functions do, and answer as on the graph, byte for byte: on Maya's
 * network and on a generated one, asked twice (the second time from the
 * person's kept ties).
 */
import { describe, expect, it } from 'vitest';
import { prepareNetwork } from 'goodwill';
import { owedReplies, personAskReadiness, weeklyPlan } from 'goodwill/coach';
import { generateNetwork } from 'goodwill/fixtures';
import { mayaNetwork, NOW } from './maya.js';

const ask = (network: unknown, person: string, now: string) =>
  JSON.stringify([
    owedReplies(network, person, { now }),
    personAskReadiness(network, person, { now }),
    weeklyPlan(network, person, { now, touches: 5 }),
  ]);

describe("the coach's questions on a prepared network", () => {
  it("answer as on the graph for Maya's network", () => {
    const g = mayaNetwork();
    const network = prepareNetwork(g);
    expect(ask(network, 'me', NOW)).toBe(ask(g, 'me', NOW));
    expect(ask(network, 'me', NOW)).toBe(ask(g, 'me', NOW));
  });

  it('answer as on the graph for a generated network', () => {
    const g = generateNetwork({ people: 200, seed: 3 });
    const network = prepareNetwork(g);
    for (const person of g.nodes().slice(0, 10))
      expect(ask(network, person, '2024-06-30')).toBe(ask(g, person, '2024-06-30'));
  });
});
