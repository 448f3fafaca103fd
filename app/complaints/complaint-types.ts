import type { ComplaintListItem } from '../../server/complaints/queries/complaint-view';
import type { ComplaintDetail, ComplaintEventView } from '../../server/complaints/queries/get-complaint';

// The API's shapes, shared with the server by type only.
export type { ComplaintListItem, ComplaintDetail, ComplaintEventView };
export type ComplaintStatus = 'new' | 'acknowledged' | 'in_progress' | 'resolved' | 'closed';
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];
