/**
 * The long fuzz run: `npm run fuzz` (FUZZ_CASES=100000 npm run fuzz; FUZZ_SEED
 * to vary the seed, FUZZ_BUDGET_MS for the per-call time budget, default
 * 2000). Then the writers (FUZZ_WRITER_CASES, default FUZZ_CASES / 2) and the
 * importers (FUZZ_IMPORTER_CASES, default FUZZ_CASES / 50), each case within
 * a time and memory budget (FUZZ_BUDGET_MS, FUZZ_BUDGET_MB: 256). Prints the
 * counters, one line per call, and the first findings of each kind with their
 * case; exits non-zero on any finding.
 */
import fc from 'fast-check';
import { CALLS, describeCase, fuzzCase, newCounters, runCase, type CallName, type Finding } from './harness.js';
import { describeImporterCase, importerCase, newImporterCounters, runImporterCase } from './importers.js';
import { describeWriterCase, newWriterCounters, runWriterCase, writerCase } from './writers.js';

const total = Number(process.env['FUZZ_CASES'] ?? 10_000);
const seed = Number(process.env['FUZZ_SEED'] ?? 1);
const budgetMs = Number(process.env['FUZZ_BUDGET_MS'] ?? 2000);
const BATCH = 1000;

const counters = newCounters();
const perCall = new Map<CallName, { cases: number; results: number; errors: number }>(
  CALLS.map((c) => [c, { cases: 0, results: 0, errors: 0 }]),
);
const findings: Finding[] = [];
const started = Date.now();
let lastReport = started;
for (let done = 0, batch = 0; done < total; batch++) {
  const cases = fc.sample(fuzzCase, { seed: seed * 1_000_003 + batch, numRuns: Math.min(BATCH, total - done) });
  for (const c of cases) {
    const before = { results: counters.results, errors: counters.goodwillErrors + counters.userErrors };
    for (const f of runCase(c, counters, budgetMs))
      if (findings.filter((g) => g.counter === f.counter && g.call === f.call).length < 3) findings.push(f);
    const row = perCall.get(c.call)!;
    row.cases++;
    row.results += counters.results - before.results;
    row.errors += counters.goodwillErrors + counters.userErrors - before.errors;
  }
  done += cases.length;
  if (Date.now() - lastReport > 30_000) {
    lastReport = Date.now();
    console.log(`${done} cases, ${Math.round((Date.now() - started) / 1000)} s: ${JSON.stringify(counters)}`);
  }
}
console.log('\ncall'.padEnd(28), 'cases', 'results', 'typed errors');
for (const [call, row] of perCall)
  console.log(
    call.padEnd(27),
    String(row.cases).padStart(5),
    String(row.results).padStart(7),
    String(row.errors).padStart(12),
  );
for (const f of findings) console.log(`\n${f.counter} in ${f.call}: ${f.detail}\n  case: ${describeCase(f.case)}`);
console.log(`\nfuzz: ${counters.cases} cases (seed ${seed}) in ${Math.round((Date.now() - started) / 1000)} s`);
console.log(JSON.stringify(counters, null, 2));

/** Runs `n` cases of `arbitrary` in batches; prints the first findings of each kind; returns the counters. */
async function runMore<C, K extends object>(
  name: string,
  n: number,
  arbitrary: fc.Arbitrary<C>,
  counters: K,
  run: (c: C) => Promise<{ counter: string; detail: string }[]> | { counter: string; detail: string }[],
  describe: (c: C) => string,
): Promise<K> {
  const shown = new Map<string, number>();
  const start = Date.now();
  for (let done = 0, batch = 0; done < n; batch++) {
    const cases = fc.sample(arbitrary, { seed: seed * 7_000_003 + batch, numRuns: Math.min(BATCH, n - done) });
    for (const c of cases)
      for (const f of await run(c)) {
        const count = shown.get(f.counter) ?? 0;
        shown.set(f.counter, count + 1);
        if (count < 3) console.log(`\n${f.counter} in ${name}: ${f.detail}\n  case: ${describe(c)}`);
      }
    done += cases.length;
  }
  console.log(`\n${name}: ${n} cases in ${Math.round((Date.now() - start) / 1000)} s`, JSON.stringify(counters));
  return counters;
}

const budgetMb = Number(process.env['FUZZ_BUDGET_MB'] ?? 256);
const writers = newWriterCounters();
await runMore(
  'writers',
  Number(process.env['FUZZ_WRITER_CASES'] ?? Math.ceil(total / 2)),
  writerCase,
  writers,
  (c) => runWriterCase(c, writers, budgetMs, budgetMb),
  describeWriterCase,
);
const importers = newImporterCounters();
await runMore(
  'importers',
  Number(process.env['FUZZ_IMPORTER_CASES'] ?? Math.ceil(total / 50)),
  importerCase,
  importers,
  (c) => runImporterCase(c, importers, Math.max(budgetMs, 5000), budgetMb * 2),
  describeImporterCase,
);
const bad =
  counters.throws +
  counters.nonFinite +
  counters.order +
  counters.hangs +
  writers.throws +
  writers.corrupted +
  writers.mismatch +
  writers.overBudget +
  importers.throws +
  importers.badProblem +
  importers.badAliases +
  importers.overBudget;
console.log(bad === 0 ? 'no findings' : `${bad} findings`);
process.exit(bad === 0 ? 0 : 1);
