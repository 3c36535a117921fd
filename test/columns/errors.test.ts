/**
 * A bad row gets the error a bad interaction gets in a graph — the same class,
 * code, field and explanation — naming the row instead of the edge.
 */
import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import {
  GoodwillError,
  InvalidInteractionError,
  InvalidOptionError,
  classifyStages,
  networkReciprocity,
  prepareNetwork,
  tieStrengths,
} from 'goodwill';
import { createIntroductionFinder } from 'goodwill/introductions';
import { fromColumns, type InteractionColumns } from 'goodwill/columns';

function thrown(f: () => unknown): GoodwillError {
  try {
    f();
  } catch (error) {
    if (error instanceof GoodwillError) return error;
    throw error;
  }
  throw new Error('did not throw');
}

/** Three good rows, then row 3 with `bad` fields. */
function table(bad: Record<string, unknown>): InteractionColumns {
  const row = { source: 'ann', target: 'bob', at: '2024-01-04', kind: 'message', weight: 1, ...bad };
  return {
    source: ['ann', 'bob', 'cy', row.source] as string[],
    target: ['bob', 'ann', 'ann', row.target] as string[],
    at: ['2024-01-01', '2024-01-02', '2024-01-03', row.at] as string[],
    kind: ['message', 'message', 'call', row.kind] as string[],
    weight: [1, 1, 2, row.weight] as number[],
  };
}

/** The same interaction on an edge of a graph. */
function graphError(bad: Record<string, unknown>): GoodwillError {
  const g = new MultiDirectedGraph();
  g.mergeNode('ann');
  g.mergeNode('bob');
  g.addEdge('ann', 'bob', { interactions: [{ at: '2024-01-04', kind: 'message', ...bad }] });
  return thrown(() => prepareNetwork(g));
}

describe('fromColumns: a bad row', () => {
  it.each<[string, Record<string, unknown>]>([
    ['a null time', { at: null }],
    ['a time out of range', { at: '1850-01-01' }],
    ['Unix seconds', { at: 1_700_000_000 }],
    ['an unknown kind', { kind: 'favour' }],
    ['a negative weight', { weight: -1 }],
  ])('%s: the graph path’s error, naming row 3', (_what, bad) => {
    const error = thrown(() => fromColumns(table(bad)));
    const expected = graphError(bad.at === null ? { at: undefined } : bad);
    expect(error).toBeInstanceOf(expected.constructor);
    expect(error.code).toBe(expected.code);
    expect(error.location).toMatchObject({ row: 3, source: 'ann', target: 'bob', field: expected.location.field });
    expect(error.message).toMatch(/^fromColumns: row 3 \("ann" -> "bob"\) has /);
    // The explanation after the field's value is the graph's, word for word (but that a table's null weight is 1).
    const why = (e: GoodwillError) =>
      e.message
        .slice(e.message.search(/(not a valid date|the kind catalogue|a weight must)/))
        .replace(/ \(or \w+, meaning 1\)/, '');
    expect(why(error)).toBe(why(expected));
  });

  it('a self-pair is refused, naming the row; ignored on request, as a graph ignores self-loops', () => {
    const error = thrown(() => fromColumns(table({ target: 'ann' })));
    expect(error).toBeInstanceOf(InvalidInteractionError);
    expect(error.location).toMatchObject({ row: 3, source: 'ann', target: 'ann' });
    const network = fromColumns(table({ target: 'ann' }), { selfPairs: 'ignore' });
    expect(network.interactions).toBe(3);
  });

  it('ids outside the key table, keys without a table, and columns of other lengths are refused', () => {
    const ids = {
      source: new Int32Array([0, 2]),
      target: new Int32Array([1, 0]),
      at: new Float64Array([1.7e12, 1.7e12]),
    };
    expect(thrown(() => fromColumns({ ...ids, keys: ['a', 'b'] })).location).toMatchObject({ row: 1, field: 'source' });
    expect(thrown(() => fromColumns(ids)).location).toMatchObject({ row: 0, field: 'source' });
    expect(thrown(() => fromColumns({ ...ids, keys: ['a', 'b', 'c'], weight: [1] }))).toBeInstanceOf(
      InvalidOptionError,
    );
    expect(thrown(() => fromColumns({ ...ids, keys: ['a', 'a', 'c'] })).location.field).toBe('keys');
    expect(
      thrown(() => fromColumns({ ...ids, keys: ['a', 'b', 'c'], kind: [0, 5], kindNames: ['call'] })).location,
    ).toMatchObject({ row: 1, field: 'kind' });
  });

  it('dictionary-encoded kinds and typed columns read as names and strings do', () => {
    const byName = fromColumns(table({}));
    const byId = fromColumns({
      source: new Int32Array([0, 1, 2, 0]),
      target: new Int32Array([1, 0, 0, 1]),
      keys: ['ann', 'bob', 'cy'],
      at: new Float64Array(['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04'].map((d) => Date.parse(d))),
      kind: new Uint8Array([1, 1, 0, 1]),
      kindNames: ['call', 'message'],
      weight: new Float64Array([1, 1, 2, 1]),
    });
    const now = '2024-02-01';
    expect(JSON.stringify(tieStrengths(byId, { now }))).toBe(JSON.stringify(tieStrengths(byName, { now })));
  });

  it('the writers and the introduction finder refuse a network without a graph', () => {
    const network = fromColumns(table({}));
    expect(thrown(() => tieStrengths.assign(network, { now: '2024-02-01' })).code).toBe('INVALID_GRAPH');
    expect(thrown(() => classifyStages.assign(network, { now: '2024-02-01' })).code).toBe('INVALID_GRAPH');
    expect(thrown(() => networkReciprocity.assign(network, {})).code).toBe('INVALID_GRAPH');
    expect(thrown(() => createIntroductionFinder(network, { now: '2024-02-01' })).message).toMatch(
      /built from columns/,
    );
  });
});
