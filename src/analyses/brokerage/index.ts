/**
 * Brokerage: Burt's structural holes — constraint, effective size and
 * efficiency — for one person or the whole network.
 *
 * @module
 */
export { brokerage, networkBrokerage } from './brokerage.js';
export type { Brokerage, BrokerageOptions, ConstraintContribution, EdgeWeightGetter, NetworkBrokerage } from './brokerage.js';
