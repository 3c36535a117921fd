/**
 * Batches in flight: at most `parallel` scored at once (one: in turn, on the
 * main thread), each written as it completes; on failure, no new batch starts
 * and the error reported is that of the first failing batch in input order —
 * the one a serial run reports.
 *
 * @module
 * @internal
 */
import type { PairScore } from '../columns/score.js';
import type { RowBatch } from './stream.js';

export class BatchRunner {
  private readonly inflight = new Set<Promise<void>>();
  private readonly failures: { index: number; error: unknown }[] = [];
  private index = 0;

  constructor(
    private readonly score: (batch: RowBatch) => Promise<PairScore[]>,
    private readonly parallel: number,
    private readonly done: (batch: RowBatch, scores: PairScore[]) => void,
  ) {}

  /** Starts scoring `batch` once fewer than `parallel` are in flight. */
  async add(batch: RowBatch): Promise<void> {
    while (this.inflight.size >= this.parallel) await Promise.race(this.inflight);
    if (this.failures.length > 0) return;
    const index = this.index++;
    const job: Promise<void> = this.score(batch)
      .then(
        (scores) => this.done(batch, scores),
        (error: unknown) => void this.failures.push({ index, error }),
      )
      .finally(() => this.inflight.delete(job));
    this.inflight.add(job);
  }

  /** Waits for every batch; throws the first failing batch's error. */
  async finish(): Promise<void> {
    await Promise.all(this.inflight);
    if (this.failures.length > 0) throw this.failures.sort((x, y) => x.index - y.index)[0]!.error;
  }
}
