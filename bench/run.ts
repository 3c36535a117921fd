/**
 * `npm run bench [-- name ...]`: runs every `bench/*.bench.ts` (or those whose
 * file name contains one of the names given), each printing its own ratios.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

console.log(`# goodwill benchmarks (node ${process.version}, ${new Date().toISOString().slice(0, 10)})`);
for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: () => Promise<void> | void };
  console.log(`\n# ${file}`);
  await mod.default();
}
