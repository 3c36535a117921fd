/**
 * `npx tsx scripts/group-closeness.ts`: the evidence behind the closeness
 * rule for group interactions (see the data guide, "Closeness and group
 * size").
 *
 * Does a message to many people say as much about closeness as a message to
 * one? The Enron e-mail (../shared/data/enron, read in place: one row per
 * message and recipient, 1–57 recipients) is cut at five points of its span.
 * Each pair with a message before the cut is scored by the decayed sum of its
 * messages (half-life 30 days, as warmth), each message weighted by a rule of
 * its number of recipients k = n − 1 (n participants, the sender included);
 * the score is checked against two signs of closeness after the cut:
 *
 * - private: the two write to each other one-to-one (a message with one
 *   recipient) within 90 days;
 * - lasting: the two are still in contact 90 to 180 days after the cut.
 *
 * The pairs and outcomes are the same for every rule, so the ROC AUCs compare
 * the weightings alone. It also prints, by size of message, how often a pair
 * whose most recent message before the cut was of that size wrote one-to-one
 * after it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rocAuc } from '../src/calibrate/calibrate-decay.js';

const DAY = 86_400_000;
const HALF_LIFE = 30 * DAY;
const here = dirname(fileURLToPath(import.meta.url));
const DATA = process.env['GOODWILL_SHARED_DATA'] ?? resolve(here, '../../shared/data');

/** One message between a pair: when, and to how many recipients. */
interface Message {
  at: number;
  k: number;
}

/** The rules compared: the weight of a message with k recipients. */
const RULES: { name: string; weight: (k: number) => number }[] = [
  { name: 'none: 1', weight: () => 1 },
  { name: '1/√k', weight: (k) => 1 / Math.sqrt(k) },
  { name: '1/k', weight: (k) => 1 / k },
  { name: '1/k²', weight: (k) => 1 / (k * k) },
  { name: '1 up to 3 recipients, then 3/k', weight: (k) => (k <= 3 ? 1 : 3 / k) },
  { name: '1 up to 5 recipients, then 5/k', weight: (k) => (k <= 5 ? 1 : 5 / k) },
  { name: '1 up to 10 recipients, then 10/k', weight: (k) => (k <= 10 ? 1 : 10 / k) },
  { name: 'one-to-one only', weight: (k) => (k === 1 ? 1 : 0) },
];

const CUTS = [0.4, 0.5, 0.6, 0.7, 0.8];

/** The Enron messages of each unordered pair, in time order; null without the data. */
function pairs(): { byPair: Map<string, Message[]>; first: number; last: number } | null {
  const path = resolve(DATA, 'enron/enron-edges.csv');
  if (!existsSync(path)) return null;
  const lines = readFileSync(path, 'utf8').split('\n');
  const rows: [number, string, string, string][] = [];
  const recipients = new Map<string, number>();
  for (let i = 1; i < lines.length; i++) {
    if (lines[i] === '') continue;
    const [time, sender, receiver, message] = lines[i]!.split(',') as [string, string, string, string];
    rows.push([Number(time) * 1000, sender, receiver, message]);
    recipients.set(message, (recipients.get(message) ?? 0) + 1);
  }
  const byPair = new Map<string, Message[]>();
  for (const [at, s, r, message] of rows) {
    const key = Number(s) < Number(r) ? `${s}|${r}` : `${r}|${s}`;
    let list = byPair.get(key);
    if (list === undefined) byPair.set(key, (list = []));
    list.push({ at, k: recipients.get(message)! });
  }
  return { byPair, first: rows[0]![0], last: rows.at(-1)![0] };
}

/** Size classes of a message, by recipients. */
const CLASSES: [string, (k: number) => boolean][] = [
  ['1', (k) => k === 1],
  ['2', (k) => k === 2],
  ['3–5', (k) => k >= 3 && k <= 5],
  ['6–14', (k) => k >= 6 && k <= 14],
  ['15+', (k) => k >= 15],
];

export default function run(): void {
  const data = pairs();
  if (data === null) {
    console.log('../shared/data/enron is absent: nothing to compare.');
    return;
  }
  const { byPair, first, last } = data;
  const aucs = RULES.map(() => ({ private: [] as number[], lasting: [] as number[] }));
  const byClass = CLASSES.map(() => ({ pairs: 0, private: 0 }));
  let pairCount = 0;
  for (const share of CUTS) {
    const cut = first + share * (last - first);
    const scores = RULES.map(() => [] as number[]);
    const privately: boolean[] = [];
    const lasting: boolean[] = [];
    for (const list of byPair.values()) {
      if (!(list[0]!.at <= cut)) continue;
      let privateAfter = false;
      let lastingAfter = false;
      let latest: Message | null = null;
      const sums = RULES.map(() => 0);
      for (const m of list) {
        if (m.at <= cut) {
          const decay = Math.pow(2, (m.at - cut) / HALF_LIFE);
          for (let r = 0; r < RULES.length; r++) sums[r]! += RULES[r]!.weight(m.k) * decay;
          latest = m;
        } else {
          if (m.k === 1 && m.at <= cut + 90 * DAY) privateAfter = true;
          if (m.at > cut + 90 * DAY && m.at <= cut + 180 * DAY) lastingAfter = true;
        }
      }
      for (let r = 0; r < RULES.length; r++) scores[r]!.push(sums[r]!);
      privately.push(privateAfter);
      lasting.push(lastingAfter);
      const c = CLASSES.findIndex(([, is]) => is(latest!.k));
      byClass[c]!.pairs++;
      if (privateAfter) byClass[c]!.private++;
    }
    pairCount += privately.length;
    for (let r = 0; r < RULES.length; r++) {
      aucs[r]!.private.push(rocAuc(scores[r]!, privately));
      aucs[r]!.lasting.push(rocAuc(scores[r]!, lasting));
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(`Enron e-mail, ${byPair.size} pairs; cuts at ${CUTS.map((c) => `${c * 100}%`).join(', ')} of the span`);
  console.log(`(${pairCount} pair-cuts). ROC AUC of the decayed weighted sum, per cut, and the mean:\n`);
  console.log(
    '| weight of a message to k recipients | one-to-one within 90 days | mean | still in contact 90–180 days on | mean |',
  );
  console.log('|---|---|---|---|---|');
  for (let r = 0; r < RULES.length; r++) {
    const a = aucs[r]!;
    const fmt = (xs: number[]) => xs.map((x) => x.toFixed(3)).join(' / ');
    console.log(
      `| ${RULES[r]!.name} | ${fmt(a.private)} | ${mean(a.private).toFixed(3)} | ${fmt(a.lasting)} | ${mean(a.lasting).toFixed(3)} |`,
    );
  }
  console.log(
    '\nBy the size of the last message before the cut: pair-cuts, and the share that wrote one-to-one within 90 days\n',
  );
  console.log('| recipients | pair-cuts | wrote one-to-one |');
  console.log('|---|---|---|');
  for (let c = 0; c < CLASSES.length; c++) {
    const b = byClass[c]!;
    console.log(`| ${CLASSES[c]![0]} | ${b.pairs} | ${((100 * b.private) / b.pairs).toFixed(1)}% |`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) run();
