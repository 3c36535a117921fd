/**
 * Preloaded into every run of the docs' code blocks (test/docs/code-blocks.test.ts):
 * the clock reads {@link PINNED} — `new Date()` and `Date.now()` — so that a
 * block that reads it gives the same output on every day. The guides pass
 * their `now` explicitly; this only keeps an accidental clock read from
 * making the tests depend on the day they run.
 */
export const PINNED = '2030-01-01T00:00:00.000Z';

const RealDate = Date;
const pinned = RealDate.parse(PINNED);

class PinnedDate extends RealDate {
  constructor(...args: unknown[]) {
    if (args.length === 0) super(pinned);
    else super(...(args as [string]));
  }
  static override now(): number {
    return pinned;
  }
  // A Date made before the clock was pinned (or by the runtime) is still a Date.
  static override [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof RealDate;
  }
}

// Printed as a Date (`console.log` names a subclass: `PinnedDate 2024-…`).
Object.defineProperty(PinnedDate, 'name', { value: 'Date' });
globalThis.Date = PinnedDate as DateConstructor;
