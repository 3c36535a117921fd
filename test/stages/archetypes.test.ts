/**
 * On generated networks, each archetype lands in the stage the archetype
 * means (the confusion matrix is printed in docs/guides/stages.md by
 * `npm run validate`; here, the floors it must not fall below).
 */
import { describe, expect, it } from 'vitest';
import { classifyStages, type Stage } from 'goodwill';
import { generateNetwork, type Archetype } from 'goodwill/fixtures';

describe('stages of generated archetypes', () => {
  const graph = generateNetwork({ seed: 11, people: 1500 });
  const { ties: relationships } = classifyStages(graph, { now: '2025-01-01' });
  const archetypeOf = new Map<string, Archetype>();
  graph.forEachEdge((_e, attributes, source, target) =>
    archetypeOf.set(source < target ? `${source}|${target}` : `${target}|${source}`, attributes.archetype),
  );
  const rows = new Map<Archetype, { total: number; stages: Map<Stage, number>; flags: Map<string, number> }>();
  for (const r of relationships) {
    const archetype = archetypeOf.get(`${r.a}|${r.b}`)!;
    let row = rows.get(archetype);
    if (!row) rows.set(archetype, (row = { total: 0, stages: new Map(), flags: new Map() }));
    row.total++;
    row.stages.set(r.stage, (row.stages.get(r.stage) ?? 0) + 1);
    for (const f of r.flags) row.flags.set(f, (row.flags.get(f) ?? 0) + 1);
  }
  const share = (a: Archetype, ...stages: Stage[]) =>
    stages.reduce((s, x) => s + (rows.get(a)!.stages.get(x) ?? 0), 0) / rows.get(a)!.total;
  const flagShare = (a: Archetype, flag: string) => (rows.get(a)!.flags.get(flag) ?? 0) / rows.get(a)!.total;

  it('dormant ties are dormant', () => expect(share('dormant', 'dormant')).toBeGreaterThan(0.85));
  it('close friends are trusted or engaged', () =>
    expect(share('close-friend', 'trusted', 'engaged')).toBeGreaterThan(0.6));
  it('new acquaintances are acquainted (or a bare connection when only one side wrote)', () => {
    expect(share('new-acquaintance', 'acquainted')).toBeGreaterThan(0.65);
    expect(share('new-acquaintance', 'trusted', 'dormant')).toBe(0);
  });
  it('fading ties are on the way down (half of them; see the stages guide)', () =>
    expect(share('fading', 'cooling', 'dormant')).toBeGreaterThan(0.45));
  it('cold pitchers stay connected and are flagged', () => {
    expect(share('cold-pitcher', 'connected')).toBeGreaterThan(0.6);
    expect(share('cold-pitcher', 'trusted', 'engaged')).toBeLessThan(0.02);
    expect(flagShare('cold-pitcher', 'premature-ask')).toBeGreaterThan(0.9);
  });
  it('one-sided takers are never trusted, and are flagged', () => {
    expect(share('one-sided-taker', 'trusted')).toBe(0);
    expect(flagShare('one-sided-taker', 'one-sided') + flagShare('one-sided-taker', 'giver-fatigue')).toBeGreaterThan(
      0.6,
    );
  });
});
