import type { AssignRule, EscalationLevel, EscalationPolicy } from '../../../db/schema';
import { formatIsoDuration } from '../../lib/iso-duration';

export interface PolicyView {
  id: string;
  name: string;
  categories: string[];
  severities: string[];
  levels: Array<{ level: number; assignTo: AssignRule; respondWithin: string; resolveWithin: string }>;
  updatedAt: string;
}

/** The API's shape of a policy: windows as ISO-8601 durations, as they were written. */
export function toPolicyView(policy: EscalationPolicy, levels: readonly EscalationLevel[]): PolicyView {
  return {
    id: policy.id,
    name: policy.name,
    categories: policy.categories,
    severities: policy.severities,
    levels: [...levels]
      .sort((a, b) => a.level - b.level)
      .map((l) => ({
        level: l.level,
        assignTo: l.assignTo,
        respondWithin: formatIsoDuration(l.respondWithinSeconds),
        resolveWithin: formatIsoDuration(l.resolveWithinSeconds),
      })),
    updatedAt: policy.updatedAt.toISOString(),
  };
}
