/**
 * The reduced fuzz run of the writers and importers inside `npm test`
 * (issue 24; writers.ts and importers.ts; `npm run fuzz` for the long run):
 * a few hundred writer cases and a few dozen importer cases, no finding
 * allowed (the time budgets are generous here: npm test runs files side by
 * side; `npm run fuzz` holds the tight ones). fast-check shrinks a failing
 * case to a small one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeImporterCase, importerCase, newImporterCounters, runImporterCase } from './importers.js';
import { describeWriterCase, newWriterCounters, runWriterCase, writerCase } from './writers.js';

const seed = Number(process.env['FUZZ_SEED'] ?? 20240630);

describe('fuzz of the writers and importers (reduced run)', () => {
  it('writers: typed errors only, the graph export-identical after a failure, equal to the aliases-first path', () => {
    const counters = newWriterCounters();
    fc.assert(
      fc.property(writerCase, (c) => {
        const findings = runWriterCase(c, counters, 10_000);
        if (findings.length > 0)
          throw new Error(
            `${findings.map((f) => `${f.counter}: ${f.detail}`).join('\n')}\ncase: ${describeWriterCase(c)}`,
          );
      }),
      { numRuns: Number(process.env['FUZZ_WRITER_TEST_CASES'] ?? 300), seed },
    );
    // The run reached both outcomes and compared the two paths.
    expect(counters.results).toBeGreaterThan(counters.cases / 5);
    expect(counters.goodwillErrors).toBeGreaterThan(counters.cases / 20);
    expect(counters.comparisons).toBeGreaterThan(counters.cases / 5);
  });

  it('importers: typed errors only, problems with their lines, aliases without chains, within budget', async () => {
    const counters = newImporterCounters();
    await fc.assert(
      fc.asyncProperty(importerCase, async (c) => {
        const findings = await runImporterCase(c, counters, 20_000);
        if (findings.length > 0)
          throw new Error(
            `${findings.map((f) => `${f.counter}: ${f.detail}`).join('\n')}\ncase: ${describeImporterCase(c)}`,
          );
      }),
      { numRuns: Number(process.env['FUZZ_IMPORTER_TEST_CASES'] ?? 40), seed },
    );
    expect(counters.results).toBeGreaterThan(counters.cases / 2);
    expect(counters.problems).toBeGreaterThan(0);
  });
});
