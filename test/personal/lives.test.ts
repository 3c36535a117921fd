/**
 * Several lives as tests: one person's network each, built as an app stores
 * it (the edge A → B holds what A started), and what its owner would say of
 * it, each sentence asserted. The others' other ties are not in the graph.
 */
import { DirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { assessRelationship, classifyStage, keepInTouch, stageAdvice, tieStrength } from 'goodwill';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A person's network with a small vocabulary: `log(from, to, day, kind)`, days counted back from now. */
function life(now: string) {
  const g = new DirectedGraph();
  const end = Date.parse(now);
  const log = (from: string, to: string, daysAgo: number, kind?: string) => {
    for (const k of [from, to]) if (!g.hasNode(k)) g.addNode(k, { name: k[0]!.toUpperCase() + k.slice(1) });
    const edge = g.edge(from, to) ?? g.addEdge(from, to, { interactions: [] });
    const at = iso(end - daysAgo * DAY);
    (g.getEdgeAttribute(edge, 'interactions') as object[]).push(kind ? { at, kind } : { at });
  };
  /** Every `step` days from `from` days ago to `to` days ago. */
  const every = (step: number, from: number, to: number, fn: (daysAgo: number, i: number) => void) => {
    for (let d = from, i = 0; d >= to; d -= step, i++) fn(d, i);
  };
  return { g, now, log, every };
}

describe('a student (Lena)', () => {
  const { g, now, log, every } = life('2025-03-14');
  // Roommate: messages both ways every day for half a year.
  every(1, 180, 1, (d) => {
    log('me', 'noor', d, 'message');
    log('noor', 'me', d, 'message');
  });
  // Study group: weekly meetings Lena always organises, for a term.
  every(7, 100, 2, (d) => log('me', 'group', d, 'meeting'));
  // Mum calls every Sunday; Lena never calls first.
  every(7, 365, 3, (d) => log('mum', 'me', d, 'call'));
  // A professor Lena wrote three times about a thesis; no answer.
  for (const d of [60, 40, 20]) log('me', 'prof', d, 'message');
  const strength = (p: string) => tieStrength(g, 'me', p, { now }).strength;

  it('"Noor and I text every day": a rhythm of about a day', () => {
    const gap = assessRelationship(g, 'me', 'noor', { now }).rhythm.usualGapDays!;
    expect(gap).toBeGreaterThan(0.85);
    expect(gap).toBeLessThan(1.15);
  });

  it('"I organise the study group, and everyone comes": engaged, not one-sided', () => {
    const s = classifyStage(g, 'me', 'group', { now });
    expect(['engaged', 'trusted']).toContain(s.stage);
    expect(s.flags).not.toContain('one-sided');
  });

  it('"Mum always calls me": not one-sided, and very likely to call within the month', () => {
    expect(classifyStage(g, 'me', 'mum', { now }).flags).not.toContain('one-sided');
    expect(tieStrength(g, 'me', 'mum', { now }).probability!).toBeGreaterThan(0.9);
  });

  it('"The professor never answered": one-sided, weaker than everyone who answers', () => {
    expect(classifyStage(g, 'me', 'prof', { now }).flags).toContain('one-sided');
    for (const p of ['noor', 'group', 'mum']) expect(strength('prof')).toBeLessThan(strength(p));
  });
});

describe('a salesperson (Marco)', () => {
  const { g, now, log, every } = life('2025-06-30');
  // Best client: monthly meetings for two years, referrals both ways.
  every(30, 720, 10, (d, i) => log(i % 2 ? 'client' : 'me', i % 2 ? 'me' : 'client', d, 'meeting'));
  every(180, 700, 40, (d, i) => log(i % 2 ? 'client' : 'me', i % 2 ? 'me' : 'client', d, 'referral'));
  // A prospect pitched six times, never answered.
  every(21, 130, 25, (d) => log('me', 'prospect', d, 'pitch'));
  // An old client: monthly for three years, silent for the last five months.
  every(30, 1250, 150, (d, i) => log(i % 2 ? 'oldclient' : 'me', i % 2 ? 'me' : 'oldclient', d, 'meeting'));
  every(120, 1200, 160, (d, i) => log(i % 2 ? 'oldclient' : 'me', i % 2 ? 'me' : 'oldclient', d, 'help'));
  // A new lead who answered: a call last week, then messages both ways.
  log('lead', 'me', 8, 'call');
  log('me', 'lead', 6, 'message');
  log('lead', 'me', 5, 'message');
  const strength = (p: string) => tieStrength(g, 'me', p, { now }).strength;

  it('"My best client is my strongest tie, and we trust each other"', () => {
    expect(classifyStage(g, 'me', 'client', { now }).stage).toBe('trusted');
    for (const p of ['prospect', 'oldclient', 'lead']) expect(strength('client')).toBeGreaterThan(strength(p));
  });

  it('"The prospect who never answered is not a relationship": weed, weaker than the new lead', () => {
    expect(stageAdvice(g, 'me', { now }).weed.map((w) => w.other)).toContain('prospect');
    expect(strength('prospect')).toBeLessThan(strength('lead'));
  });

  it('"My old client went quiet five months ago": not close today, and on a list to act on', () => {
    expect(strength('oldclient')).toBeLessThan(strength('lead'));
    const advice = stageAdvice(g, 'me', { now });
    const listed = [...advice.feed, ...advice.reconnect].map((x) => x.other);
    expect(listed).toContain('oldclient');
  });
});

describe('a retiree (Rosa)', () => {
  const { g, now, log, every } = life('2025-09-01');
  // Daughter: a call every two weeks, alternating.
  every(14, 700, 5, (d, i) => log(i % 2 ? 'daughter' : 'me', i % 2 ? 'me' : 'daughter', d, 'call'));
  // An old friend: a letter a quarter, answered, for years; the last 45 days ago.
  every(91, 45 + 91 * 16, 45, (d, i) => log(i % 2 ? 'friend' : 'me', i % 2 ? 'me' : 'friend', d, 'message'));
  // A colleague from the old job: monthly lunches until four years ago.
  every(30, 2600, 1460, (d, i) => log(i % 2 ? 'colleague' : 'me', i % 2 ? 'me' : 'colleague', d, 'meeting'));

  it('"My friend writes every quarter": a rhythm of about three months, not overdue at 45 days', () => {
    const a = assessRelationship(g, 'me', 'friend', { now });
    expect(a.rhythm.usualGapDays!).toBeGreaterThan(91 * 0.85);
    expect(a.rhythm.usualGapDays!).toBeLessThan(91 * 1.15);
    const due = keepInTouch(g, 'me', { now }).contacts.find((c) => c.other === 'friend')!;
    expect(due.overdueDays).toBe(0);
  });

  it('"My daughter and I talk every other week": close, very likely in touch within the month', () => {
    expect(tieStrength(g, 'me', 'daughter', { now }).probability!).toBeGreaterThan(0.9);
    expect(tieStrength(g, 'me', 'daughter', { now }).strength).toBeGreaterThan(
      tieStrength(g, 'me', 'colleague', { now }).strength,
    );
  });

  it('"I have not seen my old colleague in four years": near 0 today, worth reconnecting with', () => {
    expect(tieStrength(g, 'me', 'colleague', { now }).strength).toBeLessThan(0.01);
    expect(tieStrength(g, 'me', 'colleague', { now }).probability!).toBeLessThan(0.01);
    expect(stageAdvice(g, 'me', { now }).reconnect.map((r) => r.other)).toEqual(['colleague']);
  });
});
