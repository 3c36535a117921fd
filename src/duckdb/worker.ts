/// <reference types="node" />
/**
 * A worker thread of {@link ScorePool}: scores the batches it is sent with
 * the model options and the person-level counts it was started with.
 *
 * @module
 * @internal
 */
import { parentPort, workerData } from 'node:worker_threads';
import { GoodwillError } from '../core/errors.js';
import { scorePairs, type ScorePairsOptions } from '../columns/score.js';
import type { InteractionColumns } from '../columns/types.js';

const { options, active } = workerData as { options: ScorePairsOptions; active: Record<string, number> };
const scoring = { ...options, activeTies: active };

parentPort!.on('message', ({ id, columns }: { id: number; columns: InteractionColumns }) => {
  try {
    parentPort!.postMessage({ id, scores: scorePairs(columns, scoring) });
  } catch (error) {
    // A typed error crosses the thread as its parts; the pool makes it again.
    const e = error as Error;
    const location = error instanceof GoodwillError ? error.location : undefined;
    parentPort!.postMessage({ id, error: { name: e.name, message: e.message, location } });
  }
});
