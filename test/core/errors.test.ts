import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import {
  GoodwillError,
  InvalidGraphError,
  InvalidInteractionError,
  InvalidOptionError,
  NodeNotFoundError,
} from 'goodwill';
import { buildIndex, eventValue } from '../../src/core/interaction-index.js';
import { parseDurationOption, parseTimeOption } from '../../src/core/time.js';
import { DEFAULT_KINDS, resolveKinds, suggestKind } from '../../src/core/kinds.js';
import { cleanPrototypePollutionAfterEach } from '../helpers/pollution.js';

// Graphs with a `__proto__` key make graphology 0.26 write onto Object.prototype: undo it after each test.
cleanPrototypePollutionAfterEach();

function graphWith(interactions: unknown, undirected = false): Graph {
  const g = new Graph({ multi: true, type: 'mixed' });
  g.addNode('ann');
  g.addNode('bob');
  if (undirected) g.addUndirectedEdgeWithKey('e1', 'ann', 'bob', { interactions });
  else g.addDirectedEdgeWithKey('e1', 'ann', 'bob', { interactions });
  return g;
}

/** Runs fn, expects a GoodwillError of the class and code, and returns it. */
function caught<T extends GoodwillError>(fn: () => unknown, cls: new (...args: never[]) => T, code: string): T {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(cls);
    expect(error).toBeInstanceOf(GoodwillError);
    expect((error as GoodwillError).code).toBe(code);
    return error as T;
  }
  throw new Error('expected an error');
}

const read = (g: unknown, options = {}) => buildIndex(g, options, 'tieStrength');

describe('invalid graph', () => {
  it.each([null, undefined, 42, 'graph', {}, { forEachEdge: 1 }])('rejects %s', (value) => {
    const error = caught(() => read(value), InvalidGraphError, 'INVALID_GRAPH');
    expect(error.message).toMatch(/^tieStrength: expected a graphology Graph/);
  });

  it('rejects a duck-typed stand-in with a few graph methods (repro D10)', () => {
    const fake = { forEachEdge() {}, forEachNode() {}, hasNode: () => true, order: 1 };
    const error = caught(() => read(fake), InvalidGraphError, 'INVALID_GRAPH');
    expect(error.message).toMatch(/no method `nodes`/);
    // Every method, but not graphology's `type`:
    const g = new Graph();
    const methods = Object.fromEntries(
      [
        'forEachEdge',
        'forEachNode',
        'hasNode',
        'nodes',
        'edges',
        'degree',
        'getNodeAttributes',
        'getEdgeAttributes',
        'mergeNodeAttributes',
        'forEachNeighbor',
        'export',
      ].map((m) => [m, (g as never as Record<string, () => unknown>)[m]!.bind(g)]),
    );
    expect(
      caught(
        () => read({ ...methods, order: 0, size: 0, multi: false, type: 'weird' }),
        InvalidGraphError,
        'INVALID_GRAPH',
      ).message,
    ).toMatch(/`type`/);
    // A graph of another copy of graphology (not an instance of ours) with the whole shape passes.
    expect(read({ ...methods, order: 0, size: 0, multi: false, type: 'directed' }).nodes).toEqual([]);
  });
});

describe('error classes (repro D13)', () => {
  it('check their code and location', () => {
    expect(() => new GoodwillError('NOT_A_CODE' as never, 'm')).toThrow(InvalidOptionError);
    expect(() => new InvalidGraphError('m', 5 as never)).toThrow(/location/);
    expect(new NodeNotFoundError('m', null).location).toEqual({});
    expect(new GoodwillError('PARSE_ERROR', 'm', { line: 3 }).location).toEqual({ line: 3 });
  });
});

describe('missing node', () => {
  it('names the node and the argument', () => {
    const error = caught(
      () => buildIndex(graphWith([]), {}, 'tieStrength', { kind: 'pair', a: 'ann', b: 'zoe' }),
      NodeNotFoundError,
      'NODE_NOT_FOUND',
    );
    expect(error.location).toEqual({ node: 'zoe', field: 'b' });
    expect(error.message).toContain('"zoe"');
    expect(error.message).toContain('graph.addNode');
  });
  it('rejects a non-string key', () => {
    caught(
      () => buildIndex(graphWith([]), {}, 'x', { kind: 'node', node: {} as never }),
      NodeNotFoundError,
      'NODE_NOT_FOUND',
    );
  });
});

describe('invalid interactions name the edge, the index and the field', () => {
  const cases: Array<[string, unknown, string, RegExp]> = [
    ['not an object', [{ at: 1 }, 'hello'], 'interaction', /not an object/],
    ['null', [null], 'interaction', /null, not an object/],
    ['an array', [[1, 2]], 'interaction', /not an object/],
    ['at missing', [{ kind: 'message' }], 'at', /has no `at`/],
    ['at unparseable', [{ at: 'last tuesday' }], 'at', /"last tuesday", which is not a valid date/],
    ['at Invalid Date', [{ at: new Date(Number.NaN) }], 'at', /Invalid Date/],
    ['at infinite', [{ at: Number.POSITIVE_INFINITY }], 'at', /not a valid date/],
    ['at empty string', [{ at: '' }], 'at', /not a valid date/],
    ['at boolean', [{ at: true }], 'at', /not a valid date/],
    ['weight NaN', [{ at: 1, weight: Number.NaN }], 'weight', /finite number >= 0/],
    ['weight infinite', [{ at: 1, weight: Number.POSITIVE_INFINITY }], 'weight', /finite number >= 0/],
    ['weight negative', [{ at: 1, weight: -1 }], 'weight', /finite number >= 0/],
    ['weight string', [{ at: 1, weight: '2' }], 'weight', /finite number >= 0/],
    ['weight above 1e12 (repro D04)', [{ at: 1, weight: 1e308 }], 'weight', /at most 1e12/],
    ['unknown kind', [{ at: 1, kind: 'coffee' }], 'kind', /"coffee", which the kind catalogue does not define/],
    ['kind not a string', [{ at: 1, kind: 3 }], 'kind', /kind catalogue/],
    ['from naming neither endpoint', [{ at: 1, from: 'zoe' }], 'from', /neither endpoint/],
  ];
  it.each(cases)('%s', (_name, interactions, field, message) => {
    const error = caught(() => read(graphWith(interactions)), InvalidInteractionError, 'INVALID_INTERACTION');
    const index = (interactions as unknown[]).length - 1;
    expect(error.location).toEqual({ edge: 'e1', source: 'ann', target: 'bob', index, field });
    expect(error.message).toMatch(message);
    expect(error.message).toContain(`interaction #${index} of edge "e1" ("ann" -> "bob")`);
  });

  it('an undirected edge without `from`', () => {
    const error = caught(() => read(graphWith([{ at: 1 }], true)), InvalidInteractionError, 'INVALID_INTERACTION');
    expect(error.location.field).toBe('from');
    expect(error.message).toMatch(/undirected edge carries no direction/);
    expect(error.message).toContain('from: "ann" or from: "bob"');
  });

  it('interactions that are not a list', () => {
    for (const bad of [42, 'message', { at: 1 }]) {
      const error = caught(() => read(graphWith(bad)), InvalidInteractionError, 'INVALID_INTERACTION');
      expect(error.location).toEqual({ edge: 'e1', source: 'ann', target: 'bob', field: 'interactions' });
    }
  });

  it('an unknown kind: "did you mean", the known kinds, and the suggested kind\'s role in the fix (issue 20)', () => {
    const favour = caught(
      () => read(graphWith([{ at: 1, kind: 'favour' }])),
      InvalidInteractionError,
      'INVALID_INTERACTION',
    );
    expect(favour.location.field).toBe('kind');
    expect(favour.message).toContain('Did you mean `favor`?');
    expect(favour.message).toContain(`Known kinds: ${Object.keys(DEFAULT_KINDS).join(', ')}.`);
    expect(favour.message).toContain(`kinds: { "favour": { role: 'give', value: 4 } }`);
    // Kinds the options add are known too, and suggested.
    const custom = caught(
      () => read(graphWith([{ at: 1, kind: 'cofee' }]), { kinds: { coffee: { role: 'contact', value: 2 } } }),
      InvalidInteractionError,
      'INVALID_INTERACTION',
    );
    expect(custom.message).toContain('Did you mean `coffee`?');
    expect(custom.message).toMatch(/Known kinds: .*, pitch, coffee\./);
    // Nothing near: no suggestion, a contact in the fix.
    const none = caught(
      () => read(graphWith([{ at: 1, kind: 'coffee' }])),
      InvalidInteractionError,
      'INVALID_INTERACTION',
    );
    expect(none.message).not.toContain('Did you mean');
    expect(none.message).toContain(`kinds: { "coffee": { role: 'contact', value: 1 } }`);
  });

  it.each([
    ['favour', 'favor'],
    ['Favor', 'favor'],
    ['meetings', 'meeting'],
    ['mesage', 'message'],
    ['cal', 'call'],
    ['referal', 'referral'],
    ['intro', undefined],
    ['coffee', undefined],
    ['ask', undefined],
  ])('suggestKind(%s) is %s', (name, expected) => {
    expect(suggestKind(name, Object.keys(DEFAULT_KINDS))).toBe(expected);
  });

  it('unknown kinds can be counted as contacts or ignored instead', () => {
    const g = graphWith([{ at: 1, kind: 'coffee' }, { at: 2 }]);
    expect(read(g, { unknownKind: 'contact' }).time.length).toBe(2);
    expect(read(g, { unknownKind: 'ignore' }).time.length).toBe(1);
    expect(eventValue(read(g, { kinds: { coffee: { role: 'contact', value: 2 } } }), 0)).toBe(2);
  });
});

describe('invalid options', () => {
  it('now missing or invalid', () => {
    const missing = caught(
      () => parseTimeOption(undefined, 'now', 'tieStrength'),
      InvalidOptionError,
      'INVALID_OPTION',
    );
    expect(missing.location.field).toBe('now');
    expect(missing.message).toMatch(/never reads the clock/);
    for (const bad of ['soon', Number.NaN, new Date('x'), {}, true]) {
      const error = caught(() => parseTimeOption(bad, 'now', 'tieStrength'), InvalidOptionError, 'INVALID_OPTION');
      expect(error.message).toMatch(/not a valid date/);
    }
    expect(parseTimeOption('2024-01-01T00:00:00Z', 'now', 'x')).toBe(Date.UTC(2024, 0, 1));
    expect(parseTimeOption(new Date(5), 'now', 'x')).toBe(5);
    expect(parseTimeOption(7, 'now', 'x')).toBe(7);
  });

  it('durations', () => {
    expect(parseDurationOption({ days: 2 }, 'halfLife', 'x')).toBe(2 * 86_400_000);
    expect(parseDurationOption({ weeks: 1, hours: 12 }, 'halfLife', 'x')).toBe(7.5 * 86_400_000);
    expect(parseDurationOption(1000, 'halfLife', 'x')).toBe(1000);
    for (const bad of [0, -1, Number.NaN, { fortnights: 1 }, { days: Number.NaN }, 'P1D', null, []]) {
      const error = caught(
        () => parseDurationOption(bad, 'halfLife', 'tieStrength'),
        InvalidOptionError,
        'INVALID_OPTION',
      );
      expect(error.location.field).toBe('halfLife');
    }
    expect(parseDurationOption(0, 'window', 'x', true)).toBe(0);
  });

  it('kind catalogue', () => {
    for (const kinds of [
      { x: { role: 'boss', value: 1 } },
      { x: { role: 'give', value: -1 } },
      { x: { role: 'give', value: 1e13 } },
      { x: null },
      5,
    ]) {
      caught(() => resolveKinds({ kinds: kinds as never }, 'x'), InvalidOptionError, 'INVALID_OPTION');
    }
    caught(() => resolveKinds({ unknownKind: 'skip' as never }, 'x'), InvalidOptionError, 'INVALID_OPTION');
    const replaced = resolveKinds(
      { replaceKinds: true, kinds: new Map([['ping', { role: 'contact', value: 1 }]]) },
      'x',
    );
    expect([...replaced.byName.keys()]).toEqual(['ping']);
    const overridden = resolveKinds({ kinds: { referral: { role: 'give', value: 10 } } }, 'x');
    expect(overridden.byName.get('referral')?.value).toBe(10);
    expect(overridden.list.length).toBe(12); // the implicit kind + 11 defaults
  });

  it('a strength override outside [0, 1] names the edge', () => {
    const g = graphWith([]);
    g.setEdgeAttribute('e1', 'strengthOverride', 1.5);
    const error = caught(() => read(g), InvalidOptionError, 'INVALID_OPTION');
    expect(error.location).toMatchObject({ edge: 'e1', field: 'getStrengthOverride' });
  });

  it('options that are not an object', () => {
    caught(() => buildIndex(graphWith([]), null as never, 'x'), InvalidOptionError, 'INVALID_OPTION');
    caught(() => read(graphWith([]), { getInteractions: 5 }), InvalidOptionError, 'INVALID_OPTION');
  });
});

describe('prototype-named node keys work', () => {
  it.each(['__proto__', 'constructor', 'hasOwnProperty', 'toString', 'valueOf'])('%s', (key) => {
    const g = new Graph({ multi: true, type: 'mixed' });
    g.addNode(key);
    g.addNode('ann');
    g.addNode('bob');
    g.addDirectedEdge(key, 'ann', { interactions: [{ at: 1 }] });
    g.addDirectedEdge('ann', key, { interactions: [{ at: 2 }] });
    g.addUndirectedEdge('bob', key, { interactions: [{ at: 3, from: key }] });
    const all = read(g);
    expect(all.nodes).toContain(key);
    expect(all.dyadCount).toBe(2);
    expect(all.time.length).toBe(3);
    const ego = buildIndex(g, {}, 'x', { kind: 'node', node: key });
    expect(ego.dyadCount).toBe(2);
    expect(ego.time.length).toBe(3);
    const pair = buildIndex(g, {}, 'x', { kind: 'pair', a: 'ann', b: key });
    expect(pair.time.length).toBe(2);
  });
});

describe('numbers stay finite (repro D04)', () => {
  it('the largest accepted weight times the largest kind value, summed, is finite', () => {
    const g = new Graph();
    g.addNode('ann');
    g.addNode('bob');
    g.addEdge('ann', 'bob', {
      interactions: Array.from({ length: 1000 }, () => ({ at: 1, kind: 'big', weight: 1e12 })),
    });
    const index = buildIndex(g, { kinds: { big: { role: 'give', value: 1e12 } } }, 'test');
    let sum = 0;
    for (let e = 0; e < index.time.length; e++) sum += eventValue(index, e);
    expect(Number.isFinite(sum)).toBe(true);
    expect(sum / 1e27).toBeCloseTo(1, 12);
  });
});

describe('exported constants', () => {
  it('ROLES and DEFAULT_KINDS are deeply frozen (repro D22)', async () => {
    const { ROLES, DEFAULT_KINDS } = await import('../../src/core/kinds.js');
    expect(Object.isFrozen(ROLES)).toBe(true);
    expect(() => ((ROLES as string[])[0] = 'hacked')).toThrow(TypeError);
    expect(Object.isFrozen(DEFAULT_KINDS)).toBe(true);
    for (const k of Object.values(DEFAULT_KINDS)) expect(Object.isFrozen(k)).toBe(true);
  });
});
