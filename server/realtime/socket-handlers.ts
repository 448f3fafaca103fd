import { fastifyCookie } from '@fastify/cookie';
import { z } from 'zod';
import type { AppContext } from '../context';
import { findSessionUser } from '../auth/sessions';
import { SESSION_COOKIE } from '../http/auth-guard';
import { roleRoom, SUPERVISORS_ROOM, teamBoardRoom, userRoom } from './rooms';
import type { TypedServer, TypedSocket } from './realtime';

const statusPayload = z.object({ status: z.enum(['available', 'away', 'wrap_up']) });
const ackPayload = z.object({ id: z.uuid() });

export interface SocketHooks {
  /** An agent asked to change status (already validated). */
  setAgentStatus(agentId: string, status: 'available' | 'away' | 'wrap_up'): Promise<void>;
  onConnect(socket: TypedSocket): Promise<void>;
  onDisconnect(userId: string): Promise<void>;
  acknowledge(userId: string, notificationId: string): Promise<void>;
}

/** Handshake authentication (token in `auth`, or the session cookie) and the per-socket handlers. */
export function registerSocketHandlers(ctx: AppContext, io: TypedServer, hooks: SocketHooks): void {
  io.use(async (socket, next) => {
    try {
      const authToken = typeof socket.handshake.auth?.token === 'string' ? socket.handshake.auth.token : undefined;
      const cookieToken = socket.handshake.headers.cookie ? fastifyCookie.parse(socket.handshake.headers.cookie)[SESSION_COOKIE] : undefined;
      const token = authToken ?? cookieToken;
      if (!token) return next(new Error('unauthorized: no token or session cookie'));
      const user = await findSessionUser(ctx.db, token);
      if (!user) return next(new Error('unauthorized: invalid or expired session'));
      socket.data = { userId: user.id, role: user.role, teamId: user.teamId, name: user.name };
      next();
    } catch (err) {
      ctx.logger.error({ err }, 'socket handshake failed');
      next(new Error('handshake failed'));
    }
  });

  io.on('connection', (socket) => {
    const { userId, role } = socket.data;
    void socket.join([userRoom(userId), roleRoom(role)]);
    // Where teams are used, a supervisor sees their team's queues only; admins see every queue.
    if (role === 'admin' || (role === 'supervisor' && !socket.data.teamId)) void socket.join(SUPERVISORS_ROOM);
    else if (role === 'supervisor' && socket.data.teamId) void socket.join(teamBoardRoom(socket.data.teamId));

    socket.on('agent:status', async (payload, ack) => {
      const parsed = statusPayload.safeParse(payload);
      if (!parsed.success) return ack?.({ ok: false, error: 'status must be available, away or wrap_up' });
      try {
        await hooks.setAgentStatus(userId, parsed.data.status);
        ack?.({ ok: true, status: parsed.data.status });
      } catch (err) {
        ctx.logger.error({ err }, 'agent:status failed');
        ack?.({ ok: false, error: 'could not change status' });
      }
    });

    socket.on('notification:ack', async (payload, ack) => {
      const parsed = ackPayload.safeParse(payload);
      if (!parsed.success) return ack?.({ ok: false, error: 'id must be a notification id' });
      await hooks.acknowledge(userId, parsed.data.id).catch((err: unknown) => ctx.logger.error({ err }, 'ack failed'));
      ack?.({ ok: true });
    });

    socket.on('disconnect', () => {
      hooks.onDisconnect(userId).catch((err: unknown) => ctx.logger.error({ err }, 'disconnect hook failed'));
    });

    hooks
      .onConnect(socket)
      .catch((err: unknown) => ctx.logger.error({ err }, 'connect hook failed'));
  });
}
