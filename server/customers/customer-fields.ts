import { z } from 'zod';

/** Request fields shared by create-customer and update-customer. */

export const customerName = z.string().trim().min(1).max(200);

export const customerEmail = z.string().trim().max(320).pipe(z.email());

export const customerTags = z
  .array(z.string().trim().min(1).max(50))
  .max(50)
  .transform((tags) => [...new Set(tags)]);

/** Regular check-in every N days (客户跟踪频率). */
export const followUpFrequencyDays = z.number().int().min(1).max(3650);
