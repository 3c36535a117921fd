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
  // The rows kept (self-pairs are not), with their endpoints.
  let kept = 0;
  for (let r = 0; r < m; r++) if (rows.a[r]! >= 0) kept++;
  const keptRow = new Int32Array(kept);
  const ka = new Int32Array(kept);
  const kb = new Int32Array(kept);
  for (let r = 0, i = 0; r < m; r++) {
    if (rows.a[r]! < 0) continue;
    keptRow[i] = r;
    ka[i] = rows.a[r]!;
    kb[i] = rows.b[r]!;
    i++;
  }
  const { order } = countingSort(n, ka, countingSort(n, kb).order);

  // Dyads and their events (rows of an ignored kind make the dyad, as their edge does in a graph, but no event).
  let D = 0;
  let events = 0;
  for (let i = 0; i < kept; i++) {
    const x = order[i]!;
    if (i === 0 || ka[x] !== ka[order[i - 1]!] || kb[x] !== kb[order[i - 1]!]) D++;
    if (rows.kind[keptRow[x]!]! >= 0) events++;
  }
  const dyadA = new Int32Array(D);
  const dyadB = new Int32Array(D);
  const links = new Uint8Array(D);
  const eventOffset = new Int32Array(D + 1);
  const time = new Float64Array(events);
  const dir = new Uint8Array(events);
  const kind = new Uint16Array(events);
  const weight = rows.weight === null ? null : new Float64Array(events);
  let d = -1;
  let e = 0;
  for (let i = 0; i < kept; i++) {
    const x = order[i]!;
    if (i === 0 || ka[x] !== ka[order[i - 1]!] || kb[x] !== kb[order[i - 1]!]) {
      d++;
      dyadA[d] = ka[x]!;
      dyadB[d] = kb[x]!;
      eventOffset[d] = e;
    }
    const r = keptRow[x]!;
    links[d]! |= rows.dir[r] === 0 ? LINK_AB : LINK_BA;
    const k = rows.kind[r]!;
    if (k < 0) continue;
    time[e] = rows.time[r]!;
    dir[e] = rows.dir[r]!;
    kind[e] = k;
    if (weight !== null) weight[e] = rows.weight![r]!;
    e++;
  }
  eventOffset[D] = e;

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
