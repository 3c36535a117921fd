/**
 * One relationship model: every public answer about a tie comes from the
 * same assessment, so they can never disagree. Properties over random graphs
 * and a generated network.
 */
import Graph from 'graphology';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessRelationship,
  classifyStage,
  classifyStages,
  coldDate,
  dunbarLayers,
  personHealth,
  keepInTouch,
  stageAdvice,
  stageTimeline,
  STAGES,
  tieStrength,
  tieStrengths,
  type Stage,
} from 'goodwill';
import { personBrokerage } from 'goodwill/brokerage';
import { renderEgoSvg, STAGE_COLORS } from 'goodwill/svg';
import { generateNetwork } from 'goodwill/fixtures';

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);
const PEOPLE = ['a', 'b', 'c', 'd', 'e', 'f'];
const KINDS = ['message', 'call', 'meeting', 'help', 'favor', 'referral', 'request', 'pitch'] as const;

type Event = { day: number; from: number; to: number; kind: (typeof KINDS)[number] };

/** Random histories among six people (or, half the time, concentrated on a and b): up to 60 interactions over 400 days, some overrides. */
const network = fc
  .record({
    pair: fc.boolean(),
    events: fc.array(
      fc.record({
        day: fc.oneof(
          fc.integer({ min: 0, max: 400 }),
          fc.integer({ min: 0, max: 57 }).map((w) => 7 * w),
        ),
        from: fc.integer({ min: 0, max: 5 }),
        to: fc.integer({ min: 0, max: 5 }),
        kind: fc.constantFrom(...KINDS),
      }),
      { maxLength: 60 },
    ),
    overrides: fc.array(
      fc.tuple(
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 5 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
      ),
      { maxLength: 2 },
    ),
    nowDay: fc.integer({ min: 0, max: 600 }),
  })
  .map(({ pair, events, overrides, nowDay }) => ({
    events: pair ? events.map((e) => ({ ...e, from: e.from % 2, to: 1 - (e.from % 2) })) : events,
    overrides,
    nowDay,
  }));

function build(events: readonly Event[], overrides: readonly [number, number, number][] = []): Graph {
  const g = new Graph({ multi: true });
  for (const p of PEOPLE) g.addNode(p, { name: p.toUpperCase() });
  const lists = new Map<string, object[]>();
  for (const e of events) {
    if (e.from === e.to) continue;
    const key = `${PEOPLE[e.from]}>${PEOPLE[e.to]}`;
    let list = lists.get(key);
    if (!list) lists.set(key, (list = []));
    list.push({ at: T0 + e.day * DAY, kind: e.kind });
  }
  for (const [key, list] of [...lists].sort()) {
    const [s, t] = key.split('>') as [string, string];
    g.addEdge(s, t, { interactions: list });
  }
  for (const [x, y, o] of overrides) {
    if (x === y) continue;
    const s = PEOPLE[x]!;
    const t = PEOPLE[y]!;
    if (g.edges(s, t).length === 0) g.addEdge(s, t, {});
    g.setEdgeAttribute(g.edges(s, t)[0]!, 'strengthOverride', o);
  }
  return g;
}

/** Every pair of people that share an edge. */
function pairs(g: Graph): [string, string][] {
  const out = new Set<string>();
  g.forEachEdge((_e, _a, s, t) => {
    if (s !== t) out.add(s < t ? `${s}|${t}` : `${t}|${s}`);
  });
  return [...out].sort().map((k) => k.split('|') as [string, string]);
}

describe('one relationship model (properties on random graphs)', () => {
  it('stage, strength, flags and dates agree across every function that shows them', () => {
    fc.assert(
      fc.property(network, ({ events, overrides, nowDay }) => {
        const g = build(events, overrides);
        const now = T0 + nowDay * DAY;
        const options = { now };
        const stages = classifyStages(g, options);
        const strengths = tieStrengths(g, options);
        const byPair = new Map(stages.ties.map((r) => [`${r.a}|${r.b}`, r]));
        const strengthByPair = new Map(strengths.map((r) => [`${r.a}|${r.b}`, r]));
        for (const [x, y] of pairs(g)) {
          const single = classifyStage(g, x, y, options);
          const all = byPair.get(`${x}|${y}`)!;
          expect({ stage: all.stage, level: all.level, peak: all.peak, since: all.since, flags: all.flags }).toEqual({
            stage: single.stage,
            level: single.level,
            peak: single.peak,
            since: single.since,
            flags: single.flags,
          });
          const timeline = stageTimeline(g, y, x, options);
          expect(timeline.current.stage).toBe(single.stage);
          if (timeline.changes.length > 0) expect(timeline.changes[timeline.changes.length - 1]!.to).toBe(single.stage);
          const s = tieStrength(g, y, x, options);
          expect(strengthByPair.get(`${x}|${y}`)!.strength).toBe(s.strength);
          expect(strengthByPair.get(`${x}|${y}`)!.dormant).toBe(single.stage === 'dormant');
          const whole = assessRelationship(g, x, y, options);
          expect(whole.stageDetail).toEqual(single);
          expect(whole.stage).toBe(single.stage);
          expect(whole.strength).toBe(s.strength);
          expect(whole.strengthDetail).toEqual(s);
          expect(whole.strengthDetail.probability).toBe(s.probability);
          expect(strengthByPair.get(`${x}|${y}`)!.probability).toBe(s.probability);
          // Dormant means cold by now; engaged or trusted means not cold.
          const cold = coldDate(g, x, y, options);
          expect(whole.rhythm.cold).toEqual(cold);
          if (single.stage === 'dormant') expect(cold!.getTime()).toBeLessThanOrEqual(now);
          if (single.stage === 'engaged' || single.stage === 'trusted')
            expect(cold === null || cold.getTime() > now).toBe(true);
          // The cold date is the moment the stage turns dormant, if nothing happens in between.
          const lastDay = Math.max(-1, ...events.map((e) => e.day));
          if (cold !== null && cold.getTime() > now && lastDay <= nowDay && single.level !== 'connected') {
            expect(classifyStage(g, x, y, { now: cold }).stage).toBe('dormant');
            expect(classifyStage(g, x, y, { now: cold.getTime() - 1 }).stage).not.toBe('dormant');
          }
          // Advice follows its definition: weed never grew, reconnect went cold after it mattered, feed is live and mattered.
          const grew = single.peak === 'engaged' || single.peak === 'trusted';
          if (whole.advice === 'weed') expect(grew).toBe(false);
          if (whole.advice === 'reconnect') expect(grew && single.stage === 'dormant').toBe(true);
          if (whole.advice === 'feed') expect(grew && single.stage !== 'dormant').toBe(true);
          // Due comes before cooling, and cooling before cold.
          if (whole.rhythm.due && whole.rhythm.cools)
            expect(whole.rhythm.due.getTime()).toBeLessThanOrEqual(whole.rhythm.cools.getTime());
          if (whole.rhythm.cools && whole.rhythm.cold)
            expect(whole.rhythm.cools.getTime()).toBeLessThanOrEqual(whole.rhythm.cold.getTime());
        }
      }),
      { numRuns: 150 },
    );
  });

  it('one person: keepInTouch, dunbarLayers, stageAdvice, personHealth and the picture agree with the pair functions', () => {
    fc.assert(
      fc.property(network, ({ events, overrides, nowDay }) => {
        const g = build(events, overrides);
        const now = T0 + nowDay * DAY;
        const options = { now };
        const ego = 'a';
        const others = g.neighbors(ego).sort();
        const stageOf = new Map(others.map((o) => [o, classifyStage(g, ego, o, options)]));
        const strengthOf = new Map(others.map((o) => [o, tieStrength(g, ego, o, options).strength]));
        const whole = new Map(others.map((o) => [o, assessRelationship(g, ego, o, options)]));

        const todo = keepInTouch(g, ego, options);
        for (const c of todo.contacts) {
          expect(c.strength).toBe(strengthOf.get(c.other));
          expect(c.stage).toBe(stageOf.get(c.other)!.stage);
          expect(c.due).toEqual(whole.get(c.other)!.rhythm.due);
          expect(c.stage).not.toBe('dormant');
          // A one-sided tie is due only once it mattered (engaged or trusted), or when an override says so.
          if (!stageOf.get(c.other)!.overridden && stageOf.get(c.other)!.flags.includes('one-sided'))
            expect(['engaged', 'trusted']).toContain(stageOf.get(c.other)!.peak);
        }
        // Exactly the ties with a due date are kept.
        expect(todo.contacts.map((c) => c.other).sort()).toEqual(
          others.filter((o) => whole.get(o)!.rhythm.due !== null),
        );

        const layers = dunbarLayers(g, ego, options).layers;
        for (const layer of layers)
          for (const t of layer.ties)
            expect([t.strength, t.stage]).toEqual([strengthOf.get(t.other), stageOf.get(t.other)!.stage]);
        for (const layer of layers.slice(0, -1))
          for (const t of layer.ties)
            expect(['none', 'connected']).not.toContain(stageOf.get(t.other)!.level ?? 'none');

        const advice = stageAdvice(g, ego, options);
        const feed = advice.feed.map((f) => f.other);
        const weed = advice.weed.map((w) => w.other);
        const reconnect = advice.reconnect.map((r) => r.other);
        expect(feed.filter((p) => weed.includes(p) || reconnect.includes(p))).toEqual([]);
        expect(weed.filter((p) => reconnect.includes(p))).toEqual([]);
        for (const p of others)
          expect(whole.get(p)!.advice).toBe(
            feed.includes(p) ? 'feed' : weed.includes(p) ? 'weed' : reconnect.includes(p) ? 'reconnect' : null,
          );
        // Feed holds overdue kept ties; reconnect is keepInTouch's reconnect list.
        for (const p of feed) expect(todo.contacts.find((c) => c.other === p)!.overdueDays).toBeGreaterThan(0);
        // Its chance of contact now is the pair's (which reads how active each person is with anyone).
        for (const f of advice.feed) expect(f.probability).toBe(whole.get(f.other)!.strengthDetail.probability);
        expect(todo.reconnect.map((r) => r.other)).toEqual(reconnect);

        const report = personHealth(g, ego, options);
        const counts = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
        for (const o of others) if (stageOf.get(o)!.interactions > 0) counts[stageOf.get(o)!.stage]++;
        expect(report.stageCounts).toEqual(counts);
        expect(report.advice.feed).toEqual(advice.feed.slice(0, 5));
        expect(report.advice.weed.map((f) => f.other)).toEqual(weed.slice(0, 5));
        expect(report.advice.reconnect.map((f) => f.other)).toEqual(reconnect.slice(0, 5));
        expect(report.layers.map((l) => l.others)).toEqual(layers.slice(0, -1).map((l) => l.ties.map((t) => t.other)));

        // The picture colours each tie by the same stage.
        const svg = renderEgoSvg(g, ego, options);
        for (const o of others) {
          const st = stageOf.get(o)!;
          const shown: Stage = st.interactions === 0 && !st.overridden ? 'connected' : st.stage;
          expect(svg).toContain(
            `fill="${STAGE_COLORS[shown]}"><title>${o.toUpperCase()}: ${shown}, strength ${strengthOf.get(o)!.toFixed(2)}</title>`,
          );
        }
      }),
      { numRuns: 120 },
    );
  });

  it("removing a side's answers never raises a tie's strength; strength never rises as now moves on", () => {
    fc.assert(
      fc.property(network, fc.integer({ min: 1, max: 400 }), ({ events, nowDay }, later) => {
        const now = T0 + nowDay * DAY;
        const g = build(events);
        for (const [x, y] of pairs(g)) {
          const xi = PEOPLE.indexOf(x);
          const yi = PEOPLE.indexOf(y);
          // x's messages alone, and with y answering some of them the next day (the same episode:
          // the rhythm does not change).
          const outreach = events
            .filter((e) => e.from === xi && e.to === yi)
            .map((e) => ({ ...e, kind: 'message' as const }));
          if (outreach.length === 0) continue;
          const answers = outreach
            .filter((_, i) => i % 2 === 0)
            .map((e) => ({ day: e.day + 1, from: yi, to: xi, kind: 'message' as const }));
          const unanswered = tieStrength(build(outreach), x, y, { now: now + 2 * DAY }).strength;
          const answered = tieStrength(build([...outreach, ...answers]), x, y, { now: now + 2 * DAY }).strength;
          expect(unanswered).toBeLessThanOrEqual(answered + 1e-12);
          // With no new interaction, strength never rises as now moves on (from the last event on).
          const from = T0 + Math.max(nowDay, ...events.map((e) => e.day)) * DAY;
          const today = tieStrength(g, x, y, { now: from }).strength;
          expect(tieStrength(g, x, y, { now: from + later * DAY }).strength).toBeLessThanOrEqual(today + 1e-12);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('an answered tie is stronger than the same outreach unanswered', () => {
    const outreach: Event[] = [0, 7, 14, 21, 28].map((day) => ({ day, from: 0, to: 1, kind: 'message' }));
    const replies: Event[] = [1, 8, 15, 22, 29].map((day) => ({ day, from: 1, to: 0, kind: 'message' }));
    const now = T0 + 30 * DAY;
    const unanswered = tieStrength(build(outreach), 'a', 'b', { now });
    const answered = tieStrength(build([...outreach, ...replies]), 'a', 'b', { now });
    // b never took part: a quarter of the evidence is left (oneSidedFactor).
    expect(unanswered.mutuality).toBe(0.25);
    expect(answered.mutuality).toBe(1);
    expect(answered.strength).toBeGreaterThan(unanswered.strength);
    // An answer is an answer, whatever it says: replies that are pitches make the tie two-way, and the early pitch is flagged.
    const pitchedGraph = build([
      ...outreach,
      ...[1, 8, 15].map((day) => ({ day, from: 1, to: 0, kind: 'pitch' as const })),
    ]);
    expect(tieStrength(pitchedGraph, 'a', 'b', { now }).mutuality).toBe(1);
    expect(classifyStage(pitchedGraph, 'a', 'b', { now }).flags).toContain('premature-ask');
  });

  it('node arguments are read as graphology reads them: 1 is the key "1"', () => {
    const g = new Graph();
    g.addNode('1');
    g.addNode('2');
    g.addEdge('1', '2', { interactions: [{ at: T0 }, { at: T0 + 2 * DAY }] });
    g.addEdge('2', '1', { interactions: [{ at: T0 + DAY }] });
    const now = T0 + 10 * DAY;
    const asNumbers = tieStrength(g, 1 as never, 2 as never, { now });
    expect(asNumbers.interactions).toBe(3);
    expect(asNumbers).toEqual(tieStrength(g, '1', '2', { now }));
    expect(classifyStage(g, 1 as never, 2 as never, { now })).toEqual(classifyStage(g, '1', '2', { now }));
    expect(keepInTouch(g, 1 as never, { now }).person).toBe('1');
    expect(personBrokerage(g, 1 as never)).toEqual(personBrokerage(g, '1'));
  });
});

describe('one relationship model on a generated network', () => {
  const graph = generateNetwork({ seed: 7, people: 400 });
  const now = '2025-01-01';

  it('every person: feed, weed and reconnect are disjoint; keep-in-touch never lists a weeded or cold tie', () => {
    const people = graph.nodes().filter((_, i) => i % 10 === 0);
    for (const p of people) {
      const advice = stageAdvice(graph, p, { now });
      const sets = [advice.feed, advice.weed, advice.reconnect].map((list) => new Set(list.map((x) => x.other)));
      for (let i = 0; i < 3; i++)
        for (let j = i + 1; j < 3; j++) for (const x of sets[i]!) expect(sets[j]!.has(x)).toBe(false);
      const contacts = keepInTouch(graph, p, { now }).contacts.map((c) => c.other);
      for (const x of contacts) expect(sets[1]!.has(x) || sets[2]!.has(x)).toBe(false);
      // Each list holds what its name says.
      const stage = (x: string) => classifyStage(graph, p, x, { now });
      for (const w of advice.weed) expect(['connected', 'acquainted']).toContain(stage(w.other).peak);
      for (const r of advice.reconnect)
        expect([stage(r.other).stage, ['engaged', 'trusted'].includes(stage(r.other).peak!)]).toEqual([
          'dormant',
          true,
        ]);
      for (const f of advice.feed)
        expect([stage(f.other).stage !== 'dormant', ['engaged', 'trusted'].includes(stage(f.other).peak!)]).toEqual([
          true,
          true,
        ]);
    }
  });

  it("a trusted tie is never weaker than the same person's one-way ties with no more evidence", () => {
    const ties = tieStrengths(graph, { now });
    const stage = new Map(classifyStages(graph, { now }).ties.map((r) => [`${r.a}|${r.b}`, r.stage]));
    const mean = (st: Stage) => {
      const xs = ties.filter((t) => stage.get(`${t.a}|${t.b}`) === st).map((t) => t.strength);
      return xs.reduce((s, x) => s + x, 0) / xs.length;
    };
    expect(mean('trusted')).toBeGreaterThan(mean('engaged'));
    expect(mean('engaged')).toBeGreaterThan(mean('connected'));
    expect(mean('trusted')).toBeGreaterThan(mean('dormant'));
  });
});
