/**
 * Growable typed arrays: the label pools, heaps and per-person marks of the
 * search grow by doubling, so that a finder allocates them once.
 *
 * @module
 * @internal
 */

type Typed = Int32Array | Uint32Array | Float64Array | Uint8Array;

/**
 * `a`, or a copy with room for at least n elements (doubling).
 *
 * @example
 * ```ts
 * grow(new Int32Array(4), 5).length; // 8
 * ```
 */
export function grow<T extends Typed>(a: T, n: number): T {
  if (n <= a.length) return a;
  const b = new (a.constructor as new (size: number) => T)(Math.max(n, a.length * 2));
  b.set(a as never);
  return b;
}
