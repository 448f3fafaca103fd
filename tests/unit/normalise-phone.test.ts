import { describe, expect, it } from 'vitest';
import { describePhoneFailure, normalisePhone, toE164 } from '../../server/phones/normalise-phone';

const ok = (e164: string) => ({ ok: true, e164 });

describe('normalisePhone — Chinese numbers', () => {
  it.each([
    ['138 0013 8000', '+8613800138000'],
    ['13800138000', '+8613800138000'],
    ['010-6552 9988', '+861065529988'],
    ['(010) 6552 9988', '+861065529988'],
    ['+86 138 0013 8000', '+8613800138000'],
    ['0086 138 0013 8000', '+8613800138000'],
    ['+86 10 6552 9988', '+861065529988'],
    ['00861065529988', '+861065529988'],
  ])('reads %s with region CN as %s', (input, e164) => {
    expect(normalisePhone(input, 'CN')).toEqual(ok(e164));
  });

  it('reads international forms whatever the default region', () => {
    expect(normalisePhone('+86 138 0013 8000', 'US')).toEqual(ok('+8613800138000'));
    expect(normalisePhone('0086 138 0013 8000', 'US')).toEqual(ok('+8613800138000'));
    expect(normalisePhone('0086 10 6552 9988', 'GB')).toEqual(ok('+861065529988'));
  });

  it('reads full-width digits typed with a Chinese input method', () => {
    expect(normalisePhone('１３８ ００１３ ８０００', 'CN')).toEqual(ok('+8613800138000'));
    expect(normalisePhone('＋８６ 138 0013 8000', 'US')).toEqual(ok('+8613800138000'));
  });
});

describe('normalisePhone — US numbers', () => {
  it.each([
    ['(415) 555-0100', '+14155550100'],
    ['415-555-0100', '+14155550100'],
    ['415.555.0100', '+14155550100'],
    ['1 415 555 0100', '+14155550100'],
    ['+1 415 555 0100', '+14155550100'],
    ['+14155550100', '+14155550100'],
    ['011 86 138 0013 8000', '+8613800138000'],
  ])('reads %s with region US as %s', (input, e164) => {
    expect(normalisePhone(input, 'US')).toEqual(ok(e164));
  });

  it('reads a +1 number with region CN', () => {
    expect(normalisePhone('+1 (415) 555-0100', 'CN')).toEqual(ok('+14155550100'));
    expect(normalisePhone('001 415 555 0100', 'CN')).toEqual(ok('+14155550100'));
  });

  it('treats a leading 00 as the international prefix instead of making a wrong +1 number', () => {
    expect(normalisePhone('0049 30 1234567', 'US')).toEqual(ok('+49301234567'));
    expect(normalisePhone('0049 30 1234567', 'US')).not.toEqual(ok('+10049301234567'));
  });

  it('defaults to US and accepts a lower-case region', () => {
    expect(normalisePhone('(415) 555-0100')).toEqual(ok('+14155550100'));
    expect(normalisePhone('138 0013 8000', 'cn')).toEqual(ok('+8613800138000'));
  });
});

describe('normalisePhone — failures', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['abc', 'not_a_number'],
    ['call me maybe', 'not_a_number'],
    ['12', 'too_short'],
    ['+1 23', 'too_short'],
    ['1'.repeat(80), 'too_long'],
    ['555-0100', 'invalid'],
    ['0000000000', 'invalid'],
    ['+999 123 456 789', 'invalid'],
    ['13800138000', 'invalid'], // a Chinese mobile read as a US national number
    ['0010 6552 9988', 'invalid'],
  ])('refuses %j as %s', (input, reason) => {
    expect(normalisePhone(input, 'US')).toEqual({ ok: false, reason });
  });

  it('refuses a national number under an unknown region instead of throwing', () => {
    expect(normalisePhone('138 0013 8000', 'XX')).toEqual({ ok: false, reason: 'invalid' });
    expect(normalisePhone('+86 138 0013 8000', 'XX')).toEqual(ok('+8613800138000'));
  });

  it('describes every failure and offers a nullable shortcut', () => {
    expect(describePhoneFailure('invalid')).toMatch(/valid phone number/);
    expect(toE164('garbage', 'CN')).toBeNull();
    expect(toE164('138 0013 8000', 'CN')).toBe('+8613800138000');
  });
});
