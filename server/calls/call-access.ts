import type { Principal } from '../auth/principal';

/**
 * Agents act only on calls they were offered or answered; supervisors, complaint handlers, admins
 * and integrations act on any call. Pure.
 */
export function handledBy(actor: Principal, call: { offeredAgentId: string | null; answeredAgentId: string | null }): boolean {
  if (actor.kind !== 'user' || actor.user.role !== 'agent') return true;
  return actor.user.id === call.answeredAgentId || actor.user.id === call.offeredAgentId;
}
