/**
 * graphology 0.26 pollutes the process when a multi directed graph has a node
 * keyed `__proto__` or `constructor` (it writes `previous` onto
 * `Object.prototype` or `Object`). Tests that build such graphs — goodwill must
 * work with those keys — clean up after themselves with this, so that other
 * tests in the same worker are not affected.
 */
import { afterEach } from 'vitest';

const targets: [object, Set<string | symbol>][] = [Object.prototype, Object, Function.prototype, Array.prototype].map(
  (t) => [t, new Set(Reflect.ownKeys(t))],
);

/** Deletes every property added to the built-in prototypes since this module loaded. */
export function removePrototypePollution(): string[] {
  const removed: string[] = [];
  for (const [target, original] of targets) {
    for (const key of Reflect.ownKeys(target)) {
      if (!original.has(key)) {
        // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- undoing a write by key is the point
        delete (target as Record<string | symbol, unknown>)[key];
        removed.push(String(key));
      }
    }
  }
  return removed;
}

/** Registers {@link removePrototypePollution} after each test of the file. */
export function cleanPrototypePollutionAfterEach(): void {
  afterEach(() => {
    removePrototypePollution();
  });
}
