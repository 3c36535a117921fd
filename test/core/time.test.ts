import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MAX_DURATION_MS,
  MAX_TIME_MS,
  MIN_TIME_MS,
  SECONDS_LIKE_MAX,
  SECONDS_LIKE_MIN,
  isEpochMs,
  looksLikeUnixSeconds,
  parseDurationOption,
  parseIsoTime,
  parseTimeOption,
  timeToMs,
} from '../../src/core/time.js';
import { GoodwillError, InvalidInteractionError, InvalidOptionError } from '../../src/core/errors.js';
import { addEvents } from 'goodwill/import';
import { buildIndex } from '../../src/core/interaction-index.js';

describe('ISO 8601 strings', () => {
  it('reads dates and date-times, with or without seconds, fractions and offsets', () => {
    expect(parseIsoTime('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    expect(parseIsoTime('2024-03-10T23:30')).toBe(Date.UTC(2024, 2, 10, 23, 30));
    expect(parseIsoTime('2024-03-10T23:30:15')).toBe(Date.UTC(2024, 2, 10, 23, 30, 15));
    expect(parseIsoTime('2024-03-10T23:30:15.5Z')).toBe(Date.UTC(2024, 2, 10, 23, 30, 15, 500));
    expect(parseIsoTime('2024-03-10T23:30:15.123456Z')).toBe(Date.UTC(2024, 2, 10, 23, 30, 15, 123));
    expect(parseIsoTime('2024-03-10T23:30+02:00')).toBe(Date.UTC(2024, 2, 10, 21, 30));
    expect(parseIsoTime('2024-03-10T23:30:00-0530')).toBe(Date.UTC(2024, 2, 11, 5, 0));
    expect(parseIsoTime('1900-01-01')).toBe(MIN_TIME_MS);
    expect(parseIsoTime('2200-12-31T23:59:59.999Z')).toBe(MAX_TIME_MS);
  });

  it('refuses what is not ISO 8601, not a calendar date, or out of range', () => {
    for (const bad of [
      '',
      ' ',
      '1',
      '2024',
      '2024-1-01',
      '12/31/2023',
      'Tue Mar 05 2024',
      '2024-03-05 12:00',
      '2024-03-05T12',
      '2024-03-05T12:00:',
      '2024-03-05T12:00:00.',
      '2024-03-05T12:00Zjunk',
      '2024-03-05T12:00+02',
      '2024-03-05T12:00+2:00',
      ' 2024-03-05',
      '2024-03-05 ',
      '2024-02-30',
      '2023-02-29',
      '1900-02-29',
      '2024-13-01',
      '2024-00-10',
      '2024-04-31',
      '2024-01-00',
      '2024-01-01T25:00',
      '2024-01-01T24:00',
      '2024-01-01T12:60',
      '2024-01-01T12:00:60',
      '2024-01-01T12:00+24:00',
      '1899-12-31',
      '2201-01-01',
      '1900-01-01T00:00+00:01',
      '+002024-01-01',
    ]) {
      expect(parseIsoTime(bad), bad).toBeNaN();
    }
  });

  it('agrees with Date.parse on every instant of the range, written with Z or an offset (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: MIN_TIME_MS + 86_400_000, max: MAX_TIME_MS - 86_400_000 }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        (ms, offsetMinutes) => {
          const iso = new Date(ms).toISOString();
          expect(parseIsoTime(iso)).toBe(ms);
          // The same instant in local time at an offset: Date.parse is machine-independent with an explicit offset.
          const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 23);
          const sign = offsetMinutes < 0 ? '-' : '+';
          const abs = Math.abs(offsetMinutes);
          const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          expect(parseIsoTime(local + offset)).toBe(ms);
          expect(parseIsoTime(local + offset.replace(':', ''))).toBe(Date.parse(local + offset));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads a time without an offset as UTC (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_TIME_MS, max: MAX_TIME_MS }), (ms) => {
        const d = new Date(ms);
        expect(parseIsoTime(d.toISOString().slice(0, 19))).toBe(Math.floor(ms / 1000) * 1000);
        expect(parseIsoTime(d.toISOString().slice(0, 10))).toBe(
          Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the same instant under two time zones (child processes with TZ set)', () => {
    const script = `import { timeToMs } from ${JSON.stringify(fileURLToPath(new URL('../../src/core/time.ts', import.meta.url)))};
console.log(JSON.stringify(['2024-03-10T23:30', '2024-03-01', '2024-11-03T01:30:00'].map(timeToMs)));`;
    const run = (tz: string) => {
      const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        env: { ...process.env, TZ: tz },
        encoding: 'utf8',
      });
      expect(child.stderr).toBe('');
      return child.stdout.trim();
    };
    const expected = JSON.stringify([
      Date.UTC(2024, 2, 10, 23, 30),
      Date.UTC(2024, 2, 1),
      Date.UTC(2024, 10, 3, 1, 30),
    ]);
    expect(run('America/Los_Angeles')).toBe(expected);
    expect(run('Pacific/Kiritimati')).toBe(expected);
  });
});

describe('timeToMs', () => {
  it('takes Dates and epoch ms within the years 1900–2200, nothing else', () => {
    expect(timeToMs(new Date(5))).toBe(5);
    expect(timeToMs(-5)).toBe(-5);
    expect(timeToMs(MIN_TIME_MS)).toBe(MIN_TIME_MS);
    expect(timeToMs(MAX_TIME_MS)).toBe(MAX_TIME_MS);
    for (const bad of [
      MIN_TIME_MS - 1,
      MAX_TIME_MS + 1,
      1e300,
      -8.64e15,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      new Date(Number.NaN),
      new Date(8.64e15),
      true,
      null,
      {},
      5n,
    ]) {
      expect(timeToMs(bad)).toBeNaN();
    }
  });
});

describe('strict times in the reader and in options (repro D01, D20)', () => {
  const graphWith = (at: unknown) => {
    const g = new Graph();
    g.addNode('ann');
    g.addNode('bob');
    g.addEdgeWithKey('e1', 'ann', 'bob', { interactions: [{ at: '2024-01-01' }, { at }] });
    return g;
  };

  it.each([
    ['1', /not ISO 8601/],
    ['12/31/2023', /not ISO 8601/],
    ['Tue Mar 05 2024', /not ISO 8601/],
    ['2024-02-30', /not a calendar date/],
    ['2024-01-01T25:00', /time of day/],
    [1e300, /years 1900–2200/],
    [-1e300, /years 1900–2200/],
    [new Date(8.64e15), /years 1900–2200/],
    ['2201-01-01', /years 1900–2200/],
  ])('interaction at = %s: an InvalidInteractionError naming the interaction', (at, reason) => {
    let error: unknown;
    try {
      buildIndex(graphWith(at), {}, 'tieStrength');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidInteractionError);
    const e = error as InvalidInteractionError;
    expect(e.location).toEqual({ edge: 'e1', source: 'ann', target: 'bob', index: 1, field: 'at' });
    expect(e.message).toMatch(reason);
  });

  it.each(['1', '12/31/2023', '2024-02-30', 1e300, 8.64e15 + 1, new Date(Number.NaN)])(
    'now = %s: an InvalidOptionError',
    (now) => {
      expect(() => parseTimeOption(now, 'now', 'networkHealth')).toThrow(InvalidOptionError);
    },
  );
});

describe('numbers that look like Unix seconds (issue 20)', () => {
  const graphAt = (at: unknown) => {
    const g = new Graph();
    g.addNode('ann');
    g.addNode('bob');
    g.addEdgeWithKey('e1', 'ann', 'bob', { interactions: [{ at }] });
    return g;
  };
  const caught = (f: () => unknown): Error => {
    try {
      f();
    } catch (e) {
      return e as Error;
    }
    throw new Error('no error');
  };

  it('the band: seconds of 1973-03-03 .. 2200-12-31, which as ms fall in January–March 1970', () => {
    expect(new Date(SECONDS_LIKE_MIN * 1000).toISOString()).toBe('1973-03-03T09:46:40.000Z');
    expect(SECONDS_LIKE_MAX * 1000).toBe(MAX_TIME_MS);
    expect(new Date(SECONDS_LIKE_MAX).toISOString().slice(0, 10)).toBe('1970-03-26');
    for (const n of [SECONDS_LIKE_MIN, 1714521600, SECONDS_LIKE_MAX]) {
      expect(looksLikeUnixSeconds(n)).toBe(true);
      expect(isEpochMs(n)).toBe(false);
      expect(timeToMs(n)).toBeNaN();
    }
    for (const n of [0, -1, SECONDS_LIKE_MIN - 1, SECONDS_LIKE_MAX + 0.001, 1714521600000, MIN_TIME_MS]) {
      expect(looksLikeUnixSeconds(n)).toBe(false);
      expect(timeToMs(n)).toBe(n);
    }
    // A Date or an ISO string in the same weeks of 1970 is read as written.
    expect(timeToMs(new Date(1714521600))).toBe(1714521600);
    expect(timeToMs('1970-01-20T20:15:21.600Z')).toBe(1714521600);
  });

  it('at: 1714521600 is an InvalidInteractionError that says seconds and gives the fix', () => {
    const e = caught(() => buildIndex(graphAt(1714521600), {}, 'tieStrength'));
    expect(e).toBeInstanceOf(InvalidInteractionError);
    expect((e as InvalidInteractionError).location).toEqual({
      edge: 'e1',
      source: 'ann',
      target: 'bob',
      index: 0,
      field: 'at',
    });
    expect(e.message).toContain('looks like Unix seconds (2024-05-01T00:00:00.000Z)');
    expect(e.message).toContain('Multiply by 1000 or pass an ISO string');
    expect(e.message).toContain('checkUnixSeconds: false');
    // The fixes work.
    expect(() => buildIndex(graphAt(1714521600 * 1000), {}, 'tieStrength')).not.toThrow();
    expect(() => buildIndex(graphAt('2024-05-01T00:00:00Z'), {}, 'tieStrength')).not.toThrow();
  });

  it('now: 1714521600 is an InvalidOptionError naming `now` that says seconds', () => {
    const e = caught(() => parseTimeOption(1714521600, 'now', 'keepInTouch'));
    expect(e).toBeInstanceOf(InvalidOptionError);
    expect((e as InvalidOptionError).location.field).toBe('now');
    expect(e.message).toMatch(/`now` is 1714521600.*looks like Unix seconds \(2024-05-01/);
  });

  it('addEvents (goodwill/import) says the same of an event at Unix seconds, and writes nothing', () => {
    const g = new Graph();
    const e = caught(() => addEvents(g, [{ at: 1714521600, from: 'ann', to: ['bob'] }]));
    expect(e).toBeInstanceOf(GoodwillError);
    expect(e.message).toContain('looks like Unix seconds (2024-05-01T00:00:00.000Z)');
    expect(g.order).toBe(0);
  });

  it('checkUnixSeconds: false reads such numbers as milliseconds near 1970; anything but a boolean is refused', () => {
    const index = buildIndex(graphAt(1714521600), { checkUnixSeconds: false }, 'tieStrength');
    expect([...index.time]).toEqual([1714521600]);
    expect(() => buildIndex(graphAt(1e300), { checkUnixSeconds: false }, 'tieStrength')).toThrow(/years 1900–2200/);
    expect(() => buildIndex(graphAt(0), { checkUnixSeconds: 'no' as never }, 'tieStrength')).toThrow(
      /`checkUnixSeconds` is "no"/,
    );
  });
});

describe('durations', () => {
  it('are bounded by 1000 years, so date arithmetic stays valid', () => {
    expect(parseDurationOption({ years: 1000 }, 'halfLife', 'x')).toBe(MAX_DURATION_MS);
    expect(new Date(MAX_TIME_MS + MAX_DURATION_MS).getTime()).not.toBeNaN();
    for (const bad of [{ years: 1001 }, { years: 1e6 }, 1e308, MAX_DURATION_MS + 1, { days: 1e300 }]) {
      let error: unknown;
      try {
        parseDurationOption(bad, 'halfLife', 'tieStrength');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InvalidOptionError);
      expect((error as InvalidOptionError).location.field).toBe('halfLife');
    }
  });
});
