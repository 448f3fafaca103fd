import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../context';
import { customerPhones, followUps } from '../../db/schema';
import { teamScope, type Principal } from '../auth/principal';
import { recordAudit } from '../audit/record-audit';
import { conflict, HttpError } from '../http/errors';
import { isOpenStatus } from './follow-up-row';
import { visibleFollowUp } from './visible-follow-up';
import { DialError, dialWithTwilio, type TwilioDialConfig } from './twilio-dial';

export type DialResult = { dialled: true; provider: 'twilio'; callSid: string; to: string } | { dialled: false; manual: true; to: string | null };

function twilioConfig(ctx: AppContext): TwilioDialConfig | null {
  const c = ctx.config;
  if (!c.TWILIO_ACCOUNT_SID || !c.TWILIO_AUTH_TOKEN || !c.TWILIO_CALLER_ID) return null;
  return { apiBaseUrl: c.TWILIO_API_BASE_URL, accountSid: c.TWILIO_ACCOUNT_SID, authToken: c.TWILIO_AUTH_TOKEN, callerId: c.TWILIO_CALLER_ID, publicBaseUrl: c.PUBLIC_BASE_URL };
}

/**
 * POST /api/followups/{id}/dial: calls the customer's first number through the configured provider;
 * without one, the agent dials by hand (`manual`) and records the outcome the same way.
 */
export async function dialFollowUp(ctx: AppContext, actor: Principal, id: string): Promise<DialResult> {
  const row = await visibleFollowUp(ctx.db, id, teamScope(actor));
  if (!isOpenStatus(row.status)) throw conflict(`follow-up is ${row.status}`);
  const [phone] = await ctx.db.select({ e164: customerPhones.e164 }).from(customerPhones).where(eq(customerPhones.customerId, row.customerId)).orderBy(asc(customerPhones.id)).limit(1);
  const config = twilioConfig(ctx);
  if (!config) return { dialled: false, manual: true, to: phone?.e164 ?? null };
  if (!phone) throw conflict('the customer has no phone number');
  let callSid: string;
  try {
    callSid = await dialWithTwilio(config, phone.e164);
  } catch (err) {
    if (err instanceof DialError) throw new HttpError(502, err.message);
    throw err;
  }
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(followUps)
      .set({ dialCallId: callSid, lastAttemptAt: new Date(), updatedAt: new Date() })
      .where(and(eq(followUps.id, id), inArray(followUps.status, ['pending', 'offered'])));
    await recordAudit(tx, actor, { action: 'followup.dial', entity: 'follow_up', entityId: id, data: { provider: 'twilio', callSid } });
  });
  return { dialled: true, provider: 'twilio', callSid, to: phone.e164 };
}
