import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', 'fixtures/index': 'src/fixtures/index.ts', 'svg/index': 'src/svg/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  splitting: true,
  treeshake: true,
  target: 'node20',
  external: ['graphology', 'graphology-metrics', 'date-fns'],
});
