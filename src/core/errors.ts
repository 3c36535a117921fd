/**
 * Typed errors. Every error goodwill throws is a {@link GoodwillError} with a
 * stable `code` that programs can switch on, and a message that names the
 * module, the culprit (node, edge, interaction index, field) and the fix.
 *
 * @module
 */

/** Stable machine-readable error codes. */
export type GoodwillErrorCode =
  'INVALID_GRAPH' | 'NODE_NOT_FOUND' | 'INVALID_INTERACTION' | 'INVALID_OPTION' | 'PARSE_ERROR';

/** The codes, for checking (see {@link GoodwillError}). */
const CODES: ReadonlySet<string> = new Set<GoodwillErrorCode>([
  'INVALID_GRAPH',
  'NODE_NOT_FOUND',
  'INVALID_INTERACTION',
  'INVALID_OPTION',
  'PARSE_ERROR',
]);

/** Where in the input an error was found. All fields are optional. */
export interface ErrorLocation {
  /** The node key at fault. */
  node?: string;
  /** The edge key at fault. */
  edge?: string;
  /** The source of the edge at fault. */
  source?: string;
  /** The target of the edge at fault. */
  target?: string;
  /** The index of the interaction in its edge's list. */
  index?: number;
  /** The field (of an interaction) or the option at fault. */
  field?: string;
  /** The line number (1-based), for parse errors. */
  line?: number;
  /** The row (0-based) of a table of interactions, for `fromColumns` (goodwill/columns). */
  row?: number;
}

/**
 * Base class of every error goodwill throws.
 *
 * @example
 * ```ts
 * try {
 *   tieStrength(graph, 'ann', 'bob', { now: '2024-01-01' });
 * } catch (error) {
 *   if (error instanceof GoodwillError && error.code === 'NODE_NOT_FOUND') {
 *     console.log(error.location.node); // the missing key
 *   }
 * }
 * ```
 */
export class GoodwillError extends Error {
  /** A stable code; safe to switch on. */
  readonly code: GoodwillErrorCode;
  /** Where the problem is. */
  readonly location: ErrorLocation;

  /**
   * @param code - one of the {@link GoodwillErrorCode}s; any other value throws an `InvalidOptionError`.
   * @param location - an object (or `undefined`/`null`, meaning `{}`); anything else throws an `InvalidOptionError`.
   */
  constructor(code: GoodwillErrorCode, message: string, location: ErrorLocation | null = {}) {
    super(printable(message));
    this.name = 'GoodwillError';
    if (!CODES.has(code)) {
      throw new InvalidOptionError(
        `GoodwillError: the code ${describeValue(code)} is not one of ${[...CODES].join(', ')}. Use the subclass, such as InvalidGraphError, which sets it.`,
        { field: 'code' },
      );
    }
    if (location !== undefined && location !== null && (typeof location !== 'object' || Array.isArray(location))) {
      throw new InvalidOptionError(
        `GoodwillError: the location is ${describeValue(location)}; pass an object such as { node: 'ann' } (or nothing).`,
        { field: 'location' },
      );
    }
    this.code = code;
    this.location = location ?? {};
  }
}

/**
 * The input is not a graphology graph, or has a shape the algorithm cannot use.
 *
 * @example
 * ```ts
 * networkReciprocity({} as never); // throws InvalidGraphError (code INVALID_GRAPH)
 * ```
 */
export class InvalidGraphError extends GoodwillError {
  constructor(message: string, location: ErrorLocation | null = {}) {
    super('INVALID_GRAPH', message, location);
    this.name = 'InvalidGraphError';
  }
}

/**
 * A node key that the graph does not hold.
 *
 * @example
 * ```ts
 * tieStrength(graph, 'ann', 'nobody', { now }); // throws NodeNotFoundError, location.node === 'nobody'
 * ```
 */
export class NodeNotFoundError extends GoodwillError {
  constructor(message: string, location: ErrorLocation | null = {}) {
    super('NODE_NOT_FOUND', message, location);
    this.name = 'NodeNotFoundError';
  }
}

/**
 * An interaction stored on an edge is malformed: not an object, a bad `at`,
 * a bad `weight`, an unknown `kind`, or a missing `from` on an undirected edge.
 *
 * @example
 * ```ts
 * // edge ann->bob holds [{ at: 'yesterday' }]
 * // throws InvalidInteractionError: location { edge, source: 'ann', target: 'bob', index: 0, field: 'at' }
 * ```
 */
export class InvalidInteractionError extends GoodwillError {
  constructor(message: string, location: ErrorLocation | null = {}) {
    super('INVALID_INTERACTION', message, location);
    this.name = 'InvalidInteractionError';
  }
}

/**
 * An option is missing or has a value the algorithm cannot use.
 *
 * @example
 * ```ts
 * tieStrength(graph, 'ann', 'bob', {} as never); // throws InvalidOptionError, location.field === 'now'
 * ```
 */
export class InvalidOptionError extends GoodwillError {
  constructor(message: string, location: ErrorLocation | null = {}) {
    super('INVALID_OPTION', message, location);
    this.name = 'InvalidOptionError';
  }
}

/**
 * Text given to a parser (`parseEdgeList`) is malformed; `location.line` names the line.
 *
 * @example
 * ```ts
 * parseEdgeList('1 2 x', { format: 'snap' }); // throws ParseError, location.line === 1
 * ```
 */
export class ParseError extends GoodwillError {
  constructor(message: string, location: ErrorLocation | null = {}) {
    super('PARSE_ERROR', message, location);
    this.name = 'ParseError';
  }
}

/**
 * The message as text. `String()` throws a TypeError on a value that cannot
 * become a string (an object without a callable `toString`, or one that
 * returns an object); an error class must never throw one of its own.
 */
function printable(message: unknown): string {
  try {
    return String(message);
  } catch {
    return '(unprintable)';
  }
}

/** Formats a value for an error message, briefly and safely. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  // undefined, null, numbers, booleans and bigints print as themselves (one branch: the main entry's size budget).
  if (value == null || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : `Date(${value.toISOString()})`;
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (typeof value === 'function') return 'a function';
  return `an object`;
}

/** Formats a node key for a message. */
export function quoteKey(key: string): string {
  return JSON.stringify(key);
}

/**
 * The error for an option that breaks its rule, in the words every module
 * uses: "`module`: the option \``field`\` `rule`; got `value`." — naming
 * the option in the text and in `location.field`.
 */
export function optionError(module: string, field: string, rule: string, value: unknown): InvalidOptionError {
  return new InvalidOptionError(`${module}: the option \`${field}\` ${rule}; got ${describeValue(value)}.`, { field });
}

/** The same for an option of the wrong kind: "`module`: the option \``field`\` is `value`; `fix`." */
export function optionIsError(module: string, field: string, value: unknown, fix: string): InvalidOptionError {
  return new InvalidOptionError(`${module}: the option \`${field}\` is ${describeValue(value)}; ${fix}.`, { field });
}
