export type ActorRole = 'agent' | 'supervisor' | 'complaint_handler' | 'admin';

/** Who is acting: a signed-in user, or an integration holding API_TOKEN. */
export type ComplaintActor = { kind: 'integration' } | { kind: 'user'; id: string; role: ActorRole };

/**
 * Who may move a complaint along its lifecycle: its assignee, a complaint handler, or someone above
 * (supervisor, admin, integration). Any console user may open one; an agent who is not the assignee
 * may not acknowledge, resolve or close it.
 */
export function mayChangeComplaint(actor: ComplaintActor, assigneeId: string | null): boolean {
  if (actor.kind === 'integration') return true;
  if (actor.role === 'admin' || actor.role === 'supervisor' || actor.role === 'complaint_handler') return true;
  return assigneeId !== null && assigneeId === actor.id;
}
