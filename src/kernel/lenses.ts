/**
 * Reciprocity's two lenses over a relationship's events, from each side
 * (Gouldner 1960): *initiative* — contact started by each side — and
 * *exchange* — each side's credit, its gives and the other's asks of it (an
 * ask is a claim on the one asked, Grant 2013) — with the current run of
 * gives that went unreturned. The one home of these rules: the kernel's pass
 * reads it for every assessment, and reciprocity alone reads it without the
 * rest of the pass.
 *
 * @module
 * @internal
 */
import type { InteractionIndex } from '../core/interaction-index.js';
import { ROLE_CONTACT, ROLE_GIVE } from '../core/kinds.js';

/** The lenses of a tie, sides 0 (the dyad's A) and 1; the fields of an assessment that hold them. */
export interface Lenses {
  /** Interactions counted (set by the caller). */
  n: number;
  /** Contact started by each side: value (decayed if asked) and count. */
  contact0: number;
  contact1: number;
  contactN0: number;
  contactN1: number;
  /** Each side's exchange credit: its gives and the other's asks, value and count. */
  credit0: number;
  credit1: number;
  creditN0: number;
  creditN1: number;
  /** The side of the current run of gives without a give back (−1: none), its length and its first give (ms). */
  giveRunSide: number;
  giveRun: number;
  giveRunStart: number;
}

/** Empty lenses. */
export function newLenses(): Lenses {
  return {
    n: 0,
    contact0: 0,
    contact1: 0,
    contactN0: 0,
    contactN1: 0,
    credit0: 0,
    credit1: 0,
    creditN0: 0,
    creditN1: 0,
    giveRunSide: -1,
    giveRun: 0,
    giveRunStart: NaN,
  };
}

/**
 * Sums dyad `d`'s events before `end` into `s`: values × 2^(−age / halfLife)
 * when `halfLife` (ms) is a number, undecayed for NaN. `ledger`, when given,
 * receives the four running sums (contact0, contact1, credit0, credit1) after
 * each event.
 */
export function sumLenses(
  index: InteractionIndex,
  d: number,
  end: number,
  now: number,
  halfLife: number,
  s: Lenses,
  ledger?: number[] | null,
): void {
  const { time, dir, kind, weight, kindValue, kindRole } = index;
  const start = index.eventOffset[d]!;
  const decay = halfLife === halfLife;
  let c0 = 0,
    c1 = 0,
    x0 = 0,
    x1 = 0,
    cn0 = 0,
    cn1 = 0,
    xn0 = 0,
    xn1 = 0;
  let runSide = -1,
    run = 0,
    runStart = NaN;
  for (let e = start; e < end; e++) {
    const side = dir[e]!;
    const k = kind[e]!;
    const r = kindRole[k]!;
    const t = time[e]!;
    const value = weight === null ? kindValue[k]! : kindValue[k]! * weight[e]!;
    const v = decay ? value * Math.pow(2, (t - now) / halfLife) : value;
    if (r === ROLE_CONTACT) {
      if (side === 0) {
        c0 += v;
        cn0++;
      } else {
        c1 += v;
        cn1++;
      }
    } else if ((r === ROLE_GIVE) === (side === 0)) {
      x0 += v;
      xn0++;
    } else {
      x1 += v;
      xn1++;
    }
    if (r === ROLE_GIVE) {
      if (runSide === side) run++;
      else {
        runSide = side;
        run = 1;
        runStart = t;
      }
    }
    ledger?.push(c0, c1, x0, x1);
  }
  s.contact0 = c0;
  s.contact1 = c1;
  s.contactN0 = cn0;
  s.contactN1 = cn1;
  s.credit0 = x0;
  s.credit1 = x1;
  s.creditN0 = xn0;
  s.creditN1 = xn1;
  s.giveRunSide = runSide;
  s.giveRun = run;
  s.giveRunStart = runStart;
}
