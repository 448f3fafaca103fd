import { describe, expect, it } from 'vitest';
import { formatIsoDuration, InvalidDurationError, parseIsoDuration } from '../../server/lib/iso-duration';

describe('parseIsoDuration', () => {
  it.each([
    ['PT1H', 3600],
    ['PT90S', 90],
    ['PT2H', 7200],
    ['PT1H30M', 5400],
    ['P1D', 86_400],
    ['P1DT2H', 93_600],
    ['P1W', 604_800],
    ['PT0.5M', 30],
  ])('%s is %i seconds', (text, seconds) => {
    expect(parseIsoDuration(text)).toBe(seconds);
  });

  it.each([
    ['', 'unparsable'],
    ['abc', 'unparsable'],
    ['1H', 'unparsable'],
    ['pt1h', 'unparsable'],
    ['PT1H ', 'unparsable'],
    ['P', 'longer than zero'],
    ['PT0S', 'longer than zero'],
    ['-PT1H', 'longer than zero'],
    ['PT-1H', 'longer than zero'],
    ['PT1.5S', 'whole number'],
    ['P1M', 'use days'],
    ['P1Y', 'use days'],
  ])('rejects %j (%s)', (text, reason) => {
    expect(() => parseIsoDuration(text)).toThrow(InvalidDurationError);
    expect(() => parseIsoDuration(text)).toThrow(reason);
  });

  it('names the offending input in the error', () => {
    expect(() => parseIsoDuration('soon')).toThrow('invalid ISO-8601 duration "soon"');
  });

  it('rejects a value that is not a string', () => {
    expect(() => parseIsoDuration(3600 as unknown as string)).toThrow('not a string');
  });
});

describe('formatIsoDuration', () => {
  it.each([
    [45, 'PT45S'],
    [3600, 'PT1H'],
    [5400, 'PT1H30M'],
    [86_400, 'P1D'],
    [90_061, 'P1DT1H1M1S'],
  ])('%i seconds is %s', (seconds, text) => {
    expect(formatIsoDuration(seconds)).toBe(text);
    expect(parseIsoDuration(text)).toBe(seconds);
  });

  it('rejects zero, negative and fractional seconds', () => {
    expect(() => formatIsoDuration(0)).toThrow(RangeError);
    expect(() => formatIsoDuration(-5)).toThrow(RangeError);
    expect(() => formatIsoDuration(1.5)).toThrow(RangeError);
  });
});
