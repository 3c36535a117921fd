/** Appends what was recorded under `name` to the trace file, and starts over. */
export function flush(name: string): void;
