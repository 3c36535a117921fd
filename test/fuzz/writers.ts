/**
 * The fuzz harness of the writers (issue 24): `addEvents` and `mergePeople`
 * on every graph type (directed, undirected, mixed × simple, multi), with
 * hostile keys, hostile containers, frozen arrays, alias maps with chains and
 * cycles, and graphs whose event listener throws at a random write (a
 * failure midway, inside graphology). Each case counts:
 *
 * - `throws`: an error that is not a `GoodwillError`;
 * - `corrupted`: a call that failed and left the graph not `export()`-identical;
 * - `mismatch`: `addEvents` then `mergePeople` differs from `addEvents` with
 *   the aliases from the start (the documented equality, for events that name
 *   one address of each person), on the same graph type;
 * - `overBudget`: a case over its time or memory budget.
 */
import Graph from 'graphology';
import fc from 'fast-check';
import { GoodwillError } from 'goodwill';
import { addEvents, mergePeople } from 'goodwill/import';
import { KEYS, buildGraph, graphSpec, serialise, type GraphSpec, type GraphType } from './harness.js';
import { removePrototypePollution } from '../helpers/pollution.js';
import { Findings, budget, untyped, type Finding } from './budget.js';

/** An event of the case: indices into the graph's keys (or the pool of new keys). */
interface EventSpec {
  from: number;
  to: number[];
  at: string;
  weight: unknown;
}

export interface WriterCase {
  graph: GraphSpec;
  op: 'addEvents' | 'mergePeople';
  events: EventSpec[];
  /** Alias pairs, as indices into the key pool (chains and cycles happen). */
  aliases: [number, number][];
  aliasForm: 'object' | 'map' | 'function';
  /** Freeze the interaction arrays of these edge indices. */
  frozen: number[];
  /** The graph's listener throws at this write (0: no listener). */
  failAt: number;
  /** For the equality check: the graph type and multi flag of the two fresh graphs. */
  fresh: { type: GraphType; multi: boolean };
}

export type WriterCounter = 'throws' | 'corrupted' | 'mismatch' | 'overBudget';

export interface WriterCounters {
  cases: number;
  unbuildable: number;
  results: number;
  goodwillErrors: number;
  comparisons: number;
  throws: number;
  corrupted: number;
  mismatch: number;
  overBudget: number;
}

export function newWriterCounters(): WriterCounters {
  return {
    cases: 0,
    unbuildable: 0,
    results: 0,
    goodwillErrors: 0,
    comparisons: 0,
    throws: 0,
    corrupted: 0,
    mismatch: 0,
    overBudget: 0,
  };
}

/** The keys a case draws from: the graph's, then new people. */
const POOL = [...KEYS, 'new1', 'new2', 'new3'];

/** A person of the pool: mostly one of a few (so that directions, chains and cycles meet), sometimes any. */
const person = fc.oneof({ weight: 4, arbitrary: fc.nat(4) }, { weight: 1, arbitrary: fc.nat(POOL.length - 1) });

const eventSpec: fc.Arbitrary<EventSpec> = fc.record({
  from: person,
  to: fc.array(person, { minLength: 1, maxLength: 3 }),
  at: fc.constantFrom('2024-01-01', '2024-03-05T10:00:00Z', '1900-01-01', '2199-12-31', 'not a date'),
  weight: fc.oneof(
    { weight: 12, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constantFrom(NaN, 2, -1) },
  ),
});

export const writerCase: fc.Arbitrary<WriterCase> = fc
  .record({ valid: fc.nat(3).map((n) => n > 0), hostile: fc.nat(3).map((n) => n === 0) })
  .chain(({ valid, hostile }) =>
    fc.record({
      graph: graphSpec(valid, hostile),
      op: fc.constantFrom('addEvents' as const, 'mergePeople' as const),
      events: fc.array(eventSpec, { maxLength: 8 }),
      aliases: fc.array(fc.tuple(hostile ? person : fc.nat(4), hostile ? person : fc.nat(5)), { maxLength: 4 }),
      aliasForm: fc.constantFrom('object' as const, 'map' as const, 'function' as const),
      frozen: fc.oneof(
        { weight: 6, arbitrary: fc.constant<number[]>([]) },
        { weight: 1, arbitrary: fc.array(fc.nat(13)) },
      ),
      failAt: fc.oneof(
        { weight: 3, arbitrary: fc.constant(0) },
        { weight: 1, arbitrary: fc.integer({ min: 1, max: 12 }) },
      ),
      fresh: fc.record({
        type: fc.constantFrom<GraphType>('directed', 'undirected', 'mixed'),
        multi: fc.boolean(),
      }),
    }),
  );

/** The case's alias map in its form; the same map as an object for the equality check. */
function aliasesOf(c: WriterCase): { input: unknown; map: Map<string, string> } {
  const map = new Map<string, string>();
  for (const [from, to] of c.aliases) map.set(POOL[from]!, POOL[to]!);
  if (c.aliasForm === 'map') return { input: map, map };
  if (c.aliasForm === 'function') return { input: (id: string) => map.get(id), map };
  const record = Object.create(null) as Record<string, string>;
  for (const [k, v] of map) record[k] = v;
  return { input: record, map };
}

interface PlainEvent {
  at: string;
  from: string;
  to: string[];
  weight?: unknown;
}

function eventsOf(c: WriterCase): PlainEvent[] {
  return c.events.map((e) => ({
    at: e.at,
    from: POOL[e.from]!,
    to: e.to.map((i) => POOL[i]!),
    ...(e.weight === undefined ? {} : { weight: e.weight }),
  }));
}

/** A stable picture of a graph, Sets and generators included (what `export()` and JSON would show). */
export function picture(g: Graph): string {
  return JSON.stringify(serialise(g.export()));
}

/** Installs a listener that throws at the `n`-th change of the graph. */
function failingAt(g: Graph, n: number): void {
  let seen = 0;
  const fail = () => {
    if (++seen === n) throw new Error('a listener failed on purpose');
  };
  for (const event of [
    'nodeAdded',
    'edgeAdded',
    'nodeDropped',
    'edgeDropped',
    'edgeAttributesUpdated',
    'nodeAttributesUpdated',
  ])
    g.on(event as 'nodeAdded', fail);
}

/** What a writer leaves, by content: nodes, and per pair (undirected: both orders as one) the interactions as a sorted list. */
function content(g: Graph): string {
  const edges: string[] = [];
  g.forEachEdge((_e, attributes, source, target, _s, _t, undirected) => {
    const pair = undirected && target < source ? [target, source] : [source, target];
    const list = (attributes['interactions'] as unknown[]) ?? [];
    edges.push(JSON.stringify([undirected, ...pair, list.map((i) => JSON.stringify(serialise(i))).sort()]));
  });
  // Parallel edges of a pair are one history.
  return JSON.stringify([g.nodes().sort(), edges.sort()]);
}

/** A directed edge holding an interaction its target initiated (the writers put each on its initiator's edge), or null. */
function misdirected(g: Graph): string | null {
  let wrong: string | null = null;
  g.forEachDirectedEdge((edge, attributes, source) => {
    for (const i of (attributes['interactions'] as { from?: unknown }[] | undefined) ?? [])
      if (typeof i.from === 'string' && i.from !== source) wrong ??= `${edge} from ${source} holds one from ${i.from}`;
  });
  return wrong;
}

/** Runs one writer case; returns its findings and updates `counters`. */
export function runWriterCase(
  c: WriterCase,
  counters: WriterCounters,
  budgetMs = 2000,
  budgetMb = 256,
): Finding<WriterCounter>[] {
  counters.cases++;
  const findings = new Findings<WriterCounter>(counters);
  const find = (counter: WriterCounter, detail: string) => findings.find(counter, detail);
  const over = budget(budgetMs, budgetMb);
  try {
    writeOnce(c, counters, find);
    if (c.failAt === 0 && c.frozen.length === 0) compareWithAliasesFirst(c, counters, find);
  } finally {
    removePrototypePollution();
  }
  const overrun = over();
  if (overrun !== null) find('overBudget', overrun);
  return findings.list;
}

function writeOnce(c: WriterCase, counters: WriterCounters, find: (k: WriterCounter, d: string) => void): void {
  let g: Graph;
  try {
    g = buildGraph(c.graph, 0);
    for (const i of c.frozen) {
      const edge = `e${i}`;
      if (g.hasEdge(edge)) Object.freeze(g.getEdgeAttribute(edge, 'interactions'));
    }
  } catch {
    counters.unbuildable++;
    return;
  }
  if (c.failAt > 0) failingAt(g, c.failAt);
  const before = picture(g);
  const { input } = aliasesOf(c);
  try {
    if (c.op === 'addEvents') addEvents(g, eventsOf(c) as never, { aliases: input as never });
    else mergePeople(g, input as never);
    counters.results++;
  } catch (error) {
    if (!(error instanceof GoodwillError)) {
      find('throws', untyped(error));
      return;
    }
    counters.goodwillErrors++;
    const after = picture(g);
    if (after !== before) find('corrupted', `${error.message.slice(0, 120)}; graph changed`);
  }
}

/**
 * `addEvents(events)` then `mergePeople(aliases)` against
 * `addEvents(events, { aliases })`, on a fresh graph of the case's type, for
 * the events whose sender and recipient stay two people.
 */
function compareWithAliasesFirst(
  c: WriterCase,
  counters: WriterCounters,
  find: (k: WriterCounter, d: string) => void,
): void {
  const { input, map } = aliasesOf(c);
  let cycle = false;
  const resolve = (id: string): string => {
    const seen = new Set<string>();
    let key = id;
    while (map.has(key) && map.get(key) !== key) {
      if (seen.has(key)) {
        cycle = true;
        break;
      }
      seen.add(key);
      key = map.get(key)!;
    }
    return key;
  };
  for (const key of map.keys()) resolve(key);
  const events = eventsOf(c)
    .filter((e) => e.weight === undefined && e.at !== 'not a date')
    .map((e) => ({ ...e, to: [e.to[0]!] }))
    .filter((e) => resolve(e.from) !== resolve(e.to[0]!));
  const outcome = (f: (g: Graph) => void): string => {
    const g = new Graph({ ...c.fresh, allowSelfLoops: true });
    try {
      f(g);
      const wrong = misdirected(g);
      return wrong === null ? content(g) : `#misdirected ${wrong}`;
    } catch (error) {
      return error instanceof GoodwillError ? `#typed ${error.code}` : `#untyped ${String(error)}`;
    } finally {
      removePrototypePollution();
    }
  };
  const merged = outcome((g) => {
    addEvents(g, events as never);
    mergePeople(g, input as never);
  });
  const first = outcome((g) => void addEvents(g, events as never, { aliases: input as never }));
  for (const outcome of [merged, first])
    if (outcome.startsWith('#untyped')) return find('throws', outcome.slice(0, 200));
  // A map with a cycle is refused whole, by both paths (a function is followed only where it is asked).
  if (cycle && c.aliasForm !== 'function' && !(merged.startsWith('#typed') && first.startsWith('#typed')))
    return find('mismatch', `an alias cycle was accepted: ${merged.slice(0, 100)} | ${first.slice(0, 100)}`);
  // A key graphology cannot hold, or an alias cycle, is a typed error on a path that meets it: nothing to compare.
  if (merged.startsWith('#typed') || first.startsWith('#typed')) return;
  counters.comparisons++;
  if (merged.startsWith('#misdirected') || first.startsWith('#misdirected') || merged !== first)
    find('mismatch', `merge then: ${merged.slice(0, 200)} | aliases first: ${first.slice(0, 200)}`);
}

/** A case as compact text, to reproduce a finding. */
export function describeWriterCase(c: WriterCase): string {
  return JSON.stringify(c, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? `#${v}` : v));
}
