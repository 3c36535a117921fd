/**
 * `renderEgoSvg`: a picture of one person's network — rings for the Dunbar
 * layers, colour for the stage of each relationship. Pure: returns SVG text.
 *
 * @module
 */
import { InvalidOptionError, describeValue } from '../core/errors.js';
import { assertGraph, assertNode, type PeopleGraph } from '../core/graph.js';
import { buildIndex, eventsEnd } from '../core/interaction-index.js';
import { parseTimeOption } from '../core/time.js';
import type { GraphReadOptions, TimeOptions } from '../core/types.js';
import { computeDyadStrengths, resolveStrengthOptions, type StrengthModelOptions } from '../strength/kernel.js';
import { runDyad } from '../stages/machine.js';
import { resolveThresholds } from '../stages/options.js';
import type { Stage, StageThresholds } from '../stages/types.js';

const MODULE = 'renderEgoSvg';

/** Colours of the stages (colour-blind-safe Dark2 palette, greys for the weakest). */
export const STAGE_COLORS: Readonly<Record<Stage, string>> = /* @__PURE__ */ Object.freeze({
  none: '#cccccc',
  connected: '#a6a6a6',
  acquainted: '#7570b3',
  engaged: '#66a61e',
  trusted: '#1b9e77',
  cooling: '#e6ab02',
  dormant: '#d95f02',
});

/** Options of {@link renderEgoSvg}. */
export interface EgoSvgOptions extends GraphReadOptions, TimeOptions, StrengthModelOptions {
  /** Width and height of the picture in pixels. Default 640. */
  size?: number;
  /** Show at most this many ties, the strongest first. Default 150. */
  maxTies?: number;
  /** Node attribute holding a display name (default `'name'`), or a function of (key, attributes). Falls back to the key. */
  getLabel?: string | ((key: string, attributes: Record<string, unknown>) => string);
  /** How many of the closest ties get a text label. Default 5. */
  labels?: number;
  /** A title drawn at the top. Default: the person's label. */
  title?: string;
  /** Stage thresholds (see the stages guide). */
  thresholds?: Partial<StageThresholds>;
}

const LAYERS = [5, 15, 50, 150];

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

const fmt = (x: number): string => (Math.round(x * 10) / 10).toString();

/**
 * Draws `person`'s network at `now` as SVG: the person in the centre, each
 * tie a dot on the ring of its Dunbar layer (5 / 15 / 50 / 150 strongest ties,
 * then beyond), coloured by its stage, sized by its strength, with the
 * closest ties labelled and a legend. Deterministic: ties are ordered by
 * strength, then by key.
 *
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * const svg = renderEgoSvg(graph, 'p0001', { now: '2025-01-01' });
 * writeFileSync('ego.svg', svg); // your I/O, not goodwill's
 * ```
 */
export function renderEgoSvg(graph: PeopleGraph, person: string, options: EgoSvgOptions): string {
  assertGraph(graph, MODULE);
  if (options === null || typeof options !== 'object') {
    throw new InvalidOptionError(`${MODULE}: options are required, at least { now }; got ${describeValue(options)}.`, { field: 'options' });
  }
  assertNode(graph, person, MODULE, 'person');
  const now = parseTimeOption(options.now, 'now', MODULE);
  const size = options.size ?? 640;
  if (typeof size !== 'number' || !Number.isFinite(size) || size < 200) {
    throw new InvalidOptionError(`${MODULE}: the option \`size\` must be a number >= 200 (pixels); got ${describeValue(size)}.`, { field: 'size' });
  }
  const maxTies = options.maxTies ?? 150;
  if (typeof maxTies !== 'number' || !Number.isInteger(maxTies) || maxTies < 1) {
    throw new InvalidOptionError(`${MODULE}: the option \`maxTies\` must be an integer >= 1; got ${describeValue(maxTies)}.`, { field: 'maxTies' });
  }
  const labelCount = options.labels ?? 5;
  const getLabel = options.getLabel ?? 'name';
  const labelOf = (key: string): string => {
    const attributes = graph.getNodeAttributes(key) as Record<string, unknown>;
    const raw = typeof getLabel === 'function' ? getLabel(key, attributes) : attributes[getLabel];
    return typeof raw === 'string' && raw !== '' ? raw : key;
  };
  const strengthOptions = resolveStrengthOptions(options, MODULE);
  const th = resolveThresholds(options.thresholds, MODULE);
  const index = buildIndex(graph, options, MODULE, { kind: 'node', node: person });
  const strengths = computeDyadStrengths(index, now, strengthOptions);
  const self = index.nodeId.get(person)!;

  const ties: { key: string; strength: number; stage: Stage }[] = [];
  for (let i = index.nodeDyadOffset[self]!; i < index.nodeDyadOffset[self + 1]!; i++) {
    const d = index.nodeDyads[i]!;
    const other = index.nodes[index.dyadA[d] === self ? index.dyadB[d]! : index.dyadA[d]!]!;
    const state = runDyad(index, d, eventsEnd(index, d, now), now, th, null);
    ties.push({ key: other, strength: strengths[d]!, stage: state.n === 0 ? 'connected' : state.stage });
  }
  ties.sort((x, y) => y.strength - x.strength || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  const shown = ties.slice(0, maxTies);

  const c = size / 2;
  const legendHeight = 46;
  const outer = c - 36;
  // Only the layers that hold ties are drawn, spread over the whole picture.
  let used = 1;
  while (used < LAYERS.length + 1 && shown.length > (LAYERS[used - 1] ?? Infinity)) used++;
  const radii = Array.from({ length: used }, (_, k) => (outer * (k + 1)) / used);
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size + legendHeight}" viewBox="0 0 ${size} ${size + legendHeight}" font-family="system-ui, sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${c}" y="18" text-anchor="middle" font-size="14" font-weight="600">${escapeXml(options.title ?? `${labelOf(person)}'s network`)}</text>`,
  );
  const layerNames = ['5', '15', '50', '150', 'beyond'];
  for (let r = radii.length - 1; r >= 0; r--) {
    parts.push(`<circle cx="${c}" cy="${c}" r="${fmt(radii[r]!)}" fill="none" stroke="#e3e3e3" stroke-width="1"/>`);
    parts.push(`<text x="${c}" y="${fmt(c - radii[r]! + 12)}" text-anchor="middle" fill="#b0b0b0">${layerNames[r]}</text>`);
  }
  // Ties: layer by rank, spread evenly around their ring; inner layers start at the top.
  let start = 0;
  for (let layer = 0; layer < radii.length && start < shown.length; layer++) {
    const end = layer < LAYERS.length ? Math.min(shown.length, LAYERS[layer]!) : shown.length;
    const count = end - start;
    const ring = layer === 0 ? radii[0]! * 0.62 : (radii[layer - 1]! + radii[layer]!) / 2;
    for (let i = 0; i < count; i++) {
      const tie = shown[start + i]!;
      const angle = -Math.PI / 2 + (2 * Math.PI * (i + (layer % 2) * 0.5)) / count;
      const x = c + ring * Math.cos(angle);
      const y = c + ring * Math.sin(angle);
      const radius = 3 + 6 * tie.strength;
      parts.push(`<line x1="${c}" y1="${c}" x2="${fmt(x)}" y2="${fmt(y)}" stroke="${STAGE_COLORS[tie.stage]}" stroke-opacity="0.25" stroke-width="${fmt(0.5 + 2 * tie.strength)}"/>`);
      parts.push(`<circle cx="${fmt(x)}" cy="${fmt(y)}" r="${fmt(radius)}" fill="${STAGE_COLORS[tie.stage]}"><title>${escapeXml(`${labelOf(tie.key)}: ${tie.stage}, strength ${tie.strength.toFixed(2)}`)}</title></circle>`);
      if (start + i < labelCount) {
        parts.push(`<text x="${fmt(x)}" y="${fmt(y - radius - 3)}" text-anchor="middle">${escapeXml(labelOf(tie.key))}</text>`);
      }
    }
    start = end;
  }
  parts.push(`<circle cx="${c}" cy="${c}" r="9" fill="#333333"/>`);
  // Legend.
  const legend: Stage[] = ['trusted', 'engaged', 'acquainted', 'connected', 'cooling', 'dormant'];
  const step = size / legend.length;
  legend.forEach((stage, i) => {
    const n = shown.filter((t) => t.stage === stage).length;
    const x = step * i + 14;
    parts.push(`<circle cx="${fmt(x)}" cy="${size + 20}" r="6" fill="${STAGE_COLORS[stage]}"/>`);
    parts.push(`<text x="${fmt(x + 10)}" y="${size + 24}">${stage} (${n})</text>`);
  });
  parts.push(`<text x="${c}" y="${size + 40}" text-anchor="middle" fill="#888888">rings: Dunbar layers by tie strength at ${new Date(now).toISOString().slice(0, 10)}; dot size: strength</text>`);
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}
