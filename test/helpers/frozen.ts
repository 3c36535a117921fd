/**
 * Helpers for the "never mutates its input" tests: deep-freeze every attribute
 * object (and interaction arrays and interactions) of a graph, and snapshot it.
 */
import type { AbstractGraph } from 'graphology-types';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** Deep-freezes the graph's own, node and edge attributes; returns the graph. */
export function freezeGraph<G extends AbstractGraph>(graph: G): G {
  deepFreeze(graph.getAttributes());
  graph.forEachNode((_node, attributes) => void deepFreeze(attributes));
  graph.forEachEdge((_edge, attributes) => void deepFreeze(attributes));
  Object.freeze(graph);
  return graph;
}

/** A serialised snapshot of the graph, to compare before and after a call. */
export function snapshot(graph: AbstractGraph): string {
  return JSON.stringify(graph.export());
}
