import { ctiAdapter } from './cti/adapter';
import { telnyxAdapter } from './telnyx/adapter';
import { twilioAdapter } from './twilio/adapter';
import type { ProviderName, TelephonyAdapter } from './types';

/** Every adapter by provider name; the webhook routes pick theirs from here. */
export const telephonyAdapters: Readonly<Record<ProviderName, TelephonyAdapter>> = {
  twilio: twilioAdapter,
  telnyx: telnyxAdapter,
  cti: ctiAdapter,
};

export const providerNames = Object.keys(telephonyAdapters) as ProviderName[];

export function telephonyAdapter(provider: ProviderName): TelephonyAdapter {
  return telephonyAdapters[provider];
}

export function isProviderName(value: string): value is ProviderName {
  return Object.hasOwn(telephonyAdapters, value);
}
