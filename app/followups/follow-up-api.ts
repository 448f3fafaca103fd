import { apiFetch } from '../lib/api';
import type { FollowUpView } from '../../server/followups/follow-up-view';

export type { FollowUpView };
export type Outcome = 'reached' | 'no_answer' | 'wrong_number';
export const OUTCOMES: Outcome[] = ['reached', 'no_answer', 'wrong_number'];

export interface MyFollowUpsResponse {
  now: string;
  due: FollowUpView[];
  upcoming: FollowUpView[];
  overdue: FollowUpView[];
}

export type DialResponse = { dialled: true; callSid: string; to: string } | { dialled: false; manual: true; to: string | null };

export const fetchMyFollowUps = (signal?: AbortSignal) => apiFetch<MyFollowUpsResponse>('/api/followups?mine=1', { signal });
export const recordOutcome = (id: string, outcome: Outcome) => apiFetch<FollowUpView>(`/api/followups/${id}/outcome`, { method: 'POST', body: { outcome } });
export const dialFollowUp = (id: string) => apiFetch<DialResponse>(`/api/followups/${id}/dial`, { method: 'POST', body: {} });

/** Fired on window when a follow-up changed here, so every list on the page reloads. */
export const FOLLOWUPS_CHANGED = 'switchboard:followups-changed';
export const announceChange = () => window.dispatchEvent(new Event(FOLLOWUPS_CHANGED));
