/**
 * Local times of iCalendar files as instants, one reading whether the zone
 * comes from the file (VTIMEZONE) or from the runtime's IANA data: a local
 * time that occurs twice is the first occurrence, one that does not occur is
 * read with the offset before the gap (RFC 5545 §3.3.5). ical.js reads both
 * the other way, and reads the clock to size its zone tables: neither is
 * used here.
 *
 * @module
 * @internal
 */
import ICAL from 'ical.js';

type Time = InstanceType<typeof ICAL.Time>;
type Timezone = InstanceType<typeof ICAL.Timezone>;

/** An offset from UTC (wall clock − UTC, in ms) at an instant (epoch ms). */
type OffsetAt = (ms: number) => number;

const DAY = 86_400_000;

/**
 * ical.js sizes its zone tables from the current year, read from the clock
 * the first time a zone is used (`Time.now()`), unless this is set. Any
 * year gives the same offsets (tables grow to the year asked for): a fixed
 * one keeps goodwill from reading the clock.
 */
export function fixZoneExpansionYear(): void {
  const zones = ICAL.Timezone as unknown as { _minimumExpansionYear: number };
  if (zones._minimumExpansionYear === -1) zones._minimumExpansionYear = 1970;
}

/** A formatter that reads an instant as wall-clock time in an IANA zone, or null when the runtime does not know the zone. */
export function zoneFormatter(tzid: string): Intl.DateTimeFormat | null {
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

/** The IANA zone's offset at the instant `ms`, by the runtime's time-zone data. */
function intlOffset(format: Intl.DateTimeFormat): OffsetAt {
  return (ms) => {
    const at: Record<string, number> = {};
    for (const part of format.formatToParts(new Date(ms)))
      if (part.type !== 'literal') at[part.type] = Number(part.value);
    const wall = Date.UTC(at['year']!, at['month']! - 1, at['day']!, at['hour']!, at['minute']!, at['second']!);
    return wall - (ms - (((ms % 1000) + 1000) % 1000));
  };
}

interface Change {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  utcOffset: number;
  prevUtcOffset: number;
}

/**
 * A VTIMEZONE's offset at the instant `ms`, from ical.js's table of changes
 * (each at its UTC instant). ical.js's own conversion from UTC reads the
 * instant as a local time, an hour off after each change.
 */
function vtimezoneOffset(zone: Timezone): OffsetAt {
  return (ms) => {
    const year = new Date(ms).getUTCFullYear();
    zone.utcOffset(ICAL.Time.fromData({ year: year + 1, month: 1, day: 1 })); // the table covers the year
    const changes = zone.changes as Change[];
    if (changes.length === 0) return 0;
    let lo = 0;
    let hi = changes.length; // the first change after `ms`
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = changes[mid]!;
      if (Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second) <= ms) lo = mid + 1;
      else hi = mid;
    }
    return (lo === 0 ? changes[0]!.prevUtcOffset : changes[lo - 1]!.utcOffset) * 1000;
  };
}

/**
 * The instant of wall-clock time `wall` (epoch ms as if UTC) in a zone, as
 * RFC 5545 §3.3.5 reads local times: a time that occurs twice (the clocks go
 * back) is the first occurrence; a time that does not occur (the clocks go
 * forward) is read with the offset before the gap. Offsets are taken a day
 * before and a day after, so a change of offset within that day is seen.
 */
function zoneInstant(offsetAt: OffsetAt, wall: number): number {
  const early = wall - offsetAt(wall - DAY);
  const late = wall - offsetAt(wall + DAY);
  const occurs = (t: number) => t + offsetAt(t) === wall;
  if (occurs(early) && occurs(late)) return Math.min(early, late);
  if (occurs(late)) return late;
  return early;
}

/** Reads times of one file: zones by TZID, their readers made once. */
export class ZoneReader {
  private readonly iana = new Map<string, OffsetAt | null>();
  private readonly defined = new Map<Timezone, OffsetAt>();

  /**
   * Epoch ms of an ical.js time: in its zone when the file defines it
   * (VTIMEZONE); in the IANA zone its TZID names when the file does not
   * (files often leave VTIMEZONE out); floating times (no zone) as UTC, as
   * goodwill reads times. NaN for a TZID that is neither.
   */
  timeMs(time: Time, tzid: string | null): number {
    if (time.isDate) return time.toUnixTime() * 1000;
    const zone = time.zone;
    const wall = () => Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
    if (zone !== null && zone !== undefined && zone.component !== null && zone.component !== undefined) {
      let offsetAt = this.defined.get(zone);
      if (offsetAt === undefined) this.defined.set(zone, (offsetAt = vtimezoneOffset(zone)));
      return zoneInstant(offsetAt, wall());
    }
    if (tzid === null || zone?.tzid !== 'floating') return time.toUnixTime() * 1000;
    if (!this.iana.has(tzid)) {
      const format = zoneFormatter(tzid);
      this.iana.set(tzid, format === null ? null : intlOffset(format));
    }
    const offsetAt = this.iana.get(tzid);
    return offsetAt === null || offsetAt === undefined ? Number.NaN : zoneInstant(offsetAt, wall());
  }
}
