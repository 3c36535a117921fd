/**
 * The kind catalogue: each interaction kind has a role and a default value.
 *
 * @module
 */
import { InvalidOptionError, describeValue, optionIsError } from './errors.js';

/**
 * What an interaction does to a relationship.
 * - `contact`: attention, reaching out (the *initiative* lens of reciprocity);
 * - `give`: value flows from the initiator to the other (the *exchange* lens);
 * - `ask`: the initiator asks the other for value (a claim on the other).
 */
export type Role = 'contact' | 'give' | 'ask';

/** Numeric codes of the roles in the compact index: the one home of these numbers. */
export const ROLE_CONTACT = 0;
export const ROLE_GIVE = 1;
export const ROLE_ASK = 2;
export const ROLE_CODE = /* @__PURE__ */ Object.freeze({
  contact: ROLE_CONTACT,
  give: ROLE_GIVE,
  ask: ROLE_ASK,
} as const satisfies Record<Role, number>);

/** The roles, indexed by their numeric code (frozen). */
export const ROLES: readonly Role[] = /* @__PURE__ */ Object.freeze(['contact', 'give', 'ask'] as const);

/**
 * The largest kind value and the largest interaction weight: 1e12 each. An
 * event's value is then at most 1e24, and a sum over even 10^280 events stays
 * finite, so no accepted input overflows to Infinity or NaN.
 */
export const MAX_KIND_VALUE = 1e12;
/** The largest interaction `weight` (see {@link MAX_KIND_VALUE}). */
export const MAX_WEIGHT = 1e12;

/** In a group of up to this many others, an interaction counts in full (see {@link groupShare}). */
export const GROUP_FULL_OTHERS = 3;

/**
 * The share of an interaction's value that counts for the pair when it
 * happened in a group of `size` people (the initiator included): whole up to
 * {@link GROUP_FULL_OTHERS} others, then 3 / (size − 1). Closeness weighs a
 * 1:1 above being one of many: on the Enron e-mail, a message to many
 * recipients said less about whether the two would write one-to-one later, or
 * still be in contact months on, and this rule predicted both better than
 * counting every message alike, 1/√k or 1/k (`scripts/group-closeness.ts`; the
 * numbers are in the data guide). The one place the rule lives: the
 * interaction reader multiplies the value (kind value × weight) by it, so
 * warmth and exchange follow it, while counts — stage, answers, rhythm — do
 * not.
 */
export function groupShare(size: number): number {
  const others = size - 1;
  return others <= GROUP_FULL_OTHERS ? 1 : GROUP_FULL_OTHERS / others;
}

/**
 * The names of the default catalogue's kinds ({@link DEFAULT_KINDS}). An
 * interaction's `kind` is typed `KnownKind | (string & {})`: editors suggest
 * these names, and any other string (a kind you add with the option `kinds`)
 * still type-checks.
 *
 * @example
 * ```ts
 * const kind: KnownKind = 'favor'; // 'favour' is a type error here
 * ```
 */
export type KnownKind =
  | 'message'
  | 'call'
  | 'meeting'
  | 'event'
  | 'help'
  | 'favor'
  | 'recommendation'
  | 'introduction'
  | 'referral'
  | 'request'
  | 'pitch';

/** A kind's definition in the catalogue. */
export interface KindDefinition {
  /** What the kind does to the relationship. */
  role: Role;
  /** Default value of one interaction of this kind (multiplied by its `weight`); from 0 to 1e12 ({@link MAX_KIND_VALUE}). */
  value: number;
  /**
   * Whether both people take part in it (a call, a meeting, a meal): it then
   * counts as contact for both sides, while the one who set it up is still
   * recorded as having taken the initiative. Default `false` (a message is
   * written by one side and may go unanswered).
   */
  joint?: boolean;
}

/** A kind catalogue: kind name → definition. A plain object or a `Map`. */
export type KindCatalogue = Readonly<Record<string, KindDefinition>> | ReadonlyMap<string, KindDefinition>;

/** A frozen kind definition. */
const defineKind = (role: Role, value: number, joint = false): KindDefinition =>
  Object.freeze(joint ? { role, value, joint } : { role, value });

/**
 * The default catalogue. An interaction without `kind` is a
 * plain contact of value 1.
 *
 * | role | kinds (value) |
 * |---|---|
 * | contact | message 1, call 2 (joint), meeting 3 (joint), event 2 (joint) |
 * | give | help 4, favor 4, recommendation 5, introduction 6, referral 8 |
 * | ask | request 2, pitch 2 |
 *
 * @example
 * ```ts
 * DEFAULT_KINDS.referral; // { role: 'give', value: 8 }
 * ```
 */
export const DEFAULT_KINDS: Readonly<Record<string, KindDefinition>> = /* @__PURE__ */ Object.freeze({
  message: defineKind('contact', 1),
  call: defineKind('contact', 2, true),
  meeting: defineKind('contact', 3, true),
  event: defineKind('contact', 2, true),
  help: defineKind('give', 4),
  favor: defineKind('give', 4),
  recommendation: defineKind('give', 5),
  introduction: defineKind('give', 6),
  referral: defineKind('give', 8),
  request: defineKind('ask', 2),
  pitch: defineKind('ask', 2),
} satisfies Record<KnownKind, KindDefinition>);

/** What to do with a kind that the catalogue does not know. */
export type UnknownKindPolicy = 'error' | 'contact' | 'ignore';

/** Options that shape the kind catalogue. */
export interface KindOptions {
  /** Kinds to add to (or override in) the default catalogue. */
  kinds?: KindCatalogue;
  /** Replace the default catalogue by `kinds` instead of extending it. Default `false`. */
  replaceKinds?: boolean;
  /** Unknown kinds: `'error'` (default) throws, `'contact'` counts them as contacts of value 1, `'ignore'` skips them. */
  unknownKind?: UnknownKindPolicy;
}

/** A resolved kind: its role code, value, and id in the table. */
export interface ResolvedKind {
  readonly name: string;
  readonly role: Role;
  readonly roleCode: number;
  readonly value: number;
  /** Both people take part (see {@link KindDefinition.joint}). */
  readonly joint: boolean;
  readonly id: number;
}

/** The resolved catalogue: kind name → resolved kind, plus the policy for unknown kinds. */
export interface KindTable {
  readonly byName: ReadonlyMap<string, ResolvedKind>;
  /** Kinds by id; id 0 is the implicit kind of an interaction without `kind` (a contact of value 1). */
  readonly list: readonly ResolvedKind[];
  readonly unknown: UnknownKindPolicy;
}

/** Name of the implicit kind of an interaction with no `kind` field. */
export const DEFAULT_KIND_NAME = '(none)';

/**
 * Resolves and validates the catalogue from options.
 *
 * @example
 * ```ts
 * const table = resolveKinds({ kinds: { coffee: { role: 'contact', value: 2 } } }, 'goodwill');
 * table.byName.get('coffee')?.value; // 2
 * ```
 */
export function resolveKinds(options: KindOptions, module: string): KindTable {
  const unknown = options.unknownKind ?? 'error';
  if (unknown !== 'error' && unknown !== 'contact' && unknown !== 'ignore') {
    throw optionIsError(module, 'unknownKind', unknown, "use 'error', 'contact' or 'ignore'");
  }
  const entries: Array<[string, unknown]> = [];
  if (!options.replaceKinds) entries.push(...Object.entries(DEFAULT_KINDS));
  const extra = options.kinds;
  if (extra !== undefined) {
    if (extra instanceof Map) entries.push(...(extra as Map<string, unknown>).entries());
    else if (extra !== null && typeof extra === 'object') entries.push(...Object.entries(extra));
    else {
      throw optionIsError(module, 'kinds', extra, 'pass an object or Map from kind name to { role, value }');
    }
  }
  const list: ResolvedKind[] = [
    { name: DEFAULT_KIND_NAME, role: 'contact', roleCode: 0, value: 1, joint: false, id: 0 },
  ];
  const byName = new Map<string, ResolvedKind>();
  /** The error for kind `name`, at `field` of its definition ('' for the whole). */
  const kindError = (name: string, field: string, text: string) =>
    new InvalidOptionError(`${module}: the kind ${JSON.stringify(name)} ${text}`, { field: `kinds.${name}${field}` });
  for (const [name, raw] of entries) {
    const def = raw as Partial<KindDefinition> | null;
    if (def === null || typeof def !== 'object') {
      throw kindError(
        name,
        '',
        `in \`kinds\` is ${describeValue(raw)}; define it as { role: 'contact' | 'give' | 'ask', value: number }.`,
      );
    }
    if (def.role !== 'contact' && def.role !== 'give' && def.role !== 'ask') {
      throw kindError(name, '.role', `has role ${describeValue(def.role)}; use 'contact', 'give' or 'ask'.`);
    }
    if (typeof def.value !== 'number' || !(def.value >= 0 && def.value <= MAX_KIND_VALUE)) {
      throw kindError(
        name,
        '.value',
        `has value ${describeValue(def.value)}; it must be a finite number >= 0 and at most 1e12.`,
      );
    }
    if (def.joint !== undefined && typeof def.joint !== 'boolean') {
      throw kindError(name, '.joint', `has joint ${describeValue(def.joint)}; use true (both take part) or false.`);
    }
    const previous = byName.get(name);
    const id = previous ? previous.id : list.length;
    const kind: ResolvedKind = {
      name,
      role: def.role,
      roleCode: ROLE_CODE[def.role],
      value: def.value + 0,
      joint: def.joint === true,
      id,
    };
    list[id] = kind;
    byName.set(name, kind);
  }
  return { byName, list, unknown };
}

/** Levenshtein distance between `a` and `b` (two rows). */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/**
 * The known kind that an unknown kind name was probably meant to be, or
 * `undefined`: the nearest name ignoring case, within one edit for names up
 * to 4 characters and two beyond — which covers British spellings
 * (`favour` → `favor`), plurals (`meetings`) and typos — ties broken by the
 * order of `known`.
 *
 * @example
 * ```ts
 * suggestKind('favour', Object.keys(DEFAULT_KINDS));   // 'favor'
 * suggestKind('Meetings', Object.keys(DEFAULT_KINDS)); // 'meeting'
 * suggestKind('coffee', Object.keys(DEFAULT_KINDS));   // undefined
 * ```
 */
export function suggestKind(name: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = name.length > 4 ? 3 : 2;
  for (const k of known) {
    const d = editDistance(name.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best;
}

/**
 * What an error about the unknown kind `rawKind` says after "which the kind
 * catalogue does not define": the kind it was probably meant to be (see
 * {@link suggestKind}), the known kinds, and how to add it (with the
 * suggested kind's role and value, else a contact's).
 *
 * @example
 * ```ts
 * unknownKindAdvice('favour', table.byName);
 * // 'Did you mean `favor`? Known kinds: message, call, … Or add it with the option
 * //  kinds: { "favour": { role: 'give', value: 4 } }, or set unknownKind: 'contact' or 'ignore'.'
 * ```
 */
export function unknownKindAdvice(rawKind: unknown, byName: ReadonlyMap<string, ResolvedKind>): string {
  const known = [...byName.keys()];
  const like = byName.get((typeof rawKind === 'string' && suggestKind(rawKind, known)) || '');
  return `${like ? `Did you mean \`${like.name}\`? ` : ''}Known kinds: ${known.join(', ') || 'none'}. Or add it with the option kinds: { ${typeof rawKind === 'string' ? JSON.stringify(rawKind) : 'name'}: { role: '${like?.role ?? 'contact'}', value: ${like?.value ?? 1} } }, or set unknownKind: 'contact' or 'ignore'.`;
}
