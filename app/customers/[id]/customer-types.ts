import type { Segment } from '../../../server/realtime/events';
import type { RfmReason } from '../../../server/customers/value/explain-rfm';

export interface CustomerProfileData {
  id: string;
  name: string;
  phones: string[];
  email: string | null;
  tags: string[];
  segment: Segment | null;
  rfm: { recency: number; frequency: number; monetary: number } | null;
  timezone: string | null;
  teamId: string | null;
  teamName: string | null;
  followUpFrequencyDays: number | null;
  valueComputedAt: string | null;
  /** Why the customer is in their segment (GET /api/customers/{id}/profile). */
  valueReasons?: RfmReason[];
}

export interface CustomerOrder {
  id: string;
  externalId: string;
  total: number;
  currency: string;
  status: string;
  placedAt: string;
}

export interface TimelineItem {
  kind: 'interaction' | 'call' | 'complaint' | 'followup';
  id: string;
  at: string;
  status: string;
  summary: string;
  detail: string | null;
  agent: { id: string; name: string } | null;
}
