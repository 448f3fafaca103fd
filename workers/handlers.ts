import type { JobHandlers } from './runtime';

/** name → handler registry; each domain adds its handlers here. */
export const jobHandlers: JobHandlers = {};
