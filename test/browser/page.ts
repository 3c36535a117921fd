/**
 * What the browser test's page computes, with goodwill and graphology bundled
 * for the browser; the test computes the same in Node and compares.
 */
import { networkHealth, tieStrength } from 'goodwill';
import { findIntroductionPaths } from 'goodwill/introductions';
import { generateNetwork } from 'goodwill/fixtures';

export interface PageResults {
  /** The strength of p0001's first tie, to 6 decimals. */
  strength: string;
  /** The best introduction from p0001 to someone at another company. */
  introduction: string;
  /** The most central person (PageRank). */
  central: string;
}

export function compute(): PageResults {
  const now = '2025-01-01';
  const graph = generateNetwork({ seed: 1, people: 60 });
  const me = 'p0001';
  const contact = graph.neighbors(me).sort()[0]!;
  const company = graph.getNodeAttribute(me, 'company');
  const intro = findIntroductionPaths(graph, me, (_key, person) => person['company'] !== company, { now }).paths[0];
  return {
    strength: `${me}–${contact}: ${tieStrength(graph, me, contact, { now }).strength.toFixed(6)}`,
    introduction: intro ? `${intro.people.join(' → ')} (${intro.reliability.toFixed(6)})` : 'none',
    central: networkHealth(graph, { now }).central[0]?.person ?? 'none',
  };
}
