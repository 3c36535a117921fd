/**
 * Strength and decay: how warm each relationship is at any date, how strong,
 * when it goes cold, Dunbar layers, whom to contact next, and a calibration
 * of the decay on the graph's own history.
 *
 * @module
 */
export { tieStrength, tieStrengths, warmth, coldDate } from './strength.js';
export type { StrengthOptions, TieStrength, TieStrengthEntry, Warmth, ColdDateOptions } from './strength.js';
export { dunbarLayers, keepInTouch } from './layers.js';
export type { DunbarLayers, DunbarLayer, DunbarLayerOptions, RankedTie, KeepInTouchOptions, KeepInTouchEntry } from './layers.js';
export { calibrateDecay, WEIGHT_PRESETS } from './calibrate.js';
export type { CalibrateDecayOptions, CalibrationCandidate, DecayCalibration } from './calibrate.js';
export { DEFAULT_STRENGTH_WEIGHTS } from './kernel.js';
export type { StrengthModelOptions, StrengthComponents, StrengthWeights } from './kernel.js';
