/**
 * The interaction index from validated rows: the same typed arrays, in the
 * same order, as `buildIndex` makes from a graph holding those rows as
 * interactions (an edge source→target per row's pair), so that every answer
 * downstream is the same, byte for byte.
 *
 * @module
 * @internal
 */
import { countingSort } from '../core/csr.js';
import { DyadSorter, kindRanks, nodeDyadIndex, tieOrder } from '../core/event-columns.js';
import { LINK_AB, LINK_BA, type InteractionIndex } from '../core/interaction-index.js';
import type { KindTable } from '../core/kinds.js';
import type { Rows } from './rows.js';

/**
 * Groups the rows by dyad in (A, B) order — two stable counting sorts, by B
 * then by A, so each dyad's rows keep their table order — and sorts each
 * dyad's events in the content order (time, side, kind name, weight), as the
 * graph path does.
 */
export function indexFromRows(keys: string[], rows: Rows, kinds: KindTable): InteractionIndex {
  const n = keys.length;
  const m = rows.a.length;
  // The rows kept (self-pairs are not), with their endpoints; without self-pairs, the rows themselves.
  let kept = 0;
  let ignored = 0;
  for (let r = 0; r < m; r++) {
    if (rows.a[r]! < 0) continue;
    kept++;
    if (rows.kind[r]! < 0) ignored++;
  }
  let keptRow: Int32Array | null = null;
  let ka = rows.a;
  let kb = rows.b;
  if (kept < m) {
    keptRow = new Int32Array(kept);
    ka = new Int32Array(kept);
    kb = new Int32Array(kept);
    for (let r = 0, i = 0; r < m; r++) {
      if (rows.a[r]! < 0) continue;
      keptRow[i] = r;
      ka[i] = rows.a[r]!;
      kb[i] = rows.b[r]!;
      i++;
    }
  }
  const { order } = countingSort(n, ka, countingSort(n, kb).order);

  // Dyads and their events, in one pass (dyad columns sized for the worst case, one dyad per row, then cut). Rows
  // of an ignored kind make the dyad, as their edge does in a graph, but no event.
  const events = kept - ignored;
  let dyadA = new Int32Array(kept);
  let dyadB = new Int32Array(kept);
  let links = new Uint8Array(kept);
  let eventOffset = new Int32Array(kept + 1);
  const time = new Float64Array(events);
  const dir = new Uint8Array(events);
  const kind = new Uint16Array(events);
  const weight = rows.weight === null ? null : new Float64Array(events);
  const { time: rowTime, dir: rowDir, kind: rowKind, weight: rowWeight } = rows;
  let d = -1;
  let e = 0;
  let lastA = -1;
  let lastB = -1;
  for (let i = 0; i < kept; i++) {
    const x = order[i]!;
    const a = ka[x]!;
    const b = kb[x]!;
    if (a !== lastA || b !== lastB) {
      d++;
      dyadA[d] = lastA = a;
      dyadB[d] = lastB = b;
      eventOffset[d] = e;
    }
    const r = keptRow === null ? x : keptRow[x]!;
    const side = rowDir[r]!;
    links[d]! |= side === 0 ? LINK_AB : LINK_BA;
    const k = rowKind[r]!;
    if (k < 0) continue;
    time[e] = rowTime[r]!;
    dir[e] = side;
    kind[e] = k;
    if (weight !== null) weight[e] = rowWeight![r]!;
    e++;
  }
  const D = d + 1;
  eventOffset[D] = e;
  dyadA = dyadA.slice(0, D);
  dyadB = dyadB.slice(0, D);
  links = links.slice(0, D);
  eventOffset = eventOffset.slice(0, D + 1);

  const rank = kindRanks(kinds.list.map((kd) => kd.name));
  const sorter = new DyadSorter(rank);
  for (let y = 0; y < D; y++) {
    const lo = eventOffset[y]!;
    const hi = eventOffset[y + 1]!;
    for (let j = lo + 1; j < hi; j++) {
      const t0 = time[j - 1]!;
      const t1 = time[j]!;
      const w0 = weight === null ? 1 : weight[j - 1]!;
      const w1 = weight === null ? 1 : weight[j]!;
      if (t1 < t0 || (t1 === t0 && tieOrder(dir[j]!, rank[kind[j]!]!, w1, dir[j - 1]!, rank[kind[j - 1]!]!, w0) < 0)) {
        sorter.sort(lo, hi, time, dir, kind, weight);
        break;
      }
    }
  }

  const { nodeDyadOffset, nodeDyads } = nodeDyadIndex(n, dyadA, dyadB);
  return {
    nodes: keys,
    nodeId: new Map(keys.map((key, id) => [key, id])),
    dyadCount: D,
    dyadA,
    dyadB,
    links,
    override: new Float64Array(D).fill(Number.NaN),
    eventOffset,
    time,
    weight,
    kindValue: Float64Array.from(kinds.list, (k) => k.value),
    kindRole: Uint8Array.from(kinds.list, (k) => k.roleCode),
    kindJoint: Uint8Array.from(kinds.list, (k) => (k.joint ? 1 : 0)),
    dir,
    kind,
    nodeDyadOffset,
    nodeDyads,
    kinds,
    selfLoopEvents: rows.selfLoopEvents,
  };
}
