/**
 * Where the writers put interactions: the edge from initiator to participant,
 * found by direction on every graph type, checked before anything is written,
 * then written in one step through the undo log.
 *
 * @module
 * @internal
 */
import type { Attributes } from 'graphology-types';
import { InvalidGraphError, InvalidInteractionError, describeValue } from '../core/errors.js';
import { POLLUTING_KEYS, PROTOTYPE_KEYS, ownAttribute, type PeopleGraph } from '../core/graph.js';
import type { Interaction } from '../core/types.js';
import type { UndoLog } from './undo.js';

/**
 * Why graphology 0.26 cannot take `key` as a node the writers add edges to, or
 * null: with `__proto__` or `constructor` it writes onto `Object.prototype`; at
 * any other name of `Object.prototype`, simple graphs refuse edges and the
 * per-pair lookups the writers use misread them (see the conventions guide).
 */
export function unsafeKey(key: string): string | null {
  if (!PROTOTYPE_KEYS.includes(key)) return null;
  const why = POLLUTING_KEYS.includes(key)
    ? 'which graphology 0.26 cannot hold as a node without corrupting Object.prototype'
    : "at which graphology 0.26 refuses or misreads a node's edges";
  return `the key ${JSON.stringify(key)} is a name of Object.prototype, ${why}. Rename it with the option \`aliases\` (e.g. { ${JSON.stringify(key)}: ${JSON.stringify(`user:${key}`)} })`;
}

/** The error for an edge that holds something other than an array where a writer appends interactions; `fix` ends the message. */
export function notAnArray(
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

/**
 * Whether the writers can append to `list` and take it back: an array that
 * is not frozen or sealed, with a writable length. A proxy that throws on
 * being asked is not.
 */
function appendable(list: unknown[]): boolean {
  try {
    return Object.isExtensible(list) && Object.getOwnPropertyDescriptor(list, 'length')?.writable === true;
  } catch {
    return false;
  }
}

/** The edge of a pair that receives interactions: found or to be made, with what it will receive. */
export interface HeldEdge {
  /** Its endpoints (the smaller key first when undirected). */
  a: string;
  b: string;
  undirected: boolean;
  /** Its key: known for an existing edge; set by {@link EdgePlanner.commit} for a new one. */
  edge: string | undefined;
  /** The existing array appended to, or undefined when the edge gets `pending` as its array. */
  list: Interaction[] | undefined;
  /** The interactions to append, in order. */
  pending: Interaction[];
  /** The pair's edges before the call. */
  existing: readonly string[];
}

/**
 * Plans the edges a writer appends to, without writing: each pair once, its
 * keys and its existing edge checked (an array that can grow, or nothing) as
 * it is first seen; then {@link EdgePlanner.commit} writes them all.
 */
export class EdgePlanner {
  /** Per first endpoint, per second: directed pairs, and undirected ones (smaller key first). */
  private readonly directed = new Map<string, Map<string, HeldEdge>>();
  private readonly undirected = new Map<string, Map<string, HeldEdge>>();
  /** Pairs in the order first seen, and nodes to add in that order. */
  readonly pairs: HeldEdge[] = [];
  private readonly newNodes = new Set<string>();
  nodesAdded = 0;
  edgesAdded = 0;

  /** How the messages end: what the caller did not do. */
  nothing = 'Nothing was written.';
  /** The fix ending the message for an existing edge whose attribute is not an array. */
  notArrayFix = '; this writer appends to arrays. Store the interactions as an array ([...value]) first.';

  /** Makes the error for a node key graphology cannot hold (the caller knows which event or option named it). */
  refuse: (key: string, problem: string) => Error;

  constructor(
    private readonly graph: PeopleGraph,
    private readonly attribute: string,
    private readonly module: string,
  ) {
    this.refuse = (key, problem) => new InvalidInteractionError(`${module}: ${problem}.`, { node: key });
  }

  /**
   * The edge that holds what `source` initiated toward `target`: directed, or
   * undirected (one edge per pair, `from` carries the direction).
   */
  held(source: string, target: string, undirected: boolean): HeldEdge {
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
      this.pairs.push(held);
    }
    return held;
  }

  private find(a: string, b: string, undirected: boolean): HeldEdge {
    const { graph } = this;
    for (const node of a === b ? [a] : [a, b]) {
      const problem = unsafeKey(node);
      if (problem !== null) throw this.refuse(node, problem);
      if (!graph.hasNode(node)) this.newNodes.add(node);
    }
    const candidates = this.newNodes.has(a) || this.newNodes.has(b) ? [] : this.pairEdges(a, b, undirected);
    const held: HeldEdge = { a, b, undirected, edge: undefined, list: undefined, pending: [], existing: candidates };
    let bare: string | undefined;
    for (const edge of candidates) {
      const value = ownAttribute(graph.getEdgeAttributes(edge), this.attribute);
      if (Array.isArray(value)) {
        if (!appendable(value)) throw this.frozen(edge, a, b);
        held.edge = edge;
        held.list = value as Interaction[];
        return held;
      }
      if (value === undefined || value === null) bare ??= edge;
      else if (!graph.multi)
        throw notAnArray(this.module, edge, a, b, this.attribute, value, `${this.notArrayFix} ${this.nothing}`);
    }
    held.edge = bare;
    if (bare === undefined && a === b && !graph.allowSelfLoops)
      throw new InvalidGraphError(
        `${this.module}: the interactions of ${JSON.stringify(a)} with itself need a self-loop, which this graph does not allow (allowSelfLoops: false). Create the graph with allowSelfLoops: true. ${this.nothing}`,
        { node: a },
      );
    return held;
  }

  private frozen(edge: string, a: string, b: string): InvalidInteractionError {
    return new InvalidInteractionError(
      `${this.module}: the edge ${JSON.stringify(edge)} (${JSON.stringify(a)} → ${JSON.stringify(b)}) holds a frozen or sealed array in \`${this.attribute}\`, which this writer cannot append to. Store a mutable copy ([...list]) first. ${this.nothing}`,
      { edge, source: a, target: b, field: this.attribute },
    );
  }

  /** Writes every planned node, edge and interaction, each change recorded in `log` first. */
  commit(log: UndoLog): void {
    const { graph, attribute } = this;
    for (const node of this.newNodes) {
      if (graph.hasNode(node)) continue; // added by the caller (mergePeople adds the person's node with attributes)
      log.node(node);
      graph.addNode(node);
      this.nodesAdded++;
    }
    for (const held of this.pairs) {
      const { list, pending } = held;
      if (list !== undefined) {
        log.grow(list);
        for (const interaction of pending) list.push(interaction);
      } else if (held.edge !== undefined) {
        log.attribute(graph.getEdgeAttributes(held.edge), attribute);
        graph.setEdgeAttribute(held.edge, attribute, pending);
      } else {
        this.addEdge(held, log);
      }
    }
  }

  /**
   * The edges a → b (by direction: `directedEdges(a, b)` would hold b → a too
   * on a multi or mixed graph), or a — b when undirected.
   */
  private pairEdges(a: string, b: string, undirected: boolean): string[] {
    const { graph } = this;
    if (graph.multi) return undirected ? graph.undirectedEdges(a, b) : graph.outEdges(a, b);
    // A simple graph holds at most one edge of each kind per pair; `directedEdge(a, b)` is a → b only.
    const edge = undirected ? graph.undirectedEdge(a, b) : graph.directedEdge(a, b);
    return edge === undefined ? [] : [edge];
  }

  private addEdge(held: HeldEdge, log: UndoLog): void {
    const { graph } = this;
    const { a, b, undirected, existing } = held;
    // Recorded first: graphology may throw after adding (a listener), before the key is returned.
    log.record(() => {
      if (held.edge !== undefined) graph.dropEdge(held.edge);
      else for (const edge of this.pairEdges(a, b, undirected)) if (!existing.includes(edge)) graph.dropEdge(edge);
    });
    const attributes: Attributes = { [this.attribute]: held.pending };
    held.edge = undirected ? graph.addUndirectedEdge(a, b, attributes) : graph.addDirectedEdge(a, b, attributes);
    this.edgesAdded++;
  }
}
