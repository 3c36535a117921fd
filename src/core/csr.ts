/**
 * Compressed sparse rows: the shared lookup.
 *
 * @module
 * @internal
 */

/**
 * The position of `v` in row `u` of a CSR whose rows are sorted
 * (`values[offset[u] .. offset[u + 1]]`), by binary search; −1 if absent.
 */
export function findInRow(offset: Int32Array, values: Int32Array, u: number, v: number): number {
  let lo = offset[u]!;
  let hi = offset[u + 1]!;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo < offset[u + 1]! && values[lo] === v ? lo : -1;
}

/**
 * A stable counting sort of ids by an integer key in `0 .. n − 1`: `order`
 * lists the ids `0 .. key.length − 1` (taken in the order `input` gives, or
 * ascending) sorted by `key[id]`, and the ids of key v are
 * `order[offset[v] .. offset[v + 1]]`. O(ids + n).
 */
export function countingSort(n: number, key: ArrayLike<number>, input: Int32Array | null = null): { order: Int32Array; offset: Int32Array } {
  const m = key.length;
  const offset = new Int32Array(n + 1);
  for (let id = 0; id < m; id++) offset[key[id]! + 1]!++;
  for (let v = 0; v < n; v++) offset[v + 1]! += offset[v]!;
  const fill = offset.slice(0, n);
  const order = new Int32Array(m);
  for (let x = 0; x < m; x++) {
    const id = input === null ? x : input[x]!;
    order[fill[key[id]!]!++] = id;
  }
  return { order, offset };
}

/** A weighted CSR: row u holds `target[offset[u] .. offset[u + 1]]`, sorted, with `weight`. */
export interface WeightedCsr {
  offset: Int32Array;
  target: Int32Array;
  weight: Float64Array;
}

/**
 * Builds a weighted CSR from arcs u → v with weight w: a counting sort by u,
 * an insertion sort of each (short) row by v, and parallel arcs merged with
 * `merge` (e.g. a sum, or the larger).
 */
export function buildCsr(n: number, us: ArrayLike<number>, vs: ArrayLike<number>, ws: ArrayLike<number>, merge: (a: number, b: number) => number): WeightedCsr {
  const m = us.length;
  const { order, offset: count } = countingSort(n, us);
  const tv = new Int32Array(m);
  const tw = new Float64Array(m);
  for (let slot = 0; slot < m; slot++) {
    const i = order[slot]!;
    tv[slot] = vs[i]!;
    tw[slot] = ws[i]!;
  }
  const offset = new Int32Array(n + 1);
  let out = 0;
  for (let u = 0; u < n; u++) {
    const lo = count[u]!;
    const hi = count[u + 1]!;
    for (let i = lo + 1; i < hi; i++) {
      const v = tv[i]!;
      const w = tw[i]!;
      let j = i - 1;
      while (j >= lo && tv[j]! > v) {
        tv[j + 1] = tv[j]!;
        tw[j + 1] = tw[j]!;
        j--;
      }
      tv[j + 1] = v;
      tw[j + 1] = w;
    }
    offset[u] = out;
    for (let i = lo; i < hi; i++) {
      if (i > lo && tv[i - 1] === tv[i]) {
        tw[out - 1] = merge(tw[out - 1]!, tw[i]!);
      } else {
        tv[out] = tv[i]!;
        tw[out] = tw[i]!;
        out++;
      }
    }
  }
  offset[n] = out;
  return { offset, target: tv.slice(0, out), weight: tw.slice(0, out) };
}
