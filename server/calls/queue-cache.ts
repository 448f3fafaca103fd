import type { RoutedQueue } from './resolve-queue';

// Queues and their numbers change rarely; a few seconds of staleness after an admin edit is
// worth one database round trip less on every ringing call.
const TTL_MS = 5_000;

/** Dialled number → queue, remembered briefly per process. */
export class QueueCache {
  private readonly entries = new Map<string, { queue: Promise<RoutedQueue>; expires: number }>();

  constructor(private readonly load: (dialled: string) => Promise<RoutedQueue>, private readonly now = () => Date.now()) {}

  get(dialled: string): Promise<RoutedQueue> {
    const hit = this.entries.get(dialled);
    if (hit && hit.expires > this.now()) return hit.queue;
    const queue = this.load(dialled);
    this.entries.set(dialled, { queue, expires: this.now() + TTL_MS });
    queue.catch(() => this.entries.delete(dialled));
    if (this.entries.size > 10_000) this.entries.clear(); // unbounded dialled numbers: stay small
    return queue;
  }
}
