import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import {
  classifyStages,
  GoodwillError,
  InvalidGraphError,
  InvalidOptionError,
  networkHealth,
  networkReciprocity,
  prepareNetwork,
  PreparedNetwork,
  tieStrengths,
} from 'goodwill';
import { calibrateDecay } from 'goodwill/calibrate';
import { generateNetwork } from 'goodwill/fixtures';
import { freezeGraph, snapshot } from '../helpers/frozen.js';

const graph = generateNetwork({ seed: 11, people: 120 });
const NOWS = ['2023-06-30', '2024-03-01', '2025-01-01'];

describe('prepareNetwork', () => {
  it('gives every accepting function the same result as the graph itself, at several dates', () => {
    const network = prepareNetwork(graph);
    for (const now of NOWS) {
      expect(classifyStages(network, { now })).toEqual(classifyStages(graph, { now }));
      expect(tieStrengths(network, { now })).toEqual(tieStrengths(graph, { now }));
      expect(networkReciprocity(network, { now, recencyHalfLife: { days: 90 } })).toEqual(
        networkReciprocity(graph, { now, recencyHalfLife: { days: 90 } }),
      );
      expect(networkHealth(network, { now, compareTo: '2022-01-01' })).toEqual(
        networkHealth(graph, { now, compareTo: '2022-01-01' }),
      );
    }
    expect(calibrateDecay(network, { now: '2025-01-01', halfLives: [7, 30] })).toEqual(
      calibrateDecay(graph, { now: '2025-01-01', halfLives: [7, 30] }),
    );
  });

  it('counts people, relationships and interactions, and is frozen', () => {
    const g = new Graph();
    g.addNode('a');
    g.addNode('b');
    g.addNode('c');
    g.addEdge('a', 'b', { interactions: [{ at: 1 }, { at: 2 }] });
    g.addEdge('b', 'a', { interactions: [{ at: 3 }] });
    g.addEdge('c', 'c', { interactions: [{ at: 3 }] }); // a self-loop: left out
    const network = prepareNetwork(g);
    expect(network).toBeInstanceOf(PreparedNetwork);
    expect([network.people, network.relationships, network.interactions]).toEqual([3, 1, 3]);
    expect(network.graph).toBe(g);
    expect(Object.isFrozen(network)).toBe(true);
  });

  it('takes the read options once, and refuses them again with a prepared network', () => {
    const g = new Graph();
    g.addNode('a');
    g.addNode('b');
    g.addEdge('a', 'b', { log: [{ at: '2024-01-01', kind: 'coffee' }] });
    g.addEdge('b', 'a', { log: [{ at: '2024-01-02', kind: 'coffee' }] });
    const options = { getInteractions: 'log', kinds: { coffee: { role: 'contact' as const, value: 2 } } };
    const network = prepareNetwork(g, options);
    expect(classifyStages(network, { now: '2024-02-01' })).toEqual(
      classifyStages(g, { now: '2024-02-01', ...options }),
    );
    for (const [field, value] of Object.entries({
      getInteractions: 'log',
      kinds: {},
      replaceKinds: true,
      unknownKind: 'ignore',
      getStrengthOverride: null,
    })) {
      const call = () => classifyStages(network, { now: '2024-02-01', [field]: value });
      expect(call).toThrow(InvalidOptionError);
      expect(call).toThrow(new RegExp(`classifyStages: the option \`${field}\`.*prepareNetwork`));
    }
  });

  it('writes .assign results to the graph it was prepared from, and reads a frozen graph without mutating it', () => {
    const g = generateNetwork({ seed: 3, people: 30 });
    const network = prepareNetwork(g);
    classifyStages.assign(network, { now: '2025-01-01' });
    let written = 0;
    g.forEachEdge((_e, a) => void ((a as unknown as Record<string, unknown>)['stage'] !== undefined && written++));
    expect(written).toBeGreaterThan(0);

    const frozen = freezeGraph(generateNetwork({ seed: 4, people: 30 }));
    const before = snapshot(frozen);
    networkHealth(prepareNetwork(frozen), { now: '2025-01-01' });
    expect(snapshot(frozen)).toBe(before);
  });

  it('names itself when the graph is not a graph', () => {
    expect(() => prepareNetwork({} as never)).toThrow(InvalidGraphError);
    expect(() => prepareNetwork({} as never)).toThrow(/prepareNetwork/);
    expect(() => prepareNetwork(null as never)).toThrow(GoodwillError);
  });

  it('does not follow changes made to the graph after it was prepared (a snapshot)', () => {
    const g = new Graph();
    g.addNode('a');
    g.addNode('b');
    g.addEdge('a', 'b', { interactions: [{ at: '2024-01-01' }] });
    const network = prepareNetwork(g);
    g.addEdge('b', 'a', { interactions: [{ at: '2024-01-02' }] });
    expect(classifyStages(network, { now: '2024-02-01' }).stageCounts.acquainted).toBe(0);
    expect(classifyStages(g, { now: '2024-02-01' }).stageCounts.acquainted).toBe(1);
  });
});

describe('a prepared network where the graph itself is needed', () => {
  it('is refused with an error that says which functions take it and how to pass the graph', async () => {
    const { tieStrength, tieReciprocity, personHealth } = await import('goodwill');
    const network = prepareNetwork(generateNetwork({ seed: 5, people: 20 }));
    expect(() => tieStrength(network as never, 'p0001', 'p0002', { now: '2025-01-01' })).toThrow(InvalidGraphError);
    expect(() => tieReciprocity(network as never, 'p0001', 'p0002', { now: '2025-01-01' })).toThrow(
      /tieReciprocity: takes the graph itself, not a prepared network .*personHealth.*network\.graph/,
    );
    // One person's questions take it.
    expect(personHealth(network, 'p0001', { now: '2025-01-01' }).person).toBe('p0001');
  });
});

describe('PreparedNetwork (repro D13)', () => {
  it('is not constructible from outside: a typed error pointing to prepareNetwork', () => {
    const Ctor = PreparedNetwork as unknown as new (...args: unknown[]) => unknown;
    for (const args of [[], [{}, {}], [new Graph(), {}]]) {
      expect(() => new Ctor(...args)).toThrow(InvalidGraphError);
      expect(() => new Ctor(...args)).toThrow(/prepareNetwork/);
    }
  });
});
