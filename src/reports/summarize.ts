/**
 * `summarize`: a report as readable text, for demos, logs and e-mails.
 *
 * @module
 */
import { InvalidOptionError, describeValue } from '../core/errors.js';
import type { EgoHealth } from './ego.js';
import type { NetworkHealth } from './network.js';

const pct = (x: number | null): string => (x === null ? '—' : `${Math.round(x * 100)}%`);
const num = (x: number | null, digits = 2): string => (x === null ? '—' : x.toFixed(digits));
const date = (d: Date): string => d.toISOString().slice(0, 10);

function ego(r: EgoHealth): string {
  const lines: string[] = [];
  lines.push(`Network of ${r.person} on ${date(r.at)}: ${r.size.ties} relationships, ${r.size.active90} active in the last 90 days.`);
  lines.push(`Dunbar layers (contacted at least weekly / monthly / half-yearly / yearly): ${r.layers.map((l) => `${l.count}/${l.norm}`).join(', ')}.`);
  lines.push(`Reciprocity: ${r.reciprocity.style} (exchange balance ${num(r.reciprocity.exchangeBalance)}, initiative ${num(r.reciprocity.initiativeBalance)}); ${r.reciprocity.outOfBalance.length} relationships out of balance, giver fatigue on ${r.reciprocity.giverFatigue.length}.`);
  const stages = Object.entries(r.stages).filter(([s, n]) => s !== 'none' && n > 0).map(([s, n]) => `${n} ${s}`);
  lines.push(`Stages: ${stages.join(', ') || 'none'}. Warm ${r.warmth.warm}, cooling ${r.warmth.cooling}, dormant ${r.warmth.dormant}.`);
  lines.push(`Brokerage: constraint ${num(r.brokerage.constraint)}, effective size ${num(r.brokerage.effectiveSize)}, efficiency ${num(r.brokerage.efficiency)}.`);
  if (r.advice.seed.length) {
    lines.push('Seed — people to meet:');
    for (const s of r.advice.seed) lines.push(`  ${s.person}: ${s.reason}`);
  }
  if (r.advice.feed.length) {
    lines.push('Feed — relationships to look after:');
    for (const f of r.advice.feed) lines.push(`  ${f.person} (${f.stage}): ${f.reason}`);
  }
  if (r.advice.weed.length) {
    lines.push('Weed — relationships that never grew:');
    for (const w of r.advice.weed) lines.push(`  ${w.person}: ${w.reason}`);
  }
  return lines.join('\n');
}

function network(r: NetworkHealth): string {
  const lines: string[] = [];
  lines.push(`Network on ${date(r.at)}: ${r.people} people, ${r.relationships} relationships, ${r.interactions} interactions.`);
  lines.push(`Reciprocity: overall ${pct(r.reciprocity.overall)}, rho ${num(r.reciprocity.rho)}, weighted ${pct(r.reciprocity.weighted)}.`);
  lines.push(`Stages: ${Object.entries(r.stages).filter(([s]) => s !== 'none').map(([s, n]) => `${s} ${n}`).join(', ')}.`);
  lines.push(`Flags: ${Object.entries(r.flags).map(([f, n]) => `${f} ${n}`).join(', ')}.`);
  lines.push(`Strength: mean ${num(r.strength.mean)}, median ${num(r.strength.median)}, 90th percentile ${num(r.strength.p90)}.`);
  lines.push(`At risk: ${r.atRisk.count} relationships that were engaged or trusted are cooling or dormant (${pct(r.atRisk.share)} of those).`);
  if (r.brokers.length) lines.push(`Brokers (lowest constraint): ${r.brokers.map((b) => `${b.person} (${num(b.constraint)})`).join(', ')}.`);
  if (r.central.length) lines.push(`Most central (PageRank on tie strength): ${r.central.map((c) => `${c.person} (${num(c.pagerank, 4)})`).join(', ')}.`);
  if (r.peopleAtRisk.length) lines.push(`Drifting away (all relationships cooling or dormant): ${r.peopleAtRisk.map((p) => `${p.person} (${p.relationships})`).join(', ')}.`);
  if (r.trend) {
    const c = r.trend.change;
    const sign = (x: number) => (x >= 0 ? `+${x}` : `${x}`);
    lines.push(
      `Since ${date(r.trend.from.at)}: relationships ${sign(c.relationships)}, reciprocity ${c.overall === null ? '—' : `${c.overall >= 0 ? '+' : ''}${(c.overall * 100).toFixed(1)} points`}, mean strength ${c.meanStrength >= 0 ? '+' : ''}${c.meanStrength.toFixed(3)}, trusted ${sign(c.stages.trusted)}, dormant ${sign(c.stages.dormant)}.`,
    );
  }
  return lines.join('\n');
}

/**
 * Turns an {@link egoHealth} or {@link networkHealth} report into readable
 * text, one finding per line.
 *
 * @example
 * ```ts
 * console.log(summarize(egoHealth(graph, 'ann', { now })));
 * // Network of ann on 2024-06-30: 42 relationships, 17 active in the last 90 days.
 * // …
 * ```
 */
export function summarize(report: EgoHealth | NetworkHealth): string {
  if (report !== null && typeof report === 'object') {
    if (report.kind === 'ego') return ego(report);
    if (report.kind === 'network') return network(report);
  }
  throw new InvalidOptionError(`summarize: expected a report from egoHealth or networkHealth; got ${describeValue(report)}.`, { field: 'report' });
}
