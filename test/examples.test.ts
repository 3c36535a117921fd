import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The examples are documentation: each runs here so that the docs cannot rot.
// Each example checks its own output with node:assert and exits non-zero if it is wrong.
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const files = readdirSync(join(root, 'examples'))
  .filter((f) => f.endsWith('.ts') && f !== 'demo.ts')
  .sort();

describe('examples/', () => {
  it.each(files)('%s runs and passes its own checks', (file) => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', join('examples', file)], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, GOODWILL_EXAMPLE_QUIET: '1' },
    });
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.status).toBe(0);
  });
});
