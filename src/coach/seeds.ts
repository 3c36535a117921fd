/**
 * People worth meeting — "seed" in seed / feed / weed: friends of friends
 * I could be introduced to, ranked for opportunity, not only for ease.
 *
 * - The link-prediction scores of Liben-Nowell & Kleinberg (2007) over the
 *   simple undirected view of the graph (direction and self-loops left out):
 *   common neighbours |Γ(u) ∩ Γ(v)|, Adamic–Adar Σ 1/ln|Γ(w)| (Adamic & Adar
 *   2003) and resource allocation Σ 1/|Γ(w)| (Zhou, Lü & Zhang 2009), the
 *   definitions of NetworkX, which the tests match to 1e-12.
 * - An introduction needs an introducer who trusts me: a contact on an
 *   engaged or trusted tie (see `ask.ts`); the path's strength is the
 *   product of the two ties' strengths, best introducer first.
 * - Diversity: with `getGroup` (say, the company), the list spreads over
 *   groups — each seed's score halved for every seed of its group listed
 *   before it — so that a list is not five people of one firm.
 * - Redundancy: a person whose contacts I already know brings little new,
 *   and one with no contact in common is hard to reach. Rajkumar et al.
 *   (2022), "A causal test of the strength of weak ties", Science 377,
 *   1304–1310, found an inverted U in job mobility over the number of
 *   mutual connections; here f(m) = (m / peak)·e^(1 − m / peak), 1 at
 *   m = peak (option `peak`, default 3: a personal network is far smaller
 *   than LinkedIn's, so the peak is the caller's to set).
 *
 * @module
 */
import type { Attributes } from 'graphology-types';
import { optionIsError } from '../core/errors.js';
import { forEachEdgeOf, nodeKey, assertGraph, ownAttribute, type PeopleGraph } from '../core/graph.js';
import { findDyad } from '../core/interaction-index.js';
import { ENGAGED, assessDyad, newAssessment } from '../kernel/assess.js';
import { readEgo, samePersonError, type ModelQueryOptions } from '../kernel/read.js';
import { matureFor } from './rules.js';
import { readNumber } from './words.js';

/** The link-prediction scores of a pair. */
export interface LinkScores {
  commonNeighbors: number;
  adamicAdar: number;
  resourceAllocation: number;
}

/** The neighbours of `node` in the simple undirected view (no self). */
export function neighbourSet(graph: PeopleGraph, node: string): Set<string> {
  const out = new Set<string>();
  forEachEdgeOf(graph, node, (_e, _a, source, target) => {
    const other = source === node ? target : source;
    if (other !== node) out.add(other);
  });
  return out;
}

/** The scores of `u` and `v` given their common neighbours' degrees. */
function scoresOf(degrees: readonly number[]): LinkScores {
  let aa = 0;
  let ra = 0;
  for (const k of degrees) {
    aa += 1 / Math.log(k);
    ra += 1 / k;
  }
  return { commonNeighbors: degrees.length, adamicAdar: aa, resourceAllocation: ra };
}

/**
 * Common neighbours, Adamic–Adar and resource allocation of `u` and `v`
 * over the simple undirected view of the graph (as NetworkX defines them).
 *
 * @example
 * ```ts
 * // Maya's network of the guide, now = '2025-06-30T18:00:00Z'
 * linkScores(graph, 'me', 'sara'); // { commonNeighbors: 1, adamicAdar: 1.4426950408889634, resourceAllocation: 0.5 }
 * ```
 *
 * @see [Coaching a networker](../../docs/guides/coach.md), the guide.
 */
export function linkScores(graph: unknown, u: unknown, v: unknown): LinkScores {
  const module = 'linkScores';
  assertGraph(graph, module);
  const ku = nodeKey(graph, u, module, 'u');
  const kv = nodeKey(graph, v, module, 'v');
  // A common neighbour of two people has degree ≥ 2, so ln ≥ ln 2; of one person with itself, it may be 1.
  if (ku === kv) throw samePersonError(module, ku, 'a link score');
  const nv = neighbourSet(graph, kv);
  const degrees: number[] = [];
  for (const w of neighbourSet(graph, ku))
    if (nv.has(w) && w !== ku && w !== kv) degrees.push(neighbourSet(graph, w).size);
  return scoresOf(degrees);
}

/** Options of {@link peopleWorthMeeting}. */
export interface PeopleWorthMeetingOptions extends ModelQueryOptions {
  /** The number of mutual connections at which the redundancy factor peaks. Default 3. */
  peak?: number;
  /**
   * The group of a person (an attribute name, e.g. `'company'`, or a
   * function of the key and attributes): the list then spreads over groups,
   * each seed's score halved for every seed of its group listed before it
   * (diminishing returns within a group). Default: none.
   */
  getGroup?: string | ((key: string, attributes: Attributes) => unknown);
  /** How many to list. Default 10. */
  limit?: number;
}

/** A person worth meeting. */
export interface Seed extends LinkScores {
  person: string;
  name: string;
  /** The best introducer (key and label), and the strengths of the two hops. */
  introducer: string;
  introducerName: string;
  trust: [number, number];
  /** The redundancy factor f(mutual connections), in (0, 1]. */
  novelty: number;
  /** Path strength × novelty. */
  score: number;
  reason: string;
}

/** The answer of {@link peopleWorthMeeting}. */
export interface PeopleWorthMeeting {
  person: string;
  /** Best first (spread over groups with `getGroup`), at most `limit`. */
  seeds: Seed[];
  text: string;
}

/** The redundancy factor: an inverted U over mutual connections m, 1 at m = peak. */
export const noveltyOf = (m: number, peak: number): number => (m / peak) * Math.exp(1 - m / peak);

/**
 * Friends of friends worth meeting, best first: reachable through a contact
 * who trusts `person` (an engaged or trusted tie), scored by the strength
 * of the introduction path times the inverted U of mutual connections.
 *
 * @example
 * ```ts
 * // Maya's network of the guide, now = '2025-06-30T18:00:00Z'
 * peopleWorthMeeting(graph, 'me', { now }).seeds[0]?.reason;
 * // "Meet Sara through Jon (Jon and Maya 0.78; Jon and Sara 0.63); 1 mutual connection."
 * ```
 *
 * @see [Coaching a networker](../../docs/guides/coach.md), the guide.
 */
export function peopleWorthMeeting(
  graph: unknown,
  person: unknown,
  options: PeopleWorthMeetingOptions,
): PeopleWorthMeeting {
  const module = 'peopleWorthMeeting';
  const ego = readEgo(graph, person, options, module, true);
  const peak = readNumber(options.peak, 'peak', module, 3, [1e-9, 1e9]);
  const limit = readNumber(options.limit, 'limit', module, 10, [0, 1e6], true);
  const { index, graph: g, label } = ego;
  const mine = neighbourSet(g, ego.person);
  const hood = new Map<string, Set<string>>();
  for (const c of mine) hood.set(c, neighbourSet(g, c));
  const best = new Map<string, { via: string; trust: [number, number] }>();
  const s = newAssessment();
  for (const tie of ego.ties) {
    if (!matureFor(tie.a, ENGAGED)) continue;
    const ic = index.nodeId.get(tie.other)!;
    for (const x of hood.get(tie.other)!) {
      if (x === ego.person || mine.has(x)) continue;
      const ix = index.nodeId.get(x);
      const d = ix === undefined ? -1 : findDyad(index, ic, ix);
      const t2 = d < 0 ? 0 : assessDyad(index, d, ego.now, ego.model, s).strength;
      const trust: [number, number] = [tie.a.strength, t2];
      const prev = best.get(x);
      const p = trust[0] * trust[1];
      if (!prev || p > prev.trust[0] * prev.trust[1] || (p === prev.trust[0] * prev.trust[1] && tie.other < prev.via))
        best.set(x, { via: tie.other, trust });
    }
  }
  const me = label(ego.person);
  const seeds: Seed[] = [];
  for (const [x, { via, trust }] of best) {
    const degrees: number[] = [];
    for (const n of hood.values()) if (n.has(x)) degrees.push(n.size);
    const scores = scoresOf(degrees);
    const novelty = noveltyOf(scores.commonNeighbors, peak);
    const m = scores.commonNeighbors;
    seeds.push({
      person: x,
      name: label(x),
      introducer: via,
      introducerName: label(via),
      trust,
      ...scores,
      novelty,
      score: trust[0] * trust[1] * novelty,
      reason: `Meet ${label(x)} through ${label(via)} (${label(via)} and ${me} ${trust[0].toFixed(2)}; ${label(via)} and ${label(x)} ${trust[1].toFixed(2)}); ${m} mutual connection${m === 1 ? '' : 's'}${m > peak ? `, more than ${peak}: much of the same circle` : ''}.`,
    });
  }
  seeds.sort((p, q) => q.score - p.score || (p.person < q.person ? -1 : 1));
  const listed = options.getGroup === undefined ? seeds : spread(seeds, groupGetter(g, options.getGroup, module));
  listed.length = Math.min(listed.length, limit);
  return {
    person: ego.person,
    seeds: listed,
    text: listed.length
      ? `${me} could meet ${listed.map((x) => x.name).join(', ')}.`
      : `${me} has no introduction to ask for yet.`,
  };
}

/** The group of a key by the option `getGroup` (`undefined`: none). */
function groupGetter(graph: PeopleGraph, option: unknown, module: string): (key: string) => unknown {
  if (typeof option === 'string') return (key) => ownAttribute(graph.getNodeAttributes(key), option);
  if (typeof option === 'function')
    return (key) => (option as (k: string, a: Attributes) => unknown)(key, graph.getNodeAttributes(key));
  throw optionIsError(module, 'getGroup', option, 'pass an attribute name or a function (key, attributes) => group');
}

/**
 * Reorders `seeds` (best first) so that groups alternate: each next seed is
 * the best of score × 2^(−seeds of its group already listed), ties by order.
 * O(n²) over the candidates, which are a person's friends of friends.
 */
function spread(seeds: Seed[], groupOf: (key: string) => unknown): Seed[] {
  const left = seeds.map((seed) => ({ seed, group: groupOf(seed.person) }));
  const count = new Map<unknown, number>();
  const out: Seed[] = [];
  while (left.length > 0) {
    let best = 0;
    let bestScore = -1;
    for (let i = 0; i < left.length; i++) {
      const { seed, group } = left[i]!;
      const score = group === undefined || group === null ? seed.score : seed.score * 2 ** -(count.get(group) ?? 0);
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    }
    const [{ seed, group }] = left.splice(best, 1) as [{ seed: Seed; group: unknown }];
    if (group !== undefined && group !== null) count.set(group, (count.get(group) ?? 0) + 1);
    out.push(seed);
  }
  return out;
}
