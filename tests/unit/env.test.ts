import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from '../../server/config/env';

describe('environment', () => {
  it('gives every variable of the contract its default', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      REDIS_URL: 'redis://127.0.0.1:6379',
      HOST: '127.0.0.1',
      PORT: 3000,
      PUBLIC_BASE_URL: 'http://localhost:3000',
      DEFAULT_REGION: 'US',
      WORKERS: 'inline',
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.API_TOKEN).toBeUndefined();
    expect(env.TWILIO_AUTH_TOKEN).toBeUndefined();
    expect(env.TELNYX_PUBLIC_KEY).toBeUndefined();
    expect(env.CTI_TOKEN).toBeUndefined();
  });

  it('derives PUBLIC_BASE_URL from PORT and drops a trailing slash', () => {
    expect(parseEnv({ PORT: '8080' }).PUBLIC_BASE_URL).toBe('http://localhost:8080');
    expect(parseEnv({ PUBLIC_BASE_URL: 'https://cc.example.com/' }).PUBLIC_BASE_URL).toBe('https://cc.example.com');
  });

  it('reads values and treats empty strings as unset', () => {
    const env = parseEnv({ DEFAULT_REGION: 'cn', WORKERS: 'off', API_TOKEN: '', PORT: '0', DATABASE_URL: 'postgres://u@h:5432/db' });
    expect(env.DEFAULT_REGION).toBe('CN');
    expect(env.WORKERS).toBe('off');
    expect(env.API_TOKEN).toBeUndefined();
    expect(env.PORT).toBe(0);
  });

  it.each([
    ['PORT', { PORT: 'eighty' }],
    ['PORT', { PORT: '70000' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://x@y/z' }],
    ['REDIS_URL', { REDIS_URL: 'not a url' }],
    ['DEFAULT_REGION', { DEFAULT_REGION: 'China' }],
    ['WORKERS', { WORKERS: 'sometimes' }],
    ['TELNYX_PUBLIC_KEY', { TELNYX_PUBLIC_KEY: 'c2hvcnQ=' }],
    ['PUBLIC_BASE_URL', { PUBLIC_BASE_URL: 'ftp://example.com' }],
  ])('a bad %s stops the start with a message naming it', (variable, source) => {
    let error: unknown;
    try {
      parseEnv(source);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(EnvError);
    expect((error as EnvError).message).toContain(variable);
    expect((error as EnvError).issues.map((i) => i.variable)).toContain(variable);
  });
});
