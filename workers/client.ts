import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { jobCatalog, queueNames, type JobData, type JobName, type QueueName } from './catalog';

// Keep a bounded tail of finished jobs for inspection; Redis is not an archive.
const defaultJobOptions: JobsOptions = {
  removeOnComplete: { count: 1000, age: 24 * 3600 },
  removeOnFail: { count: 5000, age: 7 * 24 * 3600 },
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
};

export class JobClient {
  readonly queues: Map<QueueName, Queue>;

  constructor(connection: Redis, readonly prefix: string) {
    this.queues = new Map(queueNames.map((name) => [name, new Queue(name, { connection, prefix: `${prefix}:bull`, defaultJobOptions })]));
  }

  queue(name: QueueName): Queue {
    const q = this.queues.get(name);
    if (!q) throw new Error(`unknown queue ${name}`);
    return q;
  }

  async enqueue<N extends JobName>(name: N, data: JobData<N>, options: JobsOptions = {}): Promise<void> {
    const spec = jobCatalog[name];
    await this.queue(spec.queue).add(name, spec.data.parse(data), options);
  }

  /** Removes a delayed job by id (a rescheduled follow-up); missing jobs are fine. */
  async remove(name: JobName, id: string): Promise<void> {
    await this.queue(jobCatalog[name].queue).remove(id);
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
