/** Traces each test file's local-time reads (see ./README.md): a setup file of ./vitest.config.ts. */
import { afterAll, expect } from 'vitest';
import { flush } from './trace.mjs';

afterAll(() => flush(expect.getState().testPath ?? 'unknown'));
