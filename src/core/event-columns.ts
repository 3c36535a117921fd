/**
 * Building blocks of the interaction index: a hash table of dyads, the
 * sorting of each dyad's events in their content order (an in-place merge of
 * its two runs, or a natural merge sort) and the node → dyads rows. All live in typed
 * arrays, off the JS heap, so that building an index leaves the garbage
 * collector little to trace.
 *
 * @module
 * @internal
 */
import { countingSort } from './csr.js';
import { compareKeys } from './graph.js';

/** Dyads by pair key `A * n + B`: ids 0, 1, … in order of first sight, and each id's key. */
export interface DyadTable {
  /** The id of `key`, adding it when new. */
  idOf(key: number): number;
  /** Pair key of each dyad id (may hold spare slots past the last id). */
  readonly keys: ArrayLike<number>;
}

/**
 * A {@link DyadTable} in a `Map`: for the few dyads around a pair, where
 * {@link PairTable}'s typed arrays would only add code to the pair's bundle.
 */
export function smallTable(): DyadTable {
  const ids = new Map<number, number>();
  const keys: number[] = [];
  return { keys, idOf: (key) => ids.get(key) ?? (ids.set(key, keys.length), keys.push(key) - 1) };
}

/**
 * Dyads by pair key `A * n + B` (an integer below 2^53): open addressing with
 * linear probing over typed arrays, in place of a `Map` of tens of thousands of
 * entries that would live on the heap for the whole build.
 */
export class PairTable implements DyadTable {
  /** Number of dyads; ids are 0 .. size − 1 in order of first sight. */
  size = 0;
  /** Pair key of each dyad id. */
  keys = new Float64Array(64);
  private slotKey = new Float64Array(128).fill(-1);
  private slotId = new Int32Array(128);

  /** The id of `key`, adding it when new. */
  idOf(key: number): number {
    const mask = this.slotKey.length - 1;
    // Fibonacci hashing of the low and high words.
    let h = (Math.imul((key | 0) ^ Math.imul((key / 4294967296) | 0, 0x85ebca6b), 0x9e3779b1) >>> 0) & mask;
    for (;;) {
      const k = this.slotKey[h]!;
      if (k === key) return this.slotId[h]!;
      if (k === -1) break;
      h = (h + 1) & mask;
    }
    const id = this.size++;
    if (id === this.keys.length) {
      const next = new Float64Array(2 * id);
      next.set(this.keys);
      this.keys = next;
    }
    this.keys[id] = key;
    if (2 * this.size > this.slotKey.length) {
      this.rehash();
      return id;
    }
    this.slotKey[h] = key;
    this.slotId[h] = id;
    return id;
  }

  private rehash(): void {
    const capacity = this.slotKey.length * 2;
    this.slotKey = new Float64Array(capacity).fill(-1);
    this.slotId = new Int32Array(capacity);
    const mask = capacity - 1;
    for (let id = 0; id < this.size; id++) {
      const key = this.keys[id]!;
      let h = (Math.imul((key | 0) ^ Math.imul((key / 4294967296) | 0, 0x85ebca6b), 0x9e3779b1) >>> 0) & mask;
      while (this.slotKey[h] !== -1) h = (h + 1) & mask;
      this.slotKey[h] = key;
      this.slotId[h] = id;
    }
  }
}

/**
 * The content order of two events of a dyad at the same time: the side that
 * initiated (0, the dyad's lower key, first), then the kind's name in
 * code-unit order (`rx`, `ry`: ranks from {@link kindRanks}), then the weight.
 * Negative when x comes first, 0 when the two are identical in every column.
 * Only called when times tie, which is rare, so the hot comparison stays one
 * of times.
 */
export function tieOrder(dx: number, rx: number, wx: number, dy: number, ry: number, wy: number): number {
  return dx - dy || rx - ry || wx - wy;
}

/**
 * Each kind id's rank when kinds are sorted by name in code-unit order (ties
 * between equal names, the implicit kind and a user kind named alike, by id):
 * the order of kinds in {@link tieOrder}, independent of catalogue ids.
 */
export function kindRanks(names: readonly string[]): Uint16Array {
  const ids = names.map((_, id) => id).sort((x, y) => compareKeys(names[x]!, names[y]!) || x - y);
  const rank = new Uint16Array(names.length);
  ids.forEach((id, r) => (rank[id] = r));
  return rank;
}

/**
 * Sorts the slice `lo .. hi` of a dyad's event columns in the content order;
 * `mid` ends its first run when the slice is two sorted runs, else it is −1.
 */
export type SliceSorter = (
  lo: number,
  mid: number,
  hi: number,
  time: Float64Array,
  dir: Uint8Array,
  kind: Uint16Array,
  weight: Float64Array | null,
) => void;

/**
 * A {@link SliceSorter} by one comparison sort (a plain array's, which
 * merges natural runs) of the slice's positions: for the few events around a
 * pair. The content order is total on what the columns hold, so it writes the
 * same bytes as {@link mergeSorter}.
 *
 * @param rank - kind id → rank of its name (see {@link kindRanks}).
 */
export function comparisonSorter(rank: Uint16Array): SliceSorter {
  return (lo, _mid, hi, time, dir, kind, weight) => {
    const w = (e: number) => (weight === null ? 1 : weight[e]!);
    const order: number[] = [];
    for (let e = lo; e < hi; e++) order.push(e);
    order.sort(
      (x, y) => time[x]! - time[y]! || tieOrder(dir[x]!, rank[kind[x]!]!, w(x), dir[y]!, rank[kind[y]!]!, w(y)),
    );
    for (const column of weight === null ? [time, dir, kind] : [time, dir, kind, weight])
      column.set(
        order.map((e) => column[e]!),
        lo,
      );
  };
}

/**
 * The whole network's {@link SliceSorter}: a {@link DyadSorter} (one merge
 * for two sorted runs, a natural merge sort otherwise), its scratch buffers
 * reused from dyad to dyad.
 */
export function mergeSorter(rank: Uint16Array): SliceSorter {
  const sorter = new DyadSorter(rank);
  return (lo, mid, hi, time, dir, kind, weight) =>
    mid < 0 ? sorter.sort(lo, hi, time, dir, kind, weight) : sorter.mergeTwo(lo, mid, hi, time, dir, kind, weight);
}

/**
 * Sorts a dyad's slice of the event columns in the content order: by time,
 * then (equal times) by {@link tieOrder}, so that the same interactions give
 * the same columns whatever order the edges and lists were read in. The slice
 * is a few sorted runs (one per edge), so a natural merge sort does it in
 * near-linear time.
 */
export class DyadSorter {
  private perm = new Int32Array(64);
  private tmp = new Int32Array(64);
  private f64 = new Float64Array(64);
  private f64b = new Float64Array(64);
  private u8 = new Uint8Array(64);
  private u16 = new Uint16Array(64);

  /** @param rank - kind id → rank of its name (see {@link kindRanks}). */
  constructor(private readonly rank: Uint16Array) {}

  /** Whether the event at x comes before the one at y (content order; columns of one dyad). */
  private before(
    x: number,
    y: number,
    time: Float64Array,
    dir: Uint8Array,
    kind: Uint16Array,
    weight: Float64Array | null,
  ): boolean {
    const tx = time[x]!;
    const ty = time[y]!;
    if (tx !== ty) return tx < ty;
    const rank = this.rank;
    return (
      tieOrder(
        dir[x]!,
        rank[kind[x]!]!,
        weight === null ? 1 : weight[x]!,
        dir[y]!,
        rank[kind[y]!]!,
        weight === null ? 1 : weight[y]!,
      ) < 0
    );
  }

  /** Grows the scratch buffers to hold `len` events (doubling). */
  private reserve(len: number): void {
    if (this.perm.length >= len) return;
    let size = this.perm.length;
    while (size < len) size *= 2;
    this.perm = new Int32Array(size);
    this.tmp = new Int32Array(size);
    this.f64 = new Float64Array(size);
    this.f64b = new Float64Array(size);
    this.u8 = new Uint8Array(size);
    this.u16 = new Uint16Array(size);
  }

  /**
   * Merges two sorted runs `lo .. mid` and `mid .. hi` in place (equal times
   * by {@link tieOrder}; identical events take the first run): the first run
   * is copied aside, then the merge writes from the front, never overtaking
   * the second run's reader.
   */
  mergeTwo(
    lo: number,
    mid: number,
    hi: number,
    time: Float64Array,
    dir: Uint8Array,
    kind: Uint16Array,
    weight: Float64Array | null,
  ): void {
    const len = mid - lo;
    this.reserve(len);
    const at = this.f64;
    const di = this.u8;
    const ki = this.u16;
    const we = this.f64b;
    for (let x = 0; x < len; x++) {
      at[x] = time[lo + x]!;
      di[x] = dir[lo + x]!;
      ki[x] = kind[lo + x]!;
    }
    if (weight !== null) for (let x = 0; x < len; x++) we[x] = weight[lo + x]!;
    const rank = this.rank;
    let i = 0;
    let j = mid;
    let w = lo;
    while (i < len && j < hi) {
      const tj = time[j]!;
      const ti = at[i]!;
      if (
        tj < ti ||
        (tj === ti &&
          tieOrder(
            dir[j]!,
            rank[kind[j]!]!,
            weight === null ? 1 : weight[j]!,
            di[i]!,
            rank[ki[i]!]!,
            weight === null ? 1 : we[i]!,
          ) < 0)
      ) {
        time[w] = time[j]!;
        dir[w] = dir[j]!;
        kind[w] = kind[j]!;
        if (weight !== null) weight[w] = weight[j]!;
        j++;
      } else {
        time[w] = at[i]!;
        dir[w] = di[i]!;
        kind[w] = ki[i]!;
        if (weight !== null) weight[w] = we[i]!;
        i++;
      }
      w++;
    }
    for (; i < len; i++, w++) {
      time[w] = at[i]!;
      dir[w] = di[i]!;
      kind[w] = ki[i]!;
      if (weight !== null) weight[w] = we[i]!;
    }
    // What is left of the second run is already in place.
  }

  /** Sorts `lo .. hi` in the content order (a natural merge sort of its runs; a comparison sort for many runs). */
  sort(
    lo: number,
    hi: number,
    time: Float64Array,
    dir: Uint8Array,
    kind: Uint16Array,
    weight: Float64Array | null,
  ): void {
    const len = hi - lo;
    this.reserve(len);
    let perm = this.perm;
    let tmp = this.tmp;
    // Run boundaries.
    const runs: number[] = [0];
    for (let i = 1; i < len; i++) if (this.before(lo + i, lo + i - 1, time, dir, kind, weight)) runs.push(i);
    runs.push(len);
    if (runs.length === 3) {
      // The common case, A→B then B→A: one merge straight into the permutation.
      const mid = runs[1]!;
      let i = 0;
      let j = mid;
      let k = 0;
      while (i < mid && j < len) perm[k++] = this.before(lo + j, lo + i, time, dir, kind, weight) ? j++ : i++;
      while (i < mid) perm[k++] = i++;
      while (j < len) perm[k++] = j++;
    } else if (runs.length > 34) {
      // Many runs: one comparison sort, which merges natural runs too.
      comparisonSorter(this.rank)(lo, -1, hi, time, dir, kind, weight);
      return;
    } else {
      // Merge adjacent runs until one is left; ties take the left run (stable).
      for (let i = 0; i < len; i++) perm[i] = i;
      let bounds = runs;
      while (bounds.length > 2) {
        const next: number[] = [0];
        for (let r = 0; r + 1 < bounds.length; r += 2) {
          const start = bounds[r]!;
          const mid = bounds[r + 1]!;
          const end = r + 2 < bounds.length ? bounds[r + 2]! : mid;
          let i = start;
          let j = mid;
          let k = start;
          while (i < mid && j < end)
            tmp[k++] = this.before(lo + perm[j]!, lo + perm[i]!, time, dir, kind, weight) ? perm[j++]! : perm[i++]!;
          while (i < mid) tmp[k++] = perm[i++]!;
          while (j < end) tmp[k++] = perm[j++]!;
          next.push(end);
        }
        [perm, tmp] = [tmp, perm];
        bounds = next;
      }
    }
    const f64 = this.f64;
    for (let i = 0; i < len; i++) f64[i] = time[lo + perm[i]!]!;
    time.set(f64.subarray(0, len), lo);
    if (weight !== null) {
      for (let i = 0; i < len; i++) f64[i] = weight[lo + perm[i]!]!;
      weight.set(f64.subarray(0, len), lo);
    }
    const u8 = this.u8;
    for (let i = 0; i < len; i++) u8[i] = dir[lo + perm[i]!]!;
    dir.set(u8.subarray(0, len), lo);
    const u16 = this.u16;
    for (let i = 0; i < len; i++) u16[i] = kind[lo + perm[i]!]!;
    kind.set(u16.subarray(0, len), lo);
  }
}

/** The event columns of an index, in dyad order. */
export interface EventColumns {
  readonly eventOffset: Int32Array;
  readonly time: Float64Array;
  readonly weight: Float64Array | null;
  readonly dir: Uint8Array;
  readonly kind: Uint16Array;
}

/**
 * The runs written into each dyad's slice (one per edge read, each noted as
 * sorted or not), then the sort that puts each slice in time order.
 */
export class DyadRuns {
  /** Next free position of each dyad's slice. */
  readonly fill: Int32Array;
  private readonly runCount: Uint8Array; // saturates at 255
  private readonly firstRunEnd: Int32Array;
  private readonly unsorted: Uint8Array;

  constructor(private readonly eventOffset: Int32Array) {
    const D = eventOffset.length - 1;
    this.fill = eventOffset.slice(0, D);
    this.runCount = new Uint8Array(D);
    this.firstRunEnd = new Int32Array(D);
    this.unsorted = new Uint8Array(D);
  }

  /** Notes a run written into dyad `d`'s slice, ending at `end`. */
  add(d: number, end: number, sorted: boolean): void {
    if (this.runCount[d] === 0) this.firstRunEnd[d] = end;
    if (this.runCount[d]! < 255) this.runCount[d]!++;
    if (!sorted) this.unsorted[d] = 1;
    this.fill[d] = end;
  }

  /**
   * Sorts each dyad's events in the content order (time, then
   * {@link tieOrder}): nothing to do for one sorted run; one merge for two
   * sorted runs (A→B, B→A); a natural merge sort otherwise. Then closes the
   * holes that interactions skipped under `unknownKind: 'ignore'` left.
   *
   * @param sort - the sorter (see {@link mergeSorter}, {@link comparisonSorter}).
   */
  finish(columns: Omit<EventColumns, 'eventOffset'>, sort: SliceSorter): EventColumns {
    const { eventOffset, fill, runCount, unsorted, firstRunEnd } = this;
    const { time, dir, kind, weight } = columns;
    const D = fill.length;
    let holes = false;
    for (let d = 0; d < D; d++) {
      const runs = runCount[d]!;
      if (fill[d] !== eventOffset[d + 1]) holes = true;
      if (runs === 0 || (runs === 1 && unsorted[d] === 0)) continue;
      sort(eventOffset[d]!, runs === 2 && unsorted[d] === 0 ? firstRunEnd[d]! : -1, fill[d]!, time, dir, kind, weight);
    }
    if (!holes) return { eventOffset, time, weight, dir, kind };
    const compact = new Int32Array(D + 1);
    let w = 0;
    for (let d = 0; d < D; d++) {
      const lo = eventOffset[d]!;
      const hi = fill[d]!;
      compact[d] = w;
      if (w !== lo) {
        time.copyWithin(w, lo, hi);
        weight?.copyWithin(w, lo, hi);
        dir.copyWithin(w, lo, hi);
        kind.copyWithin(w, lo, hi);
      }
      w += hi - lo;
    }
    compact[D] = w;
    return {
      eventOffset: compact,
      time: time.slice(0, w),
      weight: weight && weight.slice(0, w),
      dir: dir.slice(0, w),
      kind: kind.slice(0, w),
    };
  }
}

/**
 * Node → dyads, CSR: the dyads of node i are `nodeDyads[nodeDyadOffset[i] ..
 * nodeDyadOffset[i + 1]]`, sorted by the other endpoint's id. Dyads are in
 * (A, B) order, so each group comes out sorted when a stable counting sort by
 * node takes the dyads where the node is B (other = A < node) before those
 * where it is A.
 */
export function nodeDyadIndex(
  n: number,
  dyadA: Int32Array,
  dyadB: Int32Array,
): { nodeDyadOffset: Int32Array; nodeDyads: Int32Array } {
  const D = dyadA.length;
  // Entry x < D is dyad x seen from its B end; entry D + x, dyad x from its A end.
  const ends = new Int32Array(2 * D);
  ends.set(dyadB);
  ends.set(dyadA, D);
  const { order, offset } = countingSort(n, ends);
  for (let i = 0; i < 2 * D; i++) if (order[i]! >= D) order[i]! -= D;
  return { nodeDyadOffset: offset, nodeDyads: order };
}
