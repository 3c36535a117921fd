/**
 * `personHealth`: one report on a person's network — size, Dunbar layers,
 * contact frequency, reciprocity, stages, brokerage — with "seed, feed, weed
 * and reconnect" advice. It reads the person's two-step neighbourhood once and
 * assesses each tie once, with the kernel every other function uses.
 *
 * @module
 */
import { readNumber } from '../core/args.js';
import { compareKeys } from '../core/graph.js';
import { findDyad, otherEnd } from '../core/interaction-index.js';
import { historyStart } from '../core/history.js';
import { DAY_MS } from '../core/time.js';
import { assessDyad, newAssessment } from '../kernel/assess.js';
import { isLiveTwoWay, rankLayers, resolveLayers, type LayerOptions } from '../kernel/layers.js';
import { checkOptions, readEgo, readLimit, type ModelQueryOptions, type PersonNetwork } from '../kernel/read.js';
import { FLAG_BITS, STAGE_OF_CODE } from '../kernel/words.js';
import type { Stage, StageFlag } from '../kernel/types.js';
import { brokerageAround } from '../kernel/brokerage.js';
import {
  DEFAULT_STYLE_RULE,
  personReciprocityOf,
  type GiverFatigue,
  type ReciprocityStyle,
} from '../kernel/reciprocity.js';
import { adviceOf, keptFeedChances, type FeedAdvice, type ReconnectAdvice, type WeedAdvice } from '../kernel/advice.js';
import { resolveContactModel, type ContactModel } from '../kernel/contact.js';
import { flagCounts, stageCounts } from '../kernel/stage-result.js';

/** Options of {@link personHealth}. */
export interface PersonHealthOptions extends ModelQueryOptions, LayerOptions {
  /** The contact model that ranks *feed* by expected loss (from `calibrateContact`); default: the shipped model. */
  contactModel?: ContactModel;
  /** Live two-way ties at least this strong are "strong" (for seeds and the count of strong ties). Default 0.4. */
  strongTie?: number;
  /** At most this many entries per advice list. Default 5. */
  limit?: number;
}

/** A Dunbar layer of the person: how many ties it holds, of its size. */
export interface LayerCount {
  /** The layer's cumulative size: 5, 15, 50, 150. */
  size: number;
  /** Ties in the layer (not counting the inner layers): at most size − the previous size. */
  count: number;
  /** The other person of each of those ties, strongest first. */
  others: string[];
}

/** How many ties were in contact at least this often over the past year, against Dunbar's norm for that frequency. */
export interface ContactFrequency {
  /** The frequency: contact at least every this many days over the past year — a layer's cadence (default 7, 30, 182, 365). */
  cadenceDays: number;
  /** The norm for it, the layer's cumulative size (default Dunbar's 5, 15, 50, 150: Hill & Dunbar 2003). */
  norm: number;
  /** Ties contacted at least that often (cumulative, like the norm). */
  count: number;
}

/** A friend of a friend worth meeting. */
export interface SeedAdvice {
  /** The person to meet. */
  person: string;
  /** Their display name. */
  name: string;
  /** Adamic–Adar over strong ties: Σ 1 / ln(strong ties of the shared contact). */
  score: number;
  /** The shared strong contacts, best introducer first (by the product of the two ties' strengths). */
  via: string[];
  /** Why, in a sentence. */
  reason: string;
}

/** The result of {@link personHealth}. Plain and JSON-serialisable. */
export interface PersonHealth {
  /** Discriminates the report kinds for {@link "goodwill/explain"!summarize | summarize}. */
  kind: 'person';
  /** The person's key and display name. */
  person: string;
  name: string;
  /** The date of the report. */
  at: Date;
  /** Relationships (with an interaction at or before `now`), those with contact in the last 90 days, and those at least `strongTie` strong. */
  tieCounts: { all: number; active90: number; strong: number };
  /** The strong ties (live, two-way, at least `strongTie`), strongest first: who `tieCounts.strong` counts. */
  strongTies: string[];
  /** The Dunbar layers by strength, as `dunbarLayers` draws them (two-way ties only). */
  layers: LayerCount[];
  /** Ties by contact frequency over the past year, against Dunbar's norms. */
  contactFrequency: ContactFrequency[];
  /** Give-and-take: style, balances, and the relationships most out of balance. */
  reciprocity: {
    style: ReciprocityStyle;
    exchangeBalance: number;
    initiativeBalance: number;
    outOfBalance: { other: string; name: string; balance: number; class: 'over-giving' | 'over-taking' }[];
    giverFatigue: GiverFatigue[];
  };
  /** Relationships per stage, and per flag. */
  stageCounts: Record<Stage, number>;
  flagCounts: Record<StageFlag, number>;
  /** Burt's measures on the unweighted ego network (see `personBrokerage`). */
  brokerage: { constraint: number | null; effectiveSize: number | null; efficiency: number | null };
  /** Seed (people to meet), feed (valuable ties going quiet), weed (ties that never grew), reconnect (ties that went cold after they mattered). */
  advice: { seed: SeedAdvice[]; feed: FeedAdvice[]; weed: WeedAdvice[]; reconnect: ReconnectAdvice[] };
  /** Display names of every key the report mentions (see `getNodeLabel`). */
  names: Record<string, string>;
  /**
   * The date of the first interaction of the person's ties, whatever `now` (`null`
   * when there is none). Later than `at` when `now` precedes the whole
   * history: the answer is empty because of the date asked, not the data.
   */
  historyStarts: Date | null;
}

/** Whether a tie can introduce: live, two-way and not one-sided. */
const canIntroduce = isLiveTwoWay;

/**
 * One report on `person`'s network at `now`: size; the Dunbar layers by
 * strength (as `dunbarLayers`); contact frequency over the past year against
 * Dunbar's norms (5 / 15 / 50 / 150 ties contacted at least weekly, monthly,
 * half-yearly, yearly: Hill & Dunbar 2003); reciprocity style and the
 * relationships out of balance; stage and flag counts; brokerage; and advice:
 * **seed** — friends of friends worth meeting, ranked by Adamic–Adar over
 * strong ties (Adamic & Adar 2003), each with who can introduce; **feed**,
 * **weed** and **reconnect** as `stageAdvice`. Every tie is assessed once, by
 * the same kernel as `classifyStage` and `tieStrength`, so the report never
 * contradicts them. Reads only the person's two-step neighbourhood.
 *
 * @see [Health reports](../../docs/guides/health.md), the guide.
 *
 * @example
 * ```ts
 * const report = personHealth(graph, 'ann', { now: '2024-06-30' });
 * report.layers[0];        // { size: 5, count: 3, others: ['bob', 'cy', 'dee'] }
 * report.advice.seed[0];   // { person: 'dan', name: 'Dan', score: 1.44, via: ['bob', 'cy'], reason: '…' }
 * console.log(summarize(report));
 * ```
 */
export function personHealth(network: PersonNetwork, person: string, options: PersonHealthOptions): PersonHealth {
  const module = 'personHealth';
  // Every option is checked before the graph is read.
  checkOptions(options, module);
  const layers = resolveLayers(options, module);
  const strongTie = readNumber(module, 'strongTie', options.strongTie ?? 0.4, 0, 1, '(]');
  const limit = readLimit(options.limit, module);
  const contact = resolveContactModel(options.contactModel, module);
  const ctx = readEgo(network, person, options, module, true);
  const { index, self, now, model, label, ties } = ctx;
  // Without a prototype, a person keyed `__proto__` is a name like any other (a plain object would drop it).
  const names: Record<string, string> = Object.create(null);
  names[ctx.person] = label(ctx.person);
  const named = (key: string): string => (names[key] = label(key));

  const stages = stageCounts();
  const flags = flagCounts();
  let count = 0;
  let active90 = 0;
  let strong = 0;
  const strongTies: { other: string; strength: number }[] = [];
  const yearCounts: number[] = [];
  for (const { d, a, other } of ties) {
    if (a.n === 0) continue;
    count++;
    if (a.last > now - 90 * DAY_MS) active90++;
    if (a.strength >= strongTie && canIntroduce(a)) {
      strong++;
      strongTies.push({ other, strength: a.strength });
    }
    let year = 0;
    for (
      let e = index.eventOffset[d]! + a.n - 1;
      e >= index.eventOffset[d]! && index.time[e]! > now - 365 * DAY_MS;
      e--
    )
      year++;
    yearCounts.push(year);
    stages[STAGE_OF_CODE[a.stage]!]++;
    for (const [bit, name] of FLAG_BITS) if (a.flags & bit) flags[name]++;
  }
  // Each layer's norm at its cadence (by default 5 weekly, 15 monthly, 50 half-yearly, 150 yearly).
  const contactFrequency: ContactFrequency[] = layers.sizes.map((norm, l) => {
    const cadenceDays = layers.cadences[l]! / DAY_MS;
    const needed = Math.max(1, Math.floor(365 / cadenceDays)); // 52, 12, 2, 1 contacts in the past year
    return { cadenceDays, norm, count: yearCounts.filter((n) => n >= needed).length };
  });
  const layerCounts: LayerCount[] = layers.sizes.map((size) => ({ size, count: 0, others: [] }));
  for (const { tie, layer } of rankLayers(ties, layers)) {
    if (layer < 0) continue;
    layerCounts[layer]!.count++;
    layerCounts[layer]!.others.push(tie.other);
    named(tie.other);
  }

  // Reciprocity of the person, from the same assessments, undecayed; giver fatigue by the kernel's rule.
  const rec = personReciprocityOf(ctx.person, ties, { ...DEFAULT_STYLE_RULE, fatigueRun: model.giverFatigueRun });
  const outOfBalance = rec.ties
    .filter((t) => t.exchange.mutuality !== null && Math.abs(t.exchange.balance) >= 0.5)
    .map((t) => ({
      other: t.other,
      balance: t.exchange.balance,
      class: (t.exchange.balance > 0 ? 'over-giving' : 'over-taking') as 'over-giving' | 'over-taking',
      volume: t.exchange.given + t.exchange.received,
    }))
    .sort((x, y) => Math.abs(y.balance) * y.volume - Math.abs(x.balance) * x.volume || compareKeys(x.other, y.other))
    .slice(0, limit)
    .map(({ other, balance, class: c }) => ({ other, name: named(other), balance, class: c }));
  for (const f of rec.giverFatigue) named(f.other);

  // Seed: friends of friends over strong, live, two-way ties; Adamic–Adar. The
  // person's ties are assessed already; a contact's other ties only when asked.
  const strengths = new Map<number, number>();
  for (const { d, a } of ties) strengths.set(d, a.strength);
  const scratch = newAssessment();
  const strengthOf = (d: number): number => {
    let s = strengths.get(d);
    if (s === undefined) strengths.set(d, (s = assessDyad(index, d, now, model, scratch).strength));
    return s;
  };
  const strongDegree = (x: number): number => {
    let k = 0;
    for (let i = index.nodeDyadOffset[x]!; i < index.nodeDyadOffset[x + 1]!; i++)
      if (strengthOf(index.nodeDyads[i]!) >= strongTie) k++;
    return k;
  };
  const candidates = new Map<number, { score: number; via: { y: number; w: number }[] }>();
  for (const { d, a } of ties) {
    if (a.strength < strongTie || !canIntroduce(a)) continue;
    const y = otherEnd(index, d, self);
    const ky = strongDegree(y);
    if (ky < 2) continue; // ln(1) = 0: a contact with one strong tie (the person) introduces nobody
    for (let j = index.nodeDyadOffset[y]!; j < index.nodeDyadOffset[y + 1]!; j++) {
      const e = index.nodeDyads[j]!;
      const sz = strengthOf(e);
      if (sz < strongTie) continue;
      const z = otherEnd(index, e, y);
      if (z === self || findDyad(index, self, z) >= 0) continue; // already tied
      const c = candidates.get(z) ?? { score: 0, via: [] };
      c.score += 1 / Math.log(ky);
      c.via.push({ y, w: a.strength * sz });
      candidates.set(z, c);
    }
  }
  const seed: SeedAdvice[] = [...candidates]
    .map(([z, c]) => {
      const via = c.via.sort((p, q) => q.w - p.w || p.y - q.y).map((v) => index.nodes[v.y]!);
      const key = index.nodes[z]!;
      return { person: key, name: label(key), score: c.score, via, reason: '' };
    })
    .sort((p, q) => q.score - p.score || compareKeys(p.person, q.person))
    .slice(0, limit);
  for (const s of seed) {
    named(s.person);
    for (const v of s.via) named(v);
    const knows =
      s.via.length === 1
        ? `${label(s.via[0]!)}, one of your strong contacts, knows`
        : `${s.via.length} of your strong contacts know`;
    s.reason = `${knows} ${s.name} well; ask ${label(s.via[0]!)} to introduce you.`;
  }

  // The index holds every tie of the person's contacts too: how active each is with anyone.
  const advice = adviceOf(
    ctx.person,
    ties,
    now,
    label,
    keptFeedChances(ctx, contact, () => index),
  );
  const feed = advice.feed.slice(0, limit);
  const weed = advice.weed.slice(0, limit);
  const reconnect = advice.reconnect.slice(0, limit);
  for (const list of [feed, weed, reconnect]) for (const x of list) named(x.other);
  const b = brokerageAround(index, self, ctx.graph.type !== 'undirected');
  return {
    kind: 'person',
    person: ctx.person,
    name: label(ctx.person),
    at: new Date(now),
    tieCounts: { all: count, active90, strong },
    strongTies: strongTies
      .sort((x, y) => y.strength - x.strength || compareKeys(x.other, y.other))
      .map((t) => (named(t.other), t.other)),
    layers: layerCounts,
    contactFrequency,
    reciprocity: {
      style: rec.style,
      exchangeBalance: rec.exchange.balance,
      initiativeBalance: rec.initiative.balance,
      outOfBalance,
      giverFatigue: rec.giverFatigue,
    },
    stageCounts: stages,
    flagCounts: flags,
    brokerage: { constraint: b.constraint, effectiveSize: b.effectiveSize, efficiency: b.efficiency },
    advice: { seed, feed, weed, reconnect },
    names,
    historyStarts: historyStart(
      index,
      ctx.ties.map((t) => t.d),
    ),
  };
}
