/**
 * Explanations in words: why a tie's strength changed between two dates,
 * part by part and in a sentence (`explainChange`), and a person's or the
 * network's report as readable text for demos, logs and e-mails
 * (`summarize`). Import from `goodwill/explain`, so that the main entry
 * stays small.
 *
 * @module goodwill/explain
 */
export { explainChange } from './explain-change.js';
export type { ExplainChangeOptions, StrengthChange, StrengthSnapshot, StrengthContribution } from './explain-change.js';
export { summarize } from './summarize.js';
