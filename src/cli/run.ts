/// <reference types="node" />
/**
 * The `goodwill` bin's program: {@link main} on the process's arguments and streams.
 *
 * @module
 * @internal
 */
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2), process);
