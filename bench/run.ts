/**
 * `npm run bench [-- name ...]`: runs every `bench/*.bench.ts` (or those whose
 * file name contains one of the names given), each printing its own ratios.
 *
 * Each bench runs in its own Node process (with `--expose-gc`, for the settled
 * samples of `harness.ts`), so that its numbers do not depend on what ran
 * before it: a bare loop timed in a process whose heap still holds the
 * 100,000-person network of the introductions bench ran twice as slow.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);

if (args[0] === '--one') {
  // Child: run one bench file.
  const mod = (await import(pathToFileURL(join(here, args[1]!)).href)) as { default: () => Promise<void> | void };
  await mod.default();
} else {
  const files = readdirSync(here)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => args.length === 0 || args.some((x) => f.includes(x)))
    .sort();
  console.log(
    `# goodwill benchmarks (node ${process.version}, ${new Date().toISOString().slice(0, 10)}; one process per bench)`,
  );
  let failed = false;
  for (const file of files) {
    console.log(`\n# ${file}`);
    const child = spawnSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--one', file],
      { stdio: 'inherit' },
    );
    if (child.status !== 0) {
      console.error(`${file} failed (exit ${child.status ?? child.signal})`);
      failed = true;
    }
  }
  if (failed) process.exitCode = 1;
}
