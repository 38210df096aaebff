import { z } from 'zod';
import { MSG, VariancePolicySchema } from '@pwr-sync/shared';

/** PUT /api/years/:year (admin): open/close a year, move its deadline, change its variance thresholds. */
export const UpdateYearRequestSchema = z.object({
  status: z.enum(['open', 'closed']).optional(),
  deadline: z.string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, MSG.schema.dateFormat)
    // a real calendar day: 2025-02-30 would roll over to March in Date
    // (zod runs this check on a malformed text too: leave that to the regex, and never throw)
    .refine((d) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return true;
      const t = new Date(`${d}T00:00:00Z`);
      return !Number.isNaN(t.getTime()) && t.toISOString().startsWith(d);
    }, MSG.schema.noSuchDay)
    .nullable().optional(),
  policy: VariancePolicySchema.optional(),
}).strict();
