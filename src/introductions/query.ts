/**
 * A search's options read and checked: how many paths, the hop limit and
 * the hop penalty.
 *
 * @module
 * @internal
 */
import { readInteger, readNumber, readOptionsObject } from '../core/args.js';
import { optionError } from '../core/errors.js';
import { UNLIMITED } from './path.js';
import type { FindOptions } from './types.js';

/** The checked numbers of a search; `maxHops` is {@link UNLIMITED} for no limit. */
export interface SearchLimits {
  k: number;
  maxHops: number;
  hopPenalty: number;
}

/** Reads `k` (default 3), `maxHops` (default 3) and `hopPenalty` (default 0), refusing bad values. */
export function searchLimits(findOptions: FindOptions, where: string): SearchLimits {
  readOptionsObject(where, findOptions, '{ k: 3, maxHops: 3 }');
  const k = readInteger(where, 'k', findOptions.k ?? 3, 1);
  const maxHops = findOptions.maxHops ?? 3;
  if (!(maxHops === Infinity || (Number.isInteger(maxHops) && maxHops >= 1)))
    throw optionError(where, 'maxHops', 'must be an integer >= 1, or Infinity for no limit', maxHops);
  const hopPenalty = readNumber(where, 'hopPenalty', findOptions.hopPenalty ?? 0, 0, Infinity);
  return { k, maxHops: maxHops >= UNLIMITED ? UNLIMITED : maxHops, hopPenalty };
}
