// ESLint: typescript-eslint's strict rules over the sources, tests, benchmarks,
// examples and scripts. Prettier owns the formatting (`prettier --check` in
// `npm run lint`), so no stylistic rules here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'docs/api/', 'coverage/', 'node_modules/', '.bench-out/', '.prof/', '.docs-run/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      // With `noUncheckedIndexedAccess`, every typed-array and CSR read in the
      // hot loops is `T | undefined`; the loops keep indices in range by
      // construction, and `x[i]!` costs nothing where a check would.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
