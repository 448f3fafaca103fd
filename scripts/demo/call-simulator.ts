import type { KeyObject } from 'node:crypto';
import type { Env } from '../../server/config/env';
import type { DEMO_CALLERS } from '../../db/seed';

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

/** Hook for the demo's simulated inbound calls (webhooks against `baseUrl`); replaced by the lead. */
export async function startCallSimulator(baseUrl: string, options: CallSimulatorOptions): Promise<CallSimulator> {
  void baseUrl;
  options.log('call simulator: not enabled yet');
  return { stop: async () => {} };
}
