import { defineConfig, type Options } from 'tsup';

const entry = {
  index: 'src/index.ts',
  'fixtures/index': 'src/fixtures/index.ts',
  'svg/index': 'src/svg/index.ts',
  'import/index': 'src/import/index.ts',
  'introductions/index': 'src/introductions/index.ts',
  'calibrate/index': 'src/calibrate/index.ts',
  'brokerage/index': 'src/brokerage/index.ts',
  'explain/index': 'src/explain/index.ts',
  'coach/index': 'src/coach/index.ts',
  'columns/index': 'src/columns/index.ts',
  'duckdb/index': 'src/duckdb/index.ts',
};
const shared: Options = {
  target: 'node20',
  sourcemap: false,
  clean: false,
  external: ['graphology', 'date-fns', 'ical.js', 'postal-mime', 'papaparse', '@duckdb/node-api'],
};

// `npm run build` empties dist/ first (the configs run concurrently, so none cleans).
// No source maps: the ESM files are the sources transpiled, one for one, and
// maps would point at src/, which is not shipped.
export default defineConfig([
  // ESM, one file per source module: an app's bundler then drops every module
  // whose exports it does not use (package.json `sideEffects: false`), and with
  // them their imports, such as the importers' CommonJS parsers, which a
  // bundler must otherwise keep (CommonJS files are not known to be free of
  // side effects).
  { ...shared, entry: ['src/**/*.ts'], format: ['esm'], bundle: false, dts: false },
  // CommonJS: one bundle per entry.
  { ...shared, entry, format: ['cjs'], dts: false },
  // Type declarations for both, bundled per entry.
  { ...shared, entry, format: ['esm', 'cjs'], dts: { only: true } },
]);
