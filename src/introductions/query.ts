/**
 * A search's options read and checked: how many paths, the hop limit and
 * the hop penalty.
 *
 * @module
 * @internal
 */
import { InvalidOptionError, describeValue } from '../core/errors.js';
import { UNLIMITED } from './bounded.js';
import type { FindOptions } from './types.js';

/** The checked numbers of a search; `maxHops` is {@link UNLIMITED} for no limit. */
export interface SearchLimits {
  k: number;
  maxHops: number;
  hopPenalty: number;
}

/** Reads `k` (default 3), `maxHops` (default 3) and `hopPenalty` (default 0), refusing bad values. */
export function searchLimits(findOptions: FindOptions, where: string): SearchLimits {
  if (findOptions === null || typeof findOptions !== 'object') {
    throw new InvalidOptionError(`${where}: options must be an object; got ${describeValue(findOptions)}.`, {
      field: 'options',
    });
  }
  const k = findOptions.k ?? 3;
  const maxHopsOption = findOptions.maxHops ?? 3;
  const hopPenalty = findOptions.hopPenalty ?? 0;
  if (!Number.isInteger(k) || k < 1)
    throw new InvalidOptionError(`${where}: the option \`k\` must be an integer >= 1; got ${describeValue(k)}.`, {
      field: 'k',
    });
  if (!(maxHopsOption === Infinity || (Number.isInteger(maxHopsOption) && maxHopsOption >= 1))) {
    throw new InvalidOptionError(
      `${where}: the option \`maxHops\` must be an integer >= 1, or Infinity for no limit; got ${describeValue(maxHopsOption)}.`,
      { field: 'maxHops' },
    );
  }
  const maxHops = maxHopsOption >= UNLIMITED ? UNLIMITED : maxHopsOption;
  if (typeof hopPenalty !== 'number' || !Number.isFinite(hopPenalty) || hopPenalty < 0)
    throw new InvalidOptionError(
      `${where}: the option \`hopPenalty\` must be a finite number >= 0; got ${describeValue(hopPenalty)}.`,
      { field: 'hopPenalty' },
    );
  return { k, maxHops, hopPenalty };
}
