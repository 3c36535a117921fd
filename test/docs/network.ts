/**
 * The small network that the guides' code blocks work on, loaded by their
 * hidden setup comments (`<!-- setup: … -->`, see code-blocks.test.ts):
 * Ann, who sees Bob weekly and Cy monthly and once helped Eve; Bob, who knows
 * Dana at Acme; Maya ("me") with Chris, Ana and Raj; and the CEO of Acme.
 * Every date is fixed, so the blocks print the same on every day.
 */
import { MultiDirectedGraph } from 'graphology';

const DAY = 86_400_000;
const day = (iso: string, plus = 0): string => new Date(Date.parse(iso) + plus * DAY).toISOString().slice(0, 10);

/** `count` interactions every `every` days from `start`, alternating between a→b and b→a. */
function rhythm(
  graph: MultiDirectedGraph,
  a: string,
  b: string,
  start: string,
  every: number,
  count: number,
  kinds: readonly string[] = ['message'],
): void {
  const ab: object[] = [];
  const ba: object[] = [];
  for (let i = 0; i < count; i++)
    (i % 2 === 0 ? ab : ba).push({ at: day(start, i * every), kind: kinds[i % kinds.length] });
  graph.addEdge(a, b, { interactions: ab });
  graph.addEdge(b, a, { interactions: ba });
}

/** A fresh copy of the guides' network. */
export function guideNetwork(): MultiDirectedGraph {
  const graph = new MultiDirectedGraph();
  const people: [string, string, string][] = [
    ['ann', 'Ann', 'Initech'],
    ['bob', 'Bob', 'Globex'],
    ['cy', 'Cy', 'Initech'],
    ['dana', 'Dana', 'Acme'],
    ['eve', 'Eve', 'Hooli'],
    ['me', 'Maya', 'Umbrella'],
    ['chris', 'Chris', 'Globex'],
    ['ana', 'Ana', 'Umbrella'],
    ['raj', 'Raj', 'Umbrella'],
    ['ceo@acme', 'Carla', 'Acme'],
  ];
  for (const [key, name, company] of people) graph.addNode(key, { name, company });
  rhythm(graph, 'ann', 'bob', '2023-09-04', 7, 44, ['message', 'call', 'meeting', 'help', 'message', 'favor']);
  rhythm(graph, 'ann', 'cy', '2023-10-02', 30, 9, ['call', 'message', 'referral']);
  graph.addEdge('ann', 'eve', { interactions: [{ at: '2023-11-20', kind: 'help' }] });
  rhythm(graph, 'bob', 'dana', '2024-01-08', 14, 12, ['message', 'meeting']);
  rhythm(graph, 'me', 'chris', '2024-02-05', 10, 14, ['call', 'message', 'help']);
  rhythm(graph, 'chris', 'dana', '2024-03-01', 12, 8, ['meeting', 'message']);
  rhythm(graph, 'me', 'ana', '2024-01-15', 5, 30);
  rhythm(graph, 'raj', 'ana', '2024-01-20', 6, 20);
  rhythm(graph, 'dana', 'ceo@acme', '2024-01-10', 9, 18, ['meeting', 'message']);
  return graph;
}
