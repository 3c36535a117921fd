/**
 * The fuzz harness of issue 12: random graphs (directed, undirected, mixed,
 * simple or multi; random and hostile keys), random interactions (valid and
 * not), random options and node arguments, through every public export of
 * `goodwill` and its subpaths but `goodwill/import`. Each case builds the
 * same content in two shuffled insertion orders, calls one export on both,
 * and counts:
 *
 * - `throws`: an error that is not a `GoodwillError` (errors thrown by our own
 *   callbacks, {@link UserCallbackError}, aside);
 * - `nonFinite`: NaN, ±Infinity or an Invalid Date anywhere in a result;
 * - `order`: the two insertion orders give different results or errors
 *   (compared by a stable serialisation);
 * - `hangs`: a call that takes longer than the time budget (2 s by default).
 *
 * `test/fuzz/fuzz.test.ts` runs a few hundred cases inside `npm test`;
 * `npm run fuzz` (test/fuzz/run.ts) runs `FUZZ_CASES` of them.
 */
import Graph from 'graphology';
import fc from 'fast-check';
import * as gw from 'goodwill';
import * as cal from 'goodwill/calibrate';
import * as intro from 'goodwill/introductions';
import * as brk from 'goodwill/brokerage';
import * as exp from 'goodwill/explain';
import * as coach from 'goodwill/coach';
import * as fx from 'goodwill/fixtures';
import * as svg from 'goodwill/svg';
import { removePrototypePollution } from '../helpers/pollution.js';

/** The error our own callbacks throw: a user's error, which goodwill may let through. */
export class UserCallbackError extends Error {
  constructor() {
    super('a user callback failed on purpose');
    this.name = 'UserCallbackError';
  }
}

/** Node keys: plain, numeric strings, Object.prototype names, control characters, lone surrogates. */
export const KEYS = [
  'a',
  'b',
  'c',
  'd',
  'e',
  'f',
  '1',
  '2',
  '10',
  '01',
  '-0',
  '1e3',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '',
  ' ',
  'a\u0000b',
  'x\uD800',
  'é',
  '😀',
  'a->b',
];
const PLAIN_KEYS = KEYS.slice(0, 11);

const KINDS = [
  'message',
  'call',
  'meeting',
  'event',
  'help',
  'favor',
  'recommendation',
  'introduction',
  'referral',
  'request',
  'pitch',
];

/** Days of 2024 at day resolution (so that equal timestamps are common), as the several input forms. */
const validAt = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .integer({ min: 0, max: 180 })
      .map((d) => new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10)),
  },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 180 }).map((d) => Date.UTC(2024, 0, 1 + d)) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 180 }).map((d) => new Date(Date.UTC(2024, 0, 1 + d))) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.integer({ min: 0, max: 180 }),
        fc.integer({ min: 0, max: 23 }),
        fc.constantFrom('Z', '+02:00', '-0530', ''),
      )
      .map(
        ([d, h, z]) =>
          `${new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10)}T${String(h).padStart(2, '0')}:30${z}`,
      ),
  },
  { weight: 1, arbitrary: fc.constantFrom('1900-01-01', '2200-12-31T23:59:59.999Z', -2208988800000, 7289654399999) },
);
const invalidAt = fc.constantFrom<unknown>(
  NaN,
  Infinity,
  1e300,
  -1e300,
  8.64e15 + 1,
  'yesterday',
  '1',
  '12/31/2023',
  'Tue Mar 05 2024',
  '2024-02-30',
  '2023-02-29',
  '2024-13-01',
  '2024-06-01T24:00',
  '',
  null,
  undefined,
  new Date(NaN),
  {},
  [],
  true,
  '1899-12-31',
  '2201-01-01',
);

export interface InteractionSpec {
  at: unknown;
  kind?: unknown;
  weight?: unknown;
  from?: unknown;
}

const interaction = (valid: boolean): fc.Arbitrary<InteractionSpec> =>
  fc.record(
    {
      at: valid ? validAt : fc.oneof({ weight: 3, arbitrary: validAt }, { weight: 1, arbitrary: invalidAt }),
      kind: valid
        ? fc.constantFrom(...KINDS)
        : fc.oneof(
            { weight: 6, arbitrary: fc.constantFrom(...KINDS) },
            {
              weight: 1,
              arbitrary: fc.constantFrom<unknown>(
                'gossip',
                '__proto__',
                'toString',
                'constructor',
                '',
                5,
                null,
                '(none)',
              ),
            },
          ),
      weight: valid
        ? fc.oneof(fc.constant(1), fc.double({ min: 0, max: 5, noNaN: true }), fc.constant(1e12), fc.constant(0))
        : fc.oneof(
            { weight: 6, arbitrary: fc.double({ min: 0, max: 5, noNaN: true }) },
            { weight: 1, arbitrary: fc.constantFrom<unknown>(-1, NaN, Infinity, 1e308, 1e12 + 1, '2', null, -0) },
          ),
      // Index into the endpoints (0 source, 1 target), or a hostile value.
      from: valid
        ? fc.constantFrom<unknown>(0, 1)
        : fc.oneof(
            { weight: 6, arbitrary: fc.constantFrom<unknown>(0, 1) },
            { weight: 1, arbitrary: fc.constantFrom<unknown>('nobody', 5, null, '', undefined) },
          ),
    },
    { requiredKeys: ['at'] },
  );

export interface EdgeSpec {
  s: number;
  t: number;
  undirected: boolean;
  /** 'list' (interactions), 'none' (no attribute), or a hostile container. */
  container: 'list' | 'none' | 'set' | 'generator' | 'number' | 'string' | 'null' | 'object';
  interactions: InteractionSpec[];
  override?: unknown;
}

export type GraphType = 'directed' | 'undirected' | 'mixed';

export interface GraphSpec {
  type: GraphType;
  multi: boolean;
  keys: string[];
  edges: EdgeSpec[];
  /** Drop `from` on directed edges (valid: it is optional there). */
  dropFrom: boolean;
}

export const graphSpec = (valid: boolean, hostileKeys: boolean): fc.Arbitrary<GraphSpec> =>
  fc
    .record({
      type: fc.constantFrom<GraphType>('directed', 'undirected', 'mixed'),
      multi: fc.boolean(),
      keys: fc.uniqueArray(fc.constantFrom(...(hostileKeys ? KEYS : PLAIN_KEYS)), { minLength: 2, maxLength: 8 }),
      dropFrom: fc.boolean(),
      edges: fc.array(
        fc.record({
          s: fc.nat(7),
          t: fc.nat(7),
          undirected: fc.boolean(),
          container: valid
            ? fc.oneof(
                { weight: 12, arbitrary: fc.constant('list' as const) },
                { weight: 1, arbitrary: fc.constantFrom('none' as const, 'set' as const) },
              )
            : fc.oneof(
                { weight: 20, arbitrary: fc.constant('list' as const) },
                {
                  weight: 1,
                  arbitrary: fc.constantFrom(
                    'none' as const,
                    'set' as const,
                    'generator' as const,
                    'number' as const,
                    'string' as const,
                    'null' as const,
                    'object' as const,
                  ),
                },
              ),
          interactions: fc.array(interaction(valid), { maxLength: 6 }),
          override: valid
            ? fc.oneof(
                { weight: 10, arbitrary: fc.constant(undefined) },
                { weight: 1, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) },
              )
            : fc.oneof(
                { weight: 10, arbitrary: fc.constant(undefined) },
                { weight: 1, arbitrary: fc.constantFrom<unknown>(0.5, 2, -1, NaN, '0.5', null) },
              ),
        }),
        { maxLength: 14 },
      ),
    })
    .map((spec) => {
      // Simple graphs hold one edge per (source, target) of each type: drop the repeats graphology would refuse.
      const seen = new Set<string>();
      const edges = spec.edges
        .map((e) => ({ ...e, s: e.s % spec.keys.length, t: e.t % spec.keys.length }))
        .filter((e) => {
          const undirected = spec.type === 'undirected' || (spec.type === 'mixed' && e.undirected);
          const id = undirected ? `u${Math.min(e.s, e.t)},${Math.max(e.s, e.t)}` : `d${e.s},${e.t}`;
          if (spec.multi) return true;
          if (seen.has(id)) return false;
          seen.add(id);
          return true;
        });
      return { ...spec, edges };
    });

/** Deterministic permutation of 0..n-1 from a seed (a small LCG; fast-check gives the seed). */
export function permutation(n: number, seed: number): number[] {
  const out = Array.from({ length: n }, (_, i) => i);
  let x = seed >>> 0 || 1;
  for (let i = n - 1; i > 0; i--) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    const j = x % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Builds the graph of `spec` with nodes, edges and (with `shuffleLists`) the
 * interactions of each list in the order of `seed` (0: as given). A list's
 * order is content for errors (they name the interaction's index), not for
 * results.
 */
export function buildGraph(spec: GraphSpec, seed: number, shuffleLists = true): Graph {
  const g = new Graph({ type: spec.type, multi: spec.multi, allowSelfLoops: true });
  const nodeOrder = seed === 0 ? spec.keys.map((_, i) => i) : permutation(spec.keys.length, seed);
  for (const i of nodeOrder) g.addNode(spec.keys[i]!, { name: `N${i}`, cadence: { days: 7 + i } });
  const edgeOrder = seed === 0 ? spec.edges.map((_, i) => i) : permutation(spec.edges.length, seed ^ 0x5bd1e995);
  for (const i of edgeOrder) {
    const e = spec.edges[i]!;
    const source = spec.keys[e.s]!;
    const target = spec.keys[e.t]!;
    const undirected = spec.type === 'undirected' || (spec.type === 'mixed' && e.undirected);
    const listOrder =
      seed === 0 || !shuffleLists ? e.interactions.map((_, j) => j) : permutation(e.interactions.length, seed + i);
    const list = listOrder.map((j) => {
      const x = e.interactions[j]!;
      const out: Record<string, unknown> = { at: x.at };
      if (x.kind !== undefined) out['kind'] = x.kind;
      if (x.weight !== undefined) out['weight'] = x.weight;
      const from = x.from === 0 ? source : x.from === 1 ? target : x.from;
      if (undirected || !spec.dropFrom) if (from !== undefined) out['from'] = from;
      return out;
    });
    const attributes: Record<string, unknown> = {};
    switch (e.container) {
      case 'list':
        attributes['interactions'] = list;
        break;
      case 'set':
        attributes['interactions'] = new Set(list);
        break;
      case 'generator':
        attributes['interactions'] = (function* () {
          yield* list;
        })();
        break;
      case 'number':
        attributes['interactions'] = 5;
        break;
      case 'string':
        attributes['interactions'] = 'x';
        break;
      case 'null':
        attributes['interactions'] = null;
        break;
      case 'object':
        attributes['interactions'] = { 0: list[0], length: 1 };
        break;
      case 'none':
        break;
    }
    if (e.override !== undefined) attributes['strengthOverride'] = e.override;
    const key = `e${i}`;
    if (undirected) g.addUndirectedEdgeWithKey(key, source, target, attributes);
    else g.addDirectedEdgeWithKey(key, source, target, attributes);
  }
  return g;
}

/** A node argument: one of the graph's keys (by index), its number form, or something else. */
type NodeArg = { key: number } | { number: number } | { other: unknown };
const nodeArg: fc.Arbitrary<NodeArg> = fc.oneof(
  { weight: 12, arbitrary: fc.nat(7).map((key) => ({ key })) },
  { weight: 1, arbitrary: fc.nat(7).map((n) => ({ number: n })) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>('nobody', null, undefined, {}, 1.5, NaN, ['a']).map((other) => ({ other })),
  },
);

function resolveNode(arg: NodeArg, keys: string[]): unknown {
  if ('key' in arg) return keys[arg.key % keys.length];
  if ('number' in arg) {
    const numeric = keys.filter((k) => /^(0|[1-9]\d*)$/.test(k));
    return numeric.length > 0 ? Number(numeric[arg.number % numeric.length]) : arg.number;
  }
  return arg.other;
}

const duration = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom<unknown>(
      { days: 30 },
      { days: 1 },
      { weeks: 2 },
      { months: 3 },
      { years: 1 },
      86_400_000,
      { days: 0.5 },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(
      0,
      -1,
      NaN,
      Infinity,
      1e308,
      { years: 1e6 },
      { days: -1 },
      'P30D',
      null,
      {},
      { hours: 1, days: 1 },
    ),
  },
);
const time = fc.oneof({ weight: 8, arbitrary: validAt }, { weight: 1, arbitrary: invalidAt });
const smallNumber = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: 0, max: 10, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(-1, NaN, Infinity, 1e308, 0, '3', null) },
);
const integer = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(-1, 1.5, NaN, 1e9, '2', null) },
);
const ratio = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(-0.5, 1.5, NaN, null) },
);
const protoName = fc.constantFrom('toString', '__proto__', 'constructor', 'valueOf');

/** The user callbacks an option can hold; `throw` ones throw a {@link UserCallbackError}. */
const callback = (
  kind: 'label' | 'interactions' | 'override' | 'weight' | 'probability' | 'cadence' | 'eligible' | 'mapKey',
): fc.Arbitrary<unknown> =>
  fc.constantFrom('ok', 'throw', 'bad').map((mode) => {
    if (mode === 'throw')
      return () => {
        throw new UserCallbackError();
      };
    switch (kind) {
      case 'label':
        return mode === 'ok' ? (key: string) => `L:${key}` : () => ({ toString: null });
      case 'interactions':
        return mode === 'ok'
          ? (_e: string, attributes: Record<string, unknown>) => attributes['interactions'] ?? []
          : () => 5;
      case 'override':
        return mode === 'ok' ? () => undefined : () => 7;
      case 'weight':
        return mode === 'ok' ? () => 2 : () => NaN;
      case 'probability':
        return mode === 'ok' ? () => 0.5 : () => 3;
      case 'cadence':
        return mode === 'ok' ? () => ({ days: 10 }) : () => 'often';
      case 'eligible':
        return mode === 'ok' ? () => true : () => 'yes';
      case 'mapKey':
        return mode === 'ok' ? (k: string) => `k${k}` : () => '__proto__';
    }
  });

/** Options: a random subset of every option any export reads, valid values mostly. */
const OPTION_POOL: Record<string, fc.Arbitrary<unknown>> = {
  halfLife: duration,
  recencyHalfLife: duration,
  weights: fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record(
        { recency: ratio, frequency: ratio, intensity: ratio, duration: ratio, exchange: ratio },
        { requiredKeys: [] },
      ),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom<unknown>(
        { recency: 0, frequency: 0, intensity: 0, duration: 0, exchange: 0 },
        { recency: 1e308 },
        JSON.parse('{"__proto__": 1}'),
        { toString: 1 },
        5,
        null,
      ),
    },
  ),
  thresholds: fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record(
        {
          giverFatigueRun: integer,
          oneSidedShare: ratio,
          engagedMinSpan: duration,
          trustedMinInteractions: integer,
          coolingFactor: smallNumber,
          dormantFactor: smallNumber,
        },
        { requiredKeys: [] },
      ),
    },
    { weight: 1, arbitrary: protoName.map((k) => JSON.parse(`{${JSON.stringify(k)}: 5}`)) },
  ),
  oneSidedFactor: smallNumber,
  frequencyWindow: duration,
  frequencyScale: smallNumber,
  intensityScale: smallNumber,
  durationScale: duration,
  exchangeScale: smallNumber,
  kinds: fc.oneof(
    { weight: 3, arbitrary: fc.constant({ gossip: { role: 'contact', value: 1 } }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<unknown>(
        { help: { role: 'ask', value: 1e12 } },
        { big: { role: 'give', value: 1e308 } },
        { x: { role: 'steal', value: 1 } },
        { x: null },
        5,
        new Map([['gossip', { role: 'give', value: 2 }]]),
        JSON.parse('{"__proto__": {"role": "give", "value": 1}}'),
      ),
    },
  ),
  replaceKinds: fc.constantFrom<unknown>(true, false, 'yes'),
  unknownKind: fc.constantFrom<unknown>('error', 'contact', 'ignore', 'toString', 5),
  getInteractions: fc.oneof(
    fc.constantFrom<unknown>('interactions', 'log', '__proto__', 5, null),
    callback('interactions'),
  ),
  getStrengthOverride: fc.oneof(
    fc.constantFrom<unknown>('strengthOverride', null, 'name', '__proto__', 5),
    callback('override'),
  ),
  getNodeLabel: fc.oneof(fc.constantFrom<unknown>('name', 'cadence', 'missing', '__proto__', 5), callback('label')),
  getLabel: fc.oneof(fc.constantFrom<unknown>('name', 'cadence', 5), callback('label')),
  sizes: fc.oneof(
    fc.constant<unknown>([5, 15, 50, 150]),
    fc.constant<unknown>([1, 2]),
    fc.constantFrom<unknown>([], [3, 1], [0], [1.5], 'x', [1e9]),
  ),
  cadences: fc.oneof(
    fc.constant<unknown>([{ days: 7 }, { days: 30 }, { days: 90 }, { days: 365 }]),
    fc.array(duration, { maxLength: 5 }),
  ),
  cadence: fc.constantFrom<unknown>('rhythm', 'layer', 'toString', 5),
  getCadence: fc.oneof(fc.constantFrom<unknown>('cadence', 'name', '__proto__', 5), callback('cadence')),
  maxFactor: smallNumber,
  horizon: duration,
  cuts: integer,
  sample: fc.oneof(fc.constant<unknown>(200), fc.constantFrom<unknown>(Infinity, 5, 1.5, NaN, '300', 1e9)),
  from: time,
  to: time,
  halfLives: fc.oneof(fc.constant<unknown>([7, 30]), fc.constantFrom<unknown>([], [0], [NaN], [1e308], 'x')),
  weightByStrength: fc.constantFrom<unknown>(true, false, 'yes'),
  getEdgeWeight: fc.oneof(
    fc.constantFrom<unknown>(null, 'strength', 'weight', 'strengthOverride', '__proto__', 5),
    callback('weight'),
  ),
  getProbability: fc.oneof(fc.constantFrom<unknown>('strengthOverride', 'p', '__proto__', 5), callback('probability')),
  minStage: fc.constantFrom<unknown>(
    'connected',
    'acquainted',
    'engaged',
    'trusted',
    'toString',
    '__proto__',
    'none',
    5,
  ),
  includeDormant: fc.constantFrom<unknown>(true, false, 1),
  includeOneSided: fc.constantFrom<unknown>(true, false, 'no'),
  eligible: callback('eligible'),
  k: integer,
  maxHops: integer,
  hopPenalty: smallNumber,
  exclude: fc.oneof(
    fc.constant<unknown>([]),
    fc.constantFrom<unknown>(['a'], new Set(['b']), 'a', 5, { a: true }, [5], ['__proto__']),
  ),
  diverse: fc.constantFrom<unknown>(true, false, 'yes'),
  strongTie: ratio,
  limit: integer,
  skipCentrality: fc.constantFrom<unknown>(true, true, false, 'x'),
  compareTo: time,
  window: fc.oneof(fc.record({ from: time, to: time }, { requiredKeys: [] }), fc.constantFrom<unknown>(null, 5, {})),
  links: fc.constantFrom<unknown>('interactions', 'edges', 'toString'),
  giverThreshold: ratio,
  takerThreshold: fc.oneof(fc.double({ min: -1, max: 0, noNaN: true }), fc.constantFrom<unknown>(0.5, NaN)),
  balancedBand: ratio,
  attribute: fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom<unknown>('out', 'reciprocity') },
    { weight: 1, arbitrary: fc.constantFrom<unknown>('__proto__', 'constructor', '', 5) },
  ),
  size: fc.oneof(fc.constant<unknown>(640), fc.constantFrom<unknown>(100, 1e9, NaN)),
  maxTies: integer,
  labels: integer,
  title: fc.constantFrom<unknown>('T\uD800<&>', 5, null, ''),
  touches: fc.oneof(integer, fc.constantFrom<unknown>(1.5, -1, '3')),
  reconnects: integer,
  evenWithin: fc.oneof(ratio, fc.constantFrom<unknown>(-1, NaN, 'x')),
  balanceHalfLife: fc.constantFrom<unknown>({ days: 90 }, 0, 'x', null),
  ignoreKinds: fc.constantFrom<unknown>([], ['pitch', 'message'], 'pitch', [5], ['__proto__']),
  peak: fc.oneof(smallNumber, fc.constantFrom<unknown>(0, -1, Infinity)),
  getGroup: fc.constantFrom<unknown>('company', '__proto__', 'toString', 5, (key: string) => key.length % 2),
};
const OPTION_NAMES = Object.keys(OPTION_POOL);

const options: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    now: fc.oneof(
      {
        weight: 12,
        arbitrary: fc.constantFrom<unknown>('2024-07-01', '2024-03-15', Date.UTC(2024, 4, 1), '2024-06-30T12:00Z'),
      },
      { weight: 1, arbitrary: time },
    ),
    picked: fc.uniqueArray(fc.constantFrom(...OPTION_NAMES), { maxLength: 4 }),
    seed: fc.integer(),
  })
  .chain(({ now, picked, seed }) =>
    fc.tuple(...picked.map((name) => OPTION_POOL[name]!)).map((values) => {
      const out: Record<string, unknown> = {};
      if (seed % 29 !== 0) out['now'] = now;
      picked.forEach((name, i) => (out[name] = values[i]));
      return out;
    }),
  );

/** The exports a case can call (every public function, class and method). */
export const CALLS = [
  'assessRelationship',
  'tieReciprocity',
  'personReciprocity',
  'networkReciprocity',
  'networkReciprocity.assign',
  'tieStrength',
  'tieStrengths',
  'tieStrengths.assign',
  'warmth',
  'coldDate',
  'dunbarLayers',
  'keepInTouch',
  'calibrateDecay',
  'calibrateContact',
  'explainChange',
  'classifyStage',
  'stageTimeline',
  'classifyStages',
  'classifyStages.assign',
  'stageAdvice',
  'personBrokerage',
  'networkBrokerage',
  'networkBrokerage.assign',
  'createIntroductionFinder',
  'findIntroductionPaths',
  'personHealth',
  'networkHealth',
  'summarize',
  'prepareNetwork',
  'prepared',
  'PreparedNetwork',
  'errors',
  'renderEgoSvg',
  'generateNetwork',
  'parseEdgeList',
  'owedReplies',
  'replyState',
  'tieRhythm',
  'askReadiness',
  'referralReadiness',
  'weeklyPlan',
  'peopleWorthMeeting',
  'linkScores',
  'simulate',
  'digest',
  'personAskReadiness',
] as const;
export type CallName = (typeof CALLS)[number];

export interface FuzzCase {
  graph: GraphSpec;
  call: CallName;
  a: NodeArg;
  b: NodeArg;
  options: Record<string, unknown>;
  /** For the second build's insertion order. */
  orderSeed: number;
  /** Extra inputs of some exports (parse text, generator options, error arguments). */
  extra: { text: string; seed: number; people: unknown; code: unknown; location: unknown; predicate: boolean };
}

const parseText = fc.oneof(
  fc
    .array(
      fc.tuple(
        fc.constantFrom(...KEYS, '#', '%', 'a b'),
        fc.constantFrom(...KEYS),
        fc.constantFrom('', ' 1', ' 2 1700000000', ' x', ' -1', ' 1e400', ' 1 99999999999'),
      ),
      { maxLength: 6 },
    )
    .map((rows) => rows.map(([s, t, rest]) => `${s} ${t}${rest}`).join('\n')),
  fc.string({ maxLength: 40 }),
);

/** One case: a graph spec (valid content mostly; one in four may hold invalid input) and one call. */
export const fuzzCase: fc.Arbitrary<FuzzCase> = fc
  .record({ valid: fc.nat(3).map((n) => n > 0), hostile: fc.nat(4).map((n) => n === 0) })
  .chain(({ valid, hostile }) =>
    fc.record({
      graph: graphSpec(valid, hostile),
      call: fc.constantFrom(...CALLS),
      a: nodeArg,
      b: nodeArg,
      options,
      orderSeed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
      extra: fc.record({
        text: parseText,
        seed: fc.integer(),
        people: fc.oneof(fc.integer({ min: 2, max: 30 }), fc.constantFrom<unknown>(1, 1e9, NaN, '5')),
        code: fc.constantFrom<unknown>('INVALID_OPTION', 'PARSE_ERROR', 'NOPE', 5, undefined),
        location: fc.constantFrom<unknown>(undefined, null, { node: 'a' }, 5, 'x', [1]),
        predicate: fc.boolean(),
      }),
    }),
  );

/** Calls `c.call` on graph `g` (built from `c.graph`); returns the result (graphs written by .assign: their attributes). */
export function callExport(c: FuzzCase, g: Graph): unknown {
  const keys = c.graph.keys;
  const a = resolveNode(c.a, keys) as string;
  const b = resolveNode(c.b, keys) as string;
  const o = c.options as never;
  // What an .assign wrote: the attributes other than the ones the build set, by node and edge key.
  const written = (f: (graph: Graph) => void): unknown => {
    f(g);
    const { nodes, edges } = g.export();
    const rest = (attributes: Record<string, unknown> | undefined, skip: string[]) =>
      Object.fromEntries(Object.entries(attributes ?? {}).filter(([k]) => !skip.includes(k)));
    const byKey = (x: [string, unknown], y: [string, unknown]) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0);
    return [
      nodes.map((n): [string, unknown] => [n.key, rest(n.attributes, ['name', 'cadence'])]).sort(byKey),
      edges
        .map((e): [string, unknown] => [e.key!, rest(e.attributes, ['interactions', 'strengthOverride'])])
        .sort(byKey),
    ];
  };
  switch (c.call) {
    case 'assessRelationship':
      return gw.assessRelationship(g, a, b, o);
    case 'tieReciprocity':
      return gw.tieReciprocity(g, a, b, o);
    case 'personReciprocity':
      return gw.personReciprocity(g, a, o);
    case 'networkReciprocity':
      return gw.networkReciprocity(g, o);
    case 'networkReciprocity.assign':
      return written((h) => gw.networkReciprocity.assign(h, o));
    case 'tieStrength':
      return gw.tieStrength(g, a, b, o);
    case 'tieStrengths':
      return gw.tieStrengths(g, o);
    case 'tieStrengths.assign':
      return written((h) => gw.tieStrengths.assign(h, o));
    case 'warmth':
      return gw.warmth(g, a, b, o);
    case 'coldDate':
      return gw.coldDate(g, a, b, o);
    case 'dunbarLayers':
      return gw.dunbarLayers(g, a, o);
    case 'keepInTouch':
      return gw.keepInTouch(g, a, o);
    case 'calibrateDecay':
      return cal.calibrateDecay(g, o);
    case 'calibrateContact':
      return cal.calibrateContact(g, o);
    case 'explainChange':
      return exp.explainChange(g, a, b, { from: '2024-01-15', to: '2024-06-15', ...(c.options as object) } as never);
    case 'classifyStage':
      return gw.classifyStage(g, a, b, o);
    case 'stageTimeline':
      return gw.stageTimeline(g, a, b, o);
    case 'classifyStages':
      return gw.classifyStages(g, o);
    case 'classifyStages.assign':
      return written((h) => gw.classifyStages.assign(h, o));
    case 'stageAdvice':
      return gw.stageAdvice(g, a, o);
    case 'personBrokerage':
      return brk.personBrokerage(g, a, o);
    case 'networkBrokerage':
      return brk.networkBrokerage(g, o);
    case 'networkBrokerage.assign':
      return written((h) => brk.networkBrokerage.assign(h, o));
    case 'createIntroductionFinder': {
      const finder = intro.createIntroductionFinder(g, o);
      const target = c.extra.predicate ? (key: string) => key === b : b;
      return { size: finder.size, memoryBytes: finder.memoryBytes, found: finder.find(a, target, o) };
    }
    case 'findIntroductionPaths':
      return intro.findIntroductionPaths(g, a, c.extra.predicate ? (key: string) => key === b : b, o);
    case 'personHealth':
      return gw.personHealth(g, a, o);
    case 'owedReplies':
      return coach.owedReplies(g, a, o);
    case 'replyState':
      return coach.replyState(g, a, b, o);
    case 'tieRhythm':
      return coach.tieRhythm(g, a, b, o);
    case 'askReadiness':
      return coach.askReadiness(g, a, b, o);
    case 'referralReadiness':
      return coach.referralReadiness(g, a, b, c.extra.predicate ? 'c' : 'd', o);
    case 'weeklyPlan':
      return coach.weeklyPlan(g, a, o);
    case 'peopleWorthMeeting':
      return coach.peopleWorthMeeting(g, a, o);
    case 'linkScores':
      return coach.linkScores(g, a, b);
    case 'personAskReadiness':
      return coach.personAskReadiness(g, a, o);
    case 'digest':
      return coach.digest(g, a, { from: '2024-01-01', to: '2024-07-01', ...(c.options as object) } as never);
    case 'simulate':
      return coach.simulate(g, a, b, { at: '2024-06-01', kind: c.extra.predicate ? 'call' : 'message' }, o);
    case 'networkHealth':
      return gw.networkHealth(g, o);
    case 'summarize': {
      const report = c.extra.predicate ? gw.personHealth(g, a, o) : gw.networkHealth(g, o);
      const text = exp.summarize(report);
      if (exp.summarize(JSON.parse(JSON.stringify(report))) !== text)
        throw new Error('summarize: the JSON round trip changed the text');
      if (/\[object |undefined|NaN/.test(text))
        throw new Error(`summarize: the text shows a value that is not a name or a number: ${text}`);
      return text;
    }
    case 'prepareNetwork': {
      const network = gw.prepareNetwork(g, o);
      return { stages: gw.classifyStages(network, o), reciprocity: gw.networkReciprocity(network, o) };
    }
    case 'prepared': {
      // A prepared network must answer as the graph does: read options to prepareNetwork, the others to networkHealth.
      const READ = ['getInteractions', 'getStrengthOverride', 'kinds', 'replaceKinds', 'unknownKind'];
      const read = Object.fromEntries(Object.entries(c.options).filter(([k]) => READ.includes(k)));
      const rest = Object.fromEntries(Object.entries(c.options).filter(([k]) => !READ.includes(k)));
      const network = gw.prepareNetwork(g, read as never);
      const each = (n: unknown, x: never) => {
        const f = [gw.networkHealth, gw.tieStrengths, gw.classifyStages, gw.networkReciprocity, cal.calibrateDecay][
          Math.abs(c.extra.seed) % 5
        ]!;
        return JSON.stringify(serialise(f(n as never, x)));
      };
      const fromPrepared = each(network, rest as never);
      if (fromPrepared !== each(g, o))
        throw new Error('prepareNetwork: a result from the prepared network differs from the graph');
      return { counts: [network.people, network.relationships, network.interactions], fromPrepared };
    }
    case 'PreparedNetwork':
      return new (gw.PreparedNetwork as unknown as new (...args: unknown[]) => unknown)(g, o);
    case 'errors': {
      const Classes = [
        gw.GoodwillError,
        gw.InvalidGraphError,
        gw.NodeNotFoundError,
        gw.InvalidInteractionError,
        gw.InvalidOptionError,
        gw.ParseError,
      ] as unknown as (new (...args: unknown[]) => Error)[];
      const Class = Classes[Math.abs(c.extra.seed) % Classes.length]!;
      const error =
        Class === Classes[0]
          ? new Class(c.extra.code, 'message', c.extra.location)
          : new Class('message', c.extra.location);
      return {
        name: error.name,
        code: (error as { code?: unknown }).code,
        location: (error as { location?: unknown }).location,
      };
    }
    case 'renderEgoSvg':
      return svg.renderEgoSvg(g, a, o);
    case 'generateNetwork': {
      const net = fx.generateNetwork({
        seed: c.extra.seed,
        people: c.extra.people as number,
        ...(c.options as object),
      });
      return {
        order: net.order,
        size: net.size,
        health: gw.networkHealth(net, { now: '2025-01-01', skipCentrality: true }).relationships,
      };
    }
    case 'parseEdgeList': {
      const format = (['snap', 'konect', 'csv'] as const)[Math.abs(c.extra.seed) % 3];
      const parsed = fx.parseEdgeList(c.extra.text, { format, ...(c.options as object) } as never);
      return parsed.export();
    }
  }
}

/** A stable serialisation: Maps and Sets as lists, Dates as ISO text, non-finite numbers and undefined by name. */
export function serialise(value: unknown): unknown {
  if (value === undefined) return '#undefined';
  if (typeof value === 'number') return Number.isFinite(value) ? (Object.is(value, -0) ? 0 : value) : `#${value}`;
  if (typeof value === 'function') return '#function';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '#Invalid Date' : value.toISOString();
  if (value instanceof Map) return ['#Map', ...[...value].map(([k, v]) => [serialise(k), serialise(v)])];
  if (value instanceof Set) return ['#Set', ...[...value].map(serialise)];
  if (Array.isArray(value)) return value.map(serialise);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = serialise((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/** Paths of every NaN, ±Infinity and Invalid Date in `value`. */
export function nonFinitePaths(value: unknown, path = '$', out: string[] = [], seen = new Set<unknown>()): string[] {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push(`${path} = ${value}`);
    return out;
  }
  if (value === null || typeof value !== 'object' || seen.has(value)) return out;
  seen.add(value);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) out.push(`${path} = Invalid Date`);
  } else if (value instanceof Map)
    for (const [k, v] of value) nonFinitePaths(v, `${path}[${JSON.stringify(k)}]`, out, seen);
  else if (value instanceof Set) for (const v of value) nonFinitePaths(v, `${path}{}`, out, seen);
  else if (ArrayBuffer.isView(value))
    for (const [i, v] of Array.from(value as unknown as ArrayLike<number>).entries())
      nonFinitePaths(v, `${path}[${i}]`, out, seen);
  else
    for (const key of Object.keys(value))
      nonFinitePaths((value as Record<string, unknown>)[key], `${path}.${key}`, out, seen);
  return out;
}

export type Counter = 'throws' | 'nonFinite' | 'order' | 'hangs';

export interface Finding {
  counter: Counter;
  call: CallName;
  detail: string;
  case: FuzzCase;
}

export interface Counters {
  cases: number;
  /** Cases whose graph graphology refused to build (simple graphs and prototype-named keys, self-loops …): nothing to test. */
  unbuildable: number;
  /** Calls that returned a result / threw a GoodwillError / threw a user callback's error. */
  results: number;
  goodwillErrors: number;
  userErrors: number;
  throws: number;
  nonFinite: number;
  order: number;
  hangs: number;
}

export function newCounters(): Counters {
  return {
    cases: 0,
    unbuildable: 0,
    results: 0,
    goodwillErrors: 0,
    userErrors: 0,
    throws: 0,
    nonFinite: 0,
    order: 0,
    hangs: 0,
  };
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

function outcomeOf(c: FuzzCase, seed: number, shuffleLists = true): { outcome: Outcome; ms: number } | null {
  let g: Graph;
  try {
    g = buildGraph(c.graph, seed, shuffleLists);
  } catch {
    removePrototypePollution();
    return null;
  }
  const started = performance.now();
  let outcome: Outcome;
  try {
    outcome = { ok: true, value: callExport(c, g) };
  } catch (error) {
    outcome = { ok: false, error };
  } finally {
    removePrototypePollution();
  }
  const ms = performance.now() - started;
  return { outcome, ms };
}

function describeOutcome(outcome: Outcome): string {
  if (outcome.ok) return JSON.stringify(serialise(outcome.value));
  const e = outcome.error as { name?: unknown; code?: unknown; message?: unknown; location?: unknown };
  return JSON.stringify(['#error', e?.name, e?.code, e?.message, serialise(e?.location)]);
}

/** Runs one case: both insertion orders; returns its findings and updates `counters`. */
export function runCase(c: FuzzCase, counters: Counters, budgetMs = 2000): Finding[] {
  counters.cases++;
  const first = outcomeOf(c, 0);
  let second = first === null ? null : outcomeOf(c, c.orderSeed);
  if (first === null || second === null) {
    counters.unbuildable++;
    return [];
  }
  const findings: Finding[] = [];
  const find = (counter: Counter, detail: string) => {
    counters[counter]++;
    findings.push({ counter, call: c.call, detail, case: c });
  };
  const { outcome } = first;
  if (outcome.ok) {
    counters.results++;
    const bad = nonFinitePaths(outcome.value);
    if (bad.length > 0) find('nonFinite', bad.slice(0, 5).join('; '));
  } else if (outcome.error instanceof gw.GoodwillError) counters.goodwillErrors++;
  else if (outcome.error instanceof UserCallbackError) counters.userErrors++;
  else
    find(
      'throws',
      String((outcome.error as Error)?.stack ?? outcome.error)
        .split('\n')
        .slice(0, 4)
        .join(' | '),
    );
  const d1 = describeOutcome(first.outcome);
  let d2 = describeOutcome(second.outcome);
  if (d1 !== d2 && (!first.outcome.ok || !second.outcome.ok)) {
    // An error names the interaction's index in its list: compare with the lists in their given order.
    second = outcomeOf(c, c.orderSeed, false) ?? second;
    d2 = describeOutcome(second.outcome);
  }
  if (d1 !== d2) {
    let i = 0;
    while (i < d1.length && d1[i] === d2[i]) i++;
    find(
      'order',
      `first difference at ${i}: …${d1.slice(Math.max(0, i - 80), i + 80)}… vs …${d2.slice(Math.max(0, i - 80), i + 80)}…`,
    );
  }
  const ms = Math.max(first.ms, second.ms);
  if (ms > budgetMs) find('hangs', `${Math.round(ms)} ms`);
  return findings;
}

/** A case as compact text, to reproduce a finding. */
export function describeCase(c: FuzzCase): string {
  return JSON.stringify(c, (_k, v: unknown) =>
    typeof v === 'function'
      ? `#fn ${v.toString().slice(0, 60)}`
      : typeof v === 'number' && !Number.isFinite(v)
        ? `#${v}`
        : v instanceof Date
          ? `#Date ${v.getTime()}`
          : v instanceof Set
            ? ['#Set', ...v]
            : v instanceof Map
              ? ['#Map', ...v]
              : v === undefined
                ? '#undefined'
                : v,
  );
}
