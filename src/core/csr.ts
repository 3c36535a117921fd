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
 * The first pass of a counting sort: how many of the ids `0 .. m − 1` have
 * each key in `0 .. n − 1`, summed up, so that the ids of key v go to
 * `offset[v] .. offset[v + 1]`. O(m + n).
 *
 * @example
 * ```ts
 * keyOffsets(3, [2, 0, 2]); // Int32Array [0, 1, 1, 3]
 * ```
 */
export function keyOffsets(n: number, key: ArrayLike<number>, m: number = key.length): Int32Array {
  const offset = new Int32Array(n + 1);
  for (let id = 0; id < m; id++) offset[key[id]! + 1]!++;
  for (let v = 0; v < n; v++) offset[v + 1]! += offset[v]!;
  return offset;
}

/**
 * A stable counting sort of ids by an integer key in `0 .. n − 1`: `order`
 * lists the ids `0 .. key.length − 1` (taken in the order `input` gives, or
 * ascending) sorted by `key[id]`, and the ids of key v are
 * `order[offset[v] .. offset[v + 1]]`. O(ids + n).
 */
export function countingSort(
  n: number,
  key: ArrayLike<number>,
  input: Int32Array | null = null,
): { order: Int32Array; offset: Int32Array } {
  const m = key.length;
  // keyOffsets' pass, written out: countingSort is in every bundle, keyOffsets only in the finder's.
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
 * Builds a weighted CSR from arcs u → v with weight w: two stable counting
 * sorts (by v, then by u; O(m + n), so a hub's row costs its length, not its
 * square), then parallel arcs merged with `merge` (e.g. a sum, or the
 * larger), in input order.
 *
 * @example
 * ```ts
 * buildCsr(3, [0, 0, 2], [2, 1, 0], [1, 1, 5], (a, b) => a + b);
 * // { offset: [0, 2, 2, 3], target: [1, 2, 0], weight: [1, 1, 5] }
 * ```
 */
export function buildCsr(
  n: number,
  us: ArrayLike<number>,
  vs: ArrayLike<number>,
  ws: ArrayLike<number>,
  merge: (a: number, b: number) => number,
): WeightedCsr {
  const m = us.length;
  const { order, offset: count } = countingSort(n, us, countingSort(n, vs).order);
  const offset = new Int32Array(n + 1);
  const tv = new Int32Array(m);
  const tw = new Float64Array(m);
  let out = 0;
  for (let u = 0; u < n; u++) {
    offset[u] = out;
    const lo = count[u]!;
    for (let slot = lo; slot < count[u + 1]!; slot++) {
      const i = order[slot]!;
      const v = vs[i]!;
      if (slot > lo && tv[out - 1] === v) {
        tw[out - 1] = merge(tw[out - 1]!, ws[i]!);
      } else {
        tv[out] = v;
        tw[out] = ws[i]!;
        out++;
      }
    }
  }
  offset[n] = out;
  return { offset, target: tv.slice(0, out), weight: tw.slice(0, out) };
}
