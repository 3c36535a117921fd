/**
 * The undo log of the writers: every change a writer makes is recorded
 * before it is made, so that a failure at any point — an unreadable event,
 * a graph that refuses a write, an event listener of the graph that throws —
 * leaves the graph exactly as it was (`graph.export()` identical).
 *
 * @module
 * @internal
 */
import type { Attributes } from 'graphology-types';
import { GoodwillError, InvalidGraphError } from '../core/errors.js';
import type { PeopleGraph } from '../core/graph.js';

/** One node or edge as the graph held it, by reference (its attributes object is put back, not a copy). */
interface NodeRecord {
  key: string;
  attributes: Attributes;
}
interface EdgeRecord {
  key: string;
  source: string;
  target: string;
  undirected: boolean;
  attributes: Attributes;
}

/**
 * Undo steps, run last-recorded first. A step is recorded before the change
 * it undoes, and written to be harmless when that change did not happen:
 * graphology may throw after it changed the graph (a listener of its events
 * throwing), or before.
 */
export class UndoLog {
  private readonly steps: (() => void)[] = [];

  constructor(private readonly graph: PeopleGraph) {}

  /** Records how to undo the next change. */
  record(step: () => void): void {
    this.steps.push(step);
  }

  /** Records the length of `list` before it grows. */
  grow(list: unknown[]): void {
    const length = list.length;
    this.record(() => void (list.length = length));
  }

  /** Records the value (or absence) of `attributes[name]` before it is set. */
  attribute(attributes: Attributes, name: string): void {
    const had = Object.prototype.hasOwnProperty.call(attributes, name);
    const previous: unknown = attributes[name];
    this.record(() => {
      if (had) attributes[name] = previous;
      else Reflect.deleteProperty(attributes, name);
    });
  }

  /** Records a node about to be added. */
  node(key: string): void {
    const { graph } = this;
    this.record(() => void (graph.hasNode(key) && graph.dropNode(key)));
  }

  /**
   * Records every node and edge in order, by reference, so that the graph can
   * be rebuilt as it was after edges and nodes are dropped (graphology appends
   * what is added: only a rebuild puts things back in their place). Linear in
   * the graph's size, like the writers that drop.
   */
  snapshot(): void {
    const { graph } = this;
    const nodes: NodeRecord[] = [];
    const edges: EdgeRecord[] = [];
    graph.forEachNode((key, attributes) => void nodes.push({ key, attributes }));
    graph.forEachEdge(
      (key, attributes, source, target, _s, _t, undirected) =>
        void edges.push({ key, source, target, undirected, attributes }),
    );
    this.record(() => {
      graph.clear();
      for (const { key, attributes } of nodes) graph.addNode(key, attributes);
      for (const { key, source, target, undirected, attributes } of edges)
        if (undirected) graph.addUndirectedEdgeWithKey(key, source, target, attributes);
        else graph.addDirectedEdgeWithKey(key, source, target, attributes);
    });
  }

  /**
   * Runs `write`; on any failure undoes what it did and throws a typed error
   * (a {@link GoodwillError} as it is; anything else, from graphology or a
   * listener, as an {@link InvalidGraphError} that names it).
   */
  run<T>(write: () => T, module: string): T {
    try {
      return write();
    } catch (error) {
      this.undo();
      if (error instanceof GoodwillError) throw error;
      throw new InvalidGraphError(
        `${module}: the graph refused a write (${describeError(error)}); nothing was changed. Check the graph's options (type, multi, allowSelfLoops) and its event listeners.`,
      );
    }
  }

  /** Undoes every recorded change, with the graph's events silenced: a listener must not stop the undo. */
  undo(): void {
    const { graph, steps } = this;
    const emitter = graph as unknown as { emit: unknown };
    const own = Object.prototype.hasOwnProperty.call(emitter, 'emit');
    const emit = emitter.emit;
    emitter.emit = () => false;
    try {
      for (let i = steps.length - 1; i >= 0; i--) {
        try {
          steps[i]!();
        } catch {
          // One step failing must not stop the others (each is harmless when its change did not happen).
        }
      }
    } finally {
      if (own) emitter.emit = emit;
      else delete emitter.emit;
      steps.length = 0;
    }
  }
}

/** A thrown value as text, safely. */
function describeError(error: unknown): string {
  try {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  } catch {
    return 'an error that cannot be printed';
  }
}
