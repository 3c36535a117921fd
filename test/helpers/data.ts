/**
 * Reads the real data sets of `../shared/data` in place (never copied into the
 * project). Tests that need them use `describeData`, which skips with a clear
 * message when the folder is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));

/** Absolute path of `../shared/data` next to the repository. */
export const SHARED_DATA = process.env['GOODWILL_SHARED_DATA'] ?? resolve(here, '../../../shared/data');

/** Whether the shared data sets are present. */
export const hasSharedData = existsSync(join(SHARED_DATA, 'README.md'));

/** Reads a data file as text, gunzipping `.gz` files. */
export function readDataFile(relativePath: string): string {
  const path = join(SHARED_DATA, relativePath);
  const buffer = readFileSync(path);
  return (relativePath.endsWith('.gz') ? gunzipSync(buffer) : buffer).toString('utf8');
}

let warned = false;
/** `describe` when `../shared/data` is present, else a skipped suite with a message saying why. */
export function describeData(name: string, fn: () => void): void {
  if (hasSharedData) {
    describe(name, fn);
    return;
  }
  // In CI the shared data must be there: a missing folder fails the run instead of skipping its tests.
  if (process.env['CI']) throw new Error(`[goodwill tests] ${SHARED_DATA} is absent: CI needs ../shared/data.`);
  if (!warned) {
    warned = true;
    console.warn(`[goodwill tests] ${SHARED_DATA} is absent: the tests on real data sets are skipped.`);
  }
  describe.skip(`${name} (skipped: ../shared/data is absent)`, fn);
}
