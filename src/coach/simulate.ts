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
import { assertGraph, nodeKey, type PeopleGraph } from '../core/graph.js';
import { makeInteractionsGetter } from '../core/interaction-index.js';
import { optionIsError } from '../core/errors.js';
import type { Interaction, InteractionsGetter } from '../core/types.js';
import { assessRelationship, type RelationshipAssessment } from '../analyses/relationship/assess.js';
import type { StrengthOptions } from '../analyses/strength/strength.js';
import { checkOptions, samePersonError } from '../kernel/read.js';

/**
 * The assessment of the tie between `a` and `b` as if `interaction` had
 * happened (initiated by `a` unless its `from` says `b`): equal to
 * `assessRelationship` on a copy of the graph with it added.
 *
 * @example
 * ```ts
 * const before = assessRelationship(graph, 'me', 'bea', { now });
 * const after = simulate(graph, 'me', 'bea', { at: now, kind: 'call' }, { now });
 * [before.stage.stage, after.stage.stage]; // ['cooling', 'trusted']
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
  const edge = graph.edges(ka, kb)[0] ?? graph.edges(kb, ka)[0];
  if (edge === undefined) {
    const copy = graph.copy() as PeopleGraph;
    const source = added.from === kb ? kb : ka;
    const key = copy.addEdge(source, source === ka ? kb : ka, {});
    const base = makeInteractionsGetter(options.getInteractions, module);
    const getInteractions: InteractionsGetter = (e, attributes, s, t, u) =>
      e === key ? [added] : base(e, attributes, s, t, u);
    return assessRelationship(copy, ka, kb, { ...options, getInteractions });
  }
  const base = makeInteractionsGetter(options.getInteractions, module);
  const getInteractions: InteractionsGetter = (e, attributes, s, t, u) => {
    const list = base(e, attributes, s, t, u);
    return e === edge ? [...(list ?? []), added] : list;
  };
  return assessRelationship(graph, ka, kb, { ...options, getInteractions });
}
