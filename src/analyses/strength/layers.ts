/**
 * `dunbarLayers` and `keepInTouch`: one person's ties in Dunbar's layers,
 * and whom to contact next, by when — from the kernel's assessment of each tie.
 *
 * @module
 */
import type { Attributes } from 'graphology-types';
import { readNumber, readOneOf } from '../../core/args.js';
import { optionError } from '../../core/errors.js';
import { compareKeys, nodeValue } from '../../core/graph.js';
import { historyStart } from '../../core/history.js';
import { DAY_MS, parseDurationOption, type DurationInput, dateOrNull } from '../../core/time.js';
import { rhythmCadence } from '../../kernel/assess.js';
import { cadenceDays, rankLayers, resolveLayers, type LayerOptions } from '../../kernel/layers.js';
import { checkOptions, readEgo, type PersonNetwork } from '../../kernel/read.js';
import { days, rhythmText, STAGE_OF_CODE } from '../../kernel/words.js';
import type { Stage } from '../../kernel/types.js';
import { reconnectOf, type ReconnectAdvice } from '../../kernel/advice.js';
import type { StrengthOptions } from '../../kernel/strength-result.js';

/** One of the person's ties, ranked. */
export interface RankedTie {
  /** The other person's key. */
  other: string;
  /** Their display name (see `getNodeLabel`). */
  name: string;
  /** Tie strength at `now`. */
  strength: number;
  /** The tie's stage at `now`. */
  stage: Stage;
  /** Last contact, or `null`. */
  lastContact: Date | null;
}

/** A Dunbar layer and the ties in it. */
export interface DunbarLayer {
  /** Its cumulative size: 5, 15, 50, 150, or `null` for beyond. */
  size: number | null;
  /** The layer's expected contact cadence in days (weekly, monthly, half-yearly, yearly), or `null` beyond. */
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
export interface DunbarLayerOptions extends StrengthOptions, LayerOptions {}

/**
 * `person`'s ties in Dunbar's layers at `now`, by strength: the 5 strongest
 * (the support clique, about weekly contact), the next 10 (sympathy group,
 * monthly), up to 50 (half-yearly), up to 150 (yearly), then beyond — a
 * scaling ratio of about 3 (Zhou et al. 2005; Hill & Dunbar 2003). Only
 * two-way ties (acquainted or beyond) have a layer: unanswered outreach and a
 * bare link go beyond, however recent.
 *
 * @see [Strength and decay](../../../docs/guides/strength.md), the guide.
 *
 * @example
 * ```ts
 * const { layers } = dunbarLayers(graph, 'ann', { now: '2024-06-30' });
 * layers[0].ties.map((t) => t.name); // Ann's inner circle, by name
 * ```
 */
export function dunbarLayers(network: PersonNetwork, person: string, options: DunbarLayerOptions): DunbarLayers {
  const module = 'dunbarLayers';
  checkOptions(options, module);
  const layers = resolveLayers(options, module);
  const ctx = readEgo(network, person, options, module);
  const out: DunbarLayer[] = layers.sizes.map((size, l) => ({
    size,
    cadenceDays: cadenceDays(layers.cadences[l]!),
    ties: [],
  }));
  out.push({ size: null, cadenceDays: null, ties: [] });
  for (const { tie, layer } of rankLayers(ctx.ties, layers)) {
    out[layer < 0 ? out.length - 1 : layer]!.ties.push({
      other: tie.other,
      name: ctx.label(tie.other),
      strength: tie.a.strength,
      stage: STAGE_OF_CODE[tie.a.stage]!,
      lastContact: dateOrNull(tie.a.last),
    });
  }
  return { person: ctx.person, layers: out };
}

/** Options of {@link keepInTouch}. */
export interface KeepInTouchOptions extends DunbarLayerOptions {
  /**
   * How often each tie is due: `'rhythm'` (default) by its own usual gap
   * (never sooner than `thresholds.minDueGap`); `'layer'` by its usual gap but
   * never less often than its Dunbar layer's cadence (weekly for the inner 5…).
   */
  cadence?: 'rhythm' | 'layer';
  /**
   * A cadence per tie that overrides both: a node attribute of the other
   * person (e.g. `'cadence'`) or a function `(other, attributes) => Duration`
   * (use it for per-tag cadences). Return `null`/`undefined` to keep the default.
   */
  getCadence?: string | ((other: string, attributes: Attributes) => DurationInput | null | undefined);
  /** The latest date before a tie is at risk is this many cadences after the last contact. Default 2. */
  maxFactor?: number;
}

/** One tie to keep in touch with. */
export interface KeepInTouchEntry {
  /** The other person's key. */
  other: string;
  /** Their display name. */
  name: string;
  /** The tie's stage. */
  stage: Stage;
  /** Its Dunbar layer size (5, 15, 50, 150), or `null` beyond the layers. */
  layer: number | null;
  /** The cadence in days. */
  cadenceDays: number;
  /** Where it came from: the tie's own rhythm, its layer (`cadence: 'layer'`), or the user's `getCadence`. */
  cadenceSource: 'rhythm' | 'layer' | 'user';
  /** The last contact. */
  lastContact: Date;
  /** Due date of the next contact: last contact + cadence. */
  due: Date;
  /** Latest date before the tie is at risk: last contact + maxFactor × cadence. */
  latest: Date;
  /** Days past `due` (0 when not yet due). */
  overdueDays: number;
  /** Tie strength, the value at stake. */
  strength: number;
  /** strength × days overdue / cadence: the value at stake times how overdue it is. */
  priority: number;
  /** Why, in a sentence. */
  reason: string;
}

/** The result of {@link keepInTouch}. */
export interface KeepInTouch {
  /** The person. */
  person: string;
  /** The date of the answer. */
  at: Date;
  /** The live two-way ties, most urgent first: overdue by priority, then by due date, then by key. */
  contacts: KeepInTouchEntry[];
  /** Ties that were engaged or trusted and have gone cold, most recently silent first: `stageAdvice`'s reconnect list. */
  reconnect: ReconnectAdvice[];
  /**
   * The date of the first interaction of the person's ties, whatever `now` (`null`
   * when there is none). Later than `at` when `now` precedes the whole
   * history: the answer is empty because of the date asked, not the data.
   */
  historyStarts: Date | null;
}

/**
 * Whom `person` should contact, and by when. Each live two-way tie is due
 * when its silence reaches its own usual gap (a weekly friend after a week, a
 * quarterly mentor after a quarter; never sooner than a week), bounded by its
 * layer's cadence with `cadence: 'layer'`, or set per person with
 * `getCadence`. One-sided ties, ties that never grew (see `stageAdvice`'s
 * weed) and bare links are never due; ties that were engaged or trusted and
 * have gone cold are in `reconnect` instead. Logging a new contact moves the
 * entry: the cadence restarts from it.
 *
 * @see [Strength and decay](../../../docs/guides/strength.md), the guide.
 *
 * @example
 * ```ts
 * const { contacts, reconnect } = keepInTouch(graph, 'ann', { now: '2024-06-30' });
 * contacts.filter((c) => c.overdueDays > 0); // whom to call this week
 * ```
 */
export function keepInTouch(network: PersonNetwork, person: string, options: KeepInTouchOptions): KeepInTouch {
  const module = 'keepInTouch';
  checkOptions(options, module);
  const layers = resolveLayers(options, module);
  const maxFactor = readNumber(module, 'maxFactor', options.maxFactor ?? 2, 1, 1000);
  const mode = readOneOf(module, 'cadence', options.cadence ?? 'rhythm', ['rhythm', 'layer']);
  const getCadence = options.getCadence;
  if (getCadence !== undefined && typeof getCadence !== 'string' && typeof getCadence !== 'function') {
    throw optionError(module, 'getCadence', 'must be a node attribute name or a function', getCadence);
  }
  const ctx = readEgo(network, person, options, module);
  const { now, model, label } = ctx;
  const contacts: KeepInTouchEntry[] = [];
  for (const { tie, layer } of rankLayers(ctx.ties, layers)) {
    const a = tie.a;
    if (a.dueAt !== a.dueAt) continue; // not a tie to keep (one-sided, never grew, cold, or no contact)
    let cadence = rhythmCadence(a.usualGap, model);
    let source: KeepInTouchEntry['cadenceSource'] = 'rhythm';
    if (mode === 'layer' && layer >= 0 && layers.cadences[layer]! < cadence) {
      cadence = layers.cadences[layer]!;
      source = 'layer';
    }
    if (getCadence !== undefined) {
      const raw = nodeValue(ctx.graph, tie.other, getCadence);
      if (raw !== undefined && raw !== null) {
        cadence = parseDurationOption(raw, `getCadence(${JSON.stringify(tie.other)})`, module, false);
        source = 'user';
      }
    }
    const due = a.last + cadence;
    const overdue = Math.max(now - due, 0);
    // One rhythm per tie, said the same everywhere: the usual gap in words; the due date follows from it.
    const where =
      source === 'user'
        ? `your cadence of ${days(cadence)}`
        : source === 'layer'
          ? `the cadence of their layer (every ${days(cadence)})`
          : `your rhythm: you are usually in touch ${rhythmText(a.usualGap)}${cadence > a.usualGap ? `, and due ${days(cadence)} after a contact at the soonest` : ''}`;
    contacts.push({
      other: tie.other,
      name: label(tie.other),
      stage: STAGE_OF_CODE[a.stage]!,
      layer: layer >= 0 ? layers.sizes[layer]! : null,
      cadenceDays: cadence / DAY_MS,
      cadenceSource: source,
      lastContact: new Date(a.last),
      due: new Date(due),
      latest: new Date(a.last + maxFactor * cadence),
      overdueDays: overdue / DAY_MS,
      strength: a.strength,
      priority: (a.strength * overdue) / cadence,
      reason:
        overdue > 0
          ? `Last contact ${days(now - a.last)} ago; ${days(overdue)} overdue by ${where}.`
          : `Due in ${days(due - now)} by ${where}.`,
    });
  }
  contacts.sort(
    (x, y) => y.priority - x.priority || x.due.getTime() - y.due.getTime() || compareKeys(x.other, y.other),
  );
  return {
    person: ctx.person,
    at: new Date(now),
    contacts,
    reconnect: reconnectOf(ctx.person, ctx.ties, now, label),
    historyStarts: historyStart(
      ctx.index,
      ctx.ties.map((t) => t.d),
    ),
  };
}
