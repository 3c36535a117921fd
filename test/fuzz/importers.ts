/**
 * The fuzz harness of the importers (issue 24): hostile calendars
 * (impossible and unbounded RRULEs, huge counts, broken RECURRENCE-IDs, old
 * starts, zones with and without VTIMEZONE), hostile mail (long headers,
 * whitespace runs in the Date, nested MIME, many messages) and duplicate or
 * cyclic contacts. Each case counts:
 *
 * - `throws`: an error that is not a `GoodwillError`;
 * - `badProblem`: a problem without a line within the text;
 * - `badAliases`: aliases with a chain or a cycle (a key that is also aliased);
 * - `overBudget`: a case over its time or memory budget.
 */
import fc from 'fast-check';
import { GoodwillError } from 'goodwill';
import * as imp from 'goodwill/import';
import type { ImportResult } from 'goodwill/import';
import { PARIS } from '../helpers/ical.js';
import { Findings, budget, untyped, type Finding } from './budget.js';

export type ImporterCounter = 'throws' | 'badProblem' | 'badAliases' | 'overBudget';

export interface ImporterCounters {
  cases: number;
  results: number;
  goodwillErrors: number;
  events: number;
  problems: number;
  throws: number;
  badProblem: number;
  badAliases: number;
  overBudget: number;
}

export function newImporterCounters(): ImporterCounters {
  return {
    cases: 0,
    results: 0,
    goodwillErrors: 0,
    events: 0,
    problems: 0,
    throws: 0,
    badProblem: 0,
    badAliases: 0,
    overBudget: 0,
  };
}

const RULES = [
  'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30',
  'FREQ=SECONDLY;BYMONTH=4;BYMONTHDAY=31',
  'FREQ=MINUTELY;BYMONTH=2;BYMONTHDAY=31',
  'FREQ=HOURLY;BYMONTH=11;BYMONTHDAY=31',
  'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30',
  'FREQ=MONTHLY;BYMONTHDAY=31',
  'FREQ=SECONDLY',
  'FREQ=MINUTELY;COUNT=99999999',
  'FREQ=DAILY;INTERVAL=0',
  'FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL=21991231T000000Z',
  'FREQ=YEARLY;BYWEEKNO=53;BYDAY=MO',
  'FREQ=MONTHLY;BYDAY=5FR',
  'FREQ=DAILY;BYSETPOS=400',
  'FREQ=NEVER',
];
const STARTS = [
  ':20240101T090000Z',
  ':19000101T000000Z',
  ':20240230T090000Z',
  ';TZID=Europe/Paris:20240331T023000',
  ';TZID=Europe/Paris:20241027T023000',
  ';TZID=Nowhere/Else:20240105T100000',
  ';VALUE=DATE:20240105',
];

const veventLines = fc
  .record({
    uid: fc.nat(3),
    start: fc.constantFrom(...STARTS),
    rules: fc.array(fc.constantFrom(...RULES), { maxLength: 2 }),
    recurrenceId: fc.constantFrom(undefined, 'garbage', '20240108T090000Z', ';TZID=Nowhere:2024'),
    exdate: fc.boolean(),
  })
  .map(({ uid, start, rules, recurrenceId, exdate }) => [
    'BEGIN:VEVENT',
    `UID:u${uid}`,
    `DTSTART${start}`,
    ...rules.map((r) => `RRULE:${r}`),
    ...(recurrenceId === undefined ? [] : [`RECURRENCE-ID${recurrenceId.startsWith(';') ? '' : ':'}${recurrenceId}`]),
    ...(exdate ? ['EXDATE:20240102T090000Z'] : []),
    'ORGANIZER:mailto:a@x.com',
    `ATTENDEE:mailto:b${uid}@x.com`,
    'END:VEVENT',
  ]);

const calendarText = fc
  .record({ zone: fc.boolean(), events: fc.array(veventLines, { minLength: 1, maxLength: 6 }) })
  .map(({ zone, events }) =>
    ['BEGIN:VCALENDAR', 'VERSION:2.0', ...(zone ? PARIS : []), ...events.flat(), 'END:VCALENDAR', ''].join('\r\n'),
  );

const space = fc.constantFrom(' ', '\t', '\r\n ', ' (c) ');
const mailText = fc
  .record({
    run: fc.nat(4096),
    space,
    recipients: fc.nat(2000),
    depth: fc.nat(60),
    date: fc.constantFrom('Tue, 5 Mar 2024 09:15:00 +0100', '31 Feb 2024 09:15', 'garbage', '5 Mar 24 09:15 EST'),
  })
  .map(({ run, space, recipients, depth, date }) => {
    const boundary = (i: number) => `b${i}`;
    let body = 'hi';
    for (let i = depth; i > 0; i--)
      body = `--${boundary(i)}\r\nContent-Type: multipart/mixed; boundary=${boundary(i + 1)}\r\n\r\n${body}\r\n--${boundary(i)}--`;
    return [
      'From: Ann <a@x.com>',
      `To: ${Array.from({ length: recipients + 1 }, (_, i) => `r${i}@x.com`).join(', ')}`,
      `Date: ${date}${space.repeat(run)}`,
      'Content-Type: multipart/mixed; boundary=b1',
      '',
      body,
    ].join('\r\n');
  });

const ADDRESSES = ['ann@acme.com', 'ann@home.org', 'ann@old.net', 'bob@x.com'];
const vcardText = fc
  .array(fc.shuffledSubarray(ADDRESSES, { minLength: 0, maxLength: 3 }), { minLength: 1, maxLength: 5 })
  .map((cards) =>
    cards
      .map((emails, i) =>
        ['BEGIN:VCARD', 'VERSION:3.0', `FN:Person ${i}`, ...emails.map((e) => `EMAIL:${e}`), 'END:VCARD', ''].join(
          '\r\n',
        ),
      )
      .join(''),
  );

export type ImporterCase =
  | { kind: 'calendar'; text: string; now: string; maxOccurrences: number | undefined }
  | { kind: 'mail'; text: string; mbox: boolean; copies: number }
  | { kind: 'vcard'; text: string };

export const importerCase: fc.Arbitrary<ImporterCase> = fc.oneof(
  fc.record({
    kind: fc.constant('calendar' as const),
    text: calendarText,
    now: fc.constantFrom('2024-01-10', '2025-01-01', '2199-12-31'),
    maxOccurrences: fc.constantFrom(undefined, 1, 50),
  }),
  fc.record({
    kind: fc.constant('mail' as const),
    text: mailText,
    mbox: fc.boolean(),
    copies: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({ kind: fc.constant('vcard' as const), text: vcardText }),
);

async function parse(c: ImporterCase): Promise<ImportResult> {
  switch (c.kind) {
    case 'calendar':
      return imp.parseICalendar(c.text, {
        now: c.now,
        ...(c.maxOccurrences === undefined ? {} : { maxOccurrences: c.maxOccurrences }),
      });
    case 'mail':
      if (!c.mbox) return imp.parseEmail(c.text);
      return imp.parseMbox(
        Array.from({ length: c.copies }, () => `From x Tue Mar  5 09:15:00 2024\n${c.text}\n`).join('\n'),
      );
    case 'vcard':
      return imp.parseVCard(c.text);
  }
}

/** Runs one importer case; returns its findings and updates `counters`. */
export async function runImporterCase(
  c: ImporterCase,
  counters: ImporterCounters,
  budgetMs = 5000,
  budgetMb = 512,
): Promise<Finding<ImporterCounter>[]> {
  counters.cases++;
  const findings = new Findings<ImporterCounter>(counters);
  const find = (counter: ImporterCounter, detail: string) => findings.find(counter, detail);
  const over = budget(budgetMs, budgetMb);
  try {
    const result = await parse(c);
    counters.results++;
    counters.events += result.events.length;
    counters.problems += result.problems.length;
    check(c, result, find);
  } catch (error) {
    if (error instanceof GoodwillError) counters.goodwillErrors++;
    else find('throws', untyped(error));
  }
  const overrun = over();
  if (overrun !== null) find('overBudget', overrun);
  return findings.list;
}

function check(c: ImporterCase, result: ImportResult, find: (k: ImporterCounter, d: string) => void): void {
  const lines = c.text.split('\n').length * (c.kind === 'mail' && c.mbox ? c.copies + 1 : 1);
  for (const p of result.problems)
    if (!Number.isInteger(p.line) || p.line < 1 || p.line > lines) find('badProblem', JSON.stringify(p).slice(0, 200));
  const aliases = result.aliases;
  for (const key of Object.keys(aliases))
    if (Object.prototype.hasOwnProperty.call(aliases, aliases[key]!))
      find('badAliases', `${key} → ${aliases[key]} → …`);
}

/** A case as compact text, to reproduce a finding. */
export function describeImporterCase(c: ImporterCase): string {
  return JSON.stringify({
    ...c,
    text: c.text.length > 2000 ? `${c.text.slice(0, 2000)}… (${c.text.length} chars)` : c.text,
  });
}
