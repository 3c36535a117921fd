/**
 * The folders show the layers — the model and its index (core), the
 * relationship kernel, the analyses, the reports, the picture — and nothing
 * reaches back up: a module imports only from its own layer or the ones below.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');
/**
 * Layer rank of each top folder of src/; fixtures stand apart (they may use the
 * model only). The subpath entries that only re-export (introductions,
 * calibrate, brokerage, explain) sit above every layer.
 */
const RANK: Record<string, number> = {
  core: 0,
  kernel: 1,
  analyses: 2,
  reports: 3,
  svg: 3,
  fixtures: 1,
  introductions: 4,
  calibrate: 4,
  brokerage: 4,
  explain: 4,
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const layerOf = (path: string): string => relative(src, path).split('/')[0]!;

describe('layout by layer', () => {
  const modules = files(src).filter((f) => layerOf(f) in RANK);

  it('finds the layers', () => {
    expect(new Set(modules.map(layerOf))).toEqual(new Set(Object.keys(RANK)));
  });

  it.each(modules.map((f) => [relative(src, f), f]))('%s imports nothing from a layer above it', (_name, file) => {
    const from = layerOf(file);
    const text = readFileSync(file, 'utf8');
    const upward: string[] = [];
    for (const m of text.matchAll(/from '(\.[^']+)'/g)) {
      const target = layerOf(resolve(dirname(file), m[1]!));
      if (!(target in RANK)) continue;
      const allowed =
        from === 'fixtures'
          ? target === 'core' || target === 'fixtures'
          : target === 'fixtures'
            ? false
            : RANK[target]! <= RANK[from]! && !(from !== target && RANK[target] === RANK[from]);
      if (!allowed) upward.push(`${m[1]} (${target})`);
    }
    expect(upward).toEqual([]);
  });
});
