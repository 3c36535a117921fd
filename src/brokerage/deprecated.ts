/**
 * The names of `goodwill/brokerage` before the naming rule (see the guide
 * *Model and conventions*, "Naming"), kept until 1.0.
 *
 * @module
 */
import { personBrokerage, type PersonBrokerage } from './brokerage.js';

/** @deprecated Use {@link personBrokerage}. */
export const brokerage = personBrokerage;
/** @deprecated Use {@link PersonBrokerage}. */
export type Brokerage = PersonBrokerage;
