/**
 * The writer of people's names: {@link addPeople} puts the display names the
 * importers found on the graph's nodes, where every sentence goodwill writes
 * reads them.
 *
 * @module
 */
import { readBoolean, readOptionsObject } from '../core/args.js';
import { optionError, optionIsError } from '../core/errors.js';
import { PROTOTYPE_KEYS, assertGraph, type PeopleGraph } from '../core/graph.js';
import { aliasResolver } from './events.js';
import type { AliasInput } from './types.js';

/** A person to name: a node key and a display name, as every importer returns them (`ImportedPerson`). */
export interface PersonName {
  /** The person's key: an e-mail address or profile URL, as in the importer's events. */
  key: string;
  /** The display name; absent or blank: nothing to write. */
  name?: string | undefined;
}

/** Options of {@link addPeople}. */
export interface AddPeopleOptions {
  /**
   * The aliases given to `addEvents` (an object, a `Map` or a function), so
   * that a person known by another address or a profile URL names the node
   * their events went to.
   */
  aliases?: AliasInput;
  /** The node attribute to write. Default `'name'`, which goodwill's `getNodeLabel` reads by default. */
  attribute?: string;
  /**
   * Add a node for a person the graph does not hold (someone in your address
   * book you have no recorded contact with). Default `false`: such people are
   * counted in `missing` and left out.
   */
  addMissing?: boolean;
}

/** The result of {@link addPeople}. */
export interface AddPeopleResult {
  /** Nodes whose name the call wrote. */
  named: number;
  /** People whose node already had a name (a non-empty string), left as it was; the first name given for a key wins. */
  kept: number;
  /** People whose node the graph does not hold (with `addMissing: false`), left out. */
  missing: number;
  /** People without a name (absent or blank), nothing to write. */
  unnamed: number;
  /** Nodes the call added (with `addMissing: true`). */
  nodesAdded: number;
}

/**
 * Writes people's display names onto the graph's nodes: for each person
 * (`{ key, name }`, as `parseEmail`, `parseMbox`, `parseICalendar`,
 * `parseVCard` and the LinkedIn importers return them in `people`), the
 * node the person's key names — after `aliases`, the same as given to
 * `addEvents` — gets the attribute `name`, unless it already has a non-empty
 * one: a name you set is never overwritten, and of two names for one key the
 * first wins (pass the source you trust most first: your address book before
 * the names in mail headers). People the graph does not hold are left out,
 * or added as nodes with `addMissing: true`.
 *
 * All or nothing: every person is checked before anything is written; an
 * entry that is not `{ key: string, name?: string }` is an
 * `InvalidOptionError` naming its position, and the graph is left as it was.
 *
 * @see [Bringing your data](../../docs/guides/data.md), the guide.
 *
 * @example
 * ```ts
 * const mail = await parseMbox(mboxText);
 * addEvents(graph, mail.events);
 * addPeople(graph, mail.people); // { named: 2, kept: 0, missing: 0, unnamed: 0, nodesAdded: 0 }
 * graph.getNodeAttribute('bob@globex.com', 'name'); // 'Bob Okafor': answers now say "Bob Okafor", not the address
 * ```
 */
export function addPeople(
  graph: PeopleGraph,
  people: Iterable<PersonName>,
  options?: AddPeopleOptions,
): AddPeopleResult {
  const module = 'addPeople';
  assertGraph(graph, module);
  if (options !== undefined) readOptionsObject(module, options, "{ attribute: 'name' }");
  const attribute = options?.attribute ?? 'name';
  if (typeof attribute !== 'string' || attribute === '')
    throw optionIsError(module, 'attribute', attribute, "pass the name of a node attribute (default 'name')");
  const addMissing = options?.addMissing ?? false;
  readBoolean(module, 'addMissing', addMissing);
  const resolve = aliasResolver(options?.aliases, module);
  if (
    people === null ||
    typeof people !== 'object' ||
    typeof (people as Iterable<unknown>)[Symbol.iterator] !== 'function'
  )
    throw optionIsError(module, 'people', people, "pass an array of { key, name } (an importer's `people`)");

  // 1. Check every person and decide every write; nothing is written yet.
  const result: AddPeopleResult = { named: 0, kept: 0, missing: 0, unnamed: 0, nodesAdded: 0 };
  const writes = new Map<string, string>();
  let index = 0;
  for (const person of people as Iterable<unknown>) {
    const field = `people[${index}]`;
    if (person === null || typeof person !== 'object' || Array.isArray(person))
      throw optionError(module, field, "must be a person { key, name }, as an importer's `people` holds", person);
    const { key: rawKey, name } = person as Record<string, unknown>;
    if (typeof rawKey !== 'string' || rawKey === '')
      throw optionError(
        module,
        `${field}.key`,
        'must be a non-empty string (the key of the person in the graph)',
        rawKey,
      );
    if (name !== undefined && typeof name !== 'string')
      throw optionError(module, `${field}.name`, 'must be a string or absent', name);
    index++;
    const key = resolve(rawKey);
    if (name === undefined || name.trim() === '') {
      result.unnamed++;
      continue;
    }
    const exists = graph.hasNode(key);
    if (!exists && !addMissing) {
      result.missing++;
      continue;
    }
    if (!exists && PROTOTYPE_KEYS.includes(key))
      throw optionError(
        module,
        `${field}.key`,
        `names a node to add at a name of Object.prototype, which graphology 0.26 cannot hold safely; map it to another key with the option \`aliases\` (e.g. { ${JSON.stringify(key)}: ${JSON.stringify(`user:${key}`)} }). Nothing was written`,
        key,
      );
    const current: unknown = exists ? graph.getNodeAttribute(key, attribute) : undefined;
    if ((typeof current === 'string' && current !== '') || writes.has(key)) {
      result.kept++;
      continue;
    }
    writes.set(key, name.trim());
  }

  // 2. Write.
  for (const [key, name] of writes) {
    if (!graph.hasNode(key)) {
      graph.addNode(key);
      result.nodesAdded++;
    }
    graph.setNodeAttribute(key, attribute, name);
    result.named++;
  }
  return result;
}
