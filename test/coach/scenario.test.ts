/**
 * Maya's network (test/coach/maya.ts), a dozen ties: what the coach tells
 * her, as sentences she would sign — the replies she owes, the asks she may
 * make, the plan she would accept, whom to meet.
 */
import { describe, expect, it } from 'vitest';
import {
  askReadiness,
  personAskReadiness,
  owedReplies,
  peopleWorthMeeting,
  referralReadiness,
  weeklyPlan,
} from 'goodwill/coach';
import { mayaNetwork, NOW } from './maya.js';

describe("Maya's coach", () => {
  const g = mayaNetwork();
  const now = NOW;

  it('she owes Tom, Dana and Leo a reply, oldest first; not Rick (pitches) nor the newsletter', () => {
    const owed = owedReplies(g, 'me', { now });
    expect(owed.owed.map((o) => o.text)).toEqual([
      'Tom helped you 20 days ago; you usually answer within 5 days.',
      'Dana wrote 5 days ago; you usually answer within 4 hours.',
      'Leo wrote 2 days ago; you have not answered Leo before.',
    ]);
    expect(owed.text).toBe('Maya owes 3 replies: Tom, Dana, Leo.');
  });

  it('she may ask Jon, her friend of two years; Leo and Nina are too new; Bea has gone quiet', () => {
    expect(askReadiness(g, 'me', 'jon', { now }).text).toBe(
      'Maya may ask Jon: the tie is trusted, the goodwill is even, and no ask is waiting.',
    );
    for (const p of ['leo', 'nina']) expect(askReadiness(g, 'me', p, { now }).verdict).toBe('too-early');
    expect(personAskReadiness(g, 'me', { now }).text).toBe(
      'Maya may ask Dana, Gabe, Jon, Priya; should give Tom something first; too early to ask Bea, Design Digest, Leo, Liam, Nina, Olga, Rick.',
    );
    expect(askReadiness(g, 'me', 'nina', { now }).text).toBe(
      'Too early for Maya to ask Nina: an ask needs an engaged or trusted tie; Maya and Nina are acquainted. An ask now would be premature.',
    );
    expect(askReadiness(g, 'me', 'bea', { now }).text).toBe(
      'Too early for Maya to ask Bea: an ask needs an engaged or trusted tie; the tie of Maya and Bea is cooling: get back in touch first.',
    );
  });

  it('Tom gave her an introduction and a referral: she should give first, about one referral', () => {
    const r = askReadiness(g, 'me', 'tom', { now });
    expect(r.verdict).toBe('give-first');
    expect(r.giveFirst!.suggestion).toEqual({ kind: 'referral', count: 1, value: 8 });
    expect(r.text).toBe(
      "Give first: the goodwill must be even or in Maya's favour; Maya gave Tom 1.8 and received 12.5 (values decayed by age): the goodwill is in Tom's favour. About 6.7 would even it: one referral (value 8).",
    );
  });

  it('with three touches: reconnect with Olga, answer Tom, save Bea; Dana and the others can wait', () => {
    const plan = weeklyPlan(g, 'me', { now, touches: 3 });
    // "At best" is what the tie was worth at its last contact (the kernel's peakStrength).
    expect(plan.picks.map((p) => p.reason)).toEqual([
      'Reconnect with Olga: close once (0.73 at best), silent for 702 days (keeps 0.73).',
      'Reply to Tom: Tom helped Maya 20 days ago; Maya usually answers within 5 days (keeps 0.65).',
      'Save Bea: in touch every month until 110 days ago, worth 0.65 at best, 0.08 now (keeps 0.61).',
    ]);
    expect(plan.leftOut[0]!.reason).toBe('Dana: the 3 touches went to ties that keep more (0.52 ≤ 0.61).');
    // Nothing for Rick, the newsletter, Liam, or Gabe whom she saw two days ago.
    const named = [...plan.picks, ...plan.leftOut].map((p) => p.other);
    for (const p of ['rick', 'digest', 'liam']) expect(named).not.toContain(p);
    // With five touches, Dana and Jon come in; still one reconnect.
    expect(weeklyPlan(g, 'me', { now, touches: 5 }).picks.map((p) => p.other)).toEqual([
      'olga',
      'tom',
      'bea',
      'dana',
      'jon',
    ]);
  });

  it('she could meet Sara through Jon, who trusts her; Jon would refer her once he and Sara are trusted', () => {
    expect(peopleWorthMeeting(g, 'me', { now }).seeds.map((s) => s.reason)).toEqual([
      'Meet Sara through Jon (Jon and Maya 0.78; Jon and Sara 0.63); 1 mutual connection.',
    ]);
    const r = referralReadiness(g, 'me', 'jon', 'sara', { now });
    expect(r.rules.map((x) => [x.rule, x.met])).toEqual([
      ['trust-them', true],
      ['trust-target', false],
      ['balance', true],
      ['no-open-ask', true],
    ]);
  });
});
