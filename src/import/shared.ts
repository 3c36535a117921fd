/**
 * Helpers shared by the importers: line-numbered blocks of iCalendar and
 * vCard text, and the result they build.
 *
 * @module
 * @internal
 */
import { readOptionsObject, readString } from '../core/args.js';
import { ParseError, optionError } from '../core/errors.js';
import type { ImportedPerson, ImportResult } from './types.js';

/** One `BEGIN:NAME … END:NAME` block: its text and the 1-based line it starts on. */
export interface Block {
  name: string;
  line: number;
  text: string;
}

/**
 * Splits iCalendar or vCard text into the blocks named in `names` (at any
 * depth), with their first line; a block that never ends is returned with
 * `text` null so that the caller can report it. Folded lines stay in their
 * block (ical.js unfolds them).
 */
export function splitBlocks(
  text: string,
  names: ReadonlySet<string>,
): (Block | { name: string; line: number; text: null })[] {
  const out: (Block | { name: string; line: number; text: null })[] = [];
  let open: { name: string; line: number; start: number } | null = null;
  let lineNo = 0;
  for (let pos = 0; pos < text.length;) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    lineNo++;
    // Only lines that start with B or E can open or close a block.
    const c = text.charCodeAt(pos);
    if (c === 66 || c === 98 || c === 69 || c === 101) {
      const line = text.slice(pos, text.charCodeAt(end - 1) === 13 ? end - 1 : end).toUpperCase();
      if (open === null && line.startsWith('BEGIN:') && names.has(line.slice(6))) {
        open = { name: line.slice(6), line: lineNo, start: pos };
      } else if (open !== null && line === `END:${open.name}`) {
        out.push({ name: open.name, line: open.line, text: text.slice(open.start, end) });
        open = null;
      } else if (open !== null && line.startsWith('BEGIN:') && line.slice(6) === open.name) {
        // A block that never ended, followed by the next one.
        out.push({ name: open.name, line: open.line, text: null });
        open = { name: open.name, line: lineNo, start: pos };
      }
    }
    pos = end + 1;
  }
  if (open !== null) out.push({ name: open.name, line: open.line, text: null });
  return out;
}

/** Throws a {@link ParseError} unless `text` is a string. */
export function checkText(text: unknown, module: string): asserts text is string {
  if (typeof text !== 'string')
    throw new ParseError(
      `${module}: expected the file's text as a string, got ${text === null ? 'null' : typeof text}. Read the file first (fs.readFileSync(path, 'utf8')); importers do no I/O.`,
    );
}

/** Sorts an importer's problems into file order (stable: problems of one line keep the order they were found in). */
export function inFileOrder(result: ImportResult): ImportResult {
  result.problems.sort((a, b) => a.line - b.line);
  return result;
}

/** An empty result. Its aliases are a record with no prototype, so that an address such as `__proto__` is an ordinary entry. */
export function emptyResult(): ImportResult {
  return { events: [], people: [], aliases: Object.create(null) as Record<string, string>, problems: [] };
}

/** Collects people by key, keeping the first name seen. */
export class PeopleBook {
  private readonly byKey = new Map<string, ImportedPerson>();

  see(key: string, name: string | undefined): void {
    if (key === '') return;
    const known = this.byKey.get(key);
    if (known === undefined) this.byKey.set(key, name ? { key, name } : { key });
    else if (known.name === undefined && name) known.name = name;
  }

  list(): ImportedPerson[] {
    return [...this.byKey.values()];
  }
}

/** An address as a key: trimmed and lower case, without a `mailto:` prefix. */
export function addressKey(value: string): string {
  const v = value.trim();
  return (/^mailto:/i.test(v) ? v.slice(7) : v).toLowerCase();
}

/** The options object of an importer (undefined: none), checked. */
export function importOptions<T extends object>(options: T | undefined, module: string): Partial<T> {
  return options === undefined ? {} : readOptionsObject(module, options);
}

/** A budget option: a positive integer (default `fallback`). */
export function budgetOption(value: unknown, field: string, fallback: number, module: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1)
    throw optionError(module, field, `must be a positive integer (default ${fallback})`, value);
  return value;
}

/** A text option (an event kind, an owner's address): a non-empty string (default `fallback`). */
export function textOption(value: unknown, field: string, fallback: string, module: string): string;
export function textOption(value: unknown, field: string, fallback: undefined, module: string): string | undefined;
export function textOption(
  value: unknown,
  field: string,
  fallback: string | undefined,
  module: string,
): string | undefined {
  return value === undefined ? fallback : readString(module, field, value, true);
}

/** A list option: an array of strings (default `fallback`). */
export function stringsOption(
  value: unknown,
  field: string,
  fallback: readonly string[],
  module: string,
): readonly string[] {
  if (value === undefined) return fallback;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
    throw optionError(module, field, "must be an array of strings such as ['DECLINED']", value);
  return value as string[];
}
