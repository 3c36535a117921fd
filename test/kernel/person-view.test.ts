/**
 * A person's questions on a prepared network: the same answers as on the
 * graph, byte for byte, with each tie assessed once per person, date and
 * model however many questions are asked (the assessed ties are kept with
 * the network's index, frozen).
 */
import Graph from 'graphology';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dunbarLayers, personHealth, keepInTouch, NodeNotFoundError, prepareNetwork, stageAdvice } from 'goodwill';
import { generateNetwork } from 'goodwill/fixtures';

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);
const PEOPLE = ['a', 'b', 'c', 'd', 'e', 'f'];
const KINDS = ['message', 'call', 'meeting', 'help', 'favor', 'request', 'pitch'] as const;

const events = fc.array(
  fc.record({
    day: fc.integer({ min: 0, max: 400 }),
    from: fc.integer({ min: 0, max: 5 }),
    to: fc.integer({ min: 0, max: 5 }),
    kind: fc.constantFrom(...KINDS),
  }),
  { maxLength: 80 },
);

function build(list: { day: number; from: number; to: number; kind: string }[]): Graph {
  const g = new Graph({ multi: true });
  for (const p of PEOPLE) g.addNode(p, { name: p.toUpperCase() });
  for (const e of list) {
    if (e.from === e.to) continue;
    g.addEdge(PEOPLE[e.from]!, PEOPLE[e.to]!, { interactions: [{ at: T0 + e.day * DAY, kind: e.kind }] });
  }
  return g;
}

const ask = (network: Parameters<typeof personHealth>[0], person: string, now: number) =>
  JSON.stringify([
    personHealth(network, person, { now }),
    keepInTouch(network, person, { now }),
    stageAdvice(network, person, { now }),
    dunbarLayers(network, person, { now }),
    // Another model on the same network and date: its own ties, not the kept ones.
    personHealth(network, person, { now, halfLife: { days: 7 } }),
  ]);

describe("a person's questions on a prepared network", () => {
  it('answer as on the graph, on random graphs', () => {
    fc.assert(
      fc.property(events, fc.integer({ min: 0, max: 600 }), fc.constantFrom(...PEOPLE), (list, day, person) => {
        const g = build(list);
        const now = T0 + day * DAY;
        const network = prepareNetwork(g);
        expect(ask(network, person, now)).toBe(ask(g, person, now));
        // Asked again: the kept ties give the same answer.
        expect(ask(network, person, now)).toBe(ask(g, person, now));
      }),
      { numRuns: 150 },
    );
  });

  it('answer as on the graph on a generated network of 300 people', () => {
    const graph = generateNetwork({ people: 300, seed: 7 });
    const network = prepareNetwork(graph);
    const now = '2024-06-30';
    for (const person of graph.nodes().slice(0, 12))
      expect(ask(network, person, Date.parse(now))).toBe(ask(graph, person, Date.parse(now)));
  });

  it('say when the person joined the graph after the network was prepared', () => {
    const g = build([{ day: 1, from: 0, to: 1, kind: 'call' }]);
    const network = prepareNetwork(g);
    g.addNode('zoe');
    expect(() => keepInTouch(network, 'zoe', { now: T0 })).toThrow(NodeNotFoundError);
    expect(() => keepInTouch(network, 'zoe', { now: T0 })).toThrow(/prepared again/);
  });

  it('check the options before reading the graph', () => {
    // A bad option is named even when the graph argument is not a graph.
    expect(() => personHealth(null as never, 'a', { now: T0, strongTie: 2 })).toThrow(/strongTie/);
    expect(() => keepInTouch(null as never, 'a', { now: T0, maxFactor: 0 })).toThrow(/maxFactor/);
  });
});
