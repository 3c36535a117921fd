/**
 * The writers of interaction data: {@link addEvents} (events into a graph)
 * and {@link mergePeople} (one person behind several nodes). With the
 * `.assign` variants, the only functions of goodwill that change a graph.
 *
 * @module
 */
import type { Attributes } from 'graphology-types';
import { InvalidInteractionError, InvalidOptionError, describeValue, optionIsError } from '../core/errors.js';
import { assertGraph, hasPrototypeKeys, ownAttribute, type PeopleGraph } from '../core/graph.js';
import type { Interaction } from '../core/types.js';
import { EdgePlanner, unsafeKey, type HeldEdge } from './edges.js';
import { aliasResolver, convertEvent, emptyReport, eventError, iterate, resolveEventOptions } from './events.js';
import { UndoLog } from './undo.js';
import type { AliasInput, EventOptions, EventReport, GroupEvent } from './types.js';

/** Options of {@link addEvents}: the group rule's, and where interactions are stored. */
export interface AddEventsOptions extends EventOptions {
  /** The edge attribute that holds interactions. Default `'interactions'`. */
  attribute?: string;
}

/** The result of {@link addEvents}. */
export interface AddEventsResult extends EventReport {
  /** Nodes the call added (people seen for the first time). */
  nodesAdded: number;
  /** Edges the call added. */
  edgesAdded: number;
}

function checkAttributeName(attribute: unknown, module: string): string {
  if (attribute === undefined) return 'interactions';
  if (typeof attribute !== 'string' || attribute === '') {
    throw optionIsError(
      module,
      'attribute',
      attribute,
      "pass the name of the edge attribute that holds interactions (default 'interactions')",
    );
  }
  return attribute;
}

/**
 * Writes events into a graph: each event becomes pairwise interactions by the
 * group rule of {@link eventsToInteractions} (same options: aliases, privacy
 * filters, dilution), appended to the `interactions` array of the edge from
 * initiator to participant. Missing nodes and edges are added; an existing
 * edge's array is appended to (an edge without the attribute gets one). On an
 * undirected graph, one edge per pair holds both directions, told apart by
 * `from`; on a directed or mixed graph the edge is found by direction (never
 * the reverse edge); on a multi graph, the first parallel edge with an array
 * is used.
 *
 * All or nothing: every event is read and every edge it writes to checked
 * (keys, arrays that can grow, self-loops) before the first write; when an
 * event cannot be read, or the graph refuses a write (an event listener that
 * throws), the typed error names it and the graph is left exactly as it was,
 * `graph.export()` identical (nothing half-written to retry over).
 * This and {@link mergePeople} are the only functions of goodwill (with the
 * `.assign` variants) that change a graph; every other function only reads.
 * Returns the report of what was kept and dropped, and what was added.
 *
 * @see [Bringing your data](../../docs/guides/data.md), the guide.
 *
 * @example
 * ```ts
 * const graph = new Graph();
 * const report = addEvents(graph, [
 *   { at: '2024-03-05T09:00:00Z', kind: 'meeting', from: 'ann', attendees: ['bob', 'cy'], id: 'standup' },
 *   { at: '2024-03-06T10:00:00Z', kind: 'message', from: 'bob', to: ['ann'] },
 * ]);
 * graph.getEdgeAttribute(graph.edge('ann', 'bob'), 'interactions');
 * // [{ at: '2024-03-05T09:00:00Z', kind: 'meeting', from: 'ann', weight: 1, group: { id: 'standup', size: 3, role: 'attendee' } }]
 * report.edgesAdded; // 3
 * ```
 */
export function addEvents(
  graph: PeopleGraph,
  events: Iterable<GroupEvent>,
  options?: AddEventsOptions,
): AddEventsResult {
  const module = 'addEvents';
  assertGraph(graph, module);
  const o = resolveEventOptions(options, module);
  const planner = new EdgePlanner(graph, checkAttributeName(options?.attribute, module), module);
  const undirected = graph.type === 'undirected';
  const report = emptyReport();
  const emit = (source: string, target: string, interaction: Interaction) =>
    void planner.held(source, target, undirected).pending.push(interaction);
  let index = 0;
  let current: GroupEvent | undefined;
  planner.refuse = (_key, problem) => eventError(module, index, current, '', problem, 'Nothing was written.');
  // Every event is read and every edge checked before the first write: an unreadable event changes nothing.
  for (const event of iterate(events, module)) {
    current = event;
    convertEvent(event, index, o, report, emit, module);
    index++;
  }
  const log = new UndoLog(graph);
  // graphology 0.26 misplaces edges around a node named like an Object.prototype member when it drops them: the
  // undo of such a graph rebuilds it instead (linear in its size; only for those graphs).
  if (hasPrototypeKeys(graph)) log.snapshot();
  log.run(() => planner.commit(log), module);
  return { ...report, nodesAdded: planner.nodesAdded, edgesAdded: planner.edgesAdded };
}

/** Options of {@link mergePeople}. */
export interface MergePeopleOptions {
  /** The edge attribute that holds interactions. Default `'interactions'`. */
  attribute?: string;
  /**
   * The edge attribute that holds a manual strength override, or `null` for
   * none. Where merged edges meet, the largest override wins (as readers
   * take the larger of two directions). Default `'strengthOverride'`.
   */
  strengthOverride?: string | null;
}

/** The result of {@link mergePeople}. */
export interface MergePeopleResult {
  /** Each node merged away, and the node it was merged into, in node key order. */
  merged: { node: string; into: string }[];
  /** Interactions moved to another edge (none is dropped). */
  interactionsMoved: number;
}

/** An edge that touches a node merged away, with its interactions read (and `from` rewritten) before anything is written. */
interface Touched {
  edge: string;
  source: string;
  target: string;
  undirected: boolean;
  attributes: Attributes;
  interactions: Interaction[];
}

/**
 * Merges the nodes of one person into one: each node whose key the aliases
 * map to another key is removed, and its history moved to the person's node
 * (created if missing): every interaction of its edges is appended to the
 * matching edge of the person — same direction, found by direction on every
 * graph type — (created if missing), with `from` rewritten; no interaction is
 * lost. Chains of aliases (`a → b → c`) resolve to their end; a cycle is an
 * {@link InvalidOptionError}. Two addresses of the same person that were in
 * touch with each other leave a self-loop, which no measure reads (a graph
 * that does not allow self-loops is an `InvalidGraphError` (from `goodwill`)).
 *
 * Attributes, by a rule that does not depend on the order nodes and edges
 * were added in: the person's node and edges keep their own; attributes they
 * lack are copied from the nodes and edges merged into them, taken in key
 * order (source, target, edge key); a strength override (option
 * `strengthOverride`) is the largest of those met.
 *
 * All or nothing: keys, arrays, attributes, self-loops and the whole alias map
 * are checked before the first write; when a check fails, or the graph
 * refuses a write, the typed error names it and the graph is left exactly as
 * it was (`graph.export()` identical).
 *
 * The result equals a graph built with the aliases applied from the start
 * (`addEvents(graph, events, { aliases })`), for every event that names only
 * one of the person's addresses (an event naming both counted them as two
 * people in its group size).
 *
 * @see [Bringing your data](../../docs/guides/data.md), the guide.
 *
 * @example
 * ```ts
 * addEvents(graph, [{ at: '2024-01-02', from: 'ann@home.org', to: ['bob'] }, { at: '2024-02-03', from: 'bob', to: ['ann@acme.com'] }]);
 * mergePeople(graph, { 'ann@home.org': 'ann@acme.com' });
 * // graph.hasNode('ann@home.org') === false; both interactions are now between 'ann@acme.com' and 'bob'
 * ```
 */
export function mergePeople(graph: PeopleGraph, aliases: AliasInput, options?: MergePeopleOptions): MergePeopleResult {
  const module = 'mergePeople';
  assertGraph(graph, module);
  if (aliases === undefined || aliases === null)
    throw new InvalidOptionError(
      `${module}: the aliases are required: pass an object or Map from node key to the person's key, or a function.`,
      { field: 'aliases' },
    );
  const resolve = aliasResolver(aliases, module);
  const attribute = checkAttributeName(options?.attribute, module);
  const override = checkOverrideName(options?.strengthOverride, module);
  const into = new Map<string, string>();
  for (const node of graph.nodes().sort(byKey)) {
    const key = resolve(node);
    if (key !== node) into.set(node, key);
  }
  if (into.size === 0) return { merged: [], interactionsMoved: 0 };
  const keyOf = (node: string): string => into.get(node) ?? node;
  const touched = readTouched(graph, into, keyOf, attribute, module);
  for (const key of involvedKeys(into, touched)) {
    const problem = unsafeKey(key);
    if (problem !== null)
      throw new InvalidOptionError(`${module}: ${problem}. Nothing was merged.`, { node: key, field: 'aliases' });
  }
  const { planner, sources, moved } = planMerge(graph, touched, keyOf, attribute, module);
  const log = new UndoLog(graph);
  log.snapshot();
  const merged = [...into].map(([node, target]) => ({ node, into: target }));
  log.run(() => {
    for (const { node, into: target } of merged) mergeNode(graph, node, target, log);
    planner.commit(log);
    for (const [held, list] of sources) mergeEdgeAttributes(graph, held.edge!, list, attribute, override, log);
    for (const t of touched) if (graph.hasEdge(t.edge)) graph.dropEdge(t.edge);
    for (const node of into.keys()) graph.dropNode(node);
  }, module);
  return { merged, interactionsMoved: moved };
}

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The merge's plan: every destination edge found and checked, every
 * interaction queued, the attributes of the edges that meet there listed in
 * key order; nothing written yet.
 */
function planMerge(
  graph: PeopleGraph,
  touched: readonly Touched[],
  keyOf: (node: string) => string,
  attribute: string,
  module: string,
): { planner: EdgePlanner; sources: Map<HeldEdge, Attributes[]>; moved: number } {
  const planner = new EdgePlanner(graph, attribute, module);
  planner.nothing = 'Nothing was merged.';
  planner.notArrayFix = ', so the history cannot move there. Store it as an array first.';
  const sources = new Map<HeldEdge, Attributes[]>();
  let moved = 0;
  for (const t of touched) {
    const held = planner.held(keyOf(t.source), keyOf(t.target), t.undirected);
    for (const interaction of t.interactions) held.pending.push(interaction);
    moved += t.interactions.length;
    const list = sources.get(held) ?? [];
    list.push(t.attributes);
    sources.set(held, list);
  }
  return { planner, sources, moved };
}

function checkOverrideName(name: unknown, module: string): string | null {
  if (name === undefined) return 'strengthOverride';
  if (name === null) return null;
  if (typeof name !== 'string' || name === '')
    throw optionIsError(
      module,
      'strengthOverride',
      name,
      "pass the edge attribute of a manual strength override, or null for none (default 'strengthOverride')",
    );
  return name;
}

/**
 * The edges that touch a node merged away, in key order (source, target,
 * edge key: not the order they were added in), each with its interactions
 * read into an array and `from` rewritten — every read of the input done
 * here, before anything is written.
 */
function readTouched(
  graph: PeopleGraph,
  into: ReadonlyMap<string, string>,
  keyOf: (node: string) => string,
  attribute: string,
  module: string,
): Touched[] {
  const touched: Touched[] = [];
  graph.forEachEdge((edge, attributes, source, target, _s, _t, undirected) => {
    if (!into.has(source) && !into.has(target)) return;
    touched.push({ edge, source, target, undirected, attributes, interactions: [] });
  });
  touched.sort((x, y) => byKey(x.source, y.source) || byKey(x.target, y.target) || byKey(x.edge, y.edge));
  for (const t of touched) t.interactions = readInteractions(t, into, keyOf, attribute, module);
  return touched;
}

function readInteractions(
  t: Touched,
  into: ReadonlyMap<string, string>,
  keyOf: (node: string) => string,
  attribute: string,
  module: string,
): Interaction[] {
  const value: unknown = ownAttribute(t.attributes, attribute);
  if (value === undefined || value === null) return [];
  const unreadable = (what: string) =>
    new InvalidInteractionError(
      `${module}: the edge ${JSON.stringify(t.edge)} (${JSON.stringify(t.source)} → ${JSON.stringify(t.target)}) holds ${what} in \`${attribute}\`, not a list of interactions. Nothing was merged.`,
      { edge: t.edge, source: t.source, target: t.target, field: attribute },
    );
  if (!isIterable(value)) throw unreadable(describeValue(value));
  try {
    return Array.from(value as Iterable<Interaction>, (interaction) => {
      const from = interaction !== null && typeof interaction === 'object' ? interaction.from : undefined;
      return typeof from === 'string' && into.has(from) ? { ...interaction, from: keyOf(from) } : interaction;
    });
  } catch {
    throw unreadable('a list that cannot be read');
  }
}

/** Every key the merge reads or writes a pair at: nodes merged away, their people, and their neighbours. */
function involvedKeys(into: ReadonlyMap<string, string>, touched: readonly Touched[]): Set<string> {
  const keys = new Set<string>();
  for (const [node, target] of into) keys.add(node).add(target);
  for (const { source, target } of touched) keys.add(source).add(target);
  return keys;
}

/** Adds the person's node if missing, else copies the attributes it lacks from `node`. */
function mergeNode(graph: PeopleGraph, node: string, target: string, log: UndoLog): void {
  const attributes = graph.getNodeAttributes(node);
  if (!graph.hasNode(target)) {
    log.node(target);
    graph.addNode(target, { ...attributes });
    return;
  }
  const kept = graph.getNodeAttributes(target);
  for (const key of Object.keys(attributes))
    if (!Object.prototype.hasOwnProperty.call(kept, key)) {
      log.attribute(kept, key);
      graph.setNodeAttribute(target, key, attributes[key]);
    }
}

/** Copies onto the person's edge the attributes it lacks, from the merged edges in key order; the largest override wins. */
function mergeEdgeAttributes(
  graph: PeopleGraph,
  edge: string,
  sources: readonly Attributes[],
  attribute: string,
  override: string | null,
  log: UndoLog,
): void {
  const kept = graph.getEdgeAttributes(edge);
  const set = (key: string, value: unknown) => {
    log.attribute(kept, key);
    graph.setEdgeAttribute(edge, key, value);
  };
  for (const source of sources)
    for (const key of Object.keys(source))
      if (key !== attribute && !Object.prototype.hasOwnProperty.call(kept, key)) set(key, source[key]);
  if (override === null) return;
  let best: unknown = ownAttribute(kept, override);
  for (const source of sources) {
    const value = ownAttribute(source, override);
    if (typeof value === 'number' && (typeof best !== 'number' || value > best)) best = value;
  }
  if (best !== ownAttribute(kept, override)) set(override, best);
}

function isIterable(value: unknown): boolean {
  return (
    typeof value === 'object' && value !== null && typeof (value as Iterable<unknown>)[Symbol.iterator] === 'function'
  );
}
