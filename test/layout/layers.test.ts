/**
 * The folders show the layers, and nothing reaches back up: the model and its
 * index (core), what writes the graph (events, import), the relationship
 * kernel, the analyses and the entries that are leaves over the kernel, the
 * reports, the picture, and on top the column, DuckDB and command-line
 * entries. A module imports only from its own unit or from units of a lower
 * rank; units of one rank never import each other. Each analysis folder is a
 * unit of its own, and analyses are leaves: besides the main entry, only the
 * units on top (columns, duckdb, cli) may import one. Type-only imports count:
 * a type shared by two units belongs below both.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

/**
 * Rank of each unit: a top folder of src/, or a folder of src/analyses/.
 * `index` is the main entry (src/index.ts), above everything.
 */
const RANK: Record<string, number> = {
  core: 0,
  kernel: 1,
  events: 1, // writes the graph: core only
  fixtures: 1, // an entry of its own: core only, and nothing imports it (below)
  import: 2, // writes the graph through events/
  'analyses/strength': 2,
  'analyses/stages': 2,
  'analyses/reciprocity': 2,
  'analyses/relationship': 2,
  introductions: 2,
  brokerage: 2,
  calibrate: 2,
  reports: 2, // composes kernel views
  coach: 2,
  svg: 3, // draws reports
  explain: 3, // sentences about reports
  columns: 4,
  duckdb: 5,
  cli: 6,
  index: 7,
  deprecated: 6.5, // the main entry's old names, until 1.0
};

/** Units that may import an analysis (analyses are leaves). */
const MAY_IMPORT_ANALYSES = new Set(['index', 'deprecated', 'columns', 'duckdb', 'cli']);

/**
 * Today's imports against the layout, as `importer -> imported` (paths under
 * src/, no extension). The test passes with them and fails on any other; an
 * entry that no longer occurs fails too, so the list only shrinks.
 */
const KNOWN_VIOLATIONS: string[] = [];

/** The unit of a path under src/ ('core', 'analyses/strength', 'index', …). */
function unitOf(path: string): string {
  const parts = path.split('/');
  if (parts.length === 1) return parts[0]!.replace(/\.ts$/, '');
  return parts[0] === 'analyses' && parts.length > 2 ? `analyses/${parts[1]}` : parts[0]!;
}

/**
 * Every import of `text` (the module at `path` under src/) that breaks the
 * layout, as `importer -> imported`: `import`, `import type`, `export … from`,
 * side-effect imports and `import('…')` (in code or in types) alike.
 */
function layerViolations(path: string, text: string): string[] {
  const from = unitOf(path);
  const found: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
    const target = relative(src, resolve(src, dirname(path), m[1]!)).replace(/\.[jt]s$/, '');
    if (target.startsWith('..')) continue;
    const to = unitOf(target);
    if (to === from) continue;
    const ok =
      to in RANK &&
      from in RANK &&
      RANK[to]! < RANK[from]! &&
      to !== 'fixtures' &&
      (!to.startsWith('analyses/') || MAY_IMPORT_ANALYSES.has(from));
    if (!ok) found.push(`${path.replace(/\.ts$/, '')} -> ${target}`);
  }
  return found;
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('layout by layer', () => {
  const modules = files(src).map((f) => relative(src, f));
  const all = modules.flatMap((m) => layerViolations(m, readFileSync(join(src, m), 'utf8')));

  it('ranks every folder of src/ and of src/analyses/, and only those', () => {
    expect([...new Set(modules.map(unitOf))].sort()).toEqual(Object.keys(RANK).sort());
  });

  it.each(modules)('%s imports nothing from its own rank or above (but the known violations)', (module) => {
    const known = new Set(KNOWN_VIOLATIONS);
    const text = readFileSync(join(src, module), 'utf8');
    expect(layerViolations(module, text).filter((v) => !known.has(v))).toEqual([]);
  });

  it('lists no known violation that is gone (delete it from KNOWN_VIOLATIONS)', () => {
    expect(KNOWN_VIOLATIONS.filter((v) => !all.includes(v))).toEqual([]);
  });
});

describe('the layer check on planted back-edges', () => {
  it('reports an analysis that imports a sibling, also for a type only or in a type', () => {
    expect(layerViolations('analyses/strength/x.ts', "import { a } from '../stages/advice.js';")).toEqual([
      'analyses/strength/x -> analyses/stages/advice',
    ]);
    expect(layerViolations('analyses/stages/x.ts', "import type { T } from '../reciprocity/dyad.js';")).toEqual([
      'analyses/stages/x -> analyses/reciprocity/dyad',
    ]);
    expect(layerViolations('analyses/stages/x.ts', "let t: import('../strength/strength.js').TieStrength;")).toEqual([
      'analyses/stages/x -> analyses/strength/strength',
    ]);
  });

  it('reports an import upward, a re-export, a sideways import between units of one rank, and fixtures', () => {
    expect(layerViolations('core/x.ts', "import { assess } from '../kernel/assess.js';")).toEqual([
      'core/x -> kernel/assess',
    ]);
    expect(layerViolations('kernel/x.ts', "export * from '../reports/ego.js';")).toEqual(['kernel/x -> reports/ego']);
    expect(layerViolations('events/x.ts', "import '../kernel/assess.js';")).toEqual(['events/x -> kernel/assess']);
    expect(layerViolations('reports/x.ts', "import { f } from '../coach/plan.js';")).toEqual([
      'reports/x -> coach/plan',
    ]);
    expect(layerViolations('svg/x.ts', "import { g } from '../fixtures/generate.js';")).toEqual([
      'svg/x -> fixtures/generate',
    ]);
  });

  it('reports a unit below the top that imports an analysis, and a folder that has no rank', () => {
    expect(layerViolations('reports/x.ts', "import { s } from '../analyses/strength/strength.js';")).toEqual([
      'reports/x -> analyses/strength/strength',
    ]);
    expect(layerViolations('explain/x.ts', "import { s } from '../analyses/strength/explain.js';")).toEqual([
      'explain/x -> analyses/strength/explain',
    ]);
    expect(layerViolations('newfolder/x.ts', "import { s } from '../core/time.js';")).toEqual([
      'newfolder/x -> core/time',
    ]);
  });

  it('lets a module import its own unit, lower ranks, and the top import analyses', () => {
    const text = [
      "import { a } from './b.js';",
      "import type { T } from '../../kernel/assess.js';",
      "import { t } from '../../core/time.js';",
    ].join('\n');
    expect(layerViolations('analyses/strength/x.ts', text)).toEqual([]);
    expect(layerViolations('columns/x.ts', "import { s } from '../analyses/strength/strength.js';")).toEqual([]);
    expect(layerViolations('index.ts', "export { s } from './analyses/strength/strength.js';")).toEqual([]);
    expect(layerViolations('import/x.ts', "import { s } from '../events/write.js';")).toEqual([]);
  });
});
