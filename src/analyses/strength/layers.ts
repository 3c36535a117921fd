/**
 * `dunbarLayers` and `keepInTouch`: one person's ties in Dunbar's layers,
 * and whom to contact next, by when.
 *
 * @module
 */
import type { Attributes } from 'graphology-types';
import { InvalidOptionError, describeValue } from '../../core/errors.js';
import { assertGraph, assertNode, type PeopleGraph } from '../../core/graph.js';
import { buildIndex, type InteractionIndex } from '../../core/interaction-index.js';
import { DAY_MS, parseDurationOption, parseTimeOption, type DurationInput } from '../../core/time.js';
import { isDormantDyad, measureDyad, newMeasures, resolveStrengthOptions, type ResolvedStrengthOptions } from './kernel.js';
import type { StrengthOptions } from './strength.js';

/** One of the person's ties, ranked. */
export interface RankedTie {
  /** The other person. */
  person: string;
  /** Tie strength at `now`. */
  strength: number;
  /** Last contact, or `null`. */
  lastContact: Date | null;
}

/** A Dunbar layer and the ties in it. */
export interface DunbarLayer {
  /** Its cumulative size: 5, 15, 50, 150, or `null` for beyond. */
  size: number | null;
  /** The expected contact cadence of the layer in days (weekly, monthly, half-yearly, yearly), or `null` beyond. */
  cadenceDays: number | null;
  /** The ties in the layer, strongest first (ties broken by key). */
  ties: RankedTie[];
}

/** The result of {@link dunbarLayers}. */
export interface DunbarLayers {
  /** The person. */
  person: string;
  /** The layers from the innermost out, the last one being "beyond" (size `null`). */
  layers: DunbarLayer[];
}

/** Options of {@link dunbarLayers}. */
export interface DunbarLayerOptions extends StrengthOptions {
  /** Cumulative layer sizes. Default [5, 15, 50, 150] (Zhou et al. 2005; Hill & Dunbar 2003). */
  sizes?: number[];
  /** Contact cadence of each layer. Default weekly, monthly, half-yearly, yearly. */
  cadences?: DurationInput[];
}

const DEFAULT_SIZES = [5, 15, 50, 150];
const DEFAULT_CADENCES: DurationInput[] = [{ days: 7 }, { days: 30 }, { days: 182 }, { days: 365 }];

interface EgoContext {
  index: InteractionIndex;
  now: number;
  r: ResolvedStrengthOptions;
  ranked: (RankedTie & { d: number; last: number })[];
  sizes: number[];
  cadences: number[];
}

function checkOptions(options: unknown, module: string): asserts options is StrengthOptions {
  if (options === null || typeof options !== 'object') {
    throw new InvalidOptionError(`${module}: options are required, at least { now }; got ${describeValue(options)}.`, { field: 'options' });
  }
}

function ego(graph: unknown, person: string, options: DunbarLayerOptions, module: string): EgoContext {
  assertGraph(graph, module);
  checkOptions(options, module);
  assertNode(graph, person, module, 'person');
  const now = parseTimeOption(options.now, 'now', module);
  const r = resolveStrengthOptions(options, module);
  const sizes = options.sizes ?? DEFAULT_SIZES;
  if (!Array.isArray(sizes) || sizes.length === 0 || sizes.some((s, i) => !Number.isInteger(s) || s < 1 || (i > 0 && s <= sizes[i - 1]!))) {
    throw new InvalidOptionError(`${module}: the option \`sizes\` must be increasing positive integers such as [5, 15, 50, 150]; got ${describeValue(sizes)}.`, { field: 'sizes' });
  }
  const rawCadences = options.cadences ?? DEFAULT_CADENCES;
  if (!Array.isArray(rawCadences) || rawCadences.length !== sizes.length) {
    throw new InvalidOptionError(`${module}: the option \`cadences\` must give one duration per layer (${sizes.length}); got ${describeValue(rawCadences)}.`, { field: 'cadences' });
  }
  const cadences = rawCadences.map((c, i) => parseDurationOption(c, `cadences[${i}]`, module, false));
  const index = buildIndex(graph, options, module, { kind: 'node', node: person });
  const self = index.nodeId.get(person)!;
  const m = newMeasures(r);
  const ranked: EgoContext['ranked'] = [];
  for (let i = index.nodeDyadOffset[self]!; i < index.nodeDyadOffset[self + 1]!; i++) {
    const d = index.nodeDyads[i]!;
    measureDyad(index, d, now, r, m);
    const o = index.override[d]!;
    const other = index.nodes[index.dyadA[d] === self ? index.dyadB[d]! : index.dyadA[d]!]!;
    ranked.push({ person: other, strength: o === o ? o : m.modelled, lastContact: m.count > 0 ? new Date(m.last) : null, d, last: m.count > 0 ? m.last : NaN });
  }
  ranked.sort((x, y) => y.strength - x.strength || (x.person < y.person ? -1 : x.person > y.person ? 1 : 0));
  return { index, now, r, ranked, sizes, cadences };
}

/**
 * `person`'s ties sorted into Dunbar's layers by strength at `now`: the 5
 * strongest (support clique, contact about weekly), the next 10 (sympathy
 * group, monthly), up to 50 (half-yearly), up to 150 (yearly), and beyond —
 * layers with a scaling ratio of about 3 (Zhou et al. 2005; Hill & Dunbar
 * 2003). Ties with no strength at all (no interaction before `now`) go beyond.
 *
 * @example
 * ```ts
 * const { layers } = dunbarLayers(graph, 'ann', { now: '2024-06-30' });
 * layers[0].ties.map((t) => t.person); // Ann's five closest
 * ```
 */
export function dunbarLayers(graph: PeopleGraph, person: string, options: DunbarLayerOptions): DunbarLayers {
  const { ranked, sizes, cadences } = ego(graph, person, options, 'dunbarLayers');
  const layers: DunbarLayer[] = [];
  let start = 0;
  const strong = ranked.filter((t) => t.strength > 0);
  for (let l = 0; l < sizes.length; l++) {
    const end = Math.min(strong.length, sizes[l]!);
    layers.push({ size: sizes[l]!, cadenceDays: cadences[l]! / DAY_MS, ties: strong.slice(start, end).map(({ person: p, strength, lastContact }) => ({ person: p, strength, lastContact })) });
    start = Math.max(start, end);
  }
  const beyond = [...strong.slice(start), ...ranked.filter((t) => t.strength <= 0)];
  layers.push({ size: null, cadenceDays: null, ties: beyond.map(({ person: p, strength, lastContact }) => ({ person: p, strength, lastContact })) });
  return { person, layers };
}

/** Options of {@link keepInTouch}. */
export interface KeepInTouchOptions extends DunbarLayerOptions {
  /**
   * A cadence per tie that overrides the layer's: a node attribute of the other
   * person (e.g. `'cadence'`) or a function `(other, attributes) => Duration`
   * (use it for per-tag cadences). Return `null`/`undefined` to keep the layer's.
   */
  getCadence?: string | ((other: string, attributes: Attributes) => DurationInput | null | undefined);
  /** The maximum window is this many cadences after the last contact. Default 2. */
  maxFactor?: number;
  /** Leave out dormant ties (let them go, or revive them on purpose). Default false. */
  skipDormant?: boolean;
}

/** One entry of {@link keepInTouch}. */
export interface KeepInTouchEntry {
  /** The other person. */
  person: string;
  /** Its Dunbar layer size (5, 15, 50, 150), or `null` when the cadence came from `getCadence` beyond the layers. */
  layer: number | null;
  /** The cadence in days. */
  cadenceDays: number;
  /** Where it came from: the layer, or the user's `getCadence`. */
  cadenceSource: 'layer' | 'user';
  /** The last contact. */
  lastContact: Date;
  /** Ideal date of the next contact: last contact + cadence. */
  due: Date;
  /** Latest date before the tie is at risk: last contact + maxFactor × cadence. */
  latest: Date;
  /** Days past `due` (0 when not yet due). */
  overdueDays: number;
  /** Tie strength, the value at stake. */
  strength: number;
  /** strength × max(now − last − cadence, 0) / cadence: the value at stake times how overdue it is. */
  priority: number;
  /** Whether the tie is dormant. */
  dormant: boolean;
  /** Why, in a sentence. */
  reason: string;
}

/**
 * Whom `person` should contact, and by when: for each tie with a past
 * contact, the due date is the last contact plus the cadence (from the tie's
 * Dunbar layer, or from `getCadence`), the latest date before it is at risk is
 * last + maxFactor × cadence, and priority = strength × overdue ratio. Sorted
 * by priority, then by due date, then by key. Logging a new contact moves the
 * entry: the cadence restarts from it.
 *
 * @example
 * ```ts
 * const todo = keepInTouch(graph, 'ann', { now: '2024-06-30' });
 * todo[0]; // { person: 'bob', due: 2024-06-02, overdueDays: 28, priority: 0.56, reason: '…' }
 * ```
 */
export function keepInTouch(graph: PeopleGraph, person: string, options: KeepInTouchOptions): KeepInTouchEntry[] {
  const module = 'keepInTouch';
  const { index, now, r, ranked, sizes, cadences } = ego(graph, person, options, module);
  const maxFactor = options.maxFactor ?? 2;
  if (typeof maxFactor !== 'number' || !Number.isFinite(maxFactor) || maxFactor < 1) {
    throw new InvalidOptionError(`${module}: the option \`maxFactor\` must be a number >= 1; got ${describeValue(maxFactor)}.`, { field: 'maxFactor' });
  }
  const getCadence = options.getCadence;
  if (getCadence !== undefined && typeof getCadence !== 'string' && typeof getCadence !== 'function') {
    throw new InvalidOptionError(`${module}: the option \`getCadence\` must be a node attribute name or a function; got ${describeValue(getCadence)}.`, { field: 'getCadence' });
  }
  const g = graph as PeopleGraph;
  const entries: KeepInTouchEntry[] = [];
  let rank = 0;
  for (const tie of ranked) {
    const layerIndex = tie.strength > 0 ? sizes.findIndex((s) => rank < s) : -1;
    if (tie.strength > 0) rank++;
    if (Number.isNaN(tie.last)) continue;
    let cadence = layerIndex >= 0 ? cadences[layerIndex]! : NaN;
    let source: 'layer' | 'user' = 'layer';
    if (getCadence !== undefined) {
      const attributes = g.getNodeAttributes(tie.person);
      const raw = typeof getCadence === 'function' ? getCadence(tie.person, attributes) : attributes[getCadence];
      if (raw !== undefined && raw !== null) {
        cadence = parseDurationOption(raw, `getCadence(${JSON.stringify(tie.person)})`, module, false);
        source = 'user';
      }
    }
    if (Number.isNaN(cadence)) continue; // beyond the layers, and no cadence of the user's
    const dormant = isDormantDyad(index, tie.d, now, r);
    if (dormant && options.skipDormant) continue;
    const overdue = Math.max(now - tie.last - cadence, 0);
    const priority = (tie.strength * overdue) / cadence;
    const cadenceDays = cadence / DAY_MS;
    const overdueDays = overdue / DAY_MS;
    const layer = layerIndex >= 0 ? sizes[layerIndex]! : null;
    const where = source === 'user' ? 'your cadence' : `layer ${layer} (every ${Math.round(cadenceDays)} days)`;
    entries.push({
      person: tie.person,
      layer,
      cadenceDays,
      cadenceSource: source,
      lastContact: new Date(tie.last),
      due: new Date(tie.last + cadence),
      latest: new Date(tie.last + maxFactor * cadence),
      overdueDays,
      strength: tie.strength,
      priority,
      dormant,
      reason:
        overdue > 0
          ? `${Math.round(overdueDays)} days overdue for ${where}; last contact ${Math.round((now - tie.last) / DAY_MS)} days ago`
          : `due in ${Math.round((tie.last + cadence - now) / DAY_MS)} days by ${where}`,
    });
  }
  entries.sort((x, y) => y.priority - x.priority || x.due.getTime() - y.due.getTime() || (x.person < y.person ? -1 : x.person > y.person ? 1 : 0));
  return entries;
}
