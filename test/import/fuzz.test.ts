/**
 * Importers under random input (fast-check): text assembled from lines of
 * each format — valid, damaged and foreign — in any order. Whatever the text,
 * an importer either returns a result whose every event `addEvents` can read
 * (or reports as a problem with its line), or throws a typed ParseError
 * because the text is not that format at all; never another error, never a
 * time that is not one, and the same text gives the same result.
 */
import Graph from 'graphology';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GoodwillError } from 'goodwill';
import * as imp from 'goodwill/import';
import type { ImportResult } from 'goodwill/import';

const NOISE = ['', ' ', 'garbage', ':', ';;;', '\u0000', 'é ☃ \uD800', '"', '","', '=?UTF-8?B?', 'x'.repeat(300)];

const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'BEGIN:VEVENT',
  'UID:e1@x',
  'DTSTART:20240105T100000Z',
  'DTSTART;TZID=Europe/Paris:20240105T100000',
  'DTSTART;TZID=Nowhere/Else:20240105T100000',
  'DTSTART;VALUE=DATE:20240230',
  'DTSTART:2024',
  'DTEND:20240105T110000Z',
  'ORGANIZER;CN=Ann:mailto:ann@x.com',
  'ORGANIZER:ann',
  'ATTENDEE;PARTSTAT=ACCEPTED:mailto:bob@x.com',
  'ATTENDEE;PARTSTAT=DECLINED:mailto:cy@x.com',
  'ATTENDEE:mailto:',
  'RRULE:FREQ=WEEKLY;COUNT=5',
  'RRULE:FREQ=DAILY',
  'RRULE:FREQ=NEVER',
  'EXDATE:20240112T100000Z',
  'RECURRENCE-ID:20240119T100000Z',
  ' folded continuation',
  'END:VEVENT',
  'END:VCALENDAR',
];

const MAIL = [
  'From nobody Mon Jan  1 00:00:00 2024',
  'From: Ann <ann@x.com>',
  'From: =?UTF-8?B?w4Fubg==?= <ann@x.com>',
  'From: not an address',
  'To: bob@x.com, Cy <cy@x.com>',
  'To: undisclosed-recipients:;',
  'Cc: team: dee@x.com, eve@x.com;',
  'Date: Fri, 05 Jan 2024 10:00:00 +0100',
  'Date: 31 Feb 2024 10:00:00 +0000',
  'Date: yesterday',
  'Message-ID: <m1@x>',
  'In-Reply-To: <m0@x>',
  'Subject: hello',
  '',
  'body text',
  '>From the body',
];

const VCF = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'VERSION:4.0',
  'FN:Ann Lee',
  'N:Lee;Ann;;;',
  'EMAIL:ann@x.com',
  'EMAIL;TYPE=work:ann@work.com',
  'EMAIL:',
  'ORG:Acme;Sales',
  'TITLE:Boss',
  'TEL:+1 555 0100',
  ' continued',
  'END:VCARD',
];

const CONNECTIONS = [
  'Notes:',
  '"When exporting your connection data, you may notice that some of the email addresses are missing."',
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Ann,Lee,https://www.linkedin.com/in/ann,ann@x.com,Acme,Boss,05 Jan 2024',
  'Bob,"Ro, Jr.",https://www.linkedin.com/in/bob,,"Acme ""Labs""",Dev,31 Feb 2024',
  'Cy,,,,,,',
  '"unterminated,quote',
];

const MESSAGES = [
  'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER',
  'c1,,Ann Lee,https://www.linkedin.com/in/ann,Bob,https://www.linkedin.com/in/bob,2024-01-05 10:00:00 UTC,,hi,INBOX',
  'c2,,Ann Lee,https://www.linkedin.com/in/ann,"Bob, Cy",https://www.linkedin.com/in/bob,https://www.linkedin.com/in/cy,2024-01-06 10:00:00 UTC,,x,INBOX',
  'c3,,Bob,https://www.linkedin.com/in/bob,Ann,,not a date,,x,INBOX',
  'c4,,,,,,,,,',
];

/** Text of up to `max` lines drawn from `pool` and the noise, joined with LF or CRLF. */
const textOf = (pool: string[], max = 30) =>
  fc
    .tuple(
      fc.array(
        fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom(...pool) },
          { weight: 1, arbitrary: fc.constantFrom(...NOISE) },
        ),
        {
          maxLength: max,
        },
      ),
      fc.boolean(),
    )
    .map(([lines, crlf]) => lines.join(crlf ? '\r\n' : '\n'));

/** Well-formed frames around random inner lines, so that most cases get past the format check. */
const framed = (begin: string[], inner: string[], end: string[]) =>
  fc
    .array(textOf(inner, 12), { minLength: 1, maxLength: 4 })
    .map((blocks) => blocks.map((b) => [...begin, b, ...end].join('\n')).join('\n'));

/** Runs an importer; returns its result, or null when it threw a typed ParseError. Anything else fails. */
async function run(f: () => ImportResult | Promise<ImportResult>): Promise<ImportResult | null> {
  try {
    return await f();
  } catch (error) {
    expect(error, String((error as Error)?.stack ?? error)).toBeInstanceOf(GoodwillError);
    expect((error as GoodwillError).code).toBe('PARSE_ERROR');
    return null;
  }
}

/** What every result promises: problems in file order with lines, events that addEvents reads without a fault. */
function checkResult(result: ImportResult, lines: number): void {
  let last = 0;
  for (const p of result.problems) {
    expect(Number.isInteger(p.line) && p.line >= 1 && p.line <= lines + 1).toBe(true);
    expect(p.line).toBeGreaterThanOrEqual(last);
    expect(p.message.length).toBeGreaterThan(0);
    last = p.line;
  }
  for (const person of result.people) expect(typeof person.key).toBe('string');
  // The events are goodwill's: the converter reads every one of them (times valid, participants strings).
  const converted = imp.eventsToInteractions(result.events, { aliases: result.aliases });
  expect(converted.report.events).toBe(result.events.length);
  const written = imp.addEvents(new Graph(), result.events, { aliases: result.aliases });
  expect(written.interactions).toBe(converted.report.interactions);
}

const lineCount = (text: string) => text.split(/\r\n|\n|\r/).length;

/** Cases per importer (`IMPORT_FUZZ_CASES` for a longer run, `IMPORT_FUZZ_SEED` to vary it). */
const CASES = Number(process.env['IMPORT_FUZZ_CASES'] ?? 150);
const SEED = Number(process.env['IMPORT_FUZZ_SEED'] ?? 0);

describe('importers under random input', () => {
  it('parseICalendar: a result every event of which addEvents reads, or a ParseError', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(framed(['BEGIN:VCALENDAR', 'BEGIN:VEVENT'], ICS, ['END:VEVENT', 'END:VCALENDAR']), textOf(ICS)),
        async (text) => {
          const result = await run(() => imp.parseICalendar(text, { now: '2024-03-01' }));
          if (result === null) return;
          checkResult(result, lineCount(text));
          expect(imp.parseICalendar(text, { now: '2024-03-01' })).toEqual(result);
        },
      ),
      { numRuns: CASES, seed: 1601 + SEED },
    );
  });

  it('parseEmail and parseMbox: the same promise', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(framed(['From nobody Mon Jan  1 00:00:00 2024'], MAIL, ['']), textOf(MAIL)),
        async (text) => {
          for (const parse of [imp.parseEmail, imp.parseMbox]) {
            const result = await run(() => parse(text));
            if (result === null) continue;
            checkResult(result, lineCount(text));
            expect(await parse(text)).toEqual(result);
          }
        },
      ),
      { numRuns: CASES, seed: 1602 + SEED },
    );
  });

  it('parseVCard: the same promise', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(framed(['BEGIN:VCARD', 'VERSION:3.0'], VCF, ['END:VCARD']), textOf(VCF)),
        async (text) => {
          const result = await run(() => imp.parseVCard(text));
          if (result === null) return;
          checkResult(result, lineCount(text));
          for (const [alias, key] of Object.entries(result.aliases)) expect(alias).not.toBe(key);
        },
      ),
      { numRuns: CASES, seed: 1603 + SEED },
    );
  });

  it('parseLinkedInConnections and parseLinkedInMessages: the same promise', async () => {
    await fc.assert(
      fc.asyncProperty(textOf(CONNECTIONS, 12), textOf(MESSAGES, 12), async (connections, messages) => {
        const c = await run(() => imp.parseLinkedInConnections(connections));
        if (c !== null) checkResult(c, lineCount(connections));
        const m = await run(() => imp.parseLinkedInMessages(messages));
        if (m !== null) checkResult(m, lineCount(messages));
      }),
      { numRuns: CASES, seed: 1604 + SEED },
    );
  });
});
