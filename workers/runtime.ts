import { UnrecoverableError, Worker } from 'bullmq';
import type { AppContext } from '../server/context';
import { jobCatalog, queueNames, type JobData, type JobName } from './catalog';
import { blockingConnection } from './redis';
import { jobHandlers } from './handlers';

export type JobHandler<N extends JobName> = (ctx: AppContext, data: JobData<N>) => Promise<void>;
export type JobHandlers = { [N in JobName]?: JobHandler<N> };

// Concurrency 20: every job is a few short queries; the database pool is the real limit.
const CONCURRENCY = 20;

export interface WorkerRuntime {
  close(): Promise<void>;
}

export function startWorkers(ctx: AppContext, handlers: JobHandlers = jobHandlers): WorkerRuntime {
  const connections = queueNames.map(() => blockingConnection(ctx.config.REDIS_URL));
  const workers = queueNames.map((queue, i) => {
    const worker = new Worker(
      queue,
      async (job) => {
        const name = job.name as JobName;
        const spec = jobCatalog[name];
        if (!spec) throw new UnrecoverableError(`unknown job ${job.name}`);
        const parsed = spec.data.safeParse(job.data);
        if (!parsed.success) throw new UnrecoverableError(`bad data for ${name}: ${parsed.error.message}`);
        const handler = handlers[name] as JobHandler<typeof name> | undefined;
        if (!handler) throw new UnrecoverableError(`no handler for ${name}`);
        await handler(ctx, parsed.data as never);
      },
      { connection: connections[i]!, prefix: `${ctx.config.REDIS_PREFIX}:bull`, concurrency: CONCURRENCY },
    );
    worker.on('error', (err) => ctx.logger.error({ err, queue }, 'worker error'));
    worker.on('failed', (job, err) => ctx.logger.warn({ err, job: job?.name, id: job?.id }, 'job failed'));
    return worker;
  });
  return {
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await Promise.allSettled(connections.map((c) => c.quit()));
    },
  };
}
