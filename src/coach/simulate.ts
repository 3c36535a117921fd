/**
 * What a call would change: the assessment of a tie as if one more
 * interaction had happened. It is read through the option `getInteractions`
 * — the edge between the two answers with its interactions plus the new one
 * (its initiator in `from`) — so the graph is neither copied nor changed.
 * Two people without any edge have nowhere to hold it: only then is the
 * graph copied, with an edge added to the copy.
 *
 * @module
 */
import {
  POLLUTING_KEYS,
  PROTOTYPE_KEYS,
  assertGraph,
  forEachEdgeOf,
  nodeKey,
  type PeopleGraph,
} from '../core/graph.js';
import { makeInteractionsGetter } from '../core/interaction-index.js';
import { InvalidGraphError, optionIsError } from '../core/errors.js';
import type { Interaction, InteractionsGetter } from '../core/types.js';
import { relationshipOf, type RelationshipAssessment } from '../kernel/relationship.js';
import type { StrengthOptions } from '../kernel/strength-result.js';
import { checkOptions, samePersonError } from '../kernel/read.js';

/**
 * The assessment of the tie between `a` and `b` as if `interaction` had
 * happened (initiated by `a` unless its `from` says `b`): equal to
 * `assessRelationship` on a copy of the graph with it added.
 *
 * @example
 * ```ts
 * // Maya's network of the guide, now = '2025-06-30T18:00:00Z'
 * const before = assessRelationship(graph, 'me', 'bea', { now });
 * const after = simulate(graph, 'me', 'bea', { at: now, kind: 'call' }, { now });
 * [before.stage, after.stage]; // ['cooling', 'trusted']
 * ```
 *
 * @see [Coaching a networker](../../docs/guides/coach.md), the guide.
 */
export function simulate(
  graph: unknown,
  a: unknown,
  b: unknown,
  interaction: Interaction,
  options: StrengthOptions,
): RelationshipAssessment {
  const module = 'simulate';
  assertGraph(graph, module);
  checkOptions(options, module);
  const ka = nodeKey(graph, a, module, 'a');
  const kb = nodeKey(graph, b, module, 'b');
  if (ka === kb) throw samePersonError(module, ka, 'a simulated interaction');
  if (interaction === null || typeof interaction !== 'object')
    throw optionIsError(module, 'interaction', interaction, 'pass an interaction { at, kind?, weight?, from? }');
  const added: Interaction = { ...interaction, from: interaction.from ?? ka };
  // An edge between the two, either way (forEachEdgeOf: graphology's own lookups fail on keys such as `__proto__`).
  let edge: string | undefined;
  forEachEdgeOf(graph, ka, (e, _attributes, source, target) => {
    if (edge === undefined && (source === kb || target === kb)) edge = e;
  });
  if (edge === undefined) {
    const copy = graph.copy() as PeopleGraph;
    // graphology takes a target keyed like a member of Object.prototype (`toString`) for an existing edge:
    // point the edge at the other one (the interaction's `from` keeps its initiator); with both so keyed, give up.
    const risky = (k: string) => PROTOTYPE_KEYS.includes(k) || POLLUTING_KEYS.includes(k);
    if (risky(ka) && risky(kb))
      throw new InvalidGraphError(
        `${module}: ${JSON.stringify(ka)} and ${JSON.stringify(kb)} share no edge, and graphology cannot add one between two keys named like members of Object.prototype.`,
      );
    const [source, target] = risky(kb) ? [kb, ka] : [ka, kb];
    // A key of its own (not graphology's random one), so that messages name the same edge on every run.
    let key = `simulated ${source}`;
    while (copy.hasEdge(key)) key += "'";
    copy.addEdgeWithKey(key, source, target, {});
    const base = makeInteractionsGetter(options.getInteractions, module);
    const getInteractions: InteractionsGetter = (e, attributes, s, t, u) =>
      e === key ? [added] : base(e, attributes, s, t, u);
    return relationshipOf(copy, ka, kb, { ...options, getInteractions }, module);
  }
  const base = makeInteractionsGetter(options.getInteractions, module);
  const getInteractions: InteractionsGetter = (e, attributes, s, t, u) => {
    const list = base(e, attributes, s, t, u);
    if (e !== edge) return list;
    // Not a list of interactions: left as it is, for the reader's typed error that names the edge.
    if (list != null && typeof (list as Iterable<unknown>)[Symbol.iterator] !== 'function') return list;
    return [...((list ?? []) as Iterable<Interaction>), added];
  };
  return relationshipOf(graph, ka, kb, { ...options, getInteractions }, module);
}
