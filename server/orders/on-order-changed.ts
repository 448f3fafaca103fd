import type { AppContext } from '../context';
import { jobId } from '../../workers/catalog';

// Orders tend to arrive in bursts (an import, a shop replaying its webhooks): a short delay lets
// the stable job id collapse them into one recompute per customer.
const RECOMPUTE_DELAY_MS = 500;
// A Redis that accepts the connection but never answers must not hold the HTTP request.
const ENQUEUE_TIMEOUT_MS = 2000;
const REDIS_DOWN = new Set(['reconnecting', 'close', 'end']);

/**
 * Hook point after an order of `customerId` was created or changed. Queues the customer's value
 * (RFM, segment) recompute; never throws: the order is already committed and the nightly value
 * run catches anything missed while Redis was away.
 */
export async function onOrderChanged(ctx: AppContext, customerId: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    // Known to be down: fail at once rather than make every order request wait for the timeout.
    if (REDIS_DOWN.has(ctx.redis.status)) throw new Error(`redis is ${ctx.redis.status}`);
    const enqueue = ctx.jobs.enqueue(
      'customers.recompute-value',
      { customerId },
      // Removed when done, so the id is free again for the next change (BullMQ ignores an add
      // whose id is still stored, completed or failed).
      { jobId: jobId('value', customerId), delay: RECOMPUTE_DELAY_MS, removeOnComplete: true, removeOnFail: true },
    );
    enqueue.catch(() => {}); // a late rejection after the timeout must not be unhandled
    await Promise.race([
      enqueue,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`enqueue timed out after ${ENQUEUE_TIMEOUT_MS} ms`)), ENQUEUE_TIMEOUT_MS);
      }),
    ]);
  } catch (err) {
    ctx.logger.warn({ err, customerId, event: 'customers.recompute-value.enqueue-failed' }, 'could not queue customer value recompute');
  } finally {
    clearTimeout(timer);
  }
}
