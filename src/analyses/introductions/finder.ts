/**
 * `createIntroductionFinder` and `findIntroductionPaths`: the best
 * warm-introduction chains from one person to a target, through people who
 * trust both sides.
 *
 * @module
 */
import type { Attributes } from 'graphology-types';
import { InvalidOptionError, describeValue, quoteKey } from '../../core/errors.js';
import { assertGraph, compareKeys, nodeKey, type PeopleGraph } from '../../core/graph.js';
import { makeLabeler, type LabelOptions } from '../../core/labels.js';
import { buildCsr } from '../../core/csr.js';
import { buildIndex, eventsEnd, type InteractionIndex } from '../../core/interaction-index.js';
import { parseTimeOption, type TimeInput } from '../../core/time.js';
import type { GraphReadOptions } from '../../core/types.js';
import { assessDyad, CONNECTED, DORMANT, FLAG_ONE_SIDED, newAssessment } from '../../kernel/assess.js';
import { resolveModel, type RelationshipModelOptions } from '../../kernel/options.js';
import { STAGE_OF_CODE } from '../../kernel/words.js';
import type { Stage, StageLevel } from '../../kernel/types.js';
import { diversePaths, yen } from './kbest.js';
import { meetInTheMiddle } from './meet.js';
import { HopSearch, type Csr, type Path } from './search.js';

/** Reads a hop's probability from an edge: `(edge, attributes, source, target) => p in [0, 1]`. */
export type ProbabilityGetter = (edge: string, attributes: Attributes, source: string, target: string) => number | null | undefined;

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

/** Options of one search. */
export interface FindOptions {
  /** How many paths. Default 3. */
  k?: number;
  /** At most this many hops (introductions + 1). Default 3. */
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
  /** Best introduction paths from `source` to `target` (a key, or a predicate over people). */
  find(source: string, target: string | ((key: string, attributes: Attributes) => boolean), options?: FindOptions): IntroductionResult;
  /** Number of people and usable hops (arcs) in the index. */
  readonly size: { people: number; arcs: number };
  /** Bytes held by the index's typed arrays. */
  readonly memoryBytes: number;
}

/** Up to this hop limit, k = 1 to one person meets in the middle; beyond, hop layers cost more than a label-setting search. */
const MEET_MAX_HOPS = 4;

const LEVEL_RANK: Readonly<Record<StageLevel, number>> = { connected: 0, acquainted: 1, engaged: 2, trusted: 3 };

function probabilityGetter(option: string | ProbabilityGetter, module: string): ProbabilityGetter {
  if (typeof option === 'string') return (_e, attributes) => attributes[option] as number | undefined;
  if (typeof option === 'function') return option;
  throw new InvalidOptionError(`${module}: the option \`getProbability\` must be an edge attribute name or a function; got ${describeValue(option)}.`, { field: 'getProbability' });
}

/** Growable arc list: u → v with probability p. */
class Arcs {
  u: number[] = [];
  v: number[] = [];
  p: number[] = [];
  push(u: number, v: number, p: number): void {
    this.u.push(u);
    this.v.push(v);
    this.p.push(p);
  }
}

/** CSR of the arcs; parallel arcs keep the largest p. */
function toCsr(n: number, arcs: Arcs): Csr {
  const { offset, target, weight: probability } = buildCsr(n, arcs.u, arcs.v, arcs.p, Math.max);
  const cost = new Float64Array(probability.length);
  for (let i = 0; i < probability.length; i++) cost[i] = -Math.log(probability[i]!);
  return { n, offset, target, cost, probability };
}

/**
 * Builds an introduction finder over `graph`: the people get integer ids (in
 * key order, the tie-break rule), the usable ties become arcs of a CSR index
 * in typed arrays weighted by −ln p, and every `find` runs on that index
 * without touching graphology. In strength mode (default) a hop's probability
 * is the tie's strength at `now` — symmetric — and dormant, one-sided and
 * weak ties (strength < 0.05) are left out; with `getProbability` it is read
 * from the edges (for trust networks), and only `minProbability` applies.
 *
 * @example
 * ```ts
 * const finder = createIntroductionFinder(graph, { now: '2024-06-30' });
 * finder.find('me', 'ceo@acme').paths[0]; // { people: ['me', 'bob', 'ceo@acme'], reliability: 0.42, … }
 * finder.find('me', (key, attrs) => attrs.company === 'Acme', { k: 5, diverse: true });
 * ```
 */
export function createIntroductionFinder(graph: PeopleGraph, options: IntroductionFinderOptions): IntroductionFinder {
  const module = 'createIntroductionFinder';
  return buildFinder(graph, options, module);
}

function buildFinder(graph: unknown, options: IntroductionFinderOptions, module: string): IntroductionFinder {
  assertGraph(graph, module);
  const g: PeopleGraph = graph;
  if (options === null || typeof options !== 'object') {
    throw new InvalidOptionError(`${module}: options are required: { now } for the strength of ties, or { getProbability }; got ${describeValue(options)}.`, { field: 'options' });
  }
  const arcs = new Arcs();
  const label = makeLabeler(g, options, module);
  let keys: string[];
  let nodeId: ReadonlyMap<string, number>;
  let index: InteractionIndex | null = null;
  let strengths: Float64Array | null = null;
  let stageOf: ((d: number) => Stage) | null = null;
  let now = NaN;
  const eligible = options.eligible;
  if (eligible !== undefined && typeof eligible !== 'function') {
    throw new InvalidOptionError(`${module}: the option \`eligible\` must be a function (tie) => boolean; got ${describeValue(eligible)}.`, { field: 'eligible' });
  }
  if (options.minStage !== undefined && !Object.prototype.hasOwnProperty.call(LEVEL_RANK, options.minStage)) {
    throw new InvalidOptionError(`${module}: the option \`minStage\` must be 'connected', 'acquainted', 'engaged' or 'trusted'; got ${describeValue(options.minStage)}.`, { field: 'minStage' });
  }
  if (options.getProbability !== undefined) {
    const get = probabilityGetter(options.getProbability, module);
    const minP = options.minProbability ?? 0;
    if (typeof minP !== 'number' || !(minP >= 0 && minP <= 1)) {
      throw new InvalidOptionError(`${module}: the option \`minProbability\` must be a number in [0, 1]; got ${describeValue(minP)}.`, { field: 'minProbability' });
    }
    keys = g.nodes().sort(compareKeys);
    const ids = new Map<string, number>();
    keys.forEach((k, i) => ids.set(k, i));
    nodeId = ids;
    g.forEachEdge((edge, attributes, source, target, _sa, _ta, undirected) => {
      if (source === target) return;
      const raw = get(edge, attributes, source, target);
      if (raw === undefined || raw === null) return;
      if (typeof raw !== 'number' || !(raw >= 0 && raw <= 1)) {
        throw new InvalidOptionError(`${module}: the probability of edge ${quoteKey(edge)} (${quoteKey(source)} -> ${quoteKey(target)}) is ${describeValue(raw)}; it must be a number in [0, 1]. Map your ratings to probabilities first.`, { edge, source, target, field: 'getProbability' });
      }
      if (raw === 0 || raw < minP) return;
      const s = ids.get(source)!;
      const t = ids.get(target)!;
      const info = (): TieInfo => ({ a: s < t ? source : target, b: s < t ? target : source, probability: raw, strength: null, stage: null, dormant: false, oneSided: false });
      if (eligible && !eligible(info())) return;
      // The edge source→target ("source trusts target") enables the hop target→source.
      arcs.push(t, s, raw);
      if (undirected) arcs.push(s, t, raw);
    });
  } else {
    now = parseTimeOption(options.now, 'now', module);
    const model = resolveModel(options, module);
    const minStrength = options.minStrength ?? 0.05;
    if (typeof minStrength !== 'number' || !(minStrength >= 0 && minStrength <= 1)) {
      throw new InvalidOptionError(`${module}: the option \`minStrength\` must be a number in [0, 1]; got ${describeValue(minStrength)}.`, { field: 'minStrength' });
    }
    const idx = buildIndex(g, options, module);
    index = idx;
    keys = idx.nodes as string[];
    nodeId = idx.nodeId;
    const codes = new Uint8Array(idx.dyadCount);
    strengths = new Float64Array(idx.dyadCount);
    stageOf = (d) => STAGE_OF_CODE[codes[d]!]!;
    const minLevel = options.minStage === undefined ? -1 : LEVEL_RANK[options.minStage];
    const s = newAssessment();
    for (let d = 0; d < idx.dyadCount; d++) {
      assessDyad(idx, d, now, model, s);
      const p = s.strength;
      strengths[d] = p;
      codes[d] = s.n === 0 && s.override !== s.override ? CONNECTED : s.stage;
      if (!(p > 0) || p < minStrength) continue;
      const overridden = s.override === s.override;
      // One-sided: contact only one way, or the kernel's one-sided flag.
      const oneSided = !overridden && (s.i0 === 0 || s.i1 === 0 || (s.flags & FLAG_ONE_SIDED) !== 0);
      const dormant = s.stage === DORMANT;
      if (oneSided && !options.includeOneSided) continue;
      if (dormant && !options.includeDormant) continue;
      if (minLevel >= 0 && s.level < minLevel) continue;
      const a = idx.dyadA[d]!;
      const b = idx.dyadB[d]!;
      if (eligible && !eligible({ a: keys[a]!, b: keys[b]!, probability: p, strength: p, stage: STAGE_OF_CODE[codes[d]!]!, dormant, oneSided })) continue;
      arcs.push(a, b, p);
      arcs.push(b, a, p);
    }
  }
  const csr = toCsr(keys.length, arcs);
  const searchers = new Map<number, HopSearch>();
  const searcherFor = (maxHops: number): HopSearch => {
    let s = searchers.get(maxHops);
    if (!s) {
      s = new HopSearch(csr, maxHops);
      searchers.set(maxHops, s);
    }
    return s;
  };
  // The transposed arcs, for the backward half of meet-in-the-middle: the same CSR when arcs are symmetric (strength mode).
  let reversed: Csr | null = index !== null ? csr : null;
  const transposed = (): Csr => {
    if (reversed === null) {
      const back = new Arcs();
      for (let u = 0; u < csr.n; u++) for (let e = csr.offset[u]!; e < csr.offset[u + 1]!; e++) back.push(csr.target[e]!, u, csr.probability[e]!);
      reversed = toCsr(csr.n, back);
    }
    return reversed;
  };
  const memoryBytes = csr.offset.byteLength + csr.target.byteLength + csr.cost.byteLength + csr.probability.byteLength;

  const dyadOf = (u: number, v: number): number => {
    if (index === null) return -1;
    const i = index;
    const [x, y] = u < v ? [u, v] : [v, u];
    for (let j = i.nodeDyadOffset[x]!; j < i.nodeDyadOffset[x + 1]!; j++) {
      const d = i.nodeDyads[j]!;
      if (i.dyadA[d] === x && i.dyadB[d] === y) return d;
    }
    return -1;
  };

  const describe = (path: Path, hopPenalty: number): IntroductionPath => {
    const people = path.nodes.map((i) => keys[i]!);
    const hops: IntroductionHop[] = [];
    let reliability = 1;
    for (let i = 0; i + 1 < path.nodes.length; i++) {
      const u = path.nodes[i]!;
      const v = path.nodes[i + 1]!;
      let p = 0;
      for (let e = csr.offset[u]!; e < csr.offset[u + 1]!; e++) if (csr.target[e] === v) p = csr.probability[e]!;
      reliability *= p;
      const d = dyadOf(u, v);
      hops.push({ from: keys[u]!, to: keys[v]!, probability: p, strength: d >= 0 && strengths ? strengths[d]! : null, stage: d >= 0 && stageOf ? stageOf(d) : null });
    }
    const fmt = (x: number) => x.toFixed(2);
    let explanation: string;
    const name = people.map(label);
    if (people.length === 2) explanation = `${name[1]} already knows ${name[0]} (${fmt(hops[0]!.probability)}): reach out directly.`;
    else {
      const chain = hops.slice(1).map((_h, i) => `${name[i + 1]} introduces you to ${name[i + 2]} (${fmt(hops[i + 1]!.probability)})`).join(', then ');
      explanation = `Ask ${name[1]}, who trusts you (${fmt(hops[0]!.probability)}): ${chain}. Reliability ${fmt(reliability)} over ${hops.length} hops.`;
    }
    return { people, reliability, cost: path.cost, hops, explanation: hopPenalty > 0 ? `${explanation} (hop penalty ${hopPenalty})` : explanation };
  };

  const reachable = (source: number, isTarget: Uint8Array, excluded: Uint8Array): boolean => {
    const seen = new Uint8Array(csr.n);
    const queue = [source];
    seen[source] = 1;
    for (let q = 0; q < queue.length; q++) {
      const u = queue[q]!;
      for (let e = csr.offset[u]!; e < csr.offset[u + 1]!; e++) {
        const v = csr.target[e]!;
        if (seen[v] || excluded[v]) continue;
        if (isTarget[v]) return true;
        seen[v] = 1;
        queue.push(v);
      }
    }
    return false;
  };

  const find = (sourceKey: string, target: string | ((key: string, attributes: Attributes) => boolean), findOptions: FindOptions = {}): IntroductionResult => {
    const where = 'IntroductionFinder.find';
    const source = nodeKey(g, sourceKey, where, 'source');
    if (findOptions === null || typeof findOptions !== 'object') {
      throw new InvalidOptionError(`${where}: options must be an object; got ${describeValue(findOptions)}.`, { field: 'options' });
    }
    const k = findOptions.k ?? 3;
    const maxHops = findOptions.maxHops ?? 3;
    const hopPenalty = findOptions.hopPenalty ?? 0;
    if (!Number.isInteger(k) || k < 1) throw new InvalidOptionError(`${where}: the option \`k\` must be an integer >= 1; got ${describeValue(k)}.`, { field: 'k' });
    if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > 64) throw new InvalidOptionError(`${where}: the option \`maxHops\` must be an integer from 1 to 64; got ${describeValue(maxHops)}.`, { field: 'maxHops' });
    if (typeof hopPenalty !== 'number' || !Number.isFinite(hopPenalty) || hopPenalty < 0) throw new InvalidOptionError(`${where}: the option \`hopPenalty\` must be a finite number >= 0; got ${describeValue(hopPenalty)}.`, { field: 'hopPenalty' });
    const s = nodeId.get(source)!;
    const isTarget = new Uint8Array(csr.n);
    let targets = 0;
    let targetKey: string | null = null;
    if (typeof target === 'string' || typeof target === 'number') {
      targetKey = nodeKey(g, target, where, 'target');
      if (targetKey === source) return { paths: [], reason: 'same-person' };
      isTarget[nodeId.get(targetKey)!] = 1;
      targets = 1;
    } else if (typeof target === 'function') {
      g.forEachNode((key, attributes) => {
        if (key !== source && target(key, attributes)) {
          isTarget[nodeId.get(key)!] = 1;
          targets++;
        }
      });
      if (targets === 0) return { paths: [], reason: 'no-match' };
    } else {
      throw new InvalidOptionError(`${where}: the target must be a node key or a predicate (key, attributes) => boolean; got ${describeValue(target)}.`, { field: 'target' });
    }
    const excluded = new Uint8Array(csr.n);
    const exclude = findOptions.exclude ?? [];
    if (!Array.isArray(exclude) && !(exclude instanceof Set)) {
      throw new InvalidOptionError(`${where}: the option \`exclude\` must be an array (or Set) of node keys; got ${describeValue(exclude)}.`, { field: 'exclude' });
    }
    for (const x of exclude) {
      const id = nodeId.get(nodeKey(g, x, where, 'exclude'))!;
      if (id !== s) excluded[id] = 1;
    }
    if (csr.offset[s + 1] === csr.offset[s]) return { paths: [], reason: 'no-eligible-tie' };
    const query = { source: s, isTarget, k, maxHops, hopPenalty, excluded };
    let paths: Path[];
    if (k === 1 && targetKey !== null && !findOptions.diverse && maxHops <= MEET_MAX_HOPS) {
      // One path to one person within a few hops: meet in the middle (about d^(H/2) states per side).
      const best = meetInTheMiddle(csr, transposed(), s, nodeId.get(targetKey)!, maxHops, hopPenalty, excluded);
      paths = best === null ? [] : [best];
    } else {
      const search = searcherFor(maxHops);
      paths = findOptions.diverse ? diversePaths(csr, search, query) : yen(csr, search, query);
    }
    if (paths.length === 0) return { paths: [], reason: reachable(s, isTarget, excluded) ? 'hop-limit' : 'no-path' };
    return { paths: paths.map((p) => describe(p, hopPenalty)) };
  };

  return { find, size: { people: csr.n, arcs: csr.target.length }, memoryBytes };
}

/**
 * The best warm-introduction paths from `source` to `target` — a node key,
 * or a predicate over people ("anyone whose company is Acme") — in one call:
 * builds a finder (see {@link createIntroductionFinder}) and runs one search.
 * Returns up to `k` paths (default 3), best first by reliability (Π of hop
 * probabilities; the search minimises Σ −ln p, plus any hop penalty), ties
 * broken by fewer hops, then by the people's keys; or an empty list with the
 * reason. An introduction A→B→C needs B to vouch for A and C to listen to B:
 * a chain is only as good as the product of its trust.
 *
 * @example
 * ```ts
 * const { paths, reason } = findIntroductionPaths(graph, 'me', 'target', { now: '2024-06-30', k: 3 });
 * paths[0].explanation; // 'Ask carol, who trusts you (0.95): carol introduces you to dan (0.95), then …'
 * ```
 */
export function findIntroductionPaths(
  graph: PeopleGraph,
  source: string,
  target: string | ((key: string, attributes: Attributes) => boolean),
  options: IntroductionFinderOptions & FindOptions,
): IntroductionResult {
  const finder = buildFinder(graph, options, 'findIntroductionPaths');
  const { k, maxHops, hopPenalty, exclude, diverse } = options;
  const findOptions: FindOptions = {};
  if (k !== undefined) findOptions.k = k;
  if (maxHops !== undefined) findOptions.maxHops = maxHops;
  if (hopPenalty !== undefined) findOptions.hopPenalty = hopPenalty;
  if (exclude !== undefined) findOptions.exclude = exclude;
  if (diverse !== undefined) findOptions.diverse = diverse;
  return finder.find(source, target, findOptions);
}
