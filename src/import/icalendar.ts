/**
 * iCalendar (RFC 5545) → meeting events, with ical.js.
 *
 * @module
 */
import ICAL from 'ical.js';
import { ParseError } from '../core/errors.js';
import { MAX_TIME_MS, MIN_TIME_MS, parseIsoTime, parseTimeOption } from '../core/time.js';
import type { GroupEvent } from '../events/types.js';
import { ZoneReader, fixZoneExpansionYear } from './ical-zones.js';
import {
  SearchBudgetExceeded,
  boundSearch,
  onRuleDate,
  namesNoDate,
  ruleTextProblem,
  rulesOf,
  type StepBudget,
} from './recurrence.js';
import {
  PeopleBook,
  addressKey,
  budgetOption,
  checkText,
  emptyResult,
  importOptions,
  inFileOrder,
  splitBlocks,
  stringsOption,
  textOption,
} from './shared.js';
import type { ImportResult } from './types.js';

/** Options of {@link parseICalendar}. */
export interface ICalendarOptions {
  /** Recurring events are expanded up to this date (goodwill never reads the clock). */
  now: Date | number | string;
  /** The event kind. Default `'meeting'`. */
  kind?: string;
  /** Attendees whose participation status is one of these are left out. Default `['DECLINED', 'DELEGATED']`. */
  skipStatus?: readonly string[];
  /** At most this many occurrences of one recurring event; more are reported and skipped. Default 10,000. */
  maxOccurrences?: number;
  /** At most this many events from the whole file; more are reported and skipped. Default 100,000. */
  maxEvents?: number;
  /** At most this many dates tried to find the occurrences of one recurring event; past it the series is reported and cut. Default 50,000. */
  maxSearchSteps?: number;
  /** At most this many dates tried for all recurring events of the file together. Default 500,000. */
  maxTotalSearchSteps?: number;
}

/** The options of {@link parseICalendar}, checked. */
interface CalendarSettings {
  now: number;
  kind: string;
  skip: ReadonlySet<string>;
  maxOccurrences: number;
  maxEvents: number;
  maxSearchSteps: number;
  maxTotalSearchSteps: number;
}

function calendarSettings(options: ICalendarOptions, module: string): CalendarSettings {
  const o = importOptions(options, module);
  return {
    now: parseTimeOption(o.now, 'now', module),
    kind: textOption(o.kind, 'kind', 'meeting', module),
    skip: new Set(
      stringsOption(o.skipStatus, 'skipStatus', ['DECLINED', 'DELEGATED'], module).map((s) => s.toUpperCase()),
    ),
    maxOccurrences: budgetOption(o.maxOccurrences, 'maxOccurrences', 10_000, module),
    maxEvents: budgetOption(o.maxEvents, 'maxEvents', 100_000, module),
    maxSearchSteps: budgetOption(o.maxSearchSteps, 'maxSearchSteps', 50_000, module),
    maxTotalSearchSteps: budgetOption(o.maxTotalSearchSteps, 'maxTotalSearchSteps', 500_000, module),
  };
}

const BLOCKS = new Set(['VEVENT', 'VTIMEZONE']);

type Component = InstanceType<typeof ICAL.Component>;
type Time = InstanceType<typeof ICAL.Time>;
type Property = InstanceType<typeof ICAL.Property>;

/** A VEVENT read by ical.js, with its line and text. */
interface Item {
  component: Component;
  line: number;
  text: string;
}

/** The organiser and the attendees kept, of one VEVENT. */
interface Parties {
  from: string | undefined;
  attendees: readonly string[];
}

/** A problem message of ical.js's error, safely. */
function why(error: unknown): string {
  return error instanceof Error ? error.message : 'an unknown error';
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
 * Work is bounded whatever the file: occurrences per series
 * (`maxOccurrences`), events in all (`maxEvents`) and the dates tried to find
 * occurrences (`maxSearchSteps`, `maxTotalSearchSteps`: a rule that no date
 * satisfies stops at `now`); each overrun is reported with its line. A rule
 * naming a date that does not exist (30 February) skips it, as RFC 5545
 * §3.3.10 says, and reports it; `INTERVAL=0` is reported, not read as 1.
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
  const settings = calendarSettings(options, module);
  if (!/^\uFEFF?\s*BEGIN:VCALENDAR\r?\n/i.test(text.slice(0, 200))) {
    throw new ParseError(
      `${module}: this is not iCalendar text: it must start with BEGIN:VCALENDAR (got ${JSON.stringify(text.slice(0, 30))}). Pass the content of an .ics file.`,
      { line: 1 },
    );
  }
  fixZoneExpansionYear();
  const reader = new CalendarReader(settings);
  const added: string[] = [];
  try {
    reader.read(splitBlocks(text, BLOCKS), added);
  } finally {
    for (const tzid of added) ICAL.TimezoneService.remove(tzid);
  }
  return reader.finish();
}

/** The events of one file, read in three passes: single events, series, exceptions without their series. */
class CalendarReader {
  private readonly result = emptyResult();
  private readonly book = new PeopleBook();
  private readonly zones = new ZoneReader();
  /** Zones named by a TZID that is neither in the file nor IANA, each reported once. */
  private readonly unknownZones = new Set<string>();
  private readonly budget: StepBudget;
  /** Whether `maxEvents` was reached (reported once). */
  private full = false;
  private readonly parties = new WeakMap<Component, Parties>();

  constructor(private readonly o: CalendarSettings) {
    this.budget = { total: o.maxTotalSearchSteps };
  }

  private problem(line: number, message: string): void {
    this.result.problems.push({ line, message });
  }

  read(blocks: ReturnType<typeof splitBlocks>, added: string[]): void {
    const masters = new Map<string, Item>();
    const exceptions = new Map<string, Item[]>();
    const singles: Item[] = [];
    for (const block of blocks) {
      if (block.text === null) {
        this.problem(block.line, `BEGIN:${block.name} without END:${block.name}; skipped.`);
        continue;
      }
      // Every read of ical.js may throw on a value it cannot read: that block is reported, the others kept.
      try {
        const component = new ICAL.Component(ICAL.parse(block.text) as unknown[]);
        const item = { component, line: block.line, text: block.text };
        if (block.name === 'VTIMEZONE') this.registerZone(component, added);
        else this.sort(item, masters, exceptions, singles);
      } catch (error) {
        this.problem(block.line, `${block.name} could not be read (${why(error)}); skipped.`);
      }
    }
    for (const item of singles) this.single(item);
    for (const [uid, item] of masters) this.series(uid, item, exceptions.get(uid) ?? []);
    // Exceptions whose series is not in the file (or could not be read): events of their own.
    for (const [uid, list] of exceptions) if (!masters.has(uid)) for (const item of list) this.exception(uid, item);
  }

  private registerZone(component: Component, added: string[]): void {
    const tzid = component.getFirstPropertyValue('tzid');
    if (typeof tzid === 'string' && !ICAL.TimezoneService.has(tzid)) {
      ICAL.TimezoneService.register(component);
      added.push(tzid);
    }
  }

  private sort(item: Item, masters: Map<string, Item>, exceptions: Map<string, Item[]>, singles: Item[]): void {
    const { component } = item;
    const uid = component.getFirstPropertyValue('uid');
    if (typeof uid === 'string' && component.getFirstProperty('recurrence-id') !== null) {
      const list = exceptions.get(uid) ?? [];
      list.push(item);
      exceptions.set(uid, list);
    } else if (typeof uid === 'string' && (component.hasProperty('rrule') || component.hasProperty('rdate'))) {
      masters.set(uid, item);
    } else {
      singles.push(item);
    }
  }

  private single({ component, line }: Item): void {
    this.guard(line, () => {
      const uid = component.getFirstPropertyValue('uid');
      this.readEvent(component, line, null, typeof uid === 'string' ? uid : undefined);
    });
  }

  private exception(uid: string, { component, line }: Item): void {
    this.guard(line, () =>
      this.readEvent(component, line, null, `${uid}/${String(component.getFirstPropertyValue('recurrence-id'))}`),
    );
  }

  /** Runs one read of ical.js: a throw reports the VEVENT and skips it. */
  private guard(line: number, read: () => void): void {
    try {
      read();
    } catch (error) {
      this.problem(line, `VEVENT could not be read (${why(error)}); skipped.`);
    }
  }

  private tzidOf(property: Property | null): string | null {
    const tzid = property?.getParameter('tzid');
    return typeof tzid === 'string' && tzid !== '' ? tzid : null;
  }

  /** The problem with a DTSTART as written, or null: ical.js rolls an impossible date over (20240230 → 1 March). */
  private impossibleStart(component: Component): string | null {
    const property = component.getFirstProperty('dtstart');
    const raw = property === null ? undefined : (property.jCal as unknown[])[3];
    return typeof raw === 'string' && Number.isNaN(parseIsoTime(raw)) ? raw : null;
  }

  private readEvent(component: Component, line: number, start: Time | null, id: string | undefined): void {
    if (String(component.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED') return;
    const property = component.getFirstProperty('dtstart');
    const impossible = start === null ? this.impossibleStart(component) : null;
    if (impossible !== null) return this.problem(line, `VEVENT with an impossible DTSTART (${impossible}); skipped.`);
    const dtstart = start ?? (property?.getFirstValue() as Time | null | undefined) ?? null;
    if (dtstart === null || typeof dtstart !== 'object' || typeof dtstart.toUnixTime !== 'function')
      return this.problem(line, 'VEVENT without DTSTART; skipped.');
    const tzid = this.tzidOf(property);
    const ms = this.zones.timeMs(dtstart, tzid);
    if (Number.isNaN(ms) && tzid !== null) return this.unknownZone(tzid, line);
    if (!(ms >= MIN_TIME_MS && ms <= MAX_TIME_MS))
      return this.problem(line, `VEVENT with an unreadable DTSTART (${dtstart.toString()}); skipped.`);
    this.push(this.toEvent(component, dtstart.isDate ? dtstart.toString() : new Date(ms).toISOString(), id), line);
  }

  private unknownZone(tzid: string, line: number): void {
    if (this.unknownZones.has(tzid)) return;
    this.unknownZones.add(tzid);
    this.problem(
      line,
      `time zone ${JSON.stringify(tzid)} is neither defined in the file (VTIMEZONE) nor an IANA zone; its VEVENTs are skipped.`,
    );
  }

  private toEvent(component: Component, at: string, id: string | undefined): GroupEvent {
    const { from, attendees } = this.partiesOf(component);
    // One frozen list shared by a series' events: an event with many attendees, repeated, costs its list once.
    const event: GroupEvent = { at, kind: this.o.kind, attendees };
    if (from !== undefined && from !== '') event.from = from;
    if (id !== undefined) event.id = id;
    return event;
  }

  /** Who takes part in a VEVENT: read once per component (a series gives up to `maxOccurrences` events of one). */
  private partiesOf(component: Component): Parties {
    const known = this.parties.get(component);
    if (known !== undefined) return known;
    const { book } = this;
    const organizer = component.getFirstProperty('organizer');
    const from = organizer === null ? undefined : addressKey(String(organizer.getFirstValue()));
    if (organizer !== null) book.see(from!, organizer.getParameter('cn') as string | undefined);
    const attendees: string[] = [];
    for (const attendee of component.getAllProperties('attendee')) {
      const status = String(attendee.getParameter('partstat') ?? 'NEEDS-ACTION').toUpperCase();
      const key = addressKey(String(attendee.getFirstValue()));
      if (this.o.skip.has(status) || key === '') continue;
      attendees.push(key);
      book.see(key, attendee.getParameter('cn') as string | undefined);
    }
    const parties = { from, attendees: Object.freeze(attendees) };
    this.parties.set(component, parties);
    return parties;
  }

  /** Adds an event unless `maxEvents` is reached (reported once, at the line where it was). */
  private push(event: GroupEvent, line: number): void {
    if (this.result.events.length < this.o.maxEvents) {
      this.result.events.push(event);
      return;
    }
    if (!this.full)
      this.problem(line, `the file gives more than ${this.o.maxEvents} events (maxEvents); the rest are skipped.`);
    this.full = true;
  }

  /** A recurring event: its occurrences up to `now`, within the budgets. */
  private series(uid: string, item: Item, exceptions: readonly Item[]): void {
    const { component, line } = item;
    const label = `recurring VEVENT ${JSON.stringify(uid)}`;
    const invalid = this.impossibleStart(component);
    // A series skipped whole leaves its exceptions (RECURRENCE-ID) as events of their own.
    const skip = (message: string) => {
      for (const exception of exceptions) this.exception(uid, exception);
      this.problem(line, `${label} ${message}; skipped.`);
    };
    if (invalid !== null) return skip(`with an impossible DTSTART (${invalid})`);
    const ruleProblem = ruleTextProblem(item.text);
    if (ruleProblem !== null) return skip(`has an ${ruleProblem}`);
    const rules = rulesOf(component);
    if (rules.length > 0 && rules.every(namesNoDate) && !component.hasProperty('rdate'))
      return skip('has an RRULE that names no date that exists (such as BYMONTH=2;BYMONTHDAY=30, RFC 5545 §3.3.10)');
    let event: InstanceType<typeof ICAL.Event>;
    let iterator: ReturnType<InstanceType<typeof ICAL.Event>['iterator']>;
    try {
      event = new ICAL.Event(component, { exceptions: exceptions.map((e) => e.component) });
      iterator = event.iterator();
    } catch (error) {
      return skip(`could not be expanded (${why(error)})`);
    }
    const steps = boundSearch(iterator, this.o.now, this.o.maxSearchSteps, this.budget);
    const outcome = { count: 0, skipped: 0 };
    try {
      this.occurrences(uid, item, event, iterator, outcome);
    } catch (error) {
      if (error instanceof SearchBudgetExceeded)
        this.problem(
          line,
          `${label} stopped after ${steps()} dates tried (maxSearchSteps ${this.o.maxSearchSteps}, maxTotalSearchSteps ${this.o.maxTotalSearchSteps}) and ${outcome.count} occurrences: its rule finds few or no dates; the rest skipped.`,
        );
      else
        this.problem(
          line,
          `${label} could not be expanded past ${outcome.count} occurrences (${why(error)}); the rest skipped.`,
        );
    }
    if (outcome.skipped > 0)
      this.problem(
        line,
        `${label}: ${outcome.skipped} occurrences fall on dates that do not exist (such as 30 February) and are skipped (RFC 5545 §3.3.10).`,
      );
  }

  private occurrences(
    uid: string,
    { component, line }: Item,
    event: InstanceType<typeof ICAL.Event>,
    iterator: ReturnType<InstanceType<typeof ICAL.Event>['iterator']>,
    outcome: { count: number; skipped: number },
  ): void {
    const tzid = this.tzidOf(component.getFirstProperty('dtstart'));
    const rules = rulesOf(component);
    const start = event.startDate;
    const rdates = new Set<string>();
    for (const property of component.getAllProperties('rdate'))
      for (const value of property.getValues()) rdates.add(String(value));
    for (let next = iterator.next(); next; next = iterator.next()) {
      const at = this.zones.timeMs(next, tzid);
      if (Number.isNaN(at)) return this.guard(line, () => this.readEvent(component, line, next, uid)); // reports the zone
      if (at > this.o.now || this.full) return;
      if (!onRuleDate(next, rules) && next.compare(start) !== 0 && !rdates.has(next.toString())) {
        outcome.skipped++;
        continue;
      }
      if (outcome.count >= this.o.maxOccurrences)
        return this.problem(
          line,
          `recurring VEVENT ${JSON.stringify(uid)} has more than ${this.o.maxOccurrences} occurrences up to now (maxOccurrences); the rest skipped.`,
        );
      const details = event.getOccurrenceDetails(next);
      const itemTzid = this.tzidOf(details.item.component.getFirstProperty('dtstart')) ?? tzid;
      if (this.zones.timeMs(details.startDate, itemTzid) <= this.o.now)
        this.guard(line, () =>
          this.readEvent(details.item.component, line, details.startDate, `${uid}/${details.recurrenceId.toString()}`),
        );
      outcome.count++;
    }
  }

  finish(): ImportResult {
    this.result.people = this.book.list();
    return inFileOrder(this.result);
  }
}
