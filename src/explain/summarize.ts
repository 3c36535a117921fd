/**
 * `summarize`: a report as readable text, for demos, logs and e-mails —
 * people by name, and each measure with a clause that says what it means.
 *
 * @module
 */
import { InvalidOptionError, describeValue } from '../core/errors.js';
import type { PersonHealth } from '../reports/ego.js';
import type { NetworkHealth } from '../reports/network.js';

const pct = (x: number | null): string => (x === null ? '—' : `${Math.round(x * 100)}%`);
const num = (x: number | null, digits = 2): string => (x === null ? '—' : x.toFixed(digits));
/** A date, or its JSON form (a report that went through JSON.stringify and JSON.parse). */
const day = (d: Date | string): string => (typeof d === 'string' ? d : d.toISOString()).slice(0, 10);
/** "1 relationship", "2 relationships". */
const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The sentence for a report whose date precedes its whole history (so it is empty), else nothing. */
function beforeHistory(r: PersonHealth | NetworkHealth, lines: string[]): void {
  const starts = r.historyStarts;
  if (starts != null && new Date(starts).getTime() > new Date(r.at).getTime())
    lines.push(`No interactions on or before ${day(r.at)}; the history starts ${day(starts)}.`);
}

function ego(r: PersonHealth): string {
  const name = (key: string): string => r.names?.[key] ?? key;
  const lines: string[] = [];
  lines.push(
    `${r.name}'s network on ${day(r.at)}: ${count(r.tieCounts.all, 'relationship')}, ${r.tieCounts.active90} active in the last 90 days, ${r.tieCounts.strong} strong${r.strongTies?.length ? ` (${r.strongTies.map(name).join(', ')})` : ''}.`,
  );
  beforeHistory(r, lines);
  const inner = r.layers[0];
  if (inner !== undefined)
    lines.push(
      `Inner circle (your strongest live two-way ties, up to ${inner.size}): ${inner.others.map(name).join(', ') || 'nobody yet'}.`,
    );
  lines.push(
    `Contact over the past year, against Dunbar's norms: ${r.contactFrequency.map((f) => `${f.count} at least every ${f.cadenceDays} days (norm ${f.norm})`).join(', ')}.`,
  );
  const style =
    r.reciprocity.style === 'none'
      ? 'too little give-and-take yet to say whether you are a giver, a matcher or a taker'
      : `you are a ${r.reciprocity.style}`;
  const unbalanced = r.reciprocity.outOfBalance.map(
    (t) =>
      `${name(t.other)} (${t.class === 'over-giving' ? 'more flows from you: your gives, their asks' : 'more flows to you: their gives, your asks'})`,
  );
  const fatigue = r.reciprocity.giverFatigue.map((f) => `${name(f.other)} (${f.run} gives in a row)`);
  lines.push(
    `Give-and-take: ${style} (exchange balance ${num(r.reciprocity.exchangeBalance)}, from −1 all taking to +1 all giving)${unbalanced.length ? `; out of balance: ${unbalanced.join(', ')}` : ''}${fatigue.length ? `; giver fatigue: ${fatigue.join(', ')}` : ''}.`,
  );
  const stages = Object.entries(r.stageCounts)
    .filter(([s, n]) => s !== 'none' && n > 0)
    .map(([s, n]) => `${n} ${s}`);
  lines.push(`Stages: ${stages.join(', ') || 'none'}.`);
  lines.push(
    `Brokerage: constraint ${num(r.brokerage.constraint)} (0 to 1: lower means contacts who do not know each other, more brokerage), effective size ${num(r.brokerage.effectiveSize)} (contacts who bring non-redundant reach).`,
  );
  const section = (title: string, items: { other: string; reason: string }[]): void => {
    if (items.length === 0) return;
    lines.push(title);
    for (const x of items) lines.push(`  ${name(x.other)}: ${x.reason}`);
  };
  section(
    'Seed — people to meet:',
    r.advice.seed.map((s) => ({ other: s.person, reason: s.reason })),
  );
  section('Feed — valuable relationships going quiet:', r.advice.feed);
  section('Reconnect — relationships that went cold after they mattered:', r.advice.reconnect ?? []);
  section('Weed — relationships that never grew:', r.advice.weed);
  return lines.join('\n');
}

function network(r: NetworkHealth): string {
  const name = (key: string): string => r.names?.[key] ?? key;
  const lines: string[] = [];
  lines.push(
    `Network on ${day(r.at)}: ${count(r.people, 'person').replace(/persons$/, 'people')}, ${count(r.relationships, 'relationship')}, ${count(r.interactions, 'interaction')}.`,
  );
  beforeHistory(r, lines);
  lines.push(
    `Reciprocity: ${pct(r.reciprocity.overall)} of directed links are returned${r.reciprocity.rho === null ? '' : ` (rho ${num(r.reciprocity.rho)}: ${r.reciprocity.rho > 0 ? 'more' : 'less'} than chance)`}; weighted by interactions, ${pct(r.reciprocity.weighted)}.`,
  );
  lines.push(
    `Stages: ${Object.entries(r.stageCounts)
      .filter(([s]) => s !== 'none')
      .map(([s, n]) => `${s} ${n}`)
      .join(', ')}.`,
  );
  lines.push(
    `Flags: ${Object.entries(r.flagCounts)
      .map(([f, n]) => `${f} ${n}`)
      .join(', ')}.`,
  );
  lines.push(
    `Strength (0 to 1): mean ${num(r.strength.mean)}, median ${num(r.strength.median)}, 90th percentile ${num(r.strength.p90)}.`,
  );
  lines.push(
    `At risk: ${r.atRisk.count} relationships that were engaged or trusted are cooling or dormant (${pct(r.atRisk.share)} of those).`,
  );
  if (r.contact)
    lines.push(
      `Expected in contact within ${r.contact.horizonDays} days: about ${Math.round(r.contact.expectedActive)} relationships (mean chance ${pct(r.contact.mean)}).`,
    );
  if (r.brokers.length)
    lines.push(
      `Brokers (lowest constraint: their contacts do not know each other): ${r.brokers.map((b) => `${name(b.person)} (${num(b.constraint)})`).join(', ')}.`,
    );
  if (r.central.length)
    lines.push(
      `Most central (PageRank on tie strength): ${r.central.map((c) => `${name(c.person)} (${num(c.pagerank, 4)})`).join(', ')}.`,
    );
  if (r.peopleAtRisk.length)
    lines.push(
      `Drifting away (every relationship cooling or dormant): ${r.peopleAtRisk.map((p) => `${name(p.person)} (${p.relationships})`).join(', ')}.`,
    );
  if (r.trend) {
    const c = r.trend.change;
    const sign = (x: number) => (x >= 0 ? `+${x}` : `${x}`);
    lines.push(
      `Since ${day(r.trend.from.at)}: relationships ${sign(c.relationships)}, reciprocity ${c.overall === null ? '—' : `${c.overall >= 0 ? '+' : ''}${(c.overall * 100).toFixed(1)} points`}, mean strength ${c.meanStrength >= 0 ? '+' : ''}${c.meanStrength.toFixed(3)}, trusted ${sign(c.stageCounts.trusted)}, dormant ${sign(c.stageCounts.dormant)}.`,
    );
  }
  return lines.join('\n');
}

/**
 * Turns an {@link goodwill!personHealth | personHealth} or {@link goodwill!networkHealth | networkHealth} report into readable
 * text, one finding per line, naming people by their display names (the
 * report's `names`). Accepts a report that went through JSON (dates as strings).
 * A report whose `now` precedes its whole history (and so is empty) says
 * so: "No interactions on or before 2020-01-01; the history starts
 * 2024-05-01." (from the report's `historyStarts`).
 *
 * @see [Health reports](../../docs/guides/health.md), the guide.
 *
 * @example
 * ```ts
 * console.log(summarize(personHealth(graph, 'ann', { now })));
 * // Ann Lee's network on 2024-06-30: 42 relationships, 17 active in the last 90 days, 9 strong.
 * // …
 * ```
 */
export function summarize(report: PersonHealth | NetworkHealth): string {
  const kind = report !== null && typeof report === 'object' ? report.kind : null;
  try {
    if (kind === 'person') return ego(report as PersonHealth);
    if (kind === 'network') return network(report as NetworkHealth);
  } catch (error) {
    // A report cut short or edited ({ kind: 'person' } alone, a field of the wrong type, an Invalid Date).
    throw new InvalidOptionError(
      `summarize: the ${kind} report is incomplete (${String(error)}); pass it as ${kind}Health returned it.`,
      { field: 'report' },
    );
  }
  throw new InvalidOptionError(
    `summarize: expected a report from personHealth or networkHealth; got ${describeValue(report)}.`,
    { field: 'report' },
  );
}
