/**
 * `networkReciprocity`: how reciprocal a whole network is — NetworkX's
 * overall and per-node reciprocity, Garlaschelli & Loffredo's ρ and the
 * weighted reciprocity of Squartini et al. — with decay and time windows.
 *
 * @module
 */
import { readObject, readOneOf } from '../../core/args.js';
import { InvalidOptionError } from '../../core/errors.js';
import { assertGraph, checkAttribute, type PeopleGraph } from '../../core/graph.js';
import type { InteractionIndex } from '../../core/interaction-index.js';
import { assertGraphBacked, isPreparedNetwork, readNetwork, type PreparedNetwork } from '../../core/prepared.js';
import { parseTimeOption, type TimeInput } from '../../core/time.js';
import { readOptions, type ReciprocityOptions } from './dyad.js';
import { measureReciprocity, type NetworkReciprocity } from '../../kernel/network-reciprocity.js';

export type { NetworkReciprocity } from '../../kernel/network-reciprocity.js';

/** Options of {@link networkReciprocity}. */
export interface NetworkReciprocityOptions extends Omit<ReciprocityOptions, 'now'> {
  /** Interactions after `now` are left out; needed for `recencyHalfLife`. Default: every interaction counts. */
  now?: TimeInput;
  /** Count only interactions in this window (inclusive). */
  window?: { from?: TimeInput; to?: TimeInput };
  /**
   * What makes a directed link i→j: `'interactions'` (default) — i initiated at
   * least one interaction toward j (in the window); `'edges'` — the graph has an
   * edge i→j (an undirected edge counts both ways), for graphs without
   * interaction histories such as trust networks.
   */
  links?: 'interactions' | 'edges';
}

/** Options of `networkReciprocity.assign` (see {@link networkReciprocity}). */
export interface AssignReciprocityOptions extends NetworkReciprocityOptions {
  /** The node attribute to write each person's reciprocity to (`null` for people without links). Default `'reciprocity'`. */
  attribute?: string;
}

function windowOf(options: NetworkReciprocityOptions, now: number, module: string): [number, number] {
  const w = options.window;
  if (w === undefined) return [-Infinity, now];
  readObject(module, 'window', w, "{ from: '2024-01-01' }");
  const from = w.from === undefined ? -Infinity : parseTimeOption(w.from, 'window.from', module);
  const to = Math.min(now, w.to === undefined ? Infinity : parseTimeOption(w.to, 'window.to', module));
  if (from > to) {
    throw new InvalidOptionError(
      `${module}: the window starts (${new Date(from).toISOString()}) after it ends (${Number.isFinite(to) ? new Date(to).toISOString() : 'now'}).`,
      { field: 'window' },
    );
  }
  return [from, to];
}

function compute(
  graph: unknown,
  options: NetworkReciprocityOptions,
  module: string,
): { graph: PeopleGraph; index: InteractionIndex; result: NetworkReciprocity } {
  if (!isPreparedNetwork(graph)) assertGraph(graph, module);
  const { now, halfLife } = readOptions(options ?? {}, module, false);
  const basis = readOneOf(module, 'links', options?.links ?? 'interactions', ['interactions', 'edges']);
  const [from, to] = windowOf(options ?? {}, now, module);
  const { graph: g, index } = readNetwork(graph, options ?? {}, module);
  return { graph: g, index, result: measureReciprocity(index, now, halfLife, from, to, basis) };
}

function reciprocityOf(
  graph: PeopleGraph | PreparedNetwork,
  options: NetworkReciprocityOptions = {},
): NetworkReciprocity {
  return compute(graph, options, 'networkReciprocity').result;
}

function assignReciprocity(graph: PeopleGraph | PreparedNetwork, options: AssignReciprocityOptions = {}): void {
  const module = 'networkReciprocity.assign';
  assertGraphBacked(graph, module);
  const attribute = checkAttribute(options, 'reciprocity', module);
  const { graph: g, result } = compute(graph, options, module);
  for (const [node, r] of Object.entries(result.nodes)) g.setNodeAttribute(node, attribute, r);
}

/**
 * How reciprocal the whole network is: `overall` (share of links whose reverse
 * exists, NetworkX `overall_reciprocity` but with self-loops excluded — NetworkX
 * counts a self-loop as a reciprocated link), per-person `nodes` (NetworkX
 * `reciprocity`, `null` rather than an error for people without links), `rho`
 * (Garlaschelli & Loffredo 2004: reciprocity corrected for density, 0 = as
 * random, > 0 reciprocal, < 0 anti-reciprocal) and `weighted` (Squartini et
 * al. 2013: the share of exchanged value that is matched by value coming back).
 * With `recencyHalfLife`, values are decayed from `now`; with `window`, only
 * interactions in it count. `networkReciprocity.assign` writes each person's
 * value to a node attribute (of the graph, or of a prepared network's graph;
 * a network from columns has none to write to).
 *
 * @function
 * @see [Reciprocity](../../../docs/guides/reciprocity.md), the guide.
 *
 * @example
 * ```ts
 * const { overall, rho, weighted, nodes } = networkReciprocity(graph);
 * nodes['ann']; // 0.8
 * networkReciprocity(graph, { now: '2024-06-30', window: { from: '2024-01-01' } });
 * networkReciprocity.assign(graph, { attribute: 'reciprocity' });
 * ```
 */
export const networkReciprocity = /* @__PURE__ */ Object.assign(reciprocityOf, { assign: assignReciprocity });
