/**
 * What the writers' and importers' fuzz cases share: findings counted by
 * kind, a time and memory budget per case, and how an untyped error is shown.
 */

/** A finding of a case: its counter and what was seen. */
export interface Finding<K extends string> {
  counter: K;
  detail: string;
}

/** A case's findings, each also counted in `counters[counter]`. */
export class Findings<K extends string> {
  readonly list: Finding<K>[] = [];

  constructor(private readonly counters: Record<K, number>) {}

  find(counter: K, detail: string): void {
    this.counters[counter]++;
    this.list.push({ counter, detail });
  }
}

/** Starts measuring a case; the function returned says whether it went over `ms` or `mb` of heap, and by how much. */
export function budget(ms: number, mb: number): () => string | null {
  const heap = process.memoryUsage().heapUsed;
  const started = performance.now();
  return () => {
    const took = performance.now() - started;
    const grew = (process.memoryUsage().heapUsed - heap) / 1_048_576;
    return took > ms || grew > mb ? `${Math.round(took)} ms, ${Math.round(grew)} MB` : null;
  };
}

/** An error that is not a GoodwillError, as a line: its first frames. */
export function untyped(error: unknown): string {
  return String((error as Error)?.stack ?? error)
    .split('\n')
    .slice(0, 4)
    .join(' | ');
}
