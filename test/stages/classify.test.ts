import Graph, { MultiDirectedGraph } from 'graphology';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  classifyStage,
  classifyStages,
  stageAdvice,
  stageTimeline,
  InvalidOptionError,
  NodeNotFoundError,
  type StageResult,
} from 'goodwill';
import { freezeGraph, snapshot } from '../helpers/frozen.js';
import { cleanPrototypePollutionAfterEach } from '../helpers/pollution.js';

// Graphs with a `__proto__` key make graphology 0.26 write onto Object.prototype: undo it after each test.
cleanPrototypePollutionAfterEach();

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1, 12); // a Monday, noon
const at = (day: number) => T0 + day * DAY;
const iso = (day: number) => new Date(at(day)).toISOString();

/** Events: [day, who ('a' | 'b'), kind?]. */
type Ev = [number, 'a' | 'b', string?];
function pair(events: Ev[], graph: Graph = new Graph()): Graph {
  for (const k of ['a', 'b']) if (!graph.hasNode(k)) graph.addNode(k);
  const ab = events.filter((e) => e[1] === 'a').map(([d, , kind]) => (kind ? { at: at(d), kind } : { at: at(d) }));
  const ba = events.filter((e) => e[1] === 'b').map(([d, , kind]) => (kind ? { at: at(d), kind } : { at: at(d) }));
  if (ab.length) graph.addEdge('a', 'b', { interactions: ab });
  if (ba.length) graph.addEdge('b', 'a', { interactions: ba });
  return graph;
}
const reason = (r: StageResult, rule: string) => r.reasons.find((x) => x.rule === rule)!;

/** Weekly two-way contact for `weeks` weeks from day 0: 2 events a week. */
function weekly(weeks: number, extra: Ev[] = []): Ev[] {
  const out: Ev[] = [];
  for (let w = 0; w < weeks; w++) out.push([7 * w, 'a'], [7 * w + 1, 'b']);
  return [...out, ...extra].sort((x, y) => x[0] - y[0]);
}

describe('classifyStage: the ladder', () => {
  it('none: two people with no link', () => {
    const g = new Graph();
    g.addNode('a');
    g.addNode('b');
    const r = classifyStage(g, 'a', 'b', { now: iso(0) });
    expect(r).toMatchObject({ stage: 'none', level: null, since: null, interactions: 0, flags: [] });
  });

  it('connected: a bare link, or one-way contact', () => {
    const g = new Graph();
    g.addNode('a');
    g.addNode('b');
    g.addEdge('a', 'b');
    expect(classifyStage(g, 'a', 'b', { now: iso(0) })).toMatchObject({
      stage: 'connected',
      since: null,
      lastContact: null,
    });
    const r = classifyStage(
      pair([
        [0, 'a'],
        [3, 'a'],
      ]),
      'a',
      'b',
      { now: iso(5) },
    );
    expect(r.stage).toBe('connected');
    expect(r.since).toEqual(new Date(at(0)));
    expect(reason(r, 'two-way-contact')).toMatchObject({ met: false, value: 0, threshold: 1 });
  });

  it('acquainted: both sides reached out once', () => {
    const r = classifyStage(
      pair([
        [0, 'a'],
        [1, 'b'],
      ]),
      'a',
      'b',
      { now: iso(2) },
    );
    expect(r.stage).toBe('acquainted');
    expect(r.since).toEqual(new Date(at(1)));
    expect(reason(r, 'two-way-contact').met).toBe(true);
    expect(reason(r, 'interactions')).toMatchObject({ met: false, value: 2, threshold: 6 });
  });

  it('engaged: exactly 6 interactions over 3 weeks and 21 days, each side 2+ (the boundary)', () => {
    const events: Ev[] = [
      [0, 'a'],
      [1, 'b'],
      [7, 'a'],
      [8, 'b'],
      [14, 'a'],
      [21, 'b'],
    ];
    const r = classifyStage(pair(events), 'a', 'b', { now: iso(22) });
    expect(r.stage).toBe('engaged');
    expect(r.since).toEqual(new Date(at(21)));
    expect(reason(r, 'span')).toMatchObject({ met: true, value: 21, threshold: 21 });
    expect(reason(r, 'active-weeks')).toMatchObject({ met: true, value: 4 });
    // One day short of the span: still acquainted.
    const short: Ev[] = [
      [0, 'a'],
      [1, 'b'],
      [7, 'a'],
      [8, 'b'],
      [14, 'a'],
      [20, 'b'],
    ];
    const s = classifyStage(pair(short), 'a', 'b', { now: iso(22) });
    expect(s.stage).toBe('acquainted');
    expect(reason(s, 'span')).toMatchObject({ met: false, value: 20, threshold: 21 });
  });

  it('trusted: a quarter of weekly contact with gives both ways', () => {
    const events = weekly(14, [
      [20, 'a', 'help'],
      [40, 'b', 'introduction'],
    ]);
    const r = classifyStage(pair(events), 'a', 'b', { now: iso(92) });
    expect(r.stage).toBe('trusted');
    expect(reason(r, 'gives-both-ways')).toMatchObject({ met: true, value: 1 });
    expect(reason(r, 'exchange-mutuality')).toMatchObject({ met: true, value: 4 / 6 });
    // Without a give back: engaged, and the missed rule says why.
    const taker = classifyStage(pair(weekly(14, [[20, 'a', 'help']])), 'a', 'b', { now: iso(92) });
    expect(taker.stage).toBe('engaged');
    expect(reason(taker, 'gives-both-ways')).toMatchObject({ met: false, value: 0 });
  });
});

describe('classifyStage: the way down', () => {
  // Contact every 7 days for 6 weeks: usual gap 7 days (geometric mean of day gaps 7,… → 7).
  const steady: Ev[] = [];
  for (let w = 0; w <= 6; w++) steady.push([7 * w, w % 2 === 0 ? 'a' : 'b']);
  const g = pair(steady);
  const last = 42;

  it('cooling after max(3 × usual gap, 21 days) of silence, exactly at the threshold', () => {
    expect(classifyStage(g, 'a', 'b', { now: iso(last + 20) }).stage).toBe('engaged');
    const r = classifyStage(g, 'a', 'b', { now: iso(last + 21) });
    expect(r.stage).toBe('cooling');
    expect(r.since).toEqual(new Date(at(last + 21)));
    expect(reason(r, 'silence-cooling')).toMatchObject({ met: true, value: 21, threshold: 21 });
    expect(r.level).toBe('engaged');
  });

  it('dormant after max(8 × usual gap, 90 days)', () => {
    expect(classifyStage(g, 'a', 'b', { now: iso(last + 89) }).stage).toBe('cooling');
    const r = classifyStage(g, 'a', 'b', { now: iso(last + 90) });
    expect(r.stage).toBe('dormant');
    expect(reason(r, 'silence-dormant')).toMatchObject({ met: true, value: 90, threshold: 90 });
    // Factors are options: 8 × 7 = 56 days once the minimum silence is lowered.
    expect(
      classifyStage(g, 'a', 'b', { now: iso(last + 56), thresholds: { dormantMinSilence: 0, coolingMinSilence: 0 } })
        .stage,
    ).toBe('dormant');
    expect(
      classifyStage(g, 'a', 'b', { now: iso(last + 55), thresholds: { dormantMinSilence: 0, coolingMinSilence: 0 } })
        .stage,
    ).toBe('cooling');
  });

  it('an acquaintance does not cool, but lapses into dormancy', () => {
    const acq = pair([
      [0, 'a'],
      [1, 'b'],
    ]);
    expect(classifyStage(acq, 'a', 'b', { now: iso(80) }).stage).toBe('acquainted');
    // A message and its reply are one episode: the usual gap is the default 30 days,
    // so dormant after max(8 × 30, 90) = 240 days of silence.
    expect(classifyStage(acq, 'a', 'b', { now: iso(1 + 239) }).stage).toBe('acquainted');
    expect(classifyStage(acq, 'a', 'b', { now: iso(1 + 240) }).stage).toBe('dormant');
    // Two episodes 10 days apart: usual gap 10 days, dormant after max(80, 90) = 90 days.
    const two = pair([
      [0, 'a'],
      [1, 'b'],
      [10, 'a'],
    ]);
    expect(classifyStage(two, 'a', 'b', { now: iso(10 + 90) }).stage).toBe('dormant');
    expect(classifyStage(two, 'a', 'b', { now: iso(10 + 89) }).stage).toBe('acquainted');
  });

  it('contact revives a cooling tie', () => {
    const revived = pair([...steady, [last + 30, 'b']]);
    expect(classifyStage(revived, 'a', 'b', { now: iso(last + 31) }).stage).toBe('engaged');
  });

  it('ignores interactions after `now`', () => {
    const r = classifyStage(g, 'a', 'b', { now: iso(8) });
    expect(r.stage).toBe('acquainted');
    expect(r.interactions).toBe(2);
    expect(r.lastContact).toEqual(new Date(at(7)));
  });
});

describe('classifyStage: flags', () => {
  it("one-sided: most of one side's initiatives went unanswered, not who starts more", () => {
    // Three messages, never answered: one-sided as soon as there are three.
    const r = classifyStage(
      pair([
        [0, 'a'],
        [1, 'a'],
        [2, 'a'],
      ]),
      'a',
      'b',
      { now: iso(3) },
    );
    expect(r.flags).toEqual(['one-sided']);
    expect(r.flagDetails[0]).toMatchObject({ flag: 'one-sided', by: 'a' });
    // Every 40 days for 120 days, then an answer 5 days after the last: the usual gap is 40 days,
    // so the answer covers initiatives of the last 40 days: 1 of 4 answered (75 % unanswered).
    const late = classifyStage(
      pair([
        [0, 'a'],
        [40, 'a'],
        [80, 'a'],
        [120, 'a'],
        [125, 'b'],
      ]),
      'a',
      'b',
      { now: iso(130) },
    );
    expect(late.flagDetails).toEqual([
      { flag: 'one-sided', by: 'a', text: "3 of a's 4 initiatives went unanswered by b (75%)." },
    ]);
    // Five weekly messages from a, then one from b two days after the last: every one answered
    // within 30 days — a starts more, and the tie is two-way.
    expect(
      classifyStage(
        pair([
          [0, 'a'],
          [7, 'a'],
          [14, 'a'],
          [21, 'a'],
          [28, 'a'],
          [30, 'b'],
        ]),
        'a',
        'b',
        { now: iso(31) },
      ).flags,
    ).toEqual([]);
  });

  it('gives one way are not one-sided: balanced contact, all gives by b is giver fatigue', () => {
    const events = weekly(6, [
      [3, 'b', 'help'],
      [10, 'b', 'favor'],
      [17, 'b', 'referral'],
    ]);
    const r = classifyStage(pair(events), 'a', 'b', { now: iso(40) });
    expect(r.flags).toEqual(['giver-fatigue']);
    expect(r.flagDetails.find((f) => f.flag === 'giver-fatigue')).toMatchObject({ by: 'b' });
  });

  it('premature-ask: a pitch before the tie is engaged; not after', () => {
    const early = classifyStage(
      pair([
        [0, 'a', 'pitch'],
        [1, 'b'],
      ]),
      'a',
      'b',
      { now: iso(2) },
    );
    expect(early.flagDetails).toEqual([
      { flag: 'premature-ask', by: 'a', text: expect.stringContaining('2024-01-01') },
    ]);
    const late = classifyStage(pair(weekly(5, [[30, 'a', 'request']])), 'a', 'b', { now: iso(31) });
    expect(late.flags).not.toContain('premature-ask');
  });

  it('giver-fatigue: 3 gives in a row without a give back; a give back resets it', () => {
    const gives: Ev[] = [
      [2, 'a', 'help'],
      [9, 'a', 'favor'],
      [16, 'a', 'help'],
    ];
    expect(classifyStage(pair(weekly(4, gives)), 'a', 'b', { now: iso(30) }).flags).toContain('giver-fatigue');
    expect(classifyStage(pair(weekly(4, gives.slice(0, 2))), 'a', 'b', { now: iso(30) }).flags).not.toContain(
      'giver-fatigue',
    );
    expect(
      classifyStage(pair(weekly(4, [...gives, [20, 'b', 'help']])), 'a', 'b', { now: iso(30) }).flags,
    ).not.toContain('giver-fatigue');
  });
});

describe('stageTimeline', () => {
  it('lists every change with its date and reason, ending at the current stage', () => {
    const steady: Ev[] = [];
    for (let w = 0; w <= 14; w++) steady.push([7 * w, w % 2 === 0 ? 'a' : 'b']);
    steady.push([20, 'a', 'help'], [50, 'b', 'help']);
    steady.sort((x, y) => x[0] - y[0]);
    const { changes, current } = stageTimeline(pair(steady), 'a', 'b', { now: iso(98 + 200) });
    expect(changes.map((c) => c.to)).toEqual(['connected', 'acquainted', 'engaged', 'trusted', 'cooling', 'dormant']);
    expect(changes[0]).toMatchObject({ from: 'none', at: new Date(at(0)), reason: 'First contact.' });
    expect(changes[1]!.at).toEqual(new Date(at(7)));
    expect(changes[4]!.at).toEqual(new Date(at(98 + 21)));
    expect(changes[5]!.at).toEqual(new Date(at(98 + 90)));
    expect(current.stage).toBe('dormant');
    expect(current.since).toEqual(changes[5]!.at);
    expect(current.peak).toBe('trusted');
  });

  it('its last stage equals classifyStage at every `now` (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 400 }),
            fc.constantFrom<'a' | 'b'>('a', 'b'),
            fc.constantFrom(undefined, 'help', 'pitch', 'call'),
          ),
          { maxLength: 40 },
        ),
        fc.integer({ min: 0, max: 800 }),
        (raw, nowDay) => {
          const g = pair(raw.map(([d, w, k]) => (k ? [d, w, k] : [d, w]) as Ev));
          if (g.size === 0) g.addEdge('a', 'b');
          const options = { now: iso(nowDay) };
          const { changes, current } = stageTimeline(g, 'a', 'b', options);
          const direct = classifyStage(g, 'a', 'b', options);
          expect(current).toEqual(direct);
          if (changes.length > 0) {
            expect(changes[changes.length - 1]!.to).toBe(direct.stage);
            expect(changes[changes.length - 1]!.at).toEqual(direct.since);
            for (let i = 1; i < changes.length; i++) {
              expect(changes[i]!.at.getTime()).toBeGreaterThanOrEqual(changes[i - 1]!.at.getTime());
              expect(changes[i]!.from).toBe(changes[i - 1]!.to);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a reply never makes a one-sided tie more one-sided (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 20 }), fc.integer({ min: 0, max: 30 }), (n, replyDay) => {
        const events: Ev[] = Array.from({ length: n }, (_, i) => [i, 'a'] as Ev);
        const before = classifyStage(pair(events), 'a', 'b', { now: iso(60) });
        const after = classifyStage(pair([...events, [replyDay, 'b']]), 'a', 'b', { now: iso(60) });
        expect(before.flags).toContain('one-sided');
        // "b never answered …" is 100 % unanswered; "3 of a's 4 initiatives went unanswered by b (75%)".
        const share = (r: StageResult) => {
          const text = r.flagDetails.find((f) => f.flag === 'one-sided')?.text ?? '0%';
          return text.includes('never answered') ? 100 : Number(/(\d+)%/.exec(text)![1]);
        };
        expect(share(after)).toBeLessThanOrEqual(share(before));
      }),
    );
  });
});

describe('symmetry, overrides, purity and errors', () => {
  it('is symmetric in a and b', () => {
    const g = pair(weekly(6, [[3, 'a', 'pitch']]));
    expect(classifyStage(g, 'b', 'a', { now: iso(50) })).toEqual(classifyStage(g, 'a', 'b', { now: iso(50) }));
  });

  it('a manual strength override sets the stage', () => {
    const g = pair([[0, 'a']]);
    g.setEdgeAttribute('a', 'b', 'strengthOverride', 0.8);
    const r = classifyStage(g, 'a', 'b', { now: iso(1) });
    expect(r).toMatchObject({ stage: 'trusted', overridden: true, since: null });
    expect(r.reasons[0]).toMatchObject({ rule: 'override', value: 0.8 });
    expect(classifyStage(g, 'a', 'b', { now: iso(1), getStrengthOverride: null }).stage).toBe('connected');
  });

  it('works with prototype-named keys and a frozen graph, without mutating it', () => {
    const g = new MultiDirectedGraph();
    g.addNode('__proto__');
    g.addNode('constructor');
    g.addEdge('__proto__', 'constructor', { interactions: [{ at: at(0) }] });
    g.addEdge('constructor', '__proto__', { interactions: [{ at: at(1) }] });
    freezeGraph(g);
    const before = snapshot(g);
    expect(classifyStage(g, '__proto__', 'constructor', { now: iso(2) }).stage).toBe('acquainted');
    expect(classifyStages(g, { now: iso(2) }).ties).toEqual([
      {
        a: '__proto__',
        b: 'constructor',
        stage: 'acquainted',
        level: 'acquainted',
        peak: 'acquainted',
        since: new Date(at(1)),
        flags: [],
        flagDetails: [],
      },
    ]);
    expect(snapshot(g)).toBe(before);
  });

  it('names the missing node, the bad option and the bad threshold', () => {
    const g = pair([[0, 'a']]);
    expect(() => classifyStage(g, 'a', 'zed', { now: iso(1) })).toThrow(NodeNotFoundError);
    expect(() => classifyStage(g, 'a', 'b', {} as never)).toThrow(/`now` is required/);
    expect(() => classifyStage(g, 'a', 'a', { now: iso(1) })).toThrow(/same person/);
    const bad = (thresholds: object, field: string) => {
      try {
        classifyStage(g, 'a', 'b', { now: iso(1), thresholds });
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(InvalidOptionError);
        expect((e as InvalidOptionError).location.field).toBe(field);
      }
    };
    bad({ engagedMinInteractions: -1 }, 'thresholds.engagedMinInteractions');
    bad({ oneSidedUnanswered: 2 }, 'thresholds.oneSidedUnanswered');
    bad({ oneSidedUnanswered: 0 }, 'thresholds.oneSidedUnanswered');
    bad({ giverFatigueRun: 0 }, 'thresholds.giverFatigueRun');
    bad({ coolingMinSilence: { fortnights: 1 } }, 'thresholds.coolingMinSilence');
    bad({ trusted: 1 }, 'thresholds.trusted');
    bad({ dormantGapFactor: 2 }, 'thresholds.dormantGapFactor');
  });
});

describe('classifyStages and stageAdvice', () => {
  const g = new Graph();
  for (const k of ['me', 'friend', 'pitcher', 'old', 'fresh']) g.addNode(k);
  const add = (x: string, y: string, days: number[]) =>
    g.mergeEdge(x, y, { interactions: days.map((d) => ({ at: at(d) })) });
  // friend: weekly for a quarter, gives both ways, then silence of 30 days (cooling).
  g.addEdge('me', 'friend', {
    interactions: [...Array.from({ length: 14 }, (_, w) => ({ at: at(14 * w) })), { at: at(3), kind: 'help' }],
  });
  g.addEdge('friend', 'me', {
    interactions: [...Array.from({ length: 14 }, (_, w) => ({ at: at(14 * w + 7) })), { at: at(10), kind: 'favor' }],
  });
  g.addEdge('pitcher', 'me', { interactions: [{ at: at(100), kind: 'pitch' }, { at: at(110) }, { at: at(120) }] });
  add('me', 'old', [0, 20, 40]);
  add('old', 'me', [1]);
  add('fresh', 'me', [200]);
  add('me', 'fresh', [201]);
  const now = iso(189 + 30);

  it('counts stages and flags over the network, relationships sorted by key', () => {
    const r = classifyStages(g, { now });
    expect(r.ties.map((x) => `${x.a}-${x.b}:${x.stage}`)).toEqual([
      'fresh-me:acquainted',
      'friend-me:cooling',
      'me-old:dormant',
      'me-pitcher:connected',
    ]);
    expect(r.stageCounts).toEqual({
      none: 0,
      connected: 1,
      acquainted: 1,
      engaged: 0,
      trusted: 0,
      cooling: 1,
      dormant: 1,
    });
    // The pitcher was never answered; old answered the first of three messages only.
    expect(r.flagCounts).toEqual({ 'one-sided': 2, 'premature-ask': 1, 'giver-fatigue': 0 });
  });

  it('assign writes the stage on every edge of the pair (the one mutating function)', () => {
    const copy = g.copy();
    classifyStages.assign(copy, { now, attribute: 'lifecycle' });
    expect(copy.getEdgeAttribute('me', 'friend', 'lifecycle')).toBe('cooling');
    expect(copy.getEdgeAttribute('friend', 'me', 'lifecycle')).toBe('cooling');
    expect(copy.getEdgeAttribute('pitcher', 'me', 'lifecycle')).toBe('connected');
  });

  it('advises to feed the cooling friend and weed the pitcher and the unanswered old tie', () => {
    const { feed, weed, reconnect } = stageAdvice(g, 'me', { now });
    expect(reconnect).toEqual([]);
    expect(feed.map((f) => [f.other, f.stage, f.peak])).toEqual([['friend', 'cooling', 'trusted']]);
    expect(feed[0]!.silenceDays).toBe(30);
    expect(weed).toEqual([
      {
        other: 'old',
        name: 'old',
        stage: 'dormant',
        flags: ['one-sided'],
        reason: '2 of your 3 initiatives went unanswered by old (67%); it never became engaged.',
      },
      {
        other: 'pitcher',
        name: 'pitcher',
        stage: 'connected',
        flags: ['one-sided', 'premature-ask'],
        reason:
          "You never answered pitcher's 3 interactions; pitcher asked before the relationship was engaged; it never became engaged.",
      },
    ]);
  });
});
