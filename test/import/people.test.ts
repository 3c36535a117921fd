import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { InvalidOptionError, keepInTouch } from 'goodwill';
import { addEvents, addPeople, parseMbox } from 'goodwill/import';

const mbox = [
  'From bob@globex.com Tue Jun 03 10:00:00 2025',
  'From: Bob Okafor <Bob@Globex.com>',
  'To: Maya Lin <me@example.com>',
  'Subject: Lunch?',
  'Date: Tue, 03 Jun 2025 10:00:00 +0000',
  'Message-ID: <lunch@globex.com>',
  '',
  'Thursday?',
  '',
  'From me@example.com Tue Jun 03 12:00:00 2025',
  'From: Maya Lin <me@example.com>',
  'To: Bob Okafor <bob@globex.com>',
  'Subject: Re: Lunch?',
  'Date: Tue, 03 Jun 2025 12:00:00 +0000',
  'Message-ID: <re@example.com>',
  '',
  'Yes!',
  '',
].join('\n');

describe("addPeople: the importers' names reach the graph (issue 20)", () => {
  it("an mbox's names name the nodes addEvents created, and the answers use them", async () => {
    const graph = new MultiDirectedGraph();
    const mail = await parseMbox(mbox);
    addEvents(graph, mail.events);
    const before = keepInTouch(graph, 'me@example.com', { now: '2025-06-30' });
    expect(before.contacts.map((c) => c.name)).toEqual(['bob@globex.com']);
    const result = addPeople(graph, mail.people);
    expect(result).toEqual({ named: 2, kept: 0, missing: 0, unnamed: 0, nodesAdded: 0 });
    expect(graph.getNodeAttribute('bob@globex.com', 'name')).toBe('Bob Okafor');
    const after = keepInTouch(graph, 'me@example.com', { now: '2025-06-30' });
    expect(after.contacts.map((c) => c.name)).toEqual(['Bob Okafor']);
  });

  it('never overwrites a name; the first name for a key wins; aliases, missing and blank names', () => {
    const graph = new MultiDirectedGraph();
    graph.addNode('ann@acme.com', { name: 'Ann (my name for her)' });
    graph.addNode('bob@globex.com');
    graph.addNode('cy@initech.com', { name: '' });
    const result = addPeople(
      graph,
      [
        { key: 'ann@acme.com', name: 'Ann Lee' },
        { key: 'https://www.linkedin.com/in/bob', name: 'Bob Okafor' },
        { key: 'bob@globex.com', name: 'Bob' },
        { key: 'cy@initech.com', name: '  Cy Ng ' },
        { key: 'dana@acme.com', name: 'Dana Reyes' },
        { key: 'eve@hooli.com', name: '  ' },
        { key: 'fay@hooli.com' },
      ],
      { aliases: { 'https://www.linkedin.com/in/bob': 'bob@globex.com' } },
    );
    expect(result).toEqual({ named: 2, kept: 2, missing: 1, unnamed: 2, nodesAdded: 0 });
    expect(graph.getNodeAttribute('ann@acme.com', 'name')).toBe('Ann (my name for her)');
    expect(graph.getNodeAttribute('bob@globex.com', 'name')).toBe('Bob Okafor');
    expect(graph.getNodeAttribute('cy@initech.com', 'name')).toBe('Cy Ng');
    expect(graph.hasNode('dana@acme.com')).toBe(false);
    // addMissing adds the people the graph does not hold; another attribute can be named.
    const added = addPeople(graph, [{ key: 'dana@acme.com', name: 'Dana Reyes' }], {
      addMissing: true,
      attribute: 'label',
    });
    expect(added).toEqual({ named: 1, kept: 0, missing: 0, unnamed: 0, nodesAdded: 1 });
    expect(graph.getNodeAttributes('dana@acme.com')).toEqual({ label: 'Dana Reyes' });
  });

  it('all or nothing: a bad entry is an InvalidOptionError naming its position, and nothing is written', () => {
    const graph = new MultiDirectedGraph();
    graph.addNode('ann');
    graph.addNode('bob');
    const bad: [unknown, string][] = [
      [{ key: 'bob', name: 42 }, 'people[1].name'],
      [{ name: 'Bob' }, 'people[1].key'],
      ['bob', 'people[1]'],
    ];
    for (const [entry, field] of bad) {
      let error: unknown;
      try {
        addPeople(graph, [{ key: 'ann', name: 'Ann' }, entry as never]);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InvalidOptionError);
      expect((error as InvalidOptionError).location.field).toBe(field);
      expect((error as Error).message).toMatch(
        new RegExp(`^addPeople: the option \`${field.replace(/[[\].]/g, '\\$&')}\``),
      );
      expect(graph.getNodeAttributes('ann')).toEqual({});
    }
    expect(() => addPeople(graph, [{ key: '__proto__', name: 'x' }], { addMissing: true })).toThrow(
      /Object\.prototype/,
    );
    expect(graph.order).toBe(2);
    expect(() => addPeople(graph, 5 as never)).toThrow(InvalidOptionError);
    expect(() => addPeople(graph, [], { addMissing: 'yes' as never })).toThrow(/`addMissing`/);
  });
});
