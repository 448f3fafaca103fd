import { and, asc, eq, gt, lte } from 'drizzle-orm';
import type { AppContext } from '../context';
import { followUps } from '../../db/schema';
import { ensureFollowUpTimer, hasFollowUpTimer } from './follow-up-timer';
import { offerFollowUp, type OfferResult } from './offer-follow-up';

// Per pass: a backlog larger than this is worked through over the next passes.
const WAITING_BATCH = 200;
const TIMER_BATCH = 10_000;
const REDIS_PARALLEL = 100;

/** Offers follow-ups that are due and still pending: they fell due while nobody was available, or while the system was down. */
export async function offerWaitingFollowUps(ctx: AppContext, now = new Date()): Promise<Record<OfferResult, number>> {
  const due = await ctx.db
    .select({ id: followUps.id, attempt: followUps.attempt })
    .from(followUps)
    .where(and(eq(followUps.status, 'pending'), lte(followUps.dueAt, now)))
    .orderBy(asc(followUps.dueAt))
    .limit(WAITING_BATCH);
  const counts: Record<OfferResult, number> = { offered: 0, waiting: 0, deferred: 0, skipped: 0 };
  // One at a time: each offer reads the agents' load, which the previous offer changed.
  for (const f of due) counts[await offerFollowUp(ctx, f.id, f.attempt, new Date())] += 1;
  return counts;
}

/**
 * Re-creates the timer of every pending follow-up due in the future that has none in Redis
 * (Redis lost its data, was flushed, or an enqueue failed after the row was written). The
 * database is the source of truth; the timers are derived from it.
 */
export async function recreateMissingTimers(ctx: AppContext, now = new Date()): Promise<number> {
  const future = await ctx.db
    .select({ id: followUps.id, attempt: followUps.attempt, dueAt: followUps.dueAt })
    .from(followUps)
    .where(and(eq(followUps.status, 'pending'), gt(followUps.dueAt, now)))
    .orderBy(asc(followUps.dueAt))
    .limit(TIMER_BATCH);
  let recreated = 0;
  for (let i = 0; i < future.length; i += REDIS_PARALLEL) {
    await Promise.all(
      future.slice(i, i + REDIS_PARALLEL).map(async (f) => {
        if (await hasFollowUpTimer(ctx, f.id, f.attempt)) return;
        await ensureFollowUpTimer(ctx, f.id, f.attempt, f.dueAt);
        recreated += 1;
      }),
    );
  }
  return recreated;
}

/** The boot sweep, repeated periodically: nothing the database holds is forgotten by Redis. */
export async function sweepFollowUps(ctx: AppContext): Promise<{ recreated: number; offered: number; waiting: number }> {
  const recreated = await recreateMissingTimers(ctx);
  const counts = await offerWaitingFollowUps(ctx);
  if (recreated > 0 || counts.offered > 0) ctx.logger.info({ recreated, ...counts }, 'follow-up sweep');
  return { recreated, offered: counts.offered, waiting: counts.waiting };
}
