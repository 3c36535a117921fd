/**
 * Every result is plain data: JSON.stringify then JSON.parse gives the same
 * result, Dates as ISO strings — no Map, Set or class instance that JSON
 * would turn into {} without a word.
 */
import { describe, expect, it } from 'vitest';
import * as gw from 'goodwill';
import { calibrateContact, calibrateDecay } from 'goodwill/calibrate';
import { findIntroductionPaths } from 'goodwill/introductions';
import { personBrokerage, networkBrokerage } from 'goodwill/brokerage';
import { explainChange } from 'goodwill/explain';
import {
  askReadiness,
  owedReplies,
  referralReadiness,
  replyState,
  tieRhythm,
  weeklyPlan,
  peopleWorthMeeting,
  linkScores,
  simulate,
  digest,
  personAskReadiness,
} from 'goodwill/coach';
import { renderEgoSvg } from 'goodwill/svg';
import { generateNetwork } from 'goodwill/fixtures';
import { activeTies, scorePairs } from 'goodwill/columns';
import { graphToColumns } from '../helpers/columns.js';

/** The value as JSON would carry it: Dates as ISO strings; anything else that is not plain data fails. */
function plain(value: unknown, path = 'result'): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint')
      throw new Error(`${path} is a ${typeof value}`);
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`${path} is ${value}`);
    return value;
  }
  if (Array.isArray(value)) return value.map((v, i) => plain(v, `${path}[${i}]`));
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null)
    throw new Error(`${path} is a ${proto?.constructor?.name ?? 'class instance'}, not plain data`);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value))
    if (v !== undefined) Object.defineProperty(out, k, { value: plain(v, `${path}.${k}`), enumerable: true });
  return out;
}

describe('every result is plain JSON', () => {
  const graph = generateNetwork({ seed: 3, people: 80 });
  const now = '2025-01-01';
  const p = graph.nodes()[0]!;
  const q = graph.neighbors(p)[0]!;
  const results: Record<string, unknown> = {
    assessRelationship: gw.assessRelationship(graph, p, q, { now }),
    tieStrength: gw.tieStrength(graph, p, q, { now }),
    tieStrengths: gw.tieStrengths(graph, { now }),
    warmth: gw.warmth(graph, p, q, { now }),
    coldDate: gw.coldDate(graph, p, q, { now }),
    dunbarLayers: gw.dunbarLayers(graph, p, { now }),
    keepInTouch: gw.keepInTouch(graph, p, { now }),
    calibrateDecay: calibrateDecay(graph, { now }),
    calibrateContact: calibrateContact(graph, { now }),
    explainChange: explainChange(graph, p, q, { from: '2024-10-01', to: now }),
    classifyStage: gw.classifyStage(graph, p, q, { now }),
    stageTimeline: gw.stageTimeline(graph, p, q, { now }),
    classifyStages: gw.classifyStages(graph, { now }),
    stageAdvice: gw.stageAdvice(graph, p, { now }),
    tieReciprocity: gw.tieReciprocity(graph, p, q, { now }),
    personReciprocity: gw.personReciprocity(graph, p, { now }),
    networkReciprocity: gw.networkReciprocity(graph, { now }),
    brokerage: personBrokerage(graph, p),
    networkBrokerage: networkBrokerage(graph),
    findIntroductionPaths: findIntroductionPaths(graph, p, graph.nodes()[40]!, { now }),
    personHealth: gw.personHealth(graph, p, { now }),
    networkHealth: gw.networkHealth(graph, { now, compareTo: '2024-07-01' }),
    renderEgoSvg: renderEgoSvg(graph, p, { now }),
    replyState: replyState(graph, p, q, { now }),
    owedReplies: owedReplies(graph, p, { now }),
    tieRhythm: tieRhythm(graph, p, q, { now }),
    askReadiness: askReadiness(graph, p, q, { now }),
    weeklyPlan: weeklyPlan(graph, p, { now }),
    peopleWorthMeeting: peopleWorthMeeting(graph, p, { now }),
    linkScores: linkScores(graph, p, q),
    simulate: simulate(graph, p, q, { at: now, kind: 'call' }, { now }),
    digest: digest(graph, p, { from: '2024-12-01', to: now }),
    personAskReadiness: personAskReadiness(graph, p, { now }),
    referralReadiness: referralReadiness(
      graph,
      p,
      q,
      graph.neighbors(q).find((x) => x !== p)!,
      { now },
    ),
    scorePairs: scorePairs(graphToColumns(graph), { now }),
    activeTies: activeTies(graphToColumns(graph), { now }),
  };

  it.each(Object.keys(results))('%s survives JSON.stringify and JSON.parse', (name) => {
    const value = results[name];
    expect(JSON.parse(JSON.stringify(value))).toEqual(plain(value));
  });

  it('finds a Map when there is one', () => {
    expect(() => plain({ nodes: new Map([['a', 1]]) })).toThrow(/Map/);
  });
});
