import { z } from 'zod';

/**
 * The typed job catalog (formbricks/midday style): every job name, the BullMQ queue it runs on,
 * and the schema of its data. Enqueueing a wrong payload does not compile; a payload that fails
 * the schema at run time is not retried.
 */
export const jobCatalog = {
  'followups.due': { queue: 'followups', data: z.object({ followUpId: z.uuid(), attempt: z.number().int().min(1) }) },
  'complaints.deadline': {
    queue: 'complaints',
    data: z.object({ complaintId: z.uuid(), level: z.number().int().min(1), kind: z.enum(['respond', 'resolve', 'warn-respond', 'warn-resolve']) }),
  },
  /** Every 30 s (a BullMQ job scheduler): escalates what a lost timer missed, re-adds timers. */
  'complaints.sweep': { queue: 'complaints', data: z.object({}) },
  'customers.recompute-value': { queue: 'customers', data: z.object({ customerId: z.uuid() }) },
  'customers.nightly-value': { queue: 'customers', data: z.object({}) },
  'system.sweep': { queue: 'system', data: z.object({}) },
} as const;

export type JobName = keyof typeof jobCatalog;
export type JobData<N extends JobName> = z.infer<(typeof jobCatalog)[N]['data']>;
export type QueueName = (typeof jobCatalog)[JobName]['queue'];
export const queueNames = [...new Set(Object.values(jobCatalog).map((j) => j.queue))] as QueueName[];

/** BullMQ forbids ':' in custom ids; readable, stable ids make duplicate enqueues collapse. */
export const jobId = (...parts: Array<string | number>) => parts.join('-');
