/** What every factory needs: the seed, the time everything is relative to, and the ids of base rows. */
export interface SeedRefs {
  teams: { north: string; east: string };
  queues: { default: string; sales: string; supportCn: string };
  /** Agents who appear in contact history and follow-ups. */
  agentIds: string[];
  supervisorId: string;
  complaintHandlerId: string;
  adminId: string;
  policyId: string;
  /** Level 1 of the default policy: new complaints start there. */
  firstLevel: { respondWithinSeconds: number; resolveWithinSeconds: number };
}

export interface SeedContext {
  seed: number;
  /** Timestamps are offsets from this instant, so a fixed anchor gives byte-identical data. */
  anchor: Date;
  ordersPerCustomer: number;
  refs: SeedRefs;
}

export const DAY = 86_400_000;
export const HOUR = 3_600_000;

export const at = (anchor: Date, offsetMs: number) => new Date(anchor.getTime() + offsetMs);

/** Start of the current UTC day: two runs on the same day produce the same timestamps. */
export function defaultAnchor(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}
