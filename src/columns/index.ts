/**
 * Past one graph: goodwill's answers from a table of interactions — columns
 * of source, target, time, kind and weight, as a database or a Parquet file
 * holds them — without building a graphology graph. `fromColumns` gives a
 * prepared network that `tieStrengths`, `classifyStages`, `networkHealth` and
 * the other whole-network functions read as they read one prepared from a
 * graph, with the same answers. Import from `goodwill/columns`.
 *
 * @module goodwill/columns
 */
export { fromColumns } from './from-columns.js';
export type { InteractionColumns, ColumnReadOptions } from './types.js';
export { scorePairs, activeTies } from './score.js';
export type { ScorePairsOptions, PairScore } from './score.js';
