import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests and examples import 'goodwill' as users do; this maps it to the sources.
const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

/** The machine's time zone, for the time-zone project below. */
const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

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
    testTimeout: 60_000,
    hookTimeout: 60_000,
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.test.json' },
    projects: [
      { extends: true, test: { name: 'goodwill', include: ['test/**/*.test.ts'] } },
      // The tests that could answer differently in another time zone, run a
      // second time in America/Los_Angeles (UTC−8, with daylight saving time),
      // or Pacific/Kiritimati (UTC+14) on a machine already in Los Angeles: a
      // date read or written in local time instead of UTC shifts there. They
      // are the tests of the code that turns text into instants and back —
      // times and durations (core/time) and the importers (calendar floating
      // times and TZIDs, e-mail Date headers, vCard and LinkedIn dates). No
      // other test can depend on the zone: the whole suite, run in both zones
      // with every local-time API of Date and Intl traced (scripts/tz-trace/),
      // found no goodwill code reading the local zone (only postal-mime's
      // `date`, which the e-mail importer does not use), and the docs' code
      // blocks set TZ=UTC themselves. See test/README.md.
      {
        extends: true,
        test: {
          name: 'time-zone',
          include: ['test/core/time.test.ts', 'test/import/*.test.ts'],
          env: { TZ: localZone === 'America/Los_Angeles' ? 'Pacific/Kiritimati' : 'America/Los_Angeles' },
          typecheck: { enabled: false },
        },
      },
    ],
  },
});
