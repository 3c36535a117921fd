/**
 * The people of a question as ids of its network: the sources (one person or
 * a team), the targets (one person or everyone who matches) and the people
 * the paths may not go through.
 *
 * @module
 * @internal
 */
import type { Attributes } from 'graphology-types';
import { NodeNotFoundError, optionError, quoteKey } from '../core/errors.js';
import { nodeKey } from '../core/graph.js';
import { argumentError } from './checks.js';
import type { Network } from './network.js';
import type { FindOptions, NoPathReason, PeopleSelector } from './types.js';

/** A target: a node key, or a predicate over people. */
export type TargetSelector = string | ((key: string, attributes: Attributes) => boolean);

/** The sources' ids, in key order (the order the k-best search tries them), and their set. */
export function sourceIds(
  net: Network,
  selector: PeopleSelector,
  where: string,
): { sources: number[]; sourceSet: Set<number> } {
  const keys = sourceKeys(net, selector, where);
  if (keys.length === 0) throw argumentError(where, 'source', 'selects nobody (give at least one person)', selector);
  const sourceSet = new Set<number>();
  for (const key of keys) {
    const id = net.idOf(key);
    if (id === undefined) throw addedLater(where, 'source', key);
    sourceSet.add(id);
  }
  const { before } = net;
  const sources = [...sourceSet].sort((x, y) => (before === null ? x - y : before(x, y) ? -1 : 1));
  return { sources, sourceSet };
}

/** The error for a person the network does not hold: added to the graph after the finder was built. */
function addedLater(where: string, field: 'source' | 'target', key: string): NodeNotFoundError {
  return new NodeNotFoundError(
    `${where}: the ${field} ${quoteKey(key)} was added to the graph after the finder was built; build the finder again.`,
    { node: key, field },
  );
}

/** The keys a source selector selects: one person, a list or set of people, or those a predicate accepts. */
function sourceKeys(net: Network, selector: PeopleSelector, where: string): string[] {
  const g = net.mode.graph;
  const keys: string[] = [];
  if (typeof selector === 'string' || typeof selector === 'number') keys.push(nodeKey(g, selector, where, 'source'));
  else if (typeof selector === 'function') {
    g.forEachNode((key, attributes) => {
      if (selector(key, attributes)) keys.push(key);
    });
  } else if (Array.isArray(selector) || selector instanceof Set) {
    for (const x of selector as Iterable<unknown>) keys.push(nodeKey(g, x, where, 'source'));
  } else {
    const rule = 'must be a node key, an array or Set of node keys, or a predicate (key, attributes) => boolean';
    throw argumentError(where, 'source', rule, selector);
  }
  return keys;
}

/**
 * The targets' ids, none of them a source; or the reason there is no path
 * already: the target is a source (`same-person`), or the predicate selects
 * nobody but sources (`no-match`).
 */
export function targetIds(
  net: Network,
  target: TargetSelector,
  sourceSet: ReadonlySet<number>,
  where: string,
): number[] | NoPathReason {
  const g = net.mode.graph;
  if (typeof target === 'string' || typeof target === 'number') {
    const targetKey = nodeKey(g, target, where, 'target');
    const id = net.idOf(targetKey);
    if (id === undefined) throw addedLater(where, 'target', targetKey);
    return sourceSet.has(id) ? 'same-person' : [id];
  }
  if (typeof target === 'function') {
    const matches: string[] = [];
    g.forEachNode((key, attributes) => {
      if (target(key, attributes)) matches.push(key);
    });
    const targets: number[] = [];
    for (const key of matches) {
      const id = net.idOf(key);
      if (id !== undefined && !sourceSet.has(id)) targets.push(id);
    }
    return targets.length === 0 ? 'no-match' : targets;
  }
  throw argumentError(where, 'target', 'must be a node key or a predicate (key, attributes) => boolean', target);
}

/** The ids of the people in `exclude` that the network holds, sources left out. */
export function excludedIds(
  net: Network,
  exclude: NonNullable<FindOptions['exclude']>,
  sourceSet: ReadonlySet<number>,
  where: string,
): number[] {
  if (!Array.isArray(exclude) && !(exclude instanceof Set)) {
    throw optionError(where, 'exclude', 'must be an array (or Set) of node keys', exclude);
  }
  const g = net.mode.graph;
  const ids: number[] = [];
  for (const x of exclude) {
    const id = net.idOf(nodeKey(g, x, where, 'exclude'));
    if (id !== undefined && !sourceSet.has(id)) ids.push(id);
  }
  return ids;
}
