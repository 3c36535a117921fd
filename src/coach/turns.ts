/**
 * Turns in a conversation: who answered whom and how fast, and who is
 * waiting now — read from a dyad's events with the kernel's own rule (see
 * `kernel/assess.ts`): an initiative is answered when the other side takes
 * part within the answer window (30 days, or the usual gap if longer); a
 * joint interaction (a call, a meeting) answers whatever waited, and waits
 * for nothing. The run still waiting at `now` within its window is the
 * kernel's `pending` count, so that the coach and the kernel agree.
 *
 * @module
 * @internal
 */
import { eventsEnd, type InteractionIndex } from '../core/interaction-index.js';
import { answerWindowMs, type Assessment } from '../kernel/assess.js';
import type { ResolvedModel } from '../kernel/options.js';

/** One dyad's turns: answer delays (ms) by the side that answered, and the run waiting at now. */
export interface Turns {
  /** Delays of side 0's answers to side 1 (from side 1's oldest answered initiative), and of side 1's. */
  delays: [number[], number[]];
  /** The side whose initiatives wait for an answer (−1: none). */
  waitSide: number;
  /** First and last event of the waiting run (indices into the index's columns). */
  waitStart: number;
  waitEnd: number;
  /** The first event of the run still within the answer window at now (waitEnd + 1 when all have lapsed). */
  waitOpen: number;
  /** The answer window used (ms). */
  window: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** The median of `delays`, or `null` without any. */
export const medianOrNull = (delays: number[]): number | null => (delays.length ? median(delays) : null);

/**
 * Walks dyad `d`'s events at or before `now` (its assessment `s` gives the
 * usual gap, hence the answer window).
 */
export function turnsOf(index: InteractionIndex, d: number, now: number, model: ResolvedModel, s: Assessment): Turns {
  const { time, dir, kind, kindJoint } = index;
  const window = answerWindowMs(s.usualGap, model);
  const start = index.eventOffset[d]!;
  const end = eventsEnd(index, d, now);
  const delays: [number[], number[]] = [[], []];
  let waitSide = -1;
  let waitStart = -1;
  for (let e = start; e < end; e++) {
    const side = dir[e]!;
    const t = time[e]!;
    const joint = kindJoint[kind[e]!] === 1;
    if (waitSide >= 0 && (joint || side !== waitSide)) {
      let j = waitStart;
      while (j < e && time[j]! < t - window) j++;
      // The answering side is the one that is not waiting (a joint event set up by the waiting side is answered by both).
      if (j < e) delays[1 - waitSide]!.push(t - time[j]!);
      waitSide = -1;
    }
    if (!joint && waitSide < 0) {
      waitSide = side;
      waitStart = e;
    }
  }
  let waitOpen = end;
  if (waitSide >= 0) {
    waitOpen = waitStart;
    while (waitOpen < end && time[waitOpen]! < now - window) waitOpen++;
  }
  return { delays, waitSide, waitStart, waitEnd: end - 1, waitOpen, window };
}
