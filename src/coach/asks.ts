/**
 * The asks a person may make: {@link askReadiness} for every tie of one
 * person, read once (one index of the person's ties, not one per tie).
 *
 * @module
 */
import { readEgo } from '../kernel/read.js';
import { askOf, readBalanceOptions, type AskOptions, type AskReadiness, type AskVerdict } from './ask.js';

/** The answer of {@link personAskReadiness}: every tie's verdict, and who is in each. */
export interface PersonAskReadiness {
  person: string;
  /** Every tie's answer, in the order of the other's key. */
  ties: AskReadiness[];
  /** The keys of the people of each verdict. */
  ready: string[];
  giveFirst: string[];
  tooEarly: string[];
  text: string;
}

/**
 * Whom `person` may ask, whom to give first, and where it is too early:
 * {@link askReadiness} for each tie, equal to it one by one.
 *
 * @example
 * ```ts
 * // Maya's network of the guide, now = '2025-06-30T18:00:00Z'
 * personAskReadiness(graph, 'me', { now }).text;
 * // "Maya may ask Dana, Gabe, Jon, Priya; should give Tom something first; too early to ask Bea, Design Digest, …"
 * ```
 *
 * @see [Coaching a networker](../../docs/guides/coach.md), the guide.
 */
export function personAskReadiness(graph: unknown, person: unknown, options: AskOptions): PersonAskReadiness {
  const module = 'personAskReadiness';
  const ego = readEgo(graph, person, options, module);
  const balance = readBalanceOptions(options, ego.index, module);
  const ties = ego.ties.map((t) => askOf(ego, t.d, t.side, ego.person, t.other, t.a, balance));
  const of = (v: AskVerdict) => ties.filter((t) => t.verdict === v).map((t) => t.them);
  const [ready, giveFirst, tooEarly] = [of('ready'), of('give-first'), of('too-early')];
  const me = ego.label(ego.person);
  const list = (keys: string[]) => keys.map(ego.label).join(', ');
  const parts = [
    ready.length ? `may ask ${list(ready)}` : 'may ask nobody yet',
    giveFirst.length ? `should give ${list(giveFirst)} something first` : '',
    tooEarly.length ? `too early to ask ${list(tooEarly)}` : '',
  ].filter(Boolean);
  return { person: ego.person, ties, ready, giveFirst, tooEarly, text: `${me} ${parts.join('; ')}.` };
}
