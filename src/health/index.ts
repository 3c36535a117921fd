/**
 * Health: brokerage (Burt's structural holes), ego and network reports, and
 * a picture of one person's network.
 *
 * @module
 */
export { brokerage, networkBrokerage } from './brokerage.js';
export type { Brokerage, BrokerageOptions, ConstraintContribution, EdgeWeightGetter, NetworkBrokerage } from './brokerage.js';
export { renderEgoSvg, STAGE_COLORS } from './ego-svg.js';
export type { EgoSvgOptions } from './ego-svg.js';
export { egoHealth } from './ego.js';
export type { EgoHealth, EgoHealthOptions, LayerFill, SeedAdvice, FeedEntry } from './ego.js';
export { networkHealth } from './network.js';
export type { NetworkHealth, NetworkHealthOptions, NetworkSnapshot } from './network.js';
export { summarize } from './summarize.js';
