/**
 * The arcs a search reads: row u holds the arcs u → `target[start[u] ..
 * end[u]]`, sorted by target, with −ln p (`cost`) and p (`probability`).
 * Rows of a finder are built once (a CSR whose rows can be rewritten in place
 * or moved to the end, for `update`); rows of a one-shot question are read
 * from the graph when the search first reaches a person (`load`).
 *
 * @module
 * @internal
 */

/** Rows of arcs, possibly loaded on demand. */
export class Rows {
  /** Number of people with an id. */
  n: number;
  start: Int32Array;
  end: Int32Array;
  target: Int32Array;
  cost: Float64Array;
  probability: Float64Array;
  /** Stage code of each arc (strength mode), or null. */
  stage: Uint8Array | null;
  /** Room in use at the front of the arrays (moved rows leave holes in it). */
  used: number;
  /** Arcs in the rows (rows that can be updated). */
  private live: number;
  /** Whether rows are read on demand (then `load` must be called before a row is read). */
  readonly lazy: boolean;
  /** The loader of a lazy row: appends the arcs of `u` through `append` (any order, at most one per target). */
  private readonly loader: ((u: number, rows: Rows) => void) | null;
  private loaded: Uint8Array;

  constructor(
    n: number,
    offset: Int32Array,
    target: Int32Array,
    cost: Float64Array,
    probability: Float64Array,
    stage: Uint8Array | null,
    loader: ((u: number, rows: Rows) => void) | null = null,
  ) {
    this.n = n;
    this.start = offset.slice(0, n);
    this.end = offset.slice(1, n + 1);
    this.target = target;
    this.cost = cost;
    this.probability = probability;
    this.stage = stage;
    this.used = target.length;
    this.live = target.length;
    this.lazy = loader !== null;
    this.loader = loader;
    this.loaded = new Uint8Array(this.lazy ? Math.max(n, 16) : 0);
  }

  /** An upper bound on the length of a row not loaded yet (lazy rows: the person's degree in the graph). */
  private degree: ((u: number) => number) | null = null;

  /** Empty rows filled on demand by `loader`; `degree(u)` bounds a row's length before it is read. */
  static lazy(loader: (u: number, rows: Rows) => void, degree: (u: number) => number, withStage: boolean): Rows {
    const cap = 64;
    const rows = new Rows(
      0,
      new Int32Array(1),
      new Int32Array(cap),
      new Float64Array(cap),
      new Float64Array(cap),
      withStage ? new Uint8Array(cap) : null,
      loader,
    );
    rows.used = 0;
    rows.degree = degree;
    return rows;
  }

  /** The length of row u, or for a lazy row not read yet, an upper bound (without reading it). */
  size(u: number): number {
    return this.lazy && !this.loaded[u] ? this.degree!(u) : this.end[u]! - this.start[u]!;
  }

  /** Whether row u can be read without loading it. */
  ready(u: number): boolean {
    return !this.lazy || this.loaded[u] === 1;
  }

  /** The reversed rows (set by the owner; the same object when arcs are symmetric). */
  reverse: Rows | null = null;

  /**
   * The arc u → v as [rows, index]: in these rows, or, when row u is a lazy
   * row not read yet (a hub passed by), in v's reversed row, which holds the
   * same probability; reads whichever is shorter if neither is read.
   */
  hop(u: number, v: number): [Rows, number] {
    const back = this.reverse;
    if (back !== null && !this.ready(u)) {
      if (!back.ready(v) && back.size(v) > this.size(u)) this.load(u);
      else {
        back.load(v);
        return [back, back.arc(v, u)];
      }
    }
    return [this, this.arc(u, v)];
  }

  /** Makes room for `n` people (lazy rows: ids are given as people are met). */
  grow(n: number): void {
    if (n <= this.n) return;
    if (n > this.start.length) {
      const cap = Math.max(n, 2 * this.start.length, 16);
      const s = new Int32Array(cap);
      s.set(this.start.subarray(0, this.n));
      const e = new Int32Array(cap);
      e.set(this.end.subarray(0, this.n));
      this.start = s;
      this.end = e;
      if (this.lazy) {
        const l = new Uint8Array(cap);
        l.set(this.loaded.subarray(0, this.n));
        this.loaded = l;
      }
    }
    this.n = n;
  }

  /** Reads row `u` if it is not yet (lazy rows). */
  load(u: number): void {
    if (!this.lazy || this.loaded[u]) return;
    this.loaded[u] = 1;
    const first = this.used;
    this.loader!(u, this);
    sortRow(this, first, this.used);
    this.start[u] = first;
    this.end[u] = this.used;
  }

  /** Room for `extra` more arcs at the end. */
  reserve(extra: number): void {
    const need = this.used + extra;
    if (need <= this.target.length) return;
    const cap = Math.max(need, Math.ceil(this.target.length * 1.5), 64);
    const t = new Int32Array(cap);
    t.set(this.target.subarray(0, this.used));
    const c = new Float64Array(cap);
    c.set(this.cost.subarray(0, this.used));
    const p = new Float64Array(cap);
    p.set(this.probability.subarray(0, this.used));
    this.target = t;
    this.cost = c;
    this.probability = p;
    if (this.stage !== null) {
      const s = new Uint8Array(cap);
      s.set(this.stage.subarray(0, this.used));
      this.stage = s;
    }
  }

  /** Appends an arc at the end (a lazy row being loaded, or a row being moved). */
  append(v: number, p: number, stage: number): void {
    this.reserve(1);
    const i = this.used++;
    this.target[i] = v;
    this.probability[i] = p;
    this.cost[i] = -Math.log(p);
    if (this.stage !== null) this.stage[i] = stage;
  }

  /** The arc u → v, or −1 (rows are sorted by target). */
  arc(u: number, v: number): number {
    let lo = this.start[u]!;
    const end = this.end[u]!;
    let hi = end;
    const t = this.target;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (t[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    return lo < end && t[lo] === v ? lo : -1;
  }

  /**
   * Sets the arc u → v to probability p (p = 0 removes it), in time
   * proportional to u's row: in place when the arc exists, else the row moves
   * to the end with the new arc in its place.
   */
  set(u: number, v: number, p: number, stage: number): void {
    const i = this.arc(u, v);
    if (i >= 0) {
      if (p > 0) {
        this.probability[i] = p;
        this.cost[i] = -Math.log(p);
        if (this.stage !== null) this.stage[i] = stage;
        return;
      }
      // Remove: shift the rest of the row left.
      const end = this.end[u]!;
      this.target.copyWithin(i, i + 1, end);
      this.cost.copyWithin(i, i + 1, end);
      this.probability.copyWithin(i, i + 1, end);
      if (this.stage !== null) this.stage.copyWithin(i, i + 1, end);
      this.end[u] = end - 1;
      this.live--;
      return;
    }
    if (!(p > 0)) return;
    this.live++;
    const s = this.start[u]!;
    const e = this.end[u]!;
    this.reserve(e - s + 1);
    const first = this.used;
    let inserted = false;
    for (let j = s; j < e; j++) {
      const w = this.target[j]!;
      if (!inserted && v < w) {
        this.append(v, p, stage);
        inserted = true;
      }
      const k = this.used++;
      this.target[k] = w;
      this.cost[k] = this.cost[j]!;
      this.probability[k] = this.probability[j]!;
      if (this.stage !== null) this.stage[k] = this.stage[j]!;
    }
    if (!inserted) this.append(v, p, stage);
    this.start[u] = first;
    this.end[u] = this.used;
    // Moved rows leave holes: when they hold half the room, close them (O(arcs), so amortised O(1) a move).
    if (this.used > 2 * this.live + 16) this.compact();
  }

  /** Rewrites the rows back to back, closing the holes left by moved rows. */
  private compact(): void {
    const live = this.live;
    const t = new Int32Array(live);
    const c = new Float64Array(live);
    const p = new Float64Array(live);
    const s = this.stage === null ? null : new Uint8Array(live);
    let out = 0;
    for (let u = 0; u < this.n; u++) {
      const a = this.start[u]!;
      const b = this.end[u]!;
      t.set(this.target.subarray(a, b), out);
      c.set(this.cost.subarray(a, b), out);
      p.set(this.probability.subarray(a, b), out);
      if (s !== null) s.set(this.stage!.subarray(a, b), out);
      this.start[u] = out;
      out += b - a;
      this.end[u] = out;
    }
    this.target = t;
    this.cost = c;
    this.probability = p;
    this.stage = s;
    this.used = live;
  }

  /** Bytes held by the typed arrays. */
  get bytes(): number {
    return (
      this.start.byteLength +
      this.end.byteLength +
      this.target.byteLength +
      this.cost.byteLength +
      this.probability.byteLength +
      (this.stage?.byteLength ?? 0) +
      this.loaded.byteLength
    );
  }
}

/** Sorts the arcs first .. end by target (a lazy row: short, so insertion sort is not used on hubs — a typed sort of keys). */
function sortRow(rows: Rows, first: number, end: number): void {
  const m = end - first;
  if (m < 2) return;
  const t = rows.target.subarray(first, end);
  let sorted = true;
  for (let i = 1; i < m; i++) if (t[i - 1]! > t[i]!) sorted = false;
  if (sorted) return;
  const order = Int32Array.from({ length: m }, (_, i) => i).sort((a, b) => t[a]! - t[b]!);
  const tt = Int32Array.from(order, (i) => t[i]!);
  const c = rows.cost.subarray(first, end);
  const cc = Float64Array.from(order, (i) => c[i]!);
  const p = rows.probability.subarray(first, end);
  const pp = Float64Array.from(order, (i) => p[i]!);
  t.set(tt);
  c.set(cc);
  p.set(pp);
  if (rows.stage !== null) {
    const s = rows.stage.subarray(first, end);
    const ss = Uint8Array.from(order, (i) => s[i]!);
    s.set(ss);
  }
}
