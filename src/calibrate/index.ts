/**
 * Fitting goodwill's models to a network's own history: the contact model
 * behind `tieStrength`'s `probability` (`calibrateContact`), and the half-life and
 * weights of strength (`calibrateDecay`), each back-tested on past dates.
 * Import from `goodwill/calibrate`, so that the main entry stays small; pass
 * what they return to the main entry's functions (`contactModel`,
 * `halfLife`, `weights`).
 *
 * @module goodwill/calibrate
 */
export { calibrateContact } from './calibrate-contact.js';
export { CONTACT_FEATURES } from '../kernel/contact.js';
export type { CalibrateContactOptions, ContactModel, ContactFeature, ReliabilityBin } from '../kernel/contact.js';
export { calibrateDecay, WEIGHT_PRESETS } from './calibrate-decay.js';
export type { CalibrateDecayOptions, CalibrationCandidate, DecayCalibration } from './calibrate-decay.js';
// Names before the naming rule, kept until 1.0.
export { calibrate } from './deprecated.js';
export type { CalibrateOptions } from './deprecated.js';
