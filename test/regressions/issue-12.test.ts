/**
 * Issue 12 (hardening): one regression test per defect of the fuzz campaign,
 * named by its D-number in `shared/repro/` (D02 and D18 were not filed).
 * Each reproduces the defect's input and asserts the fixed behaviour: the
 * right answer, or a typed error naming the culprit.
 */
import Graph from 'graphology';
import { afterEach, describe, expect, it } from 'vitest';
import * as gw from 'goodwill';
import * as cal from 'goodwill/calibrate';
import * as intro from 'goodwill/introductions';
import * as brk from 'goodwill/brokerage';
import * as exp from 'goodwill/explain';
import * as coach from 'goodwill/coach';
import * as fx from 'goodwill/fixtures';
import * as svg from 'goodwill/svg';
import { removePrototypePollution } from '../helpers/pollution.js';

const {
  GoodwillError,
  InvalidGraphError,
  InvalidInteractionError,
  InvalidOptionError,
  PreparedNetwork,
  classifyStage,
  classifyStages,
  coldDate,
  dunbarLayers,
  tieReciprocity,
  personHealth,
  keepInTouch,
  networkHealth,
  networkReciprocity,
  personReciprocity,
  prepareNetwork,
  stageAdvice,
  stageTimeline,
  tieStrength,
  tieStrengths,
  warmth,
} = gw;
const { calibrateDecay, WEIGHT_PRESETS } = cal;
const { createIntroductionFinder, findIntroductionPaths } = intro;
const { personBrokerage, networkBrokerage } = brk;
const { summarize } = exp;
const { renderEgoSvg } = svg;
const { generateNetwork, parseEdgeList } = fx;

afterEach(() => void removePrototypePollution());

const NOW = '2024-06-30';
/** Serialises results stably (Maps as entry lists, Dates as ISO strings). */
const json = (x: unknown): string => JSON.stringify(x, (_k, v: unknown) => (v instanceof Map ? [...v] : v));

/** Runs `f` and returns the error it throws (failing the test if it returns). */
function thrown(f: () => unknown): InstanceType<typeof GoodwillError> {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(GoodwillError);
    return error as InstanceType<typeof GoodwillError>;
  }
  throw new Error('expected a GoodwillError, got a result');
}

/** Ann and Bob: the README's two people. */
function annBob(): Graph {
  const g = new Graph();
  g.addNode('ann');
  g.addNode('bob');
  g.addEdge('ann', 'bob', {
    interactions: [
      { at: '2024-05-01', kind: 'meeting' },
      { at: '2024-06-02', kind: 'help' },
    ],
  });
  g.addEdge('bob', 'ann', { interactions: [{ at: '2024-05-03', kind: 'referral' }] });
  return g;
}

/** Every non-finite number and Invalid Date in a result, by path. */
function nonFinite(value: unknown, path = '', out: string[] = []): string[] {
  if (typeof value === 'number' && !Number.isFinite(value)) out.push(path);
  else if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) out.push(path);
  } else if (value instanceof Map) for (const [k, v] of value) nonFinite(v, `${path}.${String(k)}`, out);
  else if (value !== null && typeof value === 'object')
    for (const k of Object.keys(value)) nonFinite((value as Record<string, unknown>)[k], `${path}.${k}`, out);
  return out;
}

describe('issue 12: every defect of the fuzz campaign', () => {
  it('D01: times outside 1900–2200 are typed errors naming the option or interaction, never an Invalid Date or a RangeError', () => {
    const g = annBob();
    for (const now of [1e300, 8.64e15 + 1, -1e300, -8.64e15]) {
      for (const [name, f] of Object.entries({
        personHealth: () => personHealth(g, 'ann', { now }),
        networkHealth: () => networkHealth(g, { now }),
        renderEgoSvg: () => renderEgoSvg(g, 'ann', { now }),
        stageTimeline: () => stageTimeline(g, 'ann', 'bob', { now }),
        calibrateDecay: () => calibrateDecay(g, { now }),
      })) {
        const error = thrown(f);
        expect(error, name).toBeInstanceOf(InvalidOptionError);
        expect(error.location.field, name).toBe('now');
      }
      expect(thrown(() => networkReciprocity(g, { window: { from: now } })).location.field).toBe('window.from');
      expect(thrown(() => networkHealth(g, { now: NOW, compareTo: now })).location.field).toBe('compareTo');
    }
    const h = new Graph();
    h.addNode('a');
    h.addNode('b');
    h.addEdgeWithKey('ab', 'a', 'b', { interactions: [{ at: 1e300 }] });
    h.addEdgeWithKey('ba', 'b', 'a', { interactions: [{ at: -1e300 }, { at: '2024-06-01' }] });
    for (const f of [
      () => tieStrength(h, 'a', 'b', { now: NOW }),
      () => stageTimeline(h, 'a', 'b', { now: NOW }),
      () => networkHealth(h, { now: NOW }),
    ]) {
      const error = thrown(f);
      expect(error).toBeInstanceOf(InvalidInteractionError);
      expect(error.location).toMatchObject({ edge: 'ab', index: 0, field: 'at' });
    }
  });

  it('D03: calibrateDecay on a network too small to back-test reports auc null with a reason, never NaN', () => {
    const g = new Graph();
    for (const k of ['ann', 'bob', 'cy']) g.addNode(k);
    g.addEdge('ann', 'bob', { interactions: [{ at: '2024-01-05' }, { at: '2024-01-20' }] });
    g.addEdge('bob', 'cy', { interactions: [{ at: '2024-02-05' }] });
    const result = calibrateDecay(g, { now: NOW });
    expect(result.report.auc).toBeNull();
    expect(result.report.reason).toMatch(/^not enough history/);
    expect(result.report.candidates.every((c) => c.auc === null)).toBe(true);
    expect(nonFinite(result)).toEqual([]);
    expect(result.options).toEqual({ halfLife: { days: 30 }, weights: { ...WEIGHT_PRESETS['balanced'] } });
    // Survives JSON unchanged (NaN would have become null).
    expect(JSON.parse(JSON.stringify(result.report)).candidates).toEqual(result.report.candidates);
    // A network with history: a number, and no reason.
    const fitted = calibrateDecay(generateNetwork({ seed: 3, people: 40 }), { now: '2024-12-01' });
    expect(typeof fitted.report.auc).toBe('number');
    expect(fitted.report).not.toHaveProperty('reason');
  });

  it('D04: huge weights, kind values, strength weights and durations are typed errors naming the field, not NaN/Infinity', () => {
    const g = new Graph();
    g.addNode('ann');
    g.addNode('bob');
    g.addEdgeWithKey('ab', 'ann', 'bob', { interactions: [{ at: '2024-05-01', kind: 'help', weight: 1e308 }] });
    expect(thrown(() => tieStrength(g, 'ann', 'bob', { now: NOW })).location).toMatchObject({
      edge: 'ab',
      index: 0,
      field: 'weight',
    });
    const h = annBob();
    const cases: [string, () => unknown][] = [
      ['kinds.big.value', () => warmth(h, 'ann', 'bob', { now: NOW, kinds: { big: { role: 'give', value: 1e308 } } })],
      [
        'weights.recency',
        () => tieStrength(h, 'ann', 'bob', { now: NOW, weights: { recency: 1e308, frequency: 1e308 } }),
      ],
      ['halfLife', () => coldDate(h, 'ann', 'bob', { now: NOW, halfLife: { years: 1e6 } })],
      [
        'cadences[0]',
        () =>
          keepInTouch(h, 'ann', {
            now: NOW,
            cadences: [{ years: 1e9 }, { years: 1e9 }, { years: 1e9 }, { years: 1e9 }],
          }),
      ],
      ['halfLife', () => tieStrength(h, 'ann', 'bob', { now: NOW, halfLife: 1e308 })],
    ];
    for (const [field, f] of cases) {
      const error = thrown(f);
      expect(error, field).toBeInstanceOf(InvalidOptionError);
      expect(error.location.field).toBe(field);
    }
    // At the bounds, results stay finite.
    const big = new Graph();
    big.addNode('a');
    big.addNode('b');
    big.addEdge('a', 'b', {
      interactions: Array.from({ length: 50 }, (_, i) => ({ at: Date.UTC(2024, 0, 1 + i), kind: 'big', weight: 1e12 })),
    });
    const kinds = { big: { role: 'give' as const, value: 1e12 } };
    expect(
      nonFinite([
        tieStrength(big, 'a', 'b', { now: NOW, kinds }),
        networkHealth(big, { now: NOW, kinds }),
        networkReciprocity(big, { kinds }),
      ]),
    ).toEqual([]);
  });

  it('D05: the same content inserted in another order gives byte-identical answers (equal timestamps, parallel edges)', () => {
    function build(order: string[]): Graph {
      const g = new Graph({ multi: true });
      g.addNode('ann');
      g.addNode('bob');
      const edges: Record<string, () => void> = {
        ab: () =>
          g.addEdgeWithKey('ab', 'ann', 'bob', {
            interactions: [
              { at: '2024-06-01', kind: 'help' },
              { at: '2024-06-02', kind: 'help' },
              { at: '2024-06-03', kind: 'help' },
            ],
          }),
        ab2: () => g.addEdgeWithKey('ab2', 'ann', 'bob', { interactions: [{ at: '2024-06-03', kind: 'request' }] }),
        ba: () =>
          g.addEdgeWithKey('ba', 'bob', 'ann', {
            interactions: [
              { at: '2024-06-03', kind: 'favor', weight: 0.7 },
              { at: '2024-05-01', kind: 'meeting' },
            ],
          }),
      };
      for (const k of order) edges[k]!();
      return g;
    }
    const g1 = build(['ab', 'ab2', 'ba']);
    const g2 = build(['ab2', 'ba', 'ab']);
    const now = NOW;
    for (const f of [
      (g: Graph) => tieReciprocity(g, 'ann', 'bob', { now }),
      (g: Graph) => personReciprocity(g, 'ann', { now }),
      (g: Graph) => classifyStage(g, 'ann', 'bob', { now, thresholds: { giverFatigueRun: 3 } }),
      (g: Graph) => stageTimeline(g, 'ann', 'bob', { now }),
      (g: Graph) => classifyStages(g, { now }),
      (g: Graph) => personHealth(g, 'ann', { now }),
      (g: Graph) => networkHealth(g, { now }),
    ]) {
      expect(json(f(g1))).toBe(json(f(g2)));
    }
    // Floating-point sums of equal-time events.
    function build2(order: string[]): Graph {
      const g = new Graph({ multi: true });
      g.addNode('a');
      g.addNode('b');
      for (const [k, w] of order.map((k) => [k, { x: 0.1, y: 0.2, z: 0.3 }[k]!] as const))
        g.addEdgeWithKey(k, 'a', 'b', { interactions: [{ at: '2024-06-10T00:00:00Z', weight: w }] });
      return g;
    }
    const h1 = build2(['x', 'y', 'z']);
    const h2 = build2(['z', 'y', 'x']);
    expect(warmth(h1, 'a', 'b', { now: '2024-06-10' }).warmth).toBe(warmth(h2, 'a', 'b', { now: '2024-06-10' }).warmth);
    expect(networkReciprocity(h1).totalWeight).toBe(networkReciprocity(h2).totalWeight);
    expect(json(tieStrengths(h1, { now: '2024-06-10' }))).toBe(json(tieStrengths(h2, { now: '2024-06-10' })));
  });

  it('D05b: in a simple graph, giver fatigue does not depend on which edge came first, and pair and network functions agree', () => {
    const edges: Record<string, [string, string, { interactions: { at: string; kind: string }[] }]> = {
      xy: ['x', 'y', { interactions: [{ at: '2024-01-01', kind: 'recommendation' }] }],
      yx: [
        'y',
        'x',
        { interactions: ['recommendation', 'introduction', 'favor'].map((kind) => ({ at: '2024-01-01', kind })) },
      ],
    };
    const build = (first: 'xy' | 'yx'): Graph => {
      const g = new Graph();
      g.addNode('x');
      g.addNode('y');
      for (const k of first === 'xy' ? ['xy', 'yx'] : ['yx', 'xy']) g.addEdgeWithKey(k, ...edges[k]!);
      return g;
    };
    const now = '2024-01-02';
    const answers = (['xy', 'yx'] as const).map((first) => {
      const g = build(first);
      const pair = classifyStage(g, 'x', 'y', { now }).flags;
      const all = classifyStages(g, { now }).ties[0]!.flags;
      expect(pair).toEqual(all);
      expect(networkHealth(g, { now }).flagCounts['giver-fatigue']).toBe(pair.includes('giver-fatigue') ? 1 : 0);
      return json([pair, tieReciprocity(g, 'x', 'y', { now }).ledger, personReciprocity(g, 'y', { now }).giverFatigue]);
    });
    expect(answers[0]).toBe(answers[1]);
  });

  it('D06: stageTimeline with a strength override ends at the stage classifyStage gives', () => {
    const g = new Graph();
    g.addNode('a');
    g.addNode('b');
    g.addEdge('a', 'b', { interactions: [{ at: '2024-01-01' }], strengthOverride: 0.9 });
    const timeline = stageTimeline(g, 'a', 'b', { now: NOW });
    const stage = classifyStage(g, 'a', 'b', { now: NOW }).stage;
    expect(timeline.current.stage).toBe(stage);
    expect(timeline.changes.at(-1)!.to).toBe(stage);
  });

  it('D07: parseEdgeList keeps keys containing U+0000 apart (no internal separator in user text)', () => {
    const g = parseEdgeList('a\u0000b c 1\na b\u0000c 2\n', { format: 'snap' });
    expect(g.size).toBe(2);
    expect(g.hasDirectedEdge('a\u0000b', 'c')).toBe(true);
    expect(g.hasDirectedEdge('a', 'b\u0000c')).toBe(true);
    expect(g.hasNode('b')).toBe(false);
    expect(parseEdgeList('a\u0000b c 1\n', { format: 'snap' }).order).toBe(2);
  });

  it('D08: parseEdgeList gives deterministic, distinct edge keys even where `${source}->${target}` would collide', () => {
    const text = 'a->b c 1\na b->c 2\n';
    const k1 = parseEdgeList(text, { format: 'snap' }).edges();
    const k2 = parseEdgeList(text, { format: 'snap' }).edges();
    expect(k1).toEqual(k2);
    expect(new Set(k1).size).toBe(2);
    expect(k1.some((k) => k.startsWith('geid_'))).toBe(false);
  });

  it('D09: renderEgoSvg refuses a non-string title with a typed error and renders non-string labels as text', () => {
    const g = new Graph();
    g.addNode('ann', { name: 'Ann', cadence: { days: 14 } });
    g.addNode('bob', { name: 42, cadence: { days: 7 } });
    g.addEdge('ann', 'bob', { interactions: [{ at: '2024-06-01' }] });
    g.addEdge('bob', 'ann', { interactions: [{ at: '2024-06-02' }] });
    for (const title of [5, null]) {
      const error = thrown(() => renderEgoSvg(g, 'ann', { now: NOW, title: title as never }));
      expect(error).toBeInstanceOf(InvalidOptionError);
      expect(error.location.field).toBe('title');
    }
    for (const opts of [{}, { getLabel: () => 42 }, { getLabel: 'cadence' }, { getLabel: () => null }]) {
      const out = renderEgoSvg(g, 'ann', { now: NOW, ...(opts as object) });
      expect(out).toMatch(/^<svg/);
      expect(out).not.toContain('[object Object]');
    }
  });

  it('D10: a duck-typed stand-in for a graph is an InvalidGraphError up front, not a TypeError inside', () => {
    const fake = { forEachEdge() {}, forEachNode() {}, hasNode: () => true, order: 1 };
    for (const f of [
      () => networkHealth(fake as never, { now: NOW }),
      () => classifyStages(fake as never, { now: NOW }),
      () => prepareNetwork(fake as never),
      () => createIntroductionFinder(fake as never, { now: NOW }),
      () => tieStrength(fake as never, 'a', 'b', { now: NOW }),
    ]) {
      expect(thrown(f)).toBeInstanceOf(InvalidGraphError);
    }
  });

  it('D11: IntroductionFinder.find validates `exclude` (a string is not iterated per character)', () => {
    const g = new Graph();
    for (const k of ['ann', 'bob', 'cy']) g.addNode(k);
    const two = () => [
      { at: '2024-06-01', kind: 'meeting' },
      { at: '2024-06-20', kind: 'call' },
    ];
    g.addEdge('ann', 'bob', { interactions: two() });
    g.addEdge('bob', 'ann', { interactions: two() });
    g.addEdge('bob', 'cy', { interactions: two() });
    g.addEdge('cy', 'bob', { interactions: two() });
    const finder = createIntroductionFinder(g, { now: NOW });
    for (const exclude of [5, 'bob', true, { bob: true }]) {
      const error = thrown(() => finder.find('ann', 'cy', { exclude: exclude as never }));
      expect(error).toBeInstanceOf(InvalidOptionError);
      expect(error.location.field).toBe('exclude');
    }
    expect(finder.find('ann', 'cy', { exclude: ['bob'] }).paths).toEqual([]);
    expect(finder.find('ann', 'cy', { exclude: new Set<string>() }).paths[0]!.people).toEqual(['ann', 'bob', 'cy']);
  });

  it('D12: summarize accepts a report that went through JSON and refuses incomplete ones with a typed error', () => {
    const g = annBob();
    const ego = personHealth(g, 'ann', { now: NOW });
    const network = networkHealth(g, { now: NOW, compareTo: '2024-05-15' });
    expect(summarize(JSON.parse(JSON.stringify(ego)))).toBe(summarize(ego));
    expect(summarize(JSON.parse(JSON.stringify(network)))).toBe(summarize(network));
    for (const report of [
      {},
      { kind: 'person' },
      { kind: 'network' },
      { kind: 'person', at: 'x' },
      { kind: 'network', at: new Date(NaN) },
      { ...network, at: new Date(NaN) },
      null,
      'report',
    ]) {
      const error = thrown(() => summarize(report as never));
      expect(error).toBeInstanceOf(InvalidOptionError);
      expect(error.location.field).toBe('report');
    }
  });

  it('D13: PreparedNetwork has no public constructor and the error classes check their code and location', () => {
    expect(thrown(() => new (PreparedNetwork as unknown as new (...args: unknown[]) => unknown)())).toBeInstanceOf(
      InvalidGraphError,
    );
    expect(
      thrown(() => new (PreparedNetwork as unknown as new (...args: unknown[]) => unknown)({}, {})),
    ).toBeInstanceOf(InvalidGraphError);
    expect(thrown(() => new GoodwillError('NOT_A_CODE' as never, 'm')).location.field).toBe('code');
    expect(thrown(() => new InvalidOptionError('m', 5 as never)).location.field).toBe('location');
    expect(new gw.NodeNotFoundError('m', null).location).toEqual({});
  });

  it('D14: a number as a node argument is the key graphology reads ("" + key) in every function taking a node', () => {
    const g = new Graph();
    for (const k of ['1', '2', '3']) g.addNode(k);
    const both = () => [
      { at: '2024-06-01', kind: 'meeting' },
      { at: '2024-06-20', kind: 'call' },
    ];
    g.addEdge('1', '2', { interactions: both() });
    g.addEdge('2', '1', { interactions: both() });
    g.addEdge('2', '3', { interactions: both() });
    g.addEdge('3', '2', { interactions: both() });
    const now = NOW;
    const cases: Record<string, (a: string, b: string) => unknown> = {
      tieStrength: (a, b) => tieStrength(g, a, b, { now }),
      warmth: (a, b) => warmth(g, a, b, { now }),
      coldDate: (a, b) => coldDate(g, a, b, { now }),
      classifyStage: (a, b) => classifyStage(g, a, b, { now }),
      stageTimeline: (a, b) => stageTimeline(g, a, b, { now }),
      tieReciprocity: (a, b) => tieReciprocity(g, a, b, { now }),
      personReciprocity: (a) => personReciprocity(g, a, { now }),
      dunbarLayers: (a) => dunbarLayers(g, a, { now }),
      keepInTouch: (a) => keepInTouch(g, a, { now }),
      stageAdvice: (a) => stageAdvice(g, a, { now }),
      personBrokerage: (a) => personBrokerage(g, a),
      personHealth: (a) => personHealth(g, a, { now }),
      renderEgoSvg: (a) => renderEgoSvg(g, a, { now }),
      findIntroductionPaths: (a, b) => findIntroductionPaths(g, a, b, { now }),
      assessRelationship: (a, b) => gw.assessRelationship(g, a, b, { now }),
      find: (a, b) => createIntroductionFinder(g, { now }).find(a, b),
    };
    for (const [name, f] of Object.entries(cases)) {
      expect(json(f(1 as never, 2 as never)), name).toBe(json(f('1', '2')));
    }
    expect(tieReciprocity(g, 1 as never, 2 as never, { now }).relationship).toBe(true);
    expect(personBrokerage(g, 2 as never).degree).toBe(2);
  });

  it('D15: generateNetwork refuses a runaway span, people count or activity with an InvalidOptionError, at once', () => {
    const started = Date.now();
    for (const [field, options] of [
      ['end', { people: 28, ties: 8, end: 8.64e15 }],
      ['end', { people: 28, ties: 8, start: '1900-01-01', end: '2200-12-31' }],
      ['people', { people: 1e9 }],
      ['activity', { people: 28, activity: 1e9 }],
    ] as const) {
      const error = thrown(() => generateNetwork(options));
      expect(error).toBeInstanceOf(InvalidOptionError);
      expect(error.location.field).toBe(field);
    }
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('D16: option tables are checked with own properties: inherited names (toString, __proto__ …) are refused', () => {
    const g = annBob();
    for (const minStage of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'bogus']) {
      const error = thrown(() => createIntroductionFinder(g, { now: NOW, minStage: minStage as never }));
      expect(error.location.field).toBe('minStage');
    }
    for (const key of ['toString', '__proto__', 'valueOf']) {
      const thresholds = JSON.parse(`{ ${JSON.stringify(key)}: 5 }`);
      expect(thrown(() => classifyStage(g, 'ann', 'bob', { now: NOW, thresholds })).location.field).toMatch(
        /^thresholds/,
      );
      const weights = JSON.parse(`{ ${JSON.stringify(key)}: 5 }`);
      expect(thrown(() => tieStrength(g, 'ann', 'bob', { now: NOW, weights })).location.field).toMatch(/^weights/);
    }
    expect(createIntroductionFinder(g, { now: NOW, minStage: 'trusted' }).size.arcs).toBe(0);
    // Attribute names read own properties only: an inherited name is an absent attribute, not Object.prototype's member.
    const plain = tieStrength(g, 'ann', 'bob', { now: NOW, getInteractions: 'missing' });
    for (const name of ['toString', '__proto__', 'constructor']) {
      expect(tieStrength(g, 'ann', 'bob', { now: NOW, getInteractions: name })).toEqual(plain);
      expect(tieStrength(g, 'ann', 'bob', { now: NOW, getStrengthOverride: name })).toEqual(
        tieStrength(g, 'ann', 'bob', { now: NOW }),
      );
      expect(thrown(() => personBrokerage(g, 'ann', { getEdgeWeight: name })).message).toMatch(/is undefined/);
    }
  });

  it('D17: .assign refuses an attribute named after Object.prototype (it would write nothing, or replace a prototype)', () => {
    const make = () => {
      const g = annBob();
      g.addNode('lonely', { name: 'L' });
      return g;
    };
    for (const [name, f] of Object.entries({
      'tieStrengths.assign': (g: Graph, attribute: unknown) =>
        tieStrengths.assign(g, { now: NOW, attribute: attribute as string }),
      'classifyStages.assign': (g: Graph, attribute: unknown) =>
        classifyStages.assign(g, { now: NOW, attribute: attribute as string }),
      'networkReciprocity.assign': (g: Graph, attribute: unknown) =>
        networkReciprocity.assign(g, { attribute: attribute as string }),
      'networkBrokerage.assign': (g: Graph, attribute: unknown) =>
        networkBrokerage.assign(g, { attribute: attribute as string }),
    })) {
      for (const attribute of ['__proto__', 'constructor', 'toString', 5, '']) {
        const g = make();
        const before = JSON.stringify(g.export());
        const error = thrown(() => f(g, attribute));
        expect(error, `${name} ${String(attribute)}`).toBeInstanceOf(InvalidOptionError);
        expect(error.location.field).toBe('attribute');
        expect(JSON.stringify(g.export())).toBe(before);
        expect(Object.getPrototypeOf(g.getNodeAttributes('lonely'))).toBe(Object.prototype);
      }
    }
    const g = make();
    networkReciprocity.assign(g, { attribute: 'r' });
    expect(g.getNodeAttribute('ann', 'r')).toBe(1);
    expect(g.getNodeAttribute('lonely', 'r')).toBeNull();
  });

  it('D19: which error is reported depends on the content, not on the insertion order (every order, several functions)', () => {
    // Four faults of three classes on four edges (content-order.test.ts has the repro's three).
    const faults: [string, string, string, Record<string, unknown>][] = [
      ['k1', 'a', 'b', { interactions: [{ at: '2024-06-01', kind: 'gossip' }] }],
      ['k2', 'b', 'a', { interactions: [{ at: '2024-06-01' }, { at: '2024-06-02', weight: -1 }] }],
      ['k3', 'c', 'a', { interactions: [{ at: '2024-06-01', from: 'z' }] }],
      ['k4', 'b', 'c', { interactions: [], strengthOverride: 2 }],
    ];
    const permutations = (xs: number[]): number[][] =>
      xs.length <= 1
        ? [xs]
        : xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
    const seen = new Map<string, Set<string>>();
    for (const order of permutations([0, 1, 2, 3])) {
      const g = new Graph({ multi: true });
      for (const k of ['c', 'b', 'a']) g.addNode(k);
      for (const i of order) g.addEdgeWithKey(...faults[i]!);
      for (const [name, f] of Object.entries({
        networkHealth: () => networkHealth(g, { now: NOW }),
        classifyStages: () => classifyStages(g, { now: NOW }),
        prepareNetwork: () => prepareNetwork(g),
        networkReciprocity: () => networkReciprocity(g),
      })) {
        const e = thrown(f);
        const set = seen.get(name) ?? new Set<string>();
        set.add(json([e.name, e.message.replace(name, ''), e.location]));
        seen.set(name, set);
      }
    }
    const all = new Set([...seen.values()].flatMap((set) => [...set]));
    expect(all.size).toBe(1);
    expect(JSON.parse([...all][0]!)[2]).toMatchObject({ edge: 'k1', index: 0, field: 'kind' });
  });

  it('D20: an ISO time without an offset is UTC on every machine, and non-ISO strings are refused', () => {
    const g = new Graph();
    g.addNode('a');
    g.addNode('b');
    g.addEdge('a', 'b', { interactions: [{ at: '2024-03-01T09:00' }, { at: '2024-03-10T23:30' }] });
    g.addEdge('b', 'a', { interactions: [{ at: '2024-03-05T12:00' }] });
    const s = tieStrength(g, 'a', 'b', { now: '2024-03-11' });
    expect(s.lastContact!.toISOString()).toBe('2024-03-10T23:30:00.000Z');
    expect(s.interactions).toBe(3);
    for (const at of ['1', '12/31/2023', 'Tue Mar 05 2024', '2024-02-30', '2023-02-29', '']) {
      const h = new Graph();
      h.addNode('a');
      h.addNode('b');
      h.addEdge('a', 'b', { interactions: [{ at }] });
      const error = thrown(() => tieReciprocity(h, 'a', 'b', { now: '2024-03-11' }));
      expect(error, at).toBeInstanceOf(InvalidInteractionError);
      expect(error.location.field).toBe('at');
    }
  });

  it('D21: a one-shot iterator of interactions is refused; a reusable iterable answers the same every time', () => {
    const g = new Graph();
    g.addNode('a');
    g.addNode('b');
    g.addEdge('a', 'b', {
      interactions: (function* () {
        yield { at: '2024-06-01', kind: 'meeting' };
        yield { at: '2024-06-10', kind: 'call' };
      })(),
    });
    const error = thrown(() => tieStrength(g, 'a', 'b', { now: NOW }));
    expect(error).toBeInstanceOf(InvalidInteractionError);
    expect(error.location.field).toBe('interactions');
    const h = new Graph();
    h.addNode('a');
    h.addNode('b');
    h.addEdge('a', 'b', {
      interactions: new Set([
        { at: '2024-06-01', kind: 'meeting' },
        { at: '2024-06-10', kind: 'call' },
      ]),
    });
    expect(tieStrength(h, 'a', 'b', { now: NOW }).interactions).toBe(2);
    expect(tieStrength(h, 'a', 'b', { now: NOW }).interactions).toBe(2);
  });

  it('D22: every exported object or array of every entry point is deeply frozen', () => {
    const notFrozen = (value: unknown, path: string, out: string[]): string[] => {
      if (value === null || typeof value !== 'object') return out;
      if (!Object.isFrozen(value)) out.push(path);
      for (const key of Reflect.ownKeys(value))
        notFrozen((value as Record<string | symbol, unknown>)[key], `${path}.${String(key)}`, out);
      return out;
    };
    const exported: string[] = [];
    for (const [entry, mod] of Object.entries({
      goodwill: gw,
      'goodwill/introductions': intro,
      'goodwill/calibrate': cal,
      'goodwill/brokerage': brk,
      'goodwill/explain': exp,
      'goodwill/coach': coach,
      'goodwill/fixtures': fx,
      'goodwill/svg': svg,
    })) {
      for (const [name, value] of Object.entries(mod)) {
        if (value === null || typeof value !== 'object') continue;
        exported.push(name);
        expect(notFrozen(value, `${entry}.${name}`, []), name).toEqual([]);
      }
    }
    expect(exported.sort()).toEqual([
      'ARCHETYPES',
      'ARCHETYPE_NAMES',
      'CONTACT_FEATURES',
      'DEFAULT_KINDS',
      'DEFAULT_STAGE_THRESHOLDS',
      'DEFAULT_STRENGTH_WEIGHTS',
      'ROLES',
      'STAGES',
      'STAGE_COLORS',
      'WEIGHT_PRESETS',
    ]);
    expect(() => {
      (gw.DEFAULT_STAGE_THRESHOLDS.engagedMinSpan as { days: number }).days = 365;
    }).toThrow(TypeError);
  });

  it('D23: brokerage is linear in the ties it reads: a 40,000-tie hub and one of its leaves take well under a second each', () => {
    const DAY = 86_400_000;
    const now = Date.UTC(2024, 5, 30);
    const D = 40_000;
    const g = new Graph();
    g.addNode('hub');
    const key = (i: number) => `n${String(i).padStart(6, '0')}`;
    for (let i = 0; i < D; i++) g.addNode(key(i));
    for (let i = 0; i < D; i++) {
      g.addEdge('hub', key(i), { interactions: [{ at: now - (1 + (i % 300)) * DAY, kind: 'meeting' }] });
      g.addEdge(key(i), 'hub', { interactions: [{ at: now - (2 + (i % 250)) * DAY, kind: 'call' }] });
      g.addEdge(key(i), key((i + 1) % D), { interactions: [{ at: now - (5 + (i % 90)) * DAY }] });
    }
    const time = (f: () => unknown): number => {
      const t0 = performance.now();
      f();
      return performance.now() - t0;
    };
    // Quadratic in the degree, as in 0.1.0, this took about 9 s (54 s at 100,000 ties).
    expect(time(() => personBrokerage(g, 'hub'))).toBeLessThan(2000);
    expect(time(() => brk.networkBrokerage(g))).toBeLessThan(3000);
    expect(time(() => personHealth(g, key(7), { now }))).toBeLessThan(2000);
  });

  it("D23: personHealth of a hub's leaf reads the hub's neighbourhood once, not twice", () => {
    const D = 2_000;
    const g = new Graph();
    g.addNode('hub');
    for (let i = 0; i < D; i++) {
      g.addNode(`n${i}`);
      g.addEdge('hub', `n${i}`, { interactions: [{ at: '2024-06-01', kind: 'meeting' }] });
      g.addEdge(`n${i}`, 'hub', { interactions: [{ at: '2024-06-02', kind: 'call' }] });
    }
    // Count the edges graphology hands to goodwill.
    let visited = 0;
    const forEachEdge = g.forEachEdge.bind(g) as (...args: unknown[]) => void;
    (g as unknown as { forEachEdge: unknown }).forEachEdge = (...args: unknown[]) => {
      const visit = args.pop() as (...x: unknown[]) => void;
      forEachEdge(...args, (...x: unknown[]) => {
        visited++;
        visit(...x);
      });
    };
    const report = personHealth(g, 'n7', { now: NOW });
    expect(report.tieCounts.all).toBe(1);
    // The leaf's 2 edges, then the hub's 2·D edges once (twice, as before the fix, would be 4·D).
    expect(visited).toBeLessThan(3 * D);
  });

  it('found by the long fuzz run: calibrateDecay refuses more than 100 cuts (then `folds`: 1e9 exhausted the heap)', () => {
    const g = annBob();
    for (const cuts of [1e9, 101, 0, 1.5]) {
      const error = thrown(() => calibrateDecay(g, { now: NOW, cuts }));
      expect(error).toBeInstanceOf(InvalidOptionError);
      expect(error.location.field).toBe('cuts');
    }
    expect(calibrateDecay(g, { now: NOW, cuts: 100 }).report.auc).toBeNull();
  });

  it('found while fuzzing: report names keep a person keyed __proto__, and summarize names them', () => {
    const g = new Graph({ multi: true });
    for (const k of ['a', '__proto__', 'b']) g.addNode(k, { name: `N_${k}` });
    const two = () => [
      { at: '2024-06-01', kind: 'meeting' },
      { at: '2024-06-20', kind: 'help' },
    ];
    g.addEdge('a', '__proto__', { interactions: two() });
    g.addEdge('__proto__', 'a', { interactions: two() });
    g.addEdge('a', 'b', { interactions: [{ at: '2023-01-01' }] });
    const ego = personHealth(g, 'a', { now: NOW, getNodeLabel: 'name' });
    const network = networkHealth(g, { now: NOW, getNodeLabel: 'name' });
    for (const report of [ego, network]) {
      expect(Object.keys(report.names)).toContain('__proto__');
      const text = summarize(report);
      expect(text).toContain('N___proto__');
      expect(text).not.toContain('[object Object]');
      expect(summarize(JSON.parse(JSON.stringify(report)))).toBe(text);
    }
  });

  it('D24: renderEgoSvg writes well-formed XML: no control characters or lone surrogates from labels', () => {
    const g = new Graph();
    g.addNode('me');
    for (const k of ['a\u0000b', 'bell\u0007', 'half\uD800', 'low\uDC00', 'pair\uD83D\uDE00']) {
      g.addNode(k);
      g.addEdge('me', k, { interactions: [{ at: '2024-06-01' }] });
      g.addEdge(k, 'me', { interactions: [{ at: '2024-06-02' }] });
    }
    const out = renderEgoSvg(g, 'me', { now: NOW, title: 'x\uD800y\u0001' });
    expect(
      out.match(
        // eslint-disable-next-line no-control-regex -- finding these control characters is the point
        /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      ),
    ).toBeNull();
    expect(out).toContain('half\uFFFD');
    expect(out).toContain('pair\uD83D\uDE00');
  });
});
