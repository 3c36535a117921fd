/// <reference types="node" />
/**
 * Batches scored on worker threads: each worker holds the model options and
 * the person-level counts (sent once), and scores whole-pair batches, so that
 * every answer is the serial one, in any order of completion.
 *
 * @module
 * @internal
 */
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PairScore, ScorePairsOptions } from '../columns/score.js';
import type { InteractionColumns } from '../columns/types.js';
import { typedError } from './stream.js';

/** Starts one worker: the built `worker.js` beside this file; from the sources (tests), `worker.ts` through tsx. */
function startWorker(workerData: unknown): Worker {
  // The CommonJS bundle has __filename (and an empty import.meta, which its build warns of); ESM has import.meta.url.
  const here = typeof __filename === 'string' ? pathToFileURL(__filename).href : import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./worker.js', here), { workerData });
  const source = new URL('./worker.ts', here).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(
    `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(source)}); });`,
    { eval: true, workerData },
  );
}

/** A pool of `size` worker threads scoring batches. */
export class ScorePool {
  private readonly workers: Worker[];
  private readonly idle: Worker[];
  private readonly waiting: (() => void)[] = [];
  private readonly pending = new Map<number, { resolve: (s: PairScore[]) => void; reject: (e: unknown) => void }>();
  private next = 0;

  constructor(size: number, options: Omit<ScorePairsOptions, 'activeTies'>, active: Readonly<Record<string, number>>) {
    this.workers = Array.from({ length: size }, () => startWorker({ options, active }));
    this.idle = [...this.workers];
    for (const worker of this.workers) {
      worker.on(
        'message',
        (m: { id: number; scores?: PairScore[]; error?: { name: string; message: string; location?: object } }) => {
          const job = this.pending.get(m.id)!;
          this.pending.delete(m.id);
          this.release(worker);
          if (m.error === undefined) job.resolve(m.scores!);
          else job.reject(typedError(m.error.name, m.error.message, m.error.location));
        },
      );
      worker.on('error', (error) => {
        for (const job of this.pending.values()) job.reject(error);
        this.pending.clear();
      });
    }
  }

  private release(worker: Worker): void {
    this.idle.push(worker);
    this.waiting.shift()?.();
  }

  /** Scores `columns` on the next idle worker (waiting for one). */
  async score(columns: InteractionColumns): Promise<PairScore[]> {
    while (this.idle.length === 0) await new Promise<void>((resolve) => this.waiting.push(resolve));
    const worker = this.idle.pop()!;
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, columns });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
