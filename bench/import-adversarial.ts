/**
 * The worst input found for each importer, at two sizes: time per KB should
 * not grow with the size (linear), or fall once a budget caps the work.
 * Part of `npm run bench import`.
 */
import { parseEmail, parseICalendar, parseLinkedInConnections, parseMbox, parseVCard } from 'goodwill/import';
import { keep, ms, settle, table } from './harness.js';

/** Text of about `bytes` characters made of `unit(i)` repeated. */
function fill(bytes: number, unit: (i: number) => string, head = '', tail = ''): string {
  const parts = [head];
  let size = head.length + tail.length;
  for (let i = 0; size < bytes; i++) {
    const u = unit(i);
    parts.push(u);
    size += u.length;
  }
  parts.push(tail);
  return parts.join('');
}

/** Recurring events whose rule names a date that exists but none before now: ical.js searches until a budget stops it. */
const searchingCalendar = (bytes: number) =>
  fill(
    bytes,
    (i) =>
      `BEGIN:VEVENT\r\nUID:s${i}\r\nDTSTART:20200301T090000Z\r\nRRULE:FREQ=MINUTELY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO\r\nORGANIZER:mailto:a@x.com\r\nATTENDEE:mailto:b${i}@x.com\r\nEND:VEVENT\r\n`,
    'BEGIN:VCALENDAR\r\nVERSION:2.0\r\n',
    'END:VCALENDAR\r\n',
  );

/** Unbounded SECONDLY series: every one would give occurrences without end. */
const amplifyingCalendar = (bytes: number) =>
  fill(
    bytes,
    (i) =>
      `BEGIN:VEVENT\r\nUID:s${i}\r\nDTSTART:20240101T090000Z\r\nRRULE:FREQ=SECONDLY\r\nORGANIZER:mailto:a@x.com\r\nATTENDEE:mailto:b${i}@x.com\r\nEND:VEVENT\r\n`,
    'BEGIN:VCALENDAR\r\nVERSION:2.0\r\n',
    'END:VCALENDAR\r\n',
  );

/**
 * One message with a run of empty addresses in To (the slowest header found for postal-mime's address parser, about
 * 1.5 ms per KB) and a Date ending in white space (the quadratic case of a backtracking pattern).
 */
const spacedDate = (bytes: number) =>
  `From: a@x.com\r\nTo: ${', '.repeat(bytes / 4)}b@x.com\r\nDate: Tue, 5 Mar 2024 09:15:00${' \t'.repeat(bytes / 4)}!\r\n\r\nhi`;

/** An mbox of messages with long folded recipient lists and spaced dates. */
const heavyMbox = (bytes: number) =>
  fill(
    bytes,
    (i) =>
      `From x Tue Mar  5 09:15:00 2024\nFrom: a@x.com\nTo: ${Array.from({ length: 40 }, (_, j) => `r${i}.${j}@x.com`).join(',\n ')}\nDate: Tue, 5 Mar 2024 09:15:00${' '.repeat(2000)}+0100\n\nhi\n\n`,
  );

/** vCards of one person again and again, each listing the addresses in another order (merged by shared address). */
const duplicateCards = (bytes: number) =>
  fill(
    bytes,
    (i) =>
      `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann ${i}\r\nEMAIL:ann${i % 50}@x.com\r\nEMAIL:ann${(i + 1) % 50}@x.com\r\nEMAIL:ann@x.com\r\nEND:VCARD\r\n`,
  );

/** LinkedIn connections with long quoted fields full of commas and newlines. */
const quotedCsv = (bytes: number) =>
  fill(
    bytes,
    (i) => `Ann,"Lee, ${'x,\n'.repeat(40)}",https://x/a${i},a${i}@x.com,"Acme, Inc",CTO,15 Mar 2024\n`,
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n',
  );

const CASES: [string, (bytes: number) => string, (text: string) => unknown][] = [
  ['parseICalendar: rules that search', searchingCalendar, (t) => parseICalendar(t, { now: '2025-01-01' })],
  ['parseICalendar: SECONDLY series', amplifyingCalendar, (t) => parseICalendar(t, { now: '2025-01-01' })],
  ['parseEmail: empty addresses, spaced Date', spacedDate, (t) => parseEmail(t, { maxHeaderSize: 4_000_000 })],
  ['parseMbox: long headers', heavyMbox, (t) => parseMbox(t)],
  ['parseVCard: duplicate cards', duplicateCards, (t) => parseVCard(t)],
  ['parseLinkedInConnections: quoted fields', quotedCsv, (t) => parseLinkedInConnections(t)],
];

/** Times each adversarial input at 64 KB and 1 MB; prints the time per KB. */
export async function adversarial(): Promise<void> {
  const rows: Record<string, string>[] = [];
  for (const [name, make, parse] of CASES) {
    const perKb: number[] = [];
    const cells: string[] = [];
    for (const kb of [64, 1024]) {
      const text = make(kb * 1024);
      settle();
      const t0 = performance.now();
      keep(await parse(text));
      const took = performance.now() - t0;
      perKb.push(took / kb);
      cells.push(`${ms(took)} (${(took / kb).toFixed(3)} ms/KB)`);
    }
    rows.push({
      input: name,
      '64 KB': cells[0]!,
      '1 MB': cells[1]!,
      'per-KB ratio': (perKb[1]! / perKb[0]!).toFixed(2),
      goal: '≤ ~1 (linear)',
    });
  }
  table('Adversarial input: time per KB at 64 KB and 1 MB (linear: the ratio stays near 1 or below)', rows);
}
