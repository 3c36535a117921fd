import { describe, expect, it } from 'vitest';
import { ParseError } from 'goodwill';
import {
  parseEmail,
  parseICalendar,
  parseLinkedInConnections,
  parseLinkedInMessages,
  parseMbox,
  parseVCard,
} from 'goodwill/import';

const crlf = (lines: string[]) => `${lines.join('\r\n')}\r\n`;

const BERLIN = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Berlin',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

const ICS = crlf([
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Example//Calendar//EN',
  ...BERLIN,
  // A weekly meeting across the change to summer time, one date excluded, one moved.
  'BEGIN:VEVENT',
  'UID:weekly-1@example.com',
  'DTSTART;TZID=Europe/Berlin:20240320T100000',
  'RRULE:FREQ=WEEKLY;COUNT=6',
  'EXDATE;TZID=Europe/Berlin:20240327T100000',
  'SUMMARY:Weekly sync with a summary long enough to be folded by the writer o',
  ' f this calendar file',
  'ORGANIZER;CN="Ann Example":mailto:Ann@Example.com',
  'ATTENDEE;CN=Bob Beispiel;PARTSTAT=ACCEPTED:mailto:bob@example.org',
  'ATTENDEE;CN=Cy;PARTSTAT=DECLINED:mailto:cy@example.org',
  'ATTENDEE;PARTSTAT=TENTATIVE;CN="Di, the new one":mai',
  ' lto:di@example.net',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:weekly-1@example.com',
  'RECURRENCE-ID;TZID=Europe/Berlin:20240403T100000',
  'DTSTART;TZID=Europe/Berlin:20240404T150000',
  'ORGANIZER:mailto:ann@example.com',
  'ATTENDEE;PARTSTAT=ACCEPTED:mailto:bob@example.org',
  'END:VEVENT',
  // A single UTC event, an all-day event without an organiser, a cancelled one.
  'BEGIN:VEVENT',
  'UID:lunch@example.com',
  'DTSTART:20240315T120000Z',
  'ORGANIZER:mailto:bob@example.org',
  'ATTENDEE:mailto:ann@example.com',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:offsite@example.com',
  'DTSTART;VALUE=DATE:20240410',
  'ATTENDEE:mailto:ann@example.com',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:cancelled@example.com',
  'STATUS:CANCELLED',
  'DTSTART:20240316T120000Z',
  'ORGANIZER:mailto:bob@example.org',
  'ATTENDEE:mailto:ann@example.com',
  'END:VEVENT',
  'END:VCALENDAR',
]);

describe('parseICalendar', () => {
  it('reads organiser, attendees (declined left out), time zones, recurrences with exceptions up to now', () => {
    const { events, people, problems } = parseICalendar(ICS, { now: '2024-04-12' });
    expect(problems).toEqual([]);
    const weekly = events.filter((e) => e.id?.startsWith('weekly-1'));
    expect(weekly.map((e) => e.at)).toEqual([
      '2024-03-20T09:00:00.000Z', // CET, +01:00
      '2024-04-04T13:00:00.000Z', // moved, CEST, +02:00
      '2024-04-10T08:00:00.000Z', // CEST
    ]);
    expect(weekly[0]).toEqual({
      at: '2024-03-20T09:00:00.000Z',
      kind: 'meeting',
      from: 'ann@example.com',
      attendees: ['bob@example.org', 'di@example.net'],
      id: 'weekly-1@example.com/2024-03-20T10:00:00',
    });
    expect(weekly[1]!.attendees).toEqual(['bob@example.org']);
    expect(events.find((e) => e.id === 'lunch@example.com')).toMatchObject({
      at: '2024-03-15T12:00:00.000Z',
      from: 'bob@example.org',
      attendees: ['ann@example.com'],
    });
    expect(events.find((e) => e.id === 'offsite@example.com')).toEqual({
      at: '2024-04-10',
      kind: 'meeting',
      attendees: ['ann@example.com'],
      id: 'offsite@example.com',
    });
    expect(events.some((e) => e.id === 'cancelled@example.com')).toBe(false);
    expect(people).toContainEqual({ key: 'di@example.net', name: 'Di, the new one' });
    expect(people).toContainEqual({ key: 'ann@example.com', name: 'Ann Example' });
  });

  it('stops recurrences at now and leaves the time zone registry as it found it', async () => {
    expect(parseICalendar(ICS, { now: '2024-03-21' }).events.filter((e) => e.id?.startsWith('weekly-1'))).toHaveLength(
      1,
    );
    const ICAL = (await import('ical.js')).default;
    expect(ICAL.TimezoneService.has('Europe/Berlin')).toBe(false);
  });

  it('reports each event it cannot read, with its line, and keeps the others', () => {
    const text = crlf([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:bad',
      'this line has no colon',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:nostart',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:good',
      'DTSTART:20240101T100000Z',
      'ORGANIZER:mailto:a@x.org',
      'ATTENDEE:mailto:b@x.org',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:open',
      'END:VCALENDAR',
    ]);
    const { events, problems } = parseICalendar(text, { now: '2024-06-30' });
    expect(events.map((e) => e.id)).toEqual(['good']);
    expect(problems.map((p) => p.line)).toEqual([3, 7, 16]);
    expect(problems[0]!.message).toMatch(/could not be read/);
    expect(problems[1]!.message).toMatch(/without DTSTART/);
    expect(problems[2]!.message).toMatch(/without END:VEVENT/);
  });

  it('a TZID without VTIMEZONE is read in its IANA zone, as RFC 5545 reads local times; an unknown one is reported', () => {
    const event = (uid: string, start: string, extra: string[] = []) => [
      'BEGIN:VEVENT',
      `UID:${uid}`,
      start,
      'ORGANIZER:mailto:ann@example.com',
      'ATTENDEE:mailto:bob@example.com',
      ...extra,
      'END:VEVENT',
    ];
    const text = crlf([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      // RFC 5545 §3.3.5's own examples: 2:30 does not occur on 11 March 2007 (read with the offset before the gap,
      // 3:30 EDT); 1:30 occurs twice on 4 November 2007 (the first: EDT).
      ...event('gap', 'DTSTART;TZID=America/New_York:20070311T023000'),
      ...event('twice', 'DTSTART;TZID=America/New_York:20071104T013000'),
      ...event('summer', 'DTSTART;TZID=Europe/Paris:20240701T120000'),
      ...event('weekly', 'DTSTART;TZID=Europe/Paris:20240325T100000', ['RRULE:FREQ=WEEKLY;COUNT=2']),
      ...event('nowhere1', 'DTSTART;TZID=Nowhere/Else:20240105T100000'),
      ...event('nowhere2', 'DTSTART;TZID=Nowhere/Else:20240106T100000'),
      'END:VCALENDAR',
    ]);
    const { events, problems } = parseICalendar(text, { now: '2024-12-31' });
    expect(Object.fromEntries(events.map((e) => [e.id, e.at]))).toEqual({
      gap: '2007-03-11T07:30:00.000Z',
      twice: '2007-11-04T05:30:00.000Z',
      summer: '2024-07-01T10:00:00.000Z',
      // Across the change to summer time on 31 March: 10:00 in Paris is 09:00, then 08:00 UTC.
      'weekly/2024-03-25T10:00:00': '2024-03-25T09:00:00.000Z',
      'weekly/2024-04-01T10:00:00': '2024-04-01T08:00:00.000Z',
    });
    // The unknown zone: its events skipped, said once.
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(
      /"Nowhere\/Else" is neither defined in the file \(VTIMEZONE\) nor an IANA zone/,
    );
  });

  it('an impossible or unreadable date is reported, never rolled over to another day', () => {
    const text = crlf([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:feb30',
      'DTSTART;VALUE=DATE:20240230',
      'ORGANIZER:mailto:ann@example.com',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:short',
      'DTSTART:2024',
      'ORGANIZER:mailto:ann@example.com',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:badrule',
      'DTSTART:20240105T100000Z',
      'RRULE:FREQ=WEEKLY;BYDAY=XX',
      'ORGANIZER:mailto:ann@example.com',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:ok',
      'DTSTART:20240229T100000Z',
      'ORGANIZER:mailto:ann@example.com',
      'END:VEVENT',
      'END:VCALENDAR',
    ]);
    const { events, problems } = parseICalendar(text, { now: '2024-12-31' });
    expect(events.map((e) => [e.id, e.at])).toEqual([['ok', '2024-02-29T10:00:00.000Z']]);
    expect(problems.map((p) => p.line)).toEqual([3, 8, 13]);
    expect(problems[0]!.message).toMatch(/impossible DTSTART \(2024-02-30\)/);
    expect(problems[1]!.message).toMatch(/impossible DTSTART/);
    expect(problems[2]!.message).toMatch(/could not be (read|expanded)/);
  });

  it('throws a ParseError on text that is not iCalendar, and requires now', () => {
    expect(() => parseICalendar('First Name,Last Name\n', { now: '2024-01-01' })).toThrow(ParseError);
    expect(() => parseICalendar(ICS, {} as never)).toThrow(/`now` is required/);
  });
});

const MESSAGE_1 = crlf([
  'From: =?UTF-8?B?SsO8cmdlbiBNw7xsbGVy?= <Juergen@Example.com>',
  'To: "Bob, B." <bob@example.org>,',
  ' carol@example.net',
  'Cc: Team: dan@example.com, =?ISO-8859-1?Q?Eva_J=F6rg?= <eva@example.com>;',
  'Date: Tue, 5 Mar 2024 09:15:00 +0100',
  'Message-ID: <m1@example.com>',
  'Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=',
  '',
  'Hello,',
  '>From the start of the project...',
]);

describe('parseEmail and parseMbox', () => {
  it('reads From, To, Cc (groups), Date with its offset, Message-ID and encoded names', async () => {
    const { events, people, problems } = await parseEmail(MESSAGE_1);
    expect(problems).toEqual([]);
    expect(events).toEqual([
      {
        at: '2024-03-05T08:15:00.000Z',
        kind: 'message',
        from: 'juergen@example.com',
        to: ['bob@example.org', 'carol@example.net'],
        cc: ['dan@example.com', 'eva@example.com'],
        id: '<m1@example.com>',
      },
    ]);
    expect(people).toContainEqual({ key: 'juergen@example.com', name: 'Jürgen Müller' });
    expect(people).toContainEqual({ key: 'eva@example.com', name: 'Eva Jörg' });
    expect(people).toContainEqual({ key: 'bob@example.org', name: 'Bob, B.' });
  });

  it('splits an mbox on From lines, keeps In-Reply-To, reports unreadable messages with their line', async () => {
    const mbox = [
      'From juergen@example.com Tue Mar  5 08:15:00 2024',
      MESSAGE_1,
      'From bob@example.org Wed Mar  6 10:00:00 2024',
      crlf([
        'From: Bob <bob@example.org>',
        'To: juergen@example.com',
        'Date: Wed, 06 Mar 2024 11:00:00 +0100',
        'Message-ID: <m2@example.org>',
        'In-Reply-To: <m1@example.com>',
        '',
        'Thanks',
      ]),
      'From nobody Thu Mar  7 10:00:00 2024',
      crlf(['To: juergen@example.com', 'Date: Thu, 07 Mar 2024 10:00:00 +0000', '', 'no sender']),
      'From carol@example.net Fri Mar  8 10:00:00 2024',
      crlf(['From: carol@example.net', 'To: bob@example.org', 'Date: someday', '', 'x']),
    ].join('\r\n');
    const { events, problems } = await parseMbox(mbox);
    expect(events.map((e) => e.id)).toEqual(['<m1@example.com>', '<m2@example.org>']);
    expect(events[1]).toMatchObject({
      at: '2024-03-06T10:00:00.000Z',
      from: 'bob@example.org',
      to: ['juergen@example.com'],
      inReplyTo: '<m1@example.com>',
    });
    expect(problems).toEqual([
      { line: 22, message: 'the message has no From address; skipped.' },
      { line: 28, message: 'the message has a Date that cannot be read ("someday"); skipped.' },
    ]);
    expect(mbox.split('\n')[21]).toMatch(/^From nobody/);
  });

  it("reads Date as RFC 5322 writes it: never rolled over, never in the machine's time zone", async () => {
    const at = async (date: string) => {
      const { events, problems } = await parseEmail(
        crlf(['From: ann@example.com', 'To: bob@example.com', `Date: ${date}`, '', 'x']),
      );
      return events.length === 1 ? events[0]!.at : problems[0]!.message;
    };
    expect(await at('Tue, 5 Mar 2024 09:15:00 +0100')).toBe('2024-03-05T08:15:00.000Z');
    // Obsolete forms (RFC 5322 §4.3): a two-digit year, a zone name, no seconds, a comment.
    expect(await at('5 Mar 24 09:15 EST')).toBe('2024-03-05T14:15:00.000Z');
    expect(await at('Tue, 05 Mar 2024 09:15:00 -0000 (unknown zone)')).toBe('2024-03-05T09:15:00.000Z');
    // No zone at all: UTC, as goodwill reads every time without an offset (CI runs this under another zone too).
    expect(await at('5 Mar 2024 09:15:00')).toBe('2024-03-05T09:15:00.000Z');
    // An impossible date is not 2 March.
    expect(await at('31 Feb 2024 10:00:00 +0000')).toMatch(
      /a Date that cannot be read \("31 Feb 2024 10:00:00 \+0000"\)/,
    );
    expect(await at('yesterday')).toMatch(/cannot be read/);
  });

  it('throws a ParseError on text that is not a message or an mbox', async () => {
    await expect(parseEmail('BEGIN:VCALENDAR')).rejects.toThrow(ParseError);
    await expect(parseEmail('   \n\nhello')).rejects.toThrow(/not an e-mail message/);
    await expect(parseMbox(MESSAGE_1)).rejects.toThrow(/not an mbox file/);
  });
});

describe('parseVCard', () => {
  it('reads names, organisation, e-mails, phones; other addresses become aliases; folded lines and vCard 4', () => {
    const text = crlf([
      'BEGIN:VCARD',
      'VERSION:3.0',
      'N:Müller;Jürgen;;;',
      'FN:Jürgen Müller',
      'ORG:Acme Robotics;R&D',
      'TITLE:Head of Rese',
      ' arch',
      'EMAIL;TYPE=INTERNET;TYPE=WORK:Juergen@Acme.example',
      'item1.EMAIL;TYPE=INTERNET:j.mueller@home.example',
      'TEL;TYPE=CELL:+49 30 1234567',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:4.0',
      'N:Lee;Ann;;;',
      'UID:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1',
      'END:VCARD',
    ]);
    const { people, aliases, problems } = parseVCard(text);
    expect(problems).toEqual([]);
    expect(people).toEqual([
      {
        key: 'juergen@acme.example',
        name: 'Jürgen Müller',
        organization: 'Acme Robotics, R&D',
        title: 'Head of Research',
        emails: ['juergen@acme.example', 'j.mueller@home.example'],
        phones: ['+49 30 1234567'],
      },
      { key: 'urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1', name: 'Ann Lee' },
    ]);
    expect(aliases).toEqual({ 'j.mueller@home.example': 'juergen@acme.example' });
  });

  it('aliases are a record without a prototype: an address named __proto__ is an ordinary entry', () => {
    const { aliases } = parseVCard(
      crlf(['BEGIN:VCARD', 'VERSION:3.0', 'FN:X', 'EMAIL:x@y.com', 'EMAIL:__proto__', 'END:VCARD']),
    );
    expect(Object.keys(aliases)).toEqual(['__proto__']);
    expect(JSON.parse(JSON.stringify(aliases))).toEqual(JSON.parse('{"__proto__":"x@y.com"}'));
  });

  it('reports cards it cannot read with their line; throws on text that is not vCard', () => {
    const text = crlf([
      'BEGIN:VCARD',
      'VERSION:3.0',
      'no colon here',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'NOTE:nothing else',
      'END:VCARD',
      'BEGIN:VCARD',
      'FN:Ok',
      'END:VCARD',
    ]);
    const { people, problems } = parseVCard(text);
    expect(people.map((p) => p.name)).toEqual(['Ok']);
    expect(problems.map((p) => [p.line, /could not be read|no name/.test(p.message)])).toEqual([
      [1, true],
      [5, true],
    ]);
    expect(() => parseVCard('From: a@b.c\r\n')).toThrow(ParseError);
  });
});

describe('LinkedIn export', () => {
  const connections = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
    'Ann,Lee,https://www.linkedin.com/in/annlee,Ann.Lee@Example.com,"Acme, Inc.",CTO,15 Mar 2024',
    'Bob,"O\'Brien ""Bobby""",https://www.linkedin.com/in/bob,,Globex,"Head of Sales,',
    'EMEA",02 Jan 2023',
    ',,,,Acme,CTO,15 Mar 2024',
    'Cy,Ng,https://www.linkedin.com/in/cy,,Initech,Engineer,sometime',
  ].join('\n');

  it('Connections.csv: skips the notes, reads quoted fields (commas, quotes, newlines), aliases URL → e-mail', () => {
    const { people, aliases, problems, events } = parseLinkedInConnections(connections, { self: 'me' });
    expect(people[0]).toEqual({
      key: 'ann.lee@example.com',
      name: 'Ann Lee',
      organization: 'Acme, Inc.',
      title: 'CTO',
      url: 'https://www.linkedin.com/in/annlee',
      emails: ['ann.lee@example.com'],
      connectedOn: '2024-03-15',
    });
    expect(people[1]).toMatchObject({
      key: 'https://www.linkedin.com/in/bob',
      name: 'Bob O\'Brien "Bobby"',
      title: 'Head of Sales,\nEMEA',
      connectedOn: '2023-01-02',
    });
    expect(aliases).toEqual({ 'https://www.linkedin.com/in/annlee': 'ann.lee@example.com' });
    expect(events).toContainEqual({ at: '2024-03-15', kind: 'connection', from: 'me', to: ['ann.lee@example.com'] });
    expect(problems).toEqual([
      { line: 8, message: 'a row without a name, URL or e-mail; skipped.' },
      {
        line: 9,
        message: '"Connected On" "sometime" is not a date like "15 Mar 2024"; the person is kept without it.',
      },
    ]);
    expect(() => parseLinkedInConnections('BEGIN:VCARD\n')).toThrow(ParseError);
  });

  it('messages.csv: several recipients per row, UTC dates, bad rows reported', () => {
    const text = [
      'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER',
      '2-abc==,Launch,Ann Lee,https://www.linkedin.com/in/annlee,"Bob O\'Brien,Cy Ng","https://www.linkedin.com/in/bob,https://www.linkedin.com/in/cy",2024-06-15 10:30:00 UTC,,"Hi both, ""quick"" one",INBOX',
      "2-abc==,Launch,Bob O'Brien,https://www.linkedin.com/in/bob,Ann Lee,https://www.linkedin.com/in/annlee,yesterday,,x,INBOX",
    ].join('\r\n');
    const { events, people, problems } = parseLinkedInMessages(text);
    expect(events).toEqual([
      {
        at: '2024-06-15T10:30:00Z',
        kind: 'message',
        from: 'https://www.linkedin.com/in/annlee',
        to: ['https://www.linkedin.com/in/bob', 'https://www.linkedin.com/in/cy'],
        id: '2-abc==',
      },
    ]);
    expect(people).toContainEqual({ key: 'https://www.linkedin.com/in/cy', name: 'Cy Ng' });
    expect(problems).toEqual([{ line: 3, message: 'the row has a DATE that cannot be read ("yesterday"); skipped.' }]);
    expect(() => parseLinkedInMessages('a,b,c\n1,2,3\n')).toThrow(ParseError);
  });
});
