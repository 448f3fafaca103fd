import { LRUCache } from 'lru-cache';
import type { CallRow } from './call-row';

/**
 * The last row this process wrote or read for each recent call, so the next provider event of
 * the call can skip reading it. Only a hint: every write is a compare-and-set on what it was
 * decided from, so a row another process changed meanwhile is caught and read afresh. Calls last
 * minutes; a busy process sees a few thousand at once, and a miss costs one read.
 */
export class RecentCalls {
  private readonly rows = new LRUCache<string, CallRow>({ max: 10_000 });

  private static key(provider: string, providerCallId: string): string {
    return `${provider}\u0000${providerCallId}`;
  }

  get(provider: string, providerCallId: string): CallRow | undefined {
    return this.rows.get(RecentCalls.key(provider, providerCallId));
  }

  remember(row: CallRow): void {
    this.rows.set(RecentCalls.key(row.provider, row.provider_call_id), row);
  }
}
