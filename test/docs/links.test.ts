import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The docs site links both ways: every public function's comment names its
// guide (`@see`, a relative link that typedoc turns into the guide's page),
// and every guide ends with the API pages it explains ({@link entry!name}).
const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const guides = join(root, 'docs/guides');

/** Public functions and classes of each entry: module name → names. */
function entries(): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const file of ['src/index.ts', ...readdirSync(join(root, 'src')).map((d) => `src/${d}/index.ts`)]) {
    if (!existsSync(join(root, file))) continue;
    const text = readFileSync(join(root, file), 'utf8');
    const module = /@module (\S+)/.exec(text)![1]!;
    const names: string[] = [];
    for (const m of text.matchAll(/^export \{([^}]*)\}/gm))
      for (const name of m[1]!.split(',').map((s) => s.trim()))
        if (/^[a-z]/.test(name) || name === 'GoodwillError') names.push(name);
    result.set(module, names);
  }
  return result;
}

/** The source file that declares `name`, and its comment. */
function comment(name: string): { file: string; text: string } | undefined {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
    );
  for (const file of walk(join(root, 'src'))) {
    const text = readFileSync(file, 'utf8');
    const m = new RegExp(`^export (?:async )?(?:function|const|class) ${name}\\b`, 'm').exec(text);
    if (m === null) continue;
    const end = text.lastIndexOf('*/', m.index);
    return { file, text: text.slice(text.lastIndexOf('/**', end), end) };
  }
  return undefined;
}

describe('docs: guides and API pages link both ways', () => {
  const all = entries();
  // Deprecated names (src/deprecated.ts) point to their replacement instead.
  const functions = [...all.values()]
    .flat()
    .filter((n) => /^[a-z]/.test(n) && !(comment(n)?.text.includes('@deprecated') ?? false));

  it.each(functions)('%s names its guide with @see, and the guide exists', (name) => {
    const c = comment(name);
    expect(c, `no declaration of ${name} found under src/`).toBeDefined();
    const see = /@see \[[^\]]+\]\(([^)]+\.md)\)/.exec(c!.text);
    expect(see, `${name}'s comment has no @see [Guide](…/docs/guides/….md)`).not.toBeNull();
    expect(existsSync(resolve(dirname(c!.file), see![1]!))).toBe(true);
  });

  it('each guide ends with the API pages it explains, each one exported by the entry it names', () => {
    const linked = new Set<string>();
    for (const file of readdirSync(guides).filter((f) => f.endsWith('.md'))) {
      const text = readFileSync(join(guides, file), 'utf8');
      const section = text.slice(text.indexOf('\n## In the API\n'));
      expect(text.includes('\n## In the API\n'), `${file} has no "In the API" section`).toBe(true);
      const links = [...section.matchAll(/\{@link ([^!\s]+)!(\w+) \| (\w+)\}/g)];
      expect(links.length, file).toBeGreaterThan(0);
      for (const [, module, name, text] of links) {
        expect(all.get(module!), `${file}: ${module}!${name}`).toContain(name);
        expect(text).toBe(name);
        linked.add(name!);
      }
    }
    // Every public function is explained by some guide.
    expect(functions.filter((n) => !linked.has(n))).toEqual([]);
  });
});

describe('docs: what users read names no file they do not have', () => {
  // The design notes live beside the repository (../shared/DESIGN.md), not in
  // it: the README, the guides and the comments typedoc publishes say what
  // they mean instead of pointing there.
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : /\.(ts|md)$/.test(e.name) ? [join(dir, e.name)] : [],
    );
  it.each([join(root, 'README.md'), ...walk(guides), ...walk(join(root, 'src'))].map((f) => f.slice(root.length + 1)))(
    '%s does not cite DESIGN.md',
    (file) => {
      expect(readFileSync(join(root, file), 'utf8')).not.toMatch(/DESIGN\.md/);
    },
  );
});
