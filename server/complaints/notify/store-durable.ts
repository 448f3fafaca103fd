import type { Tx } from '../../../db/client';
import { notifications } from '../../../db/schema';
import type { AppContext } from '../../context';
import type { DurableEvent } from '../../notifications/outbox';
import type { ServerToClientEvents } from '../../realtime/events';
import { userRoom } from '../../realtime/rooms';

type Payload<E extends DurableEvent> = Parameters<ServerToClientEvents[E]>[0];

export interface PendingDelivery {
  /** Emits the stored message to the user's sockets; call after the transaction committed. */
  send(ctx: AppContext): void;
}

/**
 * deliverDurably (notifications/outbox.ts) split in two: the notifications row is written in the
 * transaction that escalates or creates the complaint, so a crash between the two cannot leave a
 * reassignment without its message; the emit happens after commit. The row is the same one the
 * outbox replays on connect until the console sends `notification:ack`.
 */
export async function storeDurable<E extends DurableEvent>(tx: Tx, userId: string, event: E, payload: Payload<E>): Promise<PendingDelivery> {
  const [row] = await tx.insert(notifications).values({ userId, event, payload }).returning({ id: notifications.id });
  const id = row!.id;
  return {
    send(ctx) {
      // The event name is a union here; the payload type was checked by the signature above.
      (ctx.realtime.io.to(userRoom(userId)).emit as (e: string, p: unknown) => boolean)(event, { ...payload, notificationId: id });
    },
  };
}
