/**
 * E-mail (RFC 5322 headers) and mbox files → message events, with
 * postal-mime.
 *
 * @module
 */
import PostalMime from 'postal-mime';
import type { Address, Email } from 'postal-mime';
import { ParseError, describeValue } from '../core/errors.js';
import { rfc5322Time } from './mail-date.js';
import { PeopleBook, addressKey, budgetOption, checkText, emptyResult, importOptions, textOption } from './shared.js';
import type { ImportResult, MailEvent } from './types.js';

/** Options of {@link parseEmail} and {@link parseMbox}. */
export interface EmailOptions {
  /** The event kind. Default `'message'`. */
  kind?: string;
  /** A message whose header block is longer than this (in characters) is reported and skipped. Default 1,048,576 (1 MiB). */
  maxHeaderSize?: number;
}

/** The options, checked. */
interface MailSettings {
  kind: string;
  maxHeaderSize: number;
}

function mailSettings(options: EmailOptions | undefined, module: string): MailSettings {
  const o = importOptions(options, module);
  return {
    kind: textOption(o.kind, 'kind', 'message', module),
    maxHeaderSize: budgetOption(o.maxHeaderSize, 'maxHeaderSize', 1_048_576, module),
  };
}

/**
 * One message's header block → an event, or the reason it is not one. The
 * header is parsed only when within `maxHeaderSize`; any failure of
 * postal-mime is the message's problem, never the caller's.
 */
async function readMessage(header: string, settings: MailSettings, book: PeopleBook): Promise<MailEvent | string> {
  if (header.length > settings.maxHeaderSize)
    return `a header of ${header.length} characters, over maxHeaderSize (${settings.maxHeaderSize})`;
  try {
    return toEvent(await PostalMime.parse(header), settings.kind, book);
  } catch (error) {
    return `a header that cannot be read (${error instanceof Error ? error.message : 'an unknown error'})`;
  }
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

/** One parsed message → an event, or the reason it is not one. */
function toEvent(email: Email, kind: string, book: PeopleBook): MailEvent | string {
  const from = mailboxes(email.from ? [email.from] : [], book)[0];
  if (from === undefined) return 'no From address';
  // The Date header as written (postal-mime's own reading goes through JavaScript's Date: see rfc5322Time).
  const date = email.headers.find((h) => h.key === 'date')?.value;
  const ms = date === undefined ? Number.NaN : rfc5322Time(date);
  if (ms !== ms) return date === undefined ? 'no Date' : `a Date that cannot be read (${describeValue(date)})`;
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
 * Only the header block is parsed (with postal-mime); the body is not read,
 * so MIME parts and their nesting cost nothing. A header block over
 * `maxHeaderSize` is reported, not parsed.
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
export async function parseEmail(text: string, options?: EmailOptions): Promise<ImportResult> {
  const module = 'parseEmail';
  checkText(text, module);
  const settings = mailSettings(options, module);
  if (!looksLikeHeaders(text)) {
    throw new ParseError(
      `${module}: this is not an e-mail message: it must start with a header line such as "From: …" (got ${JSON.stringify(text.slice(0, 30))}). For an mbox file, use parseMbox.`,
      { line: 1 },
    );
  }
  const result = emptyResult();
  const book = new PeopleBook();
  const event = await readMessage(headerBlock(text), settings, book);
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
export async function parseMbox(text: string, options?: EmailOptions): Promise<ImportResult> {
  const module = 'parseMbox';
  checkText(text, module);
  const settings = mailSettings(options, module);
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('From ', start)) {
    throw new ParseError(
      `${module}: this is not an mbox file: it must start with a "From " separator line (got ${JSON.stringify(text.slice(start, start + 30))}). For one message, use parseEmail.`,
      { line: 1 },
    );
  }
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
    const event = looksLikeHeaders(message) ? await readMessage(headerBlock(message), settings, book) : 'no header';
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
