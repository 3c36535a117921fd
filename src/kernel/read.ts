/**
 * Reading for the kernel: the index of the part of the graph a question
 * needs, the validated model, `now`, and the assessment of one tie or of all
 * the ties of one person.
 *
 * @module
 * @internal
 */
import { optionsError, readInteger, readOptionsObject } from '../core/args.js';
import { InvalidOptionError, NodeNotFoundError, quoteKey } from '../core/errors.js';
import { assertGraph, forEachEdgeOf, nodeKey, type PeopleGraph } from '../core/graph.js';
import {
  buildIndex,
  buildPairIndex,
  findDyad,
  otherEnd,
  type IndexScope,
  type InteractionIndex,
  eventsEnd,
} from '../core/interaction-index.js';
import { isPreparedNetwork, readNetwork, type PreparedNetwork } from '../core/prepared.js';
import { parseTimeOption } from '../core/time.js';
import type { GraphReadOptions, TimeOptions } from '../core/types.js';
import { labelOption, makeLabeler, type LabelOptions, type Labeler } from '../core/labels.js';
import { assessDyad, newAssessment, type Assessment, type RawChange } from './assess.js';
import { newLenses, sumLenses, type Lenses } from './lenses.js';
import { resolveModel, type RelationshipModelOptions, type ResolvedModel } from './options.js';

/** The options of every question about ties: how to read the graph, when, the model, and names. */
export interface ModelQueryOptions extends GraphReadOptions, TimeOptions, RelationshipModelOptions, LabelOptions {}

/** The example in the error for options that are not an object: goodwill never reads the clock. */
const NOW_EXAMPLE = "{ now: '2024-06-30' }";

/** The error for options that are not an object: goodwill needs at least `now`. */
export function optionsRequiredError(options: unknown, module: string): InvalidOptionError {
  return optionsError(module, options, NOW_EXAMPLE);
}

/** Throws unless `options` is an object (goodwill needs at least `now`). */
export function checkOptions<T>(options: T, module: string): asserts options is T & Record<string, unknown> {
  readOptionsObject(module, options, NOW_EXAMPLE);
}

/** The error for a question about a relationship (`what`) asked about one person twice. */
export function samePersonError(module: string, key: string, what: string): InvalidOptionError {
  return new InvalidOptionError(
    `${module}: a and b are the same person (${JSON.stringify(key)}); ${what} needs two people.`,
    { field: 'b', node: key },
  );
}

/** The option `limit` of the reports: how many to list of each kind, an integer from 0 to 10⁶ (default 5). */
export function readLimit(limit: unknown, module: string): number {
  return readInteger(module, 'limit', limit ?? 5, 0, 1e6);
}

/** One relationship read for a question, without names (see {@link PairContext}). */
export interface PairRead {
  graph: PeopleGraph;
  index: InteractionIndex;
  /** The dyad, or −1 when the two share no edge. */
  d: number;
  /** The two keys as given (coerced), and which of them is the dyad's side 0. */
  a: string;
  b: string;
  aSide: number;
  now: number;
  model: ResolvedModel;
}

/** One relationship read for a question that writes about the two: with their names. */
export interface PairContext extends PairRead {
  label: Labeler;
}

/**
 * Reads the pair (a, b) for `module`: graph and key checks, options, the
 * pair's index — with `neighbourhood`, every tie of either person (the chance
 * of contact reads how active each is with anyone) — and the two's names.
 */
export function readPair(
  graph: unknown,
  a: unknown,
  b: unknown,
  options: ModelQueryOptions,
  module: string,
  neighbourhood = false,
): PairContext {
  const ctx = readTie(graph, a, b, options, module, neighbourhood);
  return { ...ctx, label: makeLabeler(ctx.graph, options, module) };
}

/**
 * {@link readPair} for a question that names no one (a strength, a warmth, a
 * date): the same reading and checks, `getNodeLabel` checked but no labeler
 * made, so that such a question's bundle leaves the labeler out.
 */
export function readTie(
  graph: unknown,
  a: unknown,
  b: unknown,
  options: ModelQueryOptions,
  module: string,
  neighbourhood = false,
): PairRead {
  assertGraph(graph, module);
  checkOptions(options, module);
  const ka = nodeKey(graph, a, module, 'a');
  const kb = nodeKey(graph, b, module, 'b');
  if (ka === kb) throw samePersonError(module, ka, 'a relationship');
  const now = parseTimeOption(options.now, 'now', module);
  const model = resolveModel(options, module);
  labelOption(options, module);
  const index = buildPairIndex(
    graph,
    options,
    module,
    neighbourhood ? { kind: 'nodes', nodes: [ka, kb] } : { kind: 'pair', a: ka, b: kb },
  );
  const ia = index.nodeId.get(ka)!;
  const ib = index.nodeId.get(kb)!;
  return { graph, index, d: findDyad(index, ia, ib), a: ka, b: kb, aSide: ia < ib ? 0 : 1, now, model };
}

/** Assesses the pair's tie (`null` when they share no edge). */
export function assessPair(ctx: PairRead, changes: RawChange[] | null = null, volumes = false): Assessment | null {
  return ctx.d < 0 ? null : assessDyad(ctx.index, ctx.d, ctx.now, ctx.model, newAssessment(), changes, true, volumes);
}

/** One person's ties, assessed. */
export interface EgoContext {
  graph: PeopleGraph;
  index: InteractionIndex;
  person: string;
  self: number;
  now: number;
  model: ResolvedModel;
  label: Labeler;
  ties: readonly EgoTie[];
  /**
   * Values derived from the ties alone (the feed chances of a contact model,
   * the person's active-tie counter), by a key of their maker: kept with the
   * ties of a prepared network, fresh for a graph.
   */
  kept: Map<unknown, unknown>;
}

/** One tie of a person, with its assessment. */
export interface EgoTie {
  /** The dyad. */
  d: number;
  /** The other person's key. */
  other: string;
  /** The person's side in the dyad (0 or 1). */
  side: number;
  /** The tie's assessment at `now`. */
  a: Assessment;
}

/** A person read for a question: from a graph (read now), or a prepared network (read before). */
export type PersonNetwork = PeopleGraph | PreparedNetwork;

/**
 * Reads one person's ties (or, with `twoStep`, also every tie of their
 * contacts) and assesses each of the person's ties, in the order of the
 * other's key. A prepared network is read whole already: its index serves
 * both scopes, and each person's assessed ties are kept with it (see
 * {@link personTies}), so that the questions of one page about one person —
 * a report, whom to call, the advice — assess each tie once.
 */
export function readEgo(
  network: unknown,
  person: unknown,
  options: ModelQueryOptions,
  module: string,
  twoStep = false,
  assess = true,
): EgoContext {
  const prepared = isPreparedNetwork(network);
  if (!prepared) assertGraph(network, module);
  checkOptions(options, module);
  const graph = prepared ? network.graph : (network as PeopleGraph);
  // A prepared network's index (its read options checked against the ones given); a graph's is read below.
  const preparedIndex = prepared ? readNetwork(network, options, module).index : null;
  const key =
    preparedIndex === null
      ? nodeKey(graph, person, module, 'person')
      : preparedKey(preparedIndex, graph, person, module);
  const now = parseTimeOption(options.now, 'now', module);
  const model = resolveModel(options, module);
  const label = makeLabeler(graph, options, module);
  let index: InteractionIndex;
  if (preparedIndex !== null) index = preparedIndex;
  else {
    let scope: IndexScope = { kind: 'node', node: key };
    if (twoStep) {
      const around = new Set<string>([key]);
      forEachEdgeOf(graph, key, (_e, _a, source, target) => {
        around.add(source);
        around.add(target);
      });
      scope = { kind: 'nodes', nodes: [...around] };
    }
    index = buildIndex(graph, options, module, scope);
  }
  const self = index.nodeId.get(key)!;
  const { ties, kept } = !assess
    ? { ties: [], kept: new Map<unknown, unknown>() }
    : prepared
      ? personTies(index, self, now, model)
      : { ties: egoTies(index, self, now, model), kept: new Map<unknown, unknown>() };
  return { graph, index, person: key, self, now, model, label, ties, kept };
}

/** The key of `person` in a prepared network, which may be older than its graph. */
function preparedKey(index: InteractionIndex, graph: PeopleGraph, person: unknown, module: string): string {
  if ((typeof person === 'string' || typeof person === 'number') && index.nodeId.has('' + person)) return '' + person;
  if (typeof person !== 'string' && typeof person !== 'number') return nodeKey(graph, person, module, 'person');
  throw new NodeNotFoundError(
    `${module}: the node ${quoteKey('' + person)} (argument \`person\`) is not in the prepared network. Check the key; a person added to the graph after prepareNetwork needs the network prepared again.`,
    { node: '' + person, field: 'person' },
  );
}

/** The assessed ties of each person of a prepared network, by date and model: a few per index, oldest dropped first. */
const TIES = new WeakMap<InteractionIndex, Map<string, KeptTies>>();
/** A person's assessed ties kept with a prepared network's index, and what was derived from them. */
interface KeptTies {
  ties: readonly EgoTie[];
  kept: Map<unknown, unknown>;
}
const TIES_KEPT = 32;
const MODEL_KEYS = new WeakMap<ResolvedModel, string>();

/**
 * {@link egoTies} of node id `self` of a prepared network's index, kept with
 * the index: it never changes, so the same person, date and model give the
 * same ties. Frozen, like every assessment in them: readers only.
 */
export function personTies(index: InteractionIndex, self: number, now: number, model: ResolvedModel): KeptTies {
  let kept = TIES.get(index);
  if (kept === undefined) TIES.set(index, (kept = new Map()));
  let modelKey = MODEL_KEYS.get(model);
  if (modelKey === undefined) MODEL_KEYS.set(model, (modelKey = JSON.stringify(model)));
  const key = `${self} ${now} ${modelKey}`;
  let ties = kept.get(key);
  if (ties === undefined) {
    const fresh = egoTies(index, self, now, model);
    for (const tie of fresh) Object.freeze(tie.a);
    ties = { ties: Object.freeze(fresh.map((tie) => Object.freeze(tie))), kept: new Map() };
    if (kept.size >= TIES_KEPT) kept.delete(kept.keys().next().value!);
    kept.set(key, ties);
  }
  return ties;
}

/** One tie of a person with reciprocity's lenses alone (see `lenses.ts`). */
export interface LensTie {
  other: string;
  side: number;
  a: Lenses;
}

/**
 * Reciprocity's lenses of every tie of the person read by `ctx` (read with
 * `assess: false`), decayed with `halfLife` (ms) if a number: the kernel's
 * rule, without the rest of its pass.
 */
export function personLenses(ctx: EgoContext, halfLife: number): LensTie[] {
  const { index, self, now } = ctx;
  return tiesOf(index, self, (d) => {
    const a = newLenses();
    const end = eventsEnd(index, d, now);
    sumLenses(index, d, end, now, halfLife, a);
    a.n = end - index.eventOffset[d]!;
    return a;
  });
}

/** Assesses every tie of node id `self` in `index`. */
export function egoTies(index: InteractionIndex, self: number, now: number, model: ResolvedModel): EgoTie[] {
  return tiesOf(index, self, (d) => assessDyad(index, d, now, model, newAssessment()));
}

/** Each tie of node id `self`, in the order of the other's key: its dyad, the other's key, `self`'s side, and `read(d)`. */
function tiesOf<A>(
  index: InteractionIndex,
  self: number,
  read: (d: number) => A,
): { d: number; other: string; side: number; a: A }[] {
  const ties: { d: number; other: string; side: number; a: A }[] = [];
  for (let i = index.nodeDyadOffset[self]!; i < index.nodeDyadOffset[self + 1]!; i++) {
    const d = index.nodeDyads[i]!;
    ties.push({ d, other: index.nodes[otherEnd(index, d, self)]!, side: index.dyadA[d] === self ? 0 : 1, a: read(d) });
  }
  return ties;
}

/** A whole network read for a question: from a graph (read now) or a prepared network. */
export function readAll(
  network: unknown,
  options: ModelQueryOptions,
  module: string,
): { graph: PeopleGraph; index: InteractionIndex; now: number; model: ResolvedModel } {
  if (!isPreparedNetwork(network)) assertGraph(network, module);
  checkOptions(options, module);
  const now = parseTimeOption(options.now, 'now', module);
  const model = resolveModel(options, module);
  const { graph, index } = readNetwork(network as PeopleGraph | PreparedNetwork, options, module);
  return { graph, index, now, model };
}

/**
 * The one writer of the `.assign` variants: sets `attribute` on every edge of
 * each relationship (self-loops left out) to `value(dyad)`.
 */
export function writeByDyad(
  graph: PeopleGraph,
  index: InteractionIndex,
  attribute: string,
  value: (d: number) => unknown,
): void {
  graph.forEachEdge((edge, _attributes, source, target) => {
    if (source === target) return;
    const d = findDyad(index, index.nodeId.get(source)!, index.nodeId.get(target)!);
    if (d >= 0) graph.setEdgeAttribute(edge, attribute, value(d));
  });
}
