/**
 * Bringing your data: a calendar file and a mailbox (written here; nobody
 * real) → one graph → whom to keep in touch with, and the ego report.
 *
 * Run: npx tsx examples/import.ts
 */
import assert from 'node:assert/strict';
import Graph from 'graphology';
import { personHealth, keepInTouch } from 'goodwill';
import { summarize } from 'goodwill/explain';
import { addEvents, parseICalendar, parseMbox } from 'goodwill/import';

const quiet = process.env['GOODWILL_EXAMPLE_QUIET'] === '1';
const log = (...args: unknown[]): void => {
  if (!quiet) console.log(...args);
};

const now = '2025-06-30';
const me = 'maya@example.com';

// A calendar: a weekly one-to-one with Theo (one week moved), a monthly team meeting, a one-off lunch with Ines.
const ics = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//goodwill//example//EN',
  'BEGIN:VEVENT',
  'UID:theo-1on1@example.com',
  'DTSTART:20250106T090000Z',
  'RRULE:FREQ=WEEKLY;UNTIL=20250630T000000Z',
  'ORGANIZER;CN=Maya Okafor:mailto:maya@example.com',
  'ATTENDEE;CN=Theo Brandt;PARTSTAT=ACCEPTED:mailto:theo@example.com',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:theo-1on1@example.com',
  'RECURRENCE-ID:20250303T090000Z',
  'DTSTART:20250304T140000Z',
  'ORGANIZER:mailto:maya@example.com',
  'ATTENDEE;PARTSTAT=ACCEPTED:mailto:theo@example.com',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:team@example.com',
  'DTSTART:20250110T150000Z',
  'RRULE:FREQ=MONTHLY;COUNT=6',
  'ORGANIZER;CN=Theo Brandt:mailto:theo@example.com',
  'ATTENDEE;PARTSTAT=ACCEPTED:mailto:maya@example.com',
  'ATTENDEE;PARTSTAT=ACCEPTED:mailto:lena@example.com',
  'ATTENDEE;PARTSTAT=DECLINED:mailto:omar@example.net',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:lunch@example.com',
  'DTSTART:20250212T120000Z',
  'ORGANIZER;CN=Ines Duarte:mailto:ines@example.org',
  'ATTENDEE;PARTSTAT=ACCEPTED:mailto:maya@example.com',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

// A mailbox: Theo sends the notes of each one-to-one; Maya and Ines write every few weeks; Lena writes to Maya (and Maya answers) until March; a newsletter.
const message = (from: string, to: string, date: string, id: string, cc = ''): string =>
  [
    `From ${from} ${date}`,
    `From: ${from}`,
    `To: ${to}`,
    ...(cc ? [`Cc: ${cc}`] : []),
    `Date: ${date}`,
    `Message-ID: <${id}@example.com>`,
    'Subject: hello',
    '',
    'Hi!',
    '',
  ].join('\n');
const mails: string[] = [];
for (let m = 1; m <= 6; m++) {
  const month = String(m).padStart(2, '0');
  mails.push(
    message(
      me,
      '=?UTF-8?Q?In=C3=AAs_Duarte?= <ines@example.org>',
      `Mon, 03 ${monthName(m)} 2025 10:00:00 +0000`,
      `mi${month}`,
    ),
  );
  mails.push(
    message(
      '=?UTF-8?Q?In=C3=AAs_Duarte?= <ines@example.org>',
      me,
      `Thu, 06 ${monthName(m)} 2025 17:30:00 +0200`,
      `im${month}`,
      'lena@example.com',
    ),
  );
  for (const day of ['07', '14', '21', '28'])
    mails.push(
      message(
        'Theo Brandt <theo@example.com>',
        me,
        `Tue, ${day} ${monthName(m)} 2025 16:00:00 +0000`,
        `tm${month}${day}`,
      ),
    );
  if (m <= 3) {
    mails.push(message('lena@example.com', me, `Tue, 11 ${monthName(m)} 2025 08:00:00 +0000`, `lm${month}`));
    mails.push(message(me, 'lena@example.com', `Wed, 12 ${monthName(m)} 2025 08:00:00 +0000`, `ml${month}`));
  }
  mails.push(
    message(
      'news@shop.example',
      `${me}, list@shop.example`,
      `Fri, 14 ${monthName(m)} 2025 06:00:00 +0000`,
      `n${month}`,
    ),
  );
}
function monthName(m: number): string {
  return ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun'][m - 1]!;
}
const mbox = mails.join('\n');

// Import: pure functions, text in, events out.
const calendar = parseICalendar(ics, { now });
const mail = await parseMbox(mbox);
assert.deepEqual([calendar.problems, mail.problems], [[], []], 'every record was read');
assert.equal(mail.events.length, 6 * 7 + 3 * 2);
assert.ok(
  mail.people.some((p) => p.key === 'ines@example.org' && p.name === 'Inês Duarte'),
  'encoded names are decoded',
);

// One graph, newsletters kept out; people named from the files.
const graph = new Graph();
const report = addEvents(graph, [...calendar.events, ...mail.events], { exclude: { domains: ['shop.example'] } });
log('import report', report);
assert.equal(report.droppedEvents.excludedInitiator, 6, 'the newsletter is not a relationship');
assert.ok(!graph.hasNode('news@shop.example'));
for (const person of [...calendar.people, ...mail.people])
  if (graph.hasNode(person.key) && person.name) graph.mergeNodeAttributes(person.key, { name: person.name });
graph.mergeNodeAttributes(me, { name: 'Maya Okafor' });

// Whom to keep in touch with.
const todo = keepInTouch(graph, me, { now });
log(
  'keep in touch',
  todo.contacts.map((c) => `${c.name}: ${c.reason}`),
);
const due = new Map(todo.contacts.map((c) => [c.other, c]));
assert.ok(
  due.has('theo@example.com') && due.get('theo@example.com')!.overdueDays === 0,
  'a weekly one-to-one last week is not overdue',
);
assert.ok(due.has('ines@example.org'), 'Ines, written to every month, is on the list');
assert.ok(!due.has('omar@example.net'), 'Omar declined the only meeting: no relationship');

// The ego report, in names.
const ego = personHealth(graph, me, { now });
const text = summarize(ego);
log(text);
assert.match(text, /Maya Okafor's network/);
assert.match(text, /Inês Duarte|Theo Brandt/);
assert.ok(
  ego.advice.feed.some((f) => f.other === 'lena@example.com'),
  'Lena, silent since March after monthly mail, is a tie to feed',
);
