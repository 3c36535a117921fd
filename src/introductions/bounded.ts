/**
 * The bounded search of the introduction finder: the best simple path from
 * one or more sources to any target, with at most `hops` arcs (or any number
 * of arcs), in a total order on paths — cost, then fewer hops, then the
 * people compared from the source — avoiding blocked people and arcs.
 *
 * Two searches run interleaved, always advancing the side that has done less
 * work (so a hub on one side does not decide the cost of the other):
 *
 * - **backward**, from the targets over the reversed arcs: a bicriteria
 *   (cost, hops) Dijkstra whose settled labels give, for a person v and a
 *   budget of r hops, a proven lower bound on the cost of reaching a target
 *   from v in at most r hops (the cheapest settled label with at most r hops,
 *   else the backward radius — the smallest cost still in its heap — else,
 *   when the backward search is exhausted, +∞). It ignores the blocks of a
 *   Yen spur search (blocks only raise costs), so one backward search serves
 *   the first path and every spur search of a query;
 * - **forward**, from the sources: the label-setting search over states
 *   (person, hops used) that pops by (cost, hops, path), so the first target
 *   popped is the best path by the documented order, bit for bit. A state is
 *   not pushed (nor expanded) when its cost plus the backward lower bound
 *   exceeds the best known chain's cost: a backward chain met by a settled
 *   forward state gives that upper bound as soon as it avoids the blocked
 *   people (any walk that does contains a simple path that is no costlier).
 *
 * A state is not expanded when the same person was already expanded with
 * fewer hops (at no larger cost), nor pushed when that person was; with no
 * hop limit, a person has one state. All marks are epoch-stamped typed arrays
 * allocated once per finder; labels live in growable typed pools.
 *
 * @module
 * @internal
 */
import { UNLIMITED, type Blocked, type Path } from './path.js';
import { BackwardQueue } from './queue.js';
import type { Rows } from './rows.js';
import { grow } from './typed.js';

const NONE = 0x7fffffff;
/** The hop levels around the targets stop before a level whose frontier has more arcs than this (rows of a built index)… */
const LEVEL_ARCS = 1 << 16;
/** …or than this (rows read from the graph on demand). */
const LEVEL_ARCS_LAZY = 1 << 12;
/** A level is marked once the forward search has read this many times its cost in arcs that it would have narrowed. */
const LEVEL_CREDIT = 4;
/** At most this many hop levels. */
const MAX_LEVELS = 64;

/** A bound with room for rounding: a chain costing `b` summed in another order may come out a little higher. */
function slack(b: number): number {
  return b === Infinity ? Infinity : b + 1e-9 * (1 + Math.abs(b));
}

/** The backward half of a query: lower bounds towards the targets, shared by the query's searches. */
interface Backward {
  maxHops: number;
  hopPenalty: number;
  exhausted: boolean;
}

/** Reusable buffers over one pair of row sets (forward, and reversed: the same object when arcs are symmetric). */
export class BoundedSearch {
  // Per person, epoch-stamped.
  #fStamp: Uint32Array;
  #fHead: Int32Array; // first forward label of the person
  #fSettled: Int32Array; // fewest hops with which the person was expanded
  #bStamp: Uint32Array;
  #bHead: Int32Array; // latest settled backward label (fewest hops, largest cost)
  #startMark: Uint32Array;
  #blockMark: Uint32Array;
  /** Targets, excluded people and sources of the current query (stamped with the query's epoch). */
  #tMark: Uint32Array;
  #xMark: Uint32Array;
  #srcMark: Uint32Array;
  /** The sources of the current query. */
  #sourceList = new Int32Array(16);
  #sourceCount = 0;
  /**
   * The sources and the people one hop from them (marked on demand, see
   * {@link ring}); `ringCount` is −1 until they are marked.
   */
  #ringMark: Uint32Array;
  #ringList: Int32Array;
  #ringCount = -1;
  #ringCost = -1;
  #ringCredit = 0;
  #fEpoch = 0;
  #bEpoch = 0;
  #sEpoch = 0;
  // Forward labels.
  #fNode: Int32Array;
  #fHops: Int32Array;
  #fCost: Float64Array;
  #fParent: Int32Array;
  #fNext: Int32Array;
  #fDone: Uint8Array;
  #fCount = 0;
  // Forward heap: label, cost, parent label at push time.
  #hLabel: Int32Array;
  #hCost: Float64Array;
  #hParent: Int32Array;
  #hHops: Int32Array;
  #hSize = 0;
  // Backward labels (settled only).
  #bNode: Int32Array;
  #bHops: Int32Array;
  #bCost: Float64Array;
  #bParent: Int32Array;
  #bNext: Int32Array;
  #bCount = 0;
  // Backward heap: node, hops, cost, parent label.
  #queue: BackwardQueue;
  #back: Backward = { maxHops: 0, hopPenalty: 0, exhausted: true };
  /** Orders two ids as their keys (null: ids are in key order). */
  before: ((x: number, y: number) => boolean) | null = null;

  /**
   * `capacity`: the first size of the label pools, heaps and lists, which
   * grow by doubling — 1024 for a finder (its first question should not pay
   * for growing them), less for the rows of one question, whose search is
   * small and whose buffers are made for it alone.
   */
  constructor(
    private readonly fw: Rows,
    private readonly bw: Rows,
    capacity = 1024,
  ) {
    this.#ringList = new Int32Array(capacity);
    this.#fNode = new Int32Array(capacity);
    this.#fHops = new Int32Array(capacity);
    this.#fCost = new Float64Array(capacity);
    this.#fParent = new Int32Array(capacity);
    this.#fNext = new Int32Array(capacity);
    this.#fDone = new Uint8Array(capacity);
    this.#hLabel = new Int32Array(capacity);
    this.#hCost = new Float64Array(capacity);
    this.#hParent = new Int32Array(capacity);
    this.#hHops = new Int32Array(capacity);
    this.#bNode = new Int32Array(capacity);
    this.#bHops = new Int32Array(capacity);
    this.#bCost = new Float64Array(capacity);
    this.#bParent = new Int32Array(capacity);
    this.#bNext = new Int32Array(capacity);
    this.#queue = new BackwardQueue(capacity);
    this.#levelNodes = new Int32Array(capacity);
    const n = Math.max(fw.n, 1);
    this.#fStamp = new Uint32Array(n);
    this.#fHead = new Int32Array(n);
    this.#fSettled = new Int32Array(n);
    this.#bStamp = new Uint32Array(n);
    this.#bHead = new Int32Array(n);
    this.#startMark = new Uint32Array(n);
    this.#blockMark = new Uint32Array(n);
    this.#tMark = new Uint32Array(n);
    this.#xMark = new Uint32Array(n);
    this.#srcMark = new Uint32Array(n);
    this.#ringMark = new Uint32Array(n);
    this.#hopStamp = new Uint32Array(n);
    this.#hopDist = new Int32Array(n);
    // Written once here, so that the first question does not pay for the memory's first touch (page faults).
    for (const a of this.perPerson()) a.fill(0);
  }

  /** The arrays with an entry per person. */
  private perPerson(): (Uint32Array | Int32Array)[] {
    return [
      this.#fStamp,
      this.#fHead,
      this.#fSettled,
      this.#bStamp,
      this.#bHead,
      this.#startMark,
      this.#blockMark,
      this.#tMark,
      this.#xMark,
      this.#srcMark,
      this.#ringMark,
      this.#hopStamp,
      this.#hopDist,
    ];
  }

  /** Bytes held by the buffers. */
  get bytes(): number {
    let b = 0;
    for (const a of [
      ...this.perPerson(),
      this.#levelNodes,
      this.#levelEnd,
      this.#fNode,
      this.#fHops,
      this.#fCost,
      this.#fParent,
      this.#fNext,
      this.#fDone,
      this.#hLabel,
      this.#hCost,
      this.#hParent,
      this.#bNode,
      this.#bHops,
      this.#bCost,
      this.#bParent,
      this.#bNext,
      this.#hHops,
    ])
      b += a.byteLength;
    return b + this.#queue.bytes;
  }

  /** Makes room for n people (lazy rows meet people as they go). */
  grow(n: number): void {
    if (n <= this.#fStamp.length) return;
    const cap = Math.max(n, this.#fStamp.length * 2);
    this.#fStamp = grow(this.#fStamp, cap);
    this.#fHead = grow(this.#fHead, cap);
    this.#fSettled = grow(this.#fSettled, cap);
    this.#bStamp = grow(this.#bStamp, cap);
    this.#bHead = grow(this.#bHead, cap);
    this.#startMark = grow(this.#startMark, cap);
    this.#blockMark = grow(this.#blockMark, cap);
    this.#tMark = grow(this.#tMark, cap);
    this.#xMark = grow(this.#xMark, cap);
    this.#srcMark = grow(this.#srcMark, cap);
    this.#ringMark = grow(this.#ringMark, cap);
    this.#hopStamp = grow(this.#hopStamp, cap);
    this.#hopDist = grow(this.#hopDist, cap);
  }

  /** The epoch after `epoch`; when the stamps would wrap, `marks` are cleared and it starts again at 1. */
  private static next(epoch: number, marks: Uint32Array[]): number {
    if (epoch + 1 < 0xffffffff) return epoch + 1;
    for (const m of marks) m.fill(0);
    return 1;
  }

  // ---- backward ----

  /**
   * Starts the backward half of a query: from every target that is not
   * excluded, at most `maxHops` hops (UNLIMITED for none), towards the
   * query's `sources` (every search of the query starts from some of them,
   * or from people on a path found from them).
   */
  startQuery(
    targets: ArrayLike<number>,
    excluded: ArrayLike<number>,
    maxHops: number,
    hopPenalty: number,
    sources: ArrayLike<number>,
  ): void {
    const epoch = (this.#bEpoch = BoundedSearch.next(this.#bEpoch, [
      this.#bStamp,
      this.#tMark,
      this.#xMark,
      this.#srcMark,
      this.#ringMark,
      this.#hopStamp,
    ]));
    this.#bCount = 0;
    this.#queue.size = 0;
    // A single source is on no path of the query but as its first person: its arcs need not be read backward.
    this.#noExpand = sources.length === 1 ? sources[0]! : -1;
    this.#sourceList = grow(this.#sourceList, sources.length);
    this.#sourceCount = sources.length;
    for (let i = 0; i < sources.length; i++) {
      this.#srcMark[sources[i]!] = epoch;
      this.#sourceList[i] = sources[i]!;
    }
    this.#ringCount = -1;
    this.#ringCost = -1;
    this.#ringCredit = 0;
    this.#back = { maxHops, hopPenalty, exhausted: false };
    for (let i = 0; i < excluded.length; i++) this.#xMark[excluded[i]!] = epoch;
    for (let i = 0; i < targets.length; i++) this.#tMark[targets[i]!] = epoch;
    for (let i = 0; i < targets.length; i++) {
      const t = targets[i]!;
      if (this.#xMark[t] !== epoch) this.#queue.push(t, 0, 0, -1);
    }
    if (this.#queue.size === 0) this.#back.exhausted = true;
    this.levels(targets, maxHops);
  }

  #noExpand = -1;
  /** Hop levels: persons within `depth` hops of a target, in levelNodes by level (level j ends at levelEnd[j]). */
  #depth = -1;
  #hopStamp: Uint32Array;
  #hopDist: Int32Array;
  #levelNodes: Int32Array;
  #levelEnd = new Int32Array(MAX_LEVELS);
  /** The deepest level worth marking; whether no level will be added; arcs of the last level's rows (−1: not summed). */
  #lastLevel = -1;
  #levelsDone = true;
  #frontierArcs = -1;
  /** Arcs the forward search has read that a deeper level would have narrowed (what pays for the next level). */
  #levelCredit = 0;

  /**
   * Hop levels around the targets: the targets (level 0), then, on demand
   * ({@link deepen}), a breadth-first search over the reversed arcs, level by
   * level. Every person within `depth` hops of a target is then marked with
   * that number of hops, so a state with r ≤ depth hops left may only move to
   * a person at most r − 1 hops from a target — a short list, which a hub's
   * row is searched for (binary search) instead of being read whole.
   */
  private levels(targets: ArrayLike<number>, maxHops: number): void {
    const epoch = this.#bEpoch;
    this.#depth = -1;
    this.#levelsDone = true;
    if (maxHops === UNLIMITED) return;
    let count = 0;
    for (let i = 0; i < targets.length; i++) {
      const t = targets[i]!;
      if (this.#xMark[t] === epoch || this.#hopStamp[t] === epoch) continue;
      this.#hopStamp[t] = epoch;
      this.#hopDist[t] = 0;
      this.#levelNodes = grow(this.#levelNodes, count + 1);
      this.#levelNodes[count++] = t;
    }
    this.#levelEnd[0] = count;
    this.#depth = 0;
    // A step never needs the people maxHops away (after any hop, at most maxHops − 1 are left); rows read on demand
    // mark them anyway, for their rows are then read, which the search of a hub's row in theirs needs.
    this.#lastLevel = Math.min(this.bw.lazy ? maxHops : maxHops - 1, MAX_LEVELS - 1);
    this.#levelsDone = this.#depth >= this.#lastLevel;
    this.#frontierArcs = -1;
    this.#levelCredit = 0;
    // Rows read from the graph: every level at once (within the smaller budget), for a hub's row is then searched
    // in its neighbours' reversed rows instead of being read.
    if (this.bw.lazy) this.deepen(this.#lastLevel, Infinity);
  }

  /**
   * Adds levels up to `want` while they pay: the forward search is about to
   * read `arcs` arcs that a level down to `want` would narrow; once such arcs
   * add up to what the next level costs to mark (the arcs of its frontier's
   * rows), the level is marked. So a level costs at most what it saves, and
   * a query whose forward side stays small never reads a hub's row to mark
   * levels. A frontier of more than {@link LEVEL_ARCS} arcs ends the levels.
   */
  private deepen(want: number, arcs: number): void {
    const rows = this.bw;
    const epoch = this.#bEpoch;
    this.#levelCredit += LEVEL_CREDIT * arcs;
    while (this.#depth < want && !this.#levelsDone) {
      const from = this.#depth === 0 ? 0 : this.#levelEnd[this.#depth - 1]!;
      const to = this.#levelEnd[this.#depth]!;
      if (this.#frontierArcs < 0) {
        let sum = 0;
        for (let i = from; i < to; i++) sum += rows.size(this.#levelNodes[i]!);
        this.#frontierArcs = sum;
      }
      // Rows read from the graph cost far more per arc than rows of a built index.
      if (this.#frontierArcs > (rows.lazy ? LEVEL_ARCS_LAZY : LEVEL_ARCS)) {
        this.#levelsDone = true;
        return;
      }
      if (this.#frontierArcs > this.#levelCredit) return;
      this.#levelCredit -= this.#frontierArcs;
      this.#frontierArcs = -1;
      const next = this.#depth + 1;
      let count = to;
      for (let i = from; i < to; i++) {
        const u = this.#levelNodes[i]!;
        if (rows.lazy) {
          rows.load(u);
          this.grow(rows.n);
        }
        for (let e = rows.start[u]!; e < rows.end[u]!; e++) {
          const w = rows.target[e]!;
          if (this.#hopStamp[w] === epoch || this.#xMark[w] === epoch) continue;
          this.#hopStamp[w] = epoch;
          this.#hopDist[w] = next;
          this.#levelNodes = grow(this.#levelNodes, count + 1);
          this.#levelNodes[count++] = w;
        }
      }
      this.#depth = next;
      this.#levelEnd[next] = count;
      // Nobody new: every person that can reach a target is marked.
      if (count === to || next >= this.#lastLevel) this.#levelsDone = true;
    }
  }

  /** The backward radius: a lower bound on the cost of any label not yet settled. */
  private radius(): number {
    return this.#back.exhausted ? Infinity : this.#queue.cost[0]!;
  }

  /** One backward step (a settle, or a dominated entry dropped); returns the arcs scanned. */
  private backStep(): number {
    const queue = this.#queue;
    if (queue.size === 0) {
      this.#back.exhausted = true;
      return 0;
    }
    const node = queue.node[0]!;
    const hops = queue.hops[0]!;
    const cost = queue.cost[0]!;
    const parent = queue.parent[0]!;
    queue.pop();
    if (queue.size === 0) this.#back.exhausted = true; // refined below if the settle pushes
    const limited = this.#back.maxHops !== UNLIMITED;
    const stamped = this.#bStamp[node] === this.#bEpoch;
    if (stamped && (!limited || this.#bHops[this.#bHead[node]!]! <= hops)) return 1; // dominated
    const l = this.settle(node, hops, cost, parent, stamped);
    if (hops >= this.#back.maxHops || node === this.#noExpand) return 1;
    return this.backExpand(node, hops, cost, l);
  }

  /** A new settled backward label (node, hops, cost, parent), first in the node's list; returns it. */
  private settle(node: number, hops: number, cost: number, parent: number, stamped: boolean): number {
    const l = this.#bCount++;
    if (l === this.#bNode.length) {
      const n = l * 2;
      this.#bNode = grow(this.#bNode, n);
      this.#bHops = grow(this.#bHops, n);
      this.#bCost = grow(this.#bCost, n);
      this.#bParent = grow(this.#bParent, n);
      this.#bNext = grow(this.#bNext, n);
    }
    this.#bNode[l] = node;
    this.#bHops[l] = hops;
    this.#bCost[l] = cost;
    this.#bParent[l] = parent;
    this.#bNext[l] = stamped ? this.#bHead[node]! : -1;
    this.#bHead[node] = l;
    this.#bStamp[node] = this.#bEpoch;
    return l;
  }

  /** Pushes the labels one hop back from the settled label l of `node`; returns the arcs scanned (and 1 for the settle). */
  private backExpand(node: number, hops: number, cost: number, l: number): number {
    const queue = this.#queue;
    const limited = this.#back.maxHops !== UNLIMITED;
    const rows = this.bw;
    if (rows.lazy) {
      rows.load(node);
      this.grow(rows.n);
    }
    const start = rows.start[node]!;
    const end = rows.end[node]!;
    const target = rows.target;
    const arcCost = rows.cost;
    const penalty = this.#back.hopPenalty;
    const xMark = this.#xMark;
    const bStamp = this.#bStamp;
    const epoch = this.#bEpoch;
    const nh = hops + 1;
    // Whom a label with nh hops can serve. With every hop of the limit, only a source of the query (the bound of a
    // chain through a search's start); with one hop less, only a source or a person one hop from one (the starts
    // of searches with every hop of the limit, and their first steps). Those found in their own rows when they are
    // fewer than the arcs.
    let list: Int32Array | null = null;
    let count = 0;
    let mark: Uint32Array | null = null;
    if (nh === this.#back.maxHops) {
      list = this.#sourceList;
      count = this.#sourceCount;
      mark = this.#srcMark;
    } else if (nh === this.#back.maxHops - 1 && !rows.lazy && this.ring(end - start)) {
      list = this.#ringList;
      count = this.#ringCount;
      mark = this.#ringMark;
    }
    if (list !== null && !rows.lazy && count * 8 < end - start) {
      const fw = this.fw;
      for (let i = 0; i < count; i++) {
        const w = list[i]!;
        const e = fw.arc(w, node);
        if (e < 0 || xMark[w] === epoch) continue;
        if (bStamp[w] === epoch && this.#bHops[this.#bHead[w]!]! <= nh) continue;
        queue.push(w, nh, cost + fw.cost[e]! + penalty, l);
      }
      if (queue.size > 0) this.#back.exhausted = false;
      return 1 + 8 * count;
    }
    for (let e = start; e < end; e++) {
      const w = target[e]!;
      if (xMark[w] === epoch || (mark !== null && mark[w] !== epoch)) continue;
      if (bStamp[w] === epoch && (!limited || this.#bHops[this.#bHead[w]!]! <= nh)) continue;
      queue.push(w, nh, cost + arcCost[e]! + penalty, l);
    }
    if (queue.size > 0) this.#back.exhausted = false;
    return 1 + end - start;
  }

  /**
   * Whether the sources and the people one hop from them are marked, marking
   * them once they pay: the backward half is about to read `arcs` arcs that
   * they would narrow; once such arcs add up to what marking costs (the
   * sources' rows), they are marked (as the levels around the targets).
   */
  private ring(arcs: number): boolean {
    if (this.#ringCount >= 0) return true;
    const fw = this.fw;
    if (this.#ringCost < 0) {
      let sum = 0;
      for (let i = 0; i < this.#sourceCount; i++) sum += fw.size(this.#sourceList[i]!);
      this.#ringCost = sum;
    }
    this.#ringCredit += LEVEL_CREDIT * arcs;
    if (this.#ringCost > this.#ringCredit) return false;
    this.#ringCount = 0;
    for (let i = 0; i < this.#sourceCount; i++) {
      const u = this.#sourceList[i]!;
      this.addToRing(u);
      for (let e = fw.start[u]!; e < fw.end[u]!; e++) this.addToRing(fw.target[e]!);
    }
    return true;
  }

  private addToRing(w: number): void {
    if (this.#ringMark[w] === this.#bEpoch) return;
    this.#ringMark[w] = this.#bEpoch;
    this.#ringList = grow(this.#ringList, this.#ringCount + 1);
    this.#ringList[this.#ringCount++] = w;
  }

  /** The cheapest settled backward label of `v` with at most `r` hops, or −1. */
  private backLabel(v: number, r: number): number {
    if (this.#bStamp[v] !== this.#bEpoch) return -1;
    let best = -1;
    for (let l = this.#bHead[v]!; l >= 0; l = this.#bNext[l]!) {
      if (this.#bHops[l]! > r) break;
      best = l; // later in the list: more hops, less cost
    }
    return best;
  }

  /** A lower bound on the cost from v to a target within r hops. */
  private lowerBound(v: number, r: number): number {
    const l = this.backLabel(v, r);
    return l >= 0 ? this.#bCost[l]! : this.radius();
  }

  // ---- forward ----

  /** Whether (cost c, hops h, node x via parent label px) comes before (c2, h2, y via py). */
  private less(c: number, h: number, x: number, px: number, c2: number, h2: number, y: number, py: number): boolean {
    if (c !== c2) return c < c2;
    if (h !== h2) return h < h2;
    // Same cost and hops: walk both parent chains back in step; the difference closest to the source decides.
    const before = this.before;
    let decision = false;
    for (;;) {
      if (x !== y) decision = before === null ? x < y : before(x, y);
      if (px < 0 || py < 0) break;
      x = this.#fNode[px]!;
      y = this.#fNode[py]!;
      px = this.#fParent[px]!;
      py = this.#fParent[py]!;
    }
    return decision;
  }

  private entryLess(i: number, j: number): boolean {
    return this.less(
      this.#hCost[i]!,
      this.#hHops[i]!,
      this.#fNode[this.#hLabel[i]!]!,
      this.#hParent[i]!,
      this.#hCost[j]!,
      this.#hHops[j]!,
      this.#fNode[this.#hLabel[j]!]!,
      this.#hParent[j]!,
    );
  }

  private hPush(label: number, cost: number, hops: number, parent: number): void {
    if (this.#hSize === this.#hLabel.length) {
      const n = this.#hSize * 2;
      this.#hLabel = grow(this.#hLabel, n);
      this.#hCost = grow(this.#hCost, n);
      this.#hParent = grow(this.#hParent, n);
      this.#hHops = grow(this.#hHops, n);
    }
    let i = this.#hSize++;
    const x = this.#fNode[label]!;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (
        !this.less(
          cost,
          hops,
          x,
          parent,
          this.#hCost[up]!,
          this.#hHops[up]!,
          this.#fNode[this.#hLabel[up]!]!,
          this.#hParent[up]!,
        )
      )
        break;
      this.#hLabel[i] = this.#hLabel[up]!;
      this.#hCost[i] = this.#hCost[up]!;
      this.#hParent[i] = this.#hParent[up]!;
      this.#hHops[i] = this.#hHops[up]!;
      i = up;
    }
    this.#hLabel[i] = label;
    this.#hCost[i] = cost;
    this.#hParent[i] = parent;
    this.#hHops[i] = hops;
  }

  private hPop(): void {
    const last = --this.#hSize;
    const label = this.#hLabel[last]!;
    const cost = this.#hCost[last]!;
    const parent = this.#hParent[last]!;
    const hops = this.#hHops[last]!;
    const x = this.#fNode[label]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && this.entryLess(child + 1, child)) child++;
      if (
        !this.less(
          this.#hCost[child]!,
          this.#hHops[child]!,
          this.#fNode[this.#hLabel[child]!]!,
          this.#hParent[child]!,
          cost,
          hops,
          x,
          parent,
        )
      )
        break;
      this.#hLabel[i] = this.#hLabel[child]!;
      this.#hCost[i] = this.#hCost[child]!;
      this.#hParent[i] = this.#hParent[child]!;
      this.#hHops[i] = this.#hHops[child]!;
      i = child;
    }
    this.#hLabel[i] = label;
    this.#hCost[i] = cost;
    this.#hParent[i] = parent;
    this.#hHops[i] = hops;
  }

  /**
   * With no hop limit, whether a path to v with `hops` hops and cost `cost`
   * can be dropped for another label of v (not `self`): one with no more hops
   * and no larger cost, or one cheaper by more than rounding can undo (1e−9
   * relative), since then no extension of this path can come first. A label
   * with fewer hops whose cost is equal up to rounding is kept: a suffix's
   * rounding may make the two totals equal, and then fewer hops come first.
   */
  private dominated(v: number, hops: number, cost: number, self: number): boolean {
    for (let x = this.#fHead[v]!; x >= 0; x = this.#fNext[x]!) {
      if (x === self) continue;
      const hx = this.#fHops[x]!;
      const cx = this.#fCost[x]!;
      if (hx === hops) continue; // the same state: compared by `less`
      if ((hx < hops && cx <= cost) || cx < cost - 1e-9 * (1 + cx)) return true;
    }
    return false;
  }

  /** The forward label of (v, hops), created if absent. */
  private labelOf(v: number, hops: number): number {
    if (this.#fStamp[v] === this.#fEpoch) {
      for (let l = this.#fHead[v]!; l >= 0; l = this.#fNext[l]!) if (this.#fHops[l] === hops) return l;
    } else {
      this.#fStamp[v] = this.#fEpoch;
      this.#fHead[v] = -1;
      this.#fSettled[v] = NONE;
    }
    const l = this.#fCount++;
    if (l === this.#fNode.length) {
      const n = l * 2;
      this.#fNode = grow(this.#fNode, n);
      this.#fHops = grow(this.#fHops, n);
      this.#fCost = grow(this.#fCost, n);
      this.#fParent = grow(this.#fParent, n);
      this.#fNext = grow(this.#fNext, n);
      this.#fDone = grow(this.#fDone, n);
    }
    this.#fNode[l] = v;
    this.#fHops[l] = hops;
    this.#fCost[l] = Infinity;
    this.#fParent[l] = -2;
    this.#fNext[l] = this.#fHead[v]!;
    this.#fDone[l] = 0;
    this.#fHead[v] = l;
    return l;
  }

  private pathOf(l: number): number[] {
    const out: number[] = [];
    for (let x = l; x >= 0; x = this.#fParent[x]!) out.push(this.#fNode[x]!);
    return out.reverse();
  }

  /** Whether the backward chain from label l reaches a target avoiding blocked people and the starts. */
  private chainUsable(l: number, blockArcs: Set<number> | null): boolean {
    const first = this.#bParent[l]!;
    // From a start, the chain's first arc may be a blocked one.
    if (
      blockArcs !== null &&
      first >= 0 &&
      this.#startMark[this.#bNode[l]!] === this.#sEpoch &&
      blockArcs.has(this.fw.arc(this.#bNode[l]!, this.#bNode[first]!))
    )
      return false;
    for (let x = first; x >= 0; x = this.#bParent[x]!) {
      const v = this.#bNode[x]!;
      if (this.#startMark[v] === this.#sEpoch || this.#blockMark[v] === this.#sEpoch) return false;
    }
    return true;
  }

  /**
   * The best path from `sources` (all at cost 0) to a target of the current
   * query, with at most `hops` arcs (≤ the query's), avoiding `blocked` (or
   * only the query's excluded people when null), whose cost is at most
   * `bound` (+∞: any). Null when there is none.
   */
  search(sources: ArrayLike<number>, hops: number, blocked: Blocked | null, bound: number): Path | null {
    const blockArcs = this.begin(sources, blocked);
    const limited = this.#back.maxHops !== UNLIMITED;
    const tMark = this.#tMark;
    const bEpoch = this.#bEpoch;
    const sEpoch = this.#sEpoch;
    let limit = slack(bound);
    let fWork = 0;
    let bWork = 0;
    while (this.#hSize > 0) {
      // Advance the side that has done less work; the backward side only while it can still tighten a bound.
      if (!this.#back.exhausted && bWork <= fWork && this.radius() <= limit) {
        bWork += this.backStep();
        continue;
      }
      const l = this.#hLabel[0]!;
      const c = this.#hCost[0]!;
      const p = this.#hParent[0]!;
      const h = this.#hHops[0]!;
      this.hPop();
      if (this.#fDone[l] || c !== this.#fCost[l] || p !== this.#fParent[l] || h !== this.#fHops[l]) continue; // stale entry
      this.#fDone[l] = 1;
      const u = this.#fNode[l]!;
      if (tMark[u] === bEpoch && this.#startMark[u] !== sEpoch) return { nodes: this.pathOf(l), cost: c };
      fWork++;
      if (h >= hops) continue;
      // Dominance: a state of u settled earlier had no larger cost and fewer hops (with no hop limit: or a cost
      // lower beyond rounding, see `dominated`).
      if (this.#fSettled[u]! <= h || (!limited && this.dominated(u, h, c, l))) continue;
      this.#fSettled[u] = h;
      const left = limited ? hops - h : UNLIMITED;
      // The best chain through u that the backward search knows: an upper bound.
      const bl = this.backLabel(u, left);
      if (bl >= 0) {
        const through = c + this.#bCost[bl]!;
        if (through < bound && this.chainUsable(bl, blockArcs)) {
          bound = through;
          limit = slack(bound);
        }
        if (through > limit) continue;
      } else if (c + this.radius() > limit) continue;
      const nh = h + 1;
      const rest = limited ? hops - nh : UNLIMITED; // hops left after the next one
      fWork += this.expand(u, l, c, nh, rest, limit, blockArcs);
    }
    return null;
  }

  /**
   * Starts a forward search: new epochs, the blocked people marked, the
   * sources pushed at cost 0. Returns the blocked arcs (null: none).
   */
  private begin(sources: ArrayLike<number>, blocked: Blocked | null): Set<number> | null {
    this.grow(this.fw.n);
    this.#fEpoch = BoundedSearch.next(this.#fEpoch, [this.#fStamp]);
    this.#sEpoch = BoundedSearch.next(this.#sEpoch, [this.#startMark, this.#blockMark]);
    this.#fCount = 0;
    this.#hSize = 0;
    const sEpoch = this.#sEpoch;
    if (blocked !== null) for (const v of blocked.nodes) this.#blockMark[v] = sEpoch;
    for (let i = 0; i < sources.length; i++) {
      const s = sources[i]!;
      this.#startMark[s] = sEpoch;
      const l = this.labelOf(s, 0);
      this.#fCost[l] = 0;
      this.#fParent[l] = -1;
      this.hPush(l, 0, 0, -1);
    }
    return blocked === null || blocked.arcs.size === 0 ? null : blocked.arcs;
  }

  /**
   * Expands the state of u (label l, cost c) to the people it reaches with
   * nh hops, `rest` hops left after that: relaxes the arcs of u's row, or,
   * when the next person must be one of the few within `rest` hops of a
   * target, only the arcs to them. Returns the forward work done (arcs read).
   */
  private expand(
    u: number,
    l: number,
    c: number,
    nh: number,
    rest: number,
    limit: number,
    blockArcs: Set<number> | null,
  ): number {
    const rows = this.fw;
    if (rest > this.#depth && !this.#levelsDone) this.deepen(rest, rows.size(u));
    this.#curC = c;
    this.#curNh = nh;
    this.#curRest = rest;
    this.#curL = l;
    this.#curLimit = limit;
    this.#curPenalty = this.#back.hopPenalty;
    this.#curLimited = this.#back.maxHops !== UNLIMITED;
    this.#curBlockArcs = blockArcs;
    if (
      rows.lazy &&
      !rows.ready(u) &&
      rest < this.#depth &&
      blockArcs === null &&
      this.#levelEnd[rest]! * 8 < rows.size(u)
    ) {
      // A row not read yet (a hub, say) whose next person must be one of a few, whose reversed rows are read:
      // find u in theirs instead of reading u's.
      const bw = this.bw;
      const few = this.#levelEnd[rest]!;
      for (let i = 0; i < few; i++) {
        const v = this.#levelNodes[i]!;
        const e = bw.arc(v, u);
        if (e >= 0) this.relax(-1, v, bw.cost[e]!);
      }
      return few * 4;
    }
    if (rows.lazy) {
      rows.load(u);
      this.grow(rows.n);
    }
    const start = rows.start[u]!;
    const end = rows.end[u]!;
    if (rest <= this.#depth) {
      // The next person must be at most `rest` hops from a target: the list of those may be shorter than the row.
      const few = this.#levelEnd[rest]!;
      if (few * 8 < end - start) {
        for (let i = 0; i < few; i++) {
          const v = this.#levelNodes[i]!;
          const e = rows.arc(u, v);
          if (e >= 0) this.relax(e, v, rows.cost[e]!);
        }
        return few * 4;
      }
    }
    const target = rows.target;
    const arcCost = rows.cost;
    for (let e = start; e < end; e++) this.relax(e, target[e]!, arcCost[e]!);
    return end - start;
  }

  // The state of the expansion in progress (fields, not an object: one is set for every state expanded): cost, hops
  // after the arc, hops left after it, label, bound, hop penalty, whether hops are limited, blocked arcs.
  #curC = 0;
  #curNh = 0;
  #curRest = 0;
  #curL = 0;
  #curLimit = 0;
  #curPenalty = 0;
  #curLimited = true;
  #curBlockArcs: Set<number> | null = null;

  /** Relaxes the arc e (−1: found in a reversed row) to v, of cost `arcCost`, from the state being expanded. */
  private relax(e: number, v: number, arcCost: number): void {
    const c = this.#curC;
    const nh = this.#curNh;
    const rest = this.#curRest;
    const l = this.#curL;
    const limit = this.#curLimit;
    const penalty = this.#curPenalty;
    const limited = this.#curLimited;
    const blockArcs = this.#curBlockArcs;
    const bEpoch = this.#bEpoch;
    const sEpoch = this.#sEpoch;
    if (this.#xMark[v] === bEpoch || this.#blockMark[v] === sEpoch || this.#startMark[v] === sEpoch) return;
    if (rest <= this.#depth && (this.#hopStamp[v] !== bEpoch || this.#hopDist[v]! > rest)) return; // too far from every target
    if (blockArcs !== null && blockArcs.has(e)) return;
    // v already expanded with no more hops, or (no hop limit) reached more cheaply beyond rounding.
    if (
      this.#fStamp[v] === this.#fEpoch &&
      (this.#fSettled[v]! <= nh || (!limited && this.dominated(v, nh, c + arcCost + penalty, -1)))
    )
      return;
    const nc = c + arcCost + penalty;
    if (nc + this.lowerBound(v, rest) > limit) return;
    const lv = this.labelOf(v, nh);
    if (this.#fDone[lv]) return;
    const oc = this.#fCost[lv]!;
    if (nc < oc || (nc === oc && this.less(nc, nh, v, l, oc, this.#fHops[lv]!, v, this.#fParent[lv]!))) {
      this.#fCost[lv] = nc;
      this.#fParent[lv] = l;
      this.#fHops[lv] = nh;
      this.hPush(lv, nc, nh, l);
    }
  }
}
