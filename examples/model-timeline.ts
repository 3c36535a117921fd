/**
 * One tie over time, as the relationship model sees it: its interactions,
 * strength and stage day by day, and the dates the model gives at the end —
 * due, cooling, cold — all from the same assessment. Writes
 * docs/guides/img/relationship-model.svg (not in the test suite's quiet mode,
 * where it only checks that the picture agrees with the pair functions).
 *
 * Run: npx tsx examples/model-timeline.ts
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Graph from 'graphology';
import { assessRelationship, classifyStage, stageTimeline, tieStrength, type Interaction, type Stage } from 'goodwill';
import { STAGE_COLORS } from 'goodwill/svg';

const quiet = process.env['GOODWILL_EXAMPLE_QUIET'] === '1';
const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);
const at = (day: number): string => new Date(T0 + day * DAY).toISOString();

// Ann and Bob: they meet at a conference, write weekly, help each other, then Bob changes jobs and it goes quiet.
const ann: Interaction[] = [{ at: at(0), kind: 'meeting' }];
const bob: Interaction[] = [{ at: at(1), kind: 'message' }];
for (let day = 7; day <= 196; day += 14) ann.push({ at: at(day), kind: day % 56 === 7 ? 'call' : 'message' });
for (let day = 14; day <= 203; day += 14) bob.push({ at: at(day), kind: 'message' });
ann.push({ at: at(60), kind: 'help' }, { at: at(150), kind: 'introduction' });
bob.push({ at: at(100), kind: 'favor' }, { at: at(170), kind: 'referral' });
ann.sort((x, y) => Date.parse(x.at as string) - Date.parse(y.at as string));
bob.sort((x, y) => Date.parse(x.at as string) - Date.parse(y.at as string));
const graph = new Graph();
graph.addNode('ann', { name: 'Ann' });
graph.addNode('bob', { name: 'Bob' });
graph.addEdge('ann', 'bob', { interactions: ann });
graph.addEdge('bob', 'ann', { interactions: bob });

const END = 320; // "now": 117 days after the last contact
const now = T0 + END * DAY;
const days = Array.from({ length: END + 1 }, (_, d) => d);
const strength = days.map((d) => tieStrength(graph, 'ann', 'bob', { now: T0 + d * DAY }).strength);
const { changes, current } = stageTimeline(graph, 'ann', 'bob', { now });
const stageOn = (day: number): Stage => {
  let stage: Stage = 'none';
  for (const c of changes) if (c.at.getTime() <= T0 + day * DAY) stage = c.to;
  return stage;
};
const whole = assessRelationship(graph, 'ann', 'bob', { now: T0 + 204 * DAY }); // the day after the last contact

// The picture agrees with the pair functions, day by day.
for (const d of days.filter((x) => x % 10 === 0))
  assert.equal(stageOn(d), classifyStage(graph, 'ann', 'bob', { now: T0 + d * DAY }).stage, `stage on day ${d}`);
assert.equal(current.stage, 'dormant');
assert.ok(
  whole.rhythm.due! < whole.rhythm.cools! && whole.rhythm.cools! < whole.rhythm.cold!,
  'due, then cooling, then cold',
);
assert.equal(
  stageOn(Math.ceil((whole.rhythm.cools!.getTime() - T0) / DAY)),
  'cooling',
  'the tie starts cooling on the date the model gave',
);

// Draw: stage bands, strength line, contacts by side, and the dates.
const W = 760;
const H = 300;
const left = 44;
const right = W - 16;
const top = 40;
const bottom = 220;
const x = (day: number): number => left + ((right - left) * day) / END;
const y = (s: number): number => bottom - (bottom - top) * s;
const f = (v: number): string => (Math.round(v * 10) / 10).toString();
const parts: string[] = [
  `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, sans-serif" font-size="11">`,
  `<rect width="100%" height="100%" fill="#ffffff"/>`,
  `<text x="${W / 2}" y="18" text-anchor="middle" font-size="14" font-weight="600">One tie, one assessment: Ann and Bob over ${END} days</text>`,
];
let start = 0;
for (let d = 1; d <= END + 1; d++) {
  if (d > END || stageOn(d) !== stageOn(start)) {
    const stage = stageOn(start);
    parts.push(
      `<rect x="${f(x(start))}" y="${top}" width="${f(x(d) - x(start))}" height="${bottom - top}" fill="${STAGE_COLORS[stage]}" fill-opacity="0.18"/>`,
    );
    if (x(d) - x(start) > 48)
      parts.push(
        `<text x="${f((x(start) + x(d)) / 2)}" y="${top + 12}" text-anchor="middle" fill="#555555">${stage}</text>`,
      );
    start = d;
  }
}
for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
  parts.push(`<line x1="${left}" y1="${f(y(tick))}" x2="${right}" y2="${f(y(tick))}" stroke="#eeeeee"/>`);
  parts.push(`<text x="${left - 6}" y="${f(y(tick) + 4)}" text-anchor="end" fill="#888888">${tick}</text>`);
}
parts.push(
  `<polyline fill="none" stroke="#333333" stroke-width="1.8" points="${days.map((d) => `${f(x(d))},${f(y(strength[d]!))}`).join(' ')}"/>`,
);
for (const [list, row, color] of [
  [ann, bottom + 14, '#1b9e77'],
  [bob, bottom + 26, '#7570b3'],
] as const) {
  for (const i of list) {
    const d = (Date.parse(i.at as string) - T0) / DAY;
    const give = i.kind === 'help' || i.kind === 'introduction' || i.kind === 'favor' || i.kind === 'referral';
    parts.push(`<circle cx="${f(x(d))}" cy="${row}" r="${give ? 4 : 2.2}" fill="${color}"/>`);
  }
}
parts.push(
  `<text x="${left - 6}" y="${bottom + 18}" text-anchor="end" fill="#1b9e77">Ann</text>`,
  `<text x="${left - 6}" y="${bottom + 30}" text-anchor="end" fill="#7570b3">Bob</text>`,
);
const marks: [string, Date][] = [
  ['due', whole.rhythm.due!],
  ['starts cooling', whole.rhythm.cools!],
  ['goes cold (dormant)', whole.rhythm.cold!],
];
marks.forEach(([label, date], i) => {
  const d = (date.getTime() - T0) / DAY;
  if (d > END) return;
  parts.push(
    `<line x1="${f(x(d))}" y1="${top}" x2="${f(x(d))}" y2="${bottom}" stroke="#d95f02" stroke-dasharray="4 3"/>`,
  );
  const end = x(d) > right - 120;
  parts.push(
    `<text x="${f(x(d) + (end ? -3 : 3))}" y="${top + 28 + 13 * i}" text-anchor="${end ? 'end' : 'start'}" fill="#d95f02">${label}</text>`,
  );
});
parts.push(
  `<text x="${W / 2}" y="${H - 14}" text-anchor="middle" fill="#888888">line: strength · bands: stage · dots: interactions, large for gives · dashes: the model's dates after the last contact</text>`,
  '</svg>',
);
const svg = parts.join('\n') + '\n';
assert.ok(svg.includes('cooling') && svg.includes('trusted'));
if (!quiet) {
  const path = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'guides', 'img', 'relationship-model.svg');
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, svg);
  console.log(`Wrote ${path}`);
  console.log(changes.map((c) => `${c.at.toISOString().slice(0, 10)} ${c.from} → ${c.to}: ${c.reason}`).join('\n'));
}
