/**
 * The one typed socket.io event map, shared by the server and the console (import type only).
 * Shapes are the contract's (../shared/CONTRACT.md); the wire is still validated with zod.
 */
export type AgentStatus = 'available' | 'away' | 'wrap_up';
export type AgentState = AgentStatus | 'busy' | 'offline';
export type CallState = 'ringing' | 'answered' | 'completed' | 'missed' | 'abandoned';
export type Segment = 'gold' | 'meteor' | 'stream' | 'burden';

export interface PopCustomer {
  id: string;
  name: string;
  phones: string[];
  email: string | null;
  tags: string[];
  segment: Segment | null;
  rfm: { recency: number; frequency: number; monetary: number } | null;
  timezone: string | null;
  locale?: string | null;
}

export interface PopHistoryEntry {
  id: string;
  at: string;
  channel: string;
  direction: string;
  summary: string;
  disposition: string | null;
  agent: { id: string; name: string } | null;
}

export interface PopOrder {
  id: string;
  externalId: string;
  total: number;
  currency: string;
  status: string;
  placedAt: string;
}

export interface PopComplaint {
  id: string;
  summary: string;
  category: string;
  severity: string;
  status: string;
  level: number;
  assigneeId: string | null;
  respondBy: string | null;
  resolveBy: string | null;
  createdAt: string;
}

export interface PopFollowUp {
  id: string;
  reason: string;
  kind: string;
  dueAt: string;
  status: string;
  attempt: number;
  assigneeId: string | null;
}

/** The customer part of a screen-pop: also the `pop` of followup:due and GET /api/customers/{id}. */
export interface PopBody {
  customer: PopCustomer | null;
  candidates: PopCustomer[];
  history: PopHistoryEntry[];
  orders: PopOrder[];
  complaints: PopComplaint[];
  followUps: PopFollowUp[];
}

export interface CallPop extends PopBody {
  callId: string;
  provider: string;
  /** The provider's own id of the call (Twilio CallSid, Telnyx call_session_id, CTI callId). */
  providerCallId: string;
  from: string;
  to: string;
  queue: string;
  startedAt: string;
}

export interface CallStateEvent {
  callId: string;
  state: CallState;
  agentId?: string;
  at: string;
}

export interface QueueSnapshotEntry {
  name: string;
  waiting: number;
  longestWaitSeconds: number;
  agents: { available: number; busy: number; wrapUp: number; away: number };
  offered: number;
  answered: number;
  abandoned: number;
  serviceLevel: number | null;
  [extra: string]: unknown;
}

export interface QueueSnapshot {
  at: string;
  queues: QueueSnapshotEntry[];
  [extra: string]: unknown;
}

export interface FollowUpDue {
  followUp: { id: string; customerId: string; reason: string; dueAt: string; attempt: number; [extra: string]: unknown };
  pop: PopBody & { from?: string; to?: string; queue?: string | null };
  /** Id to acknowledge with `notification:ack` so it is not replayed. */
  notificationId?: string;
}

export interface ComplaintAssigned {
  complaint: { id: string; level: number; status: string; assigneeId: string | null; respondBy: string | null; resolveBy: string | null; [extra: string]: unknown };
  notificationId?: string;
}

export interface ComplaintUpdated {
  complaint: ComplaintAssigned['complaint'];
  /** What happened: created, escalated, escalation_exhausted, acknowledge, start, resolve, close, reopen. */
  change: string;
}

export interface ServerToClientEvents {
  'call:pop': (pop: CallPop) => void;
  'call:state': (event: CallStateEvent) => void;
  'queue:snapshot': (snapshot: QueueSnapshot) => void;
  'followup:due': (event: FollowUpDue) => void;
  'complaint:assigned': (event: ComplaintAssigned) => void;
  'complaint:warning': (event: ComplaintAssigned & { deadline: 'respond' | 'resolve'; secondsLeft: number }) => void;
  /** A complaint changed (status, level, assignee): the lists refresh. At most once; not stored. */
  'complaint:updated': (event: ComplaintUpdated) => void;
  'agent:state': (event: { agentId: string; state: AgentState; since: string }) => void;
}

export type Ack<T = Record<string, unknown>> = (response: ({ ok: true } & T) | { ok: false; error: string }) => void;

export interface ClientToServerEvents {
  'agent:status': (payload: { status: AgentStatus }, ack?: Ack<{ status: AgentStatus }>) => void;
  'notification:ack': (payload: { id: string }, ack?: Ack) => void;
}

export interface SocketData {
  userId: string;
  role: 'agent' | 'supervisor' | 'complaint_handler' | 'admin';
  teamId: string | null;
  name: string;
}
