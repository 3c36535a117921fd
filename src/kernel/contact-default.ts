/**
 * The numbers of the default contact model, for networks whose own history is
 * too short to fit one (a personal network): the chance of contact by the
 * tie's own rhythm (`kernel/chance.ts`), unchanged — intercept 0 and weight 1
 * on its log-odds, 0 on every other feature. It reads nothing of the people's
 * other ties, which a personal network does not hold. `calibrateContact` fits every
 * feature on a network with history enough, and on a smaller one recalibrates
 * the rhythm's chance alone (see `calibrate-contact.ts`).
 *
 * @module
 * @internal
 */

/** The shipped model, per feature in the order of `CONTACT_FEATURES` (the last is the rhythm's log-odds). */
export const DEFAULT_FIT = {
  intercept: 0,
  mean: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  scale: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
  coefficient: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
  pairs: 0,
  positives: 0,
};
