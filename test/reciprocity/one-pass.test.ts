/**
 * Reciprocity comes from the kernel's one pass: its lenses, ledger and
 * "waiting since" equal a direct sum over the interactions (the rule written
 * out here as the oracle: Gouldner's two lenses, an ask credited to the one
 * asked), bit for bit, with fractional weights and with decay.
 */
import Graph from 'graphology';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_KINDS, tieReciprocity, personReciprocity } from 'goodwill';

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);
const KINDS = ['message', 'call', 'meeting', 'help', 'favor', 'request', 'pitch', 'referral'] as const;
type Event = { day: number; fromA: boolean; kind: (typeof KINDS)[number]; weight: number };

const events = fc.array(
  fc.record({
    day: fc.integer({ min: 0, max: 300 }),
    fromA: fc.boolean(),
    kind: fc.constantFrom(...KINDS),
    weight: fc.double({ min: 0.01, max: 3, noNaN: true }),
  }),
  { maxLength: 40 },
);

/** The oracle: one side's sums, in time order (ties by insertion order of a stable sort on time). */
function oracle(list: readonly Event[], now: number, halfLife: number) {
  const sorted = list.filter((e) => T0 + e.day * DAY <= now);
  let cg = 0;
  let cr = 0;
  let xg = 0;
  let xr = 0;
  let run = 0;
  let waiting = NaN;
  for (const e of sorted) {
    const role = DEFAULT_KINDS[e.kind]!.role;
    const value = DEFAULT_KINDS[e.kind]!.value * e.weight;
    const t = T0 + e.day * DAY;
    const v = Number.isNaN(halfLife) ? value : value * Math.pow(2, (t - now) / halfLife);
    if (role === 'contact') {
      if (e.fromA) cg += v;
      else cr += v;
    } else if ((role === 'give') === e.fromA) xg += v;
    else xr += v;
    if (role === 'give') {
      if (e.fromA) {
        if (run === 0) waiting = t;
        run++;
      } else {
        run = 0;
        waiting = NaN;
      }
    }
  }
  return { cg, cr, xg, xr, waiting: Number.isNaN(waiting) ? null : new Date(waiting) };
}

describe('reciprocity from the kernel pass', () => {
  it('equals the direct sums, bit for bit', () => {
    fc.assert(
      fc.property(events, fc.integer({ min: 0, max: 400 }), fc.boolean(), (raw, day, decay) => {
        // Distinct days keep the order of the history unambiguous.
        const seen = new Set<number>();
        const list = [...raw].sort((p, q) => p.day - q.day).filter((e) => !seen.has(e.day) && seen.add(e.day));
        const g = new Graph({ multi: true });
        g.addNode('a');
        g.addNode('b');
        for (const e of list) {
          const [s, t] = e.fromA ? ['a', 'b'] : ['b', 'a'];
          g.addEdge(s, t, { interactions: [{ at: T0 + e.day * DAY, kind: e.kind, weight: e.weight }] });
        }
        const now = T0 + day * DAY;
        const halfLife = decay ? 45 * DAY : NaN;
        const options = decay ? { now, recencyHalfLife: { days: 45 } } : { now };
        const want = oracle(list, now, halfLife);
        const r = tieReciprocity(g, 'a', 'b', options);
        expect([r.initiative.given, r.initiative.received, r.exchange.given, r.exchange.received]).toEqual([
          want.cg,
          want.cr,
          want.xg,
          want.xr,
        ]);
        expect(r.waitingSince).toEqual(want.waiting);
        const p = personReciprocity(g, 'a', options);
        if (r.interactions > 0) expect(p.ties[0]!.exchange).toEqual(r.exchange);
        // The ledger's last balances are the undecayed lenses'.
        const undecayed = oracle(list, now, NaN);
        const last = r.ledger.at(-1);
        if (last !== undefined) {
          const { cg, cr, xg, xr } = undecayed;
          expect(last.initiativeBalance).toBe(cg + cr > 0 ? (cg - cr) / (cg + cr) : 0);
          expect(last.exchangeBalance).toBe(xg + xr > 0 ? (xg - xr) / (xg + xr) : 0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
