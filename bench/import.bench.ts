/**
 * Importers against their parser alone, on the same input generated here
 * (kept in memory): a ~100 MB mbox against postal-mime parsing every
 * message (split the same way), a 10,000-event calendar against ical.js
 * parsing the file and reading the same fields; and `addEvents` of
 * 1,000,000 pairwise interactions against graphology's own `mergeEdge` loop
 * over the same edges (each pushing its interaction). Goals: ≤ 1.5× and ≤ 2×.
 * Then the worst input of each importer at two sizes (import-adversarial.ts).
 */
import Graph from 'graphology';
import ICAL from 'ical.js';
import PostalMime from 'postal-mime';
import type { GroupEvent } from 'goodwill';
import { addEvents, parseICalendar, parseMbox } from 'goodwill/import';
import { keep, ms, settle, summarize, table, type Measurement } from './harness.js';
import { adversarial } from './import-adversarial.js';

/** A deterministic pseudo-random generator. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function makeMbox(targetBytes: number): string {
  const random = rng(1);
  const parts: string[] = [];
  let size = 0;
  const body =
    'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.\n'.repeat(20);
  for (let i = 0; size < targetBytes; i++) {
    const who = (n: number) => `p${Math.floor(random() * 2000)}@example${n % 7}.com`;
    const day = 1 + (i % 28);
    const text = [
      `From ${who(i)} Mon Mar  4 10:00:00 2024`,
      `From: =?UTF-8?Q?Person_${i % 100}?= <${who(i)}>`,
      `To: ${who(i + 1)}, "Someone, Else" <${who(i + 2)}>`,
      `Cc: ${who(i + 3)}`,
      `Date: Mon, ${day} Mar 2024 10:${String(i % 60).padStart(2, '0')}:00 +0100`,
      `Message-ID: <m${i}@example.com>`,
      `Subject: Message ${i}`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      body,
    ].join('\n');
    parts.push(text);
    size += text.length + 1;
  }
  return parts.join('\n');
}

function makeCalendar(events: number): string {
  const random = rng(2);
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//bench//EN'];
  for (let i = 0; i < events; i++) {
    const who = () => `mailto:p${Math.floor(random() * 2000)}@example.com`;
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(
      'BEGIN:VEVENT',
      `UID:e${i}@bench`,
      `DTSTART:202403${day}T${String(8 + (i % 10)).padStart(2, '0')}0000Z`,
      `SUMMARY:Meeting ${i}`,
      `ORGANIZER;CN=Org:${who()}`,
    );
    for (let a = 0; a < 4; a++) lines.push(`ATTENDEE;CN=Att ${a};PARTSTAT=ACCEPTED:${who()}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
}

/** The parser alone: split the mbox on separator lines, postal-mime on every whole message. */
async function postalMimeAlone(mbox: string): Promise<number> {
  const messages = mbox.split(/\n(?=From )/);
  let n = 0;
  for (const m of messages) {
    const email = await PostalMime.parse(m.slice(m.indexOf('\n') + 1));
    if (email.from) n++;
  }
  return n;
}

/** The parser alone: ical.js parses the file and the same fields are read. */
function icalAlone(ics: string): number {
  const root = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  let n = 0;
  for (const event of root.getAllSubcomponents('vevent')) {
    const start = event.getFirstPropertyValue('dtstart') as InstanceType<typeof ICAL.Time>;
    n += start.toUnixTime() > 0 ? 1 : 0;
    n += String(event.getFirstPropertyValue('organizer')).length > 0 ? 1 : 0;
    for (const a of event.getAllProperties('attendee'))
      n += String(a.getFirstValue()).length + String(a.getParameter('partstat')).length > 0 ? 1 : 0;
    n += String(event.getFirstPropertyValue('uid')).length;
  }
  return n;
}

/** Times async functions in alternation, settled before each sample. */
async function interleaveAsync(
  fns: (() => Promise<unknown> | unknown)[],
  runs: number,
  warmup = true,
): Promise<Measurement[]> {
  if (warmup) for (const fn of fns) keep(await fn());
  const samples: number[][] = fns.map(() => []);
  for (let r = 0; r < runs; r++) {
    for (let i = 0; i < fns.length; i++) {
      settle();
      const t0 = performance.now();
      keep(await fns[i]!());
      samples[i]!.push(performance.now() - t0);
    }
  }
  return samples.map(summarize);
}

export default async function run(): Promise<void> {
  const rows: Record<string, string>[] = [];
  // IMPORT_MBOX_MB sets the size (default 100): one untimed-warm-up-free run each, as a run of 100 MB takes tens of seconds.
  const mbox = makeMbox(Number(process.env['IMPORT_MBOX_MB'] ?? 100) * 1024 * 1024);
  const [pm, ours] = await interleaveAsync([() => postalMimeAlone(mbox), () => parseMbox(mbox)], 1, false);
  rows.push({
    case: `mbox, ${(mbox.length / 1048576).toFixed(0)} MB`,
    parser: `postal-mime on every message ${ms(pm!.median)}`,
    ours: `parseMbox ${ms(ours!.median)}`,
    ratio: (ours!.median / pm!.median).toFixed(2),
    goal: '≤ 1.5',
  });

  const ics = makeCalendar(10_000);
  const [ical, cal] = await interleaveAsync(
    [() => icalAlone(ics), () => parseICalendar(ics, { now: '2024-12-31' })],
    9,
  );
  rows.push({
    case: '10,000-event calendar',
    parser: `ical.js parse + fields ${ms(ical!.median)}`,
    ours: `parseICalendar ${ms(cal!.median)}`,
    ratio: (cal!.median / ical!.median).toFixed(2),
    goal: '≤ 1.5',
  });

  // 1,000,000 pairwise interactions: 250,000 events of one sender and four recipients among 20,000 people.
  const random = rng(3);
  const events: GroupEvent[] = [];
  for (let i = 0; i < 250_000; i++) {
    const p = () => `p${Math.floor(random() * 20_000)}`;
    events.push({
      at: 1_700_000_000_000 + i * 60_000,
      kind: 'message',
      from: p(),
      to: [p(), p(), p(), p()],
      id: `e${i}`,
    });
  }
  const pairs: [string, string, unknown][] = [];
  for (const e of events)
    for (const t of e.to!)
      if (t !== e.from)
        pairs.push([
          e.from!,
          t,
          { at: e.at, kind: e.kind, from: e.from, weight: 1, group: { id: e.id, size: 5, role: 'to' } },
        ]);
  const mergeLoop = () => {
    const g = new Graph();
    for (const [s, t, interaction] of pairs) {
      const [key] = g.mergeEdge(s, t);
      const attributes = g.getEdgeAttributes(key);
      ((attributes['interactions'] as unknown[] | undefined) ?? (attributes['interactions'] = [])).push(interaction);
    }
    return g;
  };
  const bareMerge = () => {
    const g = new Graph();
    for (const [s, t] of pairs) g.mergeEdge(s, t);
    return g;
  };
  // One run each: graphology's own mergeEdge loop over a million edges takes tens of seconds.
  const [loop, bare, add] = await interleaveAsync(
    [mergeLoop, bareMerge, () => addEvents(new Graph(), events)],
    1,
    false,
  );
  rows.push({
    case: `addEvents, ${pairs.length.toLocaleString('en')} interactions`,
    parser: `mergeEdge loop + push ${ms(loop!.median)} (mergeEdge alone ${ms(bare!.median)})`,
    ours: `addEvents ${ms(add!.median)}`,
    ratio: `${(add!.median / loop!.median).toFixed(2)} (${(add!.median / bare!.median).toFixed(2)} vs mergeEdge alone)`,
    goal: '≤ 2',
  });
  table('Importing real data: each importer against its parser alone, on the same input', rows);
  await adversarial();
}
