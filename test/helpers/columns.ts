/**
 * A graph's interactions as a table (one row per interaction: the edge's
 * source, or the interaction's `from`, initiated it), for the tests that hold
 * the column path to the graph path.
 */
import type { PeopleGraph } from 'goodwill';
import type { InteractionColumns } from 'goodwill/columns';

/** Every interaction of `graph` as a row; with `ids`, people as ids into the node list (a key table). */
export function graphToColumns(graph: PeopleGraph, ids = false): InteractionColumns & { rows: number } {
  const keys = graph.nodes();
  const idOf = new Map(keys.map((k, i) => [k, i]));
  const source: (string | number)[] = [];
  const target: (string | number)[] = [];
  const at: unknown[] = [];
  const kind: unknown[] = [];
  const weight: unknown[] = [];
  graph.forEachEdge((_e, attributes, s, t) => {
    for (const item of (attributes['interactions'] ?? []) as Record<string, unknown>[]) {
      const from = item['from'] === undefined ? s : String(item['from']);
      const to = from === s ? t : s;
      source.push(ids ? idOf.get(from)! : from);
      target.push(ids ? idOf.get(to)! : to);
      at.push(item['at']);
      kind.push(item['kind']);
      weight.push(item['weight']);
    }
  });
  const names = keys.map((k) => {
    const name = graph.getNodeAttribute(k, 'name') as unknown;
    return typeof name === 'string' ? name : null;
  });
  return {
    source,
    target,
    at: at as NonNullable<InteractionColumns['at']>,
    kind: kind as NonNullable<InteractionColumns['kind']>,
    weight: weight as NonNullable<InteractionColumns['weight']>,
    ...(ids ? { keys, names } : {}),
    rows: source.length,
  };
}
