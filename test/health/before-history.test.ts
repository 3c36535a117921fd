import { describe, expect, it } from 'vitest';
import { personHealth, keepInTouch, networkHealth } from 'goodwill';
import { summarize } from 'goodwill/explain';
import { guideNetwork } from '../docs/network.js';

// Issue 20: an answer that is empty because `now` precedes the history says so.
describe('answers asked before the history starts', () => {
  const graph = guideNetwork(); // Ann's first interaction is on 2023-09-04, the network's too
  const early = '2020-01-01';
  const starts = new Date('2023-09-04T00:00:00Z');

  it('keepInTouch, personHealth and networkHealth carry the date the history starts', () => {
    const keep = keepInTouch(graph, 'ann', { now: early });
    expect(keep.contacts).toEqual([]);
    expect(keep.historyStarts).toEqual(starts);
    expect(personHealth(graph, 'ann', { now: early }).historyStarts).toEqual(starts);
    expect(networkHealth(graph, { now: early }).historyStarts).toEqual(starts);
    // Per person: Maya's history starts later than Ann's.
    expect(keepInTouch(graph, 'me', { now: early }).historyStarts).toEqual(new Date('2024-01-15T00:00:00Z'));
  });

  it('summarize states it, also after a JSON round trip, and only when the date precedes the history', () => {
    const sentence = 'No interactions on or before 2020-01-01; the history starts 2023-09-04.';
    const ego = personHealth(graph, 'ann', { now: early });
    expect(summarize(ego).split('\n')[1]).toBe(sentence);
    expect(summarize(JSON.parse(JSON.stringify(ego)) as typeof ego).split('\n')[1]).toBe(sentence);
    expect(summarize(networkHealth(graph, { now: early })).split('\n')[1]).toBe(sentence);
    expect(summarize(personHealth(graph, 'ann', { now: '2024-06-30' }))).not.toContain('No interactions');
    expect(summarize(networkHealth(graph, { now: '2023-09-04' }))).not.toContain('No interactions'); // counts on `now`
  });

  it('a person without interactions, or an empty graph, has no history to start', () => {
    graph.addNode('zoe');
    expect(keepInTouch(graph, 'zoe', { now: early }).historyStarts).toBeNull();
    expect(summarize(personHealth(graph, 'zoe', { now: early }))).not.toContain('No interactions');
  });
});
