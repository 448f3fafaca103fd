import { and, asc, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { complaints } from '../../../db/schema';
import type { AppContext } from '../../context';
import { loadLevelsByPolicy } from '../policies/policy-levels';
import { scheduleDeadlineJobs } from './deadline-jobs';
import { escalateComplaint } from './escalate-complaint';

const OPEN = ['new', 'acknowledged', 'in_progress'] as const;
const BATCH = 200;
// Escalations of a backlog run 10 at a time: each is one short transaction; the pool has 20.
const PARALLEL = 10;

export interface SweepOptions {
  /** Re-create timers only for deadlines this close (ms); null = all (at boot). */
  horizonMs: number | null;
  now?: () => Date;
}

export interface SweepResult {
  escalated: number;
  flagged: number;
  timers: number;
}

const nextDue = sql`least(case when ${complaints.acknowledgedAt} is null then ${complaints.respondBy} end, ${complaints.resolveBy})`;

/**
 * The database is the source of truth, Redis only holds the timers. This escalates every open
 * complaint whose deadline has passed (while the server was down, or a timer that Redis lost), then
 * re-adds the timers of the rest (existing ids are left alone). Run at boot and every 30 s; running
 * it twice, or alongside the timers, changes nothing twice (escalateComplaint is guarded).
 */
export async function sweepDeadlines(ctx: AppContext, options: SweepOptions): Promise<SweepResult> {
  const clock = options.now ?? (() => new Date());
  const result: SweepResult = { escalated: 0, flagged: 0, timers: 0 };
  const seen = new Set<string>();
  for (let round = 0; round < 50; round++) {
    const now = clock();
    const overdue = await ctx.db
      .select({ id: complaints.id, level: complaints.level })
      .from(complaints)
      .where(and(inArray(complaints.status, [...OPEN]), or(and(isNull(complaints.acknowledgedAt), lte(complaints.respondBy, now)), lte(complaints.resolveBy, now))))
      .orderBy(asc(nextDue))
      .limit(BATCH);
    // A complaint that stays overdue after its turn (no level to go to and nothing changed) is not retried in a loop.
    const fresh = overdue.filter((c) => !seen.has(`${c.id}:${c.level}`));
    if (fresh.length === 0) break;
    for (let i = 0; i < fresh.length; i += PARALLEL) {
      const outcomes = await Promise.all(
        fresh.slice(i, i + PARALLEL).map(async (c) => {
          seen.add(`${c.id}:${c.level}`);
          return escalateComplaint(ctx, c.id, c.level, clock()).catch((err: unknown) => {
            ctx.logger.error({ err, complaintId: c.id }, 'sweep could not escalate a complaint');
            return null;
          });
        }),
      );
      result.escalated += outcomes.filter((o) => o?.outcome === 'escalated').length;
      result.flagged += outcomes.filter((o) => o?.outcome === 'exhausted').length;
    }
  }

  const horizon = options.horizonMs === null ? null : new Date(clock().getTime() + options.horizonMs);
  const upcoming = await ctx.db
    .select()
    .from(complaints)
    .where(and(inArray(complaints.status, [...OPEN]), horizon ? sql`${nextDue} <= ${horizon.toISOString()}::timestamptz` : sql`${nextDue} is not null`));
  const levels = await loadLevelsByPolicy(ctx.db, upcoming.map((c) => c.policyId));
  result.timers = await scheduleDeadlineJobs(ctx, upcoming.map((complaint) => ({ complaint, levels: levels.get(complaint.policyId) ?? [] })));
  return result;
}
