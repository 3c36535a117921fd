/**
 * Whether a chain exists at all, past the hop limit: what tells the reason
 * `hop-limit` from `no-path` when a search finds nothing.
 *
 * @module
 * @internal
 */
import type { Network } from './network.js';
import type { Rows } from './rows.js';

/** The arcs of the rows of a frontier. */
function width(rows: Rows, front: number[]): number {
  let w = 0;
  for (const u of front) {
    rows.load(u);
    w += rows.end[u]! - rows.start[u]!;
  }
  return w;
}

/**
 * Whether some target can be reached at all (past the hop limit): a
 * bidirectional breadth-first search from the sources and the targets that
 * always expands the side whose frontier has fewer arcs, and stops when the
 * two meet or one side runs out — so it costs about the smaller side's
 * reach, not the graph's.
 */
export function connected(
  net: Network,
  sources: number[],
  targets: number[],
  isTarget: ReadonlySet<number>,
  excluded: ReadonlySet<number>,
): boolean {
  const { fw, bw } = net;
  const fSeen = new Set<number>(sources);
  const bSeen = new Set<number>();
  let fFront = [...sources];
  let bFront: number[] = [];
  for (const t of targets) {
    if (excluded.has(t)) continue;
    bSeen.add(t);
    bFront.push(t);
  }
  while (fFront.length > 0 && bFront.length > 0) {
    const forward = width(fw, fFront) <= width(bw, bFront);
    const rows = forward ? fw : bw;
    const mine = forward ? fSeen : bSeen;
    const theirs = forward ? bSeen : fSeen;
    const next: number[] = [];
    for (const u of forward ? fFront : bFront) {
      rows.load(u);
      for (let e = rows.start[u]!; e < rows.end[u]!; e++) {
        const v = rows.target[e]!;
        if (mine.has(v) || excluded.has(v)) continue;
        if (theirs.has(v) || (forward && isTarget.has(v))) return true;
        mine.add(v);
        // Forward, a target is never passed through; backward, any person may be.
        next.push(v);
      }
    }
    if (forward) fFront = next;
    else bFront = next;
  }
  return false;
}
