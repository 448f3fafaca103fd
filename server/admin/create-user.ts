import { z } from 'zod';
import { inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { queues, userQueues, users } from '../../db/schema';
import type { Principal } from '../auth/principal';
import { hashPassword } from '../auth/password';
import { recordAudit } from '../audit/record-audit';
import { badRequest, conflict } from '../http/errors';
import { phoneField } from '../phones/phone-schema';
import { ensureTeam } from './ensure-team';
import { locale, teamName } from './field-schemas';

export const roles = ['agent', 'supervisor', 'complaint_handler', 'admin'] as const;

export function createUserInput(defaultRegion: string) {
  return z.object({
    email: z.string().trim().toLowerCase().max(320).pipe(z.email()),
    name: z.string().trim().min(1).max(200),
    password: z.string().min(8).max(1024),
    role: z.enum(roles),
    queues: z.array(z.string().trim().min(1).max(100)).max(100).default([]),
    team: teamName.optional(),
    locale: locale.optional(),
    /** Where a Twilio <Dial> reaches this agent: a Voice SDK client identity… */
    dialIdentity: z.string().trim().min(1).max(200).optional(),
    /** …or a phone number. */
    phone: phoneField(defaultRegion).optional(),
  });
}
export type CreateUserInput = z.infer<ReturnType<typeof createUserInput>>;

/** Creates a console user with their team (made on first mention) and queue memberships. */
export async function createUser(db: Tx, actor: Principal, input: CreateUserInput): Promise<{ id: string }> {
  const passwordHash = await hashPassword(input.password); // outside the transaction: ~50 ms of CPU
  return db.transaction(async (tx) => {
    const queueNames = [...new Set(input.queues)];
    const found = queueNames.length
      ? await tx.select({ id: queues.id, name: queues.name }).from(queues).where(inArray(queues.name, queueNames))
      : [];
    const idByName = new Map(found.map((q) => [q.name, q.id]));
    const unknown = input.queues.map((name, i) => ({ name, i })).filter(({ name }) => !idByName.has(name));
    if (unknown.length) {
      throw badRequest(
        `unknown queue ${unknown.map((u) => JSON.stringify(u.name)).join(', ')}`,
        unknown.map((u) => ({ path: `queues.${u.i}`, message: `unknown queue ${JSON.stringify(u.name)}` })),
      );
    }

    const teamId = input.team ? await ensureTeam(tx, actor, input.team) : null;
    const [user] = await tx
      .insert(users)
      .values({
        email: input.email,
        name: input.name,
        role: input.role,
        teamId,
        passwordHash,
        locale: input.locale ?? 'en',
        dialIdentity: input.dialIdentity ?? null,
        phone: input.phone ?? null,
      })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    if (!user) throw conflict('a user with this email already exists', [{ path: 'email', message: 'already in use' }]);

    if (idByName.size) await tx.insert(userQueues).values([...idByName.values()].map((queueId) => ({ userId: user.id, queueId })));
    await recordAudit(tx, actor, {
      action: 'user.create',
      entity: 'user',
      entityId: user.id,
      data: { email: input.email, name: input.name, role: input.role, team: input.team ?? null, queues: queueNames, locale: input.locale ?? 'en' },
    });
    return { id: user.id };
  });
}
