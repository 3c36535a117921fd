import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests and examples import 'goodwill' as users do; this maps it to the sources.
const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^goodwill\/fixtures$/, replacement: src('fixtures/index.ts') },
      { find: /^goodwill\/svg$/, replacement: src('svg/index.ts') },
      { find: /^goodwill\/import$/, replacement: src('import/index.ts') },
      { find: /^goodwill\/introductions$/, replacement: src('introductions/index.ts') },
      { find: /^goodwill\/calibrate$/, replacement: src('calibrate/index.ts') },
      { find: /^goodwill\/brokerage$/, replacement: src('brokerage/index.ts') },
      { find: /^goodwill\/explain$/, replacement: src('explain/index.ts') },
      { find: /^goodwill\/coach$/, replacement: src('coach/index.ts') },
      { find: /^goodwill\/columns$/, replacement: src('columns/index.ts') },
      { find: /^goodwill\/duckdb$/, replacement: src('duckdb/index.ts') },
      { find: /^goodwill$/, replacement: src('index.ts') },
      // The personal networks of ../shared/personal are read in place, outside this package: their
      // `graphology` is this project's (the same module the tests import).
      {
        find: /^graphology$/,
        replacement: fileURLToPath(new URL('./node_modules/graphology/dist/graphology.mjs', import.meta.url)),
      },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.test.json' },
  },
});
