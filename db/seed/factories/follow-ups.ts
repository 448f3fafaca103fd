import type { NewFollowUp } from '../../schema';
import { at, DAY, HOUR, type SeedContext } from '../context';
import type { Rng } from '../random';
import { FOLLOW_UP_REASONS } from './vocabulary';

type Kind = NonNullable<NewFollowUp['kind']>;
const KINDS: ReadonlyArray<readonly [Kind, number]> = [['callback', 40], ['satisfaction', 30], ['check_in', 25], ['other', 5]];

export interface PendingFollowUpSpec {
  id: string;
  customerId: string;
  kind: Kind;
  reason: string;
  dueAt: Date;
  queueId: string;
  assigneeId?: string | null;
  createdBy: string;
  createdAt: Date;
}

export function pendingFollowUp(spec: PendingFollowUpSpec): NewFollowUp {
  return {
    id: spec.id,
    customerId: spec.customerId,
    kind: spec.kind,
    reason: spec.reason,
    dueAt: spec.dueAt,
    assigneeId: spec.assigneeId ?? null,
    queueId: spec.queueId,
    status: 'pending',
    attempt: 1,
    maxAttempts: 3,
    retryAfterSeconds: 3600,
    createdBy: spec.createdBy,
    createdAt: spec.createdAt,
    updatedAt: spec.createdAt,
  };
}

/** Due 1–14 days after the anchor at 10:00 local (02:00 UTC in Shanghai, 15:00 UTC on the US east coast). */
export function randomFollowUp(ctx: SeedContext, rng: Rng, c: { id: string; customerId: string; region: 'CN' | 'US'; locale: 'en' | 'zh-CN' }): NewFollowUp {
  const kind = rng.weighted(KINDS);
  const agent = rng.pick(ctx.refs.agentIds);
  return pendingFollowUp({
    id: c.id,
    customerId: c.customerId,
    kind,
    reason: FOLLOW_UP_REASONS[c.locale === 'zh-CN' ? 'zh' : 'en'][kind],
    dueAt: at(ctx.anchor, rng.int(1, 14) * DAY + (c.region === 'CN' ? 2 : 15) * HOUR),
    queueId: c.region === 'CN' ? ctx.refs.queues.supportCn : ctx.refs.queues.sales,
    assigneeId: rng.chance(0.5) ? agent : null,
    createdBy: agent,
    createdAt: at(ctx.anchor, -rng.int(1, 10) * DAY),
  });
}
