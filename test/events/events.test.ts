import { PROTOTYPE_KEYS } from '../../src/core/graph.js';
import fc from 'fast-check';
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import {
  assessRelationship,
  GoodwillError,
  InvalidInteractionError,
  InvalidOptionError,
  type GroupEvent,
} from 'goodwill';
import { addEvents, eventsToInteractions, mergePeople } from 'goodwill/import';

const at = '2024-03-05T09:00:00Z';

describe('eventsToInteractions: the group rule', () => {
  it('the initiator initiates one interaction toward each participant, in the most direct role, with the group', () => {
    const { interactions, report } = eventsToInteractions([
      { at, kind: 'message', from: 'ann', to: ['bob', 'cy', 'ann'], cc: ['cy', 'di'], id: 'm1' },
    ]);
    expect(interactions).toEqual([
      {
        source: 'ann',
        target: 'bob',
        interaction: { at, kind: 'message', from: 'ann', weight: 1, group: { id: 'm1', size: 4, role: 'to' } },
      },
      {
        source: 'ann',
        target: 'cy',
        interaction: { at, kind: 'message', from: 'ann', weight: 1, group: { id: 'm1', size: 4, role: 'to' } },
      },
      {
        source: 'ann',
        target: 'di',
        interaction: { at, kind: 'message', from: 'ann', weight: 0.5, group: { id: 'm1', size: 4, role: 'cc' } },
      },
    ]);
    expect(report).toMatchObject({ events: 1, kept: 1, interactions: 3 });
  });

  it('dilutes credit by the number of people addressed when asked', () => {
    const event: GroupEvent = { at, from: 'a', to: ['b', 'c', 'd', 'e'], cc: ['f'] };
    const weights = (dilution: 'inverse' | 'sqrt' | 'none') =>
      eventsToInteractions([event], { dilution }).interactions.map((p) => p.interaction.weight);
    expect(weights('none')).toEqual([1, 1, 1, 1, 0.5]);
    expect(weights('inverse')).toEqual([0.2, 0.2, 0.2, 0.2, 0.1]);
    expect(weights('sqrt')[0]).toBeCloseTo(1 / Math.sqrt(5), 12);
    expect(
      eventsToInteractions([{ ...event, weight: 3 }], { dilution: 'inverse', ccWeight: 0 }).interactions.map(
        (p) => p.interaction.weight,
      ),
    ).toEqual([0.6, 0.6, 0.6, 0.6, 0]);
  });

  it('a meeting: the organiser toward each attendee; attendees not toward each other; `self` initiates events without `from`', () => {
    const meeting: GroupEvent = { at, kind: 'meeting', attendees: ['me', 'bob', 'cy'] };
    expect(eventsToInteractions([meeting]).report.droppedEvents.noInitiator).toBe(1);
    const { interactions } = eventsToInteractions([meeting], { self: 'me' });
    expect(
      interactions.map((p) => `${p.source}>${p.target}:${p.interaction.group.role}/${p.interaction.group.size}`),
    ).toEqual(['me>bob:attendee/3', 'me>cy:attendee/3']);
  });

  it('a large event counts each person once, in the most direct role, as a small one does', () => {
    // 40 people addressed, each named twice (to and cc) and some through an alias: past the linear search.
    const people = Array.from({ length: 40 }, (_, i) => `p${String(i).padStart(2, '0')}`);
    const event: GroupEvent = { at, from: 'ann', to: people, cc: [...people, 'ann', 'alias-of-p07', 'zed'], id: 'big' };
    const { interactions } = eventsToInteractions([event], { aliases: { 'alias-of-p07': 'p07' } });
    expect(interactions.map((p) => p.target)).toEqual([...people, 'zed']);
    expect(interactions.map((p) => p.interaction.group.role)).toEqual([...people.map(() => 'to'), 'cc']);
    expect(new Set(interactions.map((p) => p.interaction.group.size))).toEqual(new Set([42]));
  });

  it("an event's interactions with one role share one frozen group object", () => {
    const { interactions } = eventsToInteractions([{ at, from: 'ann', to: ['bob', 'cy'], cc: ['dan'], id: 'm' }]);
    const [bob, cy, dan] = interactions.map((p) => p.interaction.group);
    expect(bob).toBe(cy);
    expect(dan).not.toBe(bob);
    expect(Object.isFrozen(bob) && Object.isFrozen(dan)).toBe(true);
  });

  it('resolves aliases as events are read, so that one person counts once', () => {
    const aliases = { 'ann@home.org': 'ann', 'ann@acme.com': 'ann' };
    const { interactions } = eventsToInteractions([{ at, from: 'ann@home.org', to: ['ann@acme.com', 'bob'] }], {
      aliases,
    });
    expect(interactions.map((p) => [p.source, p.target, p.interaction.group.size])).toEqual([['ann', 'bob', 2]]);
    const byFunction = eventsToInteractions([{ at, from: 'ANN@home.org', to: ['bob'] }], {
      aliases: (id) => (id.toLowerCase().startsWith('ann@') ? 'ann' : undefined),
    });
    expect(byFunction.interactions[0]!.source).toBe('ann');
    expect(() => eventsToInteractions([{ at, from: 'a', to: ['b'] }], { aliases: (() => 42) as never })).toThrow(
      InvalidOptionError,
    );
  });

  it('privacy: excluded domains, addresses, people and kinds, internal-only events, each counted', () => {
    const events: GroupEvent[] = [
      { at, from: 'me@acme.com', to: ['doc@clinic.health.org', 'bob@globex.com'] }, // a domain (subdomain) removed
      { at, from: 'me@acme.com', to: ['Ex@Globex.com'] }, // an address, case-insensitive: nobody left
      { at, from: 'me@acme.com', to: ['cy@acme.com', 'di@sales.acme.com'] }, // internal only
      { at, from: 'me@acme.com', to: ['cy@acme.com', 'bob@globex.com'], kind: 'meeting' }, // kept: bob is external
      { at, from: 'me@acme.com', to: ['bob@globex.com'], kind: 'call' }, // an excluded kind
      { at, from: 'spy@globex.com', to: ['me@acme.com', 'bob@globex.com'] }, // the initiator is an excluded person
    ];
    const { interactions, report } = eventsToInteractions(events, {
      aliases: { 'spy@globex.com': 'spy' },
      exclude: { domains: ['health.org'], addresses: ['ex@globex.com'], people: ['spy'], kinds: ['call'] },
      internalDomains: ['acme.com'],
    });
    expect(interactions.map((p) => `${p.source}>${p.target}`)).toEqual([
      'me@acme.com>bob@globex.com',
      'me@acme.com>cy@acme.com',
      'me@acme.com>bob@globex.com',
    ]);
    expect(report.droppedEvents).toEqual({
      kind: 1,
      internal: 1,
      excludedInitiator: 1,
      noInitiator: 0,
      noRecipients: 1,
      tooLarge: 0,
    });
    expect(report.removedParticipants).toEqual({ domain: 1, address: 1, person: 1 });
    expect(report).toMatchObject({ events: 6, kept: 2, interactions: 3 });
  });

  it('drops broadcasts above maxGroupSize', () => {
    const big: GroupEvent = { at, from: 'a', to: ['b', 'c', 'd'] };
    expect(eventsToInteractions([big], { maxGroupSize: 3 }).report.droppedEvents.tooLarge).toBe(1);
    expect(eventsToInteractions([big], { maxGroupSize: 4 }).interactions).toHaveLength(3);
  });

  it('names the event, the field and the fix on bad input', () => {
    const bad = (event: unknown) => () => eventsToInteractions([{ at, from: 'a', to: ['b'] }, event as GroupEvent]);
    expect(bad({ at: '2024-02-30', from: 'a', to: ['b'], id: 'x' })).toThrow(
      /event 1 \(id "x"\): `at` is "2024-02-30": not a calendar date/,
    );
    expect(bad({ at, from: 'a', to: 'b' })).toThrow(/event 1: `to` is "b"\. Pass an array/);
    expect(bad({ at, from: 'a', cc: ['b', 7] })).toThrow(/`cc\[1\]` is 7/);
    expect(bad({ at, from: 'a', to: ['b'], weight: -1 })).toThrow(/`weight` is -1/);
    expect(bad(null)).toThrow(InvalidInteractionError);
    try {
      bad({ at: 'yesterday', from: 'a', to: ['b'] })();
    } catch (error) {
      expect((error as InvalidInteractionError).location).toEqual({ index: 1, field: 'at' });
    }
    expect(() => eventsToInteractions([], { dilution: 'half' as never })).toThrow(/`dilution`/);
    expect(() => eventsToInteractions(42 as never)).toThrow(/the events are 42/);
  });
});

describe('addEvents', () => {
  it('merges into existing edges, adds what is missing, and the kernel reads the result', () => {
    const graph = new Graph();
    graph.addNode('ann', { name: 'Ann' });
    graph.mergeEdge('ann', 'bob', { interactions: [{ at: '2024-01-01', kind: 'call' }], note: 'kept' });
    graph.mergeEdge('bob', 'ann'); // a link without interactions
    const report = addEvents(graph, [
      { at, kind: 'meeting', from: 'ann', attendees: ['bob', 'cy'], id: 'standup' },
      { at: '2024-03-06T10:00:00Z', kind: 'message', from: 'bob', to: ['ann'] },
    ]);
    expect(report).toMatchObject({ kept: 2, interactions: 3, nodesAdded: 1, edgesAdded: 1 });
    expect(graph.getEdgeAttributes(graph.edge('ann', 'bob'))).toEqual({
      note: 'kept',
      interactions: [
        { at: '2024-01-01', kind: 'call' },
        { at, kind: 'meeting', from: 'ann', weight: 1, group: { id: 'standup', size: 3, role: 'attendee' } },
      ],
    });
    expect(graph.getEdgeAttribute(graph.edge('bob', 'ann'), 'interactions')).toHaveLength(1);
    expect(graph.getNodeAttributes('ann')).toEqual({ name: 'Ann' });
    expect(assessRelationship(graph, 'ann', 'bob', { now: '2024-04-01' }).strengthDetail.interactions).toBe(3);
  });

  it('on an undirected graph one edge per pair holds both directions; on a multi graph the first edge with an array', () => {
    const undirected = new Graph({ type: 'undirected' });
    addEvents(undirected, [
      { at, from: 'b', to: ['a'] },
      { at, from: 'a', to: ['b'] },
    ]);
    expect(undirected.size).toBe(1);
    expect(assessRelationship(undirected, 'a', 'b', { now: at }).strengthDetail.interactions).toBe(2);
    const multi = new Graph({ multi: true });
    multi.mergeNode('a');
    multi.mergeNode('b');
    multi.addEdge('a', 'b', { label: 'x' });
    multi.addEdge('a', 'b', { interactions: [] });
    addEvents(multi, [{ at, from: 'a', to: ['b'] }]);
    expect(multi.size).toBe(2);
    expect(
      multi.mapEdges((_e, attributes) => (attributes['interactions'] as unknown[] | undefined)?.length ?? -1).sort(),
    ).toEqual([-1, 1]);
  });

  it('refuses an edge whose interactions are not an array, naming it', () => {
    const graph = new Graph();
    graph.mergeEdgeWithKey('e1', 'a', 'b', { interactions: new Set() });
    expect(() => addEvents(graph, [{ at, from: 'a', to: ['b'] }])).toThrow(
      /edge "e1" \("a" → "b"\) holds an object in `interactions`, not an array/,
    );
  });
});

describe('addEvents: all or nothing', () => {
  /** A graph with an edge holding interactions, a bare link, an edge whose attribute is null, and a lone node. */
  const base = () => {
    const graph = new Graph({ multi: false });
    graph.addNode('ann', { name: 'Ann' });
    graph.addNode('zed');
    graph.mergeEdgeWithKey('e1', 'ann', 'bob', { interactions: [{ at: '2024-01-01', kind: 'call' }], note: 'kept' });
    graph.mergeEdgeWithKey('e2', 'bob', 'ann');
    graph.mergeEdgeWithKey('e3', 'cy', 'ann', { interactions: null });
    return graph;
  };
  const people = ['ann', 'bob', 'cy', 'dee', 'eve'];
  const goodEvent = fc.record({
    from: fc.constantFrom(...people),
    to: fc.array(fc.constantFrom(...people), { minLength: 1, maxLength: 3 }),
    day: fc.integer({ min: 1, max: 28 }),
  });
  const badEvents: unknown[] = [
    { at: '2024-02-30', from: 'ann', to: ['bob'] },
    { at, from: 'ann', to: 'bob' },
    { at, from: 5, to: ['bob'] },
    null,
    { at, from: 'ann', to: ['bob'], weight: -1 },
  ];

  it('an unreadable event anywhere leaves the graph exactly as it was, arrays included (property)', () => {
    fc.assert(
      fc.property(
        fc.array(goodEvent, { maxLength: 12 }),
        fc.nat(),
        fc.constantFrom(...badEvents),
        (good, position, bad) => {
          const graph = base();
          const before = JSON.stringify(graph.export());
          const held = graph.getEdgeAttribute('e1', 'interactions') as unknown[];
          const events: unknown[] = good.map((e) => ({
            at: `2024-03-${String(e.day).padStart(2, '0')}`,
            from: e.from,
            to: e.to,
          }));
          events.splice(position % (events.length + 1), 0, bad);
          expect(() => addEvents(graph, events as GroupEvent[])).toThrow(/addEvents/);
          expect(JSON.stringify(graph.export())).toBe(before);
          // The caller's array is the same object, with its length restored.
          expect(graph.getEdgeAttribute('e1', 'interactions')).toBe(held);
          expect(held).toHaveLength(1);
          // The same events without the bad one then go in whole.
          const report = addEvents(graph, events.filter((e) => e !== bad) as GroupEvent[]);
          expect(report.events).toBe(good.length);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('an iterator that throws midway leaves the graph as it was, and its error goes through', () => {
    const graph = base();
    const before = JSON.stringify(graph.export());
    function* events(): Generator<GroupEvent> {
      yield { at, from: 'dee', to: ['eve', 'ann'] };
      throw new Error('the mailbox went away');
    }
    expect(() => addEvents(graph, events())).toThrow('the mailbox went away');
    expect(JSON.stringify(graph.export())).toBe(before);
  });
});

describe('writers and keys graphology cannot hold', () => {
  it('addEvents refuses __proto__ and constructor (they would corrupt Object.prototype), naming the event', () => {
    for (const key of ['__proto__', 'constructor']) {
      const graph = new Graph({ multi: true });
      graph.mergeEdge('ann', 'bob', { interactions: [] });
      const before = JSON.stringify(graph.export());
      expect(() =>
        addEvents(graph, [
          { at, from: 'ann', to: ['bob'] },
          { at, from: 'ann', to: [key], id: 'm2' },
        ]),
      ).toThrow(new RegExp(`addEvents: event 1 \\(id "m2"\\): the key "${key}" is a name of Object.prototype`));
      expect(JSON.stringify(graph.export())).toBe(before);
      expect(Object.keys(Object.prototype)).toEqual([]);
      // With the fix the message gives, it goes in.
      addEvents(graph, [{ at, from: 'ann', to: [key] }], { aliases: { [key]: `user:${key}` } });
      expect(graph.hasNode(`user:${key}`)).toBe(true);
    }
  });

  it('addEvents refuses the other names of Object.prototype too, on any graph (graphology misreads their edges)', () => {
    for (const graph of [new Graph(), new Graph({ multi: true }), new Graph({ type: 'undirected' })])
      expect(() => addEvents(graph, [{ at, from: 'ann', to: ['toString'] }])).toThrow(
        /"toString" is a name of Object.prototype, at which graphology 0.26 refuses or misreads a node's edges/,
      );
  });

  it('mergePeople checks everything before it changes the graph: a bad merge leaves it as it was', () => {
    const base = () => {
      const graph = new Graph();
      graph.mergeEdge('ann@home', 'bob', { interactions: [{ at }] });
      graph.mergeEdge('bob', 'ann@home', { interactions: [{ at }] });
      return graph;
    };
    // Into a key graphology cannot hold.
    let graph = base();
    let before = JSON.stringify(graph.export());
    expect(() => mergePeople(graph, { 'ann@home': '__proto__' })).toThrow(InvalidOptionError);
    expect(JSON.stringify(graph.export())).toBe(before);
    // An edge of the moving node that holds no list: before, its other edges were already gone when this threw.
    graph = base();
    graph.setEdgeAttribute(graph.edge('bob', 'ann@home'), 'interactions', 5);
    before = JSON.stringify(graph.export());
    expect(() => mergePeople(graph, { 'ann@home': 'ann' })).toThrow(/holds 5 in `interactions`.*Nothing was merged/);
    expect(JSON.stringify(graph.export())).toBe(before);
    // The edge the history would move to holds something that is not an array.
    graph = base();
    graph.mergeEdge('ann', 'bob', { interactions: 'see notes' });
    before = JSON.stringify(graph.export());
    expect(() => mergePeople(graph, { 'ann@home': 'ann' })).toThrow(/cannot move there.*Nothing was merged/);
    expect(JSON.stringify(graph.export())).toBe(before);
  });
});

describe('mergePeople', () => {
  it('moves every interaction to the person, rewrites `from`, keeps attributes, leaves a self-loop between the two addresses', () => {
    const graph = new Graph();
    graph.addNode('ann', { name: 'Ann' });
    graph.addNode('ann@home.org', { name: 'Ann H', phone: '1' });
    graph.mergeEdge('ann@home.org', 'bob', { interactions: [{ at: '2024-01-02', from: 'ann@home.org' }] });
    graph.mergeEdge('bob', 'ann@home.org', { interactions: [{ at: '2024-01-03' }] });
    graph.mergeEdge('ann', 'bob', { interactions: [{ at: '2024-01-01' }] });
    graph.mergeEdge('ann', 'ann@home.org', { interactions: [{ at: '2024-01-04' }] });
    const result = mergePeople(graph, { 'ann@home.org': 'ann' });
    expect(result).toEqual({ merged: [{ node: 'ann@home.org', into: 'ann' }], interactionsMoved: 3 });
    expect(graph.hasNode('ann@home.org')).toBe(false);
    expect(graph.getNodeAttributes('ann')).toEqual({ name: 'Ann', phone: '1' });
    expect(graph.getEdgeAttribute(graph.edge('ann', 'bob'), 'interactions')).toEqual([
      { at: '2024-01-01' },
      { at: '2024-01-02', from: 'ann' },
    ]);
    expect(graph.getEdgeAttribute(graph.edge('bob', 'ann'), 'interactions')).toEqual([{ at: '2024-01-03' }]);
    expect(graph.getEdgeAttribute(graph.edge('ann', 'ann'), 'interactions')).toEqual([{ at: '2024-01-04' }]);
  });

  it('follows chains and refuses cycles', () => {
    const graph = new Graph();
    addEvents(graph, [{ at, from: 'a1', to: ['b'] }]);
    expect(mergePeople(graph, { a1: 'a2', a2: 'a' }).merged).toEqual([{ node: 'a1', into: 'a' }]);
    expect(graph.nodes().sort()).toEqual(['a', 'b']);
    const cyclic = new Graph();
    addEvents(cyclic, [{ at, from: 'x', to: ['y'] }]);
    expect(() => mergePeople(cyclic, { x: 'y', y: 'x' })).toThrow(/cycle/);
  });

  it('property: merging two addresses gives the same answers as one address from the start', () => {
    const people = ['ann', 'ann@home', 'bob', 'cy', 'di'];
    const event = fc
      .record({
        day: fc.integer({ min: 0, max: 400 }),
        kind: fc.constantFrom('message', 'meeting', 'help', 'request'),
        members: fc.uniqueArray(fc.constantFrom(...people), { minLength: 2, maxLength: 4 }),
        cc: fc.integer({ min: 0, max: 2 }),
      })
      .filter((e) => !(e.members.includes('ann') && e.members.includes('ann@home')));
    fc.assert(
      fc.property(
        fc.array(event, { minLength: 1, maxLength: 30 }),
        fc.constantFrom('directed', 'undirected', 'multi'),
        (specs, type) => {
          const events: GroupEvent[] = specs.map((e) => ({
            at: new Date(Date.UTC(2024, 0, 1) + e.day * 86_400_000).toISOString(),
            kind: e.kind,
            from: e.members[0]!,
            to: e.members.slice(1, Math.max(2, e.members.length - e.cc)),
            cc: e.members.slice(Math.max(2, e.members.length - e.cc)),
          }));
          const make = () =>
            type === 'undirected' ? new Graph({ type: 'undirected' }) : new Graph({ multi: type === 'multi' });
          const merged = make();
          addEvents(merged, events);
          mergePeople(merged, { 'ann@home': 'ann' });
          const direct = make();
          addEvents(direct, events, { aliases: { 'ann@home': 'ann' } });
          expect(merged.nodes().sort()).toEqual(direct.nodes().sort());
          const now = '2025-03-01';
          const nodes = direct.nodes().sort();
          for (const a of nodes)
            for (const b of nodes)
              if (a < b)
                expect(assessRelationship(merged, a, b, { now })).toEqual(assessRelationship(direct, a, b, { now }));
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('eventsToInteractions under random input', () => {
  const who = fc.oneof(
    {
      weight: 8,
      arbitrary: fc.constantFrom('ann@a.com', 'Ann@A.com', 'bob@b.org', 'cy', 'dee@bank.com', 'eve@sub.bank.com'),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom<unknown>('', ' ', '__proto__', 'constructor', 5, null, undefined, {}, ['x']),
    },
  );
  const list = fc.oneof({ weight: 6, arbitrary: fc.array(who, { maxLength: 6 }) }, { weight: 1, arbitrary: who });
  const event = fc.oneof(
    {
      weight: 9,
      arbitrary: fc.record(
        {
          at: fc.constantFrom<unknown>(
            '2024-03-05',
            '2024-03-05T09:00:00+02:00',
            1_700_000_000_000,
            '2024-02-30',
            'soon',
            NaN,
            new Date(0),
          ),
          kind: fc.constantFrom<unknown>('message', 'meeting', 'call', '', 5),
          from: who,
          to: list,
          cc: list,
          attendees: list,
          id: fc.constantFrom<unknown>('m1', '', 5),
          weight: fc.constantFrom<unknown>(1, 0, 0.5, 1e12, 1e13, -1, NaN, '1'),
        },
        { requiredKeys: ['at'] },
      ),
    },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, 5, 'event', []) },
  );
  const options = fc.record(
    {
      aliases: fc.constantFrom<unknown>(
        { 'Ann@A.com': 'ann@a.com', cy: 'bob@b.org' },
        new Map([['cy', 'cy']]),
        (id: string) => (id === 'cy' ? 'ann@a.com' : undefined),
        { a: 5 },
        5,
      ),
      self: fc.constantFrom<unknown>('ann@a.com', '', 5),
      dilution: fc.constantFrom<unknown>('inverse', 'sqrt', 'none', 'half'),
      ccWeight: fc.constantFrom<unknown>(0, 0.5, 1, 2, NaN),
      maxGroupSize: fc.constantFrom<unknown>(2, 3, 100, 0, 1.5, Infinity),
      exclude: fc.constantFrom<unknown>(
        { domains: ['bank.com'] },
        { addresses: ['CY'], people: ['bob@b.org'], kinds: ['call'] },
        { domains: 'bank.com' },
        5,
      ),
      internalDomains: fc.constantFrom<unknown>(['a.com', 'b.org'], [], 'a.com'),
    },
    { requiredKeys: [] },
  );

  it('either interactions whose every number is finite and whose groups are consistent, or a typed error (property)', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 6 }), options, (events, o) => {
        let result: ReturnType<typeof eventsToInteractions>;
        try {
          result = eventsToInteractions(events as GroupEvent[], o as never);
        } catch (error) {
          expect(error, String((error as Error)?.stack ?? error)).toBeInstanceOf(GoodwillError);
          // All or nothing holds for the writer too.
          const graph = new Graph();
          expect(() => addEvents(graph, events as GroupEvent[], o as never)).toThrow(GoodwillError);
          expect(graph.order).toBe(0);
          return;
        }
        const { interactions, report } = result;
        expect(report.interactions).toBe(interactions.length);
        expect(report.events).toBe(events.length);
        for (const { source, target, interaction } of interactions) {
          expect(typeof source === 'string' && typeof target === 'string' && source !== target).toBe(true);
          expect(interaction.from).toBe(source);
          expect(Number.isFinite(interaction.weight) && interaction.weight >= 0).toBe(true);
          expect(Number.isInteger(interaction.group.size) && interaction.group.size >= 2).toBe(true);
        }
        // The writer writes exactly these — or, where a person is named after a member of
        // Object.prototype (which graphology cannot hold), refuses with a typed error and writes nothing.
        const graph = new Graph();
        const unsafe = interactions.some(
          ({ source, target }) => PROTOTYPE_KEYS.includes(source) || PROTOTYPE_KEYS.includes(target),
        );
        if (unsafe) {
          expect(() => addEvents(graph, events as GroupEvent[], o as never)).toThrow(GoodwillError);
          expect(graph.order).toBe(0);
        } else expect(addEvents(graph, events as GroupEvent[], o as never).interactions).toBe(interactions.length);
      }),
      { numRuns: 500 },
    );
  });
});
