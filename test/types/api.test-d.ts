/**
 * Type tests: what an app's compiler sees. Run by `npm test` (vitest's
 * typecheck mode) and by `npm run typecheck`.
 */
import Graph from 'graphology';
import { describe, expectTypeOf, it } from 'vitest';
import {
  assessRelationship,
  classifyStage,
  classifyStages,
  keepInTouch,
  networkHealth,
  networkReciprocity,
  prepareNetwork,
  tieStrength,
  tieStrengths,
  type Advice,
  type GroupEvent,
  type Interaction,
  type KnownKind,
  type ContactModel,
  type KeepInTouch,
  type NetworkStages,
  type PreparedNetwork,
  type RelationshipAssessment,
  type Stage,
  type StageResult,
  type TieStrength,
  type TieStrengthEntry,
} from 'goodwill';
import { calibrateContact, calibrateDecay, type ContactModel as FittedModel } from 'goodwill/calibrate';
import { findIntroductionPaths, type IntroductionResult } from 'goodwill/introductions';
import { networkBrokerage } from 'goodwill/brokerage';

describe('public types', () => {
  const graph = new Graph();

  it('results are the documented types', () => {
    expectTypeOf(tieStrength(graph, 'a', 'b', { now: '2024-01-01' })).toEqualTypeOf<TieStrength>();
    expectTypeOf(tieStrength(graph, 'a', 'b', { now: '2024-01-01' }).probability).toEqualTypeOf<number | null>();
    expectTypeOf(classifyStage(graph, 'a', 'b', { now: 0 })).toEqualTypeOf<StageResult>();
    expectTypeOf(classifyStage(graph, 'a', 'b', { now: 0 }).stage).toEqualTypeOf<Stage>();
    expectTypeOf(assessRelationship(graph, 'a', 'b', { now: new Date() })).toEqualTypeOf<RelationshipAssessment>();
    expectTypeOf(assessRelationship(graph, 'a', 'b', { now: new Date() }).advice).toEqualTypeOf<Advice | null>();
    // A result names its main value after the measure, never as `x.x`.
    expectTypeOf(assessRelationship(graph, 'a', 'b', { now: 0 }).strength).toEqualTypeOf<number>();
    expectTypeOf(assessRelationship(graph, 'a', 'b', { now: 0 }).stage).toEqualTypeOf<Stage>();
    expectTypeOf(assessRelationship(graph, 'a', 'b', { now: 0 }).stageDetail).toEqualTypeOf<StageResult>();
    expectTypeOf(assessRelationship(graph, 'a', 'b', { now: 0 }).strengthDetail).toEqualTypeOf<TieStrength>();
    expectTypeOf(keepInTouch(graph, 'a', { now: 0 })).toEqualTypeOf<KeepInTouch>();
    expectTypeOf<KeepInTouch['contacts'][number]['other']>().toEqualTypeOf<string>();
  });

  it('the function families take a graph or a prepared network, and .assign writes', () => {
    const prepared = prepareNetwork(graph);
    expectTypeOf(prepared).toEqualTypeOf<PreparedNetwork>();
    expectTypeOf(tieStrengths(prepared, { now: 0 })).toEqualTypeOf<TieStrengthEntry[]>();
    expectTypeOf(classifyStages(graph, { now: 0 })).toEqualTypeOf<NetworkStages>();
    expectTypeOf(classifyStages.assign).parameter(1).toHaveProperty('attribute');
    expectTypeOf(tieStrengths.assign).parameter(1).toHaveProperty('attribute');
    expectTypeOf<NonNullable<Parameters<typeof networkReciprocity.assign>[1]>>().toHaveProperty('attribute');
    expectTypeOf<NonNullable<Parameters<typeof networkBrokerage.assign>[1]>>().toHaveProperty('attribute');
    expectTypeOf(classifyStages.assign(graph, { now: 0, attribute: 'stage' })).toBeVoid();
    expectTypeOf(tieStrengths.assign(graph, { now: 0, attribute: 'strength' })).toBeVoid();
    expectTypeOf(networkHealth(prepared, { now: 0 }).contact.expectedActive).toEqualTypeOf<number>();
  });

  it('options are checked: now is required, accessors have their shapes', () => {
    // @ts-expect-error — `now` is required: goodwill never reads the clock.
    tieStrength(graph, 'a', 'b', {});
    // @ts-expect-error — a kind needs a role and a value.
    tieStrength(graph, 'a', 'b', { now: 0, kinds: { coffee: { role: 'contact' } } });
    tieStrength(graph, 'a', 'b', { now: 0, getInteractions: (_edge, attributes) => attributes['log'] as [] });
    tieStrength(graph, 'a', 'b', {
      now: 0,
      getNodeLabel: (key, attributes) => (attributes['fullName'] as string | undefined) ?? key,
    });
    // @ts-expect-error — getNodeLabel returns a string.
    tieStrength(graph, 'a', 'b', { now: 0, getNodeLabel: () => 42 });
    expectTypeOf<Parameters<typeof tieStrength>[3]['contactModel']>().toEqualTypeOf<ContactModel | undefined>();
  });

  it('the subpaths serve the main entry: what calibrateContact fits, tieStrength takes', () => {
    expectTypeOf<FittedModel>().toEqualTypeOf<ContactModel>();
    const model = calibrateContact(graph, { now: 0 });
    tieStrength(graph, 'a', 'b', { now: 0, contactModel: model });
    const { options } = calibrateDecay(graph, { now: 0 });
    tieStrength(graph, 'a', 'b', { now: 0, ...options });
    expectTypeOf(findIntroductionPaths(graph, 'a', 'b', { now: 0 })).toEqualTypeOf<IntroductionResult>();
  });
});

describe('Interaction.kind (issue 20)', () => {
  it('suggests the known kinds and still takes any string', () => {
    expectTypeOf<'favor'>().toMatchTypeOf<NonNullable<Interaction['kind']>>();
    expectTypeOf<KnownKind>().toMatchTypeOf<NonNullable<Interaction['kind']>>();
    const custom: Interaction = { at: '2024-01-01', kind: 'coffee' };
    expectTypeOf(custom.kind).toEqualTypeOf<KnownKind | (string & {}) | undefined>();
    // @ts-expect-error — 'favour' is not a known kind
    const british: KnownKind = 'favour';
    void british;
    // A group event's kind is typed the same way.
    expectTypeOf<GroupEvent['kind']>().toEqualTypeOf<Interaction['kind']>();
  });
});
