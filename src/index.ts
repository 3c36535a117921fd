/**
 * goodwill: relationship-health algorithms over a graphology people graph.
 *
 * - reciprocity: is give-and-take balanced, per pair, per person, per network;
 * - strength and decay: how warm a tie is, when it goes cold, whom to contact next;
 * - stages: where each relationship stands in its life cycle, and why;
 * - introductions: the best warm-introduction chains to a person or to anyone who matches;
 * - health: brokerage, ego and network reports.
 *
 * Every function is pure: it reads the graph, never mutates it, and never reads the clock.
 *
 * @packageDocumentation
 */
export * from './core/index.js';
export * from './analyses/reciprocity/index.js';
export * from './analyses/strength/index.js';
export * from './analyses/stages/index.js';
export * from './analyses/brokerage/index.js';
export * from './analyses/introductions/index.js';
export * from './reports/index.js';
