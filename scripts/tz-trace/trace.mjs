// Records every call of a Date or Intl API that reads the machine's time zone,
// made from the project's code (src, test, examples, scripts) or from a
// dependency that reads dates (date-fns, ical.js, postal-mime, papaparse),
// and appends them, one JSON line per process (or per test file), to the file
// named by TZ_TRACE_OUT. Preloaded into child processes with
// NODE_OPTIONS="--import ./scripts/tz-trace/trace.mjs", and into each test
// file by ./setup.ts. See ./README.md.
import { appendFileSync } from 'node:fs';
import process from 'node:process';

const FROM =
  /\/(?:src|test|examples|scripts|bin|node_modules\/(?:date-fns|ical\.js|postal-mime|papaparse))\/(?!.*tz-trace)/;
const LOCAL_GETTERS = ['getFullYear', 'getMonth', 'getDate', 'getDay', 'getHours', 'getMinutes', 'getSeconds'];
const LOCAL = [
  ...LOCAL_GETTERS,
  'getMilliseconds',
  'getTimezoneOffset',
  ...LOCAL_GETTERS.map((m) => m.replace('get', 'set')).filter((m) => m !== 'setDay'),
  'setMilliseconds',
  'toString',
  'toDateString',
  'toTimeString',
  'toLocaleString',
  'toLocaleDateString',
  'toLocaleTimeString',
];

const state = (globalThis.__tzTrace ??= { uses: new Map(), patched: false });

/** Notes a call of `api`, at the first frame of the project's code (or of a dependency that reads dates). */
function record(api) {
  const frame = (new Error().stack ?? '')
    .split('\n')
    .slice(3)
    .find((line) => FROM.test(line));
  if (frame === undefined) return;
  const where = frame.trim().replace(/^at (?:.*\()?(?:file:\/\/)?(.*?)\)?$/, '$1');
  const key = `${api} @ ${where.replace(process.cwd() + '/', '')}`;
  state.uses.set(key, (state.uses.get(key) ?? 0) + 1);
}

/** Whether `Date.parse` reads `text` in local time: a date-time with no offset (an ISO date alone is UTC). */
const readsLocal = (text) =>
  !/^[+-]?\d{4,6}(-\d\d(-\d\d)?)?$/.test(text.trim()) &&
  !/(Z|[+-]\d\d:?\d\d|\b(GMT|UTC|UT|[ECMP][SD]T)\b)\s*(\(.*\))?$/i.test(text.trim());

if (!state.patched) {
  state.patched = true;
  for (const name of LOCAL) {
    const original = Date.prototype[name];
    Date.prototype[name] = function (...args) {
      record(`Date#${name}`);
      return original.apply(this, args);
    };
  }
  const RealDate = Date;
  const parse = Date.parse;
  const TracedDate = new Proxy(RealDate, {
    construct(target, args, newTarget) {
      if (args.length >= 2) record('new Date(year, month, …)');
      else if (typeof args[0] === 'string' && readsLocal(args[0])) record('new Date(local date-time)');
      return Reflect.construct(target, args, newTarget === TracedDate ? target : newTarget);
    },
    apply(target, self, args) {
      record('Date()');
      return Reflect.apply(target, self, args);
    },
  });
  TracedDate.parse = (text) => {
    if (typeof text === 'string' && readsLocal(text)) record('Date.parse(local date-time)');
    return parse(text);
  };
  globalThis.Date = TracedDate;
  const RealFormat = Intl.DateTimeFormat;
  const TracedFormat = function (locales, options) {
    if (options?.timeZone === undefined) record('Intl.DateTimeFormat without timeZone');
    return new RealFormat(locales, options);
  };
  TracedFormat.prototype = RealFormat.prototype;
  TracedFormat.supportedLocalesOf = RealFormat.supportedLocalesOf;
  Intl.DateTimeFormat = TracedFormat;
}

/** Appends what was recorded under `name`, and starts over. */
export function flush(name) {
  const uses = [...state.uses].map(([key, count]) => `${key} ×${count}`).sort();
  appendFileSync(process.env['TZ_TRACE_OUT'] ?? 'tz-trace.jsonl', JSON.stringify({ name, uses }) + '\n');
  state.uses.clear();
}

if (process.env['TZ_TRACE_CHILD'] !== '0') process.on('exit', () => flush(process.argv.slice(1).join(' ')));
