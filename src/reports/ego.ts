/**
 * `egoHealth`: one report on a person's network — size and Dunbar-layer fill,
 * reciprocity, stages, warmth, brokerage — with "seed, feed, weed" advice.
 *
 * @module
 */
import { InvalidOptionError, describeValue } from '../core/errors.js';
import { assertGraph, assertNode, compareKeys, forEachEdgeOf, type PeopleGraph } from '../core/graph.js';
import { buildIndex, eventsEnd, findDyad, type InteractionIndex } from '../core/interaction-index.js';
import { DAY_MS, parseTimeOption } from '../core/time.js';
import type { GraphReadOptions, TimeOptions } from '../core/types.js';
import { personReciprocity, type GiverFatigue, type ReciprocityStyle } from '../analyses/reciprocity/person.js';
import { stageAdvice, type WeedAdvice } from '../analyses/stages/advice.js';
import { runDyad } from '../analyses/stages/machine.js';
import { resolveThresholds } from '../analyses/stages/options.js';
import { STAGES, type Stage, type StageFlag, type StageThresholds } from '../analyses/stages/types.js';
import { keepInTouch } from '../analyses/strength/layers.js';
import { computeDyadStrengths, isDormantDyad, resolveStrengthOptions, type StrengthModelOptions } from '../analyses/strength/kernel.js';
import { brokerage } from '../analyses/brokerage/brokerage.js';

/** Options of {@link egoHealth}. */
export interface EgoHealthOptions extends GraphReadOptions, TimeOptions, StrengthModelOptions {
  /** Stage thresholds. */
  thresholds?: Partial<StageThresholds>;
  /** Ties at least this strong are "strong" (for seeds) and "warm". Default 0.3. */
  strongTie?: number;
  /** At most this many entries per advice list. Default 5. */
  limit?: number;
}

/** A Dunbar layer by contact frequency, against its norm. */
export interface LayerFill {
  /** The layer's cumulative norm: 5, 15, 50, 150. */
  norm: number;
  /** The contact frequency that puts a tie in it: at least every this many days over the past year. */
  cadenceDays: number;
  /** Ties contacted at least that often over the past year (cumulative, like the norm). */
  count: number;
  /** count / norm. */
  fill: number;
}

/** A friend of a friend worth meeting. */
export interface SeedAdvice {
  /** The person to meet. */
  person: string;
  /** Adamic–Adar over strong ties: Σ 1 / ln(strong ties of the shared contact). */
  score: number;
  /** The shared strong contacts, best introducer first (by the product of the two ties' strengths). */
  via: string[];
  /** Why, in a sentence. */
  reason: string;
}

/** A valuable tie to feed before it lapses. */
export interface FeedEntry {
  /** The other person. */
  person: string;
  /** Its stage. */
  stage: Stage;
  /** Tie strength. */
  strength: number;
  /** The keep-in-touch priority (strength × overdue ratio). */
  priority: number;
  /** Why, in a sentence. */
  reason: string;
}

/** The result of {@link egoHealth}. Plain and JSON-serialisable. */
export interface EgoHealth {
  /** Discriminates the report kinds for {@link summarize}. */
  kind: 'ego';
  /** The person. */
  person: string;
  /** The date of the report. */
  at: Date;
  /** Relationships (with an interaction at or before `now`), and those with contact in the last 90 days. */
  size: { ties: number; active90: number };
  /** Dunbar layers by contact frequency against the norms 5 / 15 / 50 / 150. */
  layers: LayerFill[];
  /** Give-and-take: style, balances, and the relationships most out of balance. */
  reciprocity: {
    style: ReciprocityStyle;
    exchangeBalance: number;
    initiativeBalance: number;
    outOfBalance: { person: string; balance: number; class: 'over-giving' | 'over-taking' }[];
    giverFatigue: GiverFatigue[];
  };
  /** Relationships per stage, and per flag. */
  stages: Record<Stage, number>;
  flags: Record<StageFlag, number>;
  /** Warm (strength ≥ strongTie), cooling and dormant relationships. */
  warmth: { warm: number; cooling: number; dormant: number };
  /** Burt's measures on the unweighted ego network. */
  brokerage: { constraint: number | null; effectiveSize: number | null; efficiency: number | null };
  /** Seed (people to meet), feed (valuable ties going quiet) and weed (ties that never grew). */
  advice: { seed: SeedAdvice[]; feed: FeedEntry[]; weed: WeedAdvice[] };
}

const LAYER_NORMS: readonly [number, number][] = [
  [5, 7],
  [15, 30],
  [50, 182],
  [150, 365],
];

function otherOf(index: InteractionIndex, d: number, self: number): number {
  return index.dyadA[d] === self ? index.dyadB[d]! : index.dyadA[d]!;
}

/**
 * One report on `person`'s network at `now`: size and Dunbar-layer fill
 * against the norms (5 / 15 / 50 / 150 ties contacted at least weekly,
 * monthly, half-yearly, yearly: Hill & Dunbar 2003), reciprocity style and the
 * relationships out of balance, stage counts, warm / cooling / dormant ties,
 * brokerage, and advice: **seed** — friends of friends worth meeting, ranked
 * by Adamic–Adar over strong ties (Adamic & Adar 2003), each with who can
 * introduce; **feed** — valuable ties going quiet (keep-in-touch priority);
 * **weed** — one-sided or premature-ask ties that never grew. Reads only the
 * person's neighbourhood (two steps), so it takes milliseconds on large graphs.
 *
 * @example
 * ```ts
 * const report = egoHealth(graph, 'ann', { now: '2024-06-30' });
 * report.layers[0];        // { norm: 5, cadenceDays: 7, count: 3, fill: 0.6 }
 * report.advice.seed[0];   // { person: 'dan', score: 1.44, via: ['bob', 'cy'], reason: '…' }
 * console.log(summarize(report));
 * ```
 */
export function egoHealth(graph: PeopleGraph, person: string, options: EgoHealthOptions): EgoHealth {
  const module = 'egoHealth';
  assertGraph(graph, module);
  if (options === null || typeof options !== 'object') {
    throw new InvalidOptionError(`${module}: options are required, at least { now }; got ${describeValue(options)}.`, { field: 'options' });
  }
  assertNode(graph, person, module, 'person');
  const now = parseTimeOption(options.now, 'now', module);
  const r = resolveStrengthOptions(options, module);
  const th = resolveThresholds(options.thresholds, module);
  const strongTie = options.strongTie ?? 0.3;
  if (typeof strongTie !== 'number' || !(strongTie > 0 && strongTie <= 1)) {
    throw new InvalidOptionError(`${module}: the option \`strongTie\` must be a number in (0, 1]; got ${describeValue(strongTie)}.`, { field: 'strongTie' });
  }
  const limit = options.limit ?? 5;
  if (!Number.isInteger(limit) || limit < 0) {
    throw new InvalidOptionError(`${module}: the option \`limit\` must be an integer >= 0; got ${describeValue(limit)}.`, { field: 'limit' });
  }

  // The two-step neighbourhood: the person, the alters, and every tie of the alters.
  const alters = new Set<string>([person]);
  forEachEdgeOf(graph, person, (_e, _a, s, t) => {
    alters.add(s);
    alters.add(t);
  });
  const index = buildIndex(graph, options, module, { kind: 'nodes', nodes: [...alters] });
  const strengths = computeDyadStrengths(index, now, r);
  const self = index.nodeId.get(person)!;

  const stages = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  const flags: Record<StageFlag, number> = { 'one-sided': 0, 'premature-ask': 0, 'giver-fatigue': 0 };
  const warmth = { warm: 0, cooling: 0, dormant: 0 };
  let ties = 0;
  let active90 = 0;
  const yearCounts: number[] = [];
  for (let i = index.nodeDyadOffset[self]!; i < index.nodeDyadOffset[self + 1]!; i++) {
    const d = index.nodeDyads[i]!;
    const end = eventsEnd(index, d, now);
    const start = index.eventOffset[d]!;
    if (end === start) continue;
    ties++;
    if (index.time[end - 1]! > now - 90 * DAY_MS) active90++;
    let year = 0;
    for (let e = end - 1; e >= start && index.time[e]! > now - 365 * DAY_MS; e--) year++;
    yearCounts.push(year);
    const state = runDyad(index, d, end, now, th, null);
    stages[state.stage]++;
    if (state.stage === 'cooling') warmth.cooling++;
    if (state.stage === 'dormant' || isDormantDyad(index, d, now, r)) warmth.dormant++;
    else if (strengths[d]! >= strongTie) warmth.warm++;
  }
  // Layer fill: a tie is in the 5-layer when contacted ≥ 52 times in the past year (weekly), etc.
  const layers: LayerFill[] = LAYER_NORMS.map(([norm, cadenceDays]) => {
    const needed = Math.floor(365 / cadenceDays); // 52, 12, 2, 1 contacts in the past year
    const count = yearCounts.filter((n) => n >= needed).length;
    return { norm, cadenceDays, count, fill: count / norm };
  });

  // Flags, weeds: from the stage advice (which reads the person's ties).
  const advice = stageAdvice(graph, person, options);
  for (let i = index.nodeDyadOffset[self]!; i < index.nodeDyadOffset[self + 1]!; i++) {
    const d = index.nodeDyads[i]!;
    const state = runDyad(index, d, eventsEnd(index, d, now), now, th, null);
    if (state.n === 0) continue;
    const share = Math.max(state.initiated0, state.initiated1) / state.n;
    const gives = state.gives0 + state.gives1;
    if ((state.n >= th.oneSidedMinInteractions && share >= th.oneSidedShare) || (gives >= th.oneSidedMinInteractions && Math.max(state.gives0, state.gives1) / gives >= th.oneSidedShare)) flags['one-sided']++;
    if (state.prematureSide >= 0) flags['premature-ask']++;
    if (state.giveRun >= th.giverFatigueRun) flags['giver-fatigue']++;
  }

  // Reciprocity of the person.
  const rec = personReciprocity(graph, person, options);
  const outOfBalance = rec.perTie
    .filter((t) => t.exchange.mutuality !== null && Math.abs(t.exchange.balance) >= 0.5)
    .map((t) => ({ person: t.other, balance: t.exchange.balance, class: (t.exchange.balance > 0 ? 'over-giving' : 'over-taking') as 'over-giving' | 'over-taking', volume: t.exchange.given + t.exchange.received }))
    .sort((x, y) => Math.abs(y.balance) * y.volume - Math.abs(x.balance) * x.volume || compareKeys(x.person, y.person))
    .slice(0, limit)
    .map(({ person: p, balance, class: c }) => ({ person: p, balance, class: c }));

  // Seed: friends of friends over strong ties, Adamic–Adar.
  const strongDegree = (x: number): number => {
    let k = 0;
    for (let i = index.nodeDyadOffset[x]!; i < index.nodeDyadOffset[x + 1]!; i++) if (strengths[index.nodeDyads[i]!]! >= strongTie) k++;
    return k;
  };
  const candidates = new Map<number, { score: number; via: { y: number; w: number }[] }>();
  for (let i = index.nodeDyadOffset[self]!; i < index.nodeDyadOffset[self + 1]!; i++) {
    const d = index.nodeDyads[i]!;
    const sy = strengths[d]!;
    if (sy < strongTie) continue;
    const y = otherOf(index, d, self);
    // An introducer must be a live, two-way tie: not dormant, and contact both ways.
    if (isDormantDyad(index, d, now, r)) continue;
    let fromA = 0;
    let fromB = 0;
    for (let e = index.eventOffset[d]!; e < eventsEnd(index, d, now); e++) {
      if (index.dir[e] === 0) fromA++;
      else fromB++;
    }
    if (fromA === 0 || fromB === 0) continue;
    const ky = strongDegree(y);
    if (ky < 2) continue; // ln(1) = 0: a contact with one strong tie (the person) introduces nobody
    for (let j = index.nodeDyadOffset[y]!; j < index.nodeDyadOffset[y + 1]!; j++) {
      const e = index.nodeDyads[j]!;
      const sz = strengths[e]!;
      if (sz < strongTie) continue;
      const z = otherOf(index, e, y);
      if (z === self || findDyad(index, self, z) >= 0) continue; // already tied
      const c = candidates.get(z) ?? { score: 0, via: [] };
      c.score += 1 / Math.log(ky);
      c.via.push({ y, w: sy * sz });
      candidates.set(z, c);
    }
  }
  const seed: SeedAdvice[] = [...candidates]
    .map(([z, c]) => {
      const via = c.via.sort((a, b) => b.w - a.w || a.y - b.y).map((v) => index.nodes[v.y]!);
      return {
        person: index.nodes[z]!,
        score: c.score,
        via,
        reason: `${via.length === 1 ? "one of your strong contacts knows" : `${via.length} of your strong contacts know`} ${index.nodes[z]!} well; ask ${via[0]!} to introduce you`,
      };
    })
    .sort((a, b) => b.score - a.score || compareKeys(a.person, b.person))
    .slice(0, limit);

  // Feed: the keep-in-touch list, overdue ties that are not dormant, by priority.
  const stageOfOther = new Map<string, Stage>();
  for (let i = index.nodeDyadOffset[self]!; i < index.nodeDyadOffset[self + 1]!; i++) {
    const d = index.nodeDyads[i]!;
    stageOfOther.set(index.nodes[otherOf(index, d, self)]!, runDyad(index, d, eventsEnd(index, d, now), now, th, null).stage);
  }
  const feed: FeedEntry[] = keepInTouch(graph, person, options)
    .filter((e) => e.priority > 0 && !e.dormant)
    .slice(0, limit)
    .map((e) => ({ person: e.person, stage: stageOfOther.get(e.person) ?? 'connected', strength: e.strength, priority: e.priority, reason: e.reason }));

  const b = brokerage(graph, person);
  return {
    kind: 'ego',
    person,
    at: new Date(now),
    size: { ties, active90 },
    layers,
    reciprocity: { style: rec.style, exchangeBalance: rec.exchange.balance, initiativeBalance: rec.initiative.balance, outOfBalance, giverFatigue: rec.giverFatigue },
    stages,
    flags,
    warmth,
    brokerage: { constraint: b.constraint, effectiveSize: b.effectiveSize, efficiency: b.efficiency },
    advice: { seed, feed, weed: advice.weed.slice(0, limit) },
  };
}
