/**
 * iCalendar (RFC 5545) → meeting events, with ical.js.
 *
 * @module
 */
import ICAL from 'ical.js';
import { ParseError } from '../core/errors.js';
import { MAX_TIME_MS, MIN_TIME_MS, parseTimeOption } from '../core/time.js';
import type { GroupEvent } from '../events/types.js';
import { PeopleBook, addressKey, checkText, emptyResult, splitBlocks } from './shared.js';
import type { ImportResult } from './types.js';

/** Options of {@link parseICalendar}. */
export interface ICalendarOptions {
  /** Recurring events are expanded up to this date (goodwill never reads the clock). */
  now: Date | number | string;
  /** The event kind. Default `'meeting'`. */
  kind?: string;
  /** Attendees whose participation status is one of these are left out. Default `['DECLINED', 'DELEGATED']`. */
  skipStatus?: readonly string[];
  /** At most this many occurrences of one recurring event. Default 10,000. */
  maxOccurrences?: number;
}

const BLOCKS = new Set(['VEVENT', 'VTIMEZONE']);

type Component = InstanceType<typeof ICAL.Component>;
type Time = InstanceType<typeof ICAL.Time>;

/** Epoch ms of an ical.js time: with its zone; floating times (no zone) are read as UTC, as goodwill reads times. */
function timeMs(time: Time): number {
  return time.toUnixTime() * 1000;
}

/**
 * Reads an iCalendar file (`.ics`: Google Calendar, Outlook, CalDAV exports)
 * into meeting events: the ORGANIZER initiates, the ATTENDEEs attend (those
 * who declined are left out), at DTSTART in its time zone (VTIMEZONE blocks
 * of the file; floating times are UTC); recurring events (RRULE, RDATE,
 * EXDATE, and RECURRENCE-ID exceptions) are expanded up to `now`; cancelled
 * events are skipped. A VEVENT that cannot be read is reported with its line
 * and skipped; a text that is not iCalendar at all is a {@link ParseError}.
 * Pure: text in, events out. Uses ical.js.
 *
 * @see [Bringing your data](../../docs/guides/data.md), the guide.
 *
 * @example
 * ```ts
 * const { events, people, problems } = parseICalendar(icsText, { now: '2024-06-30' });
 * addEvents(graph, events, { self: 'me@example.com' }); // events without an organiser are yours
 * ```
 */
export function parseICalendar(text: string, options: ICalendarOptions): ImportResult {
  const module = 'parseICalendar';
  checkText(text, module);
  const now = parseTimeOption(options?.now, 'now', module);
  const kind = options.kind ?? 'meeting';
  const skip = new Set((options.skipStatus ?? ['DECLINED', 'DELEGATED']).map((s) => s.toUpperCase()));
  const maxOccurrences = options.maxOccurrences ?? 10_000;
  if (!/^\uFEFF?\s*BEGIN:VCALENDAR\r?\n/i.test(text.slice(0, 200))) {
    throw new ParseError(
      `${module}: this is not iCalendar text: it must start with BEGIN:VCALENDAR (got ${JSON.stringify(text.slice(0, 30))}). Pass the content of an .ics file.`,
      { line: 1 },
    );
  }
  const result = emptyResult();
  const book = new PeopleBook();
  const blocks = splitBlocks(text, BLOCKS);
  const added: string[] = [];
  try {
    const masters = new Map<string, { component: Component; line: number }>();
    const exceptions = new Map<string, Component[]>();
    const singles: { component: Component; line: number }[] = [];
    for (const block of blocks) {
      if (block.text === null) {
        result.problems.push({ line: block.line, message: `BEGIN:${block.name} without END:${block.name}; skipped.` });
        continue;
      }
      let component: Component;
      try {
        component = new ICAL.Component(ICAL.parse(block.text) as unknown[]);
      } catch (error) {
        result.problems.push({
          line: block.line,
          message: `${block.name} could not be read (${(error as Error).message}); skipped.`,
        });
        continue;
      }
      if (block.name === 'VTIMEZONE') {
        const tzid = component.getFirstPropertyValue('tzid');
        if (typeof tzid === 'string' && !ICAL.TimezoneService.has(tzid)) {
          ICAL.TimezoneService.register(component);
          added.push(tzid);
        }
        continue;
      }
      const uid = component.getFirstPropertyValue('uid');
      const recurrenceId = component.getFirstProperty('recurrence-id');
      if (typeof uid === 'string' && recurrenceId !== null) {
        const list = exceptions.get(uid) ?? [];
        list.push(component);
        exceptions.set(uid, list);
      } else if (typeof uid === 'string' && (component.hasProperty('rrule') || component.hasProperty('rdate'))) {
        masters.set(uid, { component, line: block.line });
      } else {
        singles.push({ component, line: block.line });
      }
    }
    const toEvent = (component: Component, line: number, start: Time | null, id: string | undefined): void => {
      if (String(component.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED') return;
      const dtstart = start ?? (component.getFirstPropertyValue('dtstart') as Time | null);
      if (dtstart === null || typeof dtstart !== 'object' || typeof dtstart.toUnixTime !== 'function') {
        result.problems.push({ line, message: 'VEVENT without DTSTART; skipped.' });
        return;
      }
      const ms = timeMs(dtstart);
      if (!(ms >= MIN_TIME_MS && ms <= MAX_TIME_MS)) {
        result.problems.push({ line, message: `VEVENT with an unreadable DTSTART (${dtstart.toString()}); skipped.` });
        return;
      }
      const organizer = component.getFirstProperty('organizer');
      const from = organizer === null ? undefined : addressKey(String(organizer.getFirstValue()));
      if (organizer !== null) book.see(from!, organizer.getParameter('cn') as string | undefined);
      const attendees: string[] = [];
      for (const attendee of component.getAllProperties('attendee')) {
        const status = String(attendee.getParameter('partstat') ?? 'NEEDS-ACTION').toUpperCase();
        const key = addressKey(String(attendee.getFirstValue()));
        if (skip.has(status) || key === '') continue;
        attendees.push(key);
        book.see(key, attendee.getParameter('cn') as string | undefined);
      }
      const event: GroupEvent = {
        at: dtstart.isDate ? dtstart.toString() : new Date(ms).toISOString(),
        kind,
        attendees,
      };
      if (from !== undefined && from !== '') event.from = from;
      if (id !== undefined) event.id = id;
      result.events.push(event);
    };
    for (const { component, line } of singles) {
      const uid = component.getFirstPropertyValue('uid');
      toEvent(component, line, null, typeof uid === 'string' ? uid : undefined);
    }
    for (const [uid, { component, line }] of masters) {
      let event: InstanceType<typeof ICAL.Event>;
      let iterator: ReturnType<InstanceType<typeof ICAL.Event>['iterator']>;
      try {
        event = new ICAL.Event(component, { exceptions: exceptions.get(uid) ?? [] });
        iterator = event.iterator();
      } catch (error) {
        result.problems.push({
          line,
          message: `recurring VEVENT ${JSON.stringify(uid)} could not be expanded (${(error as Error).message}); skipped.`,
        });
        continue;
      }
      exceptions.delete(uid);
      let count = 0;
      for (let next = iterator.next(); next && count < maxOccurrences; next = iterator.next()) {
        if (timeMs(next) > now) break;
        const details = event.getOccurrenceDetails(next);
        if (timeMs(details.startDate) <= now)
          toEvent(details.item.component, line, details.startDate, `${uid}/${details.recurrenceId.toString()}`);
        count++;
      }
    }
    // Exceptions whose series is not in the file: events of their own.
    for (const [uid, list] of exceptions)
      for (const component of list)
        toEvent(component, 0, null, `${uid}/${String(component.getFirstPropertyValue('recurrence-id'))}`);
  } finally {
    for (const tzid of added) ICAL.TimezoneService.remove(tzid);
  }
  result.people = book.list();
  result.problems.sort((a, b) => a.line - b.line);
  return result;
}
