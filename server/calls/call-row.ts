import type { CallState } from '../realtime/events';

/** The calls row as the hot path reads it with raw SQL (snake_case, as PostgreSQL returns it). */
export interface CallRow {
  id: string;
  provider: 'twilio' | 'telnyx' | 'cti';
  provider_call_id: string;
  direction: 'inbound' | 'outbound';
  from_number: string;
  to_number: string;
  queue_id: string | null;
  customer_id: string | null;
  state: CallState;
  offered_agent_id: string | null;
  answered_agent_id: string | null;
  last_seq: number;
  started_at: Date;
  queued_at: Date | null;
  offered_at: Date | null;
  answered_at: Date | null;
  ended_at: Date | null;
  end_cause: string | null;
  wrapped_up_at: Date | null;
}
