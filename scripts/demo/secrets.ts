import { generateKeyPairSync, type KeyObject } from 'node:crypto';

export const DEMO_SECRETS = { CTI_TOKEN: 'demo-cti-token', TWILIO_AUTH_TOKEN: 'demo-twilio-token' } as const;

export interface DemoProviderKeys {
  /** Signs simulated Telnyx webhooks; present only when the demo generated TELNYX_PUBLIC_KEY itself. */
  telnyxPrivateKey?: KeyObject;
}

/**
 * Provider secrets for the demo, where the user has not set their own: fixed tokens for the CTI and
 * Twilio webhooks, and a fresh ed25519 key pair for Telnyx (public half in TELNYX_PUBLIC_KEY, as
 * the raw 32-byte key in base64; the private half stays in memory for the call simulator).
 */
export function applyDemoSecrets(env: NodeJS.ProcessEnv): DemoProviderKeys {
  for (const [key, value] of Object.entries(DEMO_SECRETS)) if (!env[key]?.trim()) env[key] = value;
  if (env.TELNYX_PUBLIC_KEY?.trim()) return {};
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  env.TELNYX_PUBLIC_KEY = raw.toString('base64');
  return { telnyxPrivateKey: privateKey };
}
