/**
 * The docs run: every ```ts / ```js block of README.md and docs/guides/*.md
 * is executed here, and its printed output compared with the ```text block
 * that follows it.
 *
 * How a page's blocks run (for contributors):
 *
 * - **One program per page.** A page's blocks run in page order, in one
 *   child process (`node --import tsx`, so `goodwill` and its entries are the
 *   sources, as in examples/). A block sees what the blocks above it declared:
 *   each block is a scope nested in the previous one, so a later block may also
 *   declare a name again (it shadows the earlier one). Imports are hoisted and
 *   may repeat across blocks.
 * - **Hidden setup.** Code a block needs but the reader need not see (a graph
 *   to work on, inline file text for an importer) goes in an HTML comment,
 *   which renders as nothing:
 *
 *       <!-- setup: a graph for the blocks below
 *       const graph = new Graph();
 *       -->
 *
 *   It runs where it stands, as if it were a block (its output is not checked);
 *   the closing `-->` stands on a line of its own.
 * - **Output.** A ```text block right after a code block (blank lines between
 *   at most) is what the block prints with `console.log`, exactly (trailing
 *   spaces and newlines aside). A block without one may print anything. When
 *   the numbers change on purpose (the model changed), rewrite every output
 *   block from what the blocks now print:
 *
 *       UPDATE_DOC_OUTPUT=1 npx vitest run test/docs
 *
 *   and read the diff before committing it.
 * - **Not run.** A block that cannot run (a shell command is not ts; a
 *   declaration shown for its shape) says so on the line before its fence:
 *   `<!-- not run: the reason -->`. Use it rarely: a block that shows a call
 *   is better made runnable with a small inline input in a setup comment.
 * - **Dates.** Blocks pass `now` explicitly. The clock is pinned anyway
 *   (test/docs/pin-clock.ts: `new Date()` is 2030-01-01), so that a block
 *   that reads it gives the same output every day.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const runDir = join(root, '.docs-run'); // gitignored; inside the project, so that imports resolve as in examples/
const UPDATE = process.env['UPDATE_DOC_OUTPUT'] === '1';
const MARK = '\u001e';

/** A piece of a page's program: a code block (checked) or a hidden setup comment. */
interface Piece {
  kind: 'block' | 'setup';
  /** 1-based line of the fence (or the comment) in the page. */
  line: number;
  code: string;
  /** The ```text block after it: its content's first and last line (0-based, end exclusive) and text. */
  output?: { from: number; to: number; text: string };
}

interface Page {
  file: string;
  pieces: Piece[];
  skipped: { line: number; reason: string }[];
}

const FENCE = /^(`{3,}|~{3,})\s*([\w-]*)/;
const RUN_LANGS = new Set(['ts', 'typescript', 'js', 'javascript']);

/** The pieces of a page, in order. */
function readPage(file: string): Page {
  const lines = readFileSync(join(root, file), 'utf8').split('\n');
  const pieces: Piece[] = [];
  const skipped: { line: number; reason: string }[] = [];
  let i = 0;
  const lastTextLine = (before: number): string => {
    for (let j = before - 1; j >= 0; j--) if (lines[j]!.trim() !== '') return lines[j]!.trim();
    return '';
  };
  while (i < lines.length) {
    const line = lines[i]!;
    const setup = /^<!--\s*setup\b/.exec(line);
    if (setup) {
      const start = i;
      const code: string[] = [];
      for (i++; i < lines.length && lines[i]!.trim() !== '-->'; i++) code.push(lines[i]!);
      pieces.push({ kind: 'setup', line: start + 1, code: code.join('\n') });
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (!fence) {
      i++;
      continue;
    }
    const start = i;
    const close = fence[1]!;
    const body: string[] = [];
    for (i++; i < lines.length && !lines[i]!.startsWith(close); i++) body.push(lines[i]!);
    i++;
    if (!RUN_LANGS.has(fence[2]!)) continue;
    const skip = /^<!--\s*not run:\s*(.*?)\s*-->$/.exec(lastTextLine(start));
    if (skip) {
      skipped.push({ line: start + 1, reason: skip[1]! });
      continue;
    }
    const piece: Piece = { kind: 'block', line: start + 1, code: body.join('\n') };
    let j = i;
    while (j < lines.length && lines[j]!.trim() === '') j++;
    const out = j < lines.length ? FENCE.exec(lines[j]!) : null;
    if (out && out[2] === 'text') {
      let k = j + 1;
      while (k < lines.length && !lines[k]!.startsWith(out[1]!)) k++;
      piece.output = { from: j + 1, to: k, text: lines.slice(j + 1, k).join('\n') };
      i = k + 1;
    }
    pieces.push(piece);
  }
  return { file, pieces, skipped };
}

/** Import declarations at the start of a line, possibly over several lines. */
const IMPORT = /^import\s+(type\s+)?([\w$]+\s*,\s*)?(\{[^}]*\}|\*\s+as\s+[\w$]+|[\w$]+)\s+from\s+(['"][^'"]+['"]);?[ \t]*(?:\/\/.*)?$/gm;

/**
 * The page's program: its imports hoisted (a name bound twice is bound once),
 * then each piece in a scope nested in the previous one, after a marker line
 * that tells its output apart.
 */
function program(page: Page): string {
  const bound = new Set<string>();
  const imports: string[] = [];
  const bodies: string[] = [];
  page.pieces.forEach((piece, index) => {
    const body = piece.code.replace(IMPORT, (_m, type: string | undefined, def: string | undefined, rest: string, from: string) => {
      const parts: string[] = [];
      const bind = (local: string, text: string) => {
        if (bound.has(local)) return;
        bound.add(local);
        parts.push(text);
      };
      const defaultName = def?.replace(',', '').trim();
      if (defaultName) bind(defaultName, defaultName);
      if (rest.startsWith('{')) {
        const named: string[] = [];
        for (const item of rest.slice(1, -1).split(',').map((s) => s.trim()).filter(Boolean)) {
          const local = item.split(/\s+as\s+/).pop()!.replace(/^type\s+/, '');
          if (!bound.has(local)) {
            bound.add(local);
            named.push(item);
          }
        }
        if (named.length > 0) parts.push(`{ ${named.join(', ')} }`);
      } else if (rest.startsWith('*')) {
        bind(rest.split(/\s+/).pop()!, rest);
      } else {
        bind(rest, rest);
      }
      if (parts.length > 0) imports.push(`import ${type ?? ''}${parts.join(', ')} from ${from};`);
      return '';
    });
    bodies.push(`{ __docBlock(${index});\n${body}\n`);
  });
  return [
    ...imports,
    `const __docBlock = (n: number): void => void process.stdout.write('${MARK}' + n + '\\n');`,
    ...bodies,
    '}'.repeat(bodies.length),
    '',
  ].join('\n');
}

interface Run {
  /** Output per piece index; a piece that never started is absent. */
  output: Map<number, string>;
  /** The piece that was running when the program failed, or -1. */
  failedAt: number;
  stderr: string;
}

function run(page: Page): Promise<Run> {
  mkdirSync(runDir, { recursive: true });
  const path = join(runDir, `${page.file.replace(/[/.]/g, '-')}.ts`);
  writeFileSync(path, program(page));
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--import', join(root, 'test/docs/pin-clock.ts'), path],
      { cwd: root, env: { ...process.env, TZ: 'UTC' } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('close', (code) => {
      const output = new Map<number, string>();
      let current = -1;
      for (const line of stdout.split('\n')) {
        if (line.startsWith(MARK)) {
          current = Number(line.slice(1));
          output.set(current, '');
        } else if (current >= 0) {
          output.set(current, output.get(current)! + line + '\n');
        }
      }
      resolve({ output, failedAt: code === 0 ? -1 : current, stderr });
    });
  });
}

/** Output as compared: trailing spaces and blank lines at the end dropped. */
const normal = (text: string): string =>
  text
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .trimEnd();

const pages = [
  'README.md',
  ...readdirSync(join(root, 'docs/guides'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/guides/${f}`),
].map(readPage);

describe.each(pages)('$file', (page) => {
  let result: Run;
  beforeAll(async () => {
    result = await run(page);
    if (UPDATE) {
      const lines = readFileSync(join(root, page.file), 'utf8').split('\n');
      const edits = page.pieces
        .map((piece, index) => ({ piece, index }))
        .filter(({ piece }) => piece.output !== undefined)
        .reverse();
      for (const { piece, index } of edits) {
        if (index === result.failedAt || !result.output.has(index)) continue;
        lines.splice(piece.output!.from, piece.output!.to - piece.output!.from, ...normal(result.output.get(index)!).split('\n'));
      }
      writeFileSync(join(root, page.file), lines.join('\n'));
    }
  }, 120_000);

  const blocks = page.pieces.map((piece, index) => ({ piece, index })).filter(({ piece }) => piece.kind === 'block');
  if (blocks.length === 0) it.skip('has no code block to run', () => {});
  for (const { line, reason } of page.skipped) it.skip(`the block at ${page.file}:${line} is not run: ${reason}`, () => {});
  it.each(
    blocks.map(({ piece, index }) => [
      `${page.file}:${piece.line} runs${piece.output === undefined ? '' : ' and prints its output block'}`,
      piece,
      index,
    ]),
  )('the block at %s', (_title, piece, index) => {
    const where = `${page.file}:${piece.line}`;
    expect(result.output.has(index), `${where} never ran: a setup or block above it failed\n${result.stderr}`).toBe(
      true,
    );
    expect(result.failedAt, `${where} failed:\n${result.stderr}`).not.toBe(index);
    if (piece.output !== undefined && !UPDATE)
      expect(normal(result.output.get(index)!), `${where} printed something else`).toBe(normal(piece.output.text));
  });
});
