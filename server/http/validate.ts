import type { z } from 'zod';
import { badRequest, zodDetails } from './errors';

/** Parse request input with a zod schema; a failure is a 400 naming every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what = 'invalid request'): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (!result.success) throw badRequest(what, zodDetails(result.error));
  return result.data;
}
