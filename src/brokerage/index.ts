/**
 * Brokerage: Burt's structural holes — how much a person's contacts know
 * each other (constraint), how much non-redundant reach they bring
 * (effective size, efficiency), for one person or everyone. Import from
 * `goodwill/brokerage`, so that the main entry stays small; `personHealth` and
 * `networkHealth` report the same measures without it.
 *
 * @module goodwill/brokerage
 */
export { personBrokerage, networkBrokerage } from './brokerage.js';
export type {
  AssignBrokerageOptions,
  PersonBrokerage,
  BrokerageOptions,
  ConstraintContribution,
  EdgeWeightGetter,
  NetworkBrokerage,
} from './brokerage.js';
// Names before the naming rule, kept until 1.0.
export { brokerage } from './deprecated.js';
export type { Brokerage } from './deprecated.js';
