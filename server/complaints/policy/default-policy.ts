import type { AssignRule } from '../../../db/schema/complaints';

export interface BuiltInLevel {
  level: number;
  assignTo: AssignRule;
  respondWithinSeconds: number;
  resolveWithinSeconds: number;
}

/**
 * The `default` policy created on first use when an admin has not defined one: a complaint handler
 * answers within an hour and resolves within a day; a missed deadline goes to a supervisor, then to
 * an administrator, each with 30 minutes to respond and 8 hours to resolve (each level's windows
 * run from the moment it is reached). Replace it with PUT /api/escalation-policies/default.
 */
export const BUILT_IN_DEFAULT_LEVELS: readonly BuiltInLevel[] = [
  { level: 1, assignTo: { role: 'complaint_handler' }, respondWithinSeconds: 3600, resolveWithinSeconds: 86_400 },
  { level: 2, assignTo: { role: 'supervisor' }, respondWithinSeconds: 1800, resolveWithinSeconds: 8 * 3600 },
  { level: 3, assignTo: { role: 'admin' }, respondWithinSeconds: 1800, resolveWithinSeconds: 8 * 3600 },
];
