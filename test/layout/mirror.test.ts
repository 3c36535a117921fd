/**
 * test/ mirrors src/ (see test/README.md): each folder of test/ is a folder
 * of src/ (each folder of test/analyses/ one of src/analyses/), or one of the
 * suites that cut across the sources.
 */
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CROSS_CUTTING = [
  'browser',
  'docs',
  'fuzz',
  'helpers',
  'layout',
  'model',
  'oracles',
  'package',
  'personal',
  'regressions',
  'types',
];

const folders = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);

describe('test/ mirrors src/', () => {
  it('has a folder for a folder of src/ or a cross-cutting suite, nothing else', () => {
    const src = new Set(folders('src'));
    expect(folders('test').filter((f) => !src.has(f) && !CROSS_CUTTING.includes(f))).toEqual([]);
  });

  it('has in test/analyses/ only folders of src/analyses/, and no test file outside them', () => {
    const analyses = new Set(folders('src/analyses'));
    expect(folders('test/analyses').filter((f) => !analyses.has(f))).toEqual([]);
    expect(readdirSync(join(root, 'test/analyses')).filter((f) => f.endsWith('.ts'))).toEqual([]);
  });

  it('names no cross-cutting suite after a folder of src/', () => {
    expect(CROSS_CUTTING.filter((f) => folders('src').includes(f))).toEqual([]);
  });
});
