/**
 * `renderEgoSvg`: a picture of one person's network — rings for the Dunbar
 * layers, colour for the stage of each relationship. Pure: returns SVG text.
 *
 * @module
 */
import { readInteger, readNumber, readString } from '../core/args.js';
import type { PeopleGraph } from '../core/graph.js';
import { rankLayers, resolveLayers, type LayerOptions } from '../kernel/layers.js';
import { readEgo, type ModelQueryOptions } from '../kernel/read.js';
import { STAGE_OF_CODE } from '../kernel/words.js';
import type { Stage } from '../kernel/types.js';

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
export interface EgoSvgOptions extends ModelQueryOptions, LayerOptions {
  /** Width and height of the picture in pixels. Default 640. */
  size?: number;
  /** Show at most this many ties, the strongest first. Default 150. */
  maxTies?: number;
  /** How many of the closest ties get a text label. Default 5. */
  labels?: number;
  /** A title drawn at the top. Default: the person's name and "'s network". */
  title?: string;
}

// eslint-disable-next-line no-control-regex -- these are the characters XML 1.0 does not allow
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Escapes text for XML; drops the control characters XML 1.0 does not allow and replaces lone surrogates by U+FFFD. */
function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

const fmt = (x: number): string => (Math.round(x * 10) / 10).toString();

/**
 * Draws `person`'s network at `now` as SVG: the person in the centre, each
 * tie a dot on the ring of its Dunbar layer (5 / 15 / 50 / 150 strongest ties,
 * then beyond), coloured by its stage, sized by its strength, with the
 * closest ties labelled and a legend. Deterministic: ties are ordered by
 * strength, then by key.
 *
 * @see [Health reports](../../docs/guides/health.md), the guide.
 *
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * const svg = renderEgoSvg(graph, 'p0001', { now: '2025-01-01' });
 * writeFileSync('ego.svg', svg); // your I/O, not goodwill's
 * ```
 */
export function renderEgoSvg(graph: PeopleGraph, person: string, options: EgoSvgOptions): string {
  const ctx = readEgo(graph, person, options, MODULE);
  const layers = resolveLayers(options, MODULE);
  const size = readNumber(MODULE, 'size', options.size ?? 640, 200, 100_000); // pixels
  const maxTies = readInteger(MODULE, 'maxTies', options.maxTies ?? 150, 1);
  const labelCount = readInteger(MODULE, 'labels', options.labels ?? 5, 0);
  if (options.title !== undefined) readString(MODULE, 'title', options.title);
  const labelOf = ctx.label;
  const now = ctx.now;
  // The same layers as dunbarLayers: ranked by strength, two-way ties only; the rest beyond.
  const ranked = rankLayers(ctx.ties, layers).slice(0, maxTies);
  const LAYERS = layers.sizes;
  const shown = ranked.map(({ tie, layer }) => ({
    key: tie.other,
    strength: tie.a.strength,
    stage: (tie.a.n === 0 && tie.a.override !== tie.a.override ? 'connected' : STAGE_OF_CODE[tie.a.stage]!) as Stage,
    layer,
  }));

  const c = size / 2;
  const legendHeight = 46;
  const outer = c - 36;
  // Groups by layer (the last group: beyond); only the layers up to the outermost group that holds ties are drawn.
  const groups: (typeof shown)[] = Array.from({ length: LAYERS.length + 1 }, () => []);
  for (const tie of shown) groups[tie.layer < 0 ? LAYERS.length : tie.layer]!.push(tie);
  let used = groups.length;
  while (used > 1 && groups[used - 1]!.length === 0) used--;
  const radii = Array.from({ length: used }, (_, k) => (outer * (k + 1)) / used);
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size + legendHeight}" viewBox="0 0 ${size} ${size + legendHeight}" font-family="system-ui, sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${c}" y="18" text-anchor="middle" font-size="14" font-weight="600">${escapeXml(options.title ?? `${labelOf(ctx.person)}'s network`)}</text>`,
  );
  const layerNames = [...LAYERS.map(String), 'beyond'];
  for (let r = radii.length - 1; r >= 0; r--) {
    parts.push(`<circle cx="${c}" cy="${c}" r="${fmt(radii[r]!)}" fill="none" stroke="#e3e3e3" stroke-width="1"/>`);
    parts.push(
      `<text x="${c}" y="${fmt(c - radii[r]! + 12)}" text-anchor="middle" fill="#b0b0b0">${layerNames[r]}</text>`,
    );
  }
  // Ties: spread evenly around their layer's ring, strongest first; inner layers start at the top.
  let labelled = 0;
  for (let layer = 0; layer < radii.length; layer++) {
    const group = groups[layer]!;
    const ring = layer === 0 ? radii[0]! * 0.62 : (radii[layer - 1]! + radii[layer]!) / 2;
    group.forEach((tie, i) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * (i + (layer % 2) * 0.5)) / group.length;
      const x = c + ring * Math.cos(angle);
      const y = c + ring * Math.sin(angle);
      const radius = 3 + 6 * tie.strength;
      parts.push(
        `<line x1="${c}" y1="${c}" x2="${fmt(x)}" y2="${fmt(y)}" stroke="${STAGE_COLORS[tie.stage]}" stroke-opacity="0.25" stroke-width="${fmt(0.5 + 2 * tie.strength)}"/>`,
      );
      parts.push(
        `<circle cx="${fmt(x)}" cy="${fmt(y)}" r="${fmt(radius)}" fill="${STAGE_COLORS[tie.stage]}"><title>${escapeXml(`${labelOf(tie.key)}: ${tie.stage}, strength ${tie.strength.toFixed(2)}`)}</title></circle>`,
      );
      if (labelled < labelCount && layer < LAYERS.length) {
        labelled++;
        parts.push(
          `<text x="${fmt(x)}" y="${fmt(y - radius - 3)}" text-anchor="middle">${escapeXml(labelOf(tie.key))}</text>`,
        );
      }
    });
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
  parts.push(
    `<text x="${c}" y="${size + 40}" text-anchor="middle" fill="#888888">rings: Dunbar layers by tie strength at ${new Date(now).toISOString().slice(0, 10)}; dot size: strength</text>`,
  );
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}
