/**
 * scorePairs gives, pair by pair, what tieStrengths and classifyStages give
 * for the whole network — on the whole table, and batch by batch with the
 * person-level counts (activeTies) of the whole table.
 */
import { describe, expect, it } from 'vitest';
import { classifyStages, tieStrengths } from 'goodwill';
import { activeTies, fromColumns, scorePairs, type InteractionColumns, type PairScore } from 'goodwill/columns';
import { generateNetwork } from 'goodwill/fixtures';
import { graphToColumns } from '../helpers/columns.js';

const now = '2024-10-01';
const graph = generateNetwork({ seed: 4, people: 250 });
const table = graphToColumns(graph, true);

/** The whole network's answers, as PairScores. */
function expected(columns: InteractionColumns): PairScore[] {
  const network = fromColumns(columns);
  const stages = classifyStages(network, { now }).ties;
  return tieStrengths(network, { now }).map((t, d) => {
    const s = stages[d]!;
    return {
      a: t.a,
      b: t.b,
      strength: t.strength,
      warmth: t.warmth,
      probability: t.probability,
      lastContact: t.lastContact,
      dormant: t.dormant,
      stage: s.stage,
      level: s.level,
      peak: s.peak,
      since: s.since,
      flags: [...s.flags],
      interactions: 0,
    };
  });
}

/** The rows of `columns` for which `keep(row)` holds. */
function rows(columns: typeof table, keep: (row: number) => boolean): InteractionColumns {
  const pick = <T>(column: ArrayLike<T>) => Array.from(column).filter((_, r) => keep(r));
  return {
    ...columns,
    source: pick(columns.source),
    target: pick(columns.target),
    at: pick(columns.at),
    kind: pick(columns.kind!),
    weight: pick(columns.weight!),
  };
}

const byPair = (x: PairScore, y: PairScore) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0);
const withoutCounts = (scores: PairScore[]) => JSON.stringify(scores.map((p) => ({ ...p, interactions: 0 })));

describe('scorePairs', () => {
  it('on the whole table: tieStrengths and classifyStages, pair by pair', () => {
    expect(withoutCounts(scorePairs(table, { now }))).toBe(JSON.stringify(expected(table)));
  });

  it('in three batches of whole pairs, with the whole table’s activeTies: the same answers', () => {
    const active = activeTies(table, { now });
    const s = table.source as number[];
    const t = table.target as number[];
    const batchOf = (r: number) => (Math.min(s[r]!, t[r]!) * 7 + Math.max(s[r]!, t[r]!)) % 3;
    const batches = [0, 1, 2].map((k) =>
      scorePairs(
        rows(table, (r) => batchOf(r) === k),
        { now, activeTies: active },
      ),
    );
    const merged = batches.flat().sort(byPair);
    expect(withoutCounts(merged)).toBe(JSON.stringify(expected(table)));
    // Without the whole table's counts, a batch sees only its own ties. The default chance of contact
    // reads the tie alone (its rhythm), so nothing changes; a calibrated model reads the counts.
    const alone = [0, 1, 2]
      .flatMap((k) =>
        scorePairs(
          rows(table, (r) => batchOf(r) === k),
          { now },
        ),
      )
      .sort(byPair);
    expect(withoutCounts(alone)).toBe(JSON.stringify(expected(table)));
  });

  it('activeTies reads only the last 30 days: the rows of that window give the same counts', () => {
    const since = Date.parse(now) - 30 * 86_400_000;
    const recent = rows(table, (r) => new Date(table.at[r]!).getTime() >= since);
    expect(activeTies(recent, { now })).toEqual(activeTies(table, { now }));
    expect(Object.keys(activeTies(table, { now })).length).toBeGreaterThan(10);
  });
});
