import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { calls, interactions } from '../../db/schema';
import type { Principal } from '../auth/principal';
import { forbidden, notFound } from '../http/errors';
import { recordAudit } from '../audit/record-audit';
import { handledBy } from './call-access';

export interface WrapUpInput {
  disposition: string;
  notes: string;
}

/**
 * After the call: the disposition and notes become a contact-history entry on the customer, which
 * the next pop shows. A second wrap-up of the same call edits that entry instead of adding one.
 */
export async function wrapUpCall(db: Database, actor: Principal, callId: string, input: WrapUpInput): Promise<{ interactionId: string }> {
  return db.transaction(async (tx) => {
    const [call] = await tx.select().from(calls).where(eq(calls.id, callId)).for('update').limit(1);
    if (!call) throw notFound('call not found');
    if (!handledBy(actor, call)) throw forbidden('only the agent who handled the call can wrap it up');
    const agentId = call.answeredAgentId ?? call.offeredAgentId ?? (actor.kind === 'user' ? actor.user.id : null);
    const summary = input.notes.trim() || input.disposition;
    const now = new Date();
    await tx.update(calls).set({ disposition: input.disposition, notes: input.notes, wrappedUpAt: now }).where(eq(calls.id, callId));
    const [existing] = await tx.select({ id: interactions.id }).from(interactions)
      .where(and(eq(interactions.callId, callId), eq(interactions.channel, 'phone'))).limit(1);
    let interactionId: string;
    if (existing) {
      await tx.update(interactions).set({ summary, disposition: input.disposition, customerId: call.customerId }).where(eq(interactions.id, existing.id));
      interactionId = existing.id;
    } else {
      const [row] = await tx.insert(interactions).values({
        customerId: call.customerId, callId, channel: 'phone', direction: call.direction, summary, disposition: input.disposition, agentId, at: call.startedAt,
      }).returning({ id: interactions.id });
      interactionId = row!.id;
    }
    await recordAudit(tx, actor, { action: 'call.wrap-up', entity: 'call', entityId: callId, data: { disposition: input.disposition } });
    return { interactionId };
  });
}
