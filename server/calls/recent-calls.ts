import type { CallRow } from './call-row';

// Calls last a few minutes; a busy process sees a few thousand at once. Past the bound the map
// starts over (a miss costs one read, never a wrong answer).
const LIMIT = 10_000;

/**
 * The last row this process wrote or read for each recent call, so the next provider event of
 * the call can skip reading it. Only a hint: every write is a compare-and-set on what it was
 * decided from, so a row another process changed meanwhile is caught and read afresh.
 */
export class RecentCalls {
  private readonly rows = new Map<string, CallRow>();

  private static key(provider: string, providerCallId: string): string {
    return `${provider}\u0000${providerCallId}`;
  }

  get(provider: string, providerCallId: string): CallRow | undefined {
    return this.rows.get(RecentCalls.key(provider, providerCallId));
  }

  remember(row: CallRow): void {
    if (this.rows.size >= LIMIT) this.rows.clear();
    this.rows.set(RecentCalls.key(row.provider, row.provider_call_id), row);
  }

  forget(provider: string, providerCallId: string): void {
    this.rows.delete(RecentCalls.key(provider, providerCallId));
  }
}
