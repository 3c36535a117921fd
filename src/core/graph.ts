/**
 * Checks on the graph argument and on node keys.
 *
 * @module
 */
import { UndirectedGraph } from 'graphology';
import type { AbstractGraph, Attributes } from 'graphology-types';
import { InvalidGraphError, NodeNotFoundError, describeValue, quoteKey, optionError } from './errors.js';

/** Any graphology graph (directed, undirected, mixed, simple or multi). */
export type PeopleGraph<
  NodeAttributes extends Attributes = Attributes,
  EdgeAttributes extends Attributes = Attributes,
  GraphAttributes extends Attributes = Attributes,
> = AbstractGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** Marks a `PreparedNetwork` (set in core/prepared.ts), so that functions that need the graph can say so. */
export const PREPARED_BRAND = Symbol.for('goodwill.preparedNetwork');

/** graphology's `Graph`, the base class of every graph class (reached through a named export: no default-import interop). */
const GraphClass = Object.getPrototypeOf(UndirectedGraph) as abstract new (...args: never[]) => object;

/** The methods of a graphology graph that goodwill calls. */
const GRAPH_METHODS = [
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
] as const;

/**
 * Throws an {@link InvalidGraphError} unless `graph` is a graphology graph:
 * an instance of graphology's `Graph` class, or (a graph from another copy of
 * graphology) an object with every method goodwill calls and graphology's
 * `type` ('directed' | 'undirected' | 'mixed'), `multi`, `order` and `size`.
 * A duck-typed stand-in with a few methods fails here, not deep inside.
 *
 * @example
 * ```ts
 * assertGraph(new Graph(), 'networkHealth');                 // passes
 * assertGraph({ forEachEdge() {}, order: 1 }, 'networkHealth'); // throws InvalidGraphError
 * ```
 */
export function assertGraph(graph: unknown, module: string): asserts graph is PeopleGraph {
  const g = graph as Record<string | symbol, unknown> | null;
  if (g !== null && typeof g === 'object' && g[PREPARED_BRAND] === true) {
    throw new InvalidGraphError(
      `${module}: takes the graph itself, not a prepared network (which the whole-network functions and one person's, such as personHealth, accept). Pass \`network.graph\`.`,
    );
  }
  if (g !== null && typeof g === 'object' && g instanceof GraphClass) return;
  const missing =
    g === null || typeof g !== 'object'
      ? 'it is not an object'
      : (GRAPH_METHODS.find((m) => typeof g[m] !== 'function')?.replace(/.+/, 'no method `$&`') ??
        (g['type'] !== 'directed' && g['type'] !== 'undirected' && g['type'] !== 'mixed'
          ? '`type` is not directed, undirected or mixed'
          : typeof g['multi'] !== 'boolean'
            ? '`multi` is not a boolean'
            : !Number.isInteger(g['order']) || !Number.isInteger(g['size'])
              ? '`order` or `size` is not an integer'
              : null));
  if (missing !== null) {
    throw new InvalidGraphError(
      `${module}: expected a graphology Graph as first argument, got ${describeValue(graph)} (${missing}). Create one with \`new Graph({ multi: true })\` from 'graphology'.`,
    );
  }
}

/**
 * Reads a node argument as graphology does (`'' + key`: the number 1 is the
 * key `'1'`) and returns the key, or throws a {@link NodeNotFoundError}
 * unless the graph holds it.
 */
export function nodeKey(graph: PeopleGraph, node: unknown, module: string, field = 'node'): string {
  if (typeof node !== 'string' && typeof node !== 'number') {
    throw new NodeNotFoundError(
      `${module}: the argument \`${field}\` is ${describeValue(node)}; pass a node key (a string, or a number as graphology reads it).`,
      { field },
    );
  }
  const key = '' + node;
  if (!graph.hasNode(key)) {
    throw new NodeNotFoundError(
      `${module}: the node ${quoteKey(key)} (argument \`${field}\`) is not in the graph. Check the key, or add the node with graph.addNode(${quoteKey(key)}).`,
      { node: key, field },
    );
  }
  return key;
}

/** Throws a {@link NodeNotFoundError} unless the graph holds `node` (see {@link nodeKey}). */
export function assertNode(graph: PeopleGraph, node: unknown, module: string, field = 'node'): void {
  nodeKey(graph, node, module, field);
}

/**
 * Compares two node keys in code-unit order: the documented tie-break rule of
 * every goodwill result (`a < b` as JavaScript compares strings).
 */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Keys that graphology's node adjacency (plain objects) mishandles: Object.prototype's own names. */
export const PROTOTYPE_KEYS: readonly string[] = /* @__PURE__ */ Object.getOwnPropertyNames(Object.prototype);

/** Of those, the keys with which graphology 0.26 writes onto `Object.prototype` or `Object` (see the conventions guide). */
export const POLLUTING_KEYS: readonly string[] = ['__proto__', 'constructor'];

/**
 * Whether the graph holds a node whose key is a name of `Object.prototype`
 * (`__proto__`, `constructor`, `hasOwnProperty` …), or the process's
 * `Object.prototype` has been polluted (see {@link isPrototypePolluted}).
 * graphology 0.26 keeps node adjacency in plain objects, so its per-node
 * iteration goes wrong around such nodes; its graph-wide iteration (a `Map`)
 * is sound.
 */
export function hasPrototypeKeys(graph: PeopleGraph): boolean {
  if (isPrototypePolluted()) return true;
  for (const key of PROTOTYPE_KEYS) if (graph.hasNode(key)) return true;
  return false;
}

/**
 * Whether `Object.prototype` carries an enumerable property. graphology 0.26
 * writes one (`previous`) when a multi directed graph has a node keyed
 * `__proto__`; from then on its per-node iteration fails on *every* graph of
 * the process, so goodwill falls back to graph-wide iteration.
 */
export function isPrototypePolluted(): boolean {
  for (const key in {}) if (key !== undefined) return true;
  return false;
}

/** The callback of {@link forEachEdgeOf}, as graphology's `forEachEdge`. */
export type EdgeVisitor = (
  edge: string,
  attributes: Attributes,
  source: string,
  target: string,
  sourceAttributes: Attributes,
  targetAttributes: Attributes,
  undirected: boolean,
) => void;

/**
 * Visits every edge attached to `node` (in, out, undirected; self-loops
 * once). Uses graphology's per-node iteration, or, where the graph holds a
 * prototype-named key (see {@link hasPrototypeKeys}), a graph-wide pass.
 */
export function forEachEdgeOf(graph: PeopleGraph, node: string, visit: EdgeVisitor): void {
  if (!hasPrototypeKeys(graph)) {
    graph.forEachEdge(node, visit);
    return;
  }
  graph.forEachEdge((edge, attributes, source, target, sa, ta, undirected) => {
    if (source === node || target === node) visit(edge, attributes, source, target, sa, ta, undirected);
  });
}

/**
 * The attribute `name` of `attributes` if it is an own property, else
 * `undefined`: an attribute named `toString` or `__proto__` that the edge does
 * not hold is absent, not the inherited member of Object.prototype.
 */
export function ownAttribute(attributes: Attributes, name: string): unknown {
  return Object.prototype.hasOwnProperty.call(attributes, name) ? attributes[name] : undefined;
}

/**
 * A node's value as an option reads it: by `read`, an attribute name (an own
 * attribute, see {@link ownAttribute}) or a getter `(key, attributes)`; a key
 * the graph does not hold has no attributes.
 */
export function nodeValue(
  graph: PeopleGraph,
  key: string,
  read: string | ((key: string, attributes: Attributes) => unknown),
): unknown {
  const attributes = graph.hasNode(key) ? graph.getNodeAttributes(key) : {};
  return typeof read === 'function' ? read(key, attributes) : ownAttribute(attributes, read);
}

/**
 * Validates the `attribute` option of an `.assign` writer: a non-empty string
 * that is not a name of `Object.prototype` (graphology would write nothing, or
 * worse). Returns it, or `fallback` when absent.
 */
export function checkAttribute(options: unknown, fallback: string, module: string): string {
  const attribute =
    options !== null && typeof options === 'object'
      ? ((options as { attribute?: unknown }).attribute ?? fallback)
      : fallback;
  if (typeof attribute !== 'string' || attribute === '' || attribute in Object.prototype) {
    throw optionError(
      module,
      'attribute',
      'must be a non-empty string that is not a name of Object.prototype',
      attribute,
    );
  }
  return attribute;
}

/**
 * Visits every edge with at least one endpoint in `set`, once: graphology's
 * per-node iteration with de-duplication, or one graph-wide pass where the
 * set is large for the graph (cheaper) or the graph holds prototype-named
 * keys (see `forEachEdgeOf`).
 *
 * @example
 * ```ts
 * forEachEdgeOfSet(graph, new Set(['ann', 'bob']), (edge, _attributes, source, target) => console.log(edge, source, target));
 * ```
 */
export function forEachEdgeOfSet(graph: PeopleGraph, set: ReadonlySet<string>, visit: EdgeVisitor): void {
  // A per-node call costs about as much as reading 16 edges graph-wide (graphology 0.26, measured): for a large
  // set (a hub's neighbourhood), one filtered pass over every edge is the cheaper.
  if (graph.size <= 16 * set.size || hasPrototypeKeys(graph)) {
    graph.forEachEdge((edge, attributes, source, target, sa, ta, undirected) => {
      if (set.has(source) || set.has(target)) visit(edge, attributes, source, target, sa, ta, undirected);
    });
    return;
  }
  const done = new Set<string>();
  for (const node of set) {
    graph.forEachEdge(node, (edge, attributes, source, target, sa, ta, undirected) => {
      const other = source === node ? target : source;
      if (other !== node && done.has(other)) return; // read from the other side already
      visit(edge, attributes, source, target, sa, ta, undirected);
    });
    done.add(node);
  }
}
