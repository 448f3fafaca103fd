import type { BusinessHours } from '../../../db/schema/queues';
import { nextOpening } from './next-opening';

/** Whether the hours are open at `at` (null hours = always open). */
export function isOpen(at: Date, hours: BusinessHours | null, timezone: string): boolean {
  return nextOpening(at, hours, timezone).getTime() === at.getTime();
}
