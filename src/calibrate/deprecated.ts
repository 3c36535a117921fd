/**
 * The names of `goodwill/calibrate` before the naming rule (see the guide
 * *Model and conventions*, "Naming"), kept until 1.0.
 *
 * @module
 */
import { calibrateContact } from './calibrate-contact.js';
import type { CalibrateContactOptions } from '../kernel/contact.js';

/** @deprecated Use {@link calibrateContact}. */
export const calibrate = calibrateContact;
/** @deprecated Use {@link CalibrateContactOptions}. */
export type CalibrateOptions = CalibrateContactOptions;
