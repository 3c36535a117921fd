/**
 * One person's network as an app stores it (../shared/personal/sam-network.ts,
 * read in place), and its owner's judgements as sentences: each `it` is one
 * thing Sam would say, and asserts it.
 */
import { existsSync } from 'node:fs';
import type { DirectedGraph } from 'graphology';
import { expect, it } from 'vitest';
import { assessRelationship, personHealth, keepInTouch, tieStrength } from 'goodwill';
import { summarize } from 'goodwill/explain';
import { SHARED, describeShared } from '../helpers/data.js';

const file = `${SHARED}/personal/sam-network.ts`;
const sam = existsSync(file)
  ? ((await import(/* @vite-ignore */ file)) as { buildNetwork(): DirectedGraph; NOW: string })
  : null;

describeShared([file], "Sam's network, as Sam would say it", () => {
  const g = sam!.buildNetwork();
  const now = sam!.NOW;
  const strength = (p: string) => tieStrength(g, 'me', p, { now }).strength;
  const tie = (p: string) => assessRelationship(g, 'me', p, { now });
  const DAY = 86_400_000;
  const gapDays = (p: string) => tie(p).rhythm.usualGapDays!;

  it('Jon and Sofia are my two closest ties, and neither is one-sided', () => {
    const ranked = ['jon', 'sofia', 'gabe', 'nina', 'carla', 'priya', 'bea', 'olga', 'margaret', 'tom', 'rick', 'dave']
      .map((p) => [p, strength(p)] as const)
      .sort((x, y) => y[1] - x[1]);
    expect(
      ranked
        .slice(0, 2)
        .map(([p]) => p)
        .sort(),
    ).toEqual(['jon', 'sofia']);
    expect(tie('sofia').stageDetail.flags).not.toContain('one-sided');
    expect(tie('jon').stageDetail.flags).not.toContain('one-sided');
  });

  it('Gabe is close; Nina is new and warm', () => {
    expect(strength('gabe')).toBeGreaterThan(0.5);
    expect(tie('nina').stage).toBe('acquainted');
    expect(strength('nina')).toBeGreaterThan(strength('dave'));
  });

  it('Carla and I wrote every weekday: a rhythm of about a day; she has gone quiet, nudge me', () => {
    expect(gapDays('carla')).toBeGreaterThan(0.85);
    expect(gapDays('carla')).toBeLessThan(1.5);
    expect(tie('carla').advice).toBe('feed');
  });

  it('Priya and I talk every two months: at day 72 a little overdue, not a month overdue', () => {
    expect(gapDays('priya')).toBeGreaterThan(60 * 0.85);
    expect(gapDays('priya')).toBeLessThan(60 * 1.15);
    const due = keepInTouch(g, 'me', { now }).contacts.find((c) => c.other === 'priya')!;
    expect(due.overdueDays).toBeGreaterThan(0);
    expect(due.overdueDays).toBeLessThan(20);
  });

  it('Bea, monthly and silent for 80 days, is cooling: nudge me', () => {
    expect(gapDays('bea')).toBeCloseTo(30, 0);
    expect(tie('bea').stage).toBe('cooling');
    expect(tie('bea').advice).toBe('feed');
  });

  it('Olga and Margaret are worth reconnecting with, but are not close today and in no inner layer', () => {
    for (const p of ['olga', 'margaret']) {
      expect(tie(p).advice).toBe('reconnect');
      expect(strength(p)).toBeLessThan(0.05);
    }
    const report = personHealth(g, 'me', { now });
    for (const layer of report.layers.slice(0, 2)) {
      expect(layer.others).not.toContain('olga');
      expect(layer.others).not.toContain('margaret');
    }
  });

  it('Rick (unanswered pitches) and Dave (answered once) are weaker than every tie that answers and is still alive', () => {
    for (const live of ['jon', 'sofia', 'gabe', 'nina', 'carla', 'priya', 'bea', 'tom'])
      for (const weak of ['rick', 'dave']) expect(strength(weak)).toBeLessThan(strength(live));
    expect(tie('rick').stageDetail.flags).toContain('one-sided');
    expect(tie('dave').stageDetail.flags).toContain('one-sided');
  });

  it('Liam is a link, not a relationship', () => {
    expect(strength('liam')).toBe(0);
    expect(tie('liam').stage).toBe('connected');
  });

  it('Tom asks and I help: the report names him for giver fatigue', () => {
    expect(tie('tom').stageDetail.flags).toContain('giver-fatigue');
  });

  it('Tom asks, I help, and he never helps back: he is not one of my closest', () => {
    for (const close of ['jon', 'sofia', 'gabe', 'priya', 'carla', 'nina'])
      expect(strength('tom')).toBeLessThan(strength(close));
    expect(personHealth(g, 'me', { now }).layers[0]!.others).not.toContain('tom');
  });

  it("a friend's strength never rises with time alone, and is near 0 after years of silence", () => {
    let previous = Infinity;
    for (let k = 0; k <= 20; k++) {
      const s = tieStrength(g, 'me', 'olga', { now: Date.parse(now) + k * 120 * DAY }).strength;
      expect(s).toBeLessThanOrEqual(previous);
      previous = s;
    }
    expect(tieStrength(g, 'me', 'jon', { now: Date.parse(now) + 7 * 365 * DAY }).strength).toBeLessThan(0.01);
  });

  it('the summary names people, not counts alone', () => {
    const text = summarize(personHealth(g, 'me', { now }));
    expect(text).toContain('Carla');
    expect(text).not.toMatch(/NaN|undefined/);
  });
});

describeShared([file], "Sam's network: who does what, as neutral facts", () => {
  const g = sam!.buildNetwork();
  const now = sam!.NOW;
  it('Sofia starts most of the calls, and every one of them counts as answered', () => {
    const r = assessRelationship(g, 'me', 'sofia', { now });
    expect(r.facts.startedByA!).toBeLessThan(0.25);
    expect(r.facts.answers.b.unanswered).toBe(0);
    expect(r.stageDetail.flags).not.toContain('one-sided');
  });
  it("Rick's pitches went unanswered; Olga was worth a lot at her last contact", () => {
    const rick = assessRelationship(g, 'me', 'rick', { now });
    expect(rick.facts.answers.b.answered).toBe(0);
    expect(rick.facts.answers.b.unanswered + rick.facts.answers.b.pending).toBe(4);
    expect(assessRelationship(g, 'me', 'olga', { now }).facts.peakStrength).toBeGreaterThan(0.5);
  });
});
