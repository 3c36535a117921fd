/**
 * The heap of the backward half of the search: labels (person, hops, cost,
 * parent label) by cost, then fewer hops, in parallel typed arrays that grow
 * by doubling.
 *
 * @module
 * @internal
 */
import { grow } from './typed.js';

/** A binary min-heap of backward labels; the top is at index 0. */
export class BackwardQueue {
  node: Int32Array;
  hops: Int32Array;
  cost: Float64Array;
  parent: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.node = new Int32Array(capacity);
    this.hops = new Int32Array(capacity);
    this.cost = new Float64Array(capacity);
    this.parent = new Int32Array(capacity);
  }

  /** Bytes held by the arrays. */
  get bytes(): number {
    return this.node.byteLength + this.hops.byteLength + this.cost.byteLength + this.parent.byteLength;
  }

  private less(i: number, j: number): boolean {
    const a = this.cost[i]!;
    const b = this.cost[j]!;
    return a !== b ? a < b : this.hops[i]! < this.hops[j]!;
  }

  push(node: number, hops: number, cost: number, parent: number): void {
    if (this.size === this.node.length) {
      const n = this.size * 2;
      this.node = grow(this.node, n);
      this.hops = grow(this.hops, n);
      this.cost = grow(this.cost, n);
      this.parent = grow(this.parent, n);
    }
    let i = this.size++;
    const qn = this.node;
    const qh = this.hops;
    const qc = this.cost;
    const qp = this.parent;
    while (i > 0) {
      const up = (i - 1) >> 1;
      const c = qc[up]!;
      if (c < cost || (c === cost && qh[up]! <= hops)) break;
      qn[i] = qn[up]!;
      qh[i] = qh[up]!;
      qc[i] = c;
      qp[i] = qp[up]!;
      i = up;
    }
    qn[i] = node;
    qh[i] = hops;
    qc[i] = cost;
    qp[i] = parent;
  }

  /** Removes the top. */
  pop(): void {
    const qn = this.node;
    const qh = this.hops;
    const qc = this.cost;
    const qp = this.parent;
    const last = --this.size;
    const node = qn[last]!;
    const hops = qh[last]!;
    const cost = qc[last]!;
    const parent = qp[last]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && this.less(child + 1, child)) child++;
      const c = qc[child]!;
      if (c > cost || (c === cost && qh[child]! >= hops)) break;
      qn[i] = qn[child]!;
      qh[i] = qh[child]!;
      qc[i] = c;
      qp[i] = qp[child]!;
      i = child;
    }
    qn[i] = node;
    qh[i] = hops;
    qc[i] = cost;
    qp[i] = parent;
  }
}
