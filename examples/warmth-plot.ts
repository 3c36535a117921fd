/**
 * A picture of warmth over time for a few ties, one per archetype of a
 * generated network (and, when ../shared/data is present, the four busiest
 * pairs of the Enron e-mail data). Writes docs/guides/img/warmth.svg (not in
 * the test suite's quiet mode, where it only checks that the plot is built).
 *
 * Run: npx tsx examples/warmth-plot.ts
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { warmth } from 'goodwill';
import { generateNetwork, parseEdgeList } from 'goodwill/fixtures';
import type { AbstractGraph } from 'graphology-types';

const quiet = process.env['GOODWILL_EXAMPLE_QUIET'] === '1';
const here = dirname(fileURLToPath(import.meta.url));
const DAY = 86_400_000;
const COLORS = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a'];

interface Series {
  label: string;
  points: [number, number][];
}

function series(
  graph: AbstractGraph,
  a: string,
  b: string,
  label: string,
  from: number,
  to: number,
  halfLife: number,
): Series {
  const points: [number, number][] = [];
  for (let t = from; t <= to; t += (to - from) / 240)
    points.push([t, warmth(graph, a, b, { now: t, halfLife: { days: halfLife } }).warmth]);
  return { label, points };
}

function plot(title: string, all: Series[], x: number, y: number, w: number, h: number): string {
  const t0 = all[0]!.points[0]![0];
  const t1 = all[0]!.points[all[0]!.points.length - 1]![0];
  const max = Math.max(...all.flatMap((s) => s.points.map((p) => p[1])), 1e-9);
  const px = (t: number) => x + ((t - t0) / (t1 - t0)) * w;
  const py = (v: number) => y + h - (v / max) * h;
  const out = [
    `<text x="${x}" y="${y - 8}" font-size="13" font-weight="600">${title}</text>`,
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="none" stroke="#dddddd"/>`,
    `<text x="${x}" y="${y + h + 14}" fill="#888888">${new Date(t0).toISOString().slice(0, 10)}</text>`,
    `<text x="${x + w}" y="${y + h + 14}" text-anchor="end" fill="#888888">${new Date(t1).toISOString().slice(0, 10)}</text>`,
    `<text x="${x - 4}" y="${y + 10}" text-anchor="end" fill="#888888">${max.toFixed(1)}</text>`,
  ];
  all.forEach((s, i) => {
    const d = s.points.map((p, k) => `${k === 0 ? 'M' : 'L'}${px(p[0]).toFixed(1)},${py(p[1]).toFixed(1)}`).join('');
    out.push(`<path d="${d}" fill="none" stroke="${COLORS[i % COLORS.length]}" stroke-width="1.6"/>`);
    out.push(`<text x="${x + w + 8}" y="${y + 14 + 16 * i}" fill="${COLORS[i % COLORS.length]}">${s.label}</text>`);
  });
  return out.join('\n');
}

const panels: string[] = [];
const generated = generateNetwork({ seed: 42, people: 300 });
const picked = new Map<string, [string, string]>();
generated.forEachEdge((_e, attrs, s, t) => {
  if (['close-friend', 'colleague', 'fading', 'dormant'].includes(attrs.archetype) && !picked.has(attrs.archetype))
    picked.set(attrs.archetype, [s, t]);
});
const start = Date.UTC(2023, 0, 1);
const end = Date.UTC(2025, 0, 1);
panels.push(
  plot(
    'Generated network: warmth (half-life 30 days) of one tie per archetype',
    [...picked].map(([name, [a, b]]) => series(generated, a, b, name, start, end, 30)),
    60,
    40,
    560,
    180,
  ),
);

const enronPath = resolve(here, '../../shared/data/enron/enron-edges.csv');
let height = 280;
if (existsSync(enronPath)) {
  const enron = parseEdgeList(readFileSync(enronPath, 'utf8'), {
    format: 'csv',
    columns: { source: 'sender_id', target: 'receiver_id', time: 'unix_time' },
  });
  const busiest: [string, string, number][] = [];
  enron.forEachEdge((_e, attrs, s, t) => busiest.push([s, t, attrs.count]));
  busiest.sort((p, q) => q[2] - p[2] || (p[0] + p[1] < q[0] + q[1] ? -1 : 1));
  const pairs = busiest.slice(0, 4);
  panels.push(
    plot(
      'Enron e-mail: the four busiest pairs (half-life 30 days)',
      pairs.map(([a, b, n]) =>
        series(enron, a, b, `${a} → ${b} (${n})`, Date.UTC(2000, 0, 1), Date.UTC(2002, 3, 1), 30),
      ),
      60,
      320,
      560,
      180,
    ),
  );
  height = 560;
}
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="760" height="${height}" font-family="system-ui, sans-serif" font-size="11">\n<rect width="100%" height="100%" fill="#ffffff"/>\n${panels.join('\n')}\n</svg>\n`;
if (!quiet) {
  const path = join(here, '..', 'docs', 'guides', 'img', 'warmth.svg');
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, svg);
  console.log(`wrote ${path}`);
}
if (picked.size !== 4 || !svg.includes('<path')) process.exit(1);
void DAY;
