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
