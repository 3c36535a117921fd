/**
 * `networkHealth`: the community view — reciprocity, stages, strength, ties
 * at risk, the people who hold the network together and those drifting away,
 * and trends between two dates.
 *
 * @module
 */
import { InvalidOptionError } from '../core/errors.js';
import { compareKeys, type PeopleGraph } from '../core/graph.js';
import type { PreparedNetwork } from '../core/prepared.js';
import type { InteractionIndex } from '../core/interaction-index.js';
import { historyStart } from '../core/history.js';
import { makeLabeler } from '../core/labels.js';
import { DAY_MS, parseTimeOption, type TimeInput } from '../core/time.js';
import { assessDyad, COOLING, DORMANT, ENGAGED, newAssessment } from '../kernel/assess.js';
import type { ResolvedModel } from '../kernel/options.js';
import { readAll, readLimit, type ModelQueryOptions } from '../kernel/read.js';
import { FLAG_BITS, LEVEL_OF_CODE, STAGE_OF_CODE } from '../kernel/words.js';
import { STAGES, type Stage, type StageFlag, type StageLevel } from '../kernel/types.js';
import { measureReciprocity } from '../analyses/reciprocity/network.js';
import { flagCounts, stageCounts } from '../kernel/stage-result.js';
import { brokerageOfIndex } from '../kernel/brokerage.js';
import { activeTieCounts, probabilityOf, resolveContactModel, type ContactModel } from '../kernel/contact.js';

/** Options of {@link networkHealth}. */
export interface NetworkHealthOptions extends ModelQueryOptions {
  /** The contact model for the chance of contact (from `calibrateContact`); default: the shipped model. */
  contactModel?: ContactModel;
  /** An earlier date to compare with: the report then carries `trend`. */
  compareTo?: TimeInput;
  /** Length of the top lists (brokers, central people, ties and people at risk). Default 5. */
  limit?: number;
  /** Skip the brokerage and centrality lists (the slowest parts on very large graphs). Default false. */
  skipCentrality?: boolean;
}

/** The key numbers of the network at one date. */
export interface NetworkSnapshot {
  /** The date. */
  at: Date;
  /** Relationships with an interaction at or before the date. */
  relationships: number;
  /** Interactions at or before the date. */
  interactions: number;
  /** Reciprocity (see `networkReciprocity`), over interactions at or before the date. */
  reciprocity: { overall: number | null; rho: number | null; weighted: number | null };
  /** Relationships per stage and per flag. */
  stageCounts: Record<Stage, number>;
  flagCounts: Record<StageFlag, number>;
  /** Strength of the relationships: mean, quartiles, 90th percentile, and a 10-bin histogram over [0, 1]. */
  strength: { mean: number; q1: number; median: number; q3: number; p90: number; histogram: number[] };
  /** Relationships that were engaged or trusted and are now cooling or dormant, and their share of all that ever were. */
  atRisk: { count: number; share: number | null };
  /** The chance of contact (the contact model): its horizon in days, the mean over relationships, and the number of relationships expected to be in contact within the horizon (Σ chances). */
  contact: { horizonDays: number; mean: number; expectedActive: number };
}

/** The result of {@link networkHealth}. Plain and JSON-serialisable. */
export interface NetworkHealth extends NetworkSnapshot {
  /** Discriminates the report kinds for {@link "goodwill/explain"!summarize | summarize}. */
  kind: 'network';
  /** People in the graph. */
  people: number;
  /** Density of the relationship graph: relationships / (N(N − 1)/2) (graphology-metrics `undirectedDensity`); `null` for N < 2. */
  density: number | null;
  /** The valuable ties at risk, longest silent last… most recent first (easiest to revive). */
  tiesAtRisk: { a: string; b: string; stage: Stage; peak: StageLevel; silenceDays: number }[];
  /** Brokers: lowest Burt constraint among people with at least 3 contacts, on the unweighted relationship graph (parallel edges once). */
  brokers: { person: string; constraint: number; effectiveSize: number; degree: number }[];
  /** The most central people: PageRank (α 0.85, graphology-metrics' algorithm) on the tie graph weighted by strength. */
  central: { person: string; pagerank: number }[];
  /** People with at least 3 past relationships, all of them now cooling or dormant. */
  peopleAtRisk: { person: string; relationships: number }[];
  /** Display names of every key the report mentions (see `getNodeLabel`). */
  names: Record<string, string>;
  /**
   * The date of the first interaction of the network, whatever `now` (`null`
   * when there is none). Later than `at` when `now` precedes the whole
   * history: the answer is empty because of the date asked, not the data.
   */
  historyStarts: Date | null;
  /** The same key numbers at `compareTo`, when given. */
  trend?: {
    from: NetworkSnapshot;
    change: { relationships: number; overall: number | null; meanStrength: number; stageCounts: Record<Stage, number> };
  };
}

/**
 * PageRank (α 0.85) of the tie graph weighted by strength: graphology-metrics'
 * weighted power iteration, run on the index's dyads (no graph to rebuild, no
 * dependency to bundle; the tests check that the two agree).
 */
export function powerIteration(
  index: InteractionIndex,
  strengths: Float64Array,
  alpha: number,
  maxIterations: number,
  tolerance: number,
): Float64Array {
  const n = index.nodes.length;
  const out = new Float64Array(n);
  for (let d = 0; d < index.dyadCount; d++) {
    const w = strengths[d]!;
    if (w > 0) {
      out[index.dyadA[d]!] = out[index.dyadA[d]!]! + w;
      out[index.dyadB[d]!] = out[index.dyadB[d]!]! + w;
    }
  }
  const p = 1 / n;
  let x = new Float64Array(n).fill(p);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const last = x;
    x = new Float64Array(n);
    let dangle = 0;
    for (let i = 0; i < n; i++) if (out[i] === 0) dangle += last[i]!;
    dangle *= alpha;
    for (let d = 0; d < index.dyadCount; d++) {
      const w = strengths[d]!;
      if (!(w > 0)) continue;
      const a = index.dyadA[d]!;
      const b = index.dyadB[d]!;
      x[b] = x[b]! + (alpha * last[a]! * w) / out[a]!;
      x[a] = x[a]! + (alpha * last[b]! * w) / out[b]!;
    }
    let error = 0;
    for (let i = 0; i < n; i++) {
      x[i] = x[i]! + dangle * p + (1 - alpha) * p;
      error += Math.abs(x[i]! - last[i]!);
    }
    if (error < n * tolerance) break;
  }
  return x;
}

/** graphology-metrics' `undirectedDensity`: 2 · size / (order · (order − 1)). */
const undirectedDensity = (order: number, size: number): number => (2 * size) / (order * (order - 1));

function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

interface SnapshotParts {
  snapshot: NetworkSnapshot;
  strengths: Float64Array;
  /** Kernel stage codes and peaks by dyad; 255 for a dyad without interactions at the date. */
  stage: Uint8Array;
  peak: Uint8Array;
  last: Float64Array;
}

/** The key numbers at `now`, from one kernel pass over every relationship. */
function snapshotAt(index: InteractionIndex, now: number, model: ResolvedModel, contact: ContactModel): SnapshotParts {
  const D = index.dyadCount;
  const strengths = new Float64Array(D);
  const stage = new Uint8Array(D);
  const peak = new Uint8Array(D);
  const last = new Float64Array(D);
  const counts = stageCounts();
  const flags = flagCounts();
  const values: number[] = [];
  let interactions = 0;
  let atRisk = 0;
  let everEngaged = 0;
  let chances = 0;
  const s = newAssessment();
  const active = activeTieCounts(index, now);
  for (let d = 0; d < D; d++) {
    assessDyad(index, d, now, model, s, null, true, true);
    strengths[d] = s.strength;
    stage[d] = s.stage;
    peak[d] = s.peak;
    last[d] = s.last;
    counts[STAGE_OF_CODE[s.stage]!]++;
    for (const [bit, name] of FLAG_BITS) if (s.flags & bit) flags[name]++;
    if (s.n === 0) {
      stage[d] = 255;
      continue;
    }
    interactions += s.n;
    values.push(s.strength);
    chances += probabilityOf(s, now, model, contact, active[index.dyadA[d]!]!, active[index.dyadB[d]!]!)!;
    if (s.peak >= ENGAGED) {
      everEngaged++;
      if (s.stage === COOLING || s.stage === DORMANT) atRisk++;
    }
  }
  const rec = measureReciprocity(index, now, NaN, -Infinity, now, 'interactions');
  const sorted = Float64Array.from(values).sort();
  const histogram = new Array<number>(10).fill(0);
  let sum = 0;
  for (const v of sorted) {
    sum += v;
    histogram[Math.min(9, Math.floor(v * 10))]!++;
  }
  return {
    strengths,
    stage,
    peak,
    last,
    snapshot: {
      at: new Date(now),
      relationships: values.length,
      interactions,
      reciprocity: { overall: rec.overall, rho: rec.rho, weighted: rec.weighted },
      stageCounts: counts,
      flagCounts: flags,
      strength: {
        mean: values.length ? sum / values.length : 0,
        q1: quantile(sorted, 0.25),
        median: quantile(sorted, 0.5),
        q3: quantile(sorted, 0.75),
        p90: quantile(sorted, 0.9),
        histogram,
      },
      atRisk: { count: atRisk, share: everEngaged > 0 ? atRisk / everEngaged : null },
      contact: {
        horizonDays: contact.horizonDays,
        mean: values.length ? chances / values.length : 0,
        expectedActive: chances,
      },
    },
  };
}

/**
 * The community view at `now`, from one shared reading of the graph:
 * reciprocity (overall, ρ, weighted), the stage distribution and flags, the
 * strength distribution, the valuable ties at risk (engaged or trusted, now
 * cooling or dormant), the people who hold the network together — brokers by
 * Burt's constraint and the most central by PageRank (graphology-metrics) on
 * the strength-weighted tie graph — the people at risk of dropping out (all
 * their relationships cooling or dormant), and, with `compareTo`, the trend
 * since an earlier date.
 *
 * @see [Health reports](../../docs/guides/health.md), the guide.
 *
 * @example
 * ```ts
 * const report = networkHealth(graph, { now: '2024-06-30', compareTo: '2024-01-01' });
 * report.atRisk;                 // { count: 42, share: 0.18 }
 * report.trend?.change.overall;  // −0.03: reciprocity fell since January
 * console.log(summarize(report));
 * ```
 */
export function networkHealth(network: PeopleGraph | PreparedNetwork, options: NetworkHealthOptions): NetworkHealth {
  const module = 'networkHealth';
  const { graph, index, now, model } = readAll(network, options, module);
  const before = options.compareTo === undefined ? null : parseTimeOption(options.compareTo, 'compareTo', module);
  if (before !== null && before >= now) {
    throw new InvalidOptionError(
      `${module}: \`compareTo\` (${new Date(before).toISOString()}) must be before \`now\` (${new Date(now).toISOString()}).`,
      { field: 'compareTo' },
    );
  }
  const limit = readLimit(options.limit, module);
  const label = makeLabeler(graph, options, module);
  const contact = resolveContactModel(options.contactModel, module);
  const { snapshot, strengths, stage, peak, last } = snapshotAt(index, now, model, contact);

  // Ties at risk: most recently silent first (easiest to revive), then by key.
  const risky: NetworkHealth['tiesAtRisk'] = [];
  for (let d = 0; d < index.dyadCount; d++) {
    const st = stage[d]!;
    if (peak[d]! < ENGAGED || (st !== COOLING && st !== DORMANT)) continue;
    risky.push({
      a: index.nodes[index.dyadA[d]!]!,
      b: index.nodes[index.dyadB[d]!]!,
      stage: STAGE_OF_CODE[st]!,
      peak: LEVEL_OF_CODE[peak[d]!]!,
      silenceDays: Math.round((now - last[d]!) / DAY_MS),
    });
  }
  const tiesAtRisk = risky
    .sort((x, y) => x.silenceDays - y.silenceDays || compareKeys(x.a, y.a) || compareKeys(x.b, y.b))
    .slice(0, limit);

  // People at risk: ≥ 3 past relationships, all cooling or dormant.
  const n = index.nodes.length;
  const past = new Int32Array(n);
  const lapsed = new Int32Array(n);
  for (let d = 0; d < index.dyadCount; d++) {
    if (stage[d] === 255) continue;
    const gone = stage[d] === COOLING || stage[d] === DORMANT;
    const a = index.dyadA[d]!;
    const b = index.dyadB[d]!;
    past[a]!++;
    past[b]!++;
    if (gone) {
      lapsed[a]!++;
      lapsed[b]!++;
    }
  }
  const peopleAtRisk: NetworkHealth['peopleAtRisk'] = [];
  for (let i = 0; i < n; i++)
    if (past[i]! >= 3 && lapsed[i] === past[i]) peopleAtRisk.push({ person: index.nodes[i]!, relationships: past[i]! });
  peopleAtRisk.sort((x, y) => y.relationships - x.relationships || compareKeys(x.person, y.person));

  let brokers: NetworkHealth['brokers'] = [];
  let central: NetworkHealth['central'] = [];
  if (!options.skipCentrality) {
    brokers = Object.entries(brokerageOfIndex(index))
      .filter(([, b]) => b.degree >= 3 && b.constraint !== null)
      .map(([person, b]) => ({ person, constraint: b.constraint!, effectiveSize: b.effectiveSize!, degree: b.degree }))
      .sort((x, y) => x.constraint - y.constraint || compareKeys(x.person, y.person))
      .slice(0, limit);
    let any = false;
    for (let d = 0; d < index.dyadCount && !any; d++) if (strengths[d]! > 0) any = true;
    const ranks = any ? powerIteration(index, strengths, 0.85, 100, 1e-6) : null;
    if (ranks !== null) {
      central = Array.from(ranks, (pr, id) => ({ person: index.nodes[id]!, pagerank: pr }))
        .sort((x, y) => y.pagerank - x.pagerank || compareKeys(x.person, y.person))
        .slice(0, limit);
    }
  }

  const report: NetworkHealth = {
    kind: 'network',
    // The index's people are the graph's nodes (or, from columns, the key table).
    people: index.nodes.length,
    density: index.nodes.length >= 2 ? undirectedDensity(index.nodes.length, snapshot.relationships) : null,
    ...snapshot,
    tiesAtRisk,
    brokers,
    central,
    peopleAtRisk: peopleAtRisk.slice(0, limit),
    names: Object.create(null) as Record<string, string>, // no prototype: a key `__proto__` is a name like any other
    historyStarts: historyStart(index),
  };
  for (const t of tiesAtRisk) {
    report.names[t.a] = label(t.a);
    report.names[t.b] = label(t.b);
  }
  for (const x of [...brokers, ...central, ...report.peopleAtRisk]) report.names[x.person] = label(x.person);
  if (before !== null) {
    const from = snapshotAt(index, before, model, contact).snapshot;
    report.trend = {
      from,
      change: {
        relationships: snapshot.relationships - from.relationships,
        overall:
          snapshot.reciprocity.overall !== null && from.reciprocity.overall !== null
            ? snapshot.reciprocity.overall - from.reciprocity.overall
            : null,
        meanStrength: snapshot.strength.mean - from.strength.mean,
        stageCounts: Object.fromEntries(
          STAGES.map((s) => [s, snapshot.stageCounts[s] - from.stageCounts[s]]),
        ) as Record<Stage, number>,
      },
    };
  }
  return report;
}
