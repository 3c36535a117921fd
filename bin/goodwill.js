#!/usr/bin/env node
// The `goodwill` command (see src/cli/main.ts); the build writes the program to dist/cli/.
import '../dist/cli/run.js';
