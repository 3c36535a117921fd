/**
 * The names the public API had before its naming rule (see the guide *Model
 * and conventions*, "Naming"): each is the function or type it names, so code
 * written against them keeps working, and editors strike them through. They
 * go at 1.0.
 *
 * @module
 */
import { tieReciprocity, type TieReciprocity } from './analyses/reciprocity/dyad.js';
import { personHealth, type PersonHealth, type PersonHealthOptions } from './reports/ego.js';

/** @deprecated Use {@link tieReciprocity}. */
export const dyadReciprocity = tieReciprocity;
/** @deprecated Use {@link TieReciprocity}. */
export type DyadReciprocity = TieReciprocity;
/** @deprecated Use {@link personHealth} (its report's `kind` is `'person'`). */
export const egoHealth = personHealth;
/** @deprecated Use {@link PersonHealth}. */
export type EgoHealth = PersonHealth;
/** @deprecated Use {@link PersonHealthOptions}. */
export type EgoHealthOptions = PersonHealthOptions;
