import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from 'goodwill';
import {
  isRecord,
  optionsError,
  readBoolean,
  readFunction,
  readInteger,
  readNumber,
  readObject,
  readOneOf,
  readOptionsObject,
  readString,
} from '../../src/core/args.js';

/** Runs fn, expects an InvalidOptionError, and returns its message and field. */
function fails(fn: () => unknown): { message: string; field: string | undefined } {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidOptionError);
    expect((error as InvalidOptionError).code).toBe('INVALID_OPTION');
    return { message: (error as Error).message, field: (error as InvalidOptionError).location.field };
  }
  throw new Error('expected an error');
}

describe('the options bag', () => {
  it('is an object that is not an array', () => {
    expect(isRecord({})).toBe(true);
    expect(isRecord(Object.create(null))).toBe(true);
    for (const bad of [null, undefined, [], 1, 'x', () => 1]) expect(isRecord(bad)).toBe(false);
    const options = { now: 1 };
    expect(readOptionsObject('tieStrength', options)).toBe(options);
  });

  it('has one wording, with or without an example', () => {
    expect(fails(() => readOptionsObject('tieStrength', undefined, "{ now: '2024-06-30' }"))).toEqual({
      message: "tieStrength: the options must be an object such as { now: '2024-06-30' }; got undefined.",
      field: 'options',
    });
    expect(fails(() => readOptionsObject('fromColumns', [1, 2]))).toEqual({
      message: 'fromColumns: the options must be an object; got an array of length 2.',
      field: 'options',
    });
    expect(optionsError('brokerage', 'x').message).toBe('brokerage: the options must be an object; got "x".');
  });

  it('an option with named fields', () => {
    const given = { dormantGapFactor: 6 };
    expect(readObject('egoHealth', 'thresholds', given)).toBe(given);
    expect(fails(() => readObject('egoHealth', 'thresholds', 6, '{ dormantGapFactor: 6 }'))).toEqual({
      message: 'egoHealth: the option `thresholds` must be an object such as { dormantGapFactor: 6 }; got 6.',
      field: 'thresholds',
    });
    expect(fails(() => readObject('networkReciprocity', 'window', null)).message).toBe(
      'networkReciprocity: the option `window` must be an object; got null.',
    );
  });
});

describe('numbers', () => {
  it('closed ends include both bounds; NaN, Infinity and non-numbers fail', () => {
    expect(readNumber('m', 'x', 0, 0, 1)).toBe(0);
    expect(readNumber('m', 'x', 1, 0, 1)).toBe(1);
    for (const bad of [-0.001, 1.001, Number.NaN, Infinity, '0.5', null, undefined]) {
      expect(fails(() => readNumber('m', 'x', bad, 0, 1)).field).toBe('x');
    }
    expect(fails(() => readNumber('m', 'x', 2, 0, 1)).message).toBe(
      'm: the option `x` must be a number in [0, 1]; got 2.',
    );
  });

  it('open ends exclude their bound', () => {
    expect(readNumber('egoHealth', 'strongTie', 1, 0, 1, '(]')).toBe(1);
    expect(fails(() => readNumber('egoHealth', 'strongTie', 0, 0, 1, '(]')).message).toBe(
      'egoHealth: the option `strongTie` must be a number in (0, 1]; got 0.',
    );
    expect(readNumber('m', 'x', 0, 0, 1, '[)')).toBe(0);
    expect(fails(() => readNumber('m', 'x', 1, 0, 1, '[)')).message).toBe(
      'm: the option `x` must be a number in [0, 1); got 1.',
    );
    expect(fails(() => readNumber('m', 'x', 0, 0, 1, '()')).message).toBe(
      'm: the option `x` must be a number in (0, 1); got 0.',
    );
    expect(readNumber('m', 'x', 0.5, 0, 1, '()')).toBe(0.5);
  });

  it('no upper bound: any finite number from min', () => {
    expect(readNumber('m', 'hopPenalty', 1e300, 0, Infinity)).toBe(1e300);
    expect(fails(() => readNumber('m', 'hopPenalty', Infinity, 0, Infinity)).message).toBe(
      'm: the option `hopPenalty` must be a finite number >= 0; got Infinity.',
    );
    expect(fails(() => readNumber('m', 'x', 0, 0, Infinity, '()')).message).toBe(
      'm: the option `x` must be a finite number > 0; got 0.',
    );
  });
});

describe('integers', () => {
  it('from min to max, both included', () => {
    expect(readInteger('m', 'folds', 1, 1, 100)).toBe(1);
    expect(readInteger('m', 'folds', 100, 1, 100)).toBe(100);
    for (const bad of [0, 101, 1.5, Number.NaN, '3', null])
      expect(fails(() => readInteger('m', 'folds', bad, 1, 100)).field).toBe('folds');
    expect(fails(() => readInteger('calibrateDecay', 'folds', 0, 1, 100)).message).toBe(
      'calibrateDecay: the option `folds` must be an integer from 1 to 100; got 0.',
    );
  });

  it('without max: an integer >= min', () => {
    expect(readInteger('egoSvg', 'maxTies', 1e6, 1)).toBe(1e6);
    expect(fails(() => readInteger('egoSvg', 'maxTies', Infinity, 1)).message).toBe(
      'egoSvg: the option `maxTies` must be an integer >= 1; got Infinity.',
    );
    expect(fails(() => readInteger('egoSvg', 'labels', -1, 0)).message).toBe(
      'egoSvg: the option `labels` must be an integer >= 0; got -1.',
    );
  });
});

describe('booleans, strings and functions', () => {
  it('booleans', () => {
    expect(readBoolean('m', 'b', false)).toBe(false);
    expect(fails(() => readBoolean('fromColumns', 'checkUnixSeconds', 0))).toEqual({
      message: 'fromColumns: the option `checkUnixSeconds` must be true or false; got 0.',
      field: 'checkUnixSeconds',
    });
  });

  it('strings, possibly non-empty', () => {
    expect(readString('m', 's', '')).toBe('');
    expect(readString('m', 's', 'a', true)).toBe('a');
    expect(fails(() => readString('egoSvg', 'title', 3)).message).toBe(
      'egoSvg: the option `title` must be a string; got 3.',
    );
    expect(fails(() => readString('parseEdgeList', 'delimiter', '', true))).toEqual({
      message: 'parseEdgeList: the option `delimiter` must be a non-empty string; got "".',
      field: 'delimiter',
    });
  });

  it('a function or nothing', () => {
    const f = (key: string) => key;
    expect(readFunction('m', 'mapKey', f, '(key) => string')).toBe(f);
    expect(readFunction('m', 'mapKey', undefined, '(key) => string')).toBeUndefined();
    expect(fails(() => readFunction('parseEdgeList', 'mapKey', null, '(key) => string'))).toEqual({
      message: 'parseEdgeList: the option `mapKey` must be a function (key) => string; got null.',
      field: 'mapKey',
    });
  });
});

describe('one of a list', () => {
  const formats = ['snap', 'konect', 'csv'] as const;

  it('returns a listed value', () => {
    for (const f of formats) expect(readOneOf('m', 'format', f, formats)).toBe(f);
  });

  it('lists the values, and suggests the one a typo or another case meant', () => {
    expect(fails(() => readOneOf('parseEdgeList', 'format', 'tsv', formats))).toEqual({
      message:
        "parseEdgeList: the option `format` must be 'snap', 'konect' or 'csv' (did you mean 'csv'?); got \"tsv\".",
      field: 'format',
    });
    expect(fails(() => readOneOf('parseEdgeList', 'format', 'CSV', formats)).message).toContain(
      "(did you mean 'csv'?)",
    );
    expect(fails(() => readOneOf('parseEdgeList', 'format', 'json', formats)).message).toBe(
      "parseEdgeList: the option `format` must be 'snap', 'konect' or 'csv'; got \"json\".",
    );
    expect(fails(() => readOneOf('m', 'links', 7, ['interactions', 'edges'])).message).toBe(
      "m: the option `links` must be 'interactions' or 'edges'; got 7.",
    );
  });
});
