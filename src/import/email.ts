/**
 * E-mail (RFC 5322 headers) and mbox files → message events, with
 * postal-mime.
 *
 * @module
 */
import PostalMime from 'postal-mime';
import type { Address, Email } from 'postal-mime';
import { ParseError } from '../core/errors.js';
import { parseIsoTime } from '../core/time.js';
import { PeopleBook, addressKey, checkText, emptyResult } from './shared.js';
import type { ImportResult, MailEvent } from './types.js';

/** Options of {@link parseEmail} and {@link parseMbox}. */
export interface EmailOptions {
  /** The event kind. Default `'message'`. */
  kind?: string;
}

/** The header block of a message: up to the first empty line (the body is not needed). */
function headerBlock(message: string): string {
  const crlf = message.indexOf('\r\n\r\n');
  const lf = message.indexOf('\n\n');
  const end = crlf >= 0 && (lf < 0 || crlf < lf) ? crlf : lf;
  return `${end < 0 ? message : message.slice(0, end)}\r\n\r\n`;
}

/** Mailboxes of an address list, groups flattened. */
function mailboxes(list: Address[] | undefined, book: PeopleBook): string[] {
  const out: string[] = [];
  for (const entry of list ?? []) {
    for (const box of 'group' in entry && Array.isArray(entry.group) ? entry.group : [entry]) {
      const key = 'address' in box && typeof box.address === 'string' ? addressKey(box.address) : '';
      if (key === '' || !key.includes('@')) continue;
      out.push(key);
      book.see(key, box.name || undefined);
    }
  }
  return out;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The obsolete zone names of RFC 5322 §4.3, in hours from UTC. */
const ZONES: Record<string, number> = {
  ut: 0,
  gmt: 0,
  est: -5,
  edt: -4,
  cst: -6,
  cdt: -5,
  mst: -7,
  mdt: -6,
  pst: -8,
  pdt: -7,
};

/**
 * An RFC 5322 §3.3 date-time (`Tue, 5 Mar 2024 09:15:00 +0100`, with the
 * obsolete forms of §4.3: two-digit years, zone names, a missing zone) as ISO
 * 8601 text, checked by goodwill's own parser: `31 Feb` is unreadable, never
 * 2 March. A missing zone, `-0000` and the military letters (which §4.3 says
 * to read as unknown) are UTC, so the answer never depends on the machine's
 * time zone (JavaScript's `Date` would read them as local time). Epoch ms, or
 * NaN when the text is not one.
 */
function rfc5322Time(value: string): number {
  const m =
    /^\s*(?:[a-z]{3}\s*,\s*)?(\d{1,2})\s+([a-z]{3})[a-z]*\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s+([+-]\d{4}|[a-z]{1,5}))?\s*(?:\(.*\))?\s*$/i.exec(
      value,
    );
  if (m === null) return Number.NaN;
  const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
  if (month === 0) return Number.NaN;
  // Two digits: 00–49 are 2000–2049, 50–99 are 1950–1999; three: 1900 + (RFC 5322 §4.3).
  let year = Number(m[3]);
  if (m[3]!.length === 2) year += year < 50 ? 2000 : 1900;
  else if (m[3]!.length === 3) year += 1900;
  const zone = m[7]?.toLowerCase();
  let offset = '+00:00';
  if (zone !== undefined && /^[+-]\d{4}$/.test(zone)) offset = `${zone.slice(0, 3)}:${zone.slice(3)}`;
  else if (zone !== undefined && zone in ZONES) {
    const hours = ZONES[zone]!;
    offset = `${hours < 0 ? '-' : '+'}${String(Math.abs(hours)).padStart(2, '0')}:00`;
  } else if (zone !== undefined && zone.length > 1) return Number.NaN;
  const two = (x: string | number) => String(x).padStart(2, '0');
  return parseIsoTime(`${year}-${two(month)}-${two(m[1]!)}T${two(m[4]!)}:${m[5]}:${m[6] ?? '00'}${offset}`);
}

/** One parsed message → an event, or the reason it is not one. */
function toEvent(email: Email, kind: string, book: PeopleBook): MailEvent | string {
  const from = mailboxes(email.from ? [email.from] : [], book)[0];
  if (from === undefined) return 'no From address';
  // The Date header as written (postal-mime's own reading goes through JavaScript's Date: see rfc5322Time).
  const date = email.headers.find((h) => h.key === 'date')?.value;
  const ms = date === undefined ? Number.NaN : rfc5322Time(date);
  if (ms !== ms) return date === undefined ? 'no Date' : `a Date that cannot be read (${JSON.stringify(date)})`;
  const event: MailEvent = { at: new Date(ms).toISOString(), kind, from, to: mailboxes(email.to, book) };
  const cc = [...mailboxes(email.cc, book), ...mailboxes(email.bcc, book)];
  if (cc.length > 0) event.cc = cc;
  if (email.messageId) event.id = email.messageId;
  if (email.inReplyTo) event.inReplyTo = email.inReplyTo;
  return event;
}

/** Whether the text starts like an RFC 5322 header block (`Name: value`) with at least one header of a message. */
function looksLikeHeaders(text: string): boolean {
  const header = text.replace(/^\uFEFF/, '');
  return (
    /^[\x21-\x39\x3b-\x7e]+:/.test(header) &&
    /^(from|to|cc|date|message-id|subject|received|return-path|mime-version|in-reply-to|sender):/im.test(
      headerBlock(header),
    )
  );
}

/**
 * Reads one e-mail message (RFC 5322: an `.eml` file, or the raw source) into
 * a message event: From initiates, To are addressed directly, Cc and Bcc are
 * in copy, at Date (RFC 5322 date-time with its offset; an impossible date
 * is reported, a missing zone is UTC), with Message-ID as `id` and
 * In-Reply-To. Encoded names (`=?UTF-8?B?…?=`) are decoded into `people`.
 * Only the header block is parsed (with postal-mime); the body is not read.
 * A message without a From address or a readable Date is reported as a
 * problem; text that is not a message at all is a {@link ParseError}.
 * Asynchronous because postal-mime is.
 *
 * @see [Bringing your data](../../docs/guides/data.md), the guide.
 *
 * @example
 * ```ts
 * const { events, people } = await parseEmail('From: Ann <ann@acme.com>\r\nTo: bob@globex.com\r\nDate: Tue, 5 Mar 2024 09:15:00 +0100\r\n\r\nHi');
 * events[0]; // { at: '2024-03-05T08:15:00.000Z', kind: 'message', from: 'ann@acme.com', to: ['bob@globex.com'] }
 * ```
 */
export async function parseEmail(text: string, options: EmailOptions = {}): Promise<ImportResult> {
  const module = 'parseEmail';
  checkText(text, module);
  if (!looksLikeHeaders(text)) {
    throw new ParseError(
      `${module}: this is not an e-mail message: it must start with a header line such as "From: …" (got ${JSON.stringify(text.slice(0, 30))}). For an mbox file, use parseMbox.`,
      { line: 1 },
    );
  }
  const result = emptyResult();
  const book = new PeopleBook();
  const event = toEvent(await PostalMime.parse(headerBlock(text)), options.kind ?? 'message', book);
  if (typeof event === 'string') result.problems.push({ line: 1, message: `the message has ${event}; skipped.` });
  else result.events.push(event);
  result.people = book.list();
  return result;
}

/**
 * Reads an mbox file (RFC 4155: Gmail Takeout, Thunderbird, `mbox`/`mboxrd`)
 * into message events, one per message, as {@link parseEmail} reads each.
 * Messages are split on lines that start with `From ` (after an empty line,
 * or at the start); each message whose header cannot be read is reported
 * with the line of its `From ` separator, and the others are kept. Text that
 * does not start with a `From ` line is a {@link ParseError}.
 *
 * @see [Bringing your data](../../docs/guides/data.md), the guide.
 *
 * @example
 * ```ts
 * const { events, problems } = await parseMbox(readFileSync('All mail.mbox', 'utf8'));
 * addEvents(graph, events, { internalDomains: ['acme.com'] });
 * ```
 */
export async function parseMbox(text: string, options: EmailOptions = {}): Promise<ImportResult> {
  const module = 'parseMbox';
  checkText(text, module);
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('From ', start)) {
    throw new ParseError(
      `${module}: this is not an mbox file: it must start with a "From " separator line (got ${JSON.stringify(text.slice(start, start + 30))}). For one message, use parseEmail.`,
      { line: 1 },
    );
  }
  const kind = options.kind ?? 'message';
  const result = emptyResult();
  const book = new PeopleBook();
  let line = 1;
  let pos = start;
  while (pos < text.length) {
    // The message runs from after its separator line to the next "\nFrom " that follows an empty line (or the end).
    const headerStart = text.indexOf('\n', pos) + 1 || text.length;
    let next = headerStart;
    let end = text.length;
    for (;;) {
      const found = text.indexOf('\nFrom ', next);
      if (found < 0) break;
      // mbox writers put an empty line before each separator; "From " inside a body is escaped (">From ").
      if (
        found === 0 ||
        text.charCodeAt(found - 1) === 10 ||
        (text.charCodeAt(found - 1) === 13 && text.charCodeAt(found - 2) === 10)
      ) {
        end = found + 1;
        break;
      }
      next = found + 1;
    }
    const message = text.slice(headerStart, end);
    const separatorLine = line;
    const header = headerBlock(message);
    let event: MailEvent | string;
    try {
      event = looksLikeHeaders(message) ? toEvent(await PostalMime.parse(header), kind, book) : 'no header';
    } catch (error) {
      event = `a header that cannot be read (${(error as Error).message})`;
    }
    if (typeof event === 'string')
      result.problems.push({ line: separatorLine, message: `the message has ${event}; skipped.` });
    else result.events.push(event);
    line += countLines(text, pos, end);
    pos = end;
  }
  result.people = book.list();
  return result;
}

/** Newlines in text[from, to). */
function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
