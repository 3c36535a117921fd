import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compute, type PageResults } from './page.js';

// goodwill in a real browser: a page bundled with esbuild (goodwill from src/,
// graphology and graphology-metrics from node_modules, as an app's bundler
// would) runs in headless Chromium, which prints the DOM the page wrote.
// Debian's `chromium` package (.ci/run installs it); set CHROMIUM to use another.
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const chromium = [process.env['CHROMIUM'], '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (p) => p && existsSync(p),
);
const title = chromium
  ? `in headless Chromium (${chromium})`
  : 'in headless Chromium: SKIPPED, no chromium binary (apt-get install chromium, or set CHROMIUM=/path/to/chrome)';
if (!chromium) console.warn(`goodwill browser test ${title}`);
const FIELDS = ['strength', 'introduction', 'central'] as const satisfies readonly (keyof PageResults)[];

const PAGE = `
import { compute } from './page.ts';
const show = (id, text) => { document.getElementById(id).textContent = text; };
try {
  const results = compute();
  for (const [id, text] of Object.entries(results)) show(id, text);
  show('status', 'ok');
} catch (error) {
  show('status', 'error: ' + (error && error.stack || error));
}
`;

/** Bundles the page for the browser into dir/page.js. */
async function bundle(dir: string): Promise<void> {
  await build({
    stdin: { contents: PAGE, resolveDir: here, loader: 'ts', sourcefile: 'page-entry.ts' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    outfile: join(dir, 'page.js'),
    logLevel: 'silent',
    plugins: [
      {
        name: 'goodwill-from-src',
        setup(b) {
          b.onResolve({ filter: /^goodwill(\/(fixtures|introductions))?$/ }, (args) => ({
            path: join(root, 'src', args.path === 'goodwill' ? 'index.ts' : `${args.path.slice(9)}/index.ts`),
          }));
        },
      },
    ],
  });
  const outputs = FIELDS.map((id) => `<output id="${id}"></output>`).join('\n');
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html>\n<meta charset="utf-8">\n<body>\n<output id="status">not run</output>\n${outputs}\n<script src="page.js"></script>\n</body>\n`,
  );
}

/** The text of each <output> in the DOM Chromium dumps after loading the page. */
function outputsOf(dom: string): Record<string, string> {
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
  return Object.fromEntries(
    [...dom.matchAll(/<output id="(\w+)">([^<]*)<\/output>/g)].map((m) => [m[1]!, decode(m[2]!)]),
  );
}

describe.skipIf(!chromium)(`goodwill bundled for the browser, ${title}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'goodwill-browser-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('computes a tie strength, an introduction and the most central person, as in Node', async () => {
    await bundle(dir);
    const run = spawnSync(
      chromium!,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        `--user-data-dir=${join(dir, 'profile')}`,
        '--dump-dom',
        pathToFileURL(join(dir, 'index.html')).href,
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(run.error, run.stderr).toBeUndefined();
    const page = outputsOf(run.stdout);
    expect(page['status'], run.stdout).toBe('ok');
    const expected = compute();
    expect(expected.introduction).not.toBe('none');
    expect(Object.fromEntries(FIELDS.map((id) => [id, page[id]]))).toEqual(expected);
  });
});
