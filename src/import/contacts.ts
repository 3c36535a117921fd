/**
 * Contacts: vCard (with ical.js) and the LinkedIn data export (with
 * papaparse).
 *
 * @module
 */
import ICAL from 'ical.js';
import Papa from 'papaparse';
import { ParseError } from '../core/errors.js';
import { parseIsoTime } from '../core/time.js';
import type { GroupEvent } from '../events/types.js';
import {
  PeopleBook,
  addressKey,
  checkText,
  emptyResult,
  importOptions,
  inFileOrder,
  splitBlocks,
  textOption,
} from './shared.js';
import type { ImportedPerson, ImportResult } from './types.js';

const VCARD = new Set(['VCARD']);

/** A property value as text: structured values (N, ORG) joined. */
function textOf(value: unknown, separator: string): string {
  return (Array.isArray(value) ? value.filter((v) => v !== '').join(separator) : String(value ?? '')).trim();
}

/**
 * Reads vCard contacts (RFC 6350 and 2426: Google Contacts, iCloud and
 * Outlook exports) into people: name (FN, else N), organisation, title,
 * e-mails and phones. Each contact's key is its first e-mail address (lower
 * case), else its UID, else its name; its other addresses become aliases of
 * the key, ready for `addEvents(graph, events, { aliases })`. A card that
 * cannot be read, or has neither a name nor an address, is reported with its
 * line; text with no BEGIN:VCARD at all is a {@link ParseError}. Uses
 * ical.js, which also reads the calendar.
 *
 * @see [Bringing your data](../../docs/guides/data.md), the guide.
 *
 * @example
 * ```ts
 * const { people, aliases } = parseVCard('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nEMAIL:ann@acme.com\r\nEMAIL:ann@home.org\r\nEND:VCARD\r\n');
 * people[0]; // { key: 'ann@acme.com', name: 'Ann Lee', emails: ['ann@acme.com', 'ann@home.org'] }
 * aliases;   // { 'ann@home.org': 'ann@acme.com' }
 * ```
 */
export function parseVCard(text: string): ImportResult {
  const module = 'parseVCard';
  checkText(text, module);
  const blocks = splitBlocks(text, VCARD);
  if (blocks.length === 0)
    throw new ParseError(
      `${module}: this is not vCard text: no BEGIN:VCARD line (got ${JSON.stringify(text.slice(0, 30))}). Pass the content of a .vcf file.`,
      { line: 1 },
    );
  const result = emptyResult();
  const cards = new CardBook();
  for (const block of blocks) {
    if (block.text === null) {
      result.problems.push({ line: block.line, message: 'BEGIN:VCARD without END:VCARD; skipped.' });
      continue;
    }
    let card: InstanceType<typeof ICAL.Component>;
    try {
      card = new ICAL.Component(ICAL.parse(block.text) as unknown[]);
    } catch (error) {
      result.problems.push({
        line: block.line,
        message: `the card could not be read (${(error as Error).message}); skipped.`,
      });
      continue;
    }
    const emails = [
      ...new Set(
        card
          .getAllProperties('email')
          .map((p) => addressKey(textOf(p.getFirstValue(), '')))
          .filter((e) => e !== ''),
      ),
    ];
    const phones = card
      .getAllProperties('tel')
      .map((p) => textOf(p.getFirstValue(), ''))
      .filter((t) => t !== '');
    const name =
      textOf(card.getFirstPropertyValue('fn'), ' ') ||
      textOf([...((card.getFirstPropertyValue('n') as string[] | null) ?? [])].slice(0, 2).reverse(), ' ');
    const uid = textOf(card.getFirstPropertyValue('uid'), '');
    const key = emails[0] ?? (uid || name);
    if (key === '') {
      result.problems.push({ line: block.line, message: 'the card has no name, e-mail or UID; skipped.' });
      continue;
    }
    const person: ImportedPerson = { key };
    if (name) person.name = name;
    const organization = textOf(card.getFirstPropertyValue('org'), ', ');
    if (organization) person.organization = organization;
    const title = textOf(card.getFirstPropertyValue('title'), '');
    if (title) person.title = title;
    if (emails.length > 0) person.emails = emails;
    if (phones.length > 0) person.phones = phones;
    cards.add(person);
  }
  cards.finish(result);
  return result;
}

/**
 * The people of a vCard file, one per person: cards that share an e-mail
 * address (the same person exported twice, from two accounts, or listing
 * the addresses in another order) are one person, under the first card's key,
 * with every address of every such card; the first card's fields win. The
 * aliases map each other address straight to that key: never a chain or a
 * cycle (two cards of one person listing the same addresses in a different
 * order would otherwise each alias the other's key).
 */
class CardBook {
  private readonly people: ImportedPerson[] = [];
  /** Union-find over cards: each card's parent, a card of the same person that came first. */
  private readonly parent: number[] = [];
  /** The first card that listed each address. */
  private readonly owner = new Map<string, number>();

  add(person: ImportedPerson): void {
    const index = this.people.length;
    this.people.push(person);
    this.parent.push(index);
    for (const email of person.emails ?? []) {
      const first = this.owner.get(email);
      if (first === undefined) this.owner.set(email, index);
      else this.union(first, index);
    }
  }

  private root(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r]!;
    for (let j = i; this.parent[j] !== r;) [j, this.parent[j]] = [this.parent[j]!, r];
    return r;
  }

  private union(a: number, b: number): void {
    const ra = this.root(a);
    const rb = this.root(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }

  /** Writes the merged people and their aliases into `result`. */
  finish(result: ImportResult): void {
    const merged = new Map<number, ImportedPerson>();
    this.people.forEach((card, i) => {
      const r = this.root(i);
      const person = merged.get(r);
      if (person === undefined) merged.set(r, { ...card });
      else mergeCard(person, card);
    });
    for (const person of merged.values()) {
      result.people.push(person);
      for (const email of person.emails ?? []) if (email !== person.key) result.aliases[email] = person.key;
    }
  }
}

/** Adds to `person` what a later card of the same person adds: addresses, phones, fields it lacks. */
function mergeCard(person: ImportedPerson, card: ImportedPerson): void {
  const union = (a: string[] | undefined, b: string[] | undefined) => [...new Set([...(a ?? []), ...(b ?? [])])];
  if (card.emails !== undefined) person.emails = union(person.emails, card.emails);
  if (card.phones !== undefined) person.phones = union(person.phones, card.phones);
  for (const field of ['name', 'organization', 'title'] as const) {
    const value = card[field];
    if (person[field] === undefined && value !== undefined) person[field] = value;
  }
}

const MONTHS: Record<string, string> = {
  jan: '01',
  feb: '02',
  mar: '03',
  apr: '04',
  may: '05',
  jun: '06',
  jul: '07',
  aug: '08',
  sep: '09',
  oct: '10',
  nov: '11',
  dec: '12',
};

/** LinkedIn's dates: `15 Mar 2024` (connections), `2024-06-15 10:30:00 UTC` (messages), or ISO; → ISO 8601 UTC, or null. */
function linkedInDate(value: string): string | null {
  const v = value.trim();
  const dmy = /^(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4})$/.exec(v);
  const iso = dmy
    ? `${dmy[3]}-${MONTHS[dmy[2]!.toLowerCase()] ?? '??'}-${dmy[1]!.padStart(2, '0')}`
    : v.replace(/^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}(:\d{2})?)( UTC)?$/, '$1T$2Z');
  return Number.isNaN(parseIsoTime(iso)) ? null : iso;
}

/** Parses CSV whose header row is the first line that starts with `header` (LinkedIn puts notes above it). */
function csvFrom(
  text: string,
  header: RegExp,
  module: string,
  what: string,
): {
  rows: Record<string, string>[];
  firstLine: number;
  lines: number[];
  problems: { line: number; message: string }[];
} {
  checkText(text, module);
  const source = text.replace(/^\uFEFF/, '');
  const match = header.exec(source);
  if (match === null)
    throw new ParseError(
      `${module}: this is not ${what}: no header row matching ${header.source.replace(/^\^/, '').replace(/\\/g, '')} (got ${JSON.stringify(source.slice(0, 40))}).`,
      { line: 1 },
    );
  const before = source.slice(0, match.index);
  const firstLine = before.split('\n').length; // the header's line
  const body = source.slice(match.index);
  const parsed = Papa.parse<Record<string, string>>(body, { header: true, skipEmptyLines: 'greedy' });
  // The file line of each row: papaparse gives the character offset of its cursor; count newlines up to each row's start.
  const lines: number[] = [];
  const starts = rowStarts(body);
  for (let r = 0; r < parsed.data.length; r++) lines.push(firstLine + (starts[r + 1] ?? starts[starts.length - 1]!));
  const problems = parsed.errors.map((e) => ({
    line: e.row === undefined || e.row === null ? firstLine : (lines[e.row] ?? firstLine),
    message: `${e.message} (${e.code}); the row is read as far as it goes.`,
  }));
  return { rows: parsed.data, firstLine, lines, problems };
}

/** For each CSV record of `body` (header first), the number of lines before it; quoted newlines stay inside a record. */
function rowStarts(body: string): number[] {
  const starts: number[] = [];
  let line = 0;
  let quoted = false;
  let atStart = true;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (atStart && c !== 10 && c !== 13) {
      starts.push(line);
      atStart = false;
    }
    if (c === 34) quoted = !quoted;
    else if (c === 10) {
      line++;
      if (!quoted) atStart = true;
    }
  }
  return starts;
}

/** Options of {@link parseLinkedInConnections}. */
export interface LinkedInConnectionsOptions {
  /** Your key: each connection becomes a link event from you (kind `'connection'`) when given. */
  self?: string;
}

/**
 * Reads LinkedIn's `Connections.csv` (the data export; notes lines above the
 * header are skipped) into people: name, company, position, profile URL,
 * e-mail (when shared) and the date connected. A person's key is their
 * e-mail (lower case) when shared, else their profile URL, and the URL is
 * an alias of the e-mail, so that `messages.csv` (which names people by URL)
 * meets the same people. With `self`, each connection is also an event from
 * you (kind `'connection'`): drop those or give the kind a value if you do
 * not want the link itself counted as contact. A row without a name and URL,
 * or with a date that cannot be read, is reported with its line; a file
 * without the header row is a {@link ParseError}. Uses papaparse.
 *
 * @see [Bringing your data](../../docs/guides/data.md), the guide.
 *
 * @example
 * ```ts
 * const { people, aliases } = parseLinkedInConnections('Notes:\n"When exporting…"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\nAnn,Lee,https://www.linkedin.com/in/annlee,,Acme,CTO,15 Mar 2024\n');
 * people[0]; // { key: 'https://www.linkedin.com/in/annlee', name: 'Ann Lee', organization: 'Acme', title: 'CTO', url: …, connectedOn: '2024-03-15' }
 * ```
 */
export function parseLinkedInConnections(text: string, options?: LinkedInConnectionsOptions): ImportResult {
  const module = 'parseLinkedInConnections';
  const self = textOption(importOptions(options, module).self, 'self', undefined, module);
  const { rows, lines, problems } = csvFrom(text, /^First Name,Last Name,URL/im, module, "LinkedIn's Connections.csv");
  const result = emptyResult();
  result.problems.push(...problems);
  rows.forEach((row, r) => {
    const name = `${(row['First Name'] ?? '').trim()} ${(row['Last Name'] ?? '').trim()}`.trim();
    const url = (row['URL'] ?? '').trim();
    const email = addressKey(row['Email Address'] ?? '');
    const connected = (row['Connected On'] ?? '').trim();
    const key = email || url;
    if (key === '' && name === '') {
      result.problems.push({ line: lines[r]!, message: 'a row without a name, URL or e-mail; skipped.' });
      return;
    }
    const person: ImportedPerson = { key: key || name };
    if (name) person.name = name;
    if (row['Company']) person.organization = row['Company'].trim();
    if (row['Position']) person.title = row['Position'].trim();
    if (url) person.url = url;
    if (email) person.emails = [email];
    if (connected) {
      const at = linkedInDate(connected);
      if (at === null)
        result.problems.push({
          line: lines[r]!,
          message: `"Connected On" ${JSON.stringify(connected)} is not a date like "15 Mar 2024"; the person is kept without it.`,
        });
      else {
        person.connectedOn = at;
        if (self !== undefined) result.events.push({ at, kind: 'connection', from: self, to: [person.key] });
      }
    }
    result.people.push(person);
    if (email && url) result.aliases[url] = email;
  });
  return inFileOrder(result);
}

/**
 * Reads LinkedIn's `messages.csv` (the data export) into message events:
 * the sender (SENDER PROFILE URL) initiates, every recipient (RECIPIENT
 * PROFILE URLS, several in group threads) is addressed, at DATE (UTC), with
 * the conversation id as `id`. People are named by profile URL, with their
 * names from FROM and TO; pass the aliases of
 * {@link parseLinkedInConnections} to meet them under their e-mail. A row
 * without a sender, recipients or a readable date is reported with its line;
 * a file without the header row is a {@link ParseError}. Uses papaparse.
 *
 * @see [Bringing your data](../../docs/guides/data.md), the guide.
 *
 * @example
 * ```ts
 * const { events } = parseLinkedInMessages(csvText);
 * addEvents(graph, events, { aliases: connections.aliases });
 * ```
 */
export function parseLinkedInMessages(text: string): ImportResult {
  const module = 'parseLinkedInMessages';
  const { rows, lines, problems } = csvFrom(text, /^CONVERSATION ID,/im, module, "LinkedIn's messages.csv");
  const result = emptyResult();
  result.problems.push(...problems);
  const book = new PeopleBook();
  rows.forEach((row, r) => {
    const from = (row['SENDER PROFILE URL'] ?? '').trim();
    const to = (row['RECIPIENT PROFILE URLS'] ?? '')
      .split(/[,\s]+/)
      .map((u) => u.trim())
      .filter((u) => u !== '');
    const at = linkedInDate(row['DATE'] ?? '');
    const problem =
      from === ''
        ? 'no SENDER PROFILE URL'
        : to.length === 0
          ? 'no RECIPIENT PROFILE URLS'
          : at === null
            ? `a DATE that cannot be read (${JSON.stringify(row['DATE'] ?? '')})`
            : null;
    if (problem !== null) {
      result.problems.push({ line: lines[r]!, message: `the row has ${problem}; skipped.` });
      return;
    }
    book.see(from, (row['FROM'] ?? '').trim() || undefined);
    const names = (row['TO'] ?? '').split(',').map((n) => n.trim());
    to.forEach((url, i) => book.see(url, names.length === to.length ? names[i] || undefined : undefined));
    const event: GroupEvent = { at: at!, kind: 'message', from, to };
    const id = (row['CONVERSATION ID'] ?? '').trim();
    if (id) event.id = id;
    result.events.push(event);
  });
  result.people = book.list();
  return inFileOrder(result);
}
