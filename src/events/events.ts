/**
 * Events with several participants → pairwise interactions, by the group
 * rule of the data guide:
 *
 * - the initiator (`from`, else the option `self`) initiates one interaction
 *   toward each other participant; participants do not get interactions
 *   with each other (an e-mail's recipients did not write to each other; two
 *   attendees of a meeting may not have spoken);
 * - a person is counted once per event, in the most direct role they hold
 *   (`to`, then `attendee`, then `cc`), and never toward themselves;
 * - each interaction's `weight` is `event.weight × role share × dilution(k)`,
 *   with the role share 1 for `to` and `attendee` and `ccWeight` (0.5) for
 *   `cc`; dilution by the number `k` of people addressed is 1 by default
 *   (`'none'`): on the Enron e-mail, diluting by `1/k` or `1/√k` predicted
 *   which ties persist slightly worse at each of five cuts (the data guide
 *   has the table), so the group size is kept on each interaction instead,
 *   and `dilution: 'inverse' | 'sqrt'` is there for apps that want it;
 * - every interaction keeps its group `{ id, size, role }`.
 *
 * @module
 */
import { readOptionsObject } from '../core/args.js';
import { InvalidInteractionError, InvalidOptionError, describeValue, optionIsError } from '../core/errors.js';
import { describeTimeProblem, timeToMs } from '../core/time.js';
import type {
  AliasInput,
  Dilution,
  EventOptions,
  EventGroup,
  EventReport,
  GroupEvent,
  GroupInteraction,
  GroupRole,
  PairwiseInteraction,
} from './types.js';

/** The largest weight goodwill accepts on an interaction. */
const MAX_WEIGHT = 1e12;

/** A resolver from an address to a person's key. */
export type Resolver = (id: string) => string;

/**
 * Turns an alias map or function into a resolver (identity where there is
 * no alias). Chains (`a → b`, `b → c`) resolve to their end, so that every
 * address of a person lands on one key whatever order the map was written
 * in; a cycle (`a → b`, `b → a`, as two duplicate contact cards give) is an
 * {@link InvalidOptionError}. A map is checked whole here, before anything
 * reads it; a function's answers are followed and checked as they come.
 *
 * @example
 * ```ts
 * const resolve = aliasResolver({ 'ann@home.org': 'ann@acme.com' }, 'addEvents');
 * resolve('ann@home.org'); // 'ann@acme.com'
 * resolve('bob@globex.com'); // 'bob@globex.com'
 * ```
 */
export function aliasResolver(aliases: AliasInput | undefined, module: string): Resolver {
  if (aliases === undefined || aliases === null) return (id) => id;
  if (typeof aliases === 'function') return functionResolver(aliases, module);
  const map = new Map<string, string>();
  if (aliases instanceof Map) {
    for (const [from, to] of aliases as ReadonlyMap<unknown, unknown>) {
      checkAlias(from, to, module);
      map.set(from as string, to as string);
    }
  } else if (typeof aliases !== 'object' || Array.isArray(aliases)) {
    throw optionIsError(
      module,
      'aliases',
      aliases,
      "pass an object or a Map from address to person key ({ 'ann@home.org': 'ann' }), or a function",
    );
  } else {
    for (const from of Object.keys(aliases)) {
      const to = (aliases as Record<string, unknown>)[from];
      checkAlias(from, to, module);
      map.set(from, to as string);
    }
  }
  const closed = closeChains((id) => map.get(id), map.keys(), module);
  return (id) => closed.get(id) ?? id;
}

/**
 * Every key of `keys` mapped to the end of its chain, each chain walked once
 * (linear in the map's size); a cycle throws.
 */
function closeChains(
  step: (id: string) => string | undefined,
  keys: Iterable<string>,
  module: string,
  closed = new Map<string, string>(),
): Map<string, string> {
  for (const start of keys) {
    if (closed.has(start)) continue;
    const path: string[] = [];
    const onPath = new Set<string>();
    let key = start;
    let end: string | undefined;
    for (;;) {
      const known = closed.get(key);
      if (known !== undefined) {
        end = known;
        break;
      }
      const next = step(key);
      if (next === undefined || next === key) {
        end = key;
        break;
      }
      if (onPath.has(key)) throw aliasCycle(key, module);
      if (path.length >= MAX_ALIAS_CHAIN) throw aliasEndless(start, module);
      onPath.add(key);
      path.push(key);
      key = next;
    }
    for (const id of path) closed.set(id, end);
  }
  return closed;
}

/** A chain longer than this comes from a function that makes up new keys: it would never end. */
const MAX_ALIAS_CHAIN = 10_000;

function aliasEndless(key: string, module: string): InvalidOptionError {
  return new InvalidOptionError(
    `${module}: the alias resolver maps ${JSON.stringify(key)} through more than ${MAX_ALIAS_CHAIN} keys without reaching one it keeps; return the person's final key.`,
    { field: 'aliases' },
  );
}

function aliasCycle(key: string, module: string): InvalidOptionError {
  return new InvalidOptionError(
    `${module}: the aliases form a cycle through ${JSON.stringify(key)} (a → b → … → a, as two cards of one person listing the same addresses in another order give); map every address to the person's one key.`,
    { field: 'aliases' },
  );
}

/** A resolver that follows an alias function's chains to their end (each answer checked, each id resolved once). */
function functionResolver(aliases: (id: string) => string | undefined | null, module: string): Resolver {
  const memo = new Map<string, string>();
  const step = (id: string): string | undefined => {
    const key: unknown = aliases(id);
    if (key === undefined || key === null) return undefined;
    if (typeof key !== 'string')
      throw new InvalidOptionError(
        `${module}: the alias resolver returned ${describeValue(key)} for ${JSON.stringify(id)}; return a person's key (a string), or undefined to keep the address.`,
        { field: 'aliases' },
      );
    return key;
  };
  return (id) => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    closeChains(step, [id], module, memo);
    return memo.get(id) ?? id;
  };
}

function checkAlias(from: unknown, to: unknown, module: string): void {
  if (typeof from !== 'string' || typeof to !== 'string') {
    throw new InvalidOptionError(
      `${module}: the alias ${describeValue(from)} → ${describeValue(to)} is not a pair of strings; map each address to a person's key.`,
      { field: 'aliases' },
    );
  }
}

/** The domain of an address (after the last `@`, lower case), or '' for a handle without one. */
function domainOf(id: string): string {
  const at = id.lastIndexOf('@');
  return at < 0 ? '' : id.slice(at + 1).toLowerCase();
}

/** Whether `domain` is one of `domains` or a subdomain of one. */
function inDomains(domain: string, domains: ReadonlySet<string>): boolean {
  if (domain === '') return false;
  for (let d = domain; ;) {
    if (domains.has(d)) return true;
    const dot = d.indexOf('.');
    if (dot < 0) return false;
    d = d.slice(dot + 1);
  }
}

function stringSet(value: unknown, field: string, module: string, lower: boolean): ReadonlySet<string> {
  if (value === undefined) return new Set();
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw optionIsError(module, field, value, 'pass an array of strings');
  }
  return new Set((value as string[]).map((v) => (lower ? v.toLowerCase().replace(/^@/, '') : v)));
}

/** The options of the group rule, checked once. */
export interface ResolvedEventOptions {
  resolve: Resolver;
  self: string | undefined;
  dilution: Dilution;
  ccWeight: number;
  maxGroupSize: number;
  domains: ReadonlySet<string>;
  addresses: ReadonlySet<string>;
  people: ReadonlySet<string>;
  kinds: ReadonlySet<string>;
  internal: ReadonlySet<string>;
}

/**
 * Checks the options of {@link eventsToInteractions} and resolves their defaults.
 *
 * @example
 * ```ts
 * resolveEventOptions({ dilution: 'sqrt' }, 'addEvents').ccWeight; // 0.5
 * ```
 */
export function resolveEventOptions(options: EventOptions | undefined, module: string): ResolvedEventOptions {
  const o = readOptionsObject(module, options ?? {});
  const dilution = o.dilution ?? 'none';
  if (dilution !== 'inverse' && dilution !== 'sqrt' && dilution !== 'none') {
    throw optionIsError(
      module,
      'dilution',
      dilution,
      "use 'none' (weight 1 for each person addressed, the default), 'inverse' (1/k) or 'sqrt' (1/√k)",
    );
  }
  const ccWeight = o.ccWeight ?? 0.5;
  if (typeof ccWeight !== 'number' || !(ccWeight >= 0 && ccWeight <= 1)) {
    throw optionIsError(
      module,
      'ccWeight',
      ccWeight,
      'pass a number in [0, 1] (the share of credit of someone only in copy)',
    );
  }
  const maxGroupSize = o.maxGroupSize ?? Infinity;
  if (typeof maxGroupSize !== 'number' || !(maxGroupSize >= 2)) {
    throw optionIsError(
      module,
      'maxGroupSize',
      maxGroupSize,
      'pass a number ≥ 2 (participants, initiator included), or leave it out for no limit',
    );
  }
  if (o.self !== undefined && typeof o.self !== 'string') {
    throw optionIsError(module, 'self', o.self, 'pass the key or address of the owner of the data');
  }
  const exclude = o.exclude ?? {};
  if (typeof exclude !== 'object' || exclude === null || Array.isArray(exclude)) {
    throw optionIsError(module, 'exclude', exclude, 'pass { domains?, addresses?, people?, kinds? }');
  }
  return {
    resolve: aliasResolver(o.aliases, module),
    self: o.self,
    dilution,
    ccWeight,
    maxGroupSize,
    domains: stringSet(exclude.domains, 'exclude.domains', module, true),
    addresses: stringSet(exclude.addresses, 'exclude.addresses', module, true),
    people: stringSet(exclude.people, 'exclude.people', module, false),
    kinds: stringSet(exclude.kinds, 'exclude.kinds', module, false),
    internal: stringSet(o.internalDomains, 'internalDomains', module, true),
  };
}

/** A fresh report with every count at 0. */
export function emptyReport(): EventReport {
  return {
    events: 0,
    kept: 0,
    interactions: 0,
    droppedEvents: { kind: 0, internal: 0, excludedInitiator: 0, noInitiator: 0, noRecipients: 0, tooLarge: 0 },
    removedParticipants: { domain: 0, address: 0, person: 0 },
  };
}

/** The credit `base` shared by `k` people addressed: each one's share. */
function dilute(dilution: Dilution, base: number, k: number): number {
  return dilution === 'inverse' ? base / k : dilution === 'sqrt' ? base / Math.sqrt(k) : base;
}

/** A typed error naming the event (its position and id), the field, the problem and the fix. */
export function eventError(
  module: string,
  index: number,
  event: GroupEvent | undefined,
  field: string,
  problem: string,
  fix: string,
): InvalidInteractionError {
  const id =
    event !== undefined && typeof event === 'object' && event !== null && typeof event.id === 'string'
      ? ` (id ${JSON.stringify(event.id)})`
      : '';
  return new InvalidInteractionError(
    `${module}: event ${index}${id}: ${field === '' ? '' : `\`${field}\` `}${problem}. ${fix}`,
    { index, ...(field === '' ? {} : { field }) },
  );
}

function checkList(
  module: string,
  index: number,
  event: GroupEvent,
  field: 'to' | 'cc' | 'attendees',
): readonly string[] {
  const list = event[field];
  if (list === undefined) return [];
  if (!Array.isArray(list))
    throw eventError(
      module,
      index,
      event,
      field,
      `is ${describeValue(list)}`,
      'Pass an array of addresses or person keys.',
    );
  for (let i = 0; i < list.length; i++) {
    if (typeof list[i] !== 'string')
      throw eventError(
        module,
        index,
        event,
        `${field}[${i}]`,
        `is ${describeValue(list[i])}`,
        'Each participant is a string: an address or a person key.',
      );
  }
  return list as readonly string[];
}

/**
 * Converts one event (index `index` of its list) into pairwise interactions,
 * handing each to `emit` (initiator, participant, interaction) and counting in `report`. The one implementation of
 * the group rule (see the module comment).
 */
export function convertEvent(
  event: GroupEvent,
  index: number,
  o: ResolvedEventOptions,
  report: EventReport,
  emit: (source: string, target: string, interaction: GroupInteraction) => void,
  module: string,
): void {
  if (event === null || typeof event !== 'object')
    throw eventError(
      module,
      index,
      undefined,
      '',
      `is ${describeValue(event)}, not an object`,
      'Pass { at, kind, from, to, cc, attendees, id }.',
    );
  report.events++;
  const atMs = timeToMs(event.at);
  if (atMs !== atMs)
    throw eventError(
      module,
      index,
      event,
      'at',
      `is ${describeValue(event.at)}: ${describeTimeProblem(event.at)}`,
      'Use a Date, epoch milliseconds or an ISO 8601 string (UTC without an offset).',
    );
  if (event.kind !== undefined && typeof event.kind !== 'string')
    throw eventError(
      module,
      index,
      event,
      'kind',
      `is ${describeValue(event.kind)}`,
      'Use a kind name such as "message" or "meeting".',
    );
  const base = event.weight ?? 1;
  if (typeof base !== 'number' || !(base >= 0 && base <= MAX_WEIGHT))
    throw eventError(module, index, event, 'weight', `is ${describeValue(base)}`, 'Use a number from 0 to 1e12.');
  if (event.from !== undefined && typeof event.from !== 'string')
    throw eventError(
      module,
      index,
      event,
      'from',
      `is ${describeValue(event.from)}`,
      "Use the initiator's address or key.",
    );
  if (event.id !== undefined && typeof event.id !== 'string')
    throw eventError(module, index, event, 'id', `is ${describeValue(event.id)}`, 'Use a string identifier.');
  const to = checkList(module, index, event, 'to');
  const attendees = checkList(module, index, event, 'attendees');
  const cc = checkList(module, index, event, 'cc');
  if (event.kind !== undefined && o.kinds.has(event.kind)) {
    report.droppedEvents.kind++;
    return;
  }
  const rawFrom = event.from ?? o.self;
  if (rawFrom === undefined) {
    report.droppedEvents.noInitiator++;
    return;
  }
  // Every distinct person once, in the most direct role; the raw address that brought them in.
  const from = o.resolve(rawFrom);
  const people = new Participants(from);
  people.add(to, 'to', o.resolve);
  people.add(attendees, 'attendee', o.resolve);
  people.add(cc, 'cc', o.resolve);
  const size = people.count + 1;
  if (size > o.maxGroupSize) {
    report.droppedEvents.tooLarge++;
    return;
  }
  const { keys, raws, roles } = people;
  if (o.internal.size > 0 && inDomains(domainOf(rawFrom), o.internal)) {
    let allInternal = true;
    for (const raw of raws) if (!inDomains(domainOf(raw), o.internal)) allInternal = false;
    if (allInternal) {
      report.droppedEvents.internal++;
      return;
    }
  }
  // Privacy: the initiator excluded drops the event; a participant excluded leaves it.
  const filtering = o.domains.size > 0 || o.addresses.size > 0 || o.people.size > 0;
  if (filtering && excluded(rawFrom, from, o, report) !== 0) {
    report.droppedEvents.excludedInitiator++;
    for (let i = 0; i < keys.length; i++) excluded(raws[i]!, keys[i]!, o, report);
    return;
  }
  let kept = keys.length;
  if (filtering)
    for (let i = 0; i < keys.length; i++)
      if (excluded(raws[i]!, keys[i]!, o, report) !== 0) {
        roles[i] = undefined;
        kept--;
      }
  if (kept === 0) {
    report.droppedEvents.noRecipients++;
    return;
  }
  report.kept++;
  const credit = dilute(o.dilution, base, size - 1);
  const at = typeof event.at === 'string' || typeof event.at === 'number' ? event.at : new Date(atMs);
  const kind = event.kind;
  const id = event.id;
  // One frozen group object per role of the event, shared by its interactions.
  const groups: Partial<Record<GroupRole, Readonly<EventGroup>>> = {};
  for (let i = 0; i < keys.length; i++) {
    const role = roles[i];
    if (role === undefined) continue;
    const group = (groups[role] ??= Object.freeze(id === undefined ? { size, role } : { id, size, role }));
    const weight = role === 'cc' ? credit * o.ccWeight : credit;
    const interaction: GroupInteraction =
      kind === undefined ? { at, from, weight, group } : { at, from, weight, group, kind };
    emit(from, keys[i]!, interaction);
    report.interactions++;
  }
}

/**
 * An event's participants, each person once in the most direct role that
 * brought them in (lists are added in order to, attendee, cc), never the
 * initiator. Arrays with a linear search for the usual small event; a set
 * of keys beyond {@link Participants.LINEAR} people.
 */
class Participants {
  static readonly LINEAR = 16;
  readonly keys: string[] = [];
  readonly raws: string[] = [];
  readonly roles: (GroupRole | undefined)[] = [];
  private seen: Set<string> | undefined;

  constructor(private readonly from: string) {}

  get count(): number {
    return this.keys.length;
  }

  add(list: readonly string[], role: GroupRole, resolve: Resolver): void {
    for (const raw of list) {
      const key = resolve(raw);
      if (key === this.from || this.has(key)) continue;
      this.keys.push(key);
      this.raws.push(raw);
      this.roles.push(role);
      this.seen?.add(key);
    }
  }

  private has(key: string): boolean {
    const { keys } = this;
    if (this.seen !== undefined) return this.seen.has(key);
    if (keys.length < Participants.LINEAR) return keys.includes(key);
    this.seen = new Set(keys);
    return this.seen.has(key);
  }
}

/** Whether a participant is excluded (counted in the report): 0 no, else 1. */
function excluded(raw: string, key: string, o: ResolvedEventOptions, report: EventReport): number {
  if (o.people.has(key)) {
    report.removedParticipants.person++;
    return 1;
  }
  if (o.addresses.size > 0 && o.addresses.has(raw.toLowerCase())) {
    report.removedParticipants.address++;
    return 1;
  }
  if (o.domains.size > 0 && inDomains(domainOf(raw), o.domains)) {
    report.removedParticipants.domain++;
    return 1;
  }
  return 0;
}

/** The result of {@link eventsToInteractions}. */
export interface EventsToInteractionsResult {
  /** Pairwise interactions, in the order of the events. */
  interactions: PairwiseInteraction[];
  /** What was kept and dropped. */
  report: EventReport;
}

/**
 * Turns events with several participants into pairwise interactions, by the
 * group rule (see the data guide): the initiator initiates one interaction
 * toward each other participant, of weight 1 (someone only in copy gets
 * `ccWeight`, 0.5; `dilution` divides by the number of people addressed),
 * each keeping its group `{ id, size, role }`. Aliases are resolved and privacy filters applied as
 * events are read; the report counts what was dropped. Pure: writes nothing.
 *
 * @see [Bringing your data](../../docs/guides/data.md), the guide.
 *
 * @example
 * ```ts
 * const { interactions, report } = eventsToInteractions(
 *   [{ at: '2024-03-05T08:15:00Z', kind: 'message', from: 'ann@acme.com', to: ['bob@globex.com'], cc: ['cy@initech.com'], id: 'm1' }],
 *   { aliases: { 'ann@acme.com': 'ann' } },
 * );
 * interactions[0]; // { source: 'ann', target: 'bob@globex.com', interaction: { at, kind: 'message', from: 'ann', weight: 1, group: { id: 'm1', size: 3, role: 'to' } } }
 * interactions[1].interaction.weight; // 0.5: in copy
 * report.kept; // 1
 * ```
 */
export function eventsToInteractions(events: Iterable<GroupEvent>, options?: EventOptions): EventsToInteractionsResult {
  const module = 'eventsToInteractions';
  const o = resolveEventOptions(options, module);
  const report = emptyReport();
  const interactions: PairwiseInteraction[] = [];
  let index = 0;
  const emit = (source: string, target: string, interaction: GroupInteraction) =>
    void interactions.push({ source, target, interaction });
  for (const event of iterate(events, module)) convertEvent(event, index++, o, report, emit, module);
  return { interactions, report };
}

/**
 * Checks that `events` is iterable and returns it.
 *
 * @example
 * ```ts
 * iterate([{ at: '2024-01-01', from: 'a', to: ['b'] }], 'addEvents'); // the array
 * ```
 */
export function iterate(events: Iterable<GroupEvent>, module: string): Iterable<GroupEvent> {
  if (
    events === null ||
    typeof events !== 'object' ||
    typeof (events as Iterable<GroupEvent>)[Symbol.iterator] !== 'function'
  ) {
    throw new InvalidOptionError(
      `${module}: the events are ${describeValue(events)}; pass an array (or another iterable) of { at, kind, from, to, cc, attendees, id }.`,
      { field: 'events' },
    );
  }
  return events;
}
