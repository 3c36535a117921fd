/**
 * The test suite with every read of the machine's time zone traced (see
 * ./README.md): `TZ_TRACE_OUT=/tmp/tz.jsonl TZ=Pacific/Kiritimati npx vitest
 * run --config scripts/tz-trace/vitest.config.ts --project goodwill`.
 */
import { fileURLToPath } from 'node:url';
import { mergeConfig } from 'vitest/config';
import base from '../../vitest.config.js';

export default mergeConfig(base, {
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    setupFiles: [fileURLToPath(new URL('./setup.ts', import.meta.url))],
    // The processes the tests start (examples, the command line, the time tests' own zones) are traced too.
    env: { NODE_OPTIONS: `--import ${fileURLToPath(new URL('./trace.mjs', import.meta.url))}` },
    typecheck: { enabled: false },
  },
});
