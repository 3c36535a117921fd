/**
 * Rows from arc lists: the CSR build of a finder's index, by counting sort,
 * and the reversed rows for the backward half of the search.
 *
 * @module
 * @internal
 */
import { keyOffsets } from '../core/csr.js';
import { Rows } from './rows.js';

/** Arcs u → v with p (and a stage code), as the build reads them: typed arrays sized once, released after the build. */
export interface ArcList {
  m: number;
  u: Int32Array;
  v: Int32Array;
  p: Float64Array;
  s: Uint8Array | null;
}

export function arcList(capacity: number, withStage: boolean): ArcList {
  const cap = Math.max(capacity, 1);
  return {
    m: 0,
    u: new Int32Array(cap),
    v: new Int32Array(cap),
    p: new Float64Array(cap),
    s: withStage ? new Uint8Array(cap) : null,
  };
}

/**
 * Rows from arcs u → v with p (and a stage code): a stable counting sort by
 * v, then by u (O(m + n), so a hub's row costs its length), each pass moving
 * the arcs' values along rather than an order to gather them by; then
 * parallel arcs (now side by side in a row) keep the largest p. The arc
 * lists' arrays become the rows' when they have the right size, and the
 * arrays of the first pass are handed back for the reversed rows (`spare`),
 * so that the build allocates (and the collector sees) less.
 */
export function buildRows(n: number, arcs: ArcList): { rows: Rows; spare: { t: Int32Array; p: Float64Array } | null } {
  const { m, u: us, v: vs, p: ps, s: ss } = arcs;
  const byV = keyOffsets(n, vs, m);
  const offset = keyOffsets(n, us, m);
  // By v: each arc's u, p and stage go to the slot of its v.
  const tu = new Int32Array(m);
  const tp = new Float64Array(m);
  const ts = ss === null ? null : new Uint8Array(m);
  const fillV = byV.slice(0, n);
  for (let i = 0; i < m; i++) {
    const slot = fillV[vs[i]!]!++;
    tu[slot] = us[i]!;
    tp[slot] = ps[i]!;
    if (ts !== null) ts[slot] = ss![i]!;
  }
  // Then by u, taking the v in ascending order: each row comes out sorted by target (into the arc lists' arrays,
  // no longer read, when they hold exactly m).
  const target = us.length === m ? us : new Int32Array(m);
  const probability = ps.length === m ? ps : new Float64Array(m);
  const stage = ts === null ? null : ss!.length === m ? ss! : new Uint8Array(m);
  const fillU = offset.slice(0, n);
  for (let v = 0; v < n; v++) {
    for (let slot = byV[v]!; slot < byV[v + 1]!; slot++) {
      const i = fillU[tu[slot]!]!++;
      target[i] = v;
      probability[i] = tp[slot]!;
      if (stage !== null) stage[i] = ts![slot]!;
    }
  }
  // Parallel arcs: the largest p (and the first one's stage), closing the rows up in place.
  let out = 0;
  for (let u = 0; u < n; u++) {
    const lo = offset[u]!;
    const hi = offset[u + 1]!;
    offset[u] = out;
    for (let i = lo; i < hi; i++) {
      const v = target[i]!;
      if (out > offset[u]! && target[out - 1] === v) {
        if (probability[i]! > probability[out - 1]!) probability[out - 1] = probability[i]!;
      } else {
        target[out] = v;
        probability[out] = probability[i]!;
        if (stage !== null) stage[out] = stage[i]!;
        out++;
      }
    }
  }
  offset[n] = out;
  const cost = new Float64Array(out);
  for (let i = 0; i < out; i++) cost[i] = -Math.log(probability[i]!);
  // Without parallel arcs (the common case) the arrays are the right size already: no copies.
  const fit = <T extends Int32Array | Float64Array | Uint8Array>(a: T): T => (out === m ? a : (a.slice(0, out) as T));
  return {
    rows: new Rows(n, offset, fit(target), cost, fit(probability), stage === null ? null : fit(stage)),
    spare: out === m ? { t: tu, p: tp } : null,
  };
}

/**
 * The reversed rows of built rows (v → u for every arc u → v, same p and
 * cost): one counting pass, taking the rows in order, so that each reversed
 * row comes out sorted.
 */
export function reversedRows(rows: Rows, spare: { t: Int32Array; p: Float64Array } | null): Rows {
  const { n, start, end, target, cost, probability } = rows;
  const m = target.length;
  const offset = keyOffsets(n, target);
  const fill = offset.slice(0, n);
  const bt = spare?.t ?? new Int32Array(m);
  const bc = new Float64Array(m);
  const bp = spare?.p ?? new Float64Array(m);
  for (let u = 0; u < n; u++) {
    for (let e = start[u]!; e < end[u]!; e++) {
      const i = fill[target[e]!]!++;
      bt[i] = u;
      bc[i] = cost[e]!;
      bp[i] = probability[e]!;
    }
  }
  return new Rows(n, offset, bt, bc, bp, null);
}
