import { z } from 'zod';
import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { queueNumbers, queues } from '../../db/schema';
import type { Principal } from '../auth/principal';
import { recordAudit } from '../audit/record-audit';
import { conflict } from '../http/errors';
import { phoneField } from '../phones/phone-schema';
import { ensureTeam } from './ensure-team';
import { businessHours, teamName, timeZone } from './field-schemas';

export function createQueueInput(defaultRegion: string) {
  return z.object({
    name: z.string().trim().min(1).max(100),
    /** Dialled numbers that land in this queue; E.164 expected, national forms read with DEFAULT_REGION. */
    numbers: z.array(phoneField(defaultRegion)).max(200).default([]),
    serviceLevelSeconds: z.number().int().min(1).max(3600).default(20),
    /** Target share (percent) answered within serviceLevelSeconds, for the wallboard. */
    serviceLevelTarget: z.number().int().min(0).max(100).optional(),
    timezone: timeZone.default('UTC'),
    businessHours: businessHours.nullable().optional(),
    prioritiseGold: z.boolean().optional(),
    team: teamName.optional(),
  });
}
export type CreateQueueInput = z.infer<ReturnType<typeof createQueueInput>>;

/** Creates a queue and claims its numbers; a number owned by another queue is a 409 and nothing is kept. */
export async function createQueue(db: Tx, actor: Principal, input: CreateQueueInput): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const teamId = input.team ? await ensureTeam(tx, actor, input.team) : null;
    const [queue] = await tx
      .insert(queues)
      .values({
        name: input.name,
        teamId,
        serviceLevelSeconds: input.serviceLevelSeconds,
        serviceLevelTarget: input.serviceLevelTarget,
        timezone: input.timezone,
        businessHours: input.businessHours ?? null,
        prioritiseGold: input.prioritiseGold,
      })
      .onConflictDoNothing({ target: queues.name })
      .returning({ id: queues.id });
    if (!queue) throw conflict(`a queue named ${JSON.stringify(input.name)} already exists`, [{ path: 'name', message: 'already in use' }]);

    const numbers = [...new Set(input.numbers)];
    if (numbers.length) {
      const claimed = await tx
        .insert(queueNumbers)
        .values(numbers.map((e164) => ({ e164, queueId: queue.id })))
        .onConflictDoNothing({ target: queueNumbers.e164 })
        .returning({ e164: queueNumbers.e164 });
      if (claimed.length < numbers.length) {
        const got = new Set(claimed.map((c) => c.e164));
        const taken = numbers.filter((n) => !got.has(n));
        const owners = await tx
          .select({ e164: queueNumbers.e164, queue: queues.name })
          .from(queueNumbers)
          .innerJoin(queues, eq(queues.id, queueNumbers.queueId))
          .where(inArray(queueNumbers.e164, taken));
        const ownerOf = new Map(owners.map((o) => [o.e164, o.queue]));
        throw conflict(
          `number already belongs to another queue: ${taken.join(', ')}`,
          taken.map((e164) => ({
            path: `numbers.${input.numbers.indexOf(e164)}`,
            message: `${e164} belongs to queue ${JSON.stringify(ownerOf.get(e164) ?? '?')}`,
          })),
        );
      }
    }

    await recordAudit(tx, actor, {
      action: 'queue.create',
      entity: 'queue',
      entityId: queue.id,
      data: { name: input.name, numbers, serviceLevelSeconds: input.serviceLevelSeconds, timezone: input.timezone, team: input.team ?? null },
    });
    return { id: queue.id };
  });
}
