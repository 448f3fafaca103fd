import { and, asc, eq, isNull } from 'drizzle-orm';
import type { AppContext } from '../context';
import { notifications } from '../../db/schema';
import type { ServerToClientEvents } from '../realtime/events';
import type { TypedSocket } from '../realtime/realtime';
import { userRoom } from '../realtime/rooms';

/** Events that must reach their recipient at least once. */
export type DurableEvent = 'followup:due' | 'complaint:assigned' | 'complaint:warning';
type Payload<E extends DurableEvent> = Parameters<ServerToClientEvents[E]>[0];

/**
 * socket.io delivers at most once and keeps nothing for an offline client, so a message that
 * matters is stored first, sent with its id, and replayed on every connect until acknowledged.
 */
export async function deliverDurably<E extends DurableEvent>(ctx: AppContext, userId: string, event: E, payload: Payload<E>): Promise<string> {
  const [row] = await ctx.db.insert(notifications).values({ userId, event, payload }).returning({ id: notifications.id });
  const id = row!.id;
  // The event name is a union here; the payload type was checked by the signature above.
  (ctx.realtime.io.to(userRoom(userId)).emit as (e: string, p: unknown) => boolean)(event, { ...payload, notificationId: id });
  return id;
}

export async function replayPending(ctx: AppContext, socket: TypedSocket): Promise<void> {
  const pending = await ctx.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, socket.data.userId), isNull(notifications.ackedAt)))
    .orderBy(asc(notifications.createdAt))
    .limit(500);
  for (const n of pending) {
    (socket.emit as (e: string, p: unknown) => boolean)(n.event, { ...(n.payload as object), notificationId: n.id });
  }
}

export async function acknowledge(ctx: AppContext, userId: string, id: string): Promise<void> {
  await ctx.db
    .update(notifications)
    .set({ ackedAt: new Date() })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId), isNull(notifications.ackedAt)));
}
