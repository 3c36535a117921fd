/**
 * The error for a bad positional argument of a search or an update (the
 * source, the target, the pairs): `core/args` words options ("the option
 * \`k\` …"); these are not options, so they are named as they are.
 *
 * @module
 * @internal
 */
import { describeValue, InvalidOptionError } from '../core/errors.js';

/**
 * "`where`: the `field` `rule`; got `value`.", with `location.field` naming
 * the argument.
 *
 * @example
 * ```ts
 * argumentError('IntroductionFinder.find', 'target', 'must be a node key', 42).message;
 * // 'IntroductionFinder.find: the target must be a node key; got 42.'
 * ```
 */
export function argumentError(where: string, field: string, rule: string, value: unknown): InvalidOptionError {
  return new InvalidOptionError(`${where}: the ${field} ${rule}; got ${describeValue(value)}.`, { field });
}
