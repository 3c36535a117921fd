/**
 * `createIntroductionFinder` and `findIntroductionPaths`: the best
 * warm-introduction chains from one person to a target, through people who
 * trust both sides.
 *
 * @module
 */
import type { Attributes } from 'graphology-types';
import { InvalidOptionError, NodeNotFoundError, describeValue, quoteKey, type GoodwillError } from '../core/errors.js';
import {
  assertGraph,
  compareKeys,
  forEachEdgeOf,
  hasPrototypeKeys,
  nodeKey,
  ownAttribute,
  type PeopleGraph,
} from '../core/graph.js';
import { keyOffsets } from '../core/csr.js';
import { makeLabeler, type LabelOptions } from '../core/labels.js';
import { buildIndex, compareFaults, findDyad, type InteractionIndex } from '../core/interaction-index.js';
import { assertGraphBacked, isPreparedNetwork, type PreparedNetwork } from '../core/prepared.js';
import { parseTimeOption, type TimeInput } from '../core/time.js';
import type { GraphReadOptions } from '../core/types.js';
import { assessDyad, CONNECTED, DORMANT, FLAG_ONE_SIDED, newAssessment, type Assessment } from '../kernel/assess.js';
import { resolveModel, type RelationshipModelOptions, type ResolvedModel } from '../kernel/options.js';
import { readAll, type ModelQueryOptions } from '../kernel/read.js';
import { STAGE_OF_CODE } from '../kernel/words.js';
import type { Stage, StageLevel } from '../kernel/types.js';
import { BoundedSearch, UNLIMITED, type Path } from './bounded.js';
import { diversePaths, yen } from './kbest.js';
import { planQuestion, RawArcs } from './oneshot.js';
import { Rows } from './rows.js';

/** Reads a hop's probability from an edge: `(edge, attributes, source, target) => p in [0, 1]`. */
export type ProbabilityGetter = (
  edge: string,
  attributes: Attributes,
  source: string,
  target: string,
) => number | null | undefined;

/** What an eligibility predicate sees about a tie. */
export interface TieInfo {
  /** The two people (key order). */
  a: string;
  b: string;
  /** The hop probability. */
  probability: number;
  /** Tie strength (strength mode only). */
  strength: number | null;
  /** Stage (strength mode only). */
  stage: Stage | null;
  /** Whether the tie is dormant (strength mode only). */
  dormant: boolean;
  /** Whether the tie is one-sided: contact only one way, or the kernel's `one-sided` flag (strength mode only). */
  oneSided: boolean;
}

/** Options of {@link createIntroductionFinder}: how ties become hops. */
export interface IntroductionFinderOptions extends GraphReadOptions, RelationshipModelOptions, LabelOptions {
  /** The date of the trust model; required unless `getProbability` is given. */
  now?: TimeInput;
  /**
   * A hop's probability from an edge attribute name or a getter, instead of
   * tie strength — for trust networks without histories. The hop x→y reads the
   * edge y→x ("y trusts x": y vouches for x or listens to x); an undirected edge
   * serves both ways; parallel edges keep the largest value.
   */
  getProbability?: string | ProbabilityGetter;
  /** Ties with a smaller strength are not used (strength mode). Default 0.05. */
  minStrength?: number;
  /** Ties with a smaller probability are not used (with `getProbability`). Default: any p > 0. */
  minProbability?: number;
  /** Require every tie to have reached this stage (by its history; dormant ties stay excluded unless `includeDormant`). */
  minStage?: StageLevel;
  /** Use dormant ties too. Default false. */
  includeDormant?: boolean;
  /** Use ties whose contact went one way only. Default false. */
  includeOneSided?: boolean;
  /** A last word on each tie: return false to leave it out. */
  eligible?: (tie: TieInfo) => boolean;
}

/** People: a key, a list or set of keys, or a predicate over people. */
export type PeopleSelector =
  string | readonly string[] | ReadonlySet<string> | ((key: string, attributes: Attributes) => boolean);

/** Options of one search. */
export interface FindOptions {
  /** How many paths. Default 3. */
  k?: number;
  /** At most this many hops (introductions + 1): an integer ≥ 1, or `Infinity` for no limit. Default 3. */
  maxHops?: number;
  /** Added to the cost −ln p of every hop: > 0 prefers shorter chains. Default 0. */
  hopPenalty?: number;
  /** People the paths may not go through: an array or Set of node keys. */
  exclude?: readonly string[] | ReadonlySet<string>;
  /** Paths through different intermediaries, so that the k answers are k different people to ask. Default false. */
  diverse?: boolean;
}

/** One hop of a path. */
export interface IntroductionHop {
  /** Who is introduced (or asks). */
  from: string;
  /** Who vouches for `from` and makes the next introduction, or the target. */
  to: string;
  /** The hop's probability. */
  probability: number;
  /** Tie strength (strength mode), else null. */
  strength: number | null;
  /** Stage of the tie (strength mode), else null. */
  stage: Stage | null;
}

/** One introduction path. */
export interface IntroductionPath {
  /** The source it starts from: with a team of sources, the member who asks. */
  from: string;
  /** The people from the source to the target. */
  people: string[];
  /** Π of the hop probabilities. */
  reliability: number;
  /** Σ (−ln p + hopPenalty): what the search minimised. */
  cost: number;
  /** The hops. */
  hops: IntroductionHop[];
  /** A sentence for the user. */
  explanation: string;
}

/** Why no path was found. */
export type NoPathReason = 'same-person' | 'no-match' | 'no-eligible-tie' | 'hop-limit' | 'no-path';

/** The result of a search. */
export interface IntroductionResult {
  /** Up to k paths, best first; empty when there is none. */
  paths: IntroductionPath[];
  /** Why there is no path, when `paths` is empty. */
  reason?: NoPathReason;
}

/** A finder built once over a graph, answering many queries. */
export interface IntroductionFinder {
  /**
   * Best introduction paths from `source` — a person, or a team: a list or
   * set of people, or a predicate — to `target` (a person, or a predicate).
   */
  find(
    source: PeopleSelector,
    target: string | ((key: string, attributes: Attributes) => boolean),
    options?: FindOptions,
  ): IntroductionResult;
  /**
   * Reads the ties between the given pairs of people again from the graph
   * (after interactions were added, edges added or removed, or a probability
   * changed) and refreshes them in the index, in time proportional to the two
   * people's degrees. Both people must have been in the graph when the
   * finder was built.
   */
  update(pairs: readonly (readonly [string, string])[]): void;
  /** Number of people and usable hops (arcs) in the index (reading it builds the index if it is not yet). */
  readonly size: { people: number; arcs: number };
  /** Bytes the finder retains: its typed arrays, search buffers and key table (estimated at 64 bytes a person); builds the index if it is not yet. */
  readonly memoryBytes: number;
}

const LEVEL_RANK: Readonly<Record<StageLevel, number>> = { connected: 0, acquainted: 1, engaged: 2, trusted: 3 };
/** Bytes a person's entry in the key → id table and key list takes, about (V8, measured on 100,000 people). */
const KEY_BYTES = 64;
const hasOwn = Object.prototype.hasOwnProperty;
/**
 * The ski-rental prices, in edges a one-shot question reads (RawArcs.read): a build costs about 1–2 such reads per
 * edge of the graph (it reads each edge once and sorts the arcs twice, while a question's read walks graphology's
 * adjacency and a Map), and a question costs about 100–300 reads besides its reads (its buffers and checks) —
 * measured on the 30,000-person heavy-tailed benchmark network.
 */
const BUILD_READS = 2;
const QUESTION_READS = 256;

function probabilityGetter(option: string | ProbabilityGetter, module: string): ProbabilityGetter {
  if (typeof option === 'string') return (_e, attributes) => ownAttribute(attributes, option) as number | undefined;
  if (typeof option === 'function') return option;
  throw new InvalidOptionError(
    `${module}: the option \`getProbability\` must be an edge attribute name or a function; got ${describeValue(option)}.`,
    { field: 'getProbability' },
  );
}

/** How ties become hops: the validated options of a finder. */
interface Mode {
  module: string;
  graph: PeopleGraph;
  /** Probability mode: the getter and the threshold. */
  get: ProbabilityGetter | null;
  minP: number;
  /** Strength mode. */
  now: number;
  model: ResolvedModel | null;
  minStrength: number;
  minLevel: number;
  includeDormant: boolean;
  includeOneSided: boolean;
  eligible: ((tie: TieInfo) => boolean) | null;
  readOptions: GraphReadOptions;
}

function resolveMode(graph: PeopleGraph, options: IntroductionFinderOptions, module: string): Mode {
  if (options === null || typeof options !== 'object') {
    throw new InvalidOptionError(
      `${module}: options are required: { now } for the strength of ties, or { getProbability }; got ${describeValue(options)}.`,
      { field: 'options' },
    );
  }
  const eligible = options.eligible;
  if (eligible !== undefined && typeof eligible !== 'function') {
    throw new InvalidOptionError(
      `${module}: the option \`eligible\` must be a function (tie) => boolean; got ${describeValue(eligible)}.`,
      { field: 'eligible' },
    );
  }
  if (options.minStage !== undefined && !Object.prototype.hasOwnProperty.call(LEVEL_RANK, options.minStage)) {
    throw new InvalidOptionError(
      `${module}: the option \`minStage\` must be 'connected', 'acquainted', 'engaged' or 'trusted'; got ${describeValue(options.minStage)}.`,
      { field: 'minStage' },
    );
  }
  const mode: Mode = {
    module,
    graph,
    get: null,
    minP: 0,
    now: NaN,
    model: null,
    minStrength: 0.05,
    minLevel: options.minStage === undefined ? -1 : LEVEL_RANK[options.minStage],
    includeDormant: options.includeDormant === true,
    includeOneSided: options.includeOneSided === true,
    eligible: eligible ?? null,
    readOptions: options,
  };
  if (options.getProbability !== undefined) {
    mode.get = probabilityGetter(options.getProbability, module);
    const minP = options.minProbability ?? 0;
    if (typeof minP !== 'number' || !(minP >= 0 && minP <= 1)) {
      throw new InvalidOptionError(
        `${module}: the option \`minProbability\` must be a number in [0, 1]; got ${describeValue(minP)}.`,
        { field: 'minProbability' },
      );
    }
    mode.minP = minP;
  } else {
    mode.now = parseTimeOption(options.now, 'now', module);
    mode.model = resolveModel(options, module);
    const minStrength = options.minStrength ?? 0.05;
    if (typeof minStrength !== 'number' || !(minStrength >= 0 && minStrength <= 1)) {
      throw new InvalidOptionError(
        `${module}: the option \`minStrength\` must be a number in [0, 1]; got ${describeValue(minStrength)}.`,
        { field: 'minStrength' },
      );
    }
    mode.minStrength = minStrength;
  }
  return mode;
}

/** Strength mode: the hop probability of dyad d (its kernel strength) and its stage code, or p = 0 when the tie is not usable. */
function assessTie(
  mode: Mode,
  index: InteractionIndex,
  d: number,
  s: Assessment,
  keyA: string,
  keyB: string,
): { p: number; stage: number } {
  assessDyad(index, d, mode.now, mode.model!, s);
  const p = s.strength;
  const stage = s.n === 0 && s.override !== s.override ? CONNECTED : s.stage;
  if (!(p > 0) || p < mode.minStrength) return { p: 0, stage };
  const overridden = s.override === s.override;
  // One-sided: contact only one way, or the kernel's one-sided flag.
  const oneSided = !overridden && (s.i0 === 0 || s.i1 === 0 || (s.flags & FLAG_ONE_SIDED) !== 0);
  const dormant = s.stage === DORMANT;
  if (oneSided && !mode.includeOneSided) return { p: 0, stage };
  if (dormant && !mode.includeDormant) return { p: 0, stage };
  if (mode.minLevel >= 0 && s.level < mode.minLevel) return { p: 0, stage };
  if (
    mode.eligible &&
    !mode.eligible({ a: keyA, b: keyB, probability: p, strength: p, stage: STAGE_OF_CODE[stage]!, dormant, oneSided })
  )
    return { p: 0, stage };
  return { p, stage };
}

/**
 * Probability mode: the probability an edge gives its hop (target → source),
 * 0 when it gives none. A bad value is added to `faults` (and gives 0): the
 * caller reports the first in content order ({@link reportFault}), so that
 * which edge an error names never depends on the graph's insertion order.
 */
function edgeProbability(
  mode: Mode,
  edge: string,
  attributes: Attributes,
  source: string,
  target: string,
  faults: GoodwillError[],
): number {
  const raw = mode.get!(edge, attributes, source, target);
  if (raw === undefined || raw === null) return 0;
  if (typeof raw !== 'number' || !(raw >= 0 && raw <= 1)) {
    faults.push(
      new InvalidOptionError(
        `${mode.module}: the probability of edge ${quoteKey(edge)} (${quoteKey(source)} -> ${quoteKey(target)}) is ${describeValue(raw)}; it must be a number in [0, 1]. Map your ratings to probabilities first.`,
        { edge, source, target, field: 'getProbability' },
      ),
    );
    return 0;
  }
  if (raw === 0 || raw < mode.minP) return 0;
  if (mode.eligible) {
    const first = compareKeys(source, target) < 0;
    if (
      !mode.eligible({
        a: first ? source : target,
        b: first ? target : source,
        probability: raw,
        strength: null,
        stage: null,
        dormant: false,
        oneSided: false,
      })
    )
      return 0;
  }
  return raw;
}

/** Throws the first of `faults` in content order (edge endpoints, then the message, then the edge key), if any. */
function reportFault(faults: GoodwillError[]): void {
  if (faults.length > 0) throw faults.sort(compareFaults)[0]!;
}

/** Arcs u → v with p (and a stage code), as the build reads them: typed arrays sized once, released after the build. */
interface ArcList {
  m: number;
  u: Int32Array;
  v: Int32Array;
  p: Float64Array;
  s: Uint8Array | null;
}

function arcList(capacity: number, withStage: boolean): ArcList {
  const cap = Math.max(capacity, 1);
  return {
    m: 0,
    u: new Int32Array(cap),
    v: new Int32Array(cap),
    p: new Float64Array(cap),
    s: withStage ? new Uint8Array(cap) : null,
  };
}

/**
 * Rows from arcs u → v with p (and a stage code): a stable counting sort by
 * v, then by u (O(m + n), so a hub's row costs its length), each pass moving
 * the arcs' values along rather than an order to gather them by; then
 * parallel arcs (now side by side in a row) keep the largest p. The arc
 * lists' arrays become the rows' when they have the right size, and the
 * arrays of the first pass are handed back for the reversed rows (`spare`),
 * so that the build allocates (and the collector sees) less.
 */
function buildRows(n: number, arcs: ArcList): { rows: Rows; spare: { t: Int32Array; p: Float64Array } | null } {
  const { m, u: us, v: vs, p: ps, s: ss } = arcs;
  const byV = keyOffsets(n, vs, m);
  const offset = keyOffsets(n, us, m);
  // By v: each arc's u, p and stage go to the slot of its v.
  const tu = new Int32Array(m);
  const tp = new Float64Array(m);
  const ts = ss === null ? null : new Uint8Array(m);
  const fillV = byV.slice(0, n);
  for (let i = 0; i < m; i++) {
    const slot = fillV[vs[i]!]!++;
    tu[slot] = us[i]!;
    tp[slot] = ps[i]!;
    if (ts !== null) ts[slot] = ss![i]!;
  }
  // Then by u, taking the v in ascending order: each row comes out sorted by target (into the arc lists' arrays,
  // no longer read, when they hold exactly m).
  const target = us.length === m ? us : new Int32Array(m);
  const probability = ps.length === m ? ps : new Float64Array(m);
  const stage = ts === null ? null : ss!.length === m ? ss! : new Uint8Array(m);
  const fillU = offset.slice(0, n);
  for (let v = 0; v < n; v++) {
    for (let slot = byV[v]!; slot < byV[v + 1]!; slot++) {
      const i = fillU[tu[slot]!]!++;
      target[i] = v;
      probability[i] = tp[slot]!;
      if (stage !== null) stage[i] = ts![slot]!;
    }
  }
  // Parallel arcs: the largest p (and the first one's stage), closing the rows up in place.
  let out = 0;
  for (let u = 0; u < n; u++) {
    const lo = offset[u]!;
    const hi = offset[u + 1]!;
    offset[u] = out;
    for (let i = lo; i < hi; i++) {
      const v = target[i]!;
      if (out > offset[u]! && target[out - 1] === v) {
        if (probability[i]! > probability[out - 1]!) probability[out - 1] = probability[i]!;
      } else {
        target[out] = v;
        probability[out] = probability[i]!;
        if (stage !== null) stage[out] = stage[i]!;
        out++;
      }
    }
  }
  offset[n] = out;
  const cost = new Float64Array(out);
  for (let i = 0; i < out; i++) cost[i] = -Math.log(probability[i]!);
  // Without parallel arcs (the common case) the arrays are the right size already: no copies.
  const fit = <T extends Int32Array | Float64Array | Uint8Array>(a: T): T => (out === m ? a : (a.slice(0, out) as T));
  return {
    rows: new Rows(n, offset, fit(target), cost, fit(probability), stage === null ? null : fit(stage)),
    spare: out === m ? { t: tu, p: tp } : null,
  };
}

/**
 * The reversed rows of built rows (v → u for every arc u → v, same p and
 * cost): one counting pass, taking the rows in order, so that each reversed
 * row comes out sorted.
 */
function reversedRows(rows: Rows, spare: { t: Int32Array; p: Float64Array } | null): Rows {
  const { n, start, end, target, cost, probability } = rows;
  const m = target.length;
  const offset = keyOffsets(n, target);
  const fill = offset.slice(0, n);
  const bt = spare?.t ?? new Int32Array(m);
  const bc = new Float64Array(m);
  const bp = spare?.p ?? new Float64Array(m);
  for (let u = 0; u < n; u++) {
    for (let e = start[u]!; e < end[u]!; e++) {
      const i = fill[target[e]!]!++;
      bt[i] = u;
      bc[i] = cost[e]!;
      bp[i] = probability[e]!;
    }
  }
  return new Rows(n, offset, bt, bc, bp, null);
}

/** The people and the arcs of a finder, or of a one-shot question (lazy). */
interface Network {
  mode: Mode;
  keys: string[];
  nodeId: Map<string, number>;
  fw: Rows;
  bw: Rows;
  /** Orders ids as their keys (null: ids are in key order). */
  before: ((x: number, y: number) => boolean) | null;
  /** The id of a person (lazy: given on first sight), or undefined when the network does not hold them. */
  idOf(key: string): number | undefined;
  /**
   * A one-shot question's plan (see `oneshot.ts`), when the network reads the
   * raw graph: the reason there is no chain within `maxHops`, or null after
   * narrowing the rows to the people a chain can pass through.
   */
  plan?: (sources: number[], targets: number[], excluded: number[], maxHops: number) => NoPathReason | null;
  /** Edges read from the raw graph so far (a network read on demand). */
  read?: () => number;
}

function buildNetwork(
  input: PeopleGraph | PreparedNetwork,
  options: IntroductionFinderOptions,
  module: string,
  known: ReadonlySet<string> | null = null,
): Network {
  const prepared = isPreparedNetwork(input);
  if (!prepared) assertGraph(input, module);
  assertGraphBacked(input, module);
  const graph = prepared ? input.graph : (input as PeopleGraph);
  const mode = resolveMode(graph, options, module);
  if (mode.get === null) {
    // Strength mode: one arc each way per usable tie, symmetric (the reversed rows are the rows).
    const { index } = readAll(input, options as ModelQueryOptions, module);
    const keys = index.nodes as string[];
    const nodeId = index.nodeId as Map<string, number>;
    const s = newAssessment();
    const arcs = arcList(2 * index.dyadCount, true);
    const { u, v, p, s: st } = arcs;
    let m = 0;
    for (let d = 0; d < index.dyadCount; d++) {
      const a = index.dyadA[d]!;
      const b = index.dyadB[d]!;
      const tie = assessTie(mode, index, d, s, keys[a]!, keys[b]!);
      if (tie.p === 0) continue;
      u[m] = a;
      v[m] = b;
      p[m] = tie.p;
      st![m++] = tie.stage;
      u[m] = b;
      v[m] = a;
      p[m] = tie.p;
      st![m++] = tie.stage;
    }
    arcs.m = m;
    const fw = buildRows(keys.length, arcs).rows;
    // Ids in key order (the index's): comparing ids is comparing keys.
    return builtNetwork(mode, keys, nodeId, fw, fw, false);
  }
  // Probability mode: ids in the graph's order (no sort of the keys: ties between paths compare the keys).
  // A build deferred by a finder (probability mode) holds the people the finder was made with, no one added since.
  const keys = known === null ? graph.nodes() : graph.nodes().filter((key) => known.has(key));
  const nodeId = new Map<string, number>();
  for (let i = 0; i < keys.length; i++) nodeId.set(keys[i]!, i);
  const arcs = arcList(graph.directedSize + 2 * graph.undirectedSize, false);
  const { u, v, p } = arcs;
  let m = 0;
  const faults: GoodwillError[] = [];
  // An attribute name without `eligible`: a valid value is taken as it is; anything else goes the general way.
  const name = typeof options.getProbability === 'string' && mode.eligible === null ? options.getProbability : null;
  const minP = mode.minP;
  graph.forEachEdge((edge, attributes, source, target, _sa, _ta, undirected) => {
    if (source === target) return;
    const s = nodeId.get(source);
    const t = nodeId.get(target);
    if (s === undefined || t === undefined) return;
    const raw = name !== null && hasOwn.call(attributes, name) ? attributes[name] : undefined;
    let q: number;
    if (typeof raw === 'number' && raw > 0 && raw <= 1 && raw >= minP) q = raw;
    else {
      q = edgeProbability(mode, edge, attributes, source, target, faults);
      if (q === 0) return;
    }
    // The edge source→target ("source trusts target") enables the hop target→source.
    u[m] = t;
    v[m] = s;
    p[m++] = q;
    if (undirected) {
      u[m] = s;
      v[m] = t;
      p[m++] = q;
    }
  });
  reportFault(faults);
  arcs.m = m;
  const { rows: fw, spare } = buildRows(keys.length, arcs);
  // The reversed arcs, for the backward half of the search.
  const bw = reversedRows(fw, spare);
  return builtNetwork(mode, keys, nodeId, fw, bw, true);
}

/**
 * The network of a finder. Its functions are made here, apart from the
 * build, so that they do not keep the build's temporary arrays alive (a
 * closure holds on to every variable that any closure of its function uses).
 */
function builtNetwork(
  mode: Mode,
  keys: string[],
  nodeId: Map<string, number>,
  fw: Rows,
  bw: Rows,
  byKeys: boolean,
): Network {
  return {
    mode,
    keys,
    nodeId,
    fw,
    bw,
    before: byKeys ? (x, y) => keys[x]! < keys[y]! : null,
    idOf: (key) => nodeId.get(key),
  };
}

/** The raw graph's arcs as a one-shot plan reads them, with the build's shortcut for an attribute name. */
function rawArcs(mode: Mode, options: IntroductionFinderOptions, known: ReadonlySet<string> | null): RawArcs {
  const faults: GoodwillError[] = [];
  const name = typeof options.getProbability === 'string' && mode.eligible === null ? options.getProbability : null;
  const minP = mode.minP;
  const probability = (edge: string, attributes: Attributes, source: string, target: string): number => {
    if (name !== null && hasOwn.call(attributes, name)) {
      const raw = attributes[name];
      if (typeof raw === 'number' && raw > 0 && raw <= 1 && raw >= minP) return raw;
    }
    return edgeProbability(mode, edge, attributes, source, target, faults);
  };
  return new RawArcs(mode.graph, probability, known, () => {
    if (faults.length > 0) reportFault(faults.splice(0));
  });
}

/**
 * A network read on demand: a person gets an id when first seen, and their
 * arcs when the search first reaches them — their ties assessed by the kernel
 * from their own edges only (strength mode), or their edges' probabilities.
 */
function lazyNetwork(
  graph: PeopleGraph,
  options: IntroductionFinderOptions,
  module: string,
  known: ReadonlySet<string> | null = null,
): Network {
  const mode = resolveMode(graph, options, module);
  const keys: string[] = [];
  const nodeId = new Map<string, number>();
  let fw: Rows;
  let bw: Rows;
  // Probability mode reads the raw graph through a plan (a graph with prototype-named keys: the whole-graph way).
  const raw = mode.get !== null && !hasPrototypeKeys(graph) ? rawArcs(mode, options, known) : null;
  let within: ReadonlySet<string> | null = null;
  let read = 0;
  const idOf = (key: string): number | undefined => {
    let id = nodeId.get(key);
    if (id === undefined) {
      if (!graph.hasNode(key) || (known !== null && !known.has(key))) return undefined;
      id = keys.length;
      keys.push(key);
      nodeId.set(key, id);
      fw.grow(keys.length);
      if (bw !== fw) bw.grow(keys.length);
    }
    return id;
  };
  if (mode.get === null) {
    const s = newAssessment();
    fw = Rows.lazy(
      (u, rows) => {
        const key = keys[u]!;
        read += graph.degree(key);
        const index = buildIndex(graph, mode.readOptions, module, { kind: 'node', node: key });
        const self = index.nodeId.get(key)!;
        for (let i = index.nodeDyadOffset[self]!; i < index.nodeDyadOffset[self + 1]!; i++) {
          const d = index.nodeDyads[i]!;
          const a = index.dyadA[d]!;
          const b = index.dyadB[d]!;
          const tie = assessTie(mode, index, d, s, index.nodes[a]!, index.nodes[b]!);
          if (tie.p === 0) continue;
          const other = idOf(index.nodes[a === self ? b : a]!);
          if (other !== undefined) rows.append(other, tie.p, tie.stage);
        }
      },
      (u) => graph.degree(keys[u]!),
      true,
    );
    bw = fw;
  } else {
    // Hop x → y reads the edge y → x: x's forward row holds its in-edges, its backward row its out-edges.
    const loader = (forward: boolean) => (u: number, rows: Rows) => {
      const key = keys[u]!;
      const best = new Map<string, number>();
      const faults: GoodwillError[] = [];
      const visit = (
        edge: string,
        attributes: Attributes,
        source: string,
        target: string,
        _sa: Attributes,
        _ta: Attributes,
        undirected: boolean,
      ) => {
        if (source === target) return;
        const other = source === key ? target : source;
        if (!undirected && (forward ? target !== key : source !== key)) return;
        const p = edgeProbability(mode, edge, attributes, source, target, faults);
        if (p > 0 && p > (best.get(other) ?? 0)) best.set(other, p);
      };
      // After a plan, only the arcs between the people a chain can pass through.
      if (within !== null) raw!.rowWithin(key, forward, within, visit);
      else {
        read += graph.degree(key);
        forEachEdgeOf(graph, key, visit);
      }
      reportFault(faults);
      for (const [other, p] of best) {
        const id = idOf(other);
        if (id !== undefined) rows.append(id, p, 0);
      }
    };
    const degree = (u: number) => graph.degree(keys[u]!);
    fw = Rows.lazy(loader(true), degree, false);
    bw = Rows.lazy(loader(false), degree, false);
  }
  fw.reverse = bw;
  const net: Network = {
    mode,
    keys,
    nodeId,
    fw,
    bw,
    before: (x, y) => keys[x]! < keys[y]!,
    idOf,
    read: () => read + (raw?.read ?? 0),
  };
  if (raw !== null) {
    const arcs = raw;
    net.plan = (sources, targets, excluded, maxHops) => {
      within = null;
      const plan = planQuestion(
        arcs,
        sources.map((i) => keys[i]!),
        targets.map((i) => keys[i]!),
        new Set(excluded.map((i) => keys[i]!)),
        maxHops,
      );
      if ('reason' in plan) return plan.reason;
      within = plan.people;
      return null;
    };
  }
  return net;
}

/** A probability as the explanations show it. */
function fmt(x: number): string {
  return x.toFixed(2);
}

/** The arcs of the rows of a frontier. */
function width(rows: Rows, front: number[]): number {
  let w = 0;
  for (const u of front) {
    rows.load(u);
    w += rows.end[u]! - rows.start[u]!;
  }
  return w;
}

/** Everything a query needs besides the network: the search, built once. */
class Engine {
  readonly search: BoundedSearch;
  constructor(readonly net: Network) {
    // Rows read on demand serve one question: buffers that start small (a finder's are sized for any question).
    this.search = new BoundedSearch(net.fw, net.bw, net.fw.lazy ? 64 : 1024);
    this.search.before = net.before;
  }

  private describe(path: Path, hopPenalty: number, label: (key: string) => string): IntroductionPath {
    const { keys, fw, mode } = this.net;
    const people = path.nodes.map((i) => keys[i]!);
    const hops: IntroductionHop[] = [];
    let reliability = 1;
    for (let i = 0; i + 1 < path.nodes.length; i++) {
      const u = path.nodes[i]!;
      const v = path.nodes[i + 1]!;
      const [rows, e] = fw.hop(u, v);
      const p = rows.probability[e]!;
      reliability *= p;
      const strength = mode.get === null ? p : null;
      hops.push({
        from: keys[u]!,
        to: keys[v]!,
        probability: p,
        strength,
        stage: rows.stage !== null ? STAGE_OF_CODE[rows.stage[e]!]! : null,
      });
    }
    let explanation: string;
    const name = people.map(label);
    if (people.length === 2)
      explanation = `${name[1]} already knows ${name[0]} (${fmt(hops[0]!.probability)}): reach out directly.`;
    else {
      const chain = hops
        .slice(1)
        .map((_h, i) => `${name[i + 1]} introduces you to ${name[i + 2]} (${fmt(hops[i + 1]!.probability)})`)
        .join(', then ');
      explanation = `Ask ${name[1]}, who trusts you (${fmt(hops[0]!.probability)}): ${chain}. Reliability ${fmt(reliability)} over ${hops.length} hops.`;
    }
    return {
      from: people[0]!,
      people,
      reliability,
      cost: path.cost,
      hops,
      explanation: hopPenalty > 0 ? `${explanation} (hop penalty ${hopPenalty})` : explanation,
    };
  }

  /**
   * Whether some target can be reached at all (past the hop limit): a
   * bidirectional breadth-first search from the sources and the targets that
   * always expands the side whose frontier has fewer arcs, and stops when the
   * two meet or one side runs out — so it costs about the smaller side's
   * reach, not the graph's.
   */
  private connected(
    sources: number[],
    targets: number[],
    isTarget: ReadonlySet<number>,
    excluded: ReadonlySet<number>,
  ): boolean {
    const { fw, bw } = this.net;
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

  find(
    sourceSel: PeopleSelector,
    target: string | ((key: string, attributes: Attributes) => boolean),
    findOptions: FindOptions,
    where: string,
    label: (key: string) => string,
  ): IntroductionResult {
    const { net } = this;
    const g = net.mode.graph;
    if (findOptions === null || typeof findOptions !== 'object') {
      throw new InvalidOptionError(`${where}: options must be an object; got ${describeValue(findOptions)}.`, {
        field: 'options',
      });
    }
    const k = findOptions.k ?? 3;
    const maxHopsOption = findOptions.maxHops ?? 3;
    const hopPenalty = findOptions.hopPenalty ?? 0;
    if (!Number.isInteger(k) || k < 1)
      throw new InvalidOptionError(`${where}: the option \`k\` must be an integer >= 1; got ${describeValue(k)}.`, {
        field: 'k',
      });
    if (!(maxHopsOption === Infinity || (Number.isInteger(maxHopsOption) && maxHopsOption >= 1))) {
      throw new InvalidOptionError(
        `${where}: the option \`maxHops\` must be an integer >= 1, or Infinity for no limit; got ${describeValue(maxHopsOption)}.`,
        { field: 'maxHops' },
      );
    }
    const maxHops = maxHopsOption >= UNLIMITED ? UNLIMITED : maxHopsOption;
    if (typeof hopPenalty !== 'number' || !Number.isFinite(hopPenalty) || hopPenalty < 0)
      throw new InvalidOptionError(
        `${where}: the option \`hopPenalty\` must be a finite number >= 0; got ${describeValue(hopPenalty)}.`,
        { field: 'hopPenalty' },
      );
    // Sources: one person, or a team.
    const sourceKeys: string[] = [];
    if (typeof sourceSel === 'string' || typeof sourceSel === 'number')
      sourceKeys.push(nodeKey(g, sourceSel, where, 'source'));
    else if (typeof sourceSel === 'function') {
      g.forEachNode((key, attributes) => {
        if (sourceSel(key, attributes)) sourceKeys.push(key);
      });
    } else if (Array.isArray(sourceSel) || sourceSel instanceof Set) {
      for (const x of sourceSel as Iterable<unknown>) sourceKeys.push(nodeKey(g, x, where, 'source'));
    } else {
      throw new InvalidOptionError(
        `${where}: the source must be a node key, an array or Set of node keys, or a predicate (key, attributes) => boolean; got ${describeValue(sourceSel)}.`,
        { field: 'source' },
      );
    }
    if (sourceKeys.length === 0)
      throw new InvalidOptionError(`${where}: the source selects nobody; give at least one person.`, {
        field: 'source',
      });
    const sourceSet = new Set<number>();
    for (const key of sourceKeys) {
      const id = net.idOf(key);
      if (id === undefined)
        throw new NodeNotFoundError(
          `${where}: the source ${quoteKey(key)} was added to the graph after the finder was built; build the finder again.`,
          { node: key, field: 'source' },
        );
      sourceSet.add(id);
    }
    const sources = [...sourceSet].sort((x, y) => (net.before === null ? x - y : net.before(x, y) ? -1 : 1));
    const targets: number[] = [];
    if (typeof target === 'string' || typeof target === 'number') {
      const targetKey = nodeKey(g, target, where, 'target');
      const id = net.idOf(targetKey);
      if (id === undefined)
        throw new NodeNotFoundError(
          `${where}: the target ${quoteKey(targetKey)} was added to the graph after the finder was built; build the finder again.`,
          { node: targetKey, field: 'target' },
        );
      if (sourceSet.has(id)) return { paths: [], reason: 'same-person' };
      targets.push(id);
    } else if (typeof target === 'function') {
      const matches: string[] = [];
      g.forEachNode((key, attributes) => {
        if (target(key, attributes)) matches.push(key);
      });
      for (const key of matches) {
        const id = net.idOf(key);
        if (id !== undefined && !sourceSet.has(id)) targets.push(id);
      }
      if (targets.length === 0) return { paths: [], reason: 'no-match' };
    } else {
      throw new InvalidOptionError(
        `${where}: the target must be a node key or a predicate (key, attributes) => boolean; got ${describeValue(target)}.`,
        { field: 'target' },
      );
    }
    const exclude = findOptions.exclude ?? [];
    if (!Array.isArray(exclude) && !(exclude instanceof Set)) {
      throw new InvalidOptionError(
        `${where}: the option \`exclude\` must be an array (or Set) of node keys; got ${describeValue(exclude)}.`,
        { field: 'exclude' },
      );
    }
    const excludedIds: number[] = [];
    for (const x of exclude) {
      const id = net.idOf(nodeKey(g, x, where, 'exclude'));
      if (id !== undefined && !sourceSet.has(id)) excludedIds.push(id);
    }
    const { fw } = net;
    if (net.plan !== undefined && maxHops !== UNLIMITED) {
      // One-shot: no chain is proven (or the rows narrowed) before any search.
      const reason = net.plan(sources, targets, excludedIds, maxHops);
      if (reason !== null) return { paths: [], reason };
    } else {
      let anyTie = false;
      for (const s of sources) {
        fw.load(s);
        if (fw.end[s]! > fw.start[s]!) anyTie = true;
      }
      if (!anyTie) return { paths: [], reason: 'no-eligible-tie' };
    }
    const search = this.search;
    search.grow(fw.n); // lazy rows may have met new people
    search.startQuery(targets, excludedIds, maxHops, hopPenalty, sources);
    const q = { sources, k, maxHops, hopPenalty, before: net.before };
    const paths = findOptions.diverse ? diversePaths(fw, search, q) : yen(fw, search, q);
    if (paths.length === 0) {
      const reachable =
        maxHops !== UNLIMITED && this.connected(sources, targets, new Set(targets), new Set(excludedIds));
      return { paths: [], reason: reachable ? 'hop-limit' : 'no-path' };
    }
    return { paths: paths.map((p) => this.describe(p, hopPenalty, label)) };
  }
}

/**
 * Builds an introduction finder over `graph` (or a {@link PreparedNetwork}):
 * the people get integer ids (in key order, the tie-break rule), the usable
 * ties become arcs of a CSR index in typed arrays weighted by −ln p, and
 * every `find` runs on that index without touching graphology. In strength
 * mode (default) a hop's probability is the tie's strength at `now` —
 * symmetric — and dormant, one-sided and weak ties (strength < 0.05) are
 * left out; with `getProbability` it is read from the edges (for trust
 * networks), and only `minProbability` applies. Everything a query needs is
 * allocated with the index; `update` refreshes ties after the graph changes.
 * In probability mode on a graph, the index is built only once questions
 * have read about as much of the graph as the build would (they are answered
 * the one-shot way until then, with the same answers), or when `size` or
 * `memoryBytes` is read; people added to the graph later are not part of it.
 *
 * @see [Introduction paths](../../docs/guides/introductions.md), the guide.
 *
 * @example
 * ```ts
 * const finder = createIntroductionFinder(graph, { now: '2024-06-30' });
 * finder.find('me', 'ceo@acme').paths[0]; // { from: 'me', people: ['me', 'bob', 'ceo@acme'], reliability: 0.42, … }
 * finder.find(['me', 'ana', 'raj'], (key, attrs) => attrs.company === 'Acme', { k: 5, diverse: true });
 * finder.update([['me', 'bob']]); // after logging a meeting between me and bob
 * ```
 */
export function createIntroductionFinder(
  graph: PeopleGraph | PreparedNetwork,
  options: IntroductionFinderOptions,
): IntroductionFinder {
  const module = 'createIntroductionFinder';
  const prepared = isPreparedNetwork(graph);
  if (!prepared) assertGraph(graph, module);
  assertGraphBacked(graph, module);
  const g = prepared ? graph.graph : (graph as PeopleGraph);
  const mode = resolveMode(g, options, module); // bad options fail here, built or not
  const label = makeLabeler(g, options, module);
  let net: Network | null = null;
  let engine: Engine | null = null;
  const build = (): Engine => {
    net = buildNetwork(graph, options, module, known);
    engine = new Engine(net);
    return engine;
  };
  // Probability mode on a graph: questions are answered on the raw graph, as one-shot ones, until they have read as
  // many edges as a build costs; then the index is built (the ski-rental rule: at most twice the cheaper of the two,
  // Karlin et al. 1988). So a few hundred questions never pay for a build, and many pay for it once.
  const lazy = !prepared && mode.get !== null && !hasPrototypeKeys(g);
  const known = lazy ? new Set(g.nodes()) : null;
  const budget = BUILD_READS * g.size;
  let spent = 0;
  if (!lazy) build();
  const built = (): Engine => engine ?? build();
  const find = (
    source: PeopleSelector,
    target: string | ((key: string, attributes: Attributes) => boolean),
    findOptions: FindOptions,
  ): IntroductionResult => {
    const where = 'IntroductionFinder.find';
    if (engine !== null || spent >= budget) return built().find(source, target, findOptions, where, label);
    const oneShot = lazyNetwork(g, options, module, known);
    try {
      return new Engine(oneShot).find(source, target, findOptions, where, label);
    } finally {
      spent += QUESTION_READS + oneShot.read!();
    }
  };
  const update = (pairs: readonly (readonly [string, string])[]): void => {
    const where = 'IntroductionFinder.update';
    if (prepared) {
      throw new InvalidOptionError(
        `${where}: this finder was built from a prepared network, a snapshot of the graph; build it from the graph to update it, or prepare the network again.`,
        { field: 'update' },
      );
    }
    if (!Array.isArray(pairs))
      throw new InvalidOptionError(`${where}: pass an array of [a, b] pairs of people; got ${describeValue(pairs)}.`, {
        field: 'pairs',
      });
    for (const pair of pairs) {
      if (!Array.isArray(pair) || pair.length !== 2)
        throw new InvalidOptionError(`${where}: each pair must be [a, b]; got ${describeValue(pair)}.`, {
          field: 'pairs',
        });
      const a = nodeKey(g, pair[0], where, 'a');
      const b = nodeKey(g, pair[1], where, 'b');
      const knows = (key: string) => (net === null ? known!.has(key) : net.nodeId.has(key));
      if (!knows(a) || !knows(b)) {
        const key = knows(a) ? b : a;
        throw new NodeNotFoundError(
          `${where}: ${quoteKey(key)} was added to the graph after the finder was built; build the finder again to add people.`,
          { node: key, field: key === a ? 'a' : 'b' },
        );
      }
      // Not built yet: questions read the graph as it is, nothing to refresh.
      if (a === b || net === null) continue;
      refreshPair(net, a, b, net.nodeId.get(a)!, net.nodeId.get(b)!, where);
    }
  };
  return {
    find: (source, target, findOptions = {}) => find(source, target, findOptions),
    update,
    get size() {
      const { fw } = built().net;
      let arcs = 0;
      for (let u = 0; u < fw.n; u++) arcs += fw.end[u]! - fw.start[u]!;
      return { people: fw.n, arcs };
    },
    get memoryBytes() {
      const { net, search } = built();
      return net.fw.bytes + (net.bw === net.fw ? 0 : net.bw.bytes) + search.bytes + net.keys.length * KEY_BYTES;
    },
  };
}

/** Reads the ties between a and b again (both directions) and sets their arcs. */
function refreshPair(net: Network, a: string, b: string, ia: number, ib: number, where: string): void {
  const { mode } = net;
  const g = mode.graph;
  if (mode.get === null) {
    const index = buildIndex(g, mode.readOptions, where, { kind: 'pair', a, b });
    const d = findDyad(index, index.nodeId.get(a)!, index.nodeId.get(b)!);
    let p = 0;
    let stage = CONNECTED;
    if (d >= 0) {
      const lo = compareKeys(a, b) < 0;
      const tie = assessTie(mode, index, d, newAssessment(), lo ? a : b, lo ? b : a);
      p = tie.p;
      stage = tie.stage;
    }
    net.fw.set(ia, ib, p, stage);
    net.fw.set(ib, ia, p, stage);
    return;
  }
  // Probability mode: the hop a→b reads the edges b→a (and undirected ones), parallel edges keep the largest.
  let ab = 0;
  let ba = 0;
  const faults: GoodwillError[] = [];
  forEachEdgeOf(g, a, (edge, attributes, source, target, _sa, _ta, undirected) => {
    if (!((source === a && target === b) || (source === b && target === a))) return;
    const p = edgeProbability(mode, edge, attributes, source, target, faults);
    if (p === 0) return;
    if (undirected || source === b) ab = Math.max(ab, p);
    if (undirected || source === a) ba = Math.max(ba, p);
  });
  reportFault(faults);
  net.fw.set(ia, ib, ab, 0);
  net.fw.set(ib, ia, ba, 0);
  net.bw.set(ib, ia, ab, 0);
  net.bw.set(ia, ib, ba, 0);
}

/**
 * The best warm-introduction paths from `source` — a person, or a team — to
 * `target` — a node key, or a predicate over people ("anyone whose company
 * is Acme") — in one call, on the raw graph: it reads only the people the
 * search reaches (their ties assessed by the same kernel, so with the same
 * probabilities a finder would use), not the whole graph. Returns up to `k`
 * paths (default 3), best first by reliability (Π of hop probabilities; the
 * search minimises Σ −ln p, plus any hop penalty), ties broken by fewer hops,
 * then by the people's keys; or an empty list with the reason. In probability
 * mode with a hop limit, whether a chain exists is proven first on the raw
 * graph, and the search reads only the ties among the people around the two
 * ends. For many questions on one graph, keep a finder
 * ({@link createIntroductionFinder}).
 *
 * @see [Introduction paths](../../docs/guides/introductions.md), the guide.
 *
 * @example
 * ```ts
 * const { paths, reason } = findIntroductionPaths(graph, 'me', 'target', { now: '2024-06-30', k: 3 });
 * paths[0].explanation; // 'Ask carol, who trusts you (0.95): carol introduces you to dan (0.95), then …'
 * ```
 */
export function findIntroductionPaths(
  graph: PeopleGraph,
  source: PeopleSelector,
  target: string | ((key: string, attributes: Attributes) => boolean),
  options: IntroductionFinderOptions & FindOptions,
): IntroductionResult {
  const module = 'findIntroductionPaths';
  assertGraph(graph, module);
  const net = lazyNetwork(graph, options, module);
  const label = makeLabeler(graph, options, module);
  const { k, maxHops, hopPenalty, exclude, diverse } = options;
  const findOptions: FindOptions = {};
  if (k !== undefined) findOptions.k = k;
  if (maxHops !== undefined) findOptions.maxHops = maxHops;
  if (hopPenalty !== undefined) findOptions.hopPenalty = hopPenalty;
  if (exclude !== undefined) findOptions.exclude = exclude;
  if (diverse !== undefined) findOptions.diverse = diverse;
  return new Engine(net).find(source, target, findOptions, module, label);
}
