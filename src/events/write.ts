/**
 * The writers of interaction data: {@link addEvents} (events into a graph)
 * and {@link mergePeople} (one person behind several nodes). With the
 * `.assign` variants, the only functions of goodwill that change a graph.
 *
 * @module
 */
import type { Attributes } from 'graphology-types';
import { InvalidInteractionError, InvalidOptionError, describeValue } from '../core/errors.js';
import { POLLUTING_KEYS, PROTOTYPE_KEYS, assertGraph, type PeopleGraph } from '../core/graph.js';
import type { Interaction } from '../core/types.js';
import { aliasResolver, convertEvent, emptyReport, eventError, iterate, resolveEventOptions } from './events.js';
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
    throw new InvalidOptionError(
      `${module}: the option \`attribute\` is ${describeValue(attribute)}; pass the name of the edge attribute that holds interactions (default 'interactions').`,
      { field: 'attribute' },
    );
  }
  return attribute;
}

/**
 * Why graphology 0.26 cannot take `key` as a node the writers add edges to, or
 * null: with `__proto__` or `constructor` it writes onto `Object.prototype`; at
 * any other name of `Object.prototype`, simple graphs refuse edges and the
 * per-pair lookups the writers use misread them (see the conventions guide).
 */
function unsafeKey(key: string): string | null {
  if (!PROTOTYPE_KEYS.includes(key)) return null;
  const why = POLLUTING_KEYS.includes(key)
    ? 'which graphology 0.26 cannot hold as a node without corrupting Object.prototype'
    : "at which graphology 0.26 refuses or misreads a node's edges";
  return `the key ${JSON.stringify(key)} is a name of Object.prototype, ${why}. Rename it with the option \`aliases\` (e.g. { ${JSON.stringify(key)}: ${JSON.stringify(`user:${key}`)} })`;
}

/** The error for an edge that holds something other than an array where a writer appends interactions; `fix` ends the message. */
function notAnArray(
  module: string,
  edge: string,
  a: string,
  b: string,
  attribute: string,
  value: unknown,
  fix: string,
): InvalidInteractionError {
  return new InvalidInteractionError(
    `${module}: the edge ${JSON.stringify(edge)} (${JSON.stringify(a)} → ${JSON.stringify(b)}) holds ${describeValue(value)} in \`${attribute}\`, not an array${fix}`,
    { edge, source: a, target: b, field: attribute },
  );
}

/** An edge that holds interactions: its key and its array. */
interface HeldEdge {
  edge: string;
  list: Interaction[];
}

/**
 * Finds, or creates, the edge that holds what `source` initiated toward
 * `target` (directed, or undirected on an undirected graph or when asked),
 * and caches it per pair for the rest of the call.
 */
class EdgeWriter {
  /** Per first endpoint, per second: directed edges, and undirected ones (smaller key first). */
  private readonly directed = new Map<string, Map<string, HeldEdge>>();
  private readonly undirected = new Map<string, Map<string, HeldEdge>>();
  nodesAdded = 0;
  edgesAdded = 0;
  private readonly undirectedGraph: boolean;
  /** What the call changed, to undo it when an event turns out unreadable: added nodes and edges, attributes set, lengths of existing arrays. */
  private readonly addedNodes: string[] = [];
  private readonly addedEdges: string[] = [];
  private readonly setAttributes: { edge: string; previous: unknown }[] = [];
  private readonly grown: { list: Interaction[]; length: number }[] = [];

  /** Makes the error for a node key graphology cannot hold (the caller knows which event or option named it). */
  refuse: (key: string, problem: string) => Error;

  constructor(
    private readonly graph: PeopleGraph,
    private readonly attribute: string,
    private readonly module: string,
  ) {
    this.refuse = (key, problem) => new InvalidInteractionError(`${module}: ${problem}.`, { node: key });
    this.undirectedGraph = graph.type === 'undirected';
  }

  /** The interactions array of the edge source→target. */
  list(source: string, target: string): Interaction[] {
    return this.held(source, target, this.undirectedGraph).list;
  }

  held(source: string, target: string, undirected: boolean): HeldEdge {
    // Undirected: one edge per pair, keyed by the smaller key first; `from` carries the direction.
    const swap = undirected && target < source;
    const a = swap ? target : source;
    const b = swap ? source : target;
    const cache = undirected ? this.undirected : this.directed;
    let inner = cache.get(a);
    if (inner === undefined) {
      inner = new Map();
      cache.set(a, inner);
    }
    let held = inner.get(b);
    if (held === undefined) {
      held = this.find(a, b, undirected);
      inner.set(b, held);
    }
    return held;
  }

  private find(a: string, b: string, undirected: boolean): HeldEdge {
    const { graph, attribute } = this;
    for (const node of a === b ? [a] : [a, b]) {
      const problem = unsafeKey(node);
      if (problem !== null) throw this.refuse(node, problem);
      if (!graph.hasNode(node)) {
        graph.addNode(node);
        this.addedNodes.push(node);
        this.nodesAdded++;
      }
    }
    const candidates = undirected
      ? graph.multi
        ? graph.undirectedEdges(a, b)
        : [graph.undirectedEdge(a, b)]
      : graph.multi
        ? graph.directedEdges(a, b)
        : [graph.directedEdge(a, b)];
    let bare: string | undefined;
    for (const edge of candidates) {
      if (edge === undefined) continue;
      const value: unknown = graph.getEdgeAttribute(edge, attribute);
      if (Array.isArray(value)) {
        this.grown.push({ list: value as Interaction[], length: value.length });
        return { edge, list: value as Interaction[] };
      }
      if (value === undefined || value === null) {
        bare ??= edge;
        continue;
      }
      if (!graph.multi) {
        throw notAnArray(
          this.module,
          edge,
          a,
          b,
          attribute,
          value,
          '; this writer appends to arrays. Store the interactions as an array ([...value]) first.',
        );
      }
    }
    const list: Interaction[] = [];
    if (bare !== undefined) {
      this.setAttributes.push({ edge: bare, previous: graph.getEdgeAttribute(bare, attribute) });
      graph.setEdgeAttribute(bare, attribute, list);
      return { edge: bare, list };
    }
    const edge = undirected
      ? graph.addUndirectedEdge(a, b, { [attribute]: list })
      : graph.addDirectedEdge(a, b, { [attribute]: list });
    this.addedEdges.push(edge);
    this.edgesAdded++;
    return { edge, list };
  }

  /** Puts the graph back as the call found it. */
  undo(): void {
    const { graph, attribute } = this;
    for (const { list, length } of this.grown) list.length = length;
    for (const { edge, previous } of this.setAttributes)
      if (previous === undefined) graph.removeEdgeAttribute(edge, attribute);
      else graph.setEdgeAttribute(edge, attribute, previous);
    for (const edge of this.addedEdges) graph.dropEdge(edge);
    for (const node of this.addedNodes) graph.dropNode(node);
  }
}

/**
 * Writes events into a graph: each event becomes pairwise interactions by the
 * group rule of {@link eventsToInteractions} (same options: aliases, privacy
 * filters, dilution), appended to the `interactions` array of the edge from
 * initiator to participant. Missing nodes and edges are added; an existing
 * edge's array is appended to (an edge without the attribute gets one). On an
 * undirected graph, one edge per pair holds both directions, told apart by
 * `from`; on a multi graph, the first parallel edge with an array is used.
 *
 * All or nothing: when an event cannot be read, the typed error names it and
 * the graph is left exactly as it was (nothing half-written to retry over).
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
  const writer = new EdgeWriter(graph, checkAttributeName(options?.attribute, module), module);
  const report = emptyReport();
  const emit = (source: string, target: string, interaction: Interaction) =>
    void writer.list(source, target).push(interaction);
  let index = 0;
  let current: GroupEvent | undefined;
  writer.refuse = (_key, problem) => eventError(module, index, current, '', problem, 'Nothing was written.');
  try {
    for (const event of iterate(events, module)) {
      current = event;
      convertEvent(event, index, o, report, emit, module);
      index++;
    }
  } catch (error) {
    // All or nothing: an unreadable event (or a failing iterator) leaves the graph as it was.
    writer.undo();
    throw error;
  }
  return { ...report, nodesAdded: writer.nodesAdded, edgesAdded: writer.edgesAdded };
}

/** Options of {@link mergePeople}. */
export interface MergePeopleOptions {
  /** The edge attribute that holds interactions. Default `'interactions'`. */
  attribute?: string;
}

/** The result of {@link mergePeople}. */
export interface MergePeopleResult {
  /** Each node merged away, and the node it was merged into, in node key order. */
  merged: { node: string; into: string }[];
  /** Interactions moved to another edge (none is dropped). */
  interactionsMoved: number;
}

/**
 * Merges the nodes of one person into one: each node whose key the aliases
 * map to another key is removed, and its history moved to the person's node
 * (created if missing): every interaction of its edges is appended to the
 * matching edge of the person (created if missing), with `from` rewritten;
 * no interaction is lost. Node attributes the person's node lacks are copied
 * from the alias; edge attributes likewise. Two addresses of the same person
 * that were in touch with each other leave a self-loop, which no measure
 * reads.
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
  const moving = graph
    .nodes()
    .filter((node) => resolve(node) !== node)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const merged: { node: string; into: string }[] = [];
  if (moving.length === 0) return { merged, interactionsMoved: 0 };
  // Chains (a → b → c) resolve to their end; a cycle is an error.
  const final = (node: string): string => {
    const seen = new Set<string>([node]);
    let key = resolve(node);
    for (let next = resolve(key); next !== key; next = resolve(key)) {
      if (seen.has(key))
        throw new InvalidOptionError(
          `${module}: the aliases form a cycle through ${JSON.stringify(key)}; map every address to the person's one key.`,
          { field: 'aliases' },
        );
      seen.add(key);
      key = next;
    }
    return key;
  };
  const into = new Map(moving.map((node) => [node, final(node)]));
  const keyOf = (node: string): string => into.get(node) ?? node;
  // Everything that could fail is checked before the graph changes: a merge is all or nothing.
  for (const target of new Set(into.values())) {
    const problem = unsafeKey(target);
    if (problem !== null) throw new InvalidOptionError(`${module}: ${problem}.`, { node: target, field: 'aliases' });
  }
  const touched: { edge: string; source: string; target: string; undirected: boolean; attributes: Attributes }[] = [];
  graph.forEachEdge((edge, attributes, source, target, _s, _t, undirected) => {
    if (into.has(source) || into.has(target)) touched.push({ edge, source, target, undirected, attributes });
  });
  for (const { source, target, undirected, attributes } of touched) {
    const value: unknown = attributes[attribute];
    if (value !== undefined && value !== null && !isIterable(value)) {
      throw new InvalidInteractionError(
        `${module}: an edge ${JSON.stringify(source)} → ${JSON.stringify(target)} holds ${describeValue(value)} in \`${attribute}\`, not a list of interactions. Nothing was merged.`,
        { source, target, field: attribute },
      );
    }
    // The edge the history moves to, when it already exists (between two people who stay, so never a touched
    // edge): on a simple graph, it must hold an array or nothing, as the edge writer requires.
    const [a, b] = [keyOf(source), keyOf(target)];
    if (graph.multi || !graph.hasNode(a) || !graph.hasNode(b)) continue;
    const kept = undirected ? graph.undirectedEdge(a, b) : graph.directedEdge(a, b);
    const held: unknown = kept === undefined ? undefined : graph.getEdgeAttribute(kept, attribute);
    if (held !== undefined && held !== null && !Array.isArray(held))
      throw notAnArray(
        module,
        kept!,
        a,
        b,
        attribute,
        held,
        ', so the history cannot move there. Store it as an array first. Nothing was merged.',
      );
  }
  for (const node of moving) {
    const target = keyOf(node);
    const attributes = graph.getNodeAttributes(node);
    if (!graph.hasNode(target)) graph.addNode(target, { ...attributes });
    else fillMissing(graph.getNodeAttributes(target), attributes, (k, v) => graph.setNodeAttribute(target, k, v));
    merged.push({ node, into: target });
  }
  // Every edge that touches a moving node (collected above) is dropped, then its history moved.
  const writer = new EdgeWriter(graph, attribute, module);
  let moved = 0;
  for (const { edge } of touched) graph.dropEdge(edge);
  for (const { source, target, undirected, attributes } of touched) {
    const value: unknown = attributes[attribute];
    const held = writer.held(keyOf(source), keyOf(target), undirected);
    fillMissing(graph.getEdgeAttributes(held.edge), attributes, (k, v) => graph.setEdgeAttribute(held.edge, k, v));
    if (value === undefined || value === null) continue;
    for (const interaction of value as Iterable<Interaction>) {
      const from = interaction !== null && typeof interaction === 'object' ? interaction.from : undefined;
      held.list.push(typeof from === 'string' && into.has(from) ? { ...interaction, from: keyOf(from) } : interaction);
      moved++;
    }
  }
  for (const node of moving) graph.dropNode(node);
  return { merged, interactionsMoved: moved };
}

function isIterable(value: unknown): boolean {
  return (
    typeof value === 'object' && value !== null && typeof (value as Iterable<unknown>)[Symbol.iterator] === 'function'
  );
}

/** Copies into `target` the attributes of `source` it lacks. */
function fillMissing(target: Attributes, source: Attributes, set: (key: string, value: unknown) => void): void {
  for (const key of Object.keys(source)) if (!Object.prototype.hasOwnProperty.call(target, key)) set(key, source[key]);
}
