import { z } from 'zod';

/**
 * The environment of the contract, read once at boot. Import `env()` instead of reading
 * process.env anywhere else, so every variable has one default and one error message.
 */
const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalSecret = z.preprocess(emptyToUndefined, z.string().min(1).optional());

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^postgres(ql)?$/ }).optional()),
    REDIS_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379')),
    HOST: z.preprocess(emptyToUndefined, z.string().default('127.0.0.1')),
    PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(3000)),
    PUBLIC_BASE_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional()),
    API_TOKEN: optionalSecret,
    TWILIO_AUTH_TOKEN: optionalSecret,
    TWILIO_ACCOUNT_SID: optionalSecret,
    /** Where follow-up dialling calls Twilio's REST API; tests point it at a local stand-in. */
    TWILIO_API_BASE_URL: z.preprocess(emptyToUndefined, z.url().default('https://api.twilio.com')),
    TWILIO_CALLER_ID: optionalSecret,
    TELNYX_PUBLIC_KEY: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .refine((k) => Buffer.from(k, 'base64').length === 32, 'must be a base64 32-byte ed25519 public key')
        .optional(),
    ),
    CTI_TOKEN: optionalSecret,
    DEFAULT_REGION: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim().toUpperCase() : undefined),
      z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code such as US or CN').default('US'),
    ),
    WORKERS: z.preprocess(emptyToUndefined, z.enum(['inline', 'off']).default('inline')),
    /** `off`: an API/webhook-only process that serves no console pages (the console lives elsewhere). */
    CONSOLE: z.preprocess(emptyToUndefined, z.enum(['on', 'off']).default('on')),
    LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
    /** Prefix of every Redis key this deployment writes (BullMQ queues, presence, streams); lets tests share one Redis. */
    REDIS_PREFIX: z.preprocess(emptyToUndefined, z.string().regex(/^[A-Za-z0-9_-]+$/).default('sb')),
  })
  .transform((e) => ({ ...e, PUBLIC_BASE_URL: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '') }));

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {
  constructor(readonly issues: Array<{ variable: string; message: string }>) {
    super(`Invalid environment: ${issues.map((i) => `${i.variable} ${i.message}`).join('; ')}`);
    this.name = 'EnvError';
  }
}

/** Pure: parse a given environment (tests pass their own). */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => ({ variable: String(i.path[0] ?? '?'), message: i.message })));
  }
  return result.data;
}

let cached: Env | undefined;

/** The process environment, parsed on first use; a bad value throws EnvError naming it. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For tests and scripts that change process.env before booting a server in-process. */
export function resetEnvCache(): void {
  cached = undefined;
}
