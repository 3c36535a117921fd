/**
 * Validity of the stage classifier (part of `npm run validate`):
 * 1. the confusion matrix of generated archetypes × stages;
 * 2. on real e-mail data (email-Eu-core, Enron), the stage distribution at
 *    several dates, and whether a relationship is active in the 30 days after
 *    the date, per stage: trusted and engaged ties should be far more likely
 *    to be active than cooling or dormant ones.
 */
import { join } from 'node:path';
import { classifyStages, STAGES, type Stage } from 'goodwill';
import { ARCHETYPE_NAMES, generateNetwork, type ParseEdgeListOptions } from 'goodwill/fixtures';
import { table } from './harness.js';
import { DATA, readDataSet } from './baselines.js';

const DAY = 86_400_000;

function confusion(): void {
  const graph = generateNetwork({ seed: 11, people: 3000 });
  const { ties: relationships } = classifyStages(graph, { now: '2025-01-01' });
  const archetypeOf = new Map<string, string>();
  graph.forEachEdge((_e, a, s, t) => archetypeOf.set(s < t ? `${s}|${t}` : `${t}|${s}`, a.archetype));
  const shown = STAGES.filter((s) => s !== 'none');
  const rows = ARCHETYPE_NAMES.map((name) => {
    const mine = relationships.filter((r) => archetypeOf.get(`${r.a}|${r.b}`) === name);
    const row: Record<string, string | number> = { archetype: name, ties: mine.length };
    for (const s of shown) row[s] = `${Math.round((100 * mine.filter((r) => r.stage === s).length) / mine.length)}%`;
    for (const f of ['one-sided', 'premature-ask', 'giver-fatigue'] as const)
      row[f] = `${Math.round((100 * mine.filter((r) => r.flags.includes(f)).length) / mine.length)}%`;
    return row;
  });
  table('Generated network (3,000 people, seed 11) at 2025-01-01: archetype × stage (row %)', rows);
}

function realData(name: string, file: string, options: ParseEdgeListOptions): void {
  const graph = readDataSet(file, options);
  if (graph === null) {
    console.log(`\n(${name}: ${join(DATA, file)} is absent, skipped)`);
    return;
  }
  let lo = Infinity;
  let hi = -Infinity;
  const times = new Map<string, number[]>();
  graph.forEachEdge((_e, a, s, t) => {
    if (s === t) return;
    const key = s < t ? `${s}|${t}` : `${t}|${s}`;
    const list = times.get(key) ?? [];
    for (const i of a.interactions ?? []) {
      const at = i.at as number;
      lo = Math.min(lo, at);
      hi = Math.max(hi, at);
      list.push(at);
    }
    times.set(key, list);
  });
  const rows: Record<string, string | number>[] = [];
  for (const q of [0.4, 0.6, 0.8]) {
    const now = lo + q * (hi - lo);
    const { ties: relationships, stageCounts: counts } = classifyStages(graph, { now });
    const active = new Map<Stage, [number, number]>();
    for (const r of relationships) {
      const list = times.get(`${r.a}|${r.b}`) ?? [];
      if (!list.some((t) => t <= now)) continue; // not yet started at this date
      const next = list.some((t) => t > now && t <= now + 30 * DAY);
      const x = active.get(r.stage) ?? [0, 0];
      x[0]++;
      if (next) x[1]++;
      active.set(r.stage, x);
    }
    const row: Record<string, string | number> = { date: `${Math.round(q * 100)}% of the history` };
    for (const s of STAGES.filter((x) => x !== 'none')) {
      const [n, k] = active.get(s) ?? [0, 0];
      row[s] = n === 0 ? `0` : `${counts[s]} (${Math.round((100 * k) / n)}%)`;
    }
    rows.push(row);
  }
  table(`${name}: relationships per stage (share active in the next 30 days)`, rows);
}

console.log('# Stage validity');
confusion();
realData('email-Eu-core', 'email-eu-core-temporal/email-Eu-core-temporal.txt.gz', {
  format: 'snap',
  timeOrigin: '2003-10-01', // its times count from the start of the recording
});
realData('Enron', 'enron/enron-edges.csv', {
  format: 'csv',
  columns: { source: 'sender_id', target: 'receiver_id', time: 'unix_time' },
});
realData('CollegeMsg', 'collegemsg/CollegeMsg.txt', { format: 'snap' });
