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
  /** The inputs of a measured bundle, relative to dist/ (or node_modules/…). */
  const inputs = (what: keyof typeof BUDGETS) =>
    size(what).inputs.map((i) => i.path.replace(/^.*\/dist\//, '').replace(/^.*\/node_modules\//, 'node_modules/'));

  it('GoodwillError alone is at most 3 kB: no other module comes along', () => {
    expect(size('GoodwillError').bytes).toBeLessThanOrEqual(BUDGETS.GoodwillError.limit);
    expect(inputs('GoodwillError')).toEqual(['core/errors.js']);
  });

  it(`tieStrength alone is at most ${BUDGETS.tieStrength.limit / 1000} kB: the reading, the kernel and the contact model's scoring`, () => {
    // No other family, no report, no words, no fitter; of the dependencies, date-fns' milliseconds.
    expect(
      inputs('tieStrength').filter(
        (path) =>
          /^(analyses\/(?!strength\/strength\.js)|reports\/|kernel\/(words|layers|advice|brokerage|reciprocity|network-reciprocity|relationship|stage-result)\.js)/.test(
            path,
          ) ||
          (path.startsWith('node_modules/') && path !== 'node_modules/date-fns/milliseconds.js'),
      ),
    ).toEqual([]);
    expect(size('tieStrength').bytes).toBeLessThanOrEqual(BUDGETS.tieStrength.limit);
  });

  it(`the whole main entry is at most ${BUDGETS['whole main entry'].limit / 1000} kB: the subpaths' capabilities stay out`, () => {
    expect(
      inputs('whole main entry').filter(
        (path) =>
          /^(introductions|calibrate|explain|brokerage|coach|columns|duckdb|cli|events|import|svg|fixtures)\//.test(
            path,
          ) ||
          (path.startsWith('node_modules/') && path !== 'node_modules/date-fns/milliseconds.js'),
      ),
    ).toEqual([]);
    expect(size('whole main entry').bytes).toBeLessThanOrEqual(BUDGETS['whole main entry'].limit);
  });
});
