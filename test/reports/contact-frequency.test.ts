/**
 * personHealth's contact frequency follows the caller's layers (`sizes`,
 * `cadences`), as dunbarLayers and keepInTouch do; it read a fixed table.
 */
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { personHealth } from 'goodwill';

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 0, 1);

/** `me` with a tie answered every `every` days over the past year. */
function network(rhythms: Record<string, number>): Graph {
  const g = new Graph({ multi: true });
  g.addNode('me');
  for (const [other, every] of Object.entries(rhythms)) {
    g.addNode(other);
    const mine: object[] = [];
    const theirs: object[] = [];
    for (let t = NOW - 364 * DAY, k = 0; t <= NOW; t += every * DAY, k++)
      (k % 2 === 0 ? mine : theirs).push({ at: t, kind: 'call' });
    g.addEdge('me', other, { interactions: mine });
    if (theirs.length) g.addEdge(other, 'me', { interactions: theirs });
  }
  return g;
}

describe("personHealth's contact frequency", () => {
  const g = network({ weekly: 7, fortnightly: 14, monthly: 30, quarterly: 91 });

  it("uses Dunbar's norms by default", () => {
    // Calls in the past year: weekly 53, fortnightly 27, monthly 13, quarterly 5 (the first of each on day −364).
    expect(personHealth(g, 'me', { now: NOW }).contactFrequency).toEqual([
      { cadenceDays: 7, norm: 5, count: 1 },
      { cadenceDays: 30, norm: 15, count: 3 },
      { cadenceDays: 182, norm: 50, count: 4 },
      { cadenceDays: 365, norm: 150, count: 4 },
    ]);
  });

  it("follows the caller's sizes and cadences", () => {
    const report = personHealth(g, 'me', { now: NOW, sizes: [2, 3], cadences: [{ days: 14 }, { days: 91 }] });
    // At least 26 contacts in the year (every 14 days): weekly and fortnightly; at least 4 (every 91 days): all four.
    expect(report.contactFrequency).toEqual([
      { cadenceDays: 14, norm: 2, count: 2 },
      { cadenceDays: 91, norm: 3, count: 4 },
    ]);
  });
});
