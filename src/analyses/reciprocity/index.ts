/**
 * Reciprocity: is give-and-take balanced, per relationship, per person
 * (giver / matcher / taker) and per network.
 *
 * @module
 */
export { dyadReciprocity } from './dyad.js';
export type { ReciprocityOptions, ReciprocityLens, LedgerEntry, DyadReciprocity } from './dyad.js';
export { personReciprocity } from './person.js';
export type { PersonReciprocityOptions, PersonReciprocity, PersonTie, GiverFatigue, ReciprocityStyle } from './person.js';
export { networkReciprocity } from './network.js';
export type { NetworkReciprocityOptions, NetworkReciprocity, AssignReciprocityOptions } from './network.js';
