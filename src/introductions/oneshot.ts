/**
 * The plan of a one-shot question on the raw graph: before any best-path
 * search, a hop-bounded bidirectional breadth-first search over graphology's
 * own adjacency decides whether a chain of at most `maxHops` hops exists at
 * all, and if so, which people a chain can pass through.
 *
 * Bidirectional search with balanced expansion (Pohl 1971), with the side to
 * expand chosen by the arcs its frontier would read — the sum of its people's
 * degrees, which graphology keeps as counters — not by its number of people:
 * on a heavy-tailed graph a frontier of three people holding a hub of degree
 * 6,000 costs more than one of a hundred ordinary people. Levels are
 * expanded whole, so after the forward side has depth `a` and the backward
 * side depth `b` without meeting, no chain has ≤ a + b hops (the classic
 * meet-in-the-middle argument); once a + b + 1 = maxHops, one last look at
 * the arcs between the two frontiers settles it — by reading whichever side's
 * rows is shorter, or, when both frontiers are small, by asking graphology
 * for the edges between each pair (hash lookups, no row read at all).
 *
 * When a chain exists, every chain of ≤ a + b + 1 hops lies within the union
 * of the two balls (a node of the chain at position i ≤ a is within the
 * forward ball; otherwise it is at most b hops before the end), so the exact
 * search runs on the arcs inside that union only: it never reads a hub's
 * whole row, nor sorts it. When there is none, the question's reason needs
 * whether a chain of any length exists: the same search goes on without the
 * bound, one person at a time on each side, until the sides meet or one side
 * runs out.
 *
 * A probability is read only for an arc that reaches a person not seen yet
 * on that side (the arc the search relaxes); no structure of the whole graph
 * is built.
 *
 * @module
 * @internal
 */
import type { Attributes } from 'graphology-types';
import type { PeopleGraph } from '../core/graph.js';

/** The probability of the hop an edge gives (source → target: the hop target → source), 0 when none. */
export type ArcProbability = (edge: string, attributes: Attributes, source: string, target: string) => number;

/**
 * What the plan found: no chain (and why), or that there is one, with the
 * people a chain can pass through (null: anyone — the balls would have cost
 * more to complete than the search they narrow).
 */
export type Plan = { reason: 'no-eligible-tie' | 'hop-limit' | 'no-path' } | { people: Set<string> | null };

type EdgeCallback = (
  edge: string,
  attributes: Attributes,
  source: string,
  target: string,
  sa: Attributes,
  ta: Attributes,
  undirected: boolean,
) => void;

/** How many graphology edge reads a lookup of the edges between two people costs, about (a hash lookup and a call). */
const PAIR_COST = 4;
/** A level this cheap (in arcs) is always worth completing. */
const SMALL_LEVEL = 1024;

/**
 * The graph as a one-shot question reads it: the hop x → y reads the edges
 * y → x and the undirected ones (x's "forward row" is its in-edges, its
 * "backward row" its out-edges). `read` counts the edges read.
 */
export class RawArcs {
  read = 0;
  private readonly directed: boolean;
  private readonly undirected: boolean;

  constructor(
    readonly graph: PeopleGraph,
    private readonly probability: ArcProbability,
    /** The people a finder knew when it was made (others are not there for it), or null: everyone. */
    private readonly known: ReadonlySet<string> | null,
    /** Called after each row read: throws the first bad probability the row held, if any. */
    private readonly flush: () => void,
  ) {
    this.directed = graph.type !== 'undirected';
    this.undirected = graph.type !== 'directed';
  }

  /** Whether y is there for the question (see `known`). */
  private knows(y: string): boolean {
    return this.known === null || this.known.has(y);
  }

  /** The arcs a row of x would hold, at most (graphology's degree counters: no read). */
  degree(x: string, forward: boolean): number {
    const g = this.graph;
    return (
      (this.directed ? (forward ? g.inDegree(x) : g.outDegree(x)) : 0) + (this.undirected ? g.undirectedDegree(x) : 0)
    );
  }

  /** Visits the edges of x's row (forward: in-edges; backward: out-edges; and undirected ones). */
  private edges(x: string, forward: boolean, visit: EdgeCallback): void {
    const g = this.graph;
    if (this.directed) {
      if (forward) g.forEachInEdge(x, visit);
      else g.forEachOutEdge(x, visit);
    }
    if (this.undirected) g.forEachUndirectedEdge(x, visit);
  }

  /**
   * Visits the people y of x's row (forward: hops x → y; backward: hops
   * y → x) for which `fresh(y)` holds and some edge gives a usable hop: the
   * probability is read only for those. `visit(y)` must make `fresh(y)`
   * false (a parallel edge then costs no second read).
   */
  expand(x: string, forward: boolean, fresh: (y: string) => boolean, visit: (y: string) => void): void {
    this.read += this.degree(x, forward);
    this.edges(x, forward, (edge, attributes, source, target) => {
      if (source === target) return;
      const y = source === x ? target : source;
      if (fresh(y) && this.knows(y) && this.probability(edge, attributes, source, target) > 0) visit(y);
    });
    this.flush();
  }

  /** Whether x has a usable hop x → y in a row (forward) or y → x (backward); stops at the first. */
  anyArc(x: string, forward: boolean): boolean {
    const g = this.graph;
    const test = (edge: string, attributes: Attributes, source: string, target: string): boolean =>
      source !== target &&
      this.knows(source === x ? target : source) &&
      this.probability(edge, attributes, source, target) > 0;
    let found = false;
    if (this.directed) found = forward ? g.someInEdge(x, test) : g.someOutEdge(x, test);
    if (!found && this.undirected) found = g.someUndirectedEdge(x, test);
    this.flush();
    return found;
  }

  /** Whether the hop x → y exists (an edge y → x, or an undirected one, with a usable probability). */
  hop(x: string, y: string): boolean {
    this.read += PAIR_COST;
    let found = false;
    this.graph.forEachEdge(x, y, (edge, attributes, source, target, _sa, _ta, undirected) => {
      if (found || !(undirected || (source === y && target === x))) return;
      if (this.probability(edge, attributes, source, target) > 0) found = true;
    });
    this.flush();
    return found;
  }

  /**
   * The people y of x's row among `among` (a set of people), with usable
   * hops: by reading x's row, or, when `among` is the smaller, by looking up
   * the edges between x and each of them.
   */
  rowWithin(x: string, forward: boolean, among: ReadonlySet<string>, visit: EdgeCallback): void {
    if (this.degree(x, forward) <= PAIR_COST * among.size) {
      this.read += this.degree(x, forward);
      this.edges(x, forward, (edge, attributes, source, target, sa, ta, undirected) => {
        if (among.has(source === x ? target : source)) visit(edge, attributes, source, target, sa, ta, undirected);
      });
      return;
    }
    const g = this.graph;
    for (const y of among) {
      if (y === x) continue;
      this.read += PAIR_COST;
      g.forEachEdge(x, y, (edge, attributes, source, target, sa, ta, undirected) => {
        if (undirected || (forward ? target === x : source === x))
          visit(edge, attributes, source, target, sa, ta, undirected);
      });
    }
  }
}

/** One side of the search: the people seen with their depth, the current level, and its row lengths. */
interface Side {
  forward: boolean;
  depth: Map<string, number>;
  front: string[];
  level: number;
}

function side(forward: boolean, people: Iterable<string>, excluded: ReadonlySet<string>): Side {
  const depth = new Map<string, number>();
  const front: string[] = [];
  for (const x of people) {
    if (excluded.has(x) || depth.has(x)) continue;
    depth.set(x, 0);
    front.push(x);
  }
  return { forward, depth, front, level: 0 };
}

function frontArcs(arcs: RawArcs, s: Side): number {
  let sum = 0;
  for (const x of s.front) sum += arcs.degree(x, s.forward);
  return sum;
}

/**
 * Plans a one-shot question: `sources` (none excluded), `targets`, people
 * that may not be passed, and a hop bound (≥ 1, finite).
 */
export function planQuestion(
  arcs: RawArcs,
  sources: readonly string[],
  targets: readonly string[],
  excluded: ReadonlySet<string>,
  maxHops: number,
): Plan {
  // As the finder: a source with no usable tie at all (before exclusions) is the first reason.
  if (!sources.some((s) => arcs.anyArc(s, true))) return { reason: 'no-eligible-tie' };
  const f = side(true, sources, excluded);
  const b = side(false, targets, excluded);
  if (b.front.length === 0) return { reason: 'no-path' };
  let met = false;
  /** Expands a whole level of `s`, noting whether it meets the other side `o`. */
  const expand = (s: Side, o: Side): void => {
    const next: string[] = [];
    const level = s.level + 1;
    const fresh = (y: string) => !s.depth.has(y) && !excluded.has(y);
    for (const x of s.front) {
      arcs.expand(x, s.forward, fresh, (y) => {
        s.depth.set(y, level);
        next.push(y);
        if (o.depth.has(y)) met = true;
      });
    }
    s.front = next;
    s.level = level;
  };
  // Levels until a + b + 1 = maxHops, the cheaper side first; a side that runs out has its whole reach.
  // Once the sides have met, a level is completed only while it costs no more than the levels before it (a large
  // hop limit would otherwise read the whole component to narrow a search that reads less).
  let exhausted = false;
  let spent = 0;
  while (f.level + b.level + 1 < maxHops) {
    if (f.front.length === 0 || b.front.length === 0) {
      exhausted = true;
      break;
    }
    const fArcs = frontArcs(arcs, f);
    const bArcs = frontArcs(arcs, b);
    const cost = Math.min(fArcs, bArcs);
    if (met && cost > spent + SMALL_LEVEL) return { people: null };
    spent += cost;
    if (fArcs <= bArcs) expand(f, b);
    else expand(b, f);
  }
  if (!met && !exhausted && f.front.length > 0 && b.front.length > 0) met = bridge(arcs, f, b);
  if (met) {
    const people = new Set(f.depth.keys());
    for (const x of b.depth.keys()) people.add(x);
    return { people };
  }
  if (exhausted) return { reason: 'no-path' };
  return { reason: connected(arcs, f, b, excluded) ? 'hop-limit' : 'no-path' };
}

/**
 * Whether an arc leads from the forward frontier to the backward one (a
 * chain of exactly a + b + 1 hops), read the cheapest of three ways: the
 * forward frontier's rows, the backward frontier's rows, or a lookup per
 * pair of people.
 */
function bridge(arcs: RawArcs, f: Side, b: Side): boolean {
  const fArcs = frontArcs(arcs, f);
  const bArcs = frontArcs(arcs, b);
  const pairs = PAIR_COST * f.front.length * b.front.length;
  if (pairs < fArcs && pairs < bArcs) {
    for (const x of f.front) for (const y of b.front) if (arcs.hop(x, y)) return true;
    return false;
  }
  const [s, o] = fArcs <= bArcs ? [f, b] : [b, f];
  const level = o.level;
  let found = false;
  const fresh = (y: string) => !found && o.depth.get(y) === level;
  for (const x of s.front) {
    arcs.expand(x, s.forward, fresh, () => (found = true));
    if (found) return true;
  }
  return false;
}

/**
 * Whether any chain joins the two sides, of any length: breadth-first on
 * from both frontiers, one person at a time on the side whose next row is
 * shorter, until the sides meet or one runs out. A person is expanded once
 * per side; a forward search does not pass through a target (the chain ends
 * there), while a backward one may pass through anyone.
 */
function connected(arcs: RawArcs, f: Side, b: Side, excluded: ReadonlySet<string>): boolean {
  const queues = [f.front, b.front];
  const heads = [0, 0];
  const sides = [f, b];
  for (;;) {
    const fx = heads[0]! < queues[0]!.length ? arcs.degree(queues[0]![heads[0]!]!, true) : -1;
    const bx = heads[1]! < queues[1]!.length ? arcs.degree(queues[1]![heads[1]!]!, false) : -1;
    if (fx < 0 || bx < 0) return false;
    const i = fx <= bx ? 0 : 1;
    const s = sides[i]!;
    const o = sides[1 - i]!;
    const x = queues[i]![heads[i]!++]!;
    if (s.forward && b.depth.get(x) === 0) continue; // a target: chains end there
    let met = false;
    arcs.expand(
      x,
      s.forward,
      (y) => !met && !s.depth.has(y) && !excluded.has(y),
      (y) => {
        if (o.depth.has(y)) met = true;
        s.depth.set(y, -1);
        queues[i]!.push(y);
      },
    );
    if (met) return true;
  }
}
