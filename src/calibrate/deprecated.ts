/**
 * The names of `goodwill/calibrate` before the naming rule (see the guide
 * *Model and conventions*, "Naming"), kept until 1.0.
 *
 * @module
 */
import { calibrateContact } from '../analyses/strength/calibrate-contact.js';
import type { CalibrateContactOptions } from '../analyses/strength/contact.js';

/** @deprecated Use {@link calibrateContact}. */
export const calibrate = calibrateContact;
/** @deprecated Use {@link CalibrateContactOptions}. */
export type CalibrateOptions = CalibrateContactOptions;
