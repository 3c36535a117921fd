/**
 * The reduced fuzz run inside `npm test` (see harness.ts; `npm run fuzz` for
 * the long run): a few hundred random cases through every export, each in two
 * insertion orders, with no finding allowed. fast-check shrinks a failing
 * case to a small one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALLS, describeCase, fuzzCase, newCounters, nonFinitePaths, runCase, serialise } from './harness.js';

describe('fuzz (reduced run)', () => {
  it('every export: no non-GoodwillError throw, no NaN/Infinity/Invalid Date, no insertion-order difference, no hang', () => {
    const counters = newCounters();
    fc.assert(
      fc.property(fuzzCase, (c) => {
        const findings = runCase(c, counters);
        if (findings.length > 0)
          throw new Error(
            `${findings.map((f) => `${f.counter} in ${f.call}: ${f.detail}`).join('\n')}\ncase: ${describeCase(c)}`,
          );
      }),
      { numRuns: Number(process.env['FUZZ_TEST_CASES'] ?? 400), seed: Number(process.env['FUZZ_SEED'] ?? 20240630) },
    );
    // The run reached the exports: most cases built a graph, and calls both returned and threw typed errors.
    expect(counters.cases).toBeGreaterThan(0);
    expect(counters.unbuildable).toBeLessThan(counters.cases / 4);
    expect(counters.results).toBeGreaterThan(counters.cases / 4);
    expect(counters.goodwillErrors).toBeGreaterThan(0);
    expect(CALLS.length).toBeGreaterThan(30);
  });

  it('the detectors detect: a NaN, an Infinity and an Invalid Date deep in a result; Maps and Dates serialised stably', () => {
    expect(
      nonFinitePaths({ a: [1, { b: NaN }], m: new Map([['k', { d: new Date(NaN) }]]), x: -Infinity, ok: new Date(0) }),
    ).toEqual(['$.a.1.b = NaN', '$.m["k"].d = Invalid Date', '$.x = -Infinity']);
    expect(nonFinitePaths({ a: 1, d: new Date(0), s: 'NaN' })).toEqual([]);
    expect(JSON.stringify(serialise({ m: new Map([['a', new Date(0)]]), n: NaN, u: undefined }))).toBe(
      '{"m":["#Map",["a","1970-01-01T00:00:00.000Z"]],"n":"#NaN","u":"#undefined"}',
    );
  });
});
