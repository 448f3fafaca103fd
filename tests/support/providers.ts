import { encodeTwilioForm, signTwilioRequest, type TwilioParams } from '../../telephony/twilio/sign';
import { signTelnyxPayload } from '../../telephony/telnyx/sign';

/**
 * The provider stand-in: sends each provider's exact webhook, signed with its real algorithm.
 * Twilio signs over the public URL it was given, not the address the server listens on.
 */
export async function postTwilio(
  listenUrl: string,
  opts: { publicBaseUrl: string; authToken: string; path: string; params: TwilioParams; signature?: string },
): Promise<{ status: number; body: string; contentType: string | null }> {
  const signature = opts.signature ?? signTwilioRequest(opts.authToken, `${opts.publicBaseUrl}${opts.path}`, opts.params);
  const res = await fetch(`${listenUrl}${opts.path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    body: encodeTwilioForm(opts.params),
  });
  return { status: res.status, body: await res.text(), contentType: res.headers.get('content-type') };
}

export async function postTelnyx(
  listenUrl: string,
  opts: { privateKey: string; payload: unknown; signedAt?: Date; tamper?: boolean },
): Promise<number> {
  const body = JSON.stringify(opts.payload);
  const timestamp = Math.floor((opts.signedAt ?? new Date()).getTime() / 1000);
  const signature = signTelnyxPayload(opts.privateKey, timestamp, body);
  const res = await fetch(`${listenUrl}/webhooks/telnyx`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'telnyx-signature-ed25519': signature, 'telnyx-timestamp': String(timestamp) },
    body: opts.tamper ? body.replace('"from":"', '"from":"9') : body,
  });
  await res.arrayBuffer();
  return res.status;
}
