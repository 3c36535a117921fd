/**
 * The digest is the difference of two assessments: every entry's evidence
 * is what assessRelationship says at each date, and every tie that moved
 * has its entry.
 */
import { describe, expect, it } from 'vitest';
import { assessRelationship } from 'goodwill';
import { digest } from 'goodwill/coach';
import { generateNetwork } from 'goodwill/fixtures';
import { mayaNetwork } from './maya.js';

describe('digest', () => {
  it('equals the difference of two assessments, on a generated network', () => {
    const g = generateNetwork({ seed: 12, people: 120 });
    const from = '2024-10-01';
    const to = '2024-11-01';
    let moved = 0;
    for (const person of g.nodes().slice(0, 25)) {
      const d = digest(g, person, { from, to });
      for (const other of g.neighbors(person)) {
        const [x, y] = [from, to].map((now) => assessRelationship(g, person, other, { now }));
        const mine = d.entries.filter((e) => e.other === other);
        for (const e of mine) {
          expect(e.strength).toEqual([x!.strength, y!.strength]);
          expect(e.stage[1]).toBe(y!.stage);
          if (x!.stageDetail.interactions > 0) expect(e.stage[0]).toBe(x!.stage);
        }
        const delta = y!.strength - x!.strength;
        const kinds = mine.map((e) => e.kind);
        if (x!.stageDetail.interactions > 0 && Math.abs(delta) >= 0.1) {
          moved++;
          expect(kinds).toContain(delta > 0 ? 'warmed' : 'cooled');
        }
        if (x!.stageDetail.interactions > 0 && x!.stage !== y!.stage)
          expect(kinds.some((k) => k === 'stage' || k === 'cold')).toBe(true);
        if (x!.stageDetail.interactions === 0 && y!.stageDetail.interactions > 0) expect(kinds).toContain('new');
      }
    }
    expect(moved).toBeGreaterThan(0);
  });

  it("Maya's week: Dana and Leo wait for her, Leo is new", () => {
    const d = digest(mayaNetwork(), 'me', { from: '2025-06-23T18:00:00Z', to: '2025-06-30T18:00:00Z' });
    expect(d.text).toBe('Between 2025-06-23 and 2025-06-30: 2 replies owed, 1 new tie.');
    expect(d.entries.map((e) => e.text)).toEqual([
      'Dana wrote 5 days ago; you usually answer within 4 hours.',
      'Leo wrote 2 days ago; you have not answered Leo before.',
      'Leo is a new tie (acquainted).',
    ]);
  });

  it('Olga writes after two years: she is back after a silence, and Maya owes her a reply', () => {
    const g = mayaNetwork();
    (g.getEdgeAttribute('olga', 'me', 'interactions') as object[]).push({
      at: '2025-06-29T10:00:00Z',
      kind: 'message',
    });
    const d = digest(g, 'me', { from: '2025-06-23T18:00:00Z', to: '2025-06-30T18:00:00Z' });
    const olga = d.entries.filter((e) => e.other === 'olga');
    expect(olga.map((e) => e.kind)).toEqual(['owed', 'revived', 'warmed', 'stage']);
    expect(olga[1]!.text).toMatch(/^Olga got back in touch after \d+ days of silence\.$/);
    expect(olga[3]!.stage).toEqual(['dormant', 'trusted']);
  });

  it('bad dates are typed errors', () => {
    const g = mayaNetwork();
    expect(() => digest(g, 'me', { from: '2025-06-30', to: '2025-06-01' })).toThrow(/from/);
    expect(() => digest(g, 'me', { from: 'soon', to: '2025-06-01' })).toThrow(/from/);
  });
});
