/**
 * One question on a network: its arguments read into ids, the early answers
 * (same person, no match, no usable tie, no chain within the hop limit), the
 * bounded search with k-best or diverse paths, and the reason when there is
 * no path.
 *
 * @module
 * @internal
 */
import { BoundedSearch } from './bounded.js';
import { describePath } from './describe.js';
import { UNLIMITED } from './path.js';
import { diversePaths, yen } from './kbest.js';
import type { Network } from './network.js';
import { excludedIds, sourceIds, targetIds, type TargetSelector } from './people.js';
import { searchLimits } from './query.js';
import { connected } from './reach.js';
import type { FindOptions, IntroductionResult, NoPathReason, PeopleSelector } from './types.js';

/** Everything a query needs besides the network: the search, built once. */
export class Engine {
  readonly search: BoundedSearch;
  constructor(readonly net: Network) {
    // Rows read on demand serve one question: buffers that start small (a finder's are sized for any question).
    this.search = new BoundedSearch(net.fw, net.bw, net.fw.lazy ? 64 : 1024);
    this.search.before = net.before;
  }

  /** The answer to one question; `where` names the caller in errors, `label` names people in the sentences. */
  find(
    source: PeopleSelector,
    target: TargetSelector,
    findOptions: FindOptions,
    where: string,
    label: (key: string) => string,
  ): IntroductionResult {
    const { net } = this;
    const { k, maxHops, hopPenalty } = searchLimits(findOptions, where);
    const { sources, sourceSet } = sourceIds(net, source, where);
    const targets = targetIds(net, target, sourceSet, where);
    if (!Array.isArray(targets)) return { paths: [], reason: targets };
    const excluded = excludedIds(net, findOptions.exclude ?? [], sourceSet, where);
    const early = this.earlyReason(sources, targets, excluded, maxHops);
    if (early !== null) return { paths: [], reason: early };
    const { fw } = net;
    const search = this.search;
    search.grow(fw.n); // lazy rows may have met new people
    search.startQuery(targets, excluded, maxHops, hopPenalty, sources);
    const q = { sources, k, maxHops, hopPenalty, before: net.before };
    const paths = findOptions.diverse ? diversePaths(fw, search, q) : yen(fw, search, q);
    if (paths.length === 0) {
      const reachable = maxHops !== UNLIMITED && connected(net, sources, targets, new Set(targets), new Set(excluded));
      return { paths: [], reason: reachable ? 'hop-limit' : 'no-path' };
    }
    return { paths: paths.map((p) => describePath(net, p, hopPenalty, label)) };
  }

  /**
   * The reason there is no path, found before any search, or null: a
   * one-shot question's plan proves no chain within the hop limit (or
   * narrows the rows); otherwise no source has a usable tie.
   */
  private earlyReason(sources: number[], targets: number[], excluded: number[], maxHops: number): NoPathReason | null {
    const { net } = this;
    if (net.plan !== undefined && maxHops !== UNLIMITED) return net.plan(sources, targets, excluded, maxHops);
    const { fw } = net;
    let anyTie = false;
    for (const s of sources) {
      fw.load(s);
      if (fw.end[s]! > fw.start[s]!) anyTie = true;
    }
    return anyTie ? null : 'no-eligible-tie';
  }
}
