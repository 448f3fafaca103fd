import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context';
import type { Services } from '../services';
import type { AdapterSecrets, TelephonyAdapter, WebhookRequest } from '../../telephony/types';
import { HttpError, notFound } from '../http/errors';
import { bodyKey, markProcessed, storeProviderEvent } from '../calls/store-provider-event';
import type { HandledCallEvent } from '../calls/call-service';

export function adapterSecrets(ctx: AppContext): AdapterSecrets {
  return {
    publicBaseUrl: ctx.config.PUBLIC_BASE_URL,
    twilioAuthToken: ctx.config.TWILIO_AUTH_TOKEN,
    telnyxPublicKey: ctx.config.TELNYX_PUBLIC_KEY,
    ctiToken: ctx.config.CTI_TOKEN,
  };
}

function toWebhookRequest(request: FastifyRequest): WebhookRequest {
  return {
    method: request.method,
    pathAndQuery: request.url,
    headers: request.headers,
    rawBody: request.rawBody ?? '',
    body: request.body ?? {},
    query: (request.query ?? {}) as WebhookRequest['query'],
  };
}

/**
 * Every provider's webhook goes through here: configured? verified (403)? well-formed (400)?
 * Then each event is stored before anything else and applied once; a repeat delivery of an
 * applied event changes nothing. The route answers only after this returns.
 */
export async function handleWebhook(
  ctx: AppContext,
  services: Services,
  adapter: TelephonyAdapter,
  request: FastifyRequest,
): Promise<{ handled: HandledCallEvent[]; duplicates: number }> {
  const secrets = adapterSecrets(ctx);
  if (!adapter.configured(secrets)) throw notFound('provider not configured');
  const webhook = toWebhookRequest(request);
  const now = new Date();

  const verified = adapter.verify(webhook, secrets, now);
  if (!verified.ok) {
    request.log.warn({ provider: adapter.provider, reason: verified.reason, ip: request.ip }, 'webhook refused');
    throw new HttpError(verified.status, verified.reason);
  }
  const parsed = adapter.parse(webhook, now);
  if (!parsed.ok) {
    request.log.warn({ provider: adapter.provider, reason: parsed.reason }, 'malformed webhook');
    throw new HttpError(400, parsed.reason);
  }

  const sql = ctx.database.sql;
  if (parsed.events.length === 0) {
    const stored = await storeProviderEvent(sql, adapter.provider, bodyKey(webhook.rawBody), webhook.body);
    await markProcessed(sql, stored.id, null);
    return { handled: [], duplicates: stored.duplicate ? 1 : 0 };
  }

  const handled: HandledCallEvent[] = [];
  let duplicates = 0;
  for (const event of parsed.events) {
    // A ringing call's pop is looked up while the event is stored (read-only, see RoutePrefetch).
    const prefetch = services.calls.prefetch(event);
    const stored = await storeProviderEvent(sql, adapter.provider, event.eventKey, webhook.body);
    if (stored.duplicate) {
      duplicates += 1;
      continue;
    }
    try {
      const result = await services.calls.handle(event, prefetch, stored.id);
      handled.push(result);
      if (!result.eventMarked) await markProcessed(sql, stored.id, result.callId);
    } catch (err) {
      // Stored but not applied: the provider's retry of this delivery will apply it.
      await markProcessed(sql, stored.id, null, err instanceof Error ? err.message : String(err)).catch(() => {});
      throw err;
    }
  }
  return { handled, duplicates };
}
