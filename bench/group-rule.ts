/**
 * `npx tsx bench/group-rule.ts`: the evidence behind the group rule of
 * `eventsToInteractions` (see the data guide).
 *
 * The Enron data (../shared/data/enron, read in place) has one row per
 * (message, recipient) with `message_id` and `recipient_no`: messages are
 * events with one sender and 1–57 recipients. Each candidate rule turns the
 * messages into a graph (`addEvents`); as in `npm run validate`, the history
 * is cut at its midpoint and each pair is scored by the kernel's default
 * strength (`assessDyad`) at the cut, and labelled by whether the two wrote to
 * each other in the 30 days after it. The pairs and labels are the same for
 * every rule (the pairs with a message before the cut, the labels from the
 * messages themselves), so that the AUCs compare only the scores.
 *
 * Candidates: naive fan-out (weight 1 for each recipient), the documented
 * rule (1/k for k recipients), 1/√k, and fan-out plus co-recipient pairs
 * (everyone on a message linked to everyone, as a meeting's attendees might
 * be), each with and without dropping broadcasts (more than 10 participants).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Graph from 'graphology';
import type { EventOptions, GroupEvent } from 'goodwill';
import { addEvents } from 'goodwill/import';
import { buildIndex, eventsEnd } from '../src/core/interaction-index.js';
import { rocAuc } from '../src/calibrate/calibrate-decay.js';
import { assessDyad, newAssessment } from '../src/kernel/assess.js';
import { resolveModel } from '../src/kernel/options.js';
import { table } from './harness.js';

const DAY = 86_400_000;
const here = dirname(fileURLToPath(import.meta.url));
const DATA = process.env['GOODWILL_SHARED_DATA'] ?? resolve(here, '../../shared/data');

/** The Enron messages as events, in time order: one sender, the recipients in their listed order. */
export function enronEvents(): GroupEvent[] | null {
  const path = resolve(DATA, 'enron/enron-edges.csv');
  if (!existsSync(path)) return null;
  const byMessage = new Map<string, { at: number; from: string; to: [number, string][] }>();
  const lines = readFileSync(path, 'utf8').split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const [time, sender, receiver, message, no] = line.split(',');
    let m = byMessage.get(message!);
    if (m === undefined) byMessage.set(message!, (m = { at: Number(time) * 1000, from: `e${sender}`, to: [] }));
    m.to.push([Number(no), `e${receiver}`]);
  }
  return [...byMessage].map(([id, m]) => ({
    at: m.at,
    kind: 'message',
    from: m.from,
    to: m.to.sort((a, b) => a[0] - b[0]).map(([, r]) => r),
    id,
  }));
}

interface Rule {
  name: string;
  options: EventOptions;
  /** Also link every two recipients of a message (the earlier listed initiates). */
  coRecipients?: boolean;
}

export const RULES: Rule[] = [
  { name: 'naive fan-out = documented rule (weight 1 per recipient)', options: { dilution: 'none' } },
  { name: 'alternative: 1/k for k recipients', options: { dilution: 'inverse' } },
  { name: 'alternative: 1/√k', options: { dilution: 'sqrt' } },
  { name: 'alternative: fan-out + co-recipient pairs', options: { dilution: 'none' }, coRecipients: true },
  { name: 'alternative: broadcasts (> 10 people) dropped', options: { dilution: 'none', maxGroupSize: 10 } },
];

/** Where the history is cut, as a share of its span: the midpoint (as `npm run validate`), and four more to see whether a difference holds. */
export const CUTS = [0.5, 0.4, 0.6, 0.7, 0.8];

function build(events: GroupEvent[], rule: Rule): Graph {
  const graph = new Graph();
  addEvents(graph, events, rule.options);
  if (rule.coRecipients) {
    const extra: GroupEvent[] = [];
    for (const e of events) {
      const to = e.to ?? [];
      if (rule.options.maxGroupSize !== undefined && to.length + 1 > rule.options.maxGroupSize) continue;
      for (let i = 0; i < to.length; i++)
        for (let j = i + 1; j < to.length; j++)
          extra.push({ at: e.at, kind: 'message', from: to[i]!, to: [to[j]!], weight: 1 });
    }
    addEvents(graph, extra, { dilution: 'none' });
  }
  return graph;
}

/** One row per rule: the persistence AUC at each cut. */
export function evaluate(events: GroupEvent[]): Record<string, string | number>[] {
  // The pairs and labels: from the messages themselves (every recipient, weight 1).
  const truth = buildIndex(build(events, RULES[0]!), {}, 'group-rule');
  let lo = Infinity;
  let hi = -Infinity;
  for (const t of truth.time) {
    lo = Math.min(lo, t);
    hi = Math.max(hi, t);
  }
  const model = resolveModel({}, 'group-rule');
  const indexes = RULES.map((rule) => buildIndex(build(events, rule), {}, 'group-rule'));
  const dyadMaps = indexes.map((index) => {
    const dyadOf = new Map<string, number>();
    for (let d = 0; d < index.dyadCount; d++)
      dyadOf.set(`${index.nodes[index.dyadA[d]!]}\u0000${index.nodes[index.dyadB[d]!]}`, d);
    return dyadOf;
  });
  const rows: Record<string, string | number>[] = RULES.map((rule) => ({ rule: rule.name }));
  for (const share of CUTS) {
    const cut = lo + (hi - lo) * share;
    const pairs: string[] = [];
    const labels: number[] = [];
    for (let d = 0; d < truth.dyadCount; d++) {
      const before = eventsEnd(truth, d, cut);
      if (before === truth.eventOffset[d]!) continue;
      pairs.push(`${truth.nodes[truth.dyadA[d]!]}\u0000${truth.nodes[truth.dyadB[d]!]}`);
      labels.push(eventsEnd(truth, d, cut + 30 * DAY) > before ? 1 : 0);
    }
    const labelArray = Uint8Array.from(labels);
    const column = share === 0.5 ? `midpoint (${pairs.length} pairs)` : `cut at ${share * 100}% (${pairs.length})`;
    RULES.forEach((_, r) => {
      const s = newAssessment();
      const scores = Float64Array.from(pairs, (pair) => {
        const d = dyadMaps[r]!.get(pair);
        return d === undefined ? 0 : assessDyad(indexes[r]!, d, cut, model, s).strength;
      });
      rows[r]![column] = rocAuc(scores, labelArray).toFixed(4);
    });
  }
  return rows;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const events = enronEvents();
  if (events === null) console.log(`(${DATA}/enron is absent: nothing to compare)`);
  else
    table(
      `Group rule: persistence AUC on Enron (${events.length} messages), kernel default strength, contact in the 30 days after the cut`,
      evaluate(events),
    );
}
