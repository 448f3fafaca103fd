import type { KeyObject } from 'node:crypto';
import type { Env } from '../../server/config/env';
import type { DEMO_CALLERS } from '../../db/seed';
import { startCallSimulator as simulateCalls } from './simulate-calls';

export interface CallSimulatorOptions {
  config: Env;
  /** Seeded callers: Wang Wei 王伟 (+8613800138000), Acme Corp (+14155550100), shared numbers. */
  callers: typeof DEMO_CALLERS;
  /** Queue numbers to dial. */
  numbers: { sales: string; supportCn: string };
  /** Present when the demo generated the Telnyx key pair: sign simulated Telnyx webhooks with it. */
  telnyxPrivateKey?: KeyObject;
  log: (line: string) => void;
}

export interface CallSimulator {
  stop(): Promise<void>;
}

/**
 * The demo's phone network: rings the console every few seconds with Twilio webhooks signed like
 * Twilio signs them (over PUBLIC_BASE_URL), from the seeded callers and now and then a stranger.
 */
export async function startCallSimulator(baseUrl: string, options: CallSimulatorOptions): Promise<CallSimulator> {
  const token = options.config.TWILIO_AUTH_TOKEN;
  if (!token) {
    options.log('call simulator: TWILIO_AUTH_TOKEN is not set, no simulated calls');
    return { stop: async () => {} };
  }
  const simulator = simulateCalls({
    listenUrl: baseUrl,
    publicBaseUrl: options.config.PUBLIC_BASE_URL,
    twilioAuthToken: token,
    callers: Object.values(options.callers),
    dialled: options.numbers.sales,
    log: (line) => options.log(`call simulator: ${line}`),
  });
  options.log('call simulator: ringing the console every 6–12 s (go Available as an agent to take the calls)');
  return { stop: async () => simulator.stop() };
}
