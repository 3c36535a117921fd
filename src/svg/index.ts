/**
 * Pictures: one person's network as SVG text (rings for the Dunbar layers,
 * colour for the stage of each relationship). Import from `goodwill/svg`, so
 * that the main entry stays small.
 *
 * @module goodwill/svg
 */
export { renderEgoSvg, STAGE_COLORS } from './ego-svg.js';
export type { EgoSvgOptions } from './ego-svg.js';
