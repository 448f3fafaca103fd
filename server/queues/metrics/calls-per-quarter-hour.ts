import { DateTime } from 'luxon';
import { isAbandon, queuedAt, type QueueCall } from './queue-call';
import { startOfLocalDay, startOfNextLocalDay } from './start-of-local-day';

export interface QuarterHourBucket {
  start: Date;
  /** Local wall-clock "HH:mm"; on the night clocks go back two buckets share a label. */
  label: string;
  offered: number;
  answered: number;
  abandoned: number;
}

const QUARTER_MS = 15 * 60 * 1000;

/**
 * Today's calls in 15-minute buckets of the queue's local day containing `now`, from local midnight to
 * the next: 96 buckets, 92 or 100 on a daylight-saving day (real quarter hours, so none is stretched or
 * squeezed; every zone in use has offsets in whole quarter hours). A call counts in the bucket it was
 * queued in, answered and abandoned included — the chart shows demand, not when agents caught up.
 * Future buckets are zero so the axis is always the whole day.
 */
export function callsPerQuarterHour(calls: Iterable<QueueCall>, timezone: string, now: Date): QuarterHourBucket[] {
  const dayStart = startOfLocalDay(now, timezone).getTime();
  const count = Math.round((startOfNextLocalDay(now, timezone).getTime() - dayStart) / QUARTER_MS);
  const buckets: QuarterHourBucket[] = Array.from({ length: count }, (_, i) => {
    const start = new Date(dayStart + i * QUARTER_MS);
    return {
      start,
      label: DateTime.fromJSDate(start, { zone: timezone }).toFormat('HH:mm'),
      offered: 0,
      answered: 0,
      abandoned: 0,
    };
  });
  for (const call of calls) {
    const bucket = buckets[Math.floor((queuedAt(call).getTime() - dayStart) / QUARTER_MS)];
    if (bucket === undefined) continue;
    bucket.offered += 1;
    if (call.answeredAt) bucket.answered += 1;
    else if (isAbandon(call)) bucket.abandoned += 1;
  }
  return buckets;
}
