/**
 * Reports: one person's network (`egoHealth`), the whole network
 * (`networkHealth`), and both as text (`summarize`).
 *
 * @module
 */
export { brokerage, networkBrokerage } from '../analyses/brokerage/brokerage.js';
export type { Brokerage, BrokerageOptions, ConstraintContribution, EdgeWeightGetter, NetworkBrokerage } from '../analyses/brokerage/brokerage.js';
export { egoHealth } from './ego.js';
export type { EgoHealth, EgoHealthOptions, LayerFill, SeedAdvice, FeedEntry } from './ego.js';
export { networkHealth } from './network.js';
export type { NetworkHealth, NetworkHealthOptions, NetworkSnapshot } from './network.js';
export { summarize } from './summarize.js';
