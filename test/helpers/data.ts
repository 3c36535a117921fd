/**
 * Reads the shared real data of `../shared` in place (never copied into the
 * project): the data sets of `../shared/data` and the personal networks of
 * `../shared/personal`. Suites that need them use `describeShared` (or
 * `describeData`): when a file is absent they skip locally, with a warning
 * naming it, and fail in CI (`CI` set), with a test that names the path.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));

/** Absolute path of `../shared/data` next to the repository (`GOODWILL_SHARED_DATA` moves it). */
export const SHARED_DATA = process.env['GOODWILL_SHARED_DATA'] ?? resolve(here, '../../../shared/data');

/** Absolute path of `../shared`: the folder that holds `data/` (and `personal/`). */
export const SHARED = dirname(SHARED_DATA);

/** Reads a data file as text, gunzipping `.gz` files. */
export function readDataFile(relativePath: string): string {
  const path = join(SHARED_DATA, relativePath);
  if (!existsSync(path)) throw new Error(`[goodwill tests] ${path} is absent: the shared data sets lack it.`);
  const buffer = readFileSync(path);
  return (relativePath.endsWith('.gz') ? gunzipSync(buffer) : buffer).toString('utf8');
}

/**
 * `describe(name, fn)` when every path of `paths` (absolute, under `../shared`)
 * exists. Else, in CI, a suite whose one test fails naming the missing paths;
 * locally, one skipped test naming them (and a warning), `fn` not run.
 */
export function describeShared(paths: readonly string[], name: string, fn: () => void): void {
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length === 0) {
    describe(name, fn);
    return;
  }
  const absent = `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} absent`;
  if (process.env['CI']) {
    describe(name, () => {
      it(`needs ${missing.join(', ')}`, () => {
        throw new Error(`[goodwill tests] ${absent}: CI runs the tests on the shared real data (../shared).`);
      });
    });
    return;
  }
  // The suite's body is not run: it may read the files at collection time.
  console.warn(`[goodwill tests] ${absent}: "${name}" is skipped.`);
  describe(name, () => it.skip(`needs ${missing.join(', ')} (skipped: ${absent})`, () => {}));
}

/** `describeShared` on `../shared/data` (its README marks it present); the suite reads files with `readDataFile`. */
export function describeData(name: string, fn: () => void): void {
  describeShared([join(SHARED_DATA, 'README.md')], name, fn);
}
