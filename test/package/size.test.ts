import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUDGETS, buildEsm, measure, type Size } from '../../scripts/size.js';

// What an app pays, minified, for importing goodwill's ESM build (graphology
// external): the build is made with the project's tsup config (no types),
// then an entry importing one thing is bundled with esbuild. See
// scripts/size.ts and `npm run size` for the inputs that make up each size.
describe('bundle size (minified, graphology external)', () => {
  let sizes: Size[] = [];
  let remove = () => {};
  beforeAll(async () => {
    const built = await buildEsm();
    remove = built.remove;
    sizes = await measure(built.entry);
  });
  afterAll(() => remove());

  const size = (what: keyof typeof BUDGETS) => sizes.find((s) => s.what === what)!;

  it('GoodwillError alone is at most 3 kB: no other module comes along', () => {
    expect(size('GoodwillError').bytes).toBeLessThanOrEqual(BUDGETS.GoodwillError.limit);
    expect(size('GoodwillError').inputs.map((i) => i.path.replace(/^.*\/dist\//, ''))).toEqual(['core/errors.js']);
  });

  it(`tieStrength alone is at most ${BUDGETS.tieStrength.limit / 1000} kB, without graphology-metrics or the other families`, () => {
    const { bytes, inputs } = size('tieStrength');
    expect(bytes).toBeLessThanOrEqual(BUDGETS.tieStrength.limit);
    expect(
      inputs.filter((i) =>
        /node_modules\/(graphology-metrics|graphology-utils|mnemonist)\/|\/dist\/(stages|health|introductions|reciprocity)\//.test(
          i.path,
        ),
      ),
    ).toEqual([]);
  });

  it(`the whole main entry is at most ${BUDGETS['whole main entry'].limit / 1000} kB`, () => {
    expect(size('whole main entry').bytes).toBeLessThanOrEqual(BUDGETS['whole main entry'].limit);
  });
});
