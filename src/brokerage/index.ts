/**
 * Brokerage: Burt's structural holes — how much a person's contacts know
 * each other (constraint), how much non-redundant reach they bring
 * (effective size, efficiency), for one person or everyone. Import from
 * `goodwill/brokerage`, so that the main entry stays small; `personHealth` and
 * `networkHealth` report the same measures without it.
 *
 * @module goodwill/brokerage
 */
export { brokerage, networkBrokerage } from '../analyses/brokerage/brokerage.js';
export type {
  AssignBrokerageOptions,
  Brokerage,
  BrokerageOptions,
  ConstraintContribution,
  EdgeWeightGetter,
  NetworkBrokerage,
} from '../analyses/brokerage/brokerage.js';
