import pino from 'pino';

/** Secrets never reach the logs: every place a token, password or cookie can sit is redacted. */
export const redactPaths = [
  'password',
  '*.password',
  'token',
  '*.token',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-twilio-signature"]',
  'req.headers["telnyx-signature-ed25519"]',
  'res.headers["set-cookie"]',
  'req.query.token',
];

export function createLogger(level: string, destination?: pino.DestinationStream): pino.Logger {
  return pino(
    {
      level,
      redact: { paths: redactPaths, censor: '[redacted]' },
      base: { pid: process.pid },
    },
    destination,
  );
}

export type Logger = pino.Logger;
