/**
 * iCalendar (RFC 5545) → meeting events, with ical.js.
 *
 * @module
 */
import ICAL from 'ical.js';
import { ParseError } from '../core/errors.js';
import { MAX_TIME_MS, MIN_TIME_MS, parseIsoTime, parseTimeOption } from '../core/time.js';
import type { GroupEvent } from '../events/types.js';
import { PeopleBook, addressKey, checkText, emptyResult, inFileOrder, splitBlocks } from './shared.js';
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
type Property = InstanceType<typeof ICAL.Property>;

/** A formatter that reads an instant as wall-clock time in an IANA zone, or null when the runtime does not know the zone. */
function zoneFormatter(tzid: string): Intl.DateTimeFormat | null {
  try {
    return new Intl.DateTimeFormat('en-US', {
      timeZone: tzid,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    return null;
  }
}

/** The zone's offset from UTC at the instant `ms`, in ms (wall clock − UTC). */
function zoneOffset(format: Intl.DateTimeFormat, ms: number): number {
  const at: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(ms)))
    if (part.type !== 'literal') at[part.type] = Number(part.value);
  const wall = Date.UTC(at['year']!, at['month']! - 1, at['day']!, at['hour']!, at['minute']!, at['second']!);
  return wall - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * The instant of wall-clock time `wall` (epoch ms as if UTC) in an IANA zone,
 * as RFC 5545 §3.3.5 reads local times: a time that occurs twice (the clocks
 * go back) is the first occurrence; a time that does not occur (the clocks go
 * forward) is read with the offset before the gap. Offsets are taken a day
 * before and a day after, so a change of offset within that day is seen.
 */
function zoneInstant(format: Intl.DateTimeFormat, wall: number): number {
  const DAY = 86_400_000;
  const early = wall - zoneOffset(format, wall - DAY);
  const late = wall - zoneOffset(format, wall + DAY);
  const occurs = (t: number) => t + zoneOffset(format, t) === wall;
  if (occurs(early) && occurs(late)) return Math.min(early, late);
  if (occurs(late)) return late;
  return early;
}

/**
 * Epoch ms of an ical.js time: in its zone when the file defines it
 * (VTIMEZONE); in the IANA zone its TZID names when the file does not (files
 * often leave VTIMEZONE out), by the runtime's time-zone data; floating times
 * (no zone) are read as UTC, as goodwill reads times. Returns NaN for a TZID
 * that is neither.
 */
function timeMs(time: Time, tzid: string | null, zones: Map<string, Intl.DateTimeFormat | null>): number {
  const ms = time.toUnixTime() * 1000;
  if (tzid === null || time.isDate || time.zone?.tzid !== 'floating') return ms;
  if (!zones.has(tzid)) zones.set(tzid, zoneFormatter(tzid));
  const format = zones.get(tzid)!;
  return format === null ? Number.NaN : zoneInstant(format, ms);
}

/**
 * Reads an iCalendar file (`.ics`: Google Calendar, Outlook, CalDAV exports)
 * into meeting events: the ORGANIZER initiates, the ATTENDEEs attend (those
 * who declined are left out), at DTSTART in its time zone: the file's
 * VTIMEZONE blocks, else the IANA zone a TZID names (by the runtime's time
 * zone data, never the machine's own zone; local times that occur twice or
 * not at all are read as RFC 5545 says), floating times as UTC; an impossible
 * date (20240230) or a zone that is neither is reported, never guessed.
 * Recurring events (RRULE, RDATE,
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
    const exceptions = new Map<string, { component: Component; line: number }[]>();
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
        list.push({ component, line: block.line });
        exceptions.set(uid, list);
      } else if (typeof uid === 'string' && (component.hasProperty('rrule') || component.hasProperty('rdate'))) {
        masters.set(uid, { component, line: block.line });
      } else {
        singles.push({ component, line: block.line });
      }
    }
    // Zones named by a TZID without a VTIMEZONE in the file: their formatters (null: unknown), each reported once.
    const zones = new Map<string, Intl.DateTimeFormat | null>();
    const unknownZones = new Set<string>();
    const tzidOf = (property: Property | null): string | null => {
      const tzid = property?.getParameter('tzid');
      return typeof tzid === 'string' && tzid !== '' ? tzid : null;
    };
    const readEvent = (component: Component, line: number, start: Time | null, id: string | undefined): void => {
      if (String(component.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED') return;
      const property = component.getFirstProperty('dtstart');
      if (start === null && property !== null) {
        // ical.js rolls an impossible date over (20240230 → 1 March): check the text first, as goodwill reads times.
        const raw = (property.jCal as unknown[])[3];
        if (typeof raw === 'string' && Number.isNaN(parseIsoTime(raw))) {
          result.problems.push({ line, message: `VEVENT with an impossible DTSTART (${raw}); skipped.` });
          return;
        }
      }
      const dtstart = start ?? (property?.getFirstValue() as Time | null | undefined) ?? null;
      if (dtstart === null || typeof dtstart !== 'object' || typeof dtstart.toUnixTime !== 'function') {
        result.problems.push({ line, message: 'VEVENT without DTSTART; skipped.' });
        return;
      }
      const tzid = tzidOf(property);
      const ms = timeMs(dtstart, tzid, zones);
      if (Number.isNaN(ms) && tzid !== null) {
        if (!unknownZones.has(tzid)) {
          unknownZones.add(tzid);
          result.problems.push({
            line,
            message: `time zone ${JSON.stringify(tzid)} is neither defined in the file (VTIMEZONE) nor an IANA zone; its VEVENTs are skipped.`,
          });
        }
        return;
      }
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
    // ical.js reads values when asked, and throws on one it cannot read: that VEVENT is reported, the others kept.
    const toEvent = (component: Component, line: number, start: Time | null, id: string | undefined): void => {
      try {
        readEvent(component, line, start, id);
      } catch (error) {
        result.problems.push({ line, message: `VEVENT could not be read (${(error as Error).message}); skipped.` });
      }
    };
    for (const { component, line } of singles) {
      const uid = component.getFirstPropertyValue('uid');
      toEvent(component, line, null, typeof uid === 'string' ? uid : undefined);
    }
    for (const [uid, { component, line }] of masters) {
      let event: InstanceType<typeof ICAL.Event>;
      let iterator: ReturnType<InstanceType<typeof ICAL.Event>['iterator']>;
      try {
        event = new ICAL.Event(component, { exceptions: (exceptions.get(uid) ?? []).map((e) => e.component) });
        iterator = event.iterator();
      } catch (error) {
        result.problems.push({
          line,
          message: `recurring VEVENT ${JSON.stringify(uid)} could not be expanded (${(error as Error).message}); skipped.`,
        });
        continue;
      }
      exceptions.delete(uid);
      const tzid = tzidOf(component.getFirstProperty('dtstart'));
      let count = 0;
      try {
        for (let next = iterator.next(); next && count < maxOccurrences; next = iterator.next()) {
          const at = timeMs(next, tzid, zones);
          if (Number.isNaN(at)) {
            toEvent(component, line, next, uid); // reports the unknown zone
            break;
          }
          if (at > now) break;
          const details = event.getOccurrenceDetails(next);
          if (
            timeMs(details.startDate, tzidOf(details.item.component.getFirstProperty('dtstart')) ?? tzid, zones) <= now
          )
            toEvent(details.item.component, line, details.startDate, `${uid}/${details.recurrenceId.toString()}`);
          count++;
        }
      } catch (error) {
        result.problems.push({
          line,
          message: `recurring VEVENT ${JSON.stringify(uid)} could not be expanded past ${count} occurrences (${(error as Error).message}); the rest skipped.`,
        });
      }
    }
    // Exceptions whose series is not in the file: events of their own.
    for (const [uid, list] of exceptions)
      for (const { component, line } of list)
        toEvent(component, line, null, `${uid}/${String(component.getFirstPropertyValue('recurrence-id'))}`);
  } finally {
    for (const tzid of added) ICAL.TimezoneService.remove(tzid);
  }
  result.people = book.list();
  return inFileOrder(result);
}
